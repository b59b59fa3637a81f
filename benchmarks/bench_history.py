"""How long the History tab takes to open and to filter with 100,000 events.

On a copy of the cached demo workspace: a few dozen real merges and
dismissals (real snapshots), then copies of them up to ``--events`` events,
spread over half a year and the demo's operators (bulk-inserted with their
``event_leads`` rows, as ``record_event`` writes them).  Then measures:

* service: ``count_events`` + the first page (what opening does), and the
  same with filters (operator + last 7 days; a lead's name; a phone; a kind),
  and a page deep in the list (scrolling);
* window: the History tab in an offscreen Qt application, from ``start()``
  to the first page shown, and from choosing an operator and a date to the
  filtered first page shown (worker thread, signals and all).

Prints the median and max in ms.  Run:

    uv run python benchmarks/bench_history.py [--events 100000] [--leads 5000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select

from benchmarks.common import ensure_demo, scratch_copy
from deskdup.models import EventKind, EventLead, MergeEvent, Operator
from deskdup.services.history import HistoryFilter, count_events, load_page
from deskdup.services.matching import scan_workspace
from deskdup.services.merge import apply_merge, dismiss, utcnow
from deskdup.services.merge_plan import build_plan
from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace


def _ms(values: list[float]) -> str:
    median, top = statistics.median(values), max(values)
    return f"median {median:7.1f} ms   max {top:7.1f} ms   (n={len(values)})"


def _time(fn, repeat: int = 5) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def build_history(ws, events: int, seed: int) -> None:
    rng = random.Random(seed)
    boss = workspace_operator(ws, "supervisor")
    groups = scan_workspace(ws).groups
    made = 0
    for group in groups[:60]:
        with ws.session() as s:
            plan = build_plan(s, group.lead_ids)
        try:
            apply_merge(ws, plan, boss.id)
            made += 1
        except Exception:  # a group overlapping a merged one: skip it
            continue
    for group in groups[60:80]:
        try:
            dismiss(ws, group.lead_ids, boss.id, "разные люди")
        except Exception:
            continue
    with ws.session() as s:
        templates = list(s.scalars(select(MergeEvent)))
        links: dict[int, list[EventLead]] = {}
        for link in s.scalars(select(EventLead)):
            links.setdefault(link.event_id, []).append(link)
        operators = list(s.scalars(select(Operator.id)))
        next_id = (s.scalar(select(func.max(MergeEvent.id))) or 0) + 1
    now = utcnow()
    todo = events - len(templates)
    batch = 5000
    with ws.engine.begin() as conn:
        for start in range(0, todo, batch):
            event_rows, link_rows = [], []
            for n in range(start, min(todo, start + batch)):
                t = rng.choice(templates)
                event_id = next_id + n
                event_rows.append(
                    {
                        "id": event_id,
                        "kind": t.kind.value,
                        "operator_id": rng.choice(operators),
                        "created_at": now - timedelta(minutes=rng.randint(0, 180 * 24 * 60)),
                        "primary_id": t.primary_id,
                        "other_ids": t.other_ids,
                        "choices": t.choices,
                        "snapshot": t.snapshot,
                        "summary": t.summary,
                    }
                )
                for link in links.get(t.id, []):
                    link_rows.append(
                        {
                            "event_id": event_id,
                            "role": link.role,
                            "record_id": link.record_id,
                            "label": link.label,
                            "search": link.search,
                        }
                    )
            conn.execute(insert(MergeEvent.__table__), event_rows)
            conn.execute(insert(EventLead.__table__), link_rows)
    print(f"history: {made} real merges, {len(templates)} real events, {events} in all")


def bench_service(ws) -> None:
    boss = workspace_operator(ws, "supervisor")
    anna = workspace_operator(ws, "operator")
    week = utcnow() - timedelta(days=7)
    with ws.session() as s:
        some = s.scalars(select(EventLead).where(EventLead.role == "primary").limit(1)).one()
        name = some.search.split()[-1]
        phone = s.execute(
            select(func.min(MergeEvent.snapshot)).where(MergeEvent.kind == EventKind.MERGE_LEADS)
        ).scalar()
    phones = [
        c["raw_value"] for c in (phone or {}).get("communications", []) if c.get("kind") == "phone"
    ]

    def open_(flt=None, viewer=boss):
        flt = flt or HistoryFilter()
        return lambda: (count_events(ws, viewer, flt), load_page(ws, viewer, flt, 0, 200))

    cases = [
        ("open (supervisor, everything)", open_()),
        ("open (operator: own events)", open_(viewer=anna)),
        (
            "filter operator + last 7 days",
            open_(HistoryFilter(operator_ids=(anna.id,), since=week)),
        ),
        ("filter kind = dismiss", open_(HistoryFilter(kinds=(EventKind.DISMISS,)))),
        (f"filter lead name '{name}'", open_(HistoryFilter(record=name))),
    ]
    if phones:
        cases.append((f"filter phone '{phones[0]}'", open_(HistoryFilter(record=phones[0]))))
    cases.append(("page at offset 50,000", lambda: load_page(ws, boss, HistoryFilter(), 50_000)))
    cases.append(
        ("sort by operator, first page", open_(HistoryFilter(sort="operator", descending=False)))
    )
    for label, fn in cases:
        print(f"  {label:40s} {_ms(_time(fn))}")


def bench_window(ws) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from deskdup.views.context import AppContext
    from deskdup.views.history import HistoryTab
    from deskdup.views.operations import OperationRunner
    from deskdup.views.settings import Settings

    app = QApplication.instance() or QApplication([])
    runner = OperationRunner()
    import tempfile

    context = AppContext(
        workspace=ws,
        operator=workspace_operator(ws, "supervisor"),
        settings=Settings(Path(tempfile.mkdtemp()) / "s.ini"),
        ops=runner,
    )

    def wait(condition) -> float:
        started = time.perf_counter()
        while not condition():
            app.processEvents()
            time.sleep(0.001)
        return (time.perf_counter() - started) * 1000

    opens, filters = [], []
    anna = workspace_operator(ws, "operator").id
    for _ in range(5):
        tab = HistoryTab(context)
        tab.resize(1366, 700)
        tab.show()
        model = tab.model
        generation = model._generation
        started = time.perf_counter()
        tab.start()
        wait(lambda m=model, g=generation: m._generation > g and not m.loading and bool(m.rows))
        opens.append((time.perf_counter() - started) * 1000)
        wait(lambda t=tab: t.operator_box.count() > 1)
        started = time.perf_counter()
        tab.set_operator(anna)
        tab.since_edit.setDate(QDate.currentDate().addDays(-7))
        wait(lambda m=model: not m.loading and m.filter.since is not None)
        filters.append((time.perf_counter() - started) * 1000)
        tab.close()
        tab.deleteLater()
        app.processEvents()
    runner.cancel_all()
    runner.wait()
    print(f"  {'window: open the History tab':40s} {_ms(opens)}")
    print(f"  {'window: operator + date filter':40s} {_ms(filters)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--leads", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    path = scratch_copy(ensure_demo(args.leads, args.seed))
    ws = open_workspace(str(path))
    try:
        started = time.perf_counter()
        build_history(ws, args.events, args.seed)
        print(f"  built in {time.perf_counter() - started:.0f} s")
        bench_service(ws)
        bench_window(ws)
    finally:
        ws.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
