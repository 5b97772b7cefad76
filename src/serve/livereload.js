// handbok serve: reloads the page after every successful build and shows build errors in an
// overlay (in Swedish), which goes away by itself when the next build succeeds.
(function () {
  "use strict";
  var source = new EventSource("/__handbok/events");
  var overlay = null;
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]; }); }
  function show(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "handbok-fel";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-labelledby", "handbok-fel-rubrik");
      overlay.style.cssText = "position:fixed;inset:1rem;z-index:2147483647;overflow:auto;background:#fff;color:#1b1f1d;border:4px solid #b91c1c;padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif;box-shadow:0 0 0 100vmax rgba(0,0,0,.4)";
      document.body.appendChild(overlay);
    }
    overlay.innerHTML = "<h2 id=\"handbok-fel-rubrik\" style=\"margin-top:0;color:#b91c1c\">Handboken kunde inte byggas</h2>" +
      "<p>Den senaste fungerande versionen visas. Rätta felet och spara, så försvinner rutan.</p><ul>" +
      errors.map(function (e) {
        var at = e.file ? esc(e.file) + (e.line ? ":" + e.line + (e.column ? ":" + e.column : "") : "") + ": " : "";
        return "<li><code>" + at + "</code>" + esc(e.message) + (e.hint ? "<br><em>Tips: " + esc(e.hint) + "</em>" : "") + "</li>";
      }).join("") + "</ul>";
  }
  source.addEventListener("error", function (event) {
    if (event.data) { show(JSON.parse(event.data)); }
  });
  source.addEventListener("reload", function () { window.location.reload(); });
})();
