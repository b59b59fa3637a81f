"""`deskdup scan` and `deskdup lookup`: detection from the command line.

``scan --format jsonl`` prints one line per candidate pair at or above the
threshold, best first: ``{"a": ID, "b": ID, "score": S, "reasons": [...]}``,
where an ID is the lead's external id (a string) when it has one, else its
database id (an integer).  ``scan --entity contact`` does the same for
duplicate contacts (IDs are the contacts' CRM ids likewise).  The table format
is for reading.  Counts and the time go to stderr so the output stays
machine-readable.
"""

from __future__ import annotations

import json
import sys
import time

from sqlalchemy import String, select, type_coerce

from deskdup.models import Channel, Lead
from deskdup.services.bitrix24.link import workspace_link
from deskdup.services.channels import channel_name
from deskdup.services.errors import KnownError
from deskdup.services.matching import (
    DEFAULT_LIKELY_PRECISION,
    DEFAULT_WEIGHTS,
    MatchIndex,
    MatchSettings,
    lookup,
)
from deskdup.services.matching.contacts import ContactMatchIndex
from deskdup.services.matching.parallel import MAX_WORKERS, default_workers
from deskdup.services.workspace import open_workspace


def register(subparsers) -> None:
    scan = subparsers.add_parser(
        "scan",
        help="find candidate duplicate leads and print them with the reasons",
        description="Find leads that look like one customer and say why.",
    )
    scan.add_argument("--db", metavar="URL", required=True, help="workspace database (URL or file)")
    scan.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="table for reading (default), jsonl for programs: one pair a line",
    )
    scan.add_argument(
        "--threshold",
        type=float,
        metavar="T",
        help="lowest score printed, 0..1 (default: where the likely tier starts: the best "
        f"pairs, expected to be one customer {DEFAULT_LIKELY_PRECISION * 100:g} %% of the "
        "time on average)",
    )
    scan.add_argument("--region", default="RU", help="default phone region (default RU)")
    scan.add_argument(
        "--entity",
        choices=("lead", "contact"),
        default="lead",
        help="what to look for duplicates of: leads (default) or contacts",
    )
    scan.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        metavar="N",
        help="processes comparing the leads (default: the cores, at most "
        f"{MAX_WORKERS}; 1 to use one)",
    )
    _detection_options(scan)
    scan.set_defaults(handler=run_scan)

    find = subparsers.add_parser(
        "lookup",
        help="find the leads matching one phone, e-mail, handle or name",
        description="Look one phone, e-mail, messenger handle or name up in the workspace.",
    )
    find.add_argument("--db", metavar="URL", required=True, help="workspace database (URL or file)")
    find.add_argument("text", help="a phone, e-mail, @handle or a name")
    find.add_argument("--limit", type=int, default=20, help="at most this many leads (default 20)")
    find.add_argument("--format", choices=("table", "jsonl"), default="table")
    find.add_argument("--region", default="RU", help="default phone region (default RU)")
    _detection_options(find)
    find.set_defaults(handler=run_lookup)


def _detection_options(parser) -> None:
    parser.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="CODE=W",
        help="hand-set weight of one kind of evidence, -1..1 (repeatable): the learned "
        "model scores the pairs; these only bound which pairs are compared, and 0 "
        "switches a kind of evidence off; codes and defaults: "
        + ", ".join(f"{code}={w:g}" for code, w in DEFAULT_WEIGHTS.items()),
    )
    parser.add_argument(
        "--burst-minutes",
        type=int,
        metavar="N",
        help="leads from different channels this close count as one burst (default "
        f"{MatchSettings().burst_minutes})",
    )


def _settings(args) -> MatchSettings:
    settings = MatchSettings(region=args.region)
    threshold = getattr(args, "threshold", None)
    if threshold is not None:
        if not 0.0 <= threshold <= 1.0:
            raise KnownError(f"The threshold must be between 0 and 1, not {threshold}.")
        settings = settings.fixed(threshold)
    for item in getattr(args, "weight", None) or []:
        code, sep, value = item.partition("=")
        code = code.strip()
        if code not in DEFAULT_WEIGHTS:
            raise KnownError(
                f"Unknown weight '{code}'; the weights are: {', '.join(DEFAULT_WEIGHTS)}."
            )
        try:
            weight = float(value) if sep else float("nan")
        except ValueError:
            weight = float("nan")
        if not -1.0 <= weight <= 1.0:
            raise KnownError(f"--weight takes CODE=W with W between -1 and 1, not '{item}'.")
        settings.weights[code] = weight
    burst = getattr(args, "burst_minutes", None)
    if burst is not None:
        if not 1 <= burst <= 240:
            raise KnownError(f"The burst window must be 1 to 240 minutes, not {burst}.")
        settings.burst_minutes = burst
    return settings


