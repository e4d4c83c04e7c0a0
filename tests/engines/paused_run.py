"""`python paused_run.py MARKER N ARGS...` runs `newsweave ARGS` and, once a `run` has stored N
documents, writes MARKER and waits there for Ctrl-C: a test signals a run that cannot have
finished, however fast or loaded the machine (issue 14)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newsweave import runner
from newsweave.cli import app

WAIT_SECONDS = 300  # a bound, so that a test that never signals does not leave a process behind


def main() -> None:
    marker, after, args = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    real_run = runner.run

    def paused_run(paths, settings, *, on_progress=None):
        def progress(report):
            if on_progress:
                on_progress(report)
            if report.added >= after and not marker.exists():
                marker.write_text(f"{report.added} documents stored\n", "utf-8")
                time.sleep(WAIT_SECONDS)  # Ctrl-C raises KeyboardInterrupt here, between two batches

        return real_run(paths, settings, on_progress=progress)

    runner.run = paused_run
    sys.argv = ["newsweave", *args]
    app()


if __name__ == "__main__":
    main()
