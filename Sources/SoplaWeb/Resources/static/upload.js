// Uploads of the import page with progress: the form is sent in the background so that the page can show how much
// of the file has gone and that it is being checked. Without this script the form is sent as usual.
(function () {
  "use strict";
  var MB = 1024 * 1024;

  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    var button = form.querySelector("button[type=submit]");
    var bar = document.getElementById(form.dataset.uploadProgress);
    var status = document.getElementById(form.dataset.uploadStatus);
    if (!input || !button || !bar || !status || !window.XMLHttpRequest || !window.FormData) return;
    var language = document.documentElement.lang || "de";
    var busy = false;

    function megabytes(bytes) {
      return (bytes / MB).toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    }

    function say(text) {
      status.textContent = text;
    }

    function reset() {
      busy = false;
      button.disabled = false;
      bar.hidden = true;
    }

    function fail(text) {
      reset();
      status.classList.add("field-error");
      say(text);
    }

    // What the server's page says went wrong: the form's error summary, else the error page's heading and text.
    function reason(html) {
      var page = new DOMParser().parseFromString(html || "", "text/html");
      var items = page.querySelectorAll("main .error-summary li");
      if (items.length) return Array.prototype.map.call(items, function (item) { return item.textContent.trim(); }).join(" ");
      var parts = [];
      var heading = page.querySelector("main h1");
      if (heading) parts.push(heading.textContent.trim());
      page.querySelectorAll("main > p").forEach(function (p) {
        if (!p.querySelector("a") && p.textContent.trim()) parts.push(p.textContent.trim());
      });
      return parts.join(" ");
    }

    // Back to the page from the browser's cache: ready for the next file.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { reset(); say(""); }
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) return;
      var file = input.files && input.files[0];
      var limit = parseInt(form.dataset.uploadMax, 10);
      status.classList.remove("field-error");
      if (file && limit && file.size > limit) {
        fail(form.dataset.textTooLarge);
        return;
      }
      var data = new FormData(form);
      busy = true;
      button.disabled = true;
      bar.removeAttribute("value");
      bar.hidden = false;
      say(form.dataset.textUploading);

      var xhr = new XMLHttpRequest();
      var lastSaid = 0;
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable || e.total === 0) return;
        bar.max = e.total;
        bar.value = e.loaded;
        // Said at most once a second (a screen reader reads every change), and always at the end.
        var now = Date.now();
        if (now - lastSaid >= 1000 || e.loaded === e.total) {
          lastSaid = now;
          say(form.dataset.textProgress.replace("{sent}", megabytes(e.loaded)).replace("{total}", megabytes(e.total)));
        }
      });
      xhr.upload.addEventListener("load", function () {
        bar.removeAttribute("value");
        say(form.dataset.textChecking);
      });
      xhr.addEventListener("load", function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          // The server answers with the run page (after a redirect): open it there.
          window.location.assign(xhr.responseURL || form.action);
          return;
        }
        fail(form.dataset.textFailed.replace("{reason}", reason(xhr.responseText) || String(xhr.status)));
      });
      xhr.addEventListener("error", function () { fail(form.dataset.textInterrupted); });
      xhr.addEventListener("abort", function () { fail(form.dataset.textInterrupted); });
      xhr.open("POST", form.action);
      xhr.send(data);
    });
  });
})();
