"""Python's garbage collector runs on the UI thread only.

The cyclic collector runs in whichever thread happens to allocate when a
generation fills up, often the database worker in the middle of a query.  If
that collection meets Qt wrappers (PySide objects) it touches them off the UI
thread, and the process can die with a segmentation fault: the comparison
benchmark did, about one run in two, opening 100 groups ("Garbage-collecting"
on the worker thread in the faulthandler trace).

So the automatic collector is switched off and a timer on the UI thread
collects with the same thresholds (Anki does the same, ``aqt/main.py``
``GarbageCollector``).  Reference counting still frees almost everything at
once; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> int:
        """Collect what the automatic collector would have by now; the number freed."""
        first, second, third = gc.get_count()
        freed = 0
        if first > self.threshold[0]:
            generation = 0
            if second > self.threshold[1]:
                generation = 1
                if third > self.threshold[2]:
                    generation = 2
            freed = gc.collect(generation)
        return freed

    def stop(self) -> None:
        """Back to the automatic collector (tests)."""
        self.timer.stop()
        gc.enable()


def install(app: QCoreApplication | None = None) -> UiThreadCollector:
    """Start collecting on the UI thread; call once, after the QApplication exists."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install the collector after the QApplication exists")
    existing = app.findChild(UiThreadCollector)
    if isinstance(existing, UiThreadCollector):
        return existing
    return UiThreadCollector(app)
