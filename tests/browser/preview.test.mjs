// `handbok serve` as an editor sees it in Chromium: eight open tabs of the preview (more than
// the six HTTP/1.1 connections a browser allows per host) all reload after a save, a save that
// breaks the build shows the error overlay in every tab, and the fix takes it away.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { browser } from "./lib.mjs";

const BIN = process.env.HANDBOK_BIN;
const FIXTURE = process.env.SERVE_FIXTURE;
let b, server, site, origin;

before(async () => {
  if (!BIN || !FIXTURE) { throw new Error("HANDBOK_BIN and SERVE_FIXTURE must be set (run tests/browser/run.sh)"); }
  site = fs.mkdtempSync(path.join(os.tmpdir(), "handbok-preview-"));
  fs.cpSync(FIXTURE, site, { recursive: true });
  // English terminal lines: the address is read from "serving http://…".
  server = spawn(BIN, ["serve", "--root", site, "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, HANDBOK_LANG: "en" },
  });
  origin = await new Promise((resolve, reject) => {
    let said = "";
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${said}`)), 30000);
    server.stderr.on("data", (chunk) => {
      said += chunk;
      const m = said.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve(`http://localhost:${m[1]}`); }
    });
  });
  b = await browser();
});

after(async () => {
  await b?.close();
  server?.kill("SIGTERM");
  fs.rmSync(site, { recursive: true, force: true });
});

test("eight tabs reload after a save, show a broken build's errors and recover", async () => {
  const context = await b.newContext();
  const tabs = [];
  for (let i = 0; i < 8; i++) {
    const tab = await context.newPage();
    await tab.goto(`${origin}/natverk/social-hallbarhet/`);
    tabs.push(tab);
  }
  // Saved at once, while the last tabs may still be opening their sockets: a tab that
  // connects after the build hears a newer state than its page shows, and reloads too.
  const file = path.join(site, "content/natverk/social-hållbarhet.md");
  const original = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, `${original}\nEn mening om cykelbanor i förhandsvisningen.\n`);
  for (const tab of tabs) {
    await tab.waitForFunction(() => !!document.body && document.body.innerText.includes("cykelbanor i förhandsvisningen"),
      null, { timeout: 20000 });
  }
  // A broken front matter: the overlay in every tab, naming the file.
  fs.writeFileSync(file, original.replace(/^---\n/, "---\ntitle: [\n"));
  for (const tab of tabs) {
    const overlay = tab.locator("#handbok-fel");
    await overlay.waitFor({ timeout: 20000 });
    assert.equal(await overlay.getAttribute("role"), "alertdialog");
    assert.match(await overlay.innerText(), /social-hållbarhet\.md/);
  }
  // The fix reloads every tab, without the overlay.
  fs.writeFileSync(file, original);
  for (const tab of tabs) {
    await tab.waitForFunction(() => !!document.body && !document.getElementById("handbok-fel")
      && !document.body.innerText.includes("cykelbanor i förhandsvisningen"), null, { timeout: 20000 });
  }
  await context.close();
});
