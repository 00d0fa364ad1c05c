// The comment bank on the trainer's decision form: choosing a phrase adds it
// to the comment (after what is already there), and the choice resets so the
// same phrase can be added again. A static file, as the CSP allows no inline script.
(function () {
  "use strict";
  document.querySelectorAll("[data-comment-bank-select]").forEach(function (select) {
    var target = document.getElementById(select.dataset.target);
    if (!target) return;
    select.addEventListener("change", function () {
      var phrase = select.value;
      if (!phrase) return;
      var current = target.value.replace(/\s+$/, "");
      target.value = current ? current + "\n\n" + phrase : phrase;
      select.value = "";
      target.focus();
      target.setSelectionRange(target.value.length, target.value.length);
    });
  });
})();
