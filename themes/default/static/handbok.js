// handbok default theme: small progressive enhancements; every page works without it.
// Loaded in <head> without `defer`: the first part runs before the page is painted.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "handbok-fargschema";
  var dark = window.matchMedia("(prefers-color-scheme: dark)");

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  // The reader's own choice of colour scheme wins over the system's, from the first paint.
  var choice = stored();
  if (choice === "dark" || choice === "light") { root.setAttribute("data-theme", choice); }
  // Lets the stylesheet fold the header into buttons; without JavaScript everything shows.
  root.className += " js";

  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : dark.matches;
  }

  function themeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) { return; }
    var show = function () { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); };
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem(KEY, next); } catch (e) { /* private mode: this page only */ }
      show();
    });
    if (dark.addEventListener) { dark.addEventListener("change", show); }
    show();
  }

  // The menu and search buttons of the narrow header: one panel open at a time.
  function headerToggles() {
    var buttons = Array.prototype.slice.call(document.querySelectorAll(".header-toggle"));
    buttons.forEach(function (button, i) {
      var panel = document.querySelector(button.getAttribute("data-panel"));
      if (panel) {
        // An underscore: heading ids are slugs, which never have one.
        panel.id = panel.id || "sidhuvud_panel_" + i;
        button.setAttribute("aria-controls", panel.id);
      }
    });
    var set = function (button, open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      var panel = document.getElementById(button.getAttribute("aria-controls"));
      if (panel) { panel.classList.toggle("open", open); }
      return panel;
    };
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        buttons.forEach(function (other) { set(other, false); });
        var panel = set(button, open);
        var field = panel && panel.querySelector("input");
        if (open && field) { field.focus(); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      buttons.forEach(function (button) {
        var panel = document.getElementById(button.getAttribute("aria-controls"));
        if (button.getAttribute("aria-expanded") === "true") {
          var hadFocus = panel && panel.contains(document.activeElement);
          set(button, false);
          if (hadFocus) { button.focus(); }
        }
      });
    });
  }

  // On narrow screens the section tree starts folded so that the page text comes first.
  function sidebar() {
    var details = document.querySelector(".sidebar-toggle");
    if (!details) { return; }
    var narrow = window.matchMedia("(max-width: 59.99rem)");
    if (narrow.matches) { details.open = false; }
    // At desk widths the tree has no summary to reopen it with: unfold it when the window
    // becomes wide (zooming out, turning a tablet).
    var unfold = function () { if (!narrow.matches) { details.open = true; } };
    if (narrow.addEventListener) { narrow.addEventListener("change", unfold); }
    details.setAttribute("data-ready", "");
  }

  // Marks the table of contents' link to the section being read (aria-current="true").
  function tocMarking() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".page-aside .toc a[href^='#']"));
    var targets = links.map(function (a) {
      return document.getElementById(decodeURIComponent(a.hash.slice(1)));
    });
    if (!links.length) { return; }
    var aside = document.querySelector(".page-aside");
    var pending = false;
    var mark = function () {
      pending = false;
      var current = -1;
      var line = Math.min(120, window.innerHeight / 4);
      targets.forEach(function (t, i) {
        if (t && t.getBoundingClientRect().top <= line) { current = i; }
      });
      links.forEach(function (a, i) {
        if (i === current) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
      });
      // A long list scrolls by itself so that the marked link stays in view.
      var box = aside && links[current];
      if (box && aside.scrollHeight > aside.clientHeight) {
        var top = box.getBoundingClientRect().top - aside.getBoundingClientRect().top + aside.scrollTop;
        if (top < aside.scrollTop || top + box.offsetHeight > aside.scrollTop + aside.clientHeight) {
          aside.scrollTop = top - aside.clientHeight / 3;
        }
      }
    };
    var schedule = function () {
      if (!pending) { pending = true; window.requestAnimationFrame(mark); }
    };
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    mark();
  }

  // A page opened from a search result (`?q=…`) marks the words of the query in its
  // content: words that begin like a query word (the word less its last two letters, at
  // least four), and scrolls to the first mark at or after the linked section.
  function searchMarks() {
    var main = document.getElementById("innehall");
    var q = new URLSearchParams(window.location.search).get("q");
    if (!main || !q || document.querySelector("form.search-form")) { return; }
    // Words are compared without diacritics (`vaxjo` marks Växjö): a word is marked when it
    // starts with a query word less its last two letters (at least four), or, for query
    // words of seven letters or more, holds it so shortened (the last part of a compound).
    // Lower case first, then without marks, and ø as o: as search.js folds.
    var fold = function (w) { return w.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/ø/g, "o"); };
    var all = fold(q).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w; });
    var long = all.filter(function (w) { return w.length > 3; });
    var parts = (long.length ? long : all).map(function (w) {
      return { start: w.slice(0, Math.max(4, w.length - 2)), inner: w.length >= 7 ? w.slice(0, w.length - 2) : null };
    });
    if (!parts.length) { return; }
    var hit = function (word) {
      var f = fold(word);
      return parts.some(function (p) { return f.indexOf(p.start) === 0 || (p.inner && f.indexOf(p.inner) > 0); });
    };
    var re = /[\p{L}\p{N}]+/gu;
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var marks = [];
    nodes.forEach(function (node) {
      var text = node.nodeValue, last = 0, m, frag = document.createDocumentFragment();
      re.lastIndex = 0;
      while ((m = re.exec(text))) {
        if (!hit(m[0])) { continue; }
        frag.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.className = "search-mark";
        mark.textContent = m[0];
        frag.appendChild(mark);
        marks.push(mark);
        last = m.index + m[0].length;
      }
      if (last > 0) {
        frag.appendChild(document.createTextNode(text.slice(last)));
        node.parentNode.replaceChild(frag, node);
      }
    });
    if (!marks.length) { return; }
    var note = document.createElement("p");
    note.className = "search-marks";
    note.appendChild(document.createTextNode((main.getAttribute("data-marked") || "") + " "));
    var clear = document.createElement("a");
    clear.href = window.location.pathname + window.location.hash;
    clear.textContent = main.getAttribute("data-unmark") || "×";
    note.appendChild(clear);
    main.insertBefore(note, main.firstChild);
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var first = marks.filter(function (mk) {
      return !target || target.contains(mk) || (target.compareDocumentPosition(mk) & Node.DOCUMENT_POSITION_FOLLOWING);
    })[0] || marks[0];
    var go = function () { first.scrollIntoView({ block: "center", behavior: "instant" }); };
    if (document.readyState === "complete") { go(); } else { window.addEventListener("load", go); }
  }

  function ready() {
    themeToggle();
    headerToggles();
    sidebar();
    tocMarking();
    searchMarks();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
