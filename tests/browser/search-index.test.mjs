// Issue 18: search that forgives, through the real search page of the bundled handbook.
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
  // Result links carry the query (`?q=…`) for marking on arrival and the best section's
  // anchor, which depends on the words as typed: compare the pages they lead to.
  return page.$$eval("#sok-resultat > li > a", (as) => as.map((a) => a.getAttribute("href").replace(/[?#].*$/, "")));
}

test("vaxjo, typed without diacritics, finds the example from Växjö", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  const hrefs = await results(page, "vaxjo");
  assert.ok(hrefs.some((h) => h.includes("exempel/lyckad-modell-i-vaxjo-minskar-socialbidragsberoendet/")), hrefs.join(" "));
  const folded = await results(page, "folkhalsa");
  const exact = await results(page, "folkhälsa");
  assert.ok(exact.length > 0, "folkhälsa finds pages");
  // It finds them all (and pages that say folkhalsa as such, in file names).
  const missing = exact.filter((h) => !folded.includes(h));
  assert.deepEqual(missing, [], `folkhalsa finds the pages folkhälsa finds: ${folded.join(" ")}`);
  assert.deepEqual(page.external, []);
});

test("integrering, a part that never occurs alone, finds jämställdhetsintegrering", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  const hrefs = await results(page, "integrering");
  const pages = fs.readdirSync(new URL("../../content/", import.meta.url), { recursive: true })
    .filter((f) => f.endsWith(".md"))
    .filter((f) => fs.readFileSync(new URL("../../content/" + f, import.meta.url), "utf8").toLowerCase().includes("jämställdhetsintegrering"))
    .map((f) => f.replace(/\.md$/, "").replace(/(^|\/)_index$/, ""));
  assert.ok(pages.length > 0, "the handbook says jämställdhetsintegrering");
  for (const p of pages) {
    assert.ok(hrefs.some((h) => h.replace(/#.*$/, "").replace(/^\.\.\//, "").replace(/\/$/, "") === p), `${p} in ${hrefs.join(" ")}`);
  }
  assert.deepEqual(page.external, []);
});
