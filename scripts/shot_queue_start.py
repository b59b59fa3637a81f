"""The queue at a window's start, for a screenshot: its first groups shown while
the rest is read (``--hold``), or once everything is in.

    XVFB_SIZE=1366x768 /work/shared/tools/xvfb-shot screen.png 120 \\
        uv run python scripts/shot_queue_start.py --path WS.sqlite --login chief \\
        --lang ru --hold --out queue-first.png

The window opens at the screen's size on ``--path`` (its kept candidates
current: an earlier window or ``benchmarks/bench_store.py``'s full step) and
saves itself to ``--out`` (``QWidget.grab``) once the first group is open in
the comparison: with ``--hold`` the rest of the kept queue is held back, so
the picture is of what the operator sees in the first second; without it,
once the index behind the queue is built.  The process then stays up for the
screen's own screenshot.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from deskdup.app import make_application
from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views import gc_guard, i18n, queue_feed
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", required=True)
    parser.add_argument("--hold", action="store_true", help="hold the rest of the kept queue")
    args = parser.parse_args()
    held = threading.Event()
    if args.hold:
        real_rest = queue_feed.rest_queue_rows

        def held_rest(ws, operator, kept):
            held.wait()
            return real_rest(ws, operator, kept)

        queue_feed.rest_queue_rows = held_rest
    ws = open_workspace(args.path, create=False)
    app = make_application(sys.argv[:1])
    gc_guard.install(app)
    i18n.install(args.lang)
    folder = Path(tempfile.mkdtemp(prefix="deskdup-shot-"))
    context = AppContext(ws, workspace_operator(ws, args.login), Settings(folder / "s.ini"))
    window = MainWindow(context)
    screen = QGuiApplication.primaryScreen()
    window.setGeometry(screen.availableGeometry())
    window.show()
    window.start()
    done = {"index": False, "saved": False}
    window.scan_finished.connect(lambda: done.__setitem__("index", True))

    def check() -> None:
        row = window.queue.current_row()
        compare = window.compare
        ready = (
            row is not None
            and compare.plan is not None
            and not compare.is_busy()
            and tuple(compare.lead_ids) == tuple(row.lead_ids)
        )
        if ready and not done["saved"] and (args.hold or done["index"]):
            done["saved"] = True
            window.grab().save(args.out)
            print(args.out, window.queue.count.text(), flush=True)

    ticker = QTimer()
    ticker.timeout.connect(check)
    ticker.start(200)
    app.aboutToQuit.connect(held.set)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
