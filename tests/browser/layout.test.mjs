// Issue 17, layout: a compact header with a menu button on phones, the page title in the first
// screen, a table of contents that stays beside the text and marks where the reader is, and a
// colour scheme the reader can choose and keep.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, browser, newPage, SITE_DIR } from "./lib.mjs";

let server, b, origin;
before(async () => {
  server = await serve();
  b = await browser();
  origin = server.url.replace(/\/[^/]*\/?$/, "");
});
after(async () => { await b?.close(); server?.close(); });

/** The first folder below `dir` in the built site, as a path below the base path. */
function first(dir) {
  const names = fs.readdirSync(path.join(SITE_DIR, dir)).filter((n) => !n.includes("."));
  assert.ok(names.length > 0, `the site has pages below ${dir}/`);
  return `${dir}/${names.sort()[0]}/`;
}

const PAGE_TYPES = () => [
  ["start", ""],
  ["section", "natverken/"],
  ["page", "natverken/uppdragsbeskrivning/"],
  ["action plan", "handlingsplaner/socialnamnden/"],
  ["matrix", "handlingsplaner/fokusomraden/"],
  ["focus area", first("fokusomrade")],
  ["search", "sok/"],
  ["glossary", "ordlista/"],
  ["taxonomy term", first("tema")],
  ["404", "finns-inte/"],
];

test("at 320x640 the header is at most 64 px tall and every page type's h1 is in the first screen", async () => {
  const page = await newPage(b, origin);
  await page.setViewportSize({ width: 320, height: 640 });
  const problems = [];
  for (const [kind, p] of PAGE_TYPES()) {
    await page.goto(server.url + p, { waitUntil: "load" });
    const m = await page.evaluate(() => {
      const header = document.querySelector(".site-header").getBoundingClientRect();
      const h1 = document.querySelector("h1");
      const r = h1 ? h1.getBoundingClientRect() : null;
      return { header: header.height, h1: r && { top: r.top, bottom: r.bottom, text: h1.textContent.trim() } };
    });
    if (m.header > 64) { problems.push(`${kind} (${p}): header ${m.header} px tall`); }
    if (!m.h1) { problems.push(`${kind} (${p}): no h1`); continue; }
    if (m.h1.top < 0 || m.h1.bottom > 640) {
      problems.push(`${kind} (${p}): h1 "${m.h1.text}" at ${Math.round(m.h1.top)}–${Math.round(m.h1.bottom)} px`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(page.external, []);
});

test("at 400 % zoom (a 1280x1024 screen seen as 320x256) every page type's h1 starts in the first screen", async () => {
  const page = await newPage(b, origin);
  await page.setViewportSize({ width: 320, height: 256 });
  const problems = [];
  for (const [kind, p] of PAGE_TYPES()) {
    await page.goto(server.url + p, { waitUntil: "load" });
    const top = await page.evaluate(() => document.querySelector("h1").getBoundingClientRect().top);
    if (top < 0 || top > 200) { problems.push(`${kind} (${p}): h1 at ${Math.round(top)} px`); }
  }
  assert.deepEqual(problems, []);
});

/** The menu button's state and whether the main navigation can be seen. */
async function menuState(page) {
  return page.evaluate(() => {
    const button = document.querySelector(".menu-toggle");
    const nav = document.querySelector(".main-nav");
    const r = nav.getBoundingClientRect();
    return {
      expanded: button.getAttribute("aria-expanded"),
      controls: document.getElementById(button.getAttribute("aria-controls"))?.contains(nav),
      navVisible: r.height > 0 && getComputedStyle(nav).visibility !== "hidden",
    };
  });
}

test("the menu button opens and closes the main navigation, by mouse and by keyboard", async () => {
  const page = await newPage(b, origin);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url + "natverken/uppdragsbeskrivning/");
  const button = page.locator("button.menu-toggle");
  assert.equal(await button.evaluate((e) => e.tagName), "BUTTON");
  assert.equal(await button.innerText(), "Meny");
  assert.deepEqual(await menuState(page), { expanded: "false", controls: true, navVisible: false });

  await button.click();
  assert.deepEqual(await menuState(page), { expanded: "true", controls: true, navVisible: true });
  const links = await page.locator(".main-nav a").evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height > 0));
  assert.ok(links.length >= 5 && links.every(Boolean), "every section link shows in the open menu");
  await button.click();
  assert.deepEqual(await menuState(page), { expanded: "false", controls: true, navVisible: false });

  // Keyboard, from a fresh page: Tab passes the skip link, title and search button to the menu.
  await page.reload();
  await page.keyboard.press("Tab");
  let focus = null;
  for (let i = 0; i < 6 && focus !== "menu-toggle"; i++) {
    await page.keyboard.press("Tab");
    focus = await page.evaluate(() => document.activeElement.classList.contains("menu-toggle") ? "menu-toggle" : document.activeElement.className);
  }
  assert.equal(focus, "menu-toggle", "Tab reaches the menu button");
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  });
  assert.ok(outline, "the focused menu button shows a focus outline");
  await page.keyboard.press("Enter");
  assert.deepEqual(await menuState(page), { expanded: "true", controls: true, navVisible: true });
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.querySelector(".main-nav").contains(document.activeElement)),
    "the next Tab enters the open menu");
  await page.keyboard.press("Escape");
  assert.deepEqual(await menuState(page), { expanded: "false", controls: true, navVisible: false });
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains("menu-toggle")),
    "Escape returns focus to the menu button");
  await page.keyboard.press("Space");
  assert.equal((await menuState(page)).expanded, "true", "Space opens the menu too");
});

