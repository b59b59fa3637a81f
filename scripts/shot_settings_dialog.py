"""Open the settings dialog over the window, as a supervisor meets it, for a screenshot.

    XVFB_SIZE=1366x768 /work/shared/tools/xvfb-shot out.png 40 \
        uv run python scripts/shot_settings_dialog.py --lang ru

A demo workspace large enough for the model to learn on it (1,500 leads); the
window opens maximised and scans; then Settings… opens over it the way the
menu does (the team's settings and the model that scored the queue, loaded on
the worker).  ``--legacy`` first stores a review threshold the way deskdup did
before the learned model, so the dialog's note about it shows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from deskdup.app import make_application
from deskdup.models import WorkspaceMeta
from deskdup.services.demo import generate_demo
from deskdup.services.matching.explain import summarize
from deskdup.services.operators import workspace_operator
from deskdup.services.team_settings import LEGACY_THRESHOLD_KEY, load_team_settings
from deskdup.services.workspace import open_workspace
from deskdup.views import gc_guard, i18n
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.settings import Settings
from deskdup.views.settings_dialog import SettingsDialog


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--leads", type=int, default=1500)
    parser.add_argument("--legacy", action="store_true", help="an old saved threshold")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="deskdup-shot-"))
    ws = open_workspace(str(folder / "demo.sqlite"))
    generate_demo(ws, leads=args.leads, seed=1)
    if args.legacy:
        with ws.session() as s:
            s.add(WorkspaceMeta(key=LEGACY_THRESHOLD_KEY, value="0.7"))

    app = make_application(sys.argv[:1])
    gc_guard.install(app)
    i18n.install(args.lang)
    supervisor = workspace_operator(ws, "supervisor")
    context = AppContext(ws, supervisor, Settings(folder / "s.ini"))
    window = MainWindow(context)
    window.showMaximized()
    window.start()

    def open_when_ready() -> None:
        if context.match_index is None or window.scanning:
            QTimer.singleShot(200, open_when_ready)
            return
        team = load_team_settings(ws)
        dialog = SettingsDialog(
            context.settings,
            team.review_threshold,
            window,
            team,
            supervisor.can_undo,
            summarize(context.match_index.model),
        )
        dialog.show()

    QTimer.singleShot(500, open_when_ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
