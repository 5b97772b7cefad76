// handbok serve: reloads the page after every successful build and shows build errors in an
// overlay (in Swedish), which goes away by itself when the next build succeeds. One
// WebSocket per open page; the server sends a heartbeat, which the browser answers by
// itself. If the server restarts, the page reconnects and reloads once it is back.
(function () {
  "use strict";
  var overlay = null;
  // The build state the page was served in: a later one, heard on connecting, reloads it.
  var seen = (document.currentScript && document.currentScript.getAttribute("data-state")) || null;
  var wait = 500;
  // Messages quote what editors wrote (titles, links): they are set as text, never as HTML.
  function el(tag, text) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    return node;
  }
  function show(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "handbok-fel";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-labelledby", "handbok-fel-rubrik");
      overlay.style.cssText = "position:fixed;inset:1rem;z-index:2147483647;overflow:auto;background:#fff;color:#1b1f1d;border:4px solid #b91c1c;padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif;box-shadow:0 0 0 100vmax rgba(0,0,0,.4)";
      document.body.appendChild(overlay);
    }
    var heading = el("h2", "Handboken kunde inte byggas");
    heading.id = "handbok-fel-rubrik";
    heading.style.cssText = "margin-top:0;color:#b91c1c";
    var list = el("ul");
    errors.forEach(function (e) {
      var item = el("li");
      var at = e.file ? e.file + (e.line ? ":" + e.line + (e.column ? ":" + e.column : "") : "") + ": " : "";
      item.appendChild(el("code", at));
      item.appendChild(document.createTextNode(String(e.message)));
      if (e.hint) {
        item.appendChild(el("br"));
        item.appendChild(el("em", "Tips: " + e.hint));
      }
      list.appendChild(item);
    });
    overlay.replaceChildren(heading, el("p", "Den senaste fungerande versionen visas. Rätta felet och spara, så försvinner rutan."), list);
  }
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/__handbok/ws");
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.event === "error") {
        show(message.errors || []);
        return;
      }
      var state = message.server + "." + message.generation;
      // A build the page missed (while it loaded, or while the socket was closed) or a
      // restarted server reloads; the state the page already shows does not.
      if (message.event === "reload" || (seen !== null && state !== seen)) {
        window.location.reload();
      }
      seen = state;
      wait = 500;
    };
    socket.onclose = function () {
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 5000);
    };
  }
  connect();
})();
