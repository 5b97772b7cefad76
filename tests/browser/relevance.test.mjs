// Issue 18: the labelled relevance set (relevance.json) through the real search page of the
// bundled handbook. Each query lists the pages that must be in the top five (`expect`) and,
// optionally, pages that are also a right answer but not required (`also`: they treat the
// same subject, or name it in a link to an expected page or in the section's list). The
// test types every query into the search box, takes the first five result pages, and
// reports per query and per kind:
//   recall@5    = expected pages in the top five / expected pages
//                 (totals: micro-average over all expected pages);
//   precision@5 = results in the top five labelled relevant (expect or also) / results shown
//                 in the top five, at most five (0 when nothing is shown; totals: mean over
//                 queries).
// It fails when overall recall@5 is below 0.95 and names the queries that miss a page.
// The report goes to the log and, when RELEVANCE_REPORT names a file, to that file.
// Labels are judged from the content (what a staff member typing the query needs to see),
// never from what the engine returns: do not change a label to make the test pass.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, browser, newPage, SITE_DIR, BASE_PATH } from "./lib.mjs";

const MIN_RECALL = 0.95;
const TOP = 5;
const KINDS = ["compound-head", "compound-part", "compound-whole", "typo", "no-diacritics",
  "multi-word", "name", "number", "plain"];
const SET = JSON.parse(fs.readFileSync(new URL("./relevance.json", import.meta.url), "utf8"));

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

/** The site path of a result link, relative to the base path: no origin, query or anchor. */
function sitePath(href) {
  const p = decodeURIComponent(new URL(href).pathname);
  return p.startsWith(BASE_PATH) ? p.slice(BASE_PATH.length) : p;
}

/** Types `query` into the search box, submits it and returns the site paths of the result
 *  links, in order, once the status says the results are for this very query. */
async function results(page, query) {
  const input = page.locator("#sok-fraga");
  await input.fill(query);
  await input.press("Enter");
  // The status says `för ”QUERY”.` (then perhaps "Menade du …?"), or names the failure:
  // quoted, so that the results of an earlier query that contains this one
  // (klimatanpassning, then klimat) never count.
  await page.waitForFunction((q) => {
    const s = document.getElementById("sok-status").textContent;
    return s.includes("”" + q + "”.") || s === "Sökningen misslyckades.";
  }, query, { timeout: 10000 });
  const status = await page.locator("#sok-status").textContent();
  assert.ok(status.includes("”" + query + "”."), `search failed for ${query}: ${status}`);
  return page.$$eval("#sok-resultat > li > a", (as) => as.map((a) => a.href));
}

function short(p) {
  if (p === "") { return "(startsidan)"; }
  const s = p.replace(/\/$/, "");
  return s.length > 34 ? s.slice(0, 33) + "…" : s;
}

const pct = (x) => (Number.isNaN(x) ? "   -" : (100 * x).toFixed(0).padStart(3) + "%");

function report(rows) {
  const lines = [];
  lines.push(`Relevance set: ${rows.length} queries, recall and precision in the top ${TOP}`);
  lines.push("  ✓ expected page, + also relevant, · not labelled; missing expected pages after 'missing:'");
  lines.push("");
  const w = Math.max(...rows.map((r) => r.query.length), 5);
  lines.push(`${"query".padEnd(w)}  ${"kind".padEnd(14)}  recall  P@5   top five`);
  for (const r of rows) {
    const top = r.top.map((p) => (r.expect.includes(p) ? "✓" : r.also.includes(p) ? "+" : "·") + short(p)).join(" ");
    const missing = r.missing.length ? `   missing: ${r.missing.map(short).join(", ")}` : "";
    lines.push(`${r.query.padEnd(w)}  ${r.kind.padEnd(14)}  ${`${r.found}/${r.expect.length}`.padStart(6)}  ${pct(r.precision)}  ${top || "(no results)"}${missing}`);
  }
  lines.push("");
  lines.push(`${"kind".padEnd(14)}  queries  expected  found  recall@5  precision@5  failing`);
  const total = (name, rs) => {
    const expected = rs.reduce((n, r) => n + r.expect.length, 0);
    const found = rs.reduce((n, r) => n + r.found, 0);
    const precision = rs.reduce((n, r) => n + r.precision, 0) / rs.length;
    const failing = rs.filter((r) => r.missing.length).length;
    lines.push(`${name.padEnd(14)}  ${String(rs.length).padStart(7)}  ${String(expected).padStart(8)}  ${String(found).padStart(5)}  ${pct(found / expected).padStart(8)}  ${pct(precision).padStart(11)}  ${String(failing).padStart(7)}`);
    return { expected, found, precision };
  };
  for (const kind of KINDS) {
    const rs = rows.filter((r) => r.kind === kind);
    if (rs.length) { total(kind, rs); }
  }
  const all = total("all", rows);
  return { text: lines.join("\n"), recall: all.found / all.expected, precision: all.precision };
}