test("the search button shows the header search field and focuses it", async () => {
  const page = await newPage(b, origin);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url);
  assert.equal(await page.locator("#sidhuvud-sok").isVisible(), false);
  await page.locator("button.search-toggle").click();
  assert.equal(await page.locator("button.search-toggle").getAttribute("aria-expanded"), "true");
  assert.ok(await page.evaluate(() => document.getElementById(document.querySelector(".search-toggle")
    .getAttribute("aria-controls"))?.contains(document.getElementById("sidhuvud-sok"))), "aria-controls names the search form");
  assert.equal(await page.evaluate(() => document.activeElement.id), "sidhuvud-sok");
  await page.keyboard.type("mandat");
  await page.keyboard.press("Enter");
  await page.waitForURL(/sok\/\?q=mandat/);
});

test("without JavaScript the main navigation and the search field are shown on a phone", async () => {
  const context = await b.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(server.url + "natverken/uppdragsbeskrivning/");
  assert.equal(await page.locator("button.menu-toggle").isVisible(), false, "no button that does nothing");
  assert.equal(await page.locator("button.theme-toggle").isVisible(), false);
  assert.equal(await page.locator(".main-nav a").first().isVisible(), true);
  assert.equal(await page.locator("#sidhuvud-sok").isVisible(), true);
  await context.close();
});

test("at a desk the sidebar and the table of contents stay in view and mark the section being read", async () => {
  const page = await newPage(b, origin);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(server.url + "natverken/uppdragsbeskrivning/");
  const toc = page.locator(".page-aside nav.toc");
  assert.equal(await toc.locator("h2").innerText(), "På den här sidan");
  // The TOC is a column to the right of the text.
  const [text, aside] = await page.evaluate(() => [".content", ".page-aside"].map((s) => document.querySelector(s).getBoundingClientRect().left));
  assert.ok(aside > text + 500, `the table of contents stands beside the text (${aside} vs ${text})`);

  const links = await toc.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.length >= 3);
  const target = links[Math.floor(links.length / 2)];
  await page.evaluate((id) => document.getElementById(id.slice(1)).scrollIntoView(), target);
  await page.waitForFunction((href) => document.querySelector(`.page-aside .toc a[href="${href}"]`).getAttribute("aria-current") === "true", target);
  const marked = await toc.locator("a[aria-current=true]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(marked, [target], "exactly the section in view is marked");
  const inView = await page.evaluate(() => [".page-aside", ".sidebar"].map((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= 0 && r.top < 100 && r.bottom > 200;
  }));
  assert.deepEqual(inView, [true, true], "both columns stay at the top of the screen after scrolling");
  assert.ok(await page.locator(".page-aside .to-top a").isVisible(), "a back-to-top link beside the text");

  // Back to the top: nothing marked.
  await page.locator(".page-aside .to-top a").click();
  await page.waitForFunction(() => window.scrollY < 200);
  await page.waitForFunction(() => !document.querySelector(".page-aside .toc a[aria-current]"));
});

test("the action plan's focus-area list is the table of contents beside the plan", async () => {
  const page = await newPage(b, origin);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url + "handlingsplaner/socialnamnden/");
  const nav = page.locator(".page-aside nav[aria-labelledby=fokusomraden-rubrik]");
  assert.equal(await nav.count(), 1);
  await page.evaluate(() => document.getElementById("fokusomrade-10").scrollIntoView());
  await page.waitForFunction(() => document.querySelector('.page-aside a[href="#fokusomrade-10"]').getAttribute("aria-current") === "true");
  assert.ok(await nav.isVisible(), "the list stays in view");
});

/** Whether the page shows dark: the body's background luminance. */
function isDarkBackground(page) {
  return page.evaluate(() => {
    const [r, g, bl] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
    return (r + g + bl) / 3 < 80;
  });
}

test("the colour scheme follows the system, and the reader's choice is kept across a reload", async () => {
  const context = await b.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(server.url + "natverken/");
  const toggle = page.locator("button.theme-toggle");
  assert.equal(await isDarkBackground(page), true, "dark system scheme: dark page");
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.equal(await toggle.innerText(), "Mörkt läge");

  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  assert.equal(await isDarkBackground(page), false, "the reader chose light");
  await page.reload();
  assert.equal(await isDarkBackground(page), false, "light is kept after a reload");
  assert.equal(await page.locator("button.theme-toggle").getAttribute("aria-pressed"), "false");
  await page.goto(server.url + "ordlista/");
  assert.equal(await isDarkBackground(page), false, "and on the next page");

  await page.locator("button.theme-toggle").click();
  await page.reload();
  assert.equal(await isDarkBackground(page), true, "dark is kept after a reload");
  // Print is always light.
  await page.emulateMedia({ media: "print" });
  assert.equal(await isDarkBackground(page), false, "print is light");
  await context.close();
});
