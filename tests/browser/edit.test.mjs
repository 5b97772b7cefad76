// Issue 17, the page footer's edit link in a real browser: on a site whose handbok.yaml names
// an `edit_url`, every content page has a visible "Redigera sidan" link to that page's file,
// reached with the keyboard and visibly focused; the bundled handbook, which names none,
// has no such link.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, newPage } from "./lib.mjs";

const EDIT = "https://git.example.se/handbok/-/edit/main/content/";
let edited, bundled, b;
before(async () => {
  edited = await serve(process.env.EDIT_SITE_DIR);
  bundled = await serve();
  b = await browser();
});
after(async () => { await b?.close(); edited?.close(); bundled?.close(); });

const origin = (url) => url.replace(/\/[^/]*\/?$/, "");

test("the edit link names the page's file and is reached with the keyboard", async () => {
  const page = await newPage(b, origin(edited.url));
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [path, file] of [["styrgrupp/anvisningar/", "styrgrupp/anvisningar.md"], ["styrgrupp/", "styrgrupp/_index.md"]]) {
    await page.goto(edited.url + path);
    const link = page.getByRole("link", { name: "Redigera sidan" });
    assert.equal(await link.count(), 1, `${path}: one edit link`);
    assert.equal(await link.getAttribute("href"), EDIT + file, path);
    await link.scrollIntoViewIfNeeded();
    assert.ok(await link.isVisible(), `${path}: the edit link is visible`);
    let focused = false;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() === "Redigera sidan");
    }
    assert.ok(focused, `${path}: Tab reaches the edit link`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none", `${path}: the focused edit link shows its focus`);
  }
  assert.deepEqual(page.external, []);
  await page.close();
});

test("a site without edit_url has no edit link", async () => {
  const page = await newPage(b, origin(bundled.url));
  await page.goto(bundled.url + "styrgrupp/anvisningar/");
  assert.ok(await page.locator("h1").isVisible());
  assert.equal(await page.getByRole("link", { name: "Redigera sidan" }).count(), 0);
  await page.close();
});
