/* The listening coach: gentle hints while a reviewer writes feedback.
 *
 * The rules come from the page (training.assessments.reflections.coach,
 * embedded with json_script), so the browser and the server use one list.
 * Hints appear below the field being written, in a polite live region (kept
 * in the page while empty, so screen readers announce what is added) that
 * also describes the field while it holds a hint; they never block sending
 * the feedback.
 */
(function () {
  "use strict";

  var source = document.getElementById("coach-rules");
  if (!source) {
    return;
  }
  var config = JSON.parse(source.textContent);
  var rules = [];
  config.rules.forEach(function (rule) {
    try {
      rules.push({ rule: rule, pattern: new RegExp(rule.pattern, "i") });
    } catch (error) {
      /* A rule this browser cannot compile is skipped, not fatal. */
    }
  });
  var DELAY = 600;

  function hintsFor(text) {
    return rules.filter(function (entry) {
      return entry.pattern.test(text);
    });
  }

  function describe(field, region, on) {
    // While a hint shows, it also describes the field, so it is read again on return to it.
    var ids = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && id !== region.id;
    });
    if (on) {
      ids.push(region.id);
    }
    if (ids.length) {
      field.setAttribute("aria-describedby", ids.join(" "));
    } else {
      field.removeAttribute("aria-describedby");
    }
  }

  function render(region, hits) {
    region.textContent = "";
    if (!hits.length) {
      return;
    }
    var title = document.createElement("p");
    title.className = "coach__title";
    title.textContent = region.getAttribute("data-title") || "";
    region.appendChild(title);
    var list = document.createElement("ul");
    hits.forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = entry.rule.hint;
      if (entry.rule.kind === "closed_question" && config.open_question) {
        item.appendChild(document.createTextNode(" " + config.open_question));
      }
      list.appendChild(item);
    });
    region.appendChild(list);
  }

  document.querySelectorAll("[data-coach-for]").forEach(function (region) {
    var field = document.getElementById(region.getAttribute("data-coach-for"));
    if (!field) {
      return;
    }
    var timer = null;
    var shown = "";
    region.id = region.id || "coach-" + field.id;

    function check() {
      var hits = hintsFor(field.value);
      var keys = hits
        .map(function (entry) {
          return entry.rule.key;
        })
        .join(" ");
      if (keys === shown) {
        return; // Announce a hint once, not on every keystroke.
      }
      shown = keys;
      render(region, hits);
      describe(field, region, hits.length > 0);
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY);
    });
    check();
  });
})();
