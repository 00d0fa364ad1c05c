/* Dilemmas remembered: record a choice as soon as the learner opens it.
 *
 * Progressive: without this script the "This is what I would do" buttons do
 * the same with a plain form. Opening a choice posts its key (the page's own
 * CSRF token, Accept: application/json) and shows the path the server sends
 * back under "Your choices". Nothing is sent for a choice already on the
 * path; a failed request changes nothing on the page (the button still works).
 */
(function () {
  "use strict";
  if (window.dilemmaPathsReady) return;
  window.dilemmaPathsReady = true;

  function showPath(section, steps) {
    var list = section.querySelector("[data-dilemma-path]");
    var empty = section.querySelector("[data-dilemma-empty]");
    if (!list) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    steps.forEach(function (step) {
      var item = document.createElement("li");
      item.textContent = step.text;
      if (step.deeper) {
        var note = document.createElement("span");
        note.className = "meta";
        note.textContent = " (" + list.getAttribute("data-deeper-label") + ")";
        item.appendChild(note);
      }
      list.appendChild(item);
    });
    list.hidden = steps.length === 0;
    if (empty) empty.hidden = steps.length !== 0;
  }

  function record(section, details) {
    var key = details.getAttribute("data-choice-key");
    var token = section.querySelector("input[name=csrfmiddlewaretoken]");
    if (!key || !token || details.getAttribute("data-recorded") === "yes") return;
    details.setAttribute("data-recorded", "yes");
    var body = new FormData();
    body.append("csrfmiddlewaretoken", token.value);
    body.append("choice", key);
    fetch(section.getAttribute("data-choice-url"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && data.ok) showPath(section, data.steps);
        else details.removeAttribute("data-recorded");
      })
      .catch(function () {
        details.removeAttribute("data-recorded");
      });
  }

  document.querySelectorAll(".dilemma[data-choice-url]").forEach(function (section) {
    section.querySelectorAll("details[data-choice-key]").forEach(function (details) {
      if (details.querySelector(":scope > .dilemma__outcome > [data-dilemma-kept]")) {
        details.setAttribute("data-recorded", "yes");
      }
      details.addEventListener("toggle", function () {
        if (details.open) record(section, details);
      });
    });
  });
})();
