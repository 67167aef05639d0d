/* Seller space listing form and photos page (no inline script: the CSP forbids it).
 *
 * - Photos: the names of the photos chosen are listed; a form with photos is sent with
 *   XMLHttpRequest so a progress bar can follow the upload. The server answers a saved form
 *   with {"location": url} and an invalid one with the page, whose content replaces this one's.
 *   Without JavaScript the form is a plain multi-file POST.
 * - Craft: only the materials and techniques of the chosen craft are shown (the others are
 *   unticked); without JavaScript the "show this craft's..." button re-renders the form.
 */
(function () {
  "use strict";

  function vocabulary() {
    var data = document.getElementById("vocabulary-by-craft");
    return data ? JSON.parse(data.textContent) : null;
  }

  function showCraft(select) {
    var lists = vocabulary();
    if (!lists) return;
    var offered = lists[select.value] || {};
    document.querySelectorAll("[data-vocabulary]").forEach(function (group) {
      var allowed = offered[group.getAttribute("data-vocabulary")];
      group.querySelectorAll("[data-choice]").forEach(function (item) {
        var id = Number(item.getAttribute("data-choice"));
        var show = allowed === null || allowed === undefined || allowed.indexOf(id) !== -1;
        var box = item.querySelector("input");
        if (!show && box && box.checked) box.checked = false;
        item.hidden = !show;
      });
    });
  }

  function enhance(root) {
    root.querySelectorAll("[data-craft-refresh]").forEach(function (element) {
      element.hidden = true;
    });
  }

  function listPicked(input) {
    var list = input.closest("form").querySelector("[data-picked]");
    if (!list) return;
    list.textContent = "";
    Array.prototype.forEach.call(input.files, function (file, index) {
      var line = document.createElement("span");
      line.textContent = (index + 1).toLocaleString(document.documentElement.lang) + ". " + file.name;
      list.appendChild(line);
    });
    list.hidden = input.files.length === 0;
  }

  function percent(fraction) {
    try {
      return fraction.toLocaleString(document.documentElement.lang, { style: "percent" });
    } catch (error) {
      return Math.round(fraction * 100) + "%";
    }
  }

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var box = form.querySelector("[data-progress]");
    var bar = box && box.querySelector("progress");
    var text = box && box.querySelector("[data-progress-text]");
    var buttons = form.querySelectorAll("button[type=submit]");
    buttons.forEach(function (button) { button.disabled = true; });
    if (box) box.hidden = false;
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action") || window.location.href);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    request.upload.addEventListener("progress", function (event) {
      if (!event.lengthComputable || !bar) return;
      bar.value = Math.round((event.loaded / event.total) * 100);
      if (text) text.textContent = percent(event.loaded / event.total);
    });
    request.addEventListener("load", function () {
      var type = request.getResponseHeader("Content-Type") || "";
      if (type.indexOf("application/json") === 0) {
        window.location.assign(JSON.parse(request.responseText).location);
        return;
      }
      var page = new DOMParser().parseFromString(request.responseText, "text/html");
      var content = page.getElementById("content_inner");
      var current = document.getElementById("content_inner");
      if (!content || !current) {
        HTMLFormElement.prototype.submit.call(form);
        return;
      }
      current.replaceWith(document.adoptNode(content));
      enhance(document);
      var error = document.querySelector(".field-error");
      if (error) error.scrollIntoView({ block: "center" });
    });
    request.addEventListener("error", function () {
      HTMLFormElement.prototype.submit.call(form);
    });
    request.send(data);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("select[name=craft]")) showCraft(target);
    if (target.matches("input[type=file][multiple]")) listPicked(target);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-upload-progress]") || !window.FormData) return;
    var input = form.querySelector("input[type=file]");
    if (!input || input.files.length === 0) return;
    event.preventDefault();
    send(form, event.submitter);
  });

  enhance(document);
})();
