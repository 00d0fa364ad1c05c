// "Copy link" for a cohort's invite link in the admin. Without JavaScript (or
// without clipboard access) the button stays hidden and the link stays in a
// read-only field that can be selected and copied by hand. Texts come from
// the button's data attributes (translated in the template).
(function () {
  "use strict";
  var button = document.querySelector("[data-cohort-copy-invite]");
  var input = document.getElementById("cohort-invite-url");
  var status = document.querySelector("[data-cohort-copy-status]");
  if (!button || !input || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(input.value).then(
      function () {
        status.textContent = button.getAttribute("data-copied-text");
      },
      function () {
        input.select();
        status.textContent = button.getAttribute("data-copy-failed-text");
      }
    );
  });
})();
