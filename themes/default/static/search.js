// handbok search client: Swedish stemming (Snowball), chunked index, filters, excerpts.
// Mirrors src/search/query.rs. No external requests; works under any base path.
(function () {
  "use strict";

  // ---- Swedish stemmer: Snowball 3.0.0's swedish.sbl, ported from the Rust the Snowball
  // compiler generates for it (the pagefind_stem crate, which src/search/analyze.rs uses).
  // The index and this client must stem every word alike (tests/browser/analysis.test.mjs).
  // R1 starts after the first non-vowel that follows a vowel, and at least 3 letters in.
  // Every suffix is looked for inside R1; the conditions on what precedes one (the et
  // condition, s_ending, ost_ending) look at letters before R1 too. ----
  var VOWELS = "aeiouyäåö";
  var S_ENDING = "bcdfghjklmnoprtvy";
  var OST_ENDING = "iklnprtuv";
  // Longest first: the longest suffix inside R1 wins.
  var MAIN = ["heterna", "hetens", "andes", "andet", "arens", "arnas", "ernas", "ornas",
    "anden", "heten", "heter", "ades", "ande", "aren", "arna", "arne", "aste", "erna", "erns",
    "orna", "ade", "are", "ast", "ens", "ern", "het", "ad", "ar", "as", "at", "en", "er", "es",
    "et", "or", "a", "e", "s"];
  var PAIRS = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
  var OTHER = ["fullt", "els", "lig", "öst", "ig"];
  // Endings before "et" that keep it (`fabet`, `raket`, `komet`, `kredit`, `kvitt`…).
  var ET_KEEP = ["fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit",
    "mit", "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit"];

  function isVowel(c) { return c !== undefined && VOWELS.indexOf(c) >= 0; }

  // Whether `chars` ends with `suffix` starting at or after index `from`.
  function endsAt(chars, suffix, from) {
    var start = chars.length - suffix.length;
    if (start < from) { return false; }
    for (var i = 0; i < suffix.length; i++) { if (chars[start + i] !== suffix[i]) { return false; } }
    return true;
  }

  // The longest of `list` that `chars` ends with inside R1 (from `p1`), or null.
  function longest(chars, list, p1) {
    for (var i = 0; i < list.length; i++) { if (endsAt(chars, list[i], p1)) { return list[i]; } }
    return null;
  }

  // The et condition, for an "et" whose "e" is at index `at`: a non-vowel before it, a vowel
  // before that, which is not the first letter, and none of ET_KEEP right before the "et".
  function etCondition(chars, at) {
    if (at < 3 || isVowel(chars[at - 1]) || !isVowel(chars[at - 2])) { return false; }
    var before = chars.slice(0, at);
    for (var i = 0; i < ET_KEEP.length; i++) { if (endsAt(before, ET_KEEP[i], 0)) { return false; } }
    return true;
  }

  function stem(word) {
    var c = Array.from(word);
    var p1 = c.length;
    for (var i = 1; i < c.length; i++) {
      if (!isVowel(c[i]) && isVowel(c[i - 1])) { p1 = i + 1; break; }
    }
    if (p1 < 3) { p1 = 3; }
    if (p1 > c.length) { p1 = c.length; }
    // main_suffix
    var main = longest(c, MAIN, p1);
    if (main !== null) {
      var at = c.length - main.length;
      if (main === "s") {
        // "ets" goes when its "et" may go (that "et" may start before R1); else the "s" alone
        // after one of S_ENDING.
        if (at >= 2 && c[at - 2] === "e" && c[at - 1] === "t" && etCondition(c, at - 2)) {
          c.length = at - 2;
        } else if (at >= 1 && S_ENDING.indexOf(c[at - 1]) >= 0) {
          c.length = at;
        }
      } else if (main === "et") {
        if (etCondition(c, at)) { c.length = at; }
      } else {
        c.length = at;
      }
    }
    // consonant_pair: R1 stays where it was, so a word now shorter than R1 keeps its end.
    if (longest(c, PAIRS, p1) !== null) { c.pop(); }
    // other_suffix
    var other = longest(c, OTHER, p1);
    if (other === "öst") {
      if (c.length >= 4 && OST_ENDING.indexOf(c[c.length - 4]) >= 0) { c.pop(); }
    } else if (other === "fullt") {
      c.pop();
    } else if (other !== null) {
      c.length -= other.length;
    }
    return c.join("");
  }

  // Diacritics folded away, applied to stems (src/search/analyze.rs `fold`).
  var FOLD = { "à": "a", "á": "a", "â": "a", "ã": "a", "ä": "a", "å": "a", "ā": "a", "ç": "c", "č": "c",
    "è": "e", "é": "e", "ê": "e", "ë": "e", "ē": "e", "ì": "i", "í": "i", "î": "i", "ï": "i",
    "ñ": "n", "ń": "n", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ö": "o", "ø": "o", "š": "s",
    "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y", "ž": "z" };
  function fold(word) {
    return Array.from(word).map(function (c) { return FOLD[c] || c; }).join("");
  }

  // Words of letters and digits, lower case, as src/search/analyze.rs `words` makes them:
  // split at every character that is neither Unicode Alphabetic nor a number (Rust's
  // `char::is_alphanumeric`), a word lower-cased when it has an Uppercase character (so a
  // title-case letter alone, `ǅ`, stays as it is there too).
  var NOT_ALPHANUMERIC = /[^\p{Alphabetic}\p{N}]+/u;
  var UPPERCASE = /\p{Uppercase}/u;
  function words(text) {
    return text.split(NOT_ALPHANUMERIC)
      .filter(function (w) { return w.length > 0; })
      .map(function (w) { return UPPERCASE.test(w) ? w.toLowerCase() : w; });
  }

  // ---- index access ----
  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(path).then(function (r) {
        if (!r.ok) { throw new Error(path + ": " + r.status); }
        return r.json();
      });
    }
    return cache[path];
  }

  // The words a query is looked up by, each with its stem: stop words dropped unless the
  // query has nothing else, a word whose stem an earlier word has dropped too
  // (src/search/analyze.rs `query_words`).
  function queryWords(query, stop) {
    var all = words(query);
    var kept = all.filter(function (w) { return stop.indexOf(w) < 0; });
    var chosen = kept.length ? kept : all;
    var out = [];
    chosen.forEach(function (w) {
      var s = stem(w);
      if (!out.some(function (x) { return x.stem === s; })) { out.push({ word: w, stem: s }); }
    });
    return out;
  }

  // Whether an object (parsed JSON) has `key` itself: `constructor` is not a stem.
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // Strings in code point order, as Rust sorts them (not UTF-16 units).
  function byCodePoint(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) { return d; }
    }
    return x.length - y.length;
  }

  // Shortest query stem looked up as the end of longer words (analyze.rs MIN_TAIL_QUERY).
  var MIN_TAIL_QUERY = 5;

  // ---- typos (src/search/analyze.rs `typo_budget`, `edit_distance`; query.rs) ----
  var TYPO_MIN = 5, TYPO_TWO = 9, TYPO_WORDS = 3;
  var LETTERS = /^\p{Alphabetic}+$/u;
  function typoBudget(n) { return n >= TYPO_TWO ? 2 : n >= TYPO_MIN ? 1 : 0; }
  function typoCandidate(w) { return Array.from(w).length >= TYPO_MIN && LETTERS.test(w); }

  // Edits between a and b (insert, delete, substitute, swap two neighbours: one each), or
  // -1 when over max.
  function editDistance(a, b, max) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) { return -1; }
    var before = [], last = [], row = [];
    for (var j = 0; j <= b.length; j++) { before.push(0); last.push(j); row.push(0); }
    for (var i = 1; i <= a.length; i++) {
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { d = Math.min(d, before[j - 2] + 1); }
        row[j] = d;
      }
      var t = before; before = last; last = row; row = t;
    }
    return last[b.length] <= max ? last[b.length] : -1;
  }

  // The site's words closest to `word` within its budget, most frequent first, all at the
  // smallest distance found, at most TYPO_WORDS: [{word, d}].
  function closestWords(manifest, word) {
    var budget = typoBudget(Array.from(word).length);
    var typed = fold(word);
    var key = typed.codePointAt(0);
    if (!budget || (manifest.vocabulary || []).indexOf(key) < 0) { return Promise.resolve([]); }
    return load("v/" + key + ".json").then(function (list) {
      var best = [];
      list.forEach(function (c) {
        var d = editDistance(typed, fold(c), budget);
        if (d < 0) { return; }
        if (best.length && d > best[0].d) { return; }
        if (best.length && d < best[0].d) { best = [{ word: c, d: d }]; return; }
        if (best.length < TYPO_WORDS) { best.push({ word: c, d: d }); }
      });
      return best;
    });
  }

  function chunkOf(firsts, stem) {
    var lo = 0, hi = firsts.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (firsts[mid] <= stem) { lo = mid + 1; } else { hi = mid; } }
    return Math.max(0, lo - 1);
  }

  // Searches the index: for every query word its stem's postings (and, for the last word,
  // every stem it starts), the stems it folds from (a word typed without diacritics, half
  // score), the word itself as a stem (`ansvar` is the stem of `ansvaret`), and when all of
  // that finds nothing, the site's closest words (typos, half or a third of the score).
  function search(query, allowed) {
    return load("index.json").then(function (manifest) {
      var typed = queryWords(query, manifest.stop);
      var stems = typed.map(function (t) { return t.stem; });
      var marks = stems.slice();
      var corrections = {};
      var found = {};
      // The values of `key` ("exact"); or its value or, when it has none, those of every
      // key starting with it ("prefix"); or those of the key and every key starting with it
      // ("starting"), in its chunk and the next (query.rs `Lookup`).
      function matches(key, mode) {
        var prefix = mode !== "exact";
        var at = chunkOf(manifest.chunks, key);
        var wantNext = at + 1 < manifest.chunks.length && manifest.chunks[at + 1].indexOf(key) === 0;
        var files = [load("i/" + at + ".json")];
        if (prefix && wantNext) { files.push(load("i/" + (at + 1) + ".json")); }
        return Promise.all(files).then(function (chunks) {
          if (mode !== "starting" && own(chunks[0], key)) { return [chunks[0][key]]; }
          var out = [];
          if (prefix) {
            chunks.forEach(function (chunk) {
              // In code point order, as Rust's map iterates (Object.keys puts number-like keys first).
              Object.keys(chunk).filter(function (k) { return k.indexOf(key) === 0; }).sort(byCodePoint)
                .forEach(function (k) { out.push(chunk[k]); });
            });
          }
          return out;
        });
      }
      function withDivisor(divisor) {
        return function (vs) { return vs.map(function (v) { return { flat: v, divisor: divisor }; }); };
      }
      var steps = typed.map(function (t, n) {
        var s = t.stem;
        var prefix = n === typed.length - 1 && Array.from(s).length >= 3;
        var own = matches(s, prefix ? "prefix" : "exact").then(withDivisor(1));
        var asWord = t.word === s ? Promise.resolve([]) : matches(t.word, "exact").then(withDivisor(1));
        var folded = fold(s) !== s ? Promise.resolve([]) : matches("~" + s, prefix ? "prefix" : "exact").then(function (vs) {
          var originals = [];
          vs.forEach(function (v) { v.forEach(function (o) { if (typeof o === "string") { originals.push(o); } }); });
          return Promise.all(originals.map(function (o) { return matches(o, "exact"); }));
        }).then(function (per) {
          var out = [];
          per.forEach(function (vs) { out = out.concat(withDivisor(2)(vs)); });
          return out;
        });
        // A word found nowhere else may be the end of long words (`psykiatri` in
        // `ungdomspsykiatrin`), at a quarter of their score.
        var tails = function (lists) {
          if (lists.length || Array.from(s).length < MIN_TAIL_QUERY) { return lists; }
          return matches(">" + s, "starting").then(function (vs) {
            var longer = [];
            vs.forEach(function (v) { v.forEach(function (o) { if (typeof o === "string" && longer.indexOf(o) < 0) { longer.push(o); } }); });
            longer.sort(byCodePoint);
            return Promise.all(longer.map(function (o) { return matches(o, "exact").then(withDivisor(4)); }));
          }).then(function (per) {
            var out = [];
            per.forEach(function (vs) { out = out.concat(vs); });
            return out;
          });
        };
        return Promise.all([own, asWord, folded]).then(function (all) {
          return tails(all[0].concat(all[1], all[2]));
        }).then(function (lists) {
          if (lists.length || !typoCandidate(t.word)) { return lists; }
          return closestWords(manifest, t.word).then(function (closest) {
            if (closest.length) { corrections[t.word] = closest[0].word; }
            return Promise.all(closest.map(function (c) {
              var cs = stem(c.word);
              if (marks.indexOf(cs) < 0) { marks.push(cs); }
              return matches(cs, "exact").then(withDivisor(1 + c.d));
            }));
          }).then(function (per) {
            var out = [];
            per.forEach(function (vs) { out = out.concat(vs); });
            return out;
          });
        });
      });
      return Promise.all(steps).then(function (perStem) {
        perStem.forEach(function (lists) {
          var seen = {};
          lists.forEach(function (list) {
            var flat = list.flat;
            for (var i = 0; i + 2 < flat.length; i += 3) {
              var doc = flat[i], score = Math.max(1, Math.floor(flat[i + 1] / list.divisor)), section = flat[i + 2];
              var slot = found[doc] || (found[doc] = { doc: doc, matched: 0, score: 0, section: section, best: 0 });
              if (!seen[doc]) { seen[doc] = true; slot.matched += 1; }
              slot.score += score;
              if (score > slot.best) { slot.best = score; slot.section = section; }
            }
          });
        });
        var hits = Object.keys(found).map(function (k) { return found[k]; });
        if (allowed) { hits = hits.filter(function (h) { return allowed.has(h.doc); }); }
        hits.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.doc - b.doc; });
        var suggestion = Object.keys(corrections).length ? words(query).map(function (w) {
          return own(corrections, w) ? corrections[w] : w;
        }).join(" ") : null;
        return { stems: marks, hits: hits, per: manifest.fragments_per_file || 1, suggestion: suggestion };
      });
    });
  }

  // ---- results ----
  // Index data (titles, texts, paths, heading ids) is only ever set as text or as an
  // attribute value through the DOM, never parsed as HTML.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // Whether a word of the text matches one of the query's stems (as the excerpt marks it).
  // Diacritics are folded on both sides (`vaxjo` marks Växjö), and a stem of four letters
  // or more marks the compounds it ends or starts (`integrering` marks
  // jämställdhetsintegrering).
  function matchOf(w, stems) {
    var s = fold(stem(w)), fw = fold(w);
    for (var i = 0; i < stems.length; i++) {
      var q = fold(stems[i]);
      if (s === q || s.indexOf(q) === 0 || (Array.from(q).length >= 4 && fw.indexOf(q) >= 0)) { return i; }
    }
    return -1;
  }

  // Appends the excerpt of `text` around the first hit to `parent`, hits in <mark>.
  function excerpt(parent, text, stems) {
    var tokens = text.split(/([^\p{L}\p{N}]+)/u);
    var hit = -1;
    var matches = tokens.map(function (t, i) {
      var match = words(t).some(function (w) { return matchOf(w, stems) >= 0; });
      if (match && hit < 0) { hit = i; }
      return match;
    });
    var from = Math.max(0, (hit < 0 ? 0 : hit) - 12);
    from -= from % 2;
    var to = Math.min(tokens.length, from + 50);
    if (from > 0) { parent.appendChild(document.createTextNode("… ")); }
    for (var i = from; i < to; i++) {
      parent.appendChild(matches[i] ? el("mark", "", tokens[i]) : document.createTextNode(tokens[i]));
    }
    if (to < tokens.length) { parent.appendChild(document.createTextNode(" …")); }
  }

  // The fewest words in one sentence of `text` that hold `n` different query words
  // (Infinity when no sentence holds them all).
  function span(text, stems, n) {
    var best = Infinity;
    text.split(/[.!?;:]\s/).forEach(function (sentence) {
      var at = [];
      words(sentence).forEach(function (w, i) { var m = matchOf(w, stems); if (m >= 0) { at.push([i, m]); } });
      for (var a = 0; a < at.length; a++) {
        var seen = {}, k = 0;
        for (var b = a; b < at.length && at[b][0] - at[a][0] < best; b++) {
          if (!seen[at[b][1]]) { seen[at[b][1]] = true; k += 1; }
          if (k === n) { best = at[b][0] - at[a][0]; break; }
        }
      }
    });
    return best;
  }

  // The sections of a page that match the query, best first: most different query words
  // (heading and text), then those words closest together in one sentence, then the
  // section the index scored best, then most matching words.
  function bestSections(frag, stems, indexed) {
    var out = [];
    frag.x.forEach(function (text, s) {
      var heading = frag.h[s] && frag.h[s][1] ? frag.h[s][1] : "";
      var all = heading + ". " + text;
      var distinct = {}, count = 0;
      words(all).forEach(function (w) {
        var m = matchOf(w, stems);
        if (m >= 0) { distinct[m] = true; count += 1; }
      });
      var n = Object.keys(distinct).length;
      if (n > 0 || s === indexed) {
        out.push({ s: s, n: n, near: n > 1 ? span(all, stems, n) : 0, count: count, top: s === indexed ? 1 : 0 });
      }
    });
    out.sort(function (a, b) {
      return b.n - a.n || (a.near - b.near || 0) || b.top - a.top || b.count - a.count || a.s - b.s;
    });
    return out.slice(0, 3);
  }

  var form = document.querySelector("form.search-form");
  if (!form) { return; }
  var root = form.getAttribute("data-search-root") || "../";
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("sok-status");
  var list = document.getElementById("sok-resultat");
  var filterBox = document.getElementById("sok-filter");
  var more = document.getElementById("sok-fler");
  var texts = JSON.parse(form.getAttribute("data-texts") || "{}");
  var selected = {};
  var pending = 0;

  function allowedDocs() {
    var groups = Object.keys(selected).filter(function (g) { return selected[g].size > 0; });
    if (!groups.length) { return null; }
    var sets = groups.map(function (g) {
      var s = new Set();
      selected[g].forEach(function (ids) { ids.forEach(function (id) { s.add(id); }); });
      return s;
    });
    var first = sets[0];
    return new Set(Array.from(first).filter(function (id) { return sets.every(function (s) { return s.has(id); }); }));
  }

  var PAGE = 10;
  var current = null;

  // A link into a result page that carries the query, so that the page marks its words.
  function hrefTo(frag, s) {
    var anchor = frag.h[s] && frag.h[s][0] ? "#" + frag.h[s][0] : "";
    return root + frag.u + "?q=" + encodeURIComponent(current.suggestion || current.query) + anchor;
  }

  // One entry per page: its title, its place in the handbook, and up to three matching
  // sections, each with its heading and an excerpt.
  function resultItem(row) {
    var frag = row.frag;
    var li = el("li");
    var parts = bestSections(frag, current.stems, row.hit.section);
    var a = el("a", "result-title", frag.t);
    a.setAttribute("href", hrefTo(frag, parts.length ? parts[0].s : 0));
    li.appendChild(a);
    if (frag.s) { li.appendChild(el("p", "result-section", frag.s)); }
    var top = parts.length === 1 && parts[0].s === 0;
    if (top || !parts.length) {
      var p = el("p", "result-excerpt");
      excerpt(p, frag.x[0] || frag.d || "", current.stems);
      li.appendChild(p);
      return li;
    }
    var ul = el("ul", "result-parts");
    parts.forEach(function (part) {
      var item = el("li");
      var heading = part.s > 0 && frag.h[part.s] && frag.h[part.s][1] ? frag.h[part.s][1] : frag.t;
      var link = el("a", "", heading);
      link.setAttribute("href", hrefTo(frag, part.s));
      item.appendChild(link);
      var p = el("p", "result-excerpt");
      excerpt(p, frag.x[part.s] || frag.d || "", current.stems);
      item.appendChild(p);
      ul.appendChild(item);
    });
    li.appendChild(ul);
    return li;
  }

  // Shows the next PAGE results; only their fragment files are downloaded.
  function showMore() {
    var from = list.children.length;
    var next = current.hits.slice(from, from + PAGE);
    var ticket = pending;
    return Promise.all(next.map(function (h) {
      return load("f/" + Math.floor(h.doc / current.per) + ".json")
        .then(function (frags) { return { hit: h, frag: frags[h.doc % current.per] }; });
    })).then(function (rows) {
      if (ticket !== pending) { return; }
      rows.forEach(function (row) { list.appendChild(resultItem(row)); });
      more.hidden = list.children.length >= current.hits.length;
    });
  }

  // With no results: say so, suggest the query without each of its words in turn, and
  // show the handbook's sections (in the template).
  function advise(query, n) {
    var none = document.getElementById("sok-inga");
    var ideas = document.getElementById("sok-forslag");
    none.hidden = n > 0 || !query;
    ideas.textContent = "";
    var ws = query.split(/\s+/).filter(function (w) { return w; });
    if (n > 0 || ws.length < 2) { return; }
    ideas.appendChild(document.createTextNode((texts["try"] || "Försök med") + " "));
    ws.forEach(function (w, i) {
      var q = ws.filter(function (x, j) { return j !== i; }).join(" ");
      var a = el("a", "", q);
      a.setAttribute("href", "?q=" + encodeURIComponent(q));
      if (i > 0) { ideas.appendChild(document.createTextNode(i + 1 === ws.length ? " " + (texts.or || "eller") + " " : ", ")); }
      ideas.appendChild(a);
    });
    ideas.appendChild(document.createTextNode("."));
  }

  // "Menade du …?" with a link to the query as the site spells it, in the status line so
  // that a screen reader announces it with the count.
  function suggest(suggestion) {
    if (!suggestion) { return; }
    var box = el("span", "search-meant");
    box.appendChild(document.createTextNode(" " + (texts.meant || "Menade du") + " "));
    var a = el("a", "", suggestion);
    a.setAttribute("href", "?q=" + encodeURIComponent(suggestion));
    box.appendChild(a);
    box.appendChild(document.createTextNode("?"));
    status.appendChild(box);
  }

  function render(query, result) {
    current = result;
    current.query = query;
    list.textContent = "";
    return showMore().then(function () {
      var n = result.hits.length;
      advise(query, n);
      status.textContent = n === 0 ? (texts.none || "Inga träffar") + " för ”" + query + "”."
        : n + " " + (n === 1 ? (texts.one || "träff") : (texts.many || "träffar")) + " för ”" + query + "”.";
      suggest(result.suggestion);
    });
  }

  function run() {
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    if (!query) { list.textContent = ""; status.textContent = ""; more.hidden = true; advise("", 0); return; }
    var ticket = ++pending;
    search(query, allowedDocs()).then(function (result) {
      if (ticket === pending) { return render(query, result); }
    }).catch(function () { status.textContent = texts.error || "Sökningen misslyckades."; });
  }

  // The folded filters say how many values are chosen.
  function countSelected() {
    var n = 0;
    Object.keys(selected).forEach(function (g) { n += selected[g].size; });
    document.getElementById("sok-valda").textContent = n ? "(" + n + " " + (texts.selected || "valda") + ")" : "";
  }

  function loadFilters() {
    if (filterBox.childElementCount) { return; }
    load("filters.json").then(function (groups) {
      groups.forEach(function (g, gi) {
        if (!g.values.length) { return; }
        var fs = document.createElement("fieldset");
        var legend = document.createElement("legend");
        legend.textContent = g.label;
        fs.appendChild(legend);
        g.values.forEach(function (v, vi) {
          var id = "filter-" + gi + "-" + vi;
          var wrap = document.createElement("div");
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = id;
          box.addEventListener("change", function () {
            var set = selected[g.key] || (selected[g.key] = new Set());
            if (box.checked) { set.add(v[1]); } else { set.delete(v[1]); }
            countSelected();
            run();
          });
          var label = document.createElement("label");
          label.htmlFor = id;
          label.textContent = v[0] + " (" + v[1].length + ")";
          wrap.appendChild(box);
          wrap.appendChild(label);
          fs.appendChild(wrap);
        });
        filterBox.appendChild(fs);
      });
    });
  }

  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) { link.focus(); }
    });
  });

  var timer = 0;
  input.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(run, 120); });
  form.addEventListener("submit", function (e) { e.preventDefault(); window.clearTimeout(timer); run(); });
  var details = form.querySelector("details");
  if (details) { details.addEventListener("toggle", function () { if (details.open) { loadFilters(); } }); }

  // Keyboard: arrow down from the box into the results, up and down between them,
  // Escape back to the box.
  function links() { return Array.from(list.querySelectorAll("a")); }
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && links().length) { e.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener("keydown", function (e) {
    var all = links(), i = all.indexOf(document.activeElement);
    if (i < 0) { return; }
    if (e.key === "ArrowDown" && i + 1 < all.length) { e.preventDefault(); all[i + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? all[i - 1] : input).focus(); }
    if (e.key === "Escape") { e.preventDefault(); input.focus(); }
  });

  window.handbokSearch = { stem: stem, fold: fold, search: search, words: words };
  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) { input.value = initial; run(); }
})();
