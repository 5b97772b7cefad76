// Issue 6: search in Swedish in the built bundled handbook, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { serve, browser, newPage } from "./lib.mjs";

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

async function results(page, query) {
  const input = page.locator("#sok-fraga");
  await input.fill(query);
  await page.waitForFunction((q) => document.getElementById("sok-status").textContent.includes(q), query);
  return page.$$eval("#sok-resultat > li > a", (as) => as.map((a) => a.getAttribute("href")));
}

test("klimatanpassning finds the network page for ecological sustainability first", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  const hrefs = await results(page, "klimatanpassning");
  assert.ok(hrefs.length > 0, "some results");
  assert.match(hrefs[0], /natverken\/ekologisk-hallbarhet\/#klimatanpassning$/);
  assert.deepEqual(page.external, []);
});

test("hållbara finds pages that say hållbarhet, with a highlighted excerpt", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  const hrefs = await results(page, "hållbara");
  assert.ok(hrefs.length >= 10, `many pages: ${hrefs.length}`);
  const marks = await page.$$eval("#sok-resultat mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.some((m) => m.startsWith("hållbarhet")), `a mark on hållbarhet: ${marks.slice(0, 10)}`);
  const sections = await page.$$eval("#sok-resultat .result-section", (ps) => ps.length);
  assert.ok(sections > 0, "results name their section");
});

test("a filter narrows the results", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  await results(page, "hållbarhet");
  const count = async () => parseInt(await page.textContent("#sok-status"), 10);
  const before = await count();
  await page.locator(".search-filters summary").click();
  const box = page.getByLabel(/^Nätverk för social och ekologisk hållbarhet/);
  await box.check();
  await page.waitForFunction((n) => parseInt(document.getElementById("sok-status").textContent, 10) !== n, before);
  const after = await count();
  const narrowed = await page.$$eval("#sok-resultat > li > a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(after > 0 && after < before, `${after} < ${before}`);
  assert.ok(narrowed.every((h) => h.includes("natverken/")), narrowed.join(" "));
});

test("keyboard only: Tab to the box, type, arrow down and Enter open a result", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "sok-fraga")) { break; }
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), "sok-fraga");
  await page.keyboard.type("våld i nära relationer");
  await page.waitForFunction(() => document.querySelectorAll("#sok-resultat > li > a").length > 0);
  await page.keyboard.press("ArrowDown");
  const first = await page.evaluate(() => document.activeElement?.getAttribute("href"));
  assert.ok(first, "focus moved to the first result");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), first);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().includes(first.replace(/^(\.\.\/)+/, "").split("#")[0]), page.url());
});

test("the header search box sends the query to the search page", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "styrgrupp/anvisningar/");
  await page.locator("#sidhuvud-sok").fill("mandat");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  await page.waitForFunction(() => document.querySelectorAll("#sok-resultat > li").length > 0);
  assert.match(page.url(), /sok\/\?q=mandat$/);
  const hrefs = await page.$$eval("#sok-resultat > li > a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.slice(0, 3).some((h) => h.includes("styrgrupp/anvisningar/")), hrefs.join(" "));
});

test("the browser stems Swedish words exactly as the index does", async () => {
  const expected = JSON.parse(fs.readFileSync(new URL("./stems.json", import.meta.url), "utf8"));
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  const words = Object.keys(expected);
  const got = await page.evaluate((ws) => ws.map((w) => window.handbokSearch.stem(w)), words);
  const wrong = words.filter((w, i) => got[i] !== expected[w]);
  assert.deepEqual(wrong, [], `words stemmed differently: ${wrong.slice(0, 10)}`);
});
