// Issue 8: WCAG 2.1 AA in a real browser on every page of the built bundled handbook, at a
// desktop and a 320 px wide viewport; valid HTML on every page; keyboard use from the start.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { serve, browser, newPage, SITE_DIR } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const VNU = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");
let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

/** Every page of the site, as a path below the base path; redirect stubs left out. */
function pages() {
  const out = [];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) { walk(full); continue; }
      if (!name.endsWith(".html")) { continue; }
      const html = fs.readFileSync(full, "utf8");
      if (html.includes('http-equiv="refresh"')) { continue; }
      const rel = path.relative(SITE_DIR, full).split(path.sep).join("/");
      out.push(rel.endsWith("index.html") ? rel.slice(0, -"index.html".length) : rel);
    }
  };
  walk(SITE_DIR);
  return out;
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

test("axe-core finds no WCAG 2.1 A/AA violation on any page, at 1280 and at 320 px, light and dark", async () => {
  const origin = server.url.replace(/\/[^/]*\/?$/, "");
  const page = await newPage(b, origin);
  const cdp = await page.context().newCDPSession(page);
  const all = pages();
  assert.ok(all.length > 50, `the whole handbook: ${all.length} pages`);
  const problems = [];
  for (const scheme of ["light", "dark"]) {
   await cdp.send("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value: scheme }] });
   for (const p of all) {
    for (const [width, height] of [[1280, 800], [320, 640]]) {
      await page.setViewportSize({ width, height });
      await page.goto(server.url + p, { waitUntil: "load" });
      const dark = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
      if (dark !== scheme) { problems.push(`${p} @${width}px: color-scheme ${dark} when the system asks for ${scheme}`); }
      for (const v of await axe(page)) { problems.push(`${p} @${width}px ${scheme} ${v}`); }
      if (width === 320) {
        const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        if (scrolls) { problems.push(`${p} @320px scrolls sideways (WCAG 1.4.10)`); }
      }
    }
   }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(page.external, [], "no request leaves the machine");
});

test("every page is valid HTML (Nu HTML Checker)", () => {
  let output = "";
  try {
    output = execFileSync("java", ["-jar", VNU, "--errors-only", "--format", "json", "--skip-non-html", SITE_DIR],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    output = (e.stderr || "") + (e.stdout || "");
  }
  const messages = output.trim() ? JSON.parse(output.trim()).messages : [];
  const errors = messages.filter((m) => m.type === "error").map((m) => `${m.url.replace(/^file:.*?public\//, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, []);
});

test("keyboard: the skip link comes first and moves focus to main; focus is always visible", async () => {
  const origin = server.url.replace(/\/[^/]*\/?$/, "");
  const page = await newPage(b, origin);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const p of ["", "styrgrupp/anvisningar/", "sok/"]) {
    await page.goto(server.url + p);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => ({ cls: document.activeElement.className, href: document.activeElement.getAttribute("href") }));
    assert.equal(first.cls, "skip-link", `${p}: the first Tab reaches the skip link`);
    assert.equal(first.href, "#innehall");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "innehall", `${p}: focus moved to main`);
    // Every element Tab reaches shows a focus indicator (outline or box shadow).
    await page.goto(server.url + p);
    const seen = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) { return null; }
        const s = getComputedStyle(el);
        const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== "none");
        return { tag: el.tagName, text: (el.textContent || el.getAttribute("aria-label") || el.id || "").trim().slice(0, 40), visible };
      });
      if (!info) { break; }
      seen.push(info);
    }
    const hidden = seen.filter((e) => !e.visible).map((e) => `${e.tag} ${e.text}`);
    assert.ok(seen.length >= 5, `${p}: reached ${seen.length} elements`);
    assert.deepEqual(hidden, [], `${p}: elements without a visible focus indicator`);
  }
});
