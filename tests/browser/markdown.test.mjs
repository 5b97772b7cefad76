// Issue 17, Markdown features in a real browser, on the editors' guide page that shows them:
// the callout is visible with its label; a heading's link is reached with Tab, shows itself
// when focused, and has its own name in the accessibility tree while the heading keeps its
// plain text; axe-core finds no WCAG 2.1 A/AA violation on the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { serve, browser, newPage } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const GUIDE = "redaktorsguide/lagga-till-sida/";
let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

/** The accessibility tree's role and name of the element matching `selector`, and the text
 *  its subtree reads out (the names of its text nodes, joined). */
async function axNode(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  assert.ok(nodeId, `no element ${selector}`);
  const { node } = await cdp.send("DOM.describeNode", { nodeId });
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const own = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  assert.ok(own, `${selector} is not in the accessibility tree`);
  const read = [];
  const walk = (n) => {
    if (n.role?.value === "StaticText") {
      if (!n.ignored) { read.push(n.name?.value ?? ""); }
      return;
    }
    for (const c of n.childIds ?? []) { if (byId.has(c)) { walk(byId.get(c)); } }
  };
  walk(own);
  return { role: own.role?.value, name: own.name?.value ?? "", text: read.join("") };
}

test("the callout in the editors' guide is visible with its label", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(server.url + GUIDE);
    const callout = page.locator(".content .callout.callout-tip").first();
    await callout.scrollIntoViewIfNeeded();
    assert.ok(await callout.isVisible(), `@${width}: the callout is visible`);
    assert.equal(await callout.getAttribute("role"), "note");
    assert.equal((await callout.locator(".callout-title").innerText()).trim(), "Tips");
    const box = await callout.boundingBox();
    assert.ok(box.width > 200 && box.x >= 0 && box.x + box.width <= width, `@${width}: inside the page: ${JSON.stringify(box)}`);
    // Its icon is silent: the label is read as it is.
    const title = await axNode(page, ".content .callout.callout-tip .callout-title");
    assert.equal(title.text, "Tips");
  }
  assert.deepEqual(page.external, []);
});

test("a heading's link is reached with Tab, visible when focused and named once", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url + GUIDE);
  const anchor = ".content a.heading-anchor[href='#faktarutor']";
  assert.equal(await page.evaluate((s) => getComputedStyle(document.querySelector(s)).opacity, anchor), "0",
    "hidden until hovered or focused");
  let reached = null;
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate((s) => (document.activeElement === document.querySelector(s)
      ? { opacity: getComputedStyle(document.activeElement).opacity,
          outline: getComputedStyle(document.activeElement).outlineStyle,
          glyph: getComputedStyle(document.activeElement, "::before").content }
      : null), anchor);
  }
  assert.ok(reached, "Tab reaches the link of the heading Faktarutor");
  assert.equal(reached.opacity, "1", "the focused link shows");
  assert.notEqual(reached.outline, "none", "the focused link has a focus outline");
  assert.match(reached.glyph, /#/);
  // The link's name is its label, and its "#" is silent; the heading reads its words once.
  const link = await axNode(page, anchor);
  assert.deepEqual(link, { role: "link", name: "Länk till avsnittet Faktarutor", text: "" });
  const heading = await axNode(page, "h2#faktarutor");
  assert.deepEqual(heading, { role: "heading", name: "Faktarutor", text: "Faktarutor" });
  await page.keyboard.press("Enter");
  assert.equal(new URL(page.url()).hash, "#faktarutor");
  // Hovering the heading shows the link too.
  await page.mouse.move(0, 0);
  await page.locator("h2#filnamn-och-adress").hover();
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".content a.heading-anchor[href='#filnamn-och-adress']")).opacity), "1");
});

test("axe-core finds no WCAG 2.1 A/AA violation on the guide page at 1280 and 320 px", async () => {
  const page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  const problems = [];
  for (const [width, height] of [[1280, 800], [320, 640]]) {
    await page.setViewportSize({ width, height });
    await page.goto(server.url + GUIDE);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    });
    problems.push(...violations.map((v) => `@${width}px ${v}`));
  }
  assert.deepEqual(problems, []);
});
