// The report builder's text editor: a toolbar for headings, lists and emphasis, and a live preview that shows the
// text exactly as the server renders it in the report (the server's own rendering, fetched as a fragment). Without
// this script the form is sent as usual and the preview shows the saved text.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return;

  document.querySelectorAll("textarea[data-preview]").forEach(function (area) {
    var target = document.getElementById(area.dataset.previewTarget);
    var form = area.form;
    if (!target || !form) return;
    var token = form.querySelector("input[name=_csrf]");
    var timer = null;
    var sent = 0;

    function refresh() {
      var body = new FormData();
      body.append("_csrf", token ? token.value : "");
      body.append("text", area.value);
      var number = ++sent;
      fetch(area.dataset.preview, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (html) {
          // Only the answer to the latest text counts; the fragment is the server's escaped rendering.
          if (number !== sent) return;
          var parsed = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
          target.replaceChildren.apply(target, Array.prototype.slice.call(parsed.body.firstChild.childNodes));
        })
        .catch(function () {
          if (number !== sent) return;
          var p = document.createElement("p");
          p.className = "field-error";
          p.textContent = target.dataset.failed || "";
          target.replaceChildren(p);
        });
    }

    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });

    // The toolbar: each button puts its marks around the selection or at the start of the selected lines.
    var toolbar = form.querySelector(".editor-toolbar");
    if (!toolbar) return;
    toolbar.hidden = false;

    function lineStarts(prefix) {
      var value = area.value, start = area.selectionStart, end = area.selectionEnd;
      var from = value.lastIndexOf("\n", start - 1) + 1;
      var lines = value.slice(from, end).split("\n");
      var changed = lines.map(function (line, index) {
        var bare = line.replace(/^(#{1,3} |- |\d{1,3}\. )/, "");
        return (typeof prefix === "function" ? prefix(index) : prefix) + bare;
      }).join("\n");
      area.value = value.slice(0, from) + changed + value.slice(end);
      area.setSelectionRange(from, from + changed.length);
    }

    function around(mark) {
      var value = area.value, start = area.selectionStart, end = area.selectionEnd;
      var inner = value.slice(start, end);
      area.value = value.slice(0, start) + mark + inner + mark + value.slice(end);
      area.setSelectionRange(start + mark.length, end + mark.length);
    }

    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-tool]");
      if (!button) return;
      var tool = button.dataset.tool;
      if (tool === "h") lineStarts("# ");
      else if (tool === "h2") lineStarts("## ");
      else if (tool === "ul") lineStarts("- ");
      else if (tool === "ol") lineStarts(function (index) { return (index + 1) + ". "; });
      else if (tool === "b") around("**");
      else if (tool === "i") around("*");
      area.focus();
      refresh();
    });
  });
})();
