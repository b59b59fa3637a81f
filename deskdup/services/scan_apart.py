"""The window's first scan of a large workspace, in a process of its own.

When no kept pairs hold for the window's settings (a workspace imported on
the command line, detection settings changed, a release whose matching
changed, a workspace that outgrew its model: ``store.kept_holds``), the
window used to build its index in its database thread before
the first group showed: a refreshable build, then every pair, lead version
and search name written, then the snapshot (``store.open_index``): about
25 s of CPU at 100,000 leads on a 2-core machine, with the window's own
thread fighting that thread for the interpreter meanwhile.

A ``deskdup scan --keep`` does the same work faster: a one-shot build over
processes (``MatchIndex.build(refreshable=False, workers=...)``), its pairs
kept.  It may fork its comparing workers only in a process without threads
of its own, which the window is not.  So for a workspace of at least
``APART_MIN_LEADS`` active leads the window starts a fresh process (``spawn``:
not a fork of the window), which builds, keeps the pairs and ends; the
window then reads the kept queue as at any start and builds its index behind
it from the kept pairs (the leads read and keyed, none scored).

The process is only a faster way to the same kept pairs: if it cannot start
or fails, the window builds in its own thread as before (and says why in its
log), and does so for that workspace for the rest of the run.  Cancelling
ends the process; it writes in one transaction at the end, so an ended
process leaves nothing half written.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
import time
import traceback
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from deskdup.services.errors import Cancelled, KnownError
from deskdup.services.matching.parallel import default_workers
from deskdup.services.matching.settings import MatchSettings
from deskdup.services.matching.store import active_count, kept_holds

log = logging.getLogger(__name__)

# Fewer active leads than this are built in the window's own thread: starting
# a process (an interpreter, SQLAlchemy and deskdup imported: about a second)
# would cost more than it saves (a build of 5,000 leads takes under one).
APART_MIN_LEADS = 20_000
# The process's progress reports, at most this often (seconds).
_PROGRESS_EVERY = 0.1
# How long the window waits for a message before it looks at Cancel again.
_POLL_S = 0.1
# How long a process that answered may take to end by itself.
_EXIT_S = 10.0


# The workspaces (by address) whose process failed in this run: built in the
# window for the rest of it, not tried again at every scan.
_FAILED: set[str] = set()


def wanted(ws, settings: MatchSettings) -> bool:
    """No kept pairs that hold for ``settings`` (``store.kept_holds``), enough
    active leads for a scan in a process of its own to pay, and no such
    process failed for this workspace in this run."""
    if ws.url in _FAILED:
        return False
    try:
        with ws.engine.connect() as conn:
            return not kept_holds(conn, settings) and active_count(conn) >= APART_MIN_LEADS
    except SQLAlchemyError as error:  # the window's own build says it in words
        log.info("first scan apart not considered: %s", error)
        return False


def build_apart(
    ws,
    settings: MatchSettings,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> str:
    """Build and keep the candidates of ``settings`` in a fresh process: ""
    when they are kept, else why the process could not (also logged: the
    caller builds as before).  ``progress(done, total)``: the process's
    progress; once ``cancelled()`` says so (or ``progress`` raises
    ``Cancelled``), the process is ended and ``Cancelled`` raised here."""
    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe(duplex=False)
    # Not a daemon: a daemon may not fork the build's workers.  Ended below
    # however this returns (Cancel, the window closed, an error).
    process = context.Process(target=_child, args=(there, ws.url, settings), name="deskdup-scan")
    try:
        process.start()
    except (OSError, RuntimeError) as error:
        here.close()
        there.close()
        return _failed(ws, f"not started: {error}")
    there.close()
    answered = False
    try:
        why_not = _follow(here, process, progress, cancelled)
        answered = True
        return _failed(ws, why_not) if why_not else ""
    finally:
        here.close()
        # Answered: it is ending by itself (a terminate now would interrupt
        # its exit).  Else (Cancel, the window closed): ended at once.
        process.join(_EXIT_S if answered else 0)
        if process.is_alive():
            process.terminate()
            process.join()


def _failed(ws, why: str) -> str:
    _FAILED.add(ws.url)
    log.warning("the scan in a process of its own failed, built in the window: %s", why)
    return why


def _follow(conn, process, progress, cancelled) -> str:
    """Pass on the process's progress until it answers: "" when kept, else why not."""
    ended = "the process ended without answering"
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if not conn.poll(_POLL_S):
            if not process.is_alive() and not conn.poll(0):
                return ended
            continue
        try:
            kind, *rest = conn.recv()
        except (EOFError, OSError):
            return ended
        if kind == "progress":
            if progress is not None:
                progress(*rest)
        elif kind == "kept":
            return ""
        else:  # "failed": its words, or its traceback
            return rest[0]


def _child(conn, url: str, settings: MatchSettings) -> None:
    """In the fresh process: build, keep, answer."""
    if sys.platform != "win32":
        # Ended by the window (Cancel): unwind, so the build's own forked
        # workers are ended too and no transaction is left open.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        from deskdup.services.kept_scan import build_kept
        from deskdup.services.workspace import open_workspace

        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= _PROGRESS_EVERY or done >= total:
                last[0] = now
                _send(conn, ("progress", done, total))

        ws = open_workspace(url, migrate=False, create=False)
        try:
            why_not = build_kept(ws, settings, default_workers(), progress)
        finally:
            ws.dispose()
        _send(conn, ("kept",) if not why_not else ("failed", f"not kept: {why_not}"))
    except SystemExit:
        raise  # ended by the window, or the window is gone
    except KnownError as error:  # in words: the database gone, a worker stopped
        _send(conn, ("failed", str(error)))
    except BaseException:
        _send(conn, ("failed", traceback.format_exc()))
    finally:
        conn.close()


def _send(conn, message: tuple) -> None:
    """Tell the window; a window that is gone (killed, crashed) ends the
    process quietly before it writes anything."""
    try:
        conn.send(message)
    except OSError:
        raise SystemExit(0) from None
