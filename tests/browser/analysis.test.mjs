// Issue 18: the browser client analyses text exactly as the index does. run.sh writes, with
// `examples/analysis.rs`, every distinct word (and its Rust stem and folded stem) of the
// bundled handbook and of a 10,000-page synthetic corpus, plus sample texts with Rust's
// tokens; here the search page's `handbokSearch.stem`, `fold` and `words` must give the same
// for every one of them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { serve, browser, newPage } from "./lib.mjs";

const BATCH = 2000;
const CORPORA = [
  ["the bundled handbook", "ANALYSIS_BUNDLED", 1500],
  ["the 10,000-page synthetic corpus", "ANALYSIS_CORPUS", 5000],
];

let server, b, page;
before(async () => {
  server = await serve();
  b = await browser();
  page = await newPage(b, server.url.replace(/\/[^/]*\/?$/, ""));
  await page.goto(server.url + "sok/");
  await page.waitForFunction(() => window.handbokSearch && typeof window.handbokSearch.fold === "function");
});
after(async () => { await b?.close(); server?.close(); });

function load(variable) {
  const file = process.env[variable];
  if (!file || !fs.existsSync(file)) {
    throw new Error(`${variable} must name the JSON of examples/analysis.rs (run tests/browser/run.sh)`);
  }
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The first few differences, for the message. */
function show(wrong) {
  return wrong.slice(0, 20).map((w) => JSON.stringify(w)).join("\n");
}

for (const [name, variable, least] of CORPORA) {
  test(`the browser stems and folds every word of ${name} as the index does`, async () => {
    const analysis = load(variable);
    assert.ok(analysis.words.length >= least, `a real vocabulary: ${analysis.words.length} words`);
    console.log(`${name}: ${analysis.words.length} words from ${analysis.files} files`);
    const wrongStems = [];
    const wrongFolds = [];
    for (let at = 0; at < analysis.words.length; at += BATCH) {
      const batch = analysis.words.slice(at, at + BATCH);
      // Each function on its own input: `fold` gets Rust's stem, so a stemming difference
      // does not hide or fake a folding one.
      const got = await page.evaluate((ws) => ws.map(([word, stem]) => [
        window.handbokSearch.stem(word), window.handbokSearch.fold(stem),
      ]), batch);
      batch.forEach(([word, stem, folded], i) => {
        if (got[i][0] !== stem) { wrongStems.push({ word, rust: stem, js: got[i][0] }); }
        if (got[i][1] !== folded) { wrongFolds.push({ stem, rust: folded, js: got[i][1] }); }
      });
    }
    assert.equal(wrongStems.length, 0, `${wrongStems.length} words stemmed differently:\n${show(wrongStems)}`);
    assert.equal(wrongFolds.length, 0, `${wrongFolds.length} stems folded differently:\n${show(wrongFolds)}`);
  });

  test(`the browser splits sample texts of ${name} into the index's words`, async () => {
    const analysis = load(variable);
    assert.ok(analysis.texts.length > 0, "some sample texts");
    const got = await page.evaluate((ts) => ts.map((t) => window.handbokSearch.words(t.text)), analysis.texts);
    const wrong = [];
    let compared = 0;
    analysis.texts.forEach((t, i) => {
      compared += t.words.length;
      const n = Math.max(t.words.length, got[i].length);
      for (let k = 0; k < n; k++) {
        if (got[i][k] !== t.words[k]) {
          wrong.push({ file: t.file, at: k, rust: t.words.slice(k, k + 3), js: got[i].slice(k, k + 3) });
          break;
        }
      }
    });
    console.log(`${name}: ${analysis.texts.length} texts, ${compared} words tokenised`);
    assert.equal(wrong.length, 0, `${wrong.length} texts tokenised differently (first difference each):\n${show(wrong)}`);
  });
}
