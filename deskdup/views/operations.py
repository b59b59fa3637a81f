"""The one way deskdup runs work off the UI thread (Anki's ``QueryOp`` and ``CollectionOp``).

Every database read or write of the window goes through here::

    context.query(self, lambda: load_leads(ws), self._show).run_in_background()

    context.query(self, lambda progress: scan(ws, progress=progress), self._done)
        .with_progress(self.tr("Scanning leads..."), cancellable=True)
        .run_in_background()

    context.write(self, lambda: merge_group(ws, plan, ...), self._merged).run_in_background()

- All of it runs on one worker thread (a ``QThreadPool`` with one thread), so
  two operations never use the database at once and run in the order asked.
- The result or the error comes back through a queued signal and the
  callbacks run on the UI thread; the op itself must never touch a widget.
- With progress, the op receives a :class:`Progress`: call
  ``progress(done, total)`` (or ``progress.update``); when the operator pressed
  Cancel, that call raises :class:`Cancelled`, which ends the op silently.
- Only the latest answer matters (the group the operator opened last):
  ``op.drop()`` cancels an op and calls none of its callbacks.
- A write (``context.write``) returns what it changed; after its own success
  callback the runner emits ``executed(change, parent)``, which the views that
  show the changed data subscribe to (Anki's ``operation_did_execute``).
- Failures take one path: a ``Cancelled`` is silent; a ``KnownError`` goes to
  the op's ``known_error`` handler (the view's own words, a banner) or else
  to a message box in the service's words; anything else is a bug, logged and
  shown in the crash dialog with its traceback.  ``failure`` replaces all of
  that for the few callers that need their own way.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from deskdup.services.errors import Cancelled, KnownError
from deskdup.views import errors
from deskdup.views.lifetime import delete_later, is_alive

log = logging.getLogger(__name__)

T = TypeVar("T")

# Progress reports closer together than this are dropped (the last one always
# goes through): a scan of a million leads must not flood the event loop.
_PROGRESS_INTERVAL_S = 0.05


class Progress:
    """What a background op uses to report progress and notice Cancel.

    Callable as ``progress(done, total)`` so it can be handed straight to a
    service that takes a ``progress`` callback.
    """

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise ``Cancelled`` when the operator asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def update(self, done: int, total: int = 0, label: str = "") -> None:
        self.check()
        if self._report is None:
            return
        now = time.monotonic()
        finished = total > 0 and done >= total
        if now - self._last < _PROGRESS_INTERVAL_S and not finished:
            return
        self._last = now
        self._report(int(done), int(total), label)

    def __call__(self, done: int, total: int = 0, *_args: Any, **_kwargs: Any) -> None:
        self.update(done, total)


class ProgressView(Protocol):
    """Where an op's progress is shown: a dialog, or the main window's status bar."""

    def start(self, label: str, cancellable: bool, on_cancel: Callable[[], None]) -> None: ...

    def update(self, done: int, total: int, label: str) -> None: ...

    def finish(self) -> None: ...


class DialogProgress:
    """Progress in a window-modal dialog that appears only if the op takes a while."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent
        self._dialog: QProgressDialog | None = None

    def start(self, label: str, cancellable: bool, on_cancel: Callable[[], None]) -> None:
        dialog = QProgressDialog(label, "", 0, 0, self._parent)
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if cancellable:
            dialog.setCancelButtonText(dialog.tr("Cancel"))
            dialog.canceled.connect(on_cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setValue(0)
        self._dialog = dialog

    def update(self, done: int, total: int, label: str) -> None:
        if self._dialog is None:
            return
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))
        if label:
            self._dialog.setLabelText(label)

    def finish(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            delete_later(self._dialog)
            self._dialog = None


class _Signals(QObject):
    # Emitted on the worker thread, received (queued) on the UI thread.
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class _RunnerSignals(QObject):
    # A write finished: what it changed, and the op's parent (who asked for it).
    executed = Signal(object, object)


class OperationRunner:
    """The database worker and the default progress view of one window.

    Lives in the ``AppContext``; :class:`QueryOp` uses the shared instance
    unless given another.  ``executed`` tells every subscriber what a write
    changed.
    """

    def __init__(self) -> None:
        self.database_pool = QThreadPool()
        # One database worker: a SQLite file wants one writer, and ops run in the
        # order they were asked for.
        self.database_pool.setMaxThreadCount(1)
        self.running: set[QueryOp[Any]] = set()
        # The main window installs a factory for a status-bar progress view.
        self.status_progress: Callable[[], ProgressView] | None = None
        self._signals = _RunnerSignals()
        self.executed = self._signals.executed

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for every queued op to finish (shutdown, tests)."""
        return self.database_pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for op in list(self.running):
            op.cancel()


_default_runner: OperationRunner | None = None


def default_runner() -> OperationRunner:
    global _default_runner
    if _default_runner is None:
        _default_runner = OperationRunner()
    return _default_runner


class QueryOp(QObject, Generic[T]):
    """One background operation: ``op`` off the UI thread, ``success`` on it."""

    def __init__(
        self,
        parent: QObject | None,
        op: Callable[..., T],
        success: Callable[[T], None],
        *,
        runner: OperationRunner | None = None,
    ) -> None:
        super().__init__(None)
        # Not a Qt child of ``parent``: the op must outlive nothing and be freed by
        # us; but a destroyed parent means nobody wants the answer any more.
        self._parent = parent
        self._parent_alive = True
        if parent is not None:
            parent.destroyed.connect(self._on_parent_destroyed)
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None
        self._known: Callable[[KnownError], None] | None = None
        self._dropped = False
        self._writes = False
        self._finally: Callable[[], None] | None = None
        self._runner = runner or default_runner()
        self._progress_label: str | None = None
        self._cancellable = False
        self._in_status_bar = False
        self._progress = Progress(None)
        self._view: ProgressView | None = None
        self._signals = _Signals()
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ building

    def failure(self, fn: Callable[[BaseException], None]) -> QueryOp[T]:
        """Handle every failure yourself instead of the one error path."""
        self._failure = fn
        return self

    def known_error(self, fn: Callable[[KnownError], None]) -> QueryOp[T]:
        """Say a ``KnownError`` your own way (a banner); bugs still reach the crash dialog."""
        self._known = fn
        return self

    def writes(self) -> QueryOp[T]:
        """The op changes data and returns what it changed: ``executed`` announces it."""
        self._writes = True
        return self

    def finally_(self, fn: Callable[[], None]) -> QueryOp[T]:
        """Run after success or failure (re-enable a button...); not after ``drop``."""
        self._finally = fn
        return self

    def with_progress(
        self, label: str, *, cancellable: bool = True, in_status_bar: bool = False
    ) -> QueryOp[T]:
        """Show progress; the op then receives a :class:`Progress` argument."""
        self._progress_label = label
        self._cancellable = cancellable
        self._in_status_bar = in_status_bar
        self._progress = Progress(self._signals.progressed.emit)
        return self

    # ------------------------------------------------------------------ running

    @property
    def progress(self) -> Progress:
        return self._progress

    def cancel(self) -> None:
        self._progress.cancel()

    def drop(self) -> None:
        """Nobody wants the answer any more: cancel, and call none of the callbacks."""
        self._dropped = True
        self._progress.cancel()

    @property
    def wanted(self) -> bool:
        """Someone still waits for the answer (the parent lives, the op was not dropped)."""
        return self._parent_alive and not self._dropped

    def run_in_background(self) -> QueryOp[T]:
        if self._progress_label is not None:
            self._view = self._make_view()
            self._view.start(self._progress_label, self._cancellable, self.cancel)
            call = lambda: self._op(self._progress)  # noqa: E731
        else:
            call = self._op
        self._runner.running.add(self)
        self._runner.database_pool.start(_Job(call, self._signals))
        return self

    def _make_view(self) -> ProgressView:
        if self._in_status_bar and self._runner.status_progress is not None:
            return self._runner.status_progress()
        parent = self._parent if isinstance(self._parent, QWidget) else None
        return DialogProgress(parent)

    # ------------------------------------------------------------------ results (UI thread)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self._view is not None and self.wanted and is_alive(self._view):
            self._view.update(done, total, label)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        try:
            self._end()
            try:
                if self.wanted:
                    self._success(result)  # type: ignore[arg-type]
            finally:
                if self._writes:
                    # What changed did change, whoever asked: every view showing it hears.
                    self._runner.executed.emit(result, self._parent if self._parent_alive else None)
        finally:
            self._after()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        try:
            self._end()
            if not self.wanted:
                if not isinstance(exc, (Cancelled, KnownError)):
                    log.error("Background operation failed", exc_info=exc)
                return
            if self._failure is not None:
                self._failure(exc)
            elif isinstance(exc, KnownError) and self._known is not None:
                self._known(exc)
            else:
                default_failure(self._parent, exc)
        finally:
            self._after()

    def _end(self) -> None:
        view, self._view = self._view, None
        # (The window that showed the progress may be gone by now.)
        if view is not None and is_alive(view):
            view.finish()

    def _after(self) -> None:
        try:
            if self._finally is not None and self.wanted:
                self._finally()
        finally:
            self._runner.running.discard(self)
            delete_later(self)

    @Slot()
    def _on_parent_destroyed(self) -> None:
        self._parent_alive = False
        self._progress.cancel()


def default_failure(parent: QObject | None, exc: BaseException) -> None:
    """The one error path: words for known errors, silence for Cancel, crash dialog for bugs."""
    widget = parent if isinstance(parent, QWidget) else None
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, KnownError):
        errors.show_known_error(widget, exc)
        return
    errors.report_bug(widget, exc)
