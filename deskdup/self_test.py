"""``deskdup --self-test``: is this installation whole and working?

Support asks an operator to run it, and CI runs it on the built application
(``packaging/``): a fresh demo workspace in a temporary folder (so nothing of
the operator's own data or settings is touched), a scan, a merge and its undo
(which must give every lead back exactly), the same scan in a process of
its own (as the window's first scan of a large workspace), the licence list
of Help → About, then the window itself, offscreen when there is no screen:
the translations, the icon fonts, and the main window opened on that
workspace with its first group compared.

Each step prints one line with its time; the first failure is said in words
and the exit code is 1.  Nothing is left behind: the folder is removed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

SELF_TEST_LEADS = 300
SELF_TEST_LOGIN = "supervisor"  # may merge and undo across departments
WINDOW_TIMEOUT_MS = 120_000


class SelfTestFailed(Exception):
    """A step found the installation broken; the message says what."""


class Steps:
    """Prints ``step … ok (0.4 s)`` for each step; a failure names its step."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started = time.perf_counter()

    @contextmanager
    def step(self, title: str) -> Iterator[None]:
        print(f"self-test: {title} …", end=" ", file=self.out, flush=True)
        began = time.perf_counter()
        try:
            yield
        except SelfTestFailed as exc:
            print("FAILED", file=self.out, flush=True)
            raise SelfTestFailed(f"{title}: {exc}") from exc
        except Exception as exc:  # any error: the installation is broken here
            print("FAILED", file=self.out, flush=True)
            raise SelfTestFailed(f"{title}: {type(exc).__name__}: {exc}") from exc
        print(f"ok ({time.perf_counter() - began:.1f} s)", file=self.out, flush=True)

    def total(self) -> float:
        return time.perf_counter() - self.started


def _rows(ws, lead_ids) -> dict[str, list[dict[str, Any]]]:
    """The group's leads, communications and chats, as stored (but their versions)."""
    from sqlalchemy import select

    from deskdup.models import Chat, Communication, Lead

    out: dict[str, list[dict[str, Any]]] = {}
    with ws.session() as session:
        for model, column in (
            (Lead, Lead.id),
            (Communication, Communication.lead_id),
            (Chat, Chat.lead_id),
        ):
            query = select(model.__table__).where(column.in_(lead_ids)).order_by(model.id)
            out[model.__tablename__] = [
                # The version counts changes (optimistic locking): an undo is one.
                {k: v for k, v in r.items() if k != "version"}
                for r in session.execute(query).mappings()
            ]
    return out


def check_engine(folder: Path, steps: Steps, leads: int = SELF_TEST_LEADS) -> Path:
    """Demo, scan, merge, undo in a new workspace under ``folder``; returns its file."""
    from deskdup.services.demo import generate_demo
    from deskdup.services.matching import MatchSettings, scan_workspace
    from deskdup.services.matching.store import kept_result
    from deskdup.services.operators import find_operator
    from deskdup.services.review import load_group, merge_group, undo_merge
    from deskdup.services.scan_apart import build_apart
    from deskdup.services.workspace import open_workspace

    path = folder / "self-test.sqlite"
    with steps.step(f"a new demo workspace of {leads} leads"):
        ws = open_workspace(str(path), create=True)
    try:
        with steps.step("demo data"):
            generate_demo(ws, leads=leads, seed=1)
        with steps.step("scan for duplicates"):
            result = scan_workspace(ws)
            if not result.groups:
                raise SelfTestFailed(f"no candidate groups among {result.lead_count} leads")
        with steps.step("scan in a process of its own (a large workspace's first scan)"):
            why_not = build_apart(ws, MatchSettings())
            if why_not:
                raise SelfTestFailed(why_not.strip().splitlines()[-1])
            kept = {(p.a, p.b) for p in kept_result(ws, MatchSettings()).pairs}
            if kept != {(p.a, p.b) for p in result.pairs}:
                raise SelfTestFailed("its pairs are not the scan's")
        with ws.session() as session:
            operator = find_operator(session, SELF_TEST_LOGIN)
        with steps.step(f"merge one of {len(result.groups)} groups"):
            for group in result.groups:
                loaded = load_group(ws, operator, group.lead_ids)
                if not loaded.refusals:
                    break
            else:
                raise SelfTestFailed(f"'{SELF_TEST_LOGIN}' may merge none of the groups")
            before = _rows(ws, group.lead_ids)
            change = merge_group(ws, loaded.plan, operator.id, loaded.policy)
            merged = _rows(ws, group.lead_ids)
            # Archived with a link to the primary, or deleted (the team's policy).
            kept = {r["id"]: r for r in merged["leads"]}
            primary = change.result.primary_id
            if (
                not change.gone
                or primary not in kept
                or any(i in kept and kept[i]["merged_into_id"] != primary for i in change.gone)
            ):
                raise SelfTestFailed("the merged leads do not point to the primary")
        with steps.step("undo the merge"):
            undo_merge(ws, change.result.event_id, operator.id)
            if _rows(ws, group.lead_ids) != before:
                raise SelfTestFailed("the leads are not as they were before the merge")
    finally:
        ws.dispose()
    return path


