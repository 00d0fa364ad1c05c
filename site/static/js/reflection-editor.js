/* The reflection editor: live word count, autosave, and no lost text.
 *
 * Progressive enhancement of the plain form on the assignment page (which
 * works without this script: "Save draft" and "Submit" post normally).
 * - Counts words as the learner types (the same rule as the server).
 * - Saves to the server after a pause in typing (PAUSE_DELAY; during a long
 *   stretch of typing at the latest MAX_WAIT after the first unsaved change),
 *   when the tab is hidden, and when the page is left (sendBeacon); never on a
 *   fixed clock, and never a text the server has confirmed already (typing a
 *   letter and taking it back sends nothing).
 * - Keeps every keystroke in localStorage, keyed by the reflection, until
 *   the server has it: a lost connection or a closed tab loses nothing.
 * - When the server refuses a save because another window saved a newer
 *   version (409), pauses and shows both texts: keep mine, use the saved
 *   one, or combine both; the choice is saved on top of the newer revision.
 * - A refused save (400, 413: too long) keeps the text on screen and on the
 *   device and waits for the learner to change it; no endless retry. A busy
 *   server (503) or a lost connection is retried with a growing delay;
 *   maintenance (503 `maintenance`) exactly after the Retry-After it names.
 * - Each tab sends its own random id: after a beacon (whose answer cannot be
 *   read) the server knows the newer revisions were this tab's own.
 * All texts come from the page (translated there), none from this file.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "reflection:";
  var PAUSE_DELAY = 2000;
  var MAX_WAIT = 20000;
  var RETRY_DELAY = 5000;
  var MAX_RETRY_DELAY = 120000;
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
        return true;
      } catch (error) {
        return false; /* Storage full or disabled: said on the page (see keepLocally). */
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
  var maxChars = parseInt(form.getAttribute("data-max-chars"), 10) || Infinity;

  var publicId = form.getAttribute("data-public-id") || "";
  var assignmentId = form.getAttribute("data-assignment-id");
  var saveUrl = form.getAttribute("data-autosave-url") || form.getAttribute("data-start-url");
  var revision = revisionInput && revisionInput.value !== "" ? parseInt(revisionInput.value, 10) : null;
  var dirty = false;
  var saving = false;
  var paused = false;
  var submitting = false;
  var timer = null;
  // A retry (busy server, lost connection) waits its own delay; typing does not shorten it.
  var retrying = false;
  // When the oldest change the server does not have yet was typed (for MAX_WAIT).
  var dirtySince = null;
  // The text the server confirmed to this tab (a save's answer): sending it again is pointless.
  var confirmedText = null;
  var retryDelay = RETRY_DELAY;
  // The text the server refused (400/413): not sent again until the learner changes it.
  var refusedText = null;
  var conflict = null;
  var lastCountState = null;
  var clientId = makeClientId();
  // The last "Saved at …", shown again when the connection comes back with nothing to save.
  var savedStatus = statusLine.textContent.trim();

  function makeClientId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return "t" + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function characters(text) {
    // Code points, as the server counts them (an emoji is one character, not two).
    return Array.from(text).length;
  }

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

  var notKeptSaid = false;

  function keepLocally() {
    var kept = storage.set(storageKey(), { text: textarea.value, base: revision, at: Date.now() });
    if (!kept && !notKeptSaid) {
      notKeptSaid = true;
      setStatus(message("not-kept"), "error");
      announce(message("not-kept"));
    } else if (kept) {
      notKeptSaid = false;
    }
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

  function scheduleAfterPause() {
    // Debounced: each keystroke moves the save to PAUSE_DELAY after it, but no
    // later than MAX_WAIT after the first change not yet sent.
    if (paused || (retrying && timer !== null)) {
      return;
    }
    var now = Date.now();
    if (dirtySince === null) {
      dirtySince = now;
    }
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    schedule(Math.max(0, Math.min(PAUSE_DELAY, dirtySince + MAX_WAIT - now)));
  }

  function settleUnchanged() {
    // The editor holds what the server confirmed: nothing to send, nothing to keep here.
    dirty = false;
    dirtySince = null;
    storage.remove(storageKey());
    if (savedStatus) {
      setStatus(savedStatus, "saved");
    }
  }

  function payload(text) {
    var data = new FormData();
    // Marks an autosave (a beacon cannot send an Accept header): JSON back, no page messages.
    data.append("autosave", "1");
    data.append("text", text);
    data.append("base_revision", revision === null ? "" : String(revision));
    data.append("client_id", clientId);
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

  function showConflict(data) {
    paused = true;
    conflict = data;
    conflictBox.querySelector("[data-conflict-mine]").textContent = textarea.value;
    conflictBox.querySelector("[data-conflict-theirs]").textContent = data.server_text;
    var time = conflictBox.querySelector("[data-conflict-time]");
    time.textContent = time.getAttribute("data-template").replace("{time}", data.saved_at);
    var alertText = conflictBox.querySelector("[data-conflict-text]");
    alertText.textContent = "";
    conflictBox.hidden = false;
    conflictBox.scrollIntoView({ block: "nearest" });
    setStatus("", "");
    // Filled in after un-hiding, so screen readers announce the alert.
    window.setTimeout(function () {
      alertText.textContent = data.error;
    }, 50);
  }

  function resolveConflict(text, saveIt, said) {
    // Whatever was chosen now builds on the newer revision: saved with the right base.
    revision = conflict.server_revision;
    if (revisionInput) {
      revisionInput.value = String(revision);
    }
    confirmedText = conflict.server_text;
    var savedAt = conflict.saved_at;
    conflict = null;
    conflictBox.hidden = true;
    paused = false;
    refusedText = null;
    textarea.value = text;
    updateCount();
    if (saveIt) {
      dirty = true;
      keepLocally();
      save(false);
    } else {
      dirty = false;
      storage.remove(storageKey());
      savedStatus = message("saved").replace("{time}", savedAt);
      setStatus(savedStatus, "saved");
    }
    announce(said);
    textarea.focus();
  }

  function refuse(text, data) {
    // Nothing was saved: say why, keep the text (on screen and here), wait for a change.
    refusedText = text;
    keepLocally();
    var said = data.too_long ? message("too-large") : data.error;
    setStatus(said, "error");
    announce(said);
  }

  function retryLater(delay, said, asked) {
    // A calm status: nothing is wrong with the text, it waits here until the server can take it.
    setStatus(said, "waiting");
    if (statusLine.getAttribute("data-said") !== said) {
      statusLine.setAttribute("data-said", said);
      announce(said);
    }
    retrying = true;
    schedule(delay);
    if (!asked) {
      // Guessed, not told by the server: wait longer each time.
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY);
    }
  }

  function save(keepalive) {
    if (!dirty || saving || paused || submitting) {
      return;
    }
    var text = textarea.value;
    if (text === refusedText) {
      return;
    }
    if (text === confirmedText) {
      settleUnchanged();
      return;
    }
    if (characters(text) > maxChars) {
      // Not sent at all: the server would refuse it, and it stays here.
      refuse(text, { too_long: true });
      return;
    }
    if (navigator.onLine === false) {
      showOffline();
      return;
    }
    saving = true;
    dirtySince = null;
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
          return {
            ok: response.ok,
            status: response.status,
            retryAfter: parseInt(response.headers.get("Retry-After"), 10) || 0,
            data: data
          };
        });
      })
      .then(function (result) {
        saving = false;
        var data = result.data;
        if (!result.ok) {
          keepLocally();
          if (data.locked) {
            paused = true;
            setStatus(data.error, "error");
            announce(data.error);
          } else if (data.conflict) {
            showConflict(data);
          } else if (data.maintenance) {
            // The site is being updated: ask again when the server said, not sooner or later.
            retryLater(result.retryAfter * 1000 || retryDelay, message("maintenance"), true);
          } else if (result.status === 503 || data.retry) {
            var wait = Math.max(result.retryAfter * 1000, retryDelay);
            retryLater(wait, message("busy"));
          } else {
            refuse(text, data);
          }
          return;
        }
        retryDelay = RETRY_DELAY;
        retrying = false;
        confirmedText = text;
        statusLine.removeAttribute("data-said");
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
          scheduleAfterPause();
        }
      })
      .catch(function () {
        saving = false;
        keepLocally();
        if (navigator.onLine === false) {
          showOffline();
        } else {
          retryLater(retryDelay, message("failed"));
        }
      });
  }

  function saveOnLeave() {
    // The page is going away: a beacon outlives it; fetch keepalive as a fallback.
    var text = textarea.value;
    if (!dirty || submitting || paused || text === refusedText || characters(text) > maxChars) {
      return; // Kept on this device; a beacon would only be refused.
    }
    if (text === confirmedText) {
      settleUnchanged();
      return;
    }
    var data = payload(text);
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
    // The beacon's answer cannot be read: the revision stays as it was, and the
    // server recognises the newer one as this tab's own (the client id).
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
    if (refusedText !== null && textarea.value !== refusedText) {
      refusedText = null;
    }
    updateCount();
    if (textarea.value === confirmedText && !saving && !retrying) {
      // Back to what the server has (a letter typed and taken back): nothing to send.
      if (timer !== null) {
        window.clearTimeout(timer);
        timer = null;
      }
      settleUnchanged();
      return;
    }
    keepLocally();
    scheduleAfterPause();
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

  conflictBox.querySelector("[data-keep-mine]").addEventListener("click", function () {
    // What is in the editor now (the learner may have written on while deciding).
    resolveConflict(textarea.value, true, message("kept-mine"));
  });
  conflictBox.querySelector("[data-take-saved]").addEventListener("click", function () {
    resolveConflict(conflict.server_text, false, message("took-saved"));
  });
  conflictBox.querySelector("[data-merge]").addEventListener("click", function () {
    resolveConflict(textarea.value + "\n\n" + conflict.server_text, true, message("merged"));
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

  // Typed before this script ran (a slow phone, a fast typist): keep and save it like
  // any other typing, instead of waiting for the next keystroke.
  if (!dirty && textarea.value !== textarea.defaultValue) {
    dirty = true;
    keepLocally();
    scheduleAfterPause();
  }

  if (navigator.onLine === false) {
    showOffline();
  }
  updateCount();
})();
