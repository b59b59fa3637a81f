"""`deskdup history` (list and export the history) and `deskdup undo-dismiss`.

``history`` prints the events newest first: a table for people, ``csv`` for a
spreadsheet (Excel-safe), ``jsonl`` for scripts (one event per line with
``id``, ``kind``, ``operator``, ``at``, ``primary``, ``others``).  ``--output
FILE.xlsx`` (or ``.csv``) writes a file instead.  Dates are read in this
computer's time zone (``--since 2026-03-02`` means from local midnight;
``--until 2026-03-02`` includes that whole day).

``undo-dismiss`` takes back the "not duplicates" marks between the given
leads; their author or a supervisor may.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from dateutil import parser as dateparser
from sqlalchemy import select

from deskdup.models import EventKind, EventLead, Lead, Operator
from deskdup.services.dismissals import undo_dismiss
from deskdup.services.errors import KnownError
from deskdup.services.history import (
    KIND_ALIASES,
    HistoryFilter,
    iter_rows,
    parse_kind,
)
from deskdup.services.history_export import (
    header,
    jsonl_line,
    local_time,
    row_values,
    write_csv,
    write_xlsx,
)
from deskdup.services.identity import acting_operator, sign_in
from deskdup.services.spreadsheet import safe_row
from deskdup.services.workspace import Workspace, open_workspace


def _open(args: argparse.Namespace) -> Workspace:
    # open_workspace says "file not found" (and how to create one) in words.
    return open_workspace(args.db, create=False)


def parse_when(text: str, *, end: bool = False) -> datetime:
    """A date or date-time typed in local time, as naive UTC.

    A bare date is the start of that day, or with ``end`` the start of the next
    (so ``--until`` includes the day it names).
    """
    raw = text.strip()
    try:
        parsed = dateparser.isoparse(raw)
    except ValueError:
        try:
            parsed = dateparser.parse(raw, dayfirst=True)
        except (ValueError, OverflowError):
            raise KnownError(
                f"'{text}' is not a date; write it as 2026-03-02 or 2026-03-02 14:30."
            ) from None
    date_only = len(raw) <= 10 and parsed.time() == time(0)
    if date_only and end:
        parsed += timedelta(days=1)
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # the computer's zone
    return parsed.astimezone(UTC).replace(tzinfo=None)


def _lead_ids(ws: Workspace, text: str) -> tuple[int, ...]:
    """The database ids a --lead value names: a CRM id, or a database id (deleted ones too)."""
    text = text.strip().lstrip("#")
    with ws.session() as session:
        ids = set(session.scalars(select(Lead.id).where(Lead.external_id == text)))
        ids |= set(
            session.scalars(
                select(EventLead.record_id).where(
                    EventLead.label == text, EventLead.role != "contact"
                )
            )
        )
        if not ids and text.isdigit():
            ids = {int(text)}
    if not ids:
        raise KnownError(f"There is no lead with the id '{text}' in this workspace's history.")
    return tuple(sorted(ids))


def _operator_id(ws: Workspace, login: str) -> int:
    with ws.session() as session:
        found = session.scalar(select(Operator.id).where(Operator.login == login))
    if found is None:
        raise KnownError(
            f"There is no operator with the login '{login}'; "
            "'deskdup operator list' shows who is there."
        )
    return found


def _filter(ws: Workspace, args: argparse.Namespace) -> HistoryFilter:
    kinds = ()
    if args.kind:
        kind = parse_kind(args.kind)
        if kind is None:
            names = sorted({k.value for k in EventKind} | set(KIND_ALIASES))
            raise KnownError(f"Unknown kind '{args.kind}'; the kinds are: {', '.join(names)}.")
        kinds = (kind,)
    since = parse_when(args.since) if args.since else None
    until = parse_when(args.until, end=True) if args.until else None
    if since and until and until <= since:
        raise KnownError("--until is before --since; nothing can match.")
    return HistoryFilter(
        operator_ids=(_operator_id(ws, args.operator),) if args.operator else (),
        kinds=kinds,
        since=since,
        until=until,
        lead_ids=_lead_ids(ws, args.lead) if args.lead else (),
    )


def _table(rows, out) -> int:
    count = 0
    header = f"{'EVENT':>7}  {'TIME':16}  {'OPERATOR':12}  {'KIND':14}  {'PRIMARY':10}  OTHERS"
    print(header, file=out)
    for row in rows:
        when = local_time(row.at).strftime("%Y-%m-%d %H:%M")
        others = ", ".join(f"#{x}" for x in (*row.other_labels, *row.contact_labels))
        primary = f"#{row.primary_label}" if row.primary_label else "-"
        undone = f"  (undone by {row.undone_by_id})" if row.undone_by_id else ""
        print(
            f"{row.id:>7}  {when:16}  {row.operator_login[:12]:12}  {row.kind.value:14}  "
            f"{primary:10}  {others}{undone}",
            file=out,
        )
        count += 1
    if not count:
        print("(no events match)", file=out)
    return count


def run_history(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        # The history as its reader may see it: the proven operator (a PostgreSQL
        # role, the computer's account), or --as where choosing is allowed.
        with ws.session() as session:
            viewer = sign_in(session, getattr(args, "login", None)).operator
        flt = _filter(ws, args)
        rows = iter_rows(ws, viewer, flt)
        if args.output:
            path = Path(args.output)
            writer = write_xlsx if path.suffix.lower() == ".xlsx" else write_csv
            try:
                count = writer(path, rows)
            except OSError as exc:
                raise KnownError(f"Cannot write {path}: {exc.strerror or exc}.") from None
            print(f"Wrote {count} event(s) to {path}.")
            return 0
        if args.format == "jsonl":
            for row in rows:
                sys.stdout.write(jsonl_line(row) + "\n")
        elif args.format == "csv":
            writer = csv.writer(sys.stdout)
            writer.writerow(header(None))
            for row in rows:
                values = row_values(row)
                values[1] = values[1].strftime("%Y-%m-%d %H:%M:%S")
                writer.writerow(safe_row(values))
        else:
            _table(rows, sys.stdout)
        return 0
    finally:
        ws.dispose()


def run_undo_dismiss(args: argparse.Namespace) -> int:
    ws = _open(args)
    try:
        from deskdup.commands.merge import resolve_lead

        with ws.session() as session:
            operator = acting_operator(session, getattr(args, "login", None))
            ids = [resolve_lead(session, i) for i in args.ids]
        removed = undo_dismiss(ws, ids, operator.id)
        print(f"Took back {removed} not-duplicates mark(s); these leads can be offered again.")
        return 0
    finally:
        ws.dispose()


def register(subparsers) -> None:
    history = subparsers.add_parser(
        "history",
        help="list or export the merge history",
        description="The history of merges, binds, dismissals, undos and team settings, "
        "newest first.",
    )
    history.add_argument(
        "--db", metavar="URL", required=True, help="workspace (URL or SQLite file)"
    )
    history.add_argument(
        "--as",
        dest="login",
        metavar="LOGIN",
        default=argparse.SUPPRESS,
        help="show what this operator sees (their own events unless a supervisor)",
    )
    history.add_argument("--format", choices=("table", "csv", "jsonl"), default="table")
    history.add_argument("--operator", metavar="LOGIN", help="only this operator's events")
    history.add_argument("--since", metavar="DATE", help="from this date (local time)")
    history.add_argument("--until", metavar="DATE", help="up to and including this date")
    history.add_argument(
        "--kind",
        metavar="KIND",
        help="merge, bind, dismiss, undo, settings (or merge_leads, bind_contact, ...)",
    )
    history.add_argument(
        "--lead", metavar="ID", help="only events of this lead (CRM or database id)"
    )
    history.add_argument(
        "--output", metavar="FILE", help="write a .csv or .xlsx file instead of printing"
    )
    history.set_defaults(handler=run_history)

    undo = subparsers.add_parser(
        "undo-dismiss",
        help="take back a 'not duplicates' mark",
        description="Take back the 'not duplicates' marks between the given leads, so they "
        "can be offered as duplicates again (the mark's author or a supervisor).",
    )
    undo.add_argument("--db", metavar="URL", required=True, help="workspace (URL or SQLite file)")
    undo.add_argument(
        "--as",
        dest="login",
        metavar="LOGIN",
        default=argparse.SUPPRESS,
        help="the operator doing it",
    )
    undo.add_argument("ids", nargs="+", metavar="ID", help="two or more leads")
    undo.set_defaults(handler=run_undo_dismiss)