def _lead_id(index: MatchIndex, lead_id: int, portal: bool = False) -> str | int:
    """The CRM's id (a string) when the lead has one, else the database id.

    On a workspace linked to a portal every lead is the portal's, and its id
    is printed as the portal's even where it equals the database id.
    """
    rec = index.leads.get(lead_id)
    if rec is not None and (portal or rec.label != str(lead_id)):
        return rec.label
    return lead_id


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run_scan(args) -> int:
    started = time.perf_counter()
    ws = open_workspace(args.db, create=False)
    try:
        settings = _settings(args)
        workers = getattr(args, "workers", 1)
        if not 1 <= workers <= 64:
            raise KnownError(f"--workers takes 1 to 64 processes, not {workers}.")
        contacts = getattr(args, "entity", "lead") == "contact"
        if contacts:
            index = ContactMatchIndex.build(ws, settings)
        else:
            # A command runs no threads of its own: the comparing may fork.
            index = MatchIndex.build(ws, settings, refreshable=False, workers=workers)
        result = index.result()
        portal = workspace_link(ws) is not None
    finally:
        ws.dispose()
    out = sys.stdout
    if args.format == "jsonl":
        for pair in result.pairs:
            line = {
                "a": _lead_id(index, pair.a, portal),
                "b": _lead_id(index, pair.b, portal),
                "score": pair.score,
                "reasons": [str(r.text) for r in pair.reasons],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
        _print_table(index, result, out, "contact" if contacts else "lead")
    print(
        f"{result.lead_count} {'contacts' if contacts else 'leads'}, {len(result.pairs)} pairs, "
        f"{len(result.groups)} groups "
        f"at threshold {result.threshold:.2f} in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


def _describe(index: MatchIndex, lead_id: int) -> str:
    rec = index.leads[lead_id]
    name = rec.display_name() or "-"
    if isinstance(index, ContactMatchIndex):
        return f"{_cut(str(_lead_id(index, lead_id)), 10)} {_cut(name, 28)}"
    return (
        f"{_cut(str(_lead_id(index, lead_id)), 10)} {_cut(name, 28)} ({channel_name(rec.channel)})"
    )


def _print_table(index: MatchIndex, result, out, entity: str = "lead") -> None:
    if not result.pairs:
        out.write("No candidate duplicates.\n")
        return
    left = [_describe(index, p.a) for p in result.pairs]
    right = [_describe(index, p.b) for p in result.pairs]
    wa = max(len(s) for s in left)
    wb = max(len(s) for s in right)
    out.write(f"{'score':>5}  {entity:<{wa}}  {entity:<{wb}}  reasons\n")
    for pair, a, b in zip(result.pairs, left, right, strict=True):
        reasons = "; ".join(str(r.text) for r in pair.reasons[:3])
        out.write(f"{pair.score:5.2f}  {a:<{wa}}  {b:<{wb}}  {reasons}\n")


def run_lookup(args) -> int:
    started = time.perf_counter()
    ws = open_workspace(args.db, create=False)
    try:
        settings = _settings(args)
        hits = lookup(ws, args.text, settings, limit=args.limit)
        labels = _labels(ws, [h.lead_id for h in hits])
    finally:
        ws.dispose()
    out = sys.stdout
    for hit in hits:
        ident, name, channel = labels.get(hit.lead_id, (hit.lead_id, "", ""))
        reasons = [str(r.text) for r in hit.reasons]
        if args.format == "jsonl":
            line = {"lead": ident, "score": hit.score, "reasons": reasons}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            out.write(
                f"{hit.score:5.2f}  {_cut(str(ident), 10):<10}  {_cut(name, 28):<28}  "
                f"{channel:<9}  {'; '.join(reasons)}\n"
            )
    if not hits and args.format == "table":
        out.write("Nothing found.\n")
    print(f"{len(hits)} leads in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0


def _labels(ws, ids: list[int]) -> dict[int, tuple[str | int, str, str]]:
    if not ids:
        return {}
    with ws.engine.connect() as conn:
        rows = conn.execute(
            select(
                Lead.id,
                Lead.external_id,
                Lead.first_name,
                Lead.last_name,
                Lead.middle_name,
                type_coerce(Lead.source_channel, String),
            ).where(Lead.id.in_(ids))
        ).all()
    out = {}
    for lead_id, ext, first, last, middle, channel in rows:
        name = " ".join(p for p in (first, last, middle) if p)
        try:
            title = channel_name(Channel(channel))
        except ValueError:
            title = channel or ""
        out[lead_id] = (ext or lead_id, name, title)
    return out
