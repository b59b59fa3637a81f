"""Shared by the benchmarks: cached demo workspaces under ``benchmarks/out/``.

A demo workspace of a given size and seed is generated once and reused; a
benchmark that changes data works on a copy.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def demo_path(leads: int, seed: int = 1) -> Path:
    return OUT / f"demo-{leads}-seed{seed}.sqlite"


def ensure_demo(leads: int, seed: int = 1, quiet: bool = False) -> Path:
    """The cached demo workspace with ``leads`` leads, generated when missing."""
    from deskdup.services.demo import generate_demo
    from deskdup.services.workspace import open_workspace

    path = demo_path(leads, seed)
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    if not quiet:
        print(f"generating {leads} demo leads into {path.name} ...", file=sys.stderr)
    started = time.perf_counter()
    ws = open_workspace(str(partial))
    try:
        generate_demo(ws, leads=leads, seed=seed)
        with ws.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ws.dispose()
    os.replace(partial, path)
    if not quiet:
        print(f"  done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def scratch_copy(path: Path) -> Path:
    """A throw-away copy of a workspace file, for benchmarks that write."""
    folder = Path(tempfile.mkdtemp(prefix="deskdup-bench-"))
    target = folder / path.name
    shutil.copyfile(path, target)
    return target
