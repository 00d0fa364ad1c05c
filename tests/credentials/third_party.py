"""Run the third-party verifiers of `node/verify.mjs` (Digital Bazaar's stack, jose,
jsonld.js) from a test, against the live test server."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path

NODE_SCRIPT = Path(__file__).resolve().parent / "node" / "verify.mjs"

#: The moment the live-server tests pin the site's clock to; the verifiers are told it too.
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def node_verify(mode: str, source: str | Path, *, origin: str = "", now: str = "") -> dict:
    """`mode` is expand, di or jwt; `source` a file or a URL on the live server."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the third-party verifiers (make test installs it)"
    completed = subprocess.run(
        [node, str(NODE_SCRIPT), mode, str(source), origin, now],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.stdout, completed.stderr
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert (completed.returncode == 0) == result["verified"], completed.stderr
    return result


def verify_at_now(mode: str, source: str | Path, site_url: str) -> dict:
    """`node_verify` against the live site, at the pinned moment `NOW`."""
    return node_verify(mode, source, origin=site_url, now=NOW.isoformat())
