"""Telling a window that a colleague changed the workspace, without a manual rescan.

``ChangeWatcher`` runs one small thread of its own with its own connection and
calls ``on_change()`` (from that thread) when another session committed:

* PostgreSQL: ``LISTEN deskdup_changes``; the triggers of migration
  0005 send ``NOTIFY deskdup_changes`` after every statement that writes
  leads, the history, dismissals or review claims, whoever wrote it (deskdup
  or psql), delivered when that transaction commits.
* SQLite: ``PRAGMA data_version`` on the watcher's own connection, read every
  ``SQLITE_POLL_SECONDS``: SQLite changes it when another connection commits
  to the file (the file's change counter as one connection sees it).

``open_group_changed`` tells whether the leads a comparison shows moved on
since their versions were read.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Mapping

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from deskdup.models import Dismissal, Lead, MergeEvent
from deskdup.services.workspace import Workspace, sqlite_file

log = logging.getLogger(__name__)

CHANNEL = "deskdup_changes"
SQLITE_POLL_SECONDS = 1.0
PG_WAIT_SECONDS = 1.0  # how often the listening thread looks whether it should stop


class ChangeWatcher:
    def __init__(self, ws: Workspace, on_change: Callable[[], None]) -> None:
        self.ws = ws
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        target = self._watch_sqlite if self.ws.is_sqlite else self._watch_postgresql
        self._thread = threading.Thread(target=self._guarded(target), name="deskdup-live")
        self._thread.daemon = True
        self._thread.start()

    def stop(self, wait: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(wait)
            self._thread = None

    def _guarded(self, target: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                target()
            except Exception:  # the window still works, only not live: said in the log
                log.warning("Live updates stopped", exc_info=True)

        return run

    def _watch_sqlite(self) -> None:
        path = sqlite_file(self.ws.url)
        if path is None:
            return
        conn = sqlite3.connect(str(path), check_same_thread=False)  # only ever reads
        try:
            last = conn.execute("PRAGMA data_version").fetchone()[0]
            while not self._stop.wait(SQLITE_POLL_SECONDS):
                now = conn.execute("PRAGMA data_version").fetchone()[0]
                if now != last:
                    last = now
                    self.on_change()
        finally:
            conn.close()

    def _watch_postgresql(self) -> None:
        import psycopg

        url = self.ws.engine.url
        dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            while not self._stop.is_set():
                got = False
                for _notice in conn.notifies(timeout=PG_WAIT_SECONDS):
                    got = True
                    break
                if got and not self._stop.is_set():
                    self.on_change()


def fingerprint(ws: Workspace) -> tuple:
    """What the queue depends on, in four indexed reads: the newest history event, the
    dismissals, the open leads and their latest change.  Claims are not in it: a
    colleague opening a group changes only the markers, not the candidates."""
    with ws.session() as session:
        return (
            session.scalar(select(func.max(MergeEvent.id))),
            session.scalar(select(func.count()).select_from(Dismissal)),
            session.scalar(select(func.count()).select_from(Lead).where(Lead.archived.is_(False))),
            session.scalar(select(func.max(Lead.updated_at))),
        )


def open_group_changed(ws: Workspace, versions: Mapping[int, int]) -> bool:
    """A lead of ``versions`` (lead id -> version shown) was changed, merged or removed."""
    if not versions:
        return False
    with ws.session() as session:
        now = dict(
            session.execute(
                select(Lead.id, Lead.version).where(
                    Lead.id.in_(list(versions)), Lead.archived.is_(False)
                )
            ).all()
        )
    return any(now.get(lead_id) != version for lead_id, version in versions.items())
