/* kravkoll serve: the page for writers (/) and the rule playground (/rules).
   No framework and no other host; the document stays in this page and is sent again for
   each download, because the server keeps nothing. */
(function () {
  "use strict";

  var labels = JSON.parse(document.getElementById("labels").textContent);

  function say(text) {
    document.getElementById("status").textContent = text;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  function authHeaders() {
    var token = document.getElementById("token");
    return token && token.value ? { "Authorization": "Bearer " + token.value } : {};
  }

  function problemOf(response) {
    return response.text().then(function (body) {
      try { return JSON.parse(body).error || response.statusText; } catch (e) { return response.status + " " + response.statusText; }
    });
  }

  /* ---- the page for writers ---------------------------------------------------------------- */

  function setUpChecker(form) {
    var fileInput = document.getElementById("file");
    var drop = document.getElementById("drop");
    var result = document.getElementById("result");
    var frame = document.getElementById("report");
    var chosen = null;

    var text = document.getElementById("text");
    /* The last thing given is what is checked: a file chosen, or text typed after it. */
    fileInput.addEventListener("change", function () { chosen = fileInput.files[0] || null; });
    text.addEventListener("input", function () {
      if (chosen) { chosen = null; fileInput.value = ""; }
    });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer.files.length) {
        fileInput.files = event.dataTransfer.files;
        chosen = event.dataTransfer.files[0];
      }
    });

    function options() {
      var query = new URLSearchParams();
      var lang = document.getElementById("lang").value;
      if (lang) { query.append("lang", lang); }
      form.querySelectorAll("input[name=ruleset]:checked").forEach(function (box) { query.append("ruleset", box.value); });
      return query;
    }

    function request(path, extra) {
      var query = options();
      Object.keys(extra || {}).forEach(function (key) { query.set(key, extra[key]); });
      var init = { method: "POST", headers: authHeaders() };
      if (chosen) {
        var body = new FormData();
        body.append("file", chosen, chosen.name);
        init.body = body;
      } else {
        init.headers["Content-Type"] = "application/json";
        init.body = JSON.stringify({ text: document.getElementById("text").value, format: document.getElementById("format").value });
      }
      var qs = query.toString();
      return fetch(path + (qs ? "?" + qs : ""), init);
    }

    /* The report's links within itself ("#f-3"): in a srcdoc frame they would resolve against this
       page's address and load it into the frame, so they move to their target here instead. */
    function followInnerLinks(doc) {
      doc.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
        if (!link) { return; }
        event.preventDefault();
        var target = doc.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
        if (!target) { return; }
        if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
        target.scrollIntoView();
        target.focus({ preventScroll: true });
      });
    }

    function showReport(html) {
      frame.addEventListener("load", function shown() {
        frame.removeEventListener("load", shown);
        var doc = frame.contentDocument;
        if (!doc || !doc.documentElement) { return; }
        frame.style.height = doc.documentElement.scrollHeight + 40 + "px";
        followInnerLinks(doc);
      });
      frame.srcdoc = html;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!chosen && !document.getElementById("text").value.trim()) { say(labels.msg_nothing); return; }
      say(labels.msg_checking);
      form.setAttribute("aria-busy", "true");
      request("/api/report").then(function (response) {
        if (!response.ok) { return problemOf(response).then(function (message) { throw new Error(message); }); }
        var counts = { requirements: response.headers.get("Kravkoll-Requirements"), findings: response.headers.get("Kravkoll-Findings") };
        return response.text().then(function (html) {
          var isDocx = chosen && /\.docx$/i.test(chosen.name);
          result.querySelectorAll("[data-docx-only]").forEach(function (button) { button.parentNode.hidden = !isDocx; });
          result.hidden = false;
          showReport(html);
          say(fill(labels.msg_done, counts));
          document.getElementById("result-title").focus();
        });
      }).catch(function (error) {
        say(error.message);
      }).then(function () { form.removeAttribute("aria-busy"); });
    });

    var downloads = {
      "annotate": ["/api/annotate", {}, ".kravkoll.docx"],
      "matrix-csv": ["/api/matrix", { format: "csv" }, ".matrix.csv"],
      "matrix-html": ["/api/matrix", { format: "html" }, ".matrix.html"],
      "json": ["/api/check", { format: "json" }, ".kravkoll.json"],
      "sarif": ["/api/check", { format: "sarif" }, ".sarif"]
    };

    result.querySelectorAll("button.download").forEach(function (button) {
      button.addEventListener("click", function () {
        var spec = downloads[button.getAttribute("data-kind")];
        var stem = chosen ? chosen.name.replace(/\.[^.]*$/, "") : "text";
        var name = stem + spec[2];
        say(labels.msg_downloading);
        request(spec[0], spec[1]).then(function (response) {
          if (!response.ok) { return problemOf(response).then(function (message) { throw new Error(message); }); }
          return response.blob();
        }).then(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = name;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
          say(fill(labels.msg_downloaded, { name: name }));
        }).catch(function (error) { say(error.message); });
      });
    });
  }

  /* ---- the rule playground ----------------------------------------------------------------- */

  function setUpPlayground() {
    var rules = document.getElementById("rules");
    var sample = document.getElementById("sample");
    var timer = null;
    var sent = 0;

    function item(text, className) {
      var li = document.createElement("li");
      if (className) { li.className = className; }
      li.textContent = text;
      return li;
    }

    function list(id, items) {
      var target = document.getElementById(id);
      target.replaceChildren.apply(target, items.length ? items : [item(labels.pg_none)]);
    }

    function goTo(line, column) {
      var lines = rules.value.split("\n");
      var offset = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
      offset += Math.max(column - 1, 0);
      rules.focus();
      rules.setSelectionRange(offset, offset);
    }

    function problem(error) {
      var li = document.createElement("li");
      var pre = document.createElement("pre");
      pre.textContent = error.text;
      if (error.line) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.textContent = error.line + ":" + error.column;
        button.addEventListener("click", function () { goTo(error.line, error.column); });
        li.appendChild(button);
        li.appendChild(document.createTextNode(" " + error.message));
      } else {
        li.appendChild(document.createTextNode(error.message));
      }
      li.appendChild(pre);
      return li;
    }

    function show(answer) {
      list("problems", answer.errors.map(problem));
      list("examples", answer.examples.map(function (example) {
        var verdict = example.passed ? labels.pg_pass : labels.pg_fail;
        return item(example.rule + " · example " + example.expect + " · " + verdict + ": " + (example.description || example.text),
                    example.passed ? "pass" : "fail");
      }));
      list("findings", answer.findings.map(function (finding) {
        var where = finding.location ? finding.location.line + ":" + finding.location.column + " " : "";
        return item(where + finding.rule + ": " + finding.message, "sev-" + finding.severity);
      }));
      say(answer.valid ? fill(labels.pg_valid, { rules: answer.ruleset.rules, extended: answer.ruleset.extended_rules }) : fill(labels.pg_invalid, { count: answer.errors.length }));
    }

    function run() {
      var mine = ++sent;
      var headers = authHeaders();
      headers["Content-Type"] = "application/json";
      fetch("/api/rules/try", { method: "POST", headers: headers, body: JSON.stringify({ rules: rules.value, text: sample.value }) })
        .then(function (response) {
          if (!response.ok) { return problemOf(response).then(function (message) { throw new Error(message); }); }
          return response.json();
        })
        .then(function (answer) { if (mine === sent) { show(answer); } })
        .catch(function (error) { if (mine === sent) { say(error.message); } });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(run, 400);
    }

    rules.addEventListener("input", later);
    sample.addEventListener("input", later);
    run();
  }

  var form = document.getElementById("check-form");
  if (form) { setUpChecker(form); }
  if (document.getElementById("playground")) { setUpPlayground(); }
})();
