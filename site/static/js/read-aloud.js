// "Lees voor": reads a page's main text aloud with the browser's own speech
// synthesis (Web Speech API). No external service and nothing sent anywhere: the
// text goes from the page to the browser's (or the system's) voice.
//
// Markup (templates/includes/read_aloud.html): a [data-read-aloud] group, hidden
// until this script finds speech synthesis, whose data-read-aloud-target names the
// element to read. The text is read one sentence at a time (Intl.Segmenter), so the
// sentence being read can be highlighted (CSS Custom Highlight API, styled in
// site.css as ::highlight(read-aloud)) and a change of speed takes effect at once.
// One button reads, pauses and continues; Stop ends; the speed is a select. The
// content's language (lang="nl" on course text, language of parts) picks the voice:
// a Dutch one where the system has one.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var Utterance = window.SpeechSynthesisUtterance;
  if (!synth || typeof Utterance !== "function") return; // the controls stay hidden

  // Text inside these is not read: controls, forms and what is hidden from everyone.
  var SKIP = "script, style, noscript, button, input, select, textarea, form, [hidden]," +
    " [aria-hidden='true'], [data-read-aloud], [data-read-aloud-skip]";
  var BLOCKS = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|LI|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;
  var HIGHLIGHT = "read-aloud";

  function blockOf(node, root) {
    var element = node.parentElement;
    while (element && element !== root && !BLOCKS.test(element.tagName)) element = element.parentElement;
    return element || root;
  }

  // The text of `root` as runs, one per block: [{text, pieces: [{node, start}]}].
  function runsOf(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (!node.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
        return node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var runs = [];
    var current = null;
    var block = null;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var nodeBlock = blockOf(node, root);
      if (!current || nodeBlock !== block) {
        current = { text: "", pieces: [] };
        runs.push(current);
        block = nodeBlock;
      }
      current.pieces.push({ node: node, start: current.text.length });
      current.text += node.nodeValue;
    }
    return runs;
  }

  // The text node and offset at position `at` of a run.
  function pointIn(run, at) {
    for (var i = run.pieces.length - 1; i >= 0; i--) {
      if (at >= run.pieces[i].start) {
        var piece = run.pieces[i];
        return { node: piece.node, offset: Math.min(at - piece.start, piece.node.nodeValue.length) };
      }
    }
    return { node: run.pieces[0].node, offset: 0 };
  }

  function splitSentences(text, lang) {
    if (window.Intl && Intl.Segmenter) {
      var parts = [];
      var segments = new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text);
      for (var segment of segments) parts.push({ index: segment.index, text: segment.segment });
      return parts;
    }
    var found = [];
    var pattern = /[^.!?]+(?:[.!?]+|$)\s*/g;
    var match;
    while ((match = pattern.exec(text)) && match[0]) found.push({ index: match.index, text: match[0] });
    return found;
  }

  // The language of a text node: its nearest lang attribute (language of parts).
  function langOf(node) {
    var holder = node.parentElement.closest("[lang]");
    var lang = (holder && holder.getAttribute("lang")) || "nl";
    return lang === "nl" ? "nl-NL" : lang;
  }

  // Every sentence of `root`: its text (whitespace folded), language and a Range over it.
  function sentencesOf(root) {
    var sentences = [];
    runsOf(root).forEach(function (run) {
      var lang = langOf(run.pieces[0].node);
      splitSentences(run.text, lang).forEach(function (part) {
        var words = part.text.replace(/\s+/g, " ").trim();
        if (!words) return;
        var lead = part.text.length - part.text.replace(/^\s+/, "").length;
        var trail = part.text.length - part.text.replace(/\s+$/, "").length;
        var start = pointIn(run, part.index + lead);
        var end = pointIn(run, part.index + part.text.length - trail);
        var range = document.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        sentences.push({ text: words, lang: lang, range: range });
      });
    });
    return sentences;
  }

  // A voice for the language: the exact one (nl-NL for Dutch), else any of that language.
  function voiceFor(lang) {
    var voices = synth.getVoices ? synth.getVoices() : [];
    var base = lang.split("-")[0].toLowerCase();
    var exact = null;
    var near = null;
    for (var i = 0; i < voices.length; i++) {
      var voiceLang = (voices[i].lang || "").replace("_", "-").toLowerCase();
      if (!exact && voiceLang === (base === "nl" ? "nl-nl" : lang.toLowerCase())) exact = voices[i];
      if (!near && voiceLang.split("-")[0] === base) near = voices[i];
    }
    return exact || near;
  }

  function setUp(control) {
    var target = document.getElementById(control.getAttribute("data-read-aloud-target"));
    if (!target) return;
    var toggle = control.querySelector("[data-read-aloud-toggle]");
    var stopButton = control.querySelector("[data-read-aloud-stop]");
    var speed = control.querySelector("[data-read-aloud-speed]");
    var status = control.querySelector("[data-read-aloud-status]");
    var label = toggle.querySelector("[data-read-aloud-label]");
    var texts = {
      read: control.getAttribute("data-msg-read"),
      pause: control.getAttribute("data-msg-pause"),
      resume: control.getAttribute("data-msg-resume"),
      paused: control.getAttribute("data-msg-paused"),
      done: control.getAttribute("data-msg-done"),
      stopped: control.getAttribute("data-msg-stopped"),
    };
    var state = "idle"; // idle, playing, paused
    var sentences = [];
    var position = 0;
    var current = null; // the utterance being spoken: events of older ones are ignored
    var restartOnResume = false; // the speed changed while paused

    function highlight(sentence) {
      if (!window.CSS || !CSS.highlights || typeof Highlight !== "function") return;
      if (sentence) CSS.highlights.set(HIGHLIGHT, new Highlight(sentence.range));
      else CSS.highlights.delete(HIGHLIGHT);
    }

    function show(newState, message) {
      state = newState;
      label.textContent = state === "playing" ? texts.pause : state === "paused" ? texts.resume : texts.read;
      toggle.setAttribute("data-state", state);
      stopButton.hidden = state === "idle";
      if (message !== undefined) status.textContent = message;
    }

    function speak() {
      if (position >= sentences.length) {
        current = null;
        highlight(null);
        show("idle", texts.done);
        return;
      }
      var sentence = sentences[position];
      var utterance = new Utterance(sentence.text);
      utterance.lang = sentence.lang;
      utterance.rate = parseFloat(speed.value) || 1;
      var voice = voiceFor(sentence.lang);
      if (voice) utterance.voice = voice;
      utterance.onstart = function () {
        if (utterance === current) highlight(sentence);
      };
      utterance.onend = function () {
        if (utterance !== current) return;
        position += 1;
        speak();
      };
      utterance.onerror = function (event) {
        if (utterance !== current || event.error === "interrupted" || event.error === "canceled") return;
        current = null;
        highlight(null);
        show("idle", texts.stopped);
      };
      current = utterance;
      highlight(sentence);
      synth.speak(utterance);
    }

    function cancel() {
      current = null;
      synth.cancel();
      // Chromium keeps a paused synthesiser paused after cancel(): nothing would be heard.
      if (state === "paused") synth.resume();
    }

    function stop(message) {
      cancel();
      highlight(null);
      position = 0;
      show("idle", message);
    }

    toggle.addEventListener("click", function () {
      if (state === "playing") {
        synth.pause();
        show("paused", texts.paused);
      } else if (state === "paused") {
        if (restartOnResume) {
          restartOnResume = false;
          cancel();
          show("playing", "");
          speak();
        } else {
          show("playing", "");
          synth.resume();
        }
      } else {
        synth.cancel(); // another page's or control's speech
        sentences = sentencesOf(target);
        position = 0;
        show("playing", "");
        speak();
      }
    });
    stopButton.addEventListener("click", function () {
      stop(texts.stopped);
      toggle.focus(); // the Stop button hides itself
    });
    // A new speed: the sentence being read starts again at that speed (when paused:
    // on continuing).
    speed.addEventListener("change", function () {
      if (state === "paused") restartOnResume = true;
      if (state !== "playing") return;
      cancel();
      speak();
    });
    control.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && state !== "idle") {
        stop(texts.stopped);
        toggle.focus();
      }
    });
    // Leaving the page ends the reading (Chromium would go on speaking).
    window.addEventListener("pagehide", function () {
      if (state !== "idle") cancel();
    });
    control.hidden = false;
  }

  if (synth.getVoices) synth.getVoices(); // starts loading the voice list
  document.querySelectorAll("[data-read-aloud]").forEach(setUp);
})();
