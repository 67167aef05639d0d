// The import job page: polls the job's status and moves the progress bar; reloads the page
// for the report once the job is finished. Without JavaScript the page refreshes itself.
(function () {
  "use strict";
  var bar = document.querySelector("[data-import-status]");
  if (!bar) {
    return;
  }
  var url = bar.getAttribute("data-import-status");
  var state = document.getElementById("import-state");
  var done = document.querySelector("[data-import-done]");
  var total = document.querySelector("[data-import-total]");

  function show(status) {
    bar.value = status.percent;
    bar.textContent = status.percent + "%";
    bar.setAttribute("aria-valuenow", String(status.percent));
    state.textContent = status.label;
    if (done) {
      done.textContent = String(status.rows_done);
    }
    if (total) {
      total.textContent = String(status.rows_total);
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (status) {
        show(status);
        if (status.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
