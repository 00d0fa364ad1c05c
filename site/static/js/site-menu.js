// The site menu is a <details> disclosure that folds on a phone. From 48rem it is
// shown open by CSS (::details-content); this keeps the element's own open state
// in step, for browsers without that pseudo-element and for screen readers.
(function () {
  "use strict";
  var menu = document.querySelector("[data-site-menu]");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function sync() {
    menu.open = wide.matches;
  }
  sync();
  if (wide.addEventListener) wide.addEventListener("change", sync);
  // Escape closes the folded menu and puts focus back on its button.
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
