"""Open the demo's first queue group of N leads in the comparison, for a screenshot.

    XVFB_SIZE=1366x768 DESKDUP_DATA_DIR=/tmp/shots /work/shared/tools/xvfb-shot \\
        out.png 40 uv run python scripts/shot_compare.py --leads 4 --lang ru --fold

The demo workspace in the data folder (generated on first use, as ``deskdup
--demo`` does); the window opens maximised, scans, then opens the first group
of the queue with ``--leads`` leads (the demo has no group of six: then the
largest groups' leads, compared as the lead list's "Compare" does).
``--fold`` folds the queue away (F9); ``--conversation`` opens the
conversation panel of the group (C); ``--loose`` takes a group with a lead
linked to the rest only loosely (its header marked).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from deskdup.app import DEMO_LOGIN, ensure_demo_workspace, make_application
from deskdup.services.group_reasons import group_evidence
from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views import gc_guard, i18n
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.queue_model import Role
from deskdup.views.settings import Settings


def select_group(window: MainWindow, size: int, loose: bool = False) -> bool:
    """Select the queue's first group of ``size`` leads (``loose``: with a lead
    linked to the rest only loosely)."""
    proxy = window.queue.proxy
    for row in range(proxy.rowCount()):
        group = proxy.index(row, 0).data(Role.ObjectRole)
        if group is None or len(group.lead_ids) != size:
            continue
        if loose and not group_evidence(window.context.match_index, group.lead_ids).loose:
            continue
        return window.queue.select_proxy_row(row)
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--leads", type=int, default=4)
    parser.add_argument("--fold", action="store_true")
    parser.add_argument("--conversation", action="store_true")
    parser.add_argument("--loose", action="store_true", help="a group with a loose lead")
    args = parser.parse_args()
    ws = open_workspace(str(ensure_demo_workspace()), create=False)
    app = make_application(sys.argv[:1])
    gc_guard.install(app)
    i18n.install(args.lang)
    folder = Path(tempfile.mkdtemp(prefix="deskdup-shot-"))
    context = AppContext(ws, workspace_operator(ws, DEMO_LOGIN), Settings(folder / "s.ini"))
    window = MainWindow(context)
    window.showMaximized()
    window.fold_action.setChecked(args.fold)

    opened: list[bool] = []

    def open_group() -> None:
        if opened:  # a later refresh of the queue: the group is open already
            return
        opened.append(True)
        # A group the operator may merge if there is one of that size, else any;
        # the demo has none of six: the largest one and the leads of the next
        # groups, compared as the lead list's "Compare" does.
        if select_group(window, args.leads, args.loose):
            return
        window.queue.mergeable_only.setChecked(False)
        if select_group(window, args.leads, args.loose):
            return
        proxy = window.queue.proxy
        groups = [proxy.index(r, 0).data(Role.ObjectRole) for r in range(proxy.rowCount())]
        groups.sort(key=lambda g: -len(g.lead_ids))
        ids = [i for g in groups for i in g.lead_ids][: args.leads]
        window.compare_leads(ids)

    window.scan_finished.connect(open_group)
    if args.conversation:
        window.compare.group_loaded.connect(
            lambda: (
                window.compare.conversation_action.isChecked()
                or window.compare.conversation_action.trigger()
            )
        )
    window.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
