/* Header selectors (currency, delivery country): a new choice submits its form (the button is
   there without JavaScript). */
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      select.form.submit();
    });
  });
})();
