/* Seller application: the pages work without this script (plain forms); with it, the error
   summary takes focus, its links put the cursor in the field, a chosen file is named and a
   second tap on a button does not send the form twice. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js-files");

  function focusField(id) {
    var target = id && document.getElementById(id);
    if (!target) {
      return false;
    }
    var field = target.matches("input, select, textarea")
      ? target
      : target.querySelector("input, select, textarea");
    if (!field) {
      return false;
    }
    var group = field.closest(".form-group") || field;
    group.scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".error-summary a[href*='#']");
    if (!link) {
      return;
    }
    var url = new URL(link.href);
    if (url.pathname !== window.location.pathname) {
      return;
    }
    if (focusField(decodeURIComponent(url.hash.slice(1)))) {
      event.preventDefault();
      window.history.replaceState(null, "", url.hash);
    }
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".file-buttons input[type=file]")) {
      return;
    }
    var group = input.closest(".file-buttons");
    group.querySelectorAll("input[type=file]").forEach(function (other) {
      if (other !== input) {
        other.value = "";
      }
    });
    var names = Array.prototype.map.call(input.files, function (file) {
      return file.name;
    });
    group.querySelector(".file-chosen").textContent = names.join(", ");
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("sell-form")) {
      return;
    }
    if (form.dataset.sent) {
      event.preventDefault(); // a second tap while the first is on its way
      return;
    }
    form.dataset.sent = "1";
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll(".sell-form").forEach(function (form) {
      delete form.dataset.sent; // shown again by the browser's back button
    });
  });

  var summary = document.querySelector(".error-summary");
  if (!focusField(decodeURIComponent(window.location.hash.slice(1))) && summary) {
    summary.focus();
  }
})();
