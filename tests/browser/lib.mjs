// Shared by the browser tests: a static file server for the built site (as a plain file
// server would serve it, optionally under a base path) and Debian's headless Chromium.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

export const SITE_DIR = process.env.SITE_DIR;
export const BASE_PATH = process.env.BASE_PATH || "/";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".png": "image/png", ".ics": "text/calendar", ".csv": "text/csv", ".pdf": "application/pdf",
};

/** Serves `dir` (SITE_DIR unless given) under BASE_PATH on 127.0.0.1; resolves to its
 *  origin + base path. */
export function serve(dir = SITE_DIR) {
  if (!dir || !fs.existsSync(dir)) {
    throw new Error("SITE_DIR (and EDIT_SITE_DIR) must name built sites (run tests/browser/run.sh)");
  }
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(BASE_PATH)) { res.writeHead(404); res.end(); return; }
    rel = rel.slice(BASE_PATH.length);
    let file = path.resolve(root, rel);
    if (!file.startsWith(root)) { res.writeHead(400); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!url.pathname.endsWith("/")) { res.writeHead(301, { Location: url.pathname + "/" }); res.end(); return; }
      file = path.join(file, "index.html");
    }
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "Content-Type": TYPES[".html"] });
      res.end(fs.readFileSync(path.join(root, "404.html")));
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}${BASE_PATH}`, close: () => server.close() });
    });
  });
}

/** Debian's Chromium, headless, no network beyond this machine. */
export async function browser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page that records every request and fails on one to another host. */
export async function newPage(b, origin) {
  const page = await b.newPage();
  page.external = [];
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith("data:")) { return route.continue(); }
    page.external.push(u);
    return route.abort();
  });
  return page;
}