test("the relevance set is well formed and its labels name indexed pages", () => {
  assert.ok(SET.length >= 60, `at least 60 queries, found ${SET.length}`);
  const seen = new Set();
  for (const q of SET) {
    assert.equal(typeof q.query, "string");
    assert.equal(q.query, q.query.trim(), `no surrounding space: "${q.query}"`);
    assert.ok(!seen.has(q.query), `duplicate query ${q.query}`);
    seen.add(q.query);
    assert.ok(KINDS.includes(q.kind), `${q.query}: unknown kind ${q.kind}`);
    assert.ok(Array.isArray(q.expect) && q.expect.length > 0, `${q.query}: no expected pages`);
    assert.ok(typeof q.why === "string" && q.why.length > 0, `${q.query}: no reason`);
    const also = q.also || [];
    for (const p of [...q.expect, ...also]) {
      assert.ok(p === "" || /^[a-z0-9-]+(\/[a-z0-9-]+)*\/$/.test(p), `${q.query}: not a site path: ${p}`);
      assert.ok(fs.existsSync(path.join(SITE_DIR, p, "index.html")), `${q.query}: no page ${p} in the built site`);
    }
    assert.ok(q.expect.every((p) => !also.includes(p)), `${q.query}: a page both expected and also`);
  }
});

test(`recall@${TOP} of the relevance set is at least ${MIN_RECALL * 100} %`, async () => {
  const page = await newPage(b, new URL(server.url).origin);
  await page.goto(server.url + "sok/");
  const rows = [];
  for (const q of SET) {
    const top = [];
    for (const href of await results(page, q.query)) {
      const p = sitePath(href);
      if (!top.includes(p)) { top.push(p); }
      if (top.length === TOP) { break; }
    }
    const also = q.also || [];
    const found = q.expect.filter((p) => top.includes(p)).length;
    const relevant = top.filter((p) => q.expect.includes(p) || also.includes(p)).length;
    rows.push({
      query: q.query, kind: q.kind, expect: q.expect, also, top, found,
      missing: q.expect.filter((p) => !top.includes(p)),
      precision: top.length ? relevant / top.length : 0,
    });
  }
  const { text, recall, precision } = report(rows);
  console.log(text);
  if (process.env.RELEVANCE_REPORT) { fs.writeFileSync(process.env.RELEVANCE_REPORT, text + "\n"); }
  assert.deepEqual(page.external, []);
  const failing = rows.filter((r) => r.missing.length)
    .map((r) => `${r.query} (${r.kind}): missing ${r.missing.join(", ")}; top five: ${r.top.join(", ") || "none"}`);
  assert.ok(recall >= MIN_RECALL,
    `recall@${TOP} ${(100 * recall).toFixed(1)} % < ${MIN_RECALL * 100} % (precision@${TOP} ${(100 * precision).toFixed(1)} %); ` +
    `${failing.length} queries miss an expected page:\n  ${failing.join("\n  ")}`);
});
