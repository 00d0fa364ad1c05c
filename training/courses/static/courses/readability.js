// The readability indicator of Wagtail's page editor (issue 27): under every rich-text
// (Draftail) and text (textarea) field of a lesson, assignment or practice activity it
// says "Taalniveau: B1" or "Taalniveau: boven B1", with the reasons under "Waarom?".
// It advises only; nothing here touches the form or its saving. The server measures the
// texts (training/courses/admin_views.py) and answers `applies: false` for other page
// types, after which this script stops. A static file, as the CSP allows no inline script.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.readabilityUrl;
  var form = document.querySelector("form[data-edit-form]");
  if (!url || !form) return;

  var indicators = new WeakMap();
  var lastPayload = null;
  var timer = null;
  var stopped = false;
  var counter = 0;

  function isOurs(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    return Boolean(element && element.closest("[data-readability]"));
  }

  // Draftail editors and plain text areas in the content tab (not the promote tab's
  // search description, not the comments).
  function fields() {
    var scope = form.querySelector("#tab-content") || form;
    return Array.prototype.filter.call(
      scope.querySelectorAll(".Draftail-Editor, textarea"),
      function (element) {
        if (!element.closest("[data-contentpath]")) return false;
        return element.tagName !== "TEXTAREA" || !element.closest(".Draftail-Editor");
      }
    );
  }

  function textOf(field) {
    if (field.tagName === "TEXTAREA") return field.value;
    var editable = field.querySelector(".public-DraftEditor-content");
    return editable ? editable.innerText : "";
  }

  function indicatorFor(field) {
    var indicator = indicators.get(field);
    if (indicator && indicator.isConnected) return indicator;
    counter += 1;
    indicator = document.createElement("div");
    indicator.className = "readability";
    indicator.dataset.readability = "";
    indicator.hidden = true;
    var headline = document.createElement("p");
    headline.className = "readability__headline";
    headline.id = "readability-" + counter;
    headline.setAttribute("aria-live", "polite");
    var details = document.createElement("details");
    details.className = "readability__details";
    var summary = document.createElement("summary");
    var list = document.createElement("ul");
    var advice = document.createElement("p");
    advice.className = "readability__advice";
    details.append(summary, list, advice);
    indicator.append(headline, details);
    field.insertAdjacentElement("afterend", indicator);
    if (field.tagName === "TEXTAREA") {
      var described = (field.getAttribute("aria-describedby") || "").split(" ");
      if (described.indexOf(headline.id) === -1) {
        described.push(headline.id);
        field.setAttribute("aria-describedby", described.join(" ").trim());
      }
    }
    indicators.set(field, indicator);
    return indicator;
  }

  function show(field, result, answer) {
    var indicator = indicatorFor(field);
    var headline = indicator.querySelector(".readability__headline");
    // Only a changed verdict is announced (the headline is a polite live region).
    if (headline.textContent !== result.headline) headline.textContent = result.headline;
    indicator.classList.toggle("readability--above", !result.is_b1);
    indicator.querySelector("summary").textContent = answer.why;
    indicator.querySelector(".readability__advice").textContent = answer.advice;
    var list = indicator.querySelector("ul");
    list.replaceChildren.apply(
      list,
      result.reasons.concat(result.summary).map(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        return item;
      })
    );
    indicator.hidden = false;
  }

  function hide(field) {
    var indicator = indicators.get(field);
    if (indicator) indicator.hidden = true;
  }

  function check() {
    timer = null;
    if (stopped) return;
    var all = fields();
    var measured = all.filter(function (field) {
      return textOf(field).trim() !== "";
    });
    all.forEach(function (field) {
      if (measured.indexOf(field) === -1) hide(field);
    });
    var payload = JSON.stringify({ path: window.location.pathname, texts: measured.map(textOf) });
    if (payload === lastPayload) return;
    lastPayload = payload;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.value : "" },
      body: payload,
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (!answer) return;
        if (!answer.applies) {
          stopped = true;
          observer.disconnect();
          return;
        }
        if (payload !== lastPayload) return; // a newer check is on its way
        measured.forEach(function (field, index) {
          show(field, answer.results[index], answer);
        });
      })
      .catch(function () {
        lastPayload = null; // advice only: try again at the next change
      });
  }

  function schedule(delay) {
    if (stopped) return;
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(check, delay);
  }

  ["input", "change", "paste", "keyup"].forEach(function (type) {
    form.addEventListener(
      type,
      function (event) {
        if (!isOurs(event.target)) schedule(700);
      },
      true
    );
  });
  // StreamField blocks and Draftail editors appear after load and when blocks are added.
  var observer = new MutationObserver(function (mutations) {
    var relevant = mutations.some(function (mutation) {
      return !isOurs(mutation.target);
    });
    if (relevant) schedule(400);
  });
  observer.observe(form, { childList: true, subtree: true, characterData: true });
  schedule(300);
})();
