"""The lead list at scale: load, sort, search and filter on the UI thread.

```
uv run python benchmarks/bench_lead_list.py --leads 100000
```

Reads every open lead of the cached demo workspace (``load_lead_rows``, the
worker's part), then, in an offscreen ``LeadListView`` of 1366x768 with three
leads selected, times on the UI thread: handing the rows to the model until
the table is painted, sorting by name (both ways) and by creation time, a
search showing 1,000 hits and back, and the "has duplicates" filter.  Each
step reports whether the selected leads are still selected (where visible).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import ensure_demo


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for each UI step")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from deskdup.services.lead_rows import load_lead_rows
    from deskdup.services.workspace import open_workspace
    from deskdup.views.lead_list import LeadListView
    from deskdup.views.lead_model import Column

    path = ensure_demo(args.leads)
    ws = open_workspace(str(path))
    started = time.perf_counter()
    rows = load_lead_rows(ws)
    print(f"load_lead_rows: {len(rows)} rows in {_ms(time.perf_counter() - started)} (worker)")
    ws.dispose()

    app = QApplication.instance() or QApplication([])
    view = LeadListView()
    view.resize(1366, 768)
    view.show()
    app.processEvents()

    def timed(step) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            step()
            view.table.viewport().repaint()
            app.processEvents()
            best = min(best, time.perf_counter() - started)
        return best

    print(f"set_rows + paint: {_ms(timed(lambda: view.set_rows(rows)))}")
    model = view.model
    print(f"rows in the table: {model.rowCount()} of {len(rows)}")
    chosen = [model.row_at(r).id for r in (0, 1, 5)]
    view.select_ids(chosen)

    def kept() -> str:
        visible = {model.row_at(r).id for r in range(model.matching)}
        wanted = sorted(i for i in chosen if i in visible)
        return "kept" if sorted(view.selected_ids()) == wanted else "LOST"

    for label, column, order in (
        ("name A-Z", Column.NAME, Qt.SortOrder.AscendingOrder),
        ("name Z-A", Column.NAME, Qt.SortOrder.DescendingOrder),
        ("created", Column.CREATED, Qt.SortOrder.DescendingOrder),
    ):
        spent = timed(lambda c=column, o=order: view.table.sortByColumn(c, o))
        print(f"sort by {label}: {_ms(spent)}, selection {kept()}")
    hits = {row.id: "bench" for row in rows[:1000:1]}
    hits.update({i: "bench" for i in chosen})
    print(
        f"search, 1,000 hits: {_ms(timed(lambda: model.set_search_hits(hits)))}, selection {kept()}"
    )
    print(f"search cleared: {_ms(timed(lambda: model.set_search_hits(None)))}, selection {kept()}")
    model.set_duplicate_ids({r.id for r in rows[::3]} | set(chosen))

    def toggle() -> None:
        model.set_duplicates_only(True)
        model.set_duplicates_only(False)

    print(f"has duplicates on and off: {_ms(timed(toggle))}, selection {kept()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
