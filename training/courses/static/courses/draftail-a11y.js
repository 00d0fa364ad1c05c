// Gives Wagtail's rich-text editors (Draftail, on Draft.js) an accessible name, so a
// screen reader says which field it is in. Draft.js renders its editable area as
// role="textbox" without aria-label or aria-labelledby (axe: aria-input-field-name) and
// points aria-describedby at a placeholder element that Wagtail never renders (Wagtail
// shows its placeholder with CSS). This names each editor after the field's own label,
// or the heading of its StreamField block, and drops the reference to nowhere.
// Upstream: Draftail's DraftailEditor could pass `ariaLabelledBy` (Draft.js supports
// it) from the widget's label id. A static file, as the CSP allows no inline script.
(function () {
  "use strict";
  var counter = 0;

  function idOf(element) {
    if (!element.id) {
      counter += 1;
      element.id = "draftail-label-" + counter;
    }
    return element.id;
  }

  function labelFor(editor) {
    var root = editor.closest(".Draftail-Editor");
    var wrapper = root && root.parentElement;
    var input = wrapper && wrapper.querySelector("input[data-draftail-input], input[type=hidden]");
    if (input && input.id) {
      var label = document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
      if (label && label.textContent.trim()) return label;
    }
    var field = editor.closest(".w-field");
    var fieldLabel = field && field.querySelector(".w-field__label");
    if (fieldLabel && fieldLabel.textContent.trim()) return fieldLabel;
    // A StreamField block: the block type's name in its panel heading (not the whole
    // heading, nor its [data-panel-heading-text], which preview the block's text).
    var panel = editor.closest("[data-panel]");
    var header = panel && panel.querySelector(":scope > .w-panel__header");
    var name = header && header.querySelector(".c-sf-block__type, [data-panel-heading-text]");
    if (name && name.textContent.trim()) return name;
    var heading = header && header.querySelector(".w-panel__heading");
    return heading && heading.textContent.trim() ? heading : null;
  }

  function fix(editor) {
    var described = editor.getAttribute("aria-describedby");
    if (described) {
      var present = described.split(/\s+/).filter(function (id) {
        return id && document.getElementById(id);
      });
      if (present.length) editor.setAttribute("aria-describedby", present.join(" "));
      else editor.removeAttribute("aria-describedby");
    }
    if (editor.hasAttribute("aria-label") || editor.hasAttribute("aria-labelledby")) return;
    var label = labelFor(editor);
    if (label) editor.setAttribute("aria-labelledby", idOf(label));
  }

  function fixAll() {
    document.querySelectorAll(".public-DraftEditor-content[role=textbox]").forEach(fix);
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      fixAll();
    });
  }).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-describedby"],
  });
  fixAll();
})();
