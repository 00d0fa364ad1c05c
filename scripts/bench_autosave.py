#!/usr/bin/env python
"""Autosave requests and draft writes per learner-minute of typing, before and after.

Runs the real `reflection-editor.js` in Chromium (Playwright, Debian's
Chromium as in the browser tests) on a minimal copy of the editor's form, with
the page's clock under Playwright's control (`page.clock`), so minutes of
typing run in seconds and both versions of the script see exactly the same
keystrokes. Every save is answered by a stub server (`page.route`) that
behaves like `draft_save`: a text equal to the saved one is a no-op, any other
text is a write (a new revision).

The typing model (a learner composing a reflection, seeded, the same for both):
- keystrokes at the speed of phone typists: 36 words a minute, i.e. about 280 ms
  between keys (Palin et al., "How do people type on mobile devices?",
  MobileHCI 2019, 37,000 volunteers; desktop typists: 52 wpm, Dhakal et al.,
  "Observations on typing from 136 million keystrokes", CHI 2018);
- composing, not copying: bursts of 4 to 14 words between pauses of 2 s or
  more (Chenoweth & Hayes, "Fluency in writing", Written Communication 2001,
  report bursts of about 7 to 12 words between 2-second pauses), the pauses
  here 2 to 15 s;
- now and then a typo taken back (a letter typed and deleted at once).

    .venv/bin/python scripts/bench_autosave.py      (BENCH_AUTOSAVE_MINUTES=5)

BENCH_AUTOSAVE_BEFORE names the commit whose editor is "before" (default: the
last one with the fixed 3-second clock).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITOR = "site/static/js/reflection-editor.js"
BEFORE = os.environ.get("BENCH_AUTOSAVE_BEFORE", "e9b4cc6")
MINUTES = float(os.environ.get("BENCH_AUTOSAVE_MINUTES", 5))
CHROMIUM = "/usr/bin/chromium"
ORIGIN = "http://bench.invalid"

PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8">
<script src="/editor.js" defer></script></head><body>
<form method="post" action="/submit/" data-reflection-editor data-public-id="p1"
      data-assignment-id="1" data-autosave-url="/opslaan/" data-start-url="/beginnen/"
      data-min-words="5" data-max-words="100000" data-max-chars="100000"
      data-msg-saved="Opgeslagen om {time}" data-msg-saving="Bezig">
  <input type="hidden" name="csrfmiddlewaretoken" value="x">
  <input type="hidden" name="base_revision" value="1">
  <textarea name="text" aria-label="tekst">Begin.</textarea>
  <p data-word-count data-template="{words}"></p>
  <p data-save-status>Opgeslagen om 19:00</p><div data-live></div>
  <div data-conflict hidden><p data-conflict-text></p><div data-conflict-mine></div>
    <div data-conflict-theirs></div><span data-conflict-time data-template="{time}"></span>
    <button type="button" data-keep-mine></button><button type="button" data-take-saved>
    </button><button type="button" data-merge></button></div>
  <div data-restore hidden><button type="button" data-restore-button></button></div>
</form></body></html>"""

WORDS = [
    "ik",
    "luisterde",
    "naar",
    "wat",
    "zij",
    "vertelde",
    "en",
    "merkte",
    "dat",
    "ik",
    "zelf",
    "iets",
    "wilde",
    "zeggen",
    "over",
    "mijn",
    "eigen",
    "ervaring",
    "maar",
    "ik",
    "hield",
    "het",
    "voor",
    "me",
    "en",
    "vroeg",
    "door",
    "hoe",
    "het",
    "voor",
    "haar",
    "was",
]


def typing_events(minutes: float, seed: int = 25) -> list[tuple[str, int]]:
    """(key, milliseconds to wait after it) for `minutes` of composing."""
    rng = random.Random(seed)
    events: list[tuple[str, int]] = []
    elapsed = 0.0
    while elapsed < minutes * 60_000:
        for _ in range(rng.randint(4, 14)):
            word = rng.choice(WORDS) + " "
            for char in word:
                wait = max(60, int(rng.lognormvariate(5.55, 0.35)))  # median ~257 ms
                events.append((char, wait))
                elapsed += wait
            if rng.random() < 0.08:  # a typo, taken back at once
                events += [("x", 300), ("Backspace", 400)]
                elapsed += 700
        pause = int(rng.uniform(2_000, 15_000))
        key, wait = events[-1]
        events[-1] = (key, wait + pause)
        elapsed += pause
    return events


def measure(browser, script: str, events) -> dict:
    saved = {"text": "Begin.", "revision": 1}
    counts = {"requests": 0, "writes": 0}

    def answer(route):
        request = route.request
        if request.url.endswith("/editor.js"):
            route.fulfill(content_type="text/javascript", body=script)
            return
        if request.method != "POST":
            route.fulfill(content_type="text/html", body=PAGE)
            return
        counts["requests"] += 1
        body = request.post_data_buffer or b""
        text = _form_field(body, request.headers.get("content-type", ""), "text")
        if text != saved["text"]:
            counts["writes"] += 1
            saved.update(text=text, revision=saved["revision"] + 1)
        route.fulfill(
            content_type="application/json",
            body=json.dumps({"revision": saved["revision"], "saved_at": "19:00", "word_count": 1}),
        )

    context = browser.new_context()
    page = context.new_page()
    page.route(f"{ORIGIN}/**", answer)
    page.clock.install()
    page.goto(f"{ORIGIN}/")
    page.locator("textarea").focus()
    page.keyboard.press("End")
    for key, wait in events:
        page.keyboard.press(key)
        page.clock.run_for(wait)
    page.clock.run_for(60_000)  # the last pause: whatever is due is sent
    final = page.locator("textarea").input_value()
    context.close()
    assert saved["text"] == final, "the stub server did not end with the editor's text"
    return counts


def _form_field(body: bytes, content_type: str, name: str) -> str:
    """The `name` field of a multipart body (what FormData sends)."""
    boundary = content_type.split("boundary=")[-1].encode()
    for part in body.split(b"--" + boundary):
        head, _sep, value = part.partition(b"\r\n\r\n")
        if f'name="{name}"'.encode() in head:
            return value.rsplit(b"\r\n", 1)[0].decode()
    return ""


def main() -> None:
    from playwright.sync_api import sync_playwright

    before = subprocess.run(
        ["git", "show", f"{BEFORE}:{EDITOR}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    after = (ROOT / EDITOR).read_text()
    events = typing_events(MINUTES)
    minutes = sum(wait for _key, wait in events) / 60_000  # the final flush not counted
    keys = len(events)
    print(f"Typing model: {keys} keystrokes in {minutes:.1f} learner-minutes (virtual clock)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        results = {
            name: measure(browser, script, events)
            for name, script in (("before", before), ("after", after))
        }
        browser.close()
    print(f"{'editor':<10}{'requests/min':>14}{'writes/min':>12}")
    for name, counts in results.items():
        print(f"{name:<10}{counts['requests'] / minutes:>14.2f}{counts['writes'] / minutes:>12.2f}")
    ratio = results["after"]["requests"] / max(1, results["before"]["requests"])
    print(f"after ÷ before (requests): {ratio:.2f}")


if __name__ == "__main__":
    sys.exit(main())
