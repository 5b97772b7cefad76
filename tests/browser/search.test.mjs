// Issue 6: search in Swedish in the built bundled handbook, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
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
  assert.match(hrefs[0], /natverken\/ekologisk-hallbarhet\/\?q=klimatanpassning#klimatanpassning$/);
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

// ---- Issue 18: the results page (folded filters, results by page, marks on arrival,
// advice when nothing is found). ----

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

async function searchAt(width, height, query) {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.setViewportSize({ width, height });
  await page.goto(server.url + "sok/?q=" + encodeURIComponent(query));
  await page.waitForFunction((q) => document.getElementById("sok-status").textContent.includes(q), query);
  return page;
}

for (const [width, height] of [[1280, 800], [320, 640]]) {
  test(`at ${width}x${height} the first result shows without scrolling, filters folded, no axe violations`, async () => {
    const page = await searchAt(width, height, "hållbarhet");
    assert.equal(await page.$eval(".search-filters", (d) => d.open), false, "filters folded");
    const box = await page.locator("#sok-resultat > li > a").first().boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `first result at ${box?.y}`);
    await page.locator(".search-filters summary").click();
    await page.getByLabel(/^Nätverk för social och ekologisk hållbarhet/).check();
    await page.waitForFunction(() => /\(1 valda\)/.test(document.querySelector(".search-filters summary").textContent));
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(page.external, []);
  });
}

test("results come one entry per page, up to three sections each, the best section first", async () => {
  const page = await searchAt(1280, 800, "ensamhet äldre");
  const entries = await page.$$eval("#sok-resultat > li", (ls) => ls.map((l) => ({
    page: l.querySelector(":scope > a").getAttribute("href").split(/[?#]/)[0],
    parts: Array.from(l.querySelectorAll(".result-parts > li > a")).map((a) => a.getAttribute("href")),
  })));
  const pages = entries.map((e) => e.page);
  assert.equal(new Set(pages).size, pages.length, `one entry a page: ${pages}`);
  assert.ok(entries.every((e) => e.parts.length <= 3), "at most three sections");
  const plan = entries.find((e) => e.page.endsWith("handlingsplaner/socialnamnden/"));
  assert.ok(plan, pages.join(" "));
  // Focus area 10 aims to "motverka ofrivillig ensamhet ... hos äldre"; focus area 13
  // mentions both words further apart. Both are shown, the better one first.
  assert.match(plan.parts[0], /\?q=ensamhet%20%C3%A4ldre#fokusomrade-10$/);
  assert.ok(plan.parts.some((h) => h.endsWith("#fokusomrade-13")), plan.parts.join(" "));
  const marks = await page.$$eval("#sok-resultat .result-parts mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.includes("ensamhet") && marks.includes("äldre"), marks.join(" "));
});

test("a result opens its page with the query's words marked, scrolled to, and a link that clears them", async () => {
  const page = await searchAt(1280, 800, "ensamhet äldre");
  const href = await page.$eval("#sok-resultat .result-parts a", (a) => a.href);
  await page.goto(href);
  const marks = await page.$$eval("main mark.search-mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.includes("ensamhet") && marks.includes("äldre"), marks.join(" "));
  const inView = await page.$$eval("main mark.search-mark", (ms) => ms.some((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && m.closest("section, div, li, p") !== null;
  }));
  assert.ok(inView, "a mark is scrolled into view");
  const area10 = await page.$eval("#fokusomrade-10", (h) => h.getBoundingClientRect().top);
  assert.ok(area10 < 800, `the linked section is in view (${area10})`);
  await Promise.all([page.waitForNavigation(), page.locator(".search-marks a").click()]);
  assert.ok(!page.url().includes("?q="), page.url());
  assert.equal(await page.locator("main mark.search-mark").count(), 0);
  assert.equal(await page.locator(".search-marks").count(), 0);
});

test("a page opened without a query marks nothing", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "handlingsplaner/socialnamnden/#fokusomrade-10");
  assert.equal(await page.locator("main mark.search-mark").count(), 0);
  assert.equal(await page.locator(".search-marks").count(), 0);
});

test("no results: says so, suggests the query less one word, and lists the sections", async () => {
  const page = await searchAt(1280, 800, "qqzzyx xyzzyqq");
  assert.equal(await page.locator("#sok-resultat > li").count(), 0);
  assert.match(await page.textContent("#sok-status"), /Inga träffar/);
  assert.ok(await page.locator("#sok-inga").isVisible());
  const ideas = await page.$$eval("#sok-forslag a", (as) => as.map((a) => a.textContent));
  assert.deepEqual(ideas, ["xyzzyqq", "qqzzyx"]);
  const sections = await page.$$eval("#sok-inga ul a", (as) => as.map((a) => a.getAttribute("href")));
  const nav = await page.$$eval(".main-nav a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(sections, nav);
  await Promise.all([page.waitForNavigation(), page.locator("#sok-forslag a", { hasText: "qqzzyx" }).click()]);
  assert.equal(await page.inputValue("#sok-fraga"), "qqzzyx", "the suggestion searches for the shorter query");
  const some = await searchAt(1280, 800, "ensamhet");
  assert.ok(await some.locator("#sok-inga").isHidden(), "no advice when something is found");
});

test("a typo finds the pages of the word meant and offers it: Menade du …?", async () => {
  const page = await searchAt(1280, 800, "klimatanpasning");
  const status = await page.textContent("#sok-status");
  assert.match(status, /Menade du klimatanpassning\?/, status);
  const hrefs = await page.$$eval("#sok-resultat > li > a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs[0].includes("natverken/ekologisk-hallbarhet/"), hrefs.join(" "));
  // Result links carry the word meant, so that the page marks it.
  assert.ok(hrefs[0].includes("?q=klimatanpassning"), hrefs[0]);
  const marked = await page.$$eval("#sok-resultat mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marked.some((m) => m.startsWith("klimatanpassning")), marked.join(" "));
  await Promise.all([page.waitForNavigation(), page.locator("#sok-status a").click()]);
  assert.equal(await page.inputValue("#sok-fraga"), "klimatanpassning");
  await page.waitForFunction(() => document.getElementById("sok-status").textContent.includes("”klimatanpassning”"));
  assert.doesNotMatch(await page.textContent("#sok-status"), /Menade du/, "a word spelt right gets no suggestion");
  // Short words are taken as typed.
  const short = await searchAt(1280, 800, "bpu");
  assert.doesNotMatch(await short.textContent("#sok-status"), /Menade du/);
});

test("a page opened from a result for a word without diacritics marks the words with them", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "styrgrupp/anvisningar/?q=jamstalldhet");
  const marks = await page.$$eval("main mark.search-mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.some((m) => m.startsWith("jämställdhet")), marks.join(" "));
});

// ---- end of issue 18, results page ----