def check_licences(steps: Steps) -> None:
    """Help → About lists the bundled libraries from their metadata: a build that
    left the metadata out would show an empty list (and hide Qt's LGPL)."""
    from deskdup.services.about import bundled_libraries

    with steps.step("licences of the bundled libraries"):
        libraries = bundled_libraries()
        if not any(lib.is_qt for lib in libraries):
            raise SelfTestFailed(
                f"Qt is not among the {len(libraries)} libraries listed (package metadata missing)"
            )


def check_window(workspace: Path, steps: Steps) -> None:
    """Translations, icons and the main window on ``workspace`` with a group compared."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a server, a CI machine: no screen
    from PySide6.QtCore import QTimer, QTranslator

    from deskdup.app import AppController, make_application
    from deskdup.services import paths
    from deskdup.views import i18n
    from deskdup.views.settings import Settings

    with steps.step("Qt and the translations"):
        app = make_application()
        for language in i18n.LANGUAGES:
            qm = paths.resources_dir() / "i18n" / f"deskdup_{language}.qm"
            if not QTranslator().load(str(qm)):
                raise SelfTestFailed(f"cannot load {qm}")
        i18n.install("en")
    with steps.step("icons"):
        from deskdup.views import icons

        if icons.action_icon("scan").pixmap(16, 16).isNull():
            raise SelfTestFailed("the icon font did not load")
    with steps.step("the main window with a group compared"):
        controller = AppController(Settings(workspace.parent / "settings.ini"))
        controller.login = SELF_TEST_LOGIN
        outcome: list[str] = []

        def shown(window) -> None:
            compare = window.compare

            def loaded() -> None:
                if compare.plan is not None and not outcome:
                    outcome.append("")
                    app.quit()

            compare.group_loaded.connect(loaded)
            loaded()

        def gave_up() -> None:
            outcome.append("the workspace could not be opened")
            app.quit()

        def timeout() -> None:
            outcome.append(f"no group was shown within {WINDOW_TIMEOUT_MS // 1000} s")
            app.quit()

        controller.window_shown.connect(shown)
        controller.gave_up.connect(gave_up)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(timeout)
        timer.start(WINDOW_TIMEOUT_MS)
        controller.start(url=str(workspace))
        if not outcome:
            app.exec()
        timer.stop()
        controller.shutdown()
        if controller.window is not None:
            controller.window.close()
        if outcome and outcome[0]:
            raise SelfTestFailed(outcome[0])


def run(out: TextIO | None = None, *, window: bool = True, leads: int = SELF_TEST_LEADS) -> int:
    """Every step; 0 when all passed, 1 (and the reason on stderr) otherwise."""
    from deskdup import __version__

    out = out or sys.stdout
    steps = Steps(out)
    print(f"deskdup {__version__} self-test (Python {sys.version.split()[0]})", file=out)
    with tempfile.TemporaryDirectory(prefix="deskdup-self-test-") as folder:
        # Settings, logs and the demo stay in the temporary folder.
        saved = os.environ.get("DESKDUP_DATA_DIR")
        os.environ["DESKDUP_DATA_DIR"] = folder
        try:
            workspace = check_engine(Path(folder), steps, leads)
            check_licences(steps)
            if window:
                check_window(workspace, steps)
        except SelfTestFailed as exc:
            print(f"deskdup: self-test failed at {exc}", file=sys.stderr, flush=True)
            return 1
        finally:
            _restore("DESKDUP_DATA_DIR", saved)
    print(f"self-test passed in {steps.total():.1f} s", file=out, flush=True)
    return 0


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


__all__ = ["SelfTestFailed", "check_engine", "check_window", "run"]
