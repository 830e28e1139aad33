// A running job's page follows its job without reloading: every second it asks the job's
// status URL (JSON) and writes the sentence into a polite live region, so a screen reader
// hears the progress without losing its place. When the job ends, the page is loaded once
// more to show the outcome. No other script runs in the app (CSP: script-src 'self').
(function () {
  "use strict";
  var box = document.querySelector("[data-job-status]");
  if (!box) return;
  var url = box.getAttribute("data-job-status");
  var text = box.querySelector("[data-job-text]");
  var bar = box.querySelector("[data-job-bar]");
  var delay = 1000;

  function show(status) {
    if (text.textContent !== status.text) text.textContent = status.text;
    if (status.percent === null) {
      bar.removeAttribute("value");
    } else {
      bar.setAttribute("max", "100");
      bar.value = status.percent;
      bar.textContent = status.percent + " %";
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (status) {
        delay = 1000;
        if (!status.running) {
          window.location.reload();
          return;
        }
        show(status);
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 15000); // the server is busy or restarting: ask less often
        window.setTimeout(poll, delay);
      });
  }

  window.setTimeout(poll, delay);
})();
