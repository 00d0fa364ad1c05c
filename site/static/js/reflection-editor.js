/* The reflection editor: live word count, autosave, and no lost text.
 *
 * Progressive enhancement of the plain form on the assignment page (which
 * works without this script: "Save draft" and "Submit" post normally).
 * - Counts words as the learner types (the same rule as the server).
 * - Saves to the server a few seconds after typing, when the tab is hidden,
 *   and when the page is left (sendBeacon).
 * - Keeps every keystroke in localStorage, keyed by the reflection, until
 *   the server has it: a lost connection or a closed tab loses nothing.
 * - When the server says a newer version came from another window, pauses
 *   and lets the learner choose to reload or to keep writing here.
 * All texts come from the page (translated there), none from this file.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "reflection:";
  var SAVE_DELAY = 3000;
  var RETRY_DELAY = 10000;
  var WORD = /[\p{L}\p{N}_]+(?:[-'\u2019][\p{L}\p{N}_]+)*/gu;

  var storage = {
    get: function (key) {
      try {
        var raw = window.localStorage.getItem(key);
        return raw ? JSON.parse(raw) : null;
      } catch (error) {
        return null;
      }
    },
    set: function (key, value) {
      try {
        window.localStorage.setItem(key, JSON.stringify(value));
      } catch (error) {
        /* Storage full or disabled: the server copy still works. */
      }
    },
    remove: function (key) {
      try {
        window.localStorage.removeItem(key);
      } catch (error) {
        /* ignore */
      }
    }
  };

  // A submitted reflection no longer needs a copy on this device.
  document.querySelectorAll("[data-reflection-clear]").forEach(function (element) {
    storage.remove(STORAGE_PREFIX + element.getAttribute("data-reflection-clear"));
  });

  var form = document.querySelector("[data-reflection-editor]");
  if (!form) {
    return;
  }

  var textarea = form.querySelector("textarea[name=text]");
  var revisionInput = form.querySelector("input[name=base_revision]");
  var csrfInput = form.querySelector("input[name=csrfmiddlewaretoken]");
  var counter = form.querySelector("[data-word-count]");
  var statusLine = form.querySelector("[data-save-status]");
  var live = form.querySelector("[data-live]");
  var conflictBox = form.querySelector("[data-conflict]");
  var restoreBox = form.querySelector("[data-restore]");
  var minWords = parseInt(form.getAttribute("data-min-words"), 10) || 0;
  var maxWords = parseInt(form.getAttribute("data-max-words"), 10) || Infinity;

  var publicId = form.getAttribute("data-public-id") || "";
  var assignmentId = form.getAttribute("data-assignment-id");
  var saveUrl = form.getAttribute("data-autosave-url") || form.getAttribute("data-start-url");
  var revision = revisionInput && revisionInput.value !== "" ? parseInt(revisionInput.value, 10) : null;
  var dirty = false;
  var saving = false;
  var paused = false;
  var submitting = false;
  var timer = null;
  var lastCountState = null;
  // The last "Saved at …", shown again when the connection comes back with nothing to save.
  var savedStatus = statusLine.textContent.trim();

  function message(name) {
    return form.getAttribute("data-msg-" + name) || "";
  }

  function storageKey() {
    return STORAGE_PREFIX + (publicId || "new:" + assignmentId);
  }

  function announce(text) {
    // Clear first, so the same message is announced again when it recurs.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = text;
    }, 50);
  }

  function setStatus(text, state) {
    statusLine.textContent = text;
    statusLine.setAttribute("data-state", state || "");
  }

  function countWords(text) {
    var matches = text.match(WORD);
    return matches ? matches.length : 0;
  }

  function updateCount() {
    var words = countWords(textarea.value);
    counter.textContent = counter.getAttribute("data-template").replace("{words}", words);
    var state = words < minWords ? "short" : words > maxWords ? "long" : "ok";
    counter.setAttribute("data-state", state);
    if (lastCountState !== null && state !== lastCountState) {
      if (state === "ok" && lastCountState === "short") {
        announce(message("long-enough"));
      } else if (state === "long") {
        announce(message("too-long"));
      }
    }
    lastCountState = state;
  }

  function keepLocally() {
    storage.set(storageKey(), { text: textarea.value, base: revision, at: Date.now() });
  }

  function showOffline() {
    var said = statusLine.textContent === message("offline");
    if (said && statusLine.getAttribute("data-state") === "offline") {
      return; // Already said: not again at every autosave attempt while offline.
    }
    setStatus(message("offline"), "offline");
    announce(message("offline"));
  }

  function schedule(delay) {
    if (paused || timer !== null) {
      return;
    }
    timer = window.setTimeout(function () {
      timer = null;
      save(false);
    }, delay);
  }

  function payload(text) {
    var data = new FormData();
    // Marks an autosave (a beacon cannot send an Accept header): JSON back, no page messages.
    data.append("autosave", "1");
    data.append("text", text);
    data.append("base_revision", revision === null ? "" : String(revision));
    if (csrfInput) {
      data.append("csrfmiddlewaretoken", csrfInput.value);
    }
    if (!publicId) {
      data.append("assignment", assignmentId);
    }
    return data;
  }

  function adopt(data) {
    // The first save created the reflection: from now on, save to its own URLs.
    var oldKey = storageKey();
    publicId = data.public_id;
    saveUrl = data.urls.autosave;
    form.setAttribute("action", data.urls.submit);
    form.setAttribute("data-public-id", publicId);
    var assignmentInput = form.querySelector("input[name=assignment]");
    if (assignmentInput) {
      assignmentInput.parentNode.removeChild(assignmentInput);
    }
    storage.remove(oldKey);
  }

  function showConflict() {
    paused = true;
    var alertText = conflictBox.querySelector("[data-conflict-text]");
    alertText.textContent = "";
    conflictBox.hidden = false;
    // Filled in after un-hiding, so screen readers announce the alert.
    window.setTimeout(function () {
      alertText.textContent = message("conflict");
    }, 50);
  }

  function save(keepalive) {
    if (!dirty || saving || paused || submitting) {
      return;
    }
    if (navigator.onLine === false) {
      showOffline();
      return;
    }
    var text = textarea.value;
    saving = true;
    setStatus(message("saving"), "saving");
    window
      .fetch(saveUrl, {
        method: "POST",
        body: payload(text),
        credentials: "same-origin",
        keepalive: Boolean(keepalive),
        headers: { Accept: "application/json", "X-CSRFToken": csrfInput ? csrfInput.value : "" }
      })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === -1) {
          throw new Error("Unexpected response");
        }
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        saving = false;
        var data = result.data;
        if (!result.ok) {
          if (data.locked) {
            paused = true;
            setStatus(data.error, "error");
            announce(data.error);
          } else {
            throw new Error("Refused");
          }
          return;
        }
        if (data.public_id && !publicId) {
          adopt(data);
        }
        revision = data.revision;
        if (revisionInput) {
          revisionInput.value = String(revision);
        }
        savedStatus = message("saved").replace("{time}", data.saved_at);
        setStatus(savedStatus, "saved");
        if (textarea.value === text) {
          dirty = false;
          storage.remove(storageKey());
        } else {
          keepLocally();
          schedule(SAVE_DELAY);
        }
        if (data.conflict) {
          showConflict();
        }
      })
      .catch(function () {
        saving = false;
        if (navigator.onLine === false) {
          showOffline();
        } else {
          setStatus(message("failed"), "offline");
          schedule(RETRY_DELAY);
        }
      });
  }

  function saveOnLeave() {
    // The page is going away: a beacon outlives it; fetch keepalive as a fallback.
    if (!dirty || submitting || paused) {
      return;
    }
    var data = payload(textarea.value);
    var sent = false;
    if (navigator.sendBeacon) {
      try {
        sent = navigator.sendBeacon(saveUrl, data);
      } catch (error) {
        sent = false;
      }
    }
    if (!sent) {
      save(true);
      return;
    }
    // We cannot read the beacon's answer, so the next save must not claim a conflict.
    revision = null;
  }

  function restoreFromDevice(stored) {
    textarea.value = stored.text;
    dirty = true;
    updateCount();
    keepLocally();
    save(false);
  }

  // --- wire up ---

  textarea.addEventListener("input", function () {
    dirty = true;
    updateCount();
    keepLocally();
    schedule(SAVE_DELAY);
  });

  form.addEventListener("submit", function () {
    submitting = true;
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
  });

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && dirty && !saving) {
      if (timer !== null) {
        window.clearTimeout(timer);
        timer = null;
      }
      save(true);
    }
  });
  window.addEventListener("pagehide", saveOnLeave);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      submitting = false;
    }
  });

  window.addEventListener("offline", showOffline);
  window.addEventListener("online", function () {
    if (dirty) {
      setStatus(message("online"), "saving");
      announce(message("online"));
      save(false);
    } else {
      setStatus(savedStatus, savedStatus ? "saved" : "");
    }
  });

  conflictBox.querySelector("[data-reload]").addEventListener("click", function () {
    window.location.reload();
  });
  conflictBox.querySelector("[data-keep-writing]").addEventListener("click", function () {
    conflictBox.hidden = true;
    paused = false;
    textarea.focus();
    schedule(SAVE_DELAY);
  });

  // Text kept on this device that the server does not have yet?
  var stored = storage.get(storageKey());
  if (stored && typeof stored.text === "string" && stored.text !== textarea.value) {
    if (stored.base === revision) {
      // Written on top of exactly what the server has: put it back and save it.
      restoreFromDevice(stored);
      announce(message("restored"));
    } else {
      // The server has moved on since (another device or window): let the learner choose.
      restoreBox.hidden = false;
      restoreBox.querySelector("[data-restore-button]").addEventListener("click", function () {
        restoreBox.hidden = true;
        restoreFromDevice(stored);
        textarea.focus();
      });
    }
  } else if (stored) {
    storage.remove(storageKey());
  }

  if (navigator.onLine === false) {
    showOffline();
  }
  updateCount();
})();
