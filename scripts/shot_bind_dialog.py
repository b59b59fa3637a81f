"""Open the bind dialog over the comparison, as an operator meets it, for a screenshot.

    XVFB_SIZE=1366x768 /work/shared/tools/xvfb-shot out.png 30 \
        uv run python scripts/shot_bind_dialog.py --lang ru

A demo workspace; the window opens maximised and shows the queue's first group;
then Ctrl+B's dialog opens over it with the contacts the group most likely
belongs to, and (unless ``--suggestions``) the surname of the best of them is
typed with a letter missing, the way an operator half-remembers it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from deskdup.app import make_application
from deskdup.services.demo import generate_demo
from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views import gc_guard, i18n
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.settings import Settings


def misspelt(name: str) -> str:
    """The surname with its second-last letter dropped, and the first name."""
    words = name.split()
    if not words:
        return name
    surname = words[0]
    if len(surname) > 4:
        surname = surname[:-2] + surname[-1]
    return " ".join([surname, *words[1:2]])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--leads", type=int, default=1500)
    parser.add_argument("--suggestions", action="store_true", help="type nothing")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="deskdup-shot-"))
    ws = open_workspace(str(folder / "demo.sqlite"))
    generate_demo(ws, leads=args.leads, seed=1)

    app = make_application(sys.argv[:1])
    gc_guard.install(app)
    i18n.install(args.lang)
    context = AppContext(ws, workspace_operator(ws, "supervisor"), Settings(folder / "s.ini"))
    window = MainWindow(context)
    window.showMaximized()
    window.start()
    typed = False

    def open_when_ready() -> None:
        compare = window.compare
        if compare.plan is None or window.scanning:
            QTimer.singleShot(200, open_when_ready)
            return
        compare.bind_contact()
        QTimer.singleShot(200, type_when_suggested)

    def type_when_suggested() -> None:
        nonlocal typed
        dialog = window.compare.bind_dialog
        if dialog is None or dialog.last_results is None:
            QTimer.singleShot(200, type_when_suggested)
            return
        if not args.suggestions and not typed and dialog.cards:
            typed = True
            dialog.search.setText(misspelt(dialog.cards[0].name))

    QTimer.singleShot(500, open_when_ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
