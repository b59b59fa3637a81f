"""``deskdup demo``: write the demo workspace (Russian, with duplicates) into a database."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from deskdup.services.demo import (
    clear_workspace,
    generate_demo,
    is_demo_workspace,
    team_history_count,
    workspace_is_empty,
)
from deskdup.services.errors import KnownError
from deskdup.services.paths import demo_db_path
from deskdup.services.workspace import open_workspace

# Below this a run takes about a second: a bar would only flicker.
BAR_THRESHOLD = 50_000


class ProgressBar:
    """A one-line textual bar on stderr, redrawn in place at most ten times a second."""

    def __init__(self, label: str, *, stream: TextIO | None = None, enabled: bool = True):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self._last = 0.0
        self._drawn = False

    @classmethod
    def for_total(cls, label: str, total: int | None) -> ProgressBar:
        stream = sys.stderr
        interactive = hasattr(stream, "isatty") and stream.isatty()
        return cls(label, stream=stream, enabled=interactive or (total or 0) >= BAR_THRESHOLD)

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        fraction = min(1.0, done / total) if total else 0.0
        width = 30
        filled = int(fraction * width)
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {fraction:4.0%} {done}/{total}")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="write the demo workspace: Russian leads from several channels, with duplicates",
        description=(
            "Write a realistic, deterministic demo dataset (operators, leads from Telegram, "
            "WhatsApp, Avito, the website, calls and e-mail, contacts, deals) into a workspace. "
            "The workspace must be empty unless --force is given."
        ),
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="workspace URL or SQLite file (default: the demo database in the user data folder)",
    )
    parser.add_argument("--leads", type=int, default=5000, help="number of leads (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="delete everything in a non-empty workspace first (refused when a workspace "
        "that is not a demo holds merge history)",
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    if args.leads < 1:
        raise KnownError("--leads must be at least 1.")
    url = args.db or str(demo_db_path())
    ws = open_workspace(url)
    try:
        if not workspace_is_empty(ws):
            if not args.force:
                raise KnownError(
                    f"The workspace {ws.display_url} already holds data; the demo is written "
                    "only into an empty workspace. Choose another --db, or add --force to "
                    "delete everything in it first."
                )
            history = team_history_count(ws)
            if history and not is_demo_workspace(ws):
                # --force is for replacing a demo; a team's merges and dismissals
                # cannot be brought back once the rows are gone.
                raise KnownError(
                    f"The workspace {ws.display_url} is not a demo workspace and holds merge "
                    f"history ({history} merges and 'not duplicates' marks); deskdup demo "
                    "--force deletes only demo workspaces. Write the demo into another --db."
                )
            clear_workspace(ws)
            print(f"Cleared {ws.display_url}.", file=sys.stderr)
        bar = ProgressBar.for_total("demo", args.leads)
        try:
            stats = generate_demo(ws, leads=args.leads, seed=args.seed, progress=bar)
        finally:
            bar.finish()
    finally:
        ws.dispose()
    print(f"Demo workspace written to {ws.display_url} (seed {args.seed}):")
    for line in stats.lines():
        print(f"  {line}")
    rate = stats.leads / stats.seconds if stats.seconds else 0
    print(f"  {stats.seconds:.1f} s, {rate:,.0f} leads/s")
    print("Sign in as: supervisor, operator, trainee, ivanova, sokolov, morozova.")
    return 0
