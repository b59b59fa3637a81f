"""How long the operator waits for a group to open in the comparison view.

Builds a demo workspace, takes groups of 2 to 6 leads of one person from the
demo's ground truth, and measures for each group

* plan: ``load_group`` (build the merge plan, check the rights) on the UI
  thread, as the worker does it;
* render: ``CompareView`` turning the plan into widgets until they are laid out;
* open: ``show_group`` to ``group_loaded`` through the real background helper.

Prints the median and 90th percentile in ms.  Run:

    uv run python benchmarks/bench_compare.py [--leads 5000] [--groups 100]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from deskdup.models import DemoTruth, Lead
from deskdup.services.demo import generate_demo
from deskdup.services.operators import find_operator
from deskdup.services.review import load_group
from deskdup.services.workspace import open_workspace
from deskdup.views import gc_guard
from deskdup.views.compare import CompareView
from deskdup.views.context import AppContext
from deskdup.views.operations import OperationRunner
from deskdup.views.settings import Settings


def groups_of_one_person(ws, limit: int) -> list[list[int]]:
    with ws.session() as s:
        rows = s.execute(
            select(DemoTruth.person_id, func.count())
            .join(Lead, Lead.id == DemoTruth.lead_id)
            .where(Lead.archived.is_(False))
            .group_by(DemoTruth.person_id)
            .having(func.count() >= 2)
            .order_by(func.count().desc(), DemoTruth.person_id)
        ).all()
        groups = []
        for person_id, _n in rows[:limit]:
            ids = s.scalars(
                select(DemoTruth.lead_id).where(DemoTruth.person_id == person_id).limit(6)
            ).all()
            groups.append(sorted(ids))
    return groups


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def wait_for(signal, timeout_ms: int = 30000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=5000)
    parser.add_argument("--groups", type=int, default=100)
    args = parser.parse_args()

    # Settings go to a throwaway folder too (removed with the database).
    folder = Path(tempfile.mkdtemp(prefix="deskdup-bench-"))
    os.environ.setdefault("DESKDUP_DATA_DIR", str(folder / "data"))
    app = QApplication(sys.argv[:1])
    gc_guard.install(app)  # as the app does: no garbage collection on the worker thread
    ws = open_workspace(str(folder / "bench.sqlite"))
    started = time.perf_counter()
    generate_demo(ws, leads=args.leads)
    print(f"demo workspace: {args.leads} leads in {time.perf_counter() - started:.1f} s")
    with ws.session() as s:
        operator = find_operator(s, "supervisor")
    context = AppContext(
        workspace=ws, operator=operator, settings=Settings(), ops=OperationRunner()
    )
    groups = groups_of_one_person(ws, args.groups)
    sizes = [len(g) for g in groups]
    print(f"groups: {len(groups)}, leads per group {min(sizes)}..{max(sizes)}")

    view = CompareView(context)
    view.resize(1280, 820)
    view.show()
    app.processEvents()

    plan_ms: list[float] = []
    render_ms: list[float] = []
    open_ms: list[float] = []
    for ids in groups:
        t0 = time.perf_counter()
        loaded = load_group(context.workspace, context.operator, ids)
        t1 = time.perf_counter()
        view._lead_ids = tuple(ids)
        view._on_loaded(view._request, loaded)
        view.scroll.widget().adjustSize()
        app.processEvents()
        t2 = time.perf_counter()
        plan_ms.append((t1 - t0) * 1000)
        render_ms.append((t2 - t1) * 1000)

        t3 = time.perf_counter()
        view.show_group(ids)
        wait_for(view.group_loaded)
        app.processEvents()
        open_ms.append((time.perf_counter() - t3) * 1000)

    for name, values in (
        ("plan + rights", plan_ms),
        ("render", render_ms),
        ("open (show_group -> shown)", open_ms),
    ):
        print(
            f"{name:28s} median {statistics.median(values):6.1f} ms   "
            f"p90 {percentile(values, 0.9):6.1f} ms"
        )
    context.ops.wait()
    ws.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
