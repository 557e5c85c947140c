/* Chat page of troly: asks POST api/ask, shows answers with quoted sources, sends feedback.
 * No framework. Every text that comes from the server is put in the page with textContent
 * (never parsed as HTML), because answers quote documents verbatim. */
(function () {
  "use strict";

  var S = JSON.parse(document.getElementById("troly-strings").textContent);
  var MAX = 2000;
  var WARN_AT = 1800;
  var TIMEOUT_MS = 90000;
  var CONV_KEY = "troly.conversation";
  var HIST_KEY = "troly.history";

  var logEl = document.getElementById("log");
  var form = document.getElementById("ask-form");
  var input = document.getElementById("q");
  var sendBtn = document.getElementById("send");
  var counter = document.getElementById("counter");
  var newChat = document.getElementById("new-chat");
  var busy = false;
  var typingEl = null;

  /* ---- storage (per browser tab) ------------------------------------------------------ */
  function store(key, value) {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch (e) { /* private mode: the conversation simply is not kept */ }
  }
  function load(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }
  function newId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  function conversationId() {
    var id = load(CONV_KEY);
    if (!id) { id = newId(); store(CONV_KEY, id); }
    return id;
  }
  function history() {
    try { return JSON.parse(load(HIST_KEY) || "[]"); } catch (e) { return []; }
  }
  function remember(item) {
    var h = history();
    h.push(item);
    store(HIST_KEY, JSON.stringify(h.slice(-60)));
  }

  /* ---- DOM helpers ---------------------------------------------------------------------- */
  function el(tag, cls, txt) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (txt !== undefined && txt !== null) node.textContent = String(txt);
    return node;
  }
  function srOnly(txt) { return el("span", "sr-only", txt); }
  function scrollDown() { logEl.scrollTop = logEl.scrollHeight; }

  function botShell(extraCls) {
    var row = el("div", "msg msg-bot" + (extraCls ? " " + extraCls : ""));
    var avatar = el("div", "avatar");
    avatar.setAttribute("aria-hidden", "true");
    var img = el("img");
    img.src = "assets/icon.svg"; img.alt = ""; img.width = 32; img.height = 32;
    avatar.appendChild(img);
    var bubble = el("div", "bubble");
    bubble.appendChild(srOnly(S.bot + ": "));
    row.appendChild(avatar);
    row.appendChild(bubble);
    return { row: row, bubble: bubble };
  }

  function addUser(q) {
    var row = el("div", "msg msg-user");
    var bubble = el("div", "bubble");
    bubble.appendChild(srOnly(S.you + ": "));
    bubble.appendChild(el("p", "text", q));
    row.appendChild(bubble);
    logEl.appendChild(row);
    scrollDown();
  }

  function sourceItem(src) {
    var li = el("li", "source");
    var head = el("div", "source-head");
    head.appendChild(el("span", "source-doc", src.document || ""));
    if (src.title && src.title !== src.document) head.appendChild(el("span", "source-title", src.title));
    li.appendChild(head);
    if (src.section) li.appendChild(el("div", "source-section", S.source_section + ": " + src.section));
    if (src.quote) li.appendChild(el("blockquote", "source-quote", src.quote));
    return li;
  }

  var THUMB = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06" +
    "L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05" +
    "c.09-.23.14-.47.14-.73v-2z";
  /* 👍/👎 as an SVG: emoji fonts are missing on some office PCs. */
  function thumb(direction) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", THUMB);
    path.setAttribute("fill", "currentColor");
    if (direction === "down") path.setAttribute("transform", "rotate(180 12 12)");
    svg.appendChild(path);
    return svg;
  }

  function feedbackBar(id, token) {
    var bar = el("div", "feedback");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", S.feedback_q);
    var label = el("span", "feedback-q", S.feedback_q);
    var note = el("span", "feedback-note");
    note.setAttribute("aria-live", "polite");
    bar.appendChild(label);
    var buttons = [];
    [[1, "up", S.feedback_up], [-1, "down", S.feedback_down]].forEach(function (spec) {
      var b = el("button", "btn-vote");
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.setAttribute("aria-label", spec[2]);
      b.title = spec[2];
      b.dataset.vote = String(spec[0]);
      b.appendChild(thumb(spec[1]));
      b.addEventListener("click", function () { vote(id, token, spec[0], b, buttons, note); });
      buttons.push(b);
      bar.appendChild(b);
    });
    bar.appendChild(note);
    return bar;
  }

  function vote(id, token, value, button, buttons, note) {
    buttons.forEach(function (b) { b.disabled = true; });
    fetch("api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: id, vote_token: token, vote: value })
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
      note.textContent = S.feedback_thanks;
      buttons.forEach(function (b) { b.disabled = false; });
    }).catch(function () {
      note.textContent = S.feedback_failed;
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  function addBot(data, restoring) {
    var shell = botShell(data.abstained ? "abstained" : "");
    if (data.abstained) shell.bubble.appendChild(el("p", "badge", S.abstained_note));
    shell.bubble.appendChild(el("p", "text", data.answer || ""));
    var sources = Array.isArray(data.sources) ? data.sources : [];
    if (sources.length) {
      var det = el("details", "sources");
      var sum = el("summary", "", S.sources + " (" + sources.length + ")");
      det.appendChild(sum);
      var list = el("ol", "source-list");
      sources.forEach(function (s) { list.appendChild(sourceItem(s || {})); });
      det.appendChild(list);
      shell.bubble.appendChild(det);
    }
    if (data.id !== undefined && data.id !== null && data.id !== "") {
      shell.bubble.appendChild(feedbackBar(data.id, data.vote_token));
    }
    logEl.appendChild(shell.row);
    if (!restoring) scrollDown();
  }

  function addError(message, retryQuestion) {
    var shell = botShell("msg-error");
    shell.bubble.setAttribute("role", "alert");
    shell.bubble.appendChild(el("p", "text", message));
    if (retryQuestion) {
      var b = el("button", "btn-retry", S.retry);
      b.type = "button";
      b.addEventListener("click", function () {
        shell.row.remove();
        send(retryQuestion, true);
      });
      shell.bubble.appendChild(b);
    }
    logEl.appendChild(shell.row);
    scrollDown();
  }

  function showTyping() {
    var shell = botShell("typing");
    var dots = el("div", "dots");
    dots.setAttribute("aria-hidden", "true");
    dots.appendChild(el("span")); dots.appendChild(el("span")); dots.appendChild(el("span"));
    shell.bubble.appendChild(dots);
    shell.bubble.appendChild(el("span", "sr-only", S.typing));
    shell.row.id = "typing";
    typingEl = shell.row;
    logEl.appendChild(shell.row);
    scrollDown();
  }
  function hideTyping() {
    if (typingEl) { typingEl.remove(); typingEl = null; }
  }

  function welcome() {
    var shell = botShell("welcome");
    shell.bubble.appendChild(el("p", "text", S.welcome));
    var chips = el("div", "suggestions");
    chips.setAttribute("role", "group");
    chips.setAttribute("aria-label", S.suggestions_label);
    S.suggestions.split("|").forEach(function (q) {
      var c = el("button", "chip", q);
      c.type = "button";
      c.addEventListener("click", function () { send(q); });
      chips.appendChild(c);
    });
    shell.bubble.appendChild(chips);
    logEl.appendChild(shell.row);
  }

  /* ---- asking ----------------------------------------------------------------------------- */
  function setBusy(on) {
    busy = on;
    sendBtn.disabled = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
  }

  function send(q, isRetry) {
    q = (q || "").trim();
    if (busy) return;
    if (!q) { flash(S.err_empty); return; }
    if (q.length > MAX) { flash(S.err_long); return; }
    if (!isRetry) { addUser(q); remember({ role: "user", q: q }); }
    showTyping();
    setBusy(true);
    var ctrl = window.AbortController ? new AbortController() : null;
    var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, TIMEOUT_MS) : null;
    fetch("api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ q: q, conversation_id: conversationId() }),
      signal: ctrl ? ctrl.signal : undefined
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (data) {
        return { status: r.status, ok: r.ok, data: data };
      });
    }).then(function (res) {
      hideTyping();
      if (res.ok && res.data && typeof res.data.answer === "string") {
        addBot(res.data);
        remember({ role: "bot", data: res.data });
      } else if (res.status === 429) {
        addError(S.err_rate, q);
      } else if (res.status >= 500 || res.status === 0) {
        addError(S.err_busy, q);
      } else {
        addError((res.data && typeof res.data.error === "string" && res.data.error) || S.err_bad, null);
      }
    }).catch(function (e) {
      hideTyping();
      addError(e && e.name === "AbortError" ? S.err_timeout : S.err_network, q);
    }).then(function () {
      if (timer) clearTimeout(timer);
      setBusy(false);
    });
  }

  var flashTimer = null;
  function flash(message) {
    counter.textContent = message;
    counter.classList.add("warn");
    clearTimeout(flashTimer);
    flashTimer = setTimeout(updateCounter, 3000);
    input.focus();
  }

  function updateCounter() {
    var n = input.value.length;
    counter.classList.toggle("warn", n >= WARN_AT);
    counter.textContent = n >= WARN_AT ? S.chars_left.replace("{n}", String(Math.max(0, MAX - n))) : "";
  }

  function autoGrow() {
    input.style.height = "auto";
    var h = input.scrollHeight;
    input.style.height = Math.min(h, 180) + "px";
    input.style.overflowY = h > 180 ? "auto" : "hidden";
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value;
    if (busy || !q.trim()) { if (!q.trim()) flash(S.err_empty); return; }
    input.value = "";
    autoGrow();
    updateCounter();
    send(q);
    input.focus();
  });

  input.addEventListener("keydown", function (e) {
    // Vietnamese input methods compose syllables with Enter-free keys, but never send mid-composition.
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
  input.addEventListener("input", function () { autoGrow(); updateCounter(); });

  newChat.addEventListener("click", function () {
    store(CONV_KEY, newId());
    store(HIST_KEY, null);
    while (logEl.firstChild) logEl.removeChild(logEl.firstChild);
    welcome();
    input.focus();
  });

  /* ---- start: restore this tab's conversation -------------------------------------------- */
  welcome();
  history().forEach(function (item) {
    if (item.role === "user") addUser(item.q);
    else if (item.role === "bot" && item.data) addBot(item.data, true);
  });
  scrollDown();
})();
