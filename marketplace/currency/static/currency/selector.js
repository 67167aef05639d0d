/* Currency selector: a new choice submits its form (the button is there without JavaScript). */
(function () {
  "use strict";
  var select = document.getElementById("currency-select");
  if (select) {
    select.addEventListener("change", function () {
      select.form.submit();
    });
  }
})();
