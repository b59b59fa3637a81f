"""Show File → Import… over the window, as an operator meets it, for a screenshot.

    XVFB_SIZE=1366x768 /work/shared/tools/xvfb-shot out.png 25 \
        uv run python scripts/shot_import_dialog.py --lang ru

A team workspace with two of the export's three operators (the third,
Мария Иванова, is missing on purpose); the contacts export is already in; the
window opens maximised, then the import dialog on tests/data/bitrix24's lead
export, which it imports, so the preview, the summary (the missing operator,
once) and the rejected rows all show.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from deskdup.app import make_application
from deskdup.services.importer import import_file
from deskdup.services.operators import add_operator, workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views import gc_guard, i18n
from deskdup.views.context import AppContext
from deskdup.views.import_dialog import ImportDialog
from deskdup.views.main_window import MainWindow
from deskdup.views.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "bitrix24"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="deskdup-shot-"))
    ws = open_workspace(str(folder / "team.sqlite"))
    with ws.session() as s:
        add_operator(s, "anna_s", "Смирнова Анна", role="supervisor")
        add_operator(s, "oleg_k", "Кузнецов Олег Петрович")
    import_file(ws, DATA / "CONTACT_20261125_4e21a9.csv", skip_bad=True)

    app = make_application(sys.argv[:1])
    gc_guard.install(app)
    i18n.install(args.lang)
    context = AppContext(ws, workspace_operator(ws, "anna_s"), Settings(folder / "s.ini"))
    window = MainWindow(context)
    window.showMaximized()
    window.start()
    dialog = ImportDialog(context, str(DATA / "LEAD_20261125_b7c0f1.csv"), window)
    dialog.show()

    def import_when_ready() -> None:
        if dialog.import_button.isEnabled() and not window.scanning:
            dialog.import_button.click()
        else:
            QTimer.singleShot(200, import_when_ready)

    QTimer.singleShot(500, import_when_ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
