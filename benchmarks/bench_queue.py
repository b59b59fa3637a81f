"""Review queue at scale: the rights column, the rows, and the longest UI stall.

```
uv run python benchmarks/bench_queue.py --leads 100000
uv run python benchmarks/bench_queue.py --leads 100000 --skip-window   # worker side only
```

Worker side (no window): after one scan, the time of
``load_queue_facts`` (names, owners, policy), of ``GroupRights.lock`` over
every group (the lock column) for ``operator``, ``trainee`` and ``supervisor``,
and of ``build_rows`` without and with names and rights.

Window side (offscreen Qt): a ``MainWindow`` on the workspace starts as the
program does (scan, queue, lead list) while a 5 ms timer on the UI thread
records the gaps between its ticks; the longest gap is the longest time the
window did not answer.  Then the UI-thread cost of toggling "Only groups I can
merge" and of sorting by the lock column.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_demo


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def worker_side(path: Path) -> None:
    from deskdup.services.lead_rows import GroupRights, load_queue_facts
    from deskdup.services.matching import MatchIndex
    from deskdup.services.operators import workspace_operator
    from deskdup.services.workspace import open_workspace
    from deskdup.views.queue_rows import build_rows

    ws = open_workspace(str(path))
    started = time.perf_counter()
    result = MatchIndex.build(ws).result()
    print(f"scan: {time.perf_counter() - started:.1f} s, {len(result.groups)} groups")
    ids = {i for g in result.groups for i in g.lead_ids}
    started = time.perf_counter()
    facts = load_queue_facts(ws, ids)
    print(f"load_queue_facts ({len(ids)} leads in groups): {_ms(time.perf_counter() - started)}")
    for login in ("operator", "trainee", "supervisor"):
        operator = workspace_operator(ws, login)
        rights = GroupRights(operator, facts.owners, facts.policy)
        started = time.perf_counter()
        locks = []
        for group in result.groups:
            cards = [
                rights.card(i, result.summaries[i].label, result.summaries[i].owner_id)
                for i in group.lead_ids
            ]
            lock = rights.lock(cards)
            if lock is not None:
                locks.append(lock)
        took = time.perf_counter() - started
        started = time.perf_counter()
        for lock in locks:
            lock.refusals()
        worded = time.perf_counter() - started
        print(
            f"rights column, {login}: {_ms(took)} ({len(locks)} of {len(result.groups)} "
            f"locked); wording every refusal (done per tooltip instead): {_ms(worded)}"
        )
    started = time.perf_counter()
    build_rows(result.groups, result.summaries)
    print(f"build_rows without names and rights: {_ms(time.perf_counter() - started)}")
    operator = workspace_operator(ws, "operator")
    started = time.perf_counter()
    build_rows(
        result.groups,
        result.summaries,
        facts.names,
        GroupRights(operator, facts.owners, facts.policy),
    )
    print(f"build_rows with names and rights (operator): {_ms(time.perf_counter() - started)}")
    ws.dispose()


def window_side(path: Path, login: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DESKDUP_DATA_DIR"] = tempfile.mkdtemp(prefix="deskdup-bench-")
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from deskdup.services.operators import workspace_operator
    from deskdup.services.workspace import open_workspace
    from deskdup.views.context import AppContext
    from deskdup.views.main_window import MainWindow
    from deskdup.views.operations import OperationRunner
    from deskdup.views.queue_model import Column
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
    window.resize(1600, 1000)
    window.show()

    gaps: list[float] = []
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def tick() -> None:
        gaps.append(clock.restart() / 1000.0)

    heartbeat.timeout.connect(tick)
    done = {"scan": False, "leads": False}
    window.scan_finished.connect(lambda: done.__setitem__("scan", True))
    window.leads_loaded.connect(lambda: done.__setitem__("leads", True))
    started = time.perf_counter()
    clock.start()
    heartbeat.start()
    window.start()
    while not all(done.values()):
        app.processEvents()
        time.sleep(0.001)
    # A little longer: the first paint of the filled queue and lead list.
    until = time.perf_counter() + 0.5
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.001)
    heartbeat.stop()
    total = time.perf_counter() - started
    gaps.sort(reverse=True)
    queue = window.queue
    print(
        f"window as {login}: ready in {total:.1f} s, {queue.model.rowCount()} groups "
        f"({queue.model.locked_count()} locked, {queue.visible_count()} shown)"
    )
    print("longest UI stalls: " + ", ".join(_ms(g) for g in gaps[:5]))
    for label, action in (
        ("toggle 'Only groups I can merge' off", lambda: queue.mergeable_only.setChecked(False)),
        ("toggle it on", lambda: queue.mergeable_only.setChecked(True)),
        (
            "sort by the lock",
            lambda: queue.table.sortByColumn(Column.LOCK, Qt.SortOrder.AscendingOrder),
        ),
        (
            "sort by score",
            lambda: queue.table.sortByColumn(Column.SCORE, Qt.SortOrder.DescendingOrder),
        ),
    ):
        started = time.perf_counter()
        action()
        app.processEvents()
        print(f"{label}: {_ms(time.perf_counter() - started)} on the UI thread")
    window.close()
    runner.cancel_all()
    runner.wait()
    ws.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--login", default="operator")
    parser.add_argument("--skip-window", action="store_true")
    parser.add_argument("--skip-worker", action="store_true")
    args = parser.parse_args()
    path = ensure_demo(args.leads, args.seed)
    if not args.skip_worker:
        worker_side(path)
    if not args.skip_window:
        window_side(path, args.login)
    return 0


if __name__ == "__main__":
    sys.exit(main())
