"""The review loop at scale: from Ctrl+Return to the next group ready, 20 times.

```
uv run python benchmarks/bench_review_loop.py --leads 100000 --merges 20
```

A copy of the cached demo workspace is opened in the real ``MainWindow``
(offscreen Qt, 1366x768) as ``supervisor`` (who may merge every group); once
the scan is shown and the first group is open, Ctrl+Return is pressed on the
focused widget, as the operator does, ``--merges`` times in a row.  Each
press is timed until the next group is *ready*: a group other than the one
merged is on screen, its plan built, and the merge action enabled (what the
next Ctrl+Return needs).  The next press comes as soon as that happens, so a
queue update still running from the merge before is in the measured time, as
it would be for an operator who keeps pace.

Also reported: the time until the queue itself is up to date after a merge
(the background refresh ended), the longest stall of the UI thread (a 5 ms
timer's longest gap) during the loop, and whether the queue model was reset.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_demo, scratch_copy


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def run(path: Path, merges: int, login: str, profile: bool = False) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DESKDUP_DATA_DIR"] = tempfile.mkdtemp(prefix="deskdup-bench-")
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from deskdup.services.operators import workspace_operator
    from deskdup.services.workspace import open_workspace
    from deskdup.views.compare.actions import ReviewAction
    from deskdup.views.context import AppContext
    from deskdup.views.main_window import MainWindow
    from deskdup.views.operations import OperationRunner
    from deskdup.views.settings import Settings

    app = QApplication.instance() or QApplication([])
    ws = open_workspace(str(path))
    runner = OperationRunner()
    context = AppContext(
        workspace=ws,
        operator=workspace_operator(ws, login),
        settings=Settings(Path(os.environ["DESKDUP_DATA_DIR"]) / "settings.ini"),
        ops=runner,
    )
    window = MainWindow(context)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()

    def spin(until, limit: float = 120.0) -> bool:
        deadline = time.perf_counter() + limit
        while not until():
            if time.perf_counter() > deadline:
                return False
            app.processEvents()
            time.sleep(0.0005)
        return True

    done = {"scan": False, "leads": False}
    window.scan_finished.connect(lambda: done.__setitem__("scan", True))
    window.leads_loaded.connect(lambda: done.__setitem__("leads", True))
    started = time.perf_counter()
    window.start()
    spin(lambda: all(done.values()), 600)
    compare = window.compare
    merge = compare.actions[ReviewAction.MERGE]

    def ready() -> bool:
        return compare.plan is not None and not compare.is_busy() and merge.isEnabled()

    spin(ready)
    print(
        f"window ready in {time.perf_counter() - started:.1f} s: "
        f"{window.queue.model.rowCount()} groups, first group of {len(compare.lead_ids)} open"
    )
    window.queue.table.setFocus()
    spin(lambda: QApplication.focusWidget() is not None, 5)

    resets = {"n": 0}
    window.queue.model.modelReset.connect(lambda: resets.__setitem__("n", resets["n"] + 1))
    merged = {"n": 0}
    compare.merged.connect(lambda _r: merged.__setitem__("n", merged["n"] + 1))
    gaps: list[float] = []
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: gaps.append(clock.restart() / 1000.0))
    clock.start()
    heartbeat.start()

    to_ready: list[float] = []
    to_settled: list[float] = []
    profiler = None
    if profile:  # what the UI thread spends the loop on
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    for n in range(merges):
        before = compare.lead_ids
        target = QApplication.focusWidget() or window
        t0 = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        if not spin(lambda n=n: merged["n"] > n, 60):
            print(f"merge {n + 1}: Ctrl+Return merged nothing (group {before})")
            break
        if not spin(lambda b=before: ready() and compare.lead_ids != b, 60):
            print(f"merge {n + 1}: no next group became ready")
            break
        to_ready.append(time.perf_counter() - t0)
        spin(lambda: not window.scanning, 60)
        to_settled.append(time.perf_counter() - t0)
    heartbeat.stop()
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)

    print(f"{len(to_ready)} merges by Ctrl+Return ({merged['n']} merged), as {login}")
    if to_ready:
        print(
            "Ctrl+Return -> next group ready: median "
            f"{_ms(statistics.median(to_ready))}, max {_ms(max(to_ready))}; "
            "all: " + " ".join(f"{t * 1000:.0f}" for t in to_ready)
        )
        print(
            "Ctrl+Return -> queue up to date: median "
            f"{_ms(statistics.median(to_settled))}, max {_ms(max(to_settled))}"
        )
    gaps.sort(reverse=True)
    print("longest UI stalls: " + ", ".join(_ms(g) for g in gaps[:5]))
    print(f"queue model resets during the loop: {resets['n']}")
    window.close()
    runner.cancel_all()
    runner.wait()
    ws.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--merges", type=int, default=20)
    parser.add_argument("--login", default="supervisor")
    parser.add_argument("--profile", action="store_true", help="profile the UI thread")
    args = parser.parse_args()
    path = scratch_copy(ensure_demo(args.leads, args.seed))
    try:
        run(path, args.merges, args.login, args.profile)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
