"""A real `run_worker` process whose PDF render hangs once it has started.

Only test_killed_worker.py runs this, as a separate process that it kills with
SIGKILL mid-render; the product code has no test hook. The render touches the
file named by RENDER_STARTED_MARKER, so the test knows when to kill.
"""

import os
import sys
import time
from pathlib import Path

import django


def main():
    django.setup()
    from django.core.management import call_command

    from training.certificates import pdf

    started = Path(os.environ["RENDER_STARTED_MARKER"])

    def hanging_render(*args, **kwargs):
        started.touch()
        time.sleep(3600)

    pdf.certificate_pdf_render = hanging_render
    call_command("run_worker", *sys.argv[1:])


if __name__ == "__main__":
    main()
