"""Command line: ``deskdup`` opens the window, subcommands work headless.

Each subcommand lives in ``deskdup/commands/<name>.py`` and registers itself
with ``register(subparsers)``; its handler returns the exit code.  A
``KnownError`` becomes a message on stderr and exit code 2; anything else is a
bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import multiprocessing
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from deskdup import __version__

log = logging.getLogger("deskdup")

COMMAND_MODULES = (
    "init",
    "demo",
    "operator",
    "team",
    "import_file",
    "scan",
    "lookup",
    "merge",
    "sync",
    "history",
    "contacts",
)
# Each subcommand and the module that registers it: a command imports only its
# own module (``deskdup lookup`` need not load the Bitrix24 client, the importer
# or the demo), the others stand in as bare names.  ``deskdup --help`` and a
# command missing here load every module (tests/test_cli_wording.py checks
# that this table names what the modules register).
COMMANDS = {
    "init": "init",
    "demo": "demo",
    "operator": "operator",
    "team": "team",
    "import": "import_file",
    "scan": "scan",
    "lookup": "lookup",
    "merge": "merge",
    "dismiss": "merge",
    "undo": "merge",
    "sync": "sync",
    "history": "history",
    "undo-dismiss": "history",
    "contacts": "contacts",
    "bind": "contacts",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand; with ``only`` (a module of
    ``COMMAND_MODULES``), that module's commands in full and the others' names."""
    parser = argparse.ArgumentParser(
        prog="deskdup",
        description=(
            "Find duplicate CRM leads across channels, compare them side by side "
            "and merge them by hand. Without a command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"deskdup {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (a demo workspace in a temporary folder: scan, "
        "merge, undo, then the window, offscreen without a screen); exit 0 when it works",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on the built-in demo workspace (created on first use)",
    )
    parser.add_argument("--db", metavar="URL", help="open the window on this workspace")
    parser.add_argument(
        "--as", dest="login", metavar="LOGIN", help="sign in as this operator (window)"
    )
    parser.add_argument(
        "--lang", choices=("ru", "en"), help="interface language (default: settings, then system)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if only is None or name == only:
            importlib.import_module(f"deskdup.commands.{name}").register(subparsers)
        else:
            for command, module in COMMANDS.items():
                if module == name:
                    stand_in = subparsers.add_parser(command, add_help=False)
                    stand_in.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def _command_module(argv: list[str]) -> str | None:
    """The module of the subcommand named in ``argv`` (None: load them all)."""
    for token in argv:
        if token in ("-h", "--help"):
            return None
        if token in COMMANDS:
            return COMMANDS[token]
    return None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    words = sys.argv[1:] if argv is None else argv
    only = _command_module(words)
    args = build_parser(only).parse_args(argv)
    if only is not None and COMMANDS.get(args.command or "") != only:
        # The word taken for the command was an option's value: parse in full.
        args = build_parser().parse_args(argv)
    return args


@contextmanager
def database_errors() -> Iterator[None]:
    """``workspace.database_errors`` (busy, disk full, timeouts: words, not a
    traceback), without loading SQLAlchemy for a command that did not (a cold
    ``deskdup lookup``): only SQLAlchemy raises what it turns into words."""
    try:
        yield
    except Exception as exc:
        if "sqlalchemy" in sys.modules:
            from sqlalchemy.exc import DBAPIError

            from deskdup.services.workspace import known_database_error

            known = known_database_error(exc) if isinstance(exc, DBAPIError) else None
            if known is not None:
                raise known from exc
        raise


def main(argv: list[str] | None = None) -> int:
    # A desktop build started as the window's scanning process (``spawn``,
    # ``services/scan_apart.py``) runs that process's code here and ends.
    multiprocessing.freeze_support()
    if (sys.argv[1:] if argv is None else argv) == ["--version"]:
        # Before the subcommands are imported (SQLAlchemy, Alembic…): an installed
        # build answers at once.  argparse prints the same for it below.
        print(f"deskdup {__version__}")
        return 0
    args = parse_args(argv)
    from deskdup.services import credentials, logs
    from deskdup.services.errors import KnownError

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # The file the crash dialog points to (rotating, secrets scrubbed); stderr
    # keeps showing warnings only.
    for handler in logging.getLogger().handlers:
        if not isinstance(handler, logging.FileHandler) and handler.level == logging.NOTSET:
            handler.setLevel(logging.DEBUG if args.verbose else logging.WARNING)
    logs.install(logging.DEBUG if args.verbose else logging.INFO)
    log.info("deskdup %s: %s", __version__, args.command or "window")
    if args.self_test:
        from deskdup import self_test

        return self_test.run()
    if args.command is None:
        from deskdup.app import run_gui  # Qt is loaded only for the window

        return run_gui(args)
    if getattr(args, "db", None) and "://" in args.db and not args.db.startswith("sqlite:"):
        # A password in --db is visible in the process list: the keyring (where the
        # window keeps it), PGPASSWORD or ~/.pgpass supply it instead (README).
        args.db = credentials.with_secrets(args.db)
    try:
        with database_errors():  # busy, disk full, timeouts: words, not a traceback
            return int(args.handler(args) or 0)
    except KnownError as exc:
        log.info("%s refused: %s", args.command, exc)
        print(f"deskdup: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("deskdup: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``deskdup scan | head``): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        # A bug: Python prints the traceback on stderr; the log file keeps it too.
        logs.to_file(log, logging.ERROR, f"deskdup {args.command} failed", exc)
        raise
