"""Kept candidates and search names (issue 14): how fast the window's queue is
ready and a cold ``deskdup lookup`` answers, and what a partial rescan costs.

```
uv run python benchmarks/bench_store.py --path benchmarks/out/indep-100000-seed1.sqlite
uv run python benchmarks/bench_store.py --leads 100000          # the demo workspace
```

On a scratch copy of the workspace, each step in a fresh process (cold: no
index in memory, peak memory its own):

- **full**: ``store.open_index`` with nothing kept: the full scan, then every
  pair, lead version and search name written (``save_all``), and the index's
  snapshot (``snapshot.py``, in the user's cache folder);
- **queue**: ``store.kept_result`` (the queue from the kept pairs) plus the
  queue's rows as the window makes them (``queue_rows``: names and rights,
  the cyclic garbage collector off as the window has it): what the window
  waits for before the first group shows;
- **resume**: ``open_index`` with everything kept and nothing changed (the
  index the window builds in the background after showing the queue: read
  back from the snapshot);
- **change**: 1 % of the leads changed in SQL (status, ``updated_at``, version:
  what an edit does), then ``kept_result`` (their pairs left out) and
  ``open_index`` (the snapshot, only they read and rescored), as a share of a
  fresh full build in the same process (wall and CPU), and whether its pairs
  equal that build's;
- **lookup**: ``deskdup lookup`` as a new process for names (some with two
  letters swapped), handles and phones: the command's own time (printed on
  stderr) and the whole process.  The processes may write their bytecode
  (``PYTHONDONTWRITEBYTECODE``, which this environment sets, is dropped for
  them, and one lookup runs first): an installed deskdup has it, and without
  it every process compiles SQLAlchemy anew.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_demo, scratch_copy

# The workspaces a step opened: closed when it ends, so no step leaves a
# ``-wal`` file beside the workspace (a copy made over it later would be read
# with that file: "database disk image is malformed").
_OPENED: list = []


def _opened(ws):
    _OPENED.append(ws)
    return ws


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_full(path: Path) -> dict:
    from deskdup.services.matching import MatchSettings
    from deskdup.services.matching.snapshot import snapshot_path
    from deskdup.services.matching.store import open_index
    from deskdup.services.workspace import open_workspace

    ws = _opened(open_workspace(str(path)))
    snapshot_path(ws).unlink(missing_ok=True)  # a first start: nothing kept anywhere
    started, cpu = time.perf_counter(), time.process_time()
    index = open_index(ws, MatchSettings())
    total = time.perf_counter() - started
    return {
        "seconds": total,
        "cpu_seconds": time.process_time() - cpu,
        "build_seconds": index.build_seconds,
        "save_seconds": total - index.build_seconds,
        "pairs": len(index.pairs),
        "leads": len(index.leads),
        "peak_mb": _peak_mb(),
    }


def step_queue(path: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from deskdup.services.matching import MatchSettings, quiet_gc
    from deskdup.services.matching.store import kept_result
    from deskdup.services.operators import add_operator, workspace_operators
    from deskdup.services.workspace import open_workspace
    from deskdup.views.queue_feed import queue_rows

    ws = _opened(open_workspace(str(path)))
    if not workspace_operators(ws):  # an imported workspace: someone must sign in
        with ws.session() as s:
            add_operator(s, "bench", "Bench")
    ws.dispose()
    started, cpu = time.perf_counter(), time.process_time()
    ws = _opened(open_workspace(str(path)))
    opened = time.perf_counter()
    # As the window does (``QueueFeed.start_scan``): no cyclic collection
    # while the queue's objects are made.
    with quiet_gc(freeze=True):
        result = kept_result(ws, MatchSettings())
        kept = time.perf_counter()
        operator = workspace_operators(ws)[0]
        rows = queue_rows(ws, operator, result)
    done = time.perf_counter()
    return {
        "ready_cpu_seconds": time.process_time() - cpu,
        "open_seconds": opened - started,
        "kept_result_seconds": kept - opened,
        "rows_seconds": done - kept,
        "ready_seconds": done - started,
        "groups": len(result.groups),
        "rows": len(rows),
        "peak_mb": _peak_mb(),
    }


def step_resume(path: Path) -> dict:
    from deskdup.services.matching import MatchSettings
    from deskdup.services.matching.store import open_index
    from deskdup.services.workspace import open_workspace

    ws = _opened(open_workspace(str(path)))
    started, cpu = time.perf_counter(), time.process_time()
    index = open_index(ws, MatchSettings())
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu,
        "from_snapshot": getattr(index, "snapshot_changes", None) is not None,
        "rescored": len(index.touched),
        "pairs": len(index.pairs),
        "peak_mb": _peak_mb(),
    }


def step_change(path: Path) -> dict:
    from sqlalchemy import select, update

    from deskdup.models import Lead
    from deskdup.services.matching import MatchIndex, MatchSettings
    from deskdup.services.matching.load import _ACTIVE
    from deskdup.services.matching.store import kept_result, open_index
    from deskdup.services.workspace import open_workspace

    ws = _opened(open_workspace(str(path)))
    with ws.session() as s:
        ids = sorted(s.scalars(select(Lead.id).where(_ACTIVE)))
        newest = s.scalar(select(Lead.created_at).order_by(Lead.created_at.desc()).limit(1))
        changed = random.Random(7).sample(ids, max(1, len(ids) // 100))
        stamp = newest + timedelta(days=400)
        for start in range(0, len(changed), 500):
            part = changed[start : start + 500]
            s.execute(
                update(Lead)
                .where(Lead.id.in_(part))
                .values(status="in_process", updated_at=stamp, version=Lead.version + 1)
                .execution_options(synchronize_session=False)
            )
    started = time.perf_counter()
    result = kept_result(ws, MatchSettings())
    quick = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    index = open_index(ws, MatchSettings())
    resumed, resumed_cpu = time.perf_counter() - started, time.process_time() - cpu
    cpu = time.process_time()
    fresh = MatchIndex.build(ws, MatchSettings())
    full_cpu = time.process_time() - cpu
    same = {p.key: (p.score, p.reasons) for p in index.pairs.values()} == {
        p.key: (p.score, p.reasons) for p in fresh.pairs.values()
    }
    return {
        "changed": len(changed),
        "kept_result_seconds": quick,
        "kept_groups": len(result.groups),
        "resume_seconds": resumed,
        "resume_cpu_seconds": resumed_cpu,
        "from_snapshot": getattr(index, "snapshot_changes", None) is not None,
        "rescored": len(index.touched),
        "full_build_seconds": fresh.build_seconds,
        "full_build_cpu_seconds": full_cpu,
        "share_of_full_wall": resumed / fresh.build_seconds,
        "share_of_full_cpu": resumed_cpu / full_cpu,
        "equals_full": same,
    }


def lookup_queries(path: Path, count: int) -> tuple[list[tuple[str, str, int]], dict[int, str]]:
    """(kind, text, the lead meant) of ``count`` queries, a kind in turn, and
    every lead's label: what an operator types to find a lead sampled at random
    (``bench_lookup.py`` runs the same ones warm)."""
    from deskdup.services.matching import MatchIndex, MatchSettings
    from deskdup.services.workspace import open_workspace

    ws = _opened(open_workspace(str(path)))
    index = MatchIndex(MatchSettings())
    # The records only (no scoring): what to type.
    from sqlalchemy import select

    from deskdup.services.matching.load import _ACTIVE, _LEAD_COLUMNS, _fill, _make_lead, _raw

    with ws.engine.connect() as conn:
        for row in _raw(conn, select(*_LEAD_COLUMNS).where(_ACTIVE)):
            rec = _make_lead(row)
            index.leads[rec.id] = rec
        _fill(conn, index.leads, "RU", None, lambda: None)
    ws.dispose()
    rng = random.Random(11)
    recs = rng.sample(
        sorted(index.leads.values(), key=lambda r: r.id),
        min(2000 * max(1, count // 25), len(index.leads)),
    )
    queries: list[tuple[str, str, int]] = []
    for rec in recs:
        kind = ("name", "typo", "surname", "handle", "phone")[len(queries) % 5]
        surname = next((w for w in rec.name.surname_words), "")
        first = next((w for w in rec.name.first_words), "")
        if kind == "name" and surname and first:
            queries.append((kind, f"{surname.title()} {first.title()}", rec.id))
        elif kind == "typo" and len(surname) >= 6:
            i = rng.randrange(1, len(surname) - 2)
            typo = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2 :]
            queries.append((kind, f"{typo.title()} {first.title()}".strip(), rec.id))
        elif kind == "surname" and surname:
            queries.append((kind, surname.title(), rec.id))
        elif kind == "handle" and rec.handles:
            queries.append((kind, "@" + rec.handles[0][1], rec.id))
        elif kind == "phone" and rec.phones:
            d = rec.phones[0][2:]
            queries.append((kind, f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}", rec.id))
        if len(queries) >= count:
            break
    return queries, {rec.id: rec.label for rec in index.leads.values()}


def step_lookup(path: Path, count: int) -> dict:
    queries, label_of = lookup_queries(path, count)
    own: dict[str, list[float]] = {}
    wall: dict[str, list[float]] = {}
    found: dict[str, list[int]] = {}
    cpu: dict[str, list[float]] = {}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "deskdup", "lookup", "--db", str(path)]
    subprocess.run([*command, queries[0][1]], capture_output=True, check=False, env=env)
    for kind, text, lead_id in queries:
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(
            [*command, text, "--format", "jsonl"],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        wall.setdefault(kind, []).append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.setdefault(kind, []).append(
            after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        )
        match = re.search(r"in ([0-9.]+) s", proc.stderr)
        own.setdefault(kind, []).append(float(match.group(1)) if match else float("nan"))
        hits = [json.loads(line)["lead"] for line in proc.stdout.splitlines()]
        wanted = label_of[lead_id]
        rank = hits.index(wanted) + 1 if wanted in hits else 0
        found.setdefault(kind, []).append(rank)
    out = {}
    for kind in own:
        ranks = found[kind]
        out[kind] = {
            "n": len(ranks),
            "own_ms_median": statistics.median(own[kind]) * 1000,
            "own_ms_max": max(own[kind]) * 1000,
            "process_s_median": statistics.median(wall[kind]),
            "process_cpu_s_median": statistics.median(cpu[kind]),
            "found_in_20": sum(1 for r in ranks if r) / len(ranks),
            "first": sum(1 for r in ranks if r == 1) / len(ranks),
        }
    return out


STEPS = {"full": step_full, "queue": step_queue, "resume": step_resume, "change": step_change}


def run(step: str, path: Path, extra: list[str] | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", step, "--path", str(path), *(extra or [])]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{step} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", type=Path, help="a workspace file (default: the demo)")
    parser.add_argument("--leads", type=int, default=100_000, help="demo size without --path")
    parser.add_argument("--lookups", type=int, default=25, help="cold lookups (processes)")
    parser.add_argument("--steps", default="full,queue,resume,change,lookup")
    parser.add_argument(
        "--in-place", action="store_true", help="work on --path itself (a copy made before)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "lookup":
            print(json.dumps(step_lookup(args.path, args.lookups)))
        else:
            print(json.dumps(STEPS[args.child](args.path)))
        for ws in _OPENED:
            ws.dispose()
        return 0
    source = args.path or ensure_demo(args.leads)
    copy = source if args.in_place else scratch_copy(source)
    print(f"{source.name} (copy {copy})")
    for step in args.steps.split(","):
        extra = ["--lookups", str(args.lookups)] if step == "lookup" else []
        print(step, json.dumps(run(step, copy, extra), indent=1), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
