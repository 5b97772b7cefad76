// Measures a first search in headless Chromium: bytes downloaded for the search page and the
// query, and the time from typing to the first results. Used by bench/search.sh.
import { serve, browser } from "../tests/browser/lib.mjs";

const queries = process.argv.slice(2);
const server = await serve();
const b = await browser();
for (const query of queries) {
  const context = await b.newContext();
  const page = await context.newPage();
  let bytes = 0;
  const files = [];
  page.on("response", async (r) => {
    try {
      const body = await r.body();
      bytes += body.length;
      files.push(`${new URL(r.url()).pathname.split("/").slice(-2).join("/")} ${body.length}`);
    } catch { /* redirects have no body */ }
  });
  await page.goto(server.url + "sok/");
  await page.waitForLoadState("networkidle");
  const pageBytes = bytes;
  const started = Date.now();
  await page.locator("#sok-fraga").fill(query);
  await page.waitForFunction(() => document.querySelectorAll("#sok-resultat > li").length > 0);
  const ms = Date.now() - started - 120; // the input is debounced by 120 ms
  await page.waitForLoadState("networkidle");
  const count = await page.textContent("#sok-status");
  console.log(`query "${query}": first results after ${ms} ms (excluding the 120 ms typing debounce); ` +
    `downloaded ${bytes} bytes in all (${pageBytes} for the search page, ${bytes - pageBytes} for the query); ${count}`);
  await context.close();
}
await b.close();
server.close();
