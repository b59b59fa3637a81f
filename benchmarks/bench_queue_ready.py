"""The queue ready at a window's start (issue 14: "the queue is ready within
1.5 s of opening a 100k workspace"), measured in the real window.

```
uv run python benchmarks/bench_queue_ready.py --path benchmarks/out/indep-100000-seed1.sqlite
uv run python benchmarks/bench_queue_ready.py --leads 100000 --runs 2   # the demo workspace
```

Each run is a fresh process (nothing in memory; the kept candidates and the
index snapshot of an earlier window or ``bench_store.py``'s ``full`` step are
used, so make them current first: a run whose kept pairs are stale shows the
scan's time instead, and says so).  The process opens the workspace copy,
builds ``MainWindow`` (offscreen Qt, 1366x768) as the application does
(``show``, ``start``) and runs Qt's own event loop (no polling of its own
that would add CPU) until the index behind the queue is built.  The process's
CPU time (every thread) and wall time are taken at:

- **opened**: the workspace open (Python, Qt and deskdup imported before);
- **shown**: the window shown, before its first event;
- **first group**: the queue's table painted with a row in it and a group
  selected (what the operator sees first and can act on);
- **counted**: the number of groups final in the count (not "counting…");
- **compare**: the first group open in the comparison (its plan built);
- **index**: the index behind the queue built (``scan_finished``).

"queue ready" is *first group* minus *opened* in CPU seconds (the target:
1.5 s).  The machine's load average is printed with each run: on 2 shared
cores the wall times follow it, the CPU times much less.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_demo, scratch_copy  # noqa: E402


def _stamp() -> tuple[float, float]:
    return time.process_time(), time.perf_counter() - _STARTED


def child(path: Path, login: str, width: int, height: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from deskdup.services.operators import workspace_operator, workspace_operators
    from deskdup.services.workspace import open_workspace
    from deskdup.views.context import AppContext
    from deskdup.views.main_window import MainWindow
    from deskdup.views.operations import OperationRunner
    from deskdup.views.settings import Settings

    app = QApplication.instance() or QApplication([])
    marks: dict[str, tuple[float, float]] = {"imported": _stamp()}
    ws = open_workspace(str(path))
    marks["opened"] = _stamp()
    operator = workspace_operator(ws, login) if login else workspace_operators(ws)[0]
    runner = OperationRunner()
    settings_dir = Path(tempfile.mkdtemp(prefix="deskdup-ready-"))
    context = AppContext(
        workspace=ws,
        operator=operator,
        settings=Settings(settings_dir / "settings.ini"),
        ops=runner,
    )
    window = MainWindow(context)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.show()
    window.start()
    marks["shown"] = _stamp()
    queue, compare = window.queue, window.compare

    def selected() -> bool:
        return queue.visible_count() > 0 and queue.current_row() is not None

    class Painted(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and "first group" not in marks and selected():
                marks["first group"] = _stamp()
            return False

    painted = Painted()
    queue.table.viewport().installEventFilter(painted)
    counting = getattr(queue, "counting", lambda: False)

    def check() -> None:
        if "first group" in marks and "counted" not in marks and not counting():
            marks["counted"] = _stamp()
        row = queue.current_row()
        if (
            "compare" not in marks
            and row is not None
            and compare.plan is not None
            and tuple(compare.lead_ids) == tuple(row.lead_ids)
        ):
            marks["compare"] = _stamp()
        if "index" in marks and "counted" in marks and "compare" in marks:
            app.quit()

    def built() -> None:
        marks.setdefault("index", _stamp())
        check()

    window.scan_finished.connect(built)
    # Qt's loop runs; the check itself is a few attribute reads every 20 ms.
    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(check)
    ticker.start()
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    ticker.stop()
    rows = queue.model.rowCount()
    first = queue.current_row()
    out = {
        "groups": rows,
        "first_group": first.key if first else None,
        "count_text": queue.count.text(),
        "scan_groups": len(context.scan_result.groups) if context.scan_result else None,
        "marks": {k: {"cpu": round(c, 3), "wall": round(w, 3)} for k, (c, w) in marks.items()},
    }
    window.close()
    runner.cancel_all()
    runner.wait()
    ws.dispose()
    return out


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", type=Path, help="a workspace file (default: the demo)")
    parser.add_argument("--leads", type=int, default=100_000, help="demo size without --path")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--login", default="", help="the operator (default: the first)")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument(
        "--in-place", action="store_true", help="work on --path itself (a copy made before)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    if args.child:
        print(json.dumps(child(args.path, args.login, width, height)))
        return 0
    source = args.path or ensure_demo(args.leads)
    copy = source if args.in_place else scratch_copy(source)
    print(f"{source.name} (copy {copy})")
    for run in range(args.runs):
        load = _load()
        cmd = [sys.executable, __file__, "--child", "--path", str(copy), "--size", args.size]
        if args.login:
            cmd += ["--login", args.login]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit("the window's run failed")
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        marks = got["marks"]
        opened = marks["opened"]["cpu"]
        ready = marks.get("first group", {}).get("cpu")
        print(
            f"run {run + 1} (load {load} / {_load()}): {got['groups']} groups "
            f"({got['count_text']!r}); queue ready "
            + (f"{ready - opened:.2f} s CPU after opening" if ready is not None else "never")
        )
        for name, mark in marks.items():
            print(f"  {name:12} cpu {mark['cpu']:7.2f} s  wall {mark['wall']:7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
