"""``deskdup scan`` from the kept candidates (``services/kept_scan.py``), the
whole command as a new process each step, on a scratch copy:

- **cold**: nothing kept: the build, and what it found kept;
- **again**: nothing changed: the kept pairs printed;
- **fresh**: ``--fresh`` (the one-shot build, nothing read or kept);
- **window**: what a window does next (``kept_queue``, then ``open_index``:
  its index from the kept pairs, and the snapshot it writes);
- **changed**: 1 % of the leads changed in SQL (a new phone for half of them,
  a first name for the other half, version and ``updated_at`` moved), then
  a scan (from the window's snapshot, as the window left it);
- **fresh-after**: ``--fresh`` again, and how many of its pairs the scan
  after the change printed with the same score and reasons.

```
uv run python benchmarks/bench_scan_kept.py --path benchmarks/out/indep-100000-seed1.sqlite
```

Wall, CPU (this process's children: the command and its forked workers) and
peak memory of each step; the outputs of cold, again and fresh compared byte
for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import scratch_copy

CHANGE = """
UPDATE communications SET raw_value = '+7 955 ' || printf('%07d', lead_id),
    normalized = '+7955' || printf('%07d', lead_id)
  WHERE lead_id % 200 = 7 AND kind = 'phone';
UPDATE leads SET first_name = first_name || 'а' WHERE id % 200 = 107;
UPDATE leads SET version = version + 1, updated_at = datetime(updated_at, '+1 second')
  WHERE id % 100 = 7;
"""

WINDOW = """
import sys, time
from deskdup.services.workspace import open_workspace
from deskdup.services.matching import MatchSettings
from deskdup.services.kept_queue import kept_queue
from deskdup.services.matching.store import open_index
from deskdup.services.team_settings import team_match_settings
ws = open_workspace(sys.argv[1], create=False)
settings = team_match_settings(ws, MatchSettings())
c0 = time.process_time()
queue = kept_queue(ws, settings)
c1 = time.process_time()
index = open_index(ws, settings)
c2 = time.process_time()
print(f"first screen {c1 - c0:.2f} s CPU ({len(queue.result.groups) if queue else 0} groups);"
      f" index {c2 - c1:.2f} s CPU, {len(index.touched)} leads scored again")
"""


def _step(name: str, cmd: list[str], env: dict, out: Path) -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(out, "wb") as stream:
        proc = subprocess.run(cmd, stdout=stream, stderr=subprocess.PIPE, env=env, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    tail = proc.stderr.decode().strip().splitlines()[-1:] or [""]
    print(
        f"{name:12} {wall:7.2f} s wall {cpu:7.2f} s CPU  peak {after.ru_maxrss // 1024} MB"
        f" (so far)  rc {proc.returncode}  {tail[0]}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", type=Path, required=True, help="a workspace file")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    copy = scratch_copy(args.path)
    folder = Path(tempfile.mkdtemp(prefix="bench-scan-kept-"))
    env = {**os.environ, "DESKDUP_DATA_DIR": str(folder / "data")}
    scan = [sys.executable, "-m", "deskdup", "scan", "--db", str(copy), "--format", "jsonl"]
    scan += ["--workers", str(args.workers)]
    print(f"{args.path.name} (copy {copy}), load {os.getloadavg()[0]:.1f}")
    _step("cold", scan, env, folder / "cold.jsonl")
    _step("again", scan, env, folder / "again.jsonl")
    _step("fresh", [*scan, "--fresh"], env, folder / "fresh.jsonl")
    window = [sys.executable, "-c", WINDOW, str(copy)]
    _step("window", window, env, folder / "window.txt")
    print("  ", (folder / "window.txt").read_text().strip())
    with sqlite3.connect(copy) as conn:
        conn.executescript(CHANGE)
    _step("changed", scan, env, folder / "changed.jsonl")
    _step("fresh-after", [*scan, "--fresh"], env, folder / "after.jsonl")
    fresh = (folder / "fresh.jsonl").read_bytes()
    for name in ("cold", "again"):
        same = (folder / f"{name}.jsonl").read_bytes() == fresh
        print(f"{name} {'==' if same else 'DIFFERS from'} fresh")
    changed = {(x["a"], x["b"]): x for x in _lines(folder / "changed.jsonl")}
    after = {(x["a"], x["b"]): x for x in _lines(folder / "after.jsonl")}
    common = changed.keys() & after.keys()
    print(
        f"after the change: {len(changed)} pairs from the kept candidates, {len(after)} fresh, "
        f"{len(common)} in common, {sum(changed[k] == after[k] for k in common)} the same"
    )
    return 0


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


if __name__ == "__main__":
    raise SystemExit(main())
