// Screenshots of the main page types at 1280 and 320 px, light and dark, for looking at the
// theme. Builds nothing: give it a built site (under base path /hallbarhet/ by default).
// Usage: SITE_DIR=/tmp/site/public [BASE_PATH=/hallbarhet/] node tests/browser/screenshots.mjs OUT_DIR
import fs from "node:fs";
import path from "node:path";
import { serve, browser, newPage } from "./lib.mjs";

const PAGES = [
  ["start", ""],
  ["uppdragsbeskrivning", "natverken/uppdragsbeskrivning/"],
  ["anvisningar", "styrgrupp/anvisningar/"],
  ["handlingsplan", "handlingsplaner/socialnamnden/"],
  ["matris", "handlingsplaner/fokusomraden/"],
  ["sok", "sok/?q=klimat"],
  ["ordlista", "ordlista/"],
  ["versioner", "styrgrupp/anvisningar/versioner/"],
  ["andringar", "senaste-andringar/"],
];
const SIZES = [[1280, 800], [320, 640]];

const out = process.argv[2];
if (!out) {
  console.error("usage: SITE_DIR=DIR node tests/browser/screenshots.mjs OUT_DIR");
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const b = await browser();
try {
  const origin = server.url.replace(/\/[^/]*\/?$/, "");
  for (const scheme of ["light", "dark"]) {
    const page = await newPage(b, origin);
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, rel] of PAGES) {
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await page.goto(server.url + rel, { waitUntil: "load" });
        if (name === "sok") { await page.waitForSelector("#sok-resultat li", { timeout: 5000 }).catch(() => {}); }
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file });
        // Long pages: also the view after scrolling, where the sticky columns show.
        if (width === 1280 && ["uppdragsbeskrivning", "handlingsplan"].includes(name)) {
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
          await page.waitForTimeout(100);
          await page.screenshot({ path: path.join(out, `${name}-${width}-${scheme}-scrolled.png`) });
        }
        // The end of a governing document: its version history and the page footer.
        if (name === "anvisningar") {
          await page.evaluate(() => document.querySelector(".version-history")?.scrollIntoView({ behavior: "instant" }));
          await page.waitForTimeout(100);
          await page.screenshot({ path: path.join(out, `${name}-${width}-${scheme}-history.png`) });
        }
        console.log(file);
      }
    }
    if (page.external.length) { console.error("external requests:", page.external); }
    await page.close();
  }
} finally {
  await b.close();
  server.close();
}
