/* troly admin page: upload, list and remove documents; posts reviewed before publishing (with their
 * history); deadlines; recent questions; audit log.
 * Talks to admin/api/* with the HttpOnly session cookie. All data is rendered with textContent. */
(function () {
  "use strict";
  var S = JSON.parse(document.getElementById("troly-strings").textContent);

  function el(tag, cls, txt) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (txt !== undefined && txt !== null) n.textContent = String(txt);
    return n;
  }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] !== undefined ? values[k] : ""; });
  }
  function $(id) { return document.getElementById(id); }

  function api(method, path, body) {
    var opts = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (body) opts.body = body;
    return fetch("admin/api/" + path, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (r.status === 401) {
          alert(S.session_expired);
          window.location.reload();
        }
        if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
        return data;
      });
    });
  }

  /* A table from rows and column specs [[header, fn(row) -> string|Node], ...]. */
  function table(target, columns, rows, caption) {
    var box = $(target);
    box.textContent = "";
    if (!rows.length) { box.appendChild(el("p", "muted", S.empty)); return; }
    var t = el("table");
    if (caption) t.appendChild(el("caption", "sr-only", caption));
    var thead = el("thead"), tr = el("tr");
    columns.forEach(function (c) { var th = el("th", "", c[0]); th.scope = "col"; tr.appendChild(th); });
    thead.appendChild(tr);
    t.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (row) {
      var r = el("tr");
      columns.forEach(function (c) {
        var td = el("td");
        var v = c[1](row);
        if (v instanceof Node) td.appendChild(v); else td.textContent = v === undefined || v === null ? "" : String(v);
        r.appendChild(td);
      });
      tbody.appendChild(r);
    });
    t.appendChild(tbody);
    box.appendChild(t);
  }

  function repairCell(d) {
    var span;
    if (d.repaired) {
      span = el("span", "pill pill-warn", fmt(S.repair_done, { conf: Math.round(d.repair_confidence * 100) }));
    } else if (d.damaged > 0.1) {
      span = el("span", "pill pill-bad", fmt(S.repair_damaged, { share: Math.round(d.damaged * 100) }));
    } else {
      span = el("span", "pill pill-ok", S.repair_clean);
    }
    return span;
  }

  function removeButton(d) {
    var b = el("button", "btn-danger", S.remove);
    b.type = "button";
    b.setAttribute("aria-label", fmt(S.remove_label, { doc: d.label }));
    b.addEventListener("click", function () {
      if (!window.confirm(fmt(S.confirm_remove, { doc: d.label }))) return;
      b.disabled = true;
      api("DELETE", "documents/" + encodeURIComponent(d.id)).then(function () {
        $("docs-status").textContent = fmt(S.removed, { doc: d.label });
        refresh();
      }).catch(function (e) {
        b.disabled = false;
        $("docs-status").textContent = fmt(S.failed, { error: e.message });
      });
    });
    return b;
  }

  function loadDocs() {
    return api("GET", "documents").then(function (data) {
      $("docs-count").textContent = "(" + data.documents.length + ")";
      table("docs", [
        [S.col_number, function (d) { return d.number || d.label; }],
        [S.col_type, function (d) { return d.type; }],
        [S.col_date, function (d) { return d.date_text || viDate(d.date); }],
        [S.col_issuer, function (d) { return d.issuer; }],
        [S.col_title, function (d) {
          var t = d.title || d.source;
          return d.unread && d.unread.length ? t + " (" + S.unread + ": " + d.unread.map(function (f) {
            return S["fact_" + f] || f; }).join(", ") + ")" : t;
        }],
        [S.col_signer, function (d) { return d.signer; }],
        [S.col_repair, repairCell],
        [S.col_action, removeButton]
      ], data.documents, S.col_title);
    });
  }

  function pick(row, keys) {
    for (var i = 0; i < keys.length; i++) {
      var v = row[keys[i]];
      if (v !== undefined && v !== null && v !== "") return v;
    }
    return "";
  }

  /* "2025-06-30" -> "30/06/2025": how dates are written in the documents themselves. */
  function viDate(v) {
    var m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(v));
    if (!m) return v;
    return m[3] ? m[3] + "/" + m[2] + "/" + m[1] : m[2] + "/" + m[1];
  }

  function statusCell(d) {
    var raw = String(pick(d, ["status", "state"]));
    if (!raw) return "";
    var key = raw.toLowerCase().replace(/[^a-z]+/g, "_");
    var cls = key === "overdue" ? "pill pill-bad" : key === "done" ? "pill pill-ok" : "pill pill-warn";
    return el("span", cls, S["status_" + key] || raw);
  }

  function loadDeadlines() {
    return api("GET", "deadlines").then(function (data) {
      table("deadlines", [
        [S.col_deadline, function (d) { return viDate(pick(d, ["date", "deadline_date", "year", "deadline_text", "deadline"])); }],
        [S.col_agency, function (d) { return pick(d, ["agency", "agencies"]); }],
        [S.col_task, function (d) { return pick(d, ["task", "text"]); }],
        [S.col_document, function (d) { return pick(d, ["document", "doc_label", "label", "doc_id"]); }],
        [S.col_section, function (d) { return pick(d, ["section"]); }],
        [S.col_status, statusCell]
      ], data.deadlines || []);
    }).catch(function (e) { $("deadlines").textContent = fmt(S.failed, { error: e.message }); });
  }

  function when(ts) {
    var d = typeof ts === "number" ? new Date(ts * 1000) : new Date(ts);
    return isNaN(d.getTime()) ? String(ts) : d.toLocaleString("vi-VN");
  }

  function loadQuestions() {
    return api("GET", "questions").then(function (data) {
      var c = data.counts || {};
      $("questions-counts").textContent = fmt(S.counts, { up: c.up || 0, down: c.down || 0 });
      table("questions", [
        [S.col_time, function (q) { return when(q.ts); }],
        [S.col_question, function (q) { return q.question; }],
        [S.col_answer, function (q) {
          var a = q.answer || {};
          if (a.abstained) return S.abstained;
          var s = a.answer || "";
          return s.length > 180 ? s.slice(0, 180) + "…" : s;
        }],
        [S.col_route, function (q) {
          var a = q.answer || {};  // where the answer came from: the route, or the guard and its reason
          return (a.route || a.intent || "") + (a.reason && a.reason !== a.route ? " (" + a.reason + ")" : "");
        }],
        [S.col_vote, function (q) { return q.vote > 0 ? S.vote_up : q.vote < 0 ? S.vote_down : S.vote_none; }]
      ], data.questions || []);
    }).catch(function (e) { $("questions").textContent = fmt(S.failed, { error: e.message }); });
  }

  function loadAudit() {
    return api("GET", "log").then(function (data) {
      table("audit", [
        [S.col_time, function (e) { return when(e.ts); }],
        [S.col_action_log, function (e) { return S["action_" + e.action] || e.action; }],
        [S.col_detail, function (e) {
          var d = e.detail || {};
          return Object.keys(d).map(function (k) {
            var v = d[k];
            return k + ": " + (Array.isArray(v) ? v.join(", ") : v);
          }).join(" · ");
        }]
      ], data.entries || []);
    }).catch(function (e) { $("audit").textContent = fmt(S.failed, { error: e.message }); });
  }

  function refresh() {
    return Promise.all([
      loadDocs().catch(function (e) { $("docs").textContent = fmt(S.failed, { error: e.message }); }),
      loadDeadlines(), loadQuestions(), loadAudit()
    ]);
  }

  $("upload-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var input = $("file");
    var status = $("upload-status");
    if (!input.files || !input.files.length) { status.textContent = S.upload_pick; return; }
    var fd = new FormData();
    fd.append("file", input.files[0]);
    var btn = $("upload-btn");
    btn.disabled = true;
    status.className = "status";
    status.textContent = S.uploading;
    api("POST", "documents", fd).then(function (data) {
      status.className = "status ok";
      status.textContent = fmt(S["uploaded_" + data.status] || S.uploaded_added, { doc: data.document.label });
      input.value = "";
      return refresh();
    }).catch(function (err) {
      status.className = "status bad";
      status.textContent = fmt(S.failed, { error: err.message });
    }).then(function () { btn.disabled = false; });
  });

  /* Review before publishing: ask for a post, edit it in place, copy it (the final text is kept). */
  var current = null;

  function showPost(entry) {
    current = entry;
    $("post-editor").className = "";
    $("post-text").value = entry.final;
    var list = $("post-sources");
    list.textContent = "";
    (entry.sources || []).forEach(function (s) {
      var li = el("li");
      li.appendChild(el("strong", "", s.document));
      if (s.section) li.appendChild(el("span", "muted", " · " + s.section));
      if (s.repaired) li.appendChild(el("span", "muted", " · bản quét, đã khôi phục dấu: đối chiếu bản gốc trước khi đăng"));
      li.appendChild(el("blockquote", "", s.quote));
      list.appendChild(li);
    });
  }

  function savePost() {
    if (!current) return Promise.resolve(null);
    return api("PUT", "posts/" + current.id, JSON.stringify({ text: $("post-text").value })).then(function (data) {
      current = data.entry;
      loadPostHistory();
      return data.entry;
    });
  }

  function loadPostHistory() {
    var q = $("post-search").value || "";
    return api("GET", "posts?q=" + encodeURIComponent(q)).then(function (data) {
      table("post-history", [
        [S.col_time, function (p) { return when(p.updated); }],
        [S.col_topic, function (p) { return p.topic; }],
        [S.col_channel, function (p) { return S["channel_" + p.channel] || p.channel; }],
        [S.col_audience, function (p) { return S["audience_" + p.audience] || p.audience; }],
        [S.col_post, function (p) { return p.final.length > 160 ? p.final.slice(0, 160) + "…" : p.final; }],
        [S.col_edited, function (p) { return p.edited ? S.edited_yes : S.edited_no; }],
        [S.col_action, function (p) {
          var b = el("button", "btn-outline", S.posts_open);
          b.type = "button";
          b.addEventListener("click", function () { showPost(p); $("post-text").focus(); });
          return b;
        }]
      ], data.entries || []);
    }).catch(function (e) { $("post-history").textContent = fmt(S.failed, { error: e.message }); });
  }

  $("post-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var status = $("post-status"), btn = $("post-create");
    btn.disabled = true;
    status.className = "status";
    status.textContent = S.posts_writing;
    var body = JSON.stringify({ topic: $("post-topic").value, channel: $("post-channel").value,
                                audience: $("post-audience").value });
    api("POST", "posts", body).then(function (data) {
      showPost(data.entry);
      status.className = "status ok";
      status.textContent = S.posts_ready;
      loadPostHistory();
    }).catch(function (err) {
      status.className = "status bad";
      status.textContent = err.message;
    }).then(function () { btn.disabled = false; });
  });

  $("post-save").addEventListener("click", function () {
    savePost().then(function () { $("post-status").textContent = S.posts_saved; })
      .catch(function (err) { $("post-status").textContent = fmt(S.failed, { error: err.message }); });
  });

  $("post-copy").addEventListener("click", function () {
    var text = $("post-text").value;
    var copied = navigator.clipboard && navigator.clipboard.writeText
      ? navigator.clipboard.writeText(text)
      : new Promise(function (ok, fail) {
          $("post-text").select();
          (document.execCommand && document.execCommand("copy")) ? ok() : fail(new Error("copy"));
        });
    copied.then(savePost).then(function () { $("post-status").textContent = S.posts_copied; })
      .catch(function () { $("post-status").textContent = S.posts_copy_failed; });
  });

  $("post-search").addEventListener("input", function () { loadPostHistory(); });

  ["docs", "deadlines", "questions", "audit", "post-history"].forEach(function (id) { $(id).textContent = S.loading; });
  refresh();
  loadPostHistory();
})();
