/* troly chat widget. A portal pastes one tag:
 *   <script src="https://host/widget.js" async></script>
 * and gets a floating button that opens the chat page (host/?embed=1) in a panel.
 * Styles live in a shadow root so the portal's CSS and ours never meet. */
(function () {
  "use strict";
  if (window.__trolyWidget) return;
  window.__trolyWidget = true;

  var S = __TROLY_STRINGS__;
  var script = document.currentScript || (function () {
    var all = document.querySelectorAll('script[src*="widget.js"]');
    return all[all.length - 1];
  })();
  var base = new URL(".", script && script.src ? script.src : window.location.href).href;

  var CSS = [
    ":host { all: initial; }",
    ".launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646;",
    "  display: inline-flex; align-items: center; gap: 8px; height: 56px; padding: 0 20px 0 16px;",
    "  border: 0; border-radius: 28px; background: #0b4f8a; color: #fff; cursor: pointer;",
    "  font: 600 15px/1 'Segoe UI', Roboto, Arial, sans-serif; box-shadow: 0 6px 20px rgba(8,58,102,.35); }",
    ".launcher:hover { background: #083a66; }",
    ".launcher:focus-visible, .close:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }",
    ".launcher svg { width: 24px; height: 24px; }",
    ".panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483647;",
    "  width: 400px; height: min(640px, calc(100vh - 120px)); border-radius: 16px; overflow: hidden;",
    "  background: #fff; box-shadow: 0 12px 40px rgba(16,32,56,.28); display: none; }",
    ".panel.open { display: block; }",
    ".panel iframe { width: 100%; height: 100%; border: 0; display: block; }",
    ".close { position: absolute; top: 10px; right: 10px; width: 38px; height: 38px; border-radius: 50%;",
    "  border: 1px solid rgba(255,255,255,.55); background: rgba(0,0,0,.15); color: #fff; cursor: pointer;",
    "  font: 22px/1 Arial, sans-serif; display: flex; align-items: center; justify-content: center; }",
    ".close:hover { background: rgba(0,0,0,.3); }",
    "@media (max-width: 520px) {",
    "  .panel { right: 0; bottom: 0; width: 100vw; height: 100%; border-radius: 0; }",
    "  .launcher.hidden { display: none; }",
    "}"
  ].join("\n");

  function build() {
    var host = document.createElement("div");
    host.id = "troly-widget";
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var style = document.createElement("style");
    style.textContent = CSS;
    root.appendChild(style);

    var launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "launcher";
    launcher.setAttribute("aria-label", S.open);
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "troly-panel");
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(svgNS, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 5v2h10V9H7zm0 4v2h7v-2H7z");
    svg.appendChild(path);
    launcher.appendChild(svg);
    var label = document.createElement("span");
    label.textContent = S.button_text;
    launcher.appendChild(label);

    var panel = document.createElement("div");
    panel.className = "panel";
    panel.id = "troly-panel";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", S.frame_title);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", S.close);
    close.textContent = "\u00d7";
    var frame = null;

    function open() {
      if (!frame) {
        frame = document.createElement("iframe");
        frame.title = S.frame_title;
        frame.src = base + "?embed=1";
        frame.setAttribute("allow", "clipboard-write");
        panel.insertBefore(frame, close);
      }
      panel.classList.add("open");
      launcher.classList.add("hidden");
      launcher.setAttribute("aria-expanded", "true");
      close.focus();
    }
    function shut() {
      panel.classList.remove("open");
      launcher.classList.remove("hidden");
      launcher.setAttribute("aria-expanded", "false");
      launcher.focus();
    }
    launcher.addEventListener("click", function () {
      if (panel.classList.contains("open")) shut(); else open();
    });
    close.addEventListener("click", shut);
    panel.addEventListener("keydown", function (e) { if (e.key === "Escape") shut(); });

    panel.appendChild(close);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(host);
  }

  if (document.body) build();
  else document.addEventListener("DOMContentLoaded", build);
})();
