"""`deskdup scan`: detection from the command line (``lookup.py`` is its one-lead
counterpart).

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

from deskdup.commands.detection import detection_options, settings_of
from deskdup.services.bitrix24.link import workspace_link
from deskdup.services.channels import channel_name
from deskdup.services.errors import KnownError
from deskdup.services.matching import DEFAULT_LIKELY_PRECISION, MatchIndex
from deskdup.services.matching.contacts import ContactMatchIndex
from deskdup.services.matching.kept import reason_texts
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
    detection_options(scan)
    scan.set_defaults(handler=run_scan)


def _lead_id(index: MatchIndex, lead_id: int, portal: bool = False) -> str | int:
    """The CRM's id (a string) when the lead has one, else the database id.

    On a workspace linked to a portal every lead is the portal's, and its id
    is printed as the portal's even where it equals the database id.
    """
    rec = index.leads.get(lead_id)
    if rec is not None and (portal or rec.label != str(lead_id)):
        return rec.label
    return lead_id


class _Ids:
    """``_lead_id`` of many leads, each JSON-encoded once (a lead is in several
    pairs; half a second of 100,000 leads' output went to these)."""

    def __init__(self, index: MatchIndex, portal: bool) -> None:
        self._index, self._portal = index, portal
        self._encoded: dict[int, str] = {}

    def __call__(self, lead_id: int) -> str:
        text = self._encoded.get(lead_id)
        if text is None:
            text = self._encoded[lead_id] = _json(_lead_id(self._index, lead_id, self._portal))
        return text


# A reason's text, JSON-encoded (most repeat from pair to pair).
_encoded_texts: dict[str, str] = {}
_json = json.JSONEncoder(ensure_ascii=False).encode


def json_line(a: str, b: str, score: float, reasons) -> str:
    """One line of ``--format jsonl``, as ``json.dumps`` (``ensure_ascii=False``,
    default separators) writes ``{"a": .., "b": .., "score": .., "reasons": [..]}``,
    from the ids already encoded, without building and walking a dict a pair."""
    encoded = _encoded_texts
    parts = []
    for text in reasons:
        done = encoded.get(text)
        if done is None:
            if len(encoded) > 100_000:
                encoded.clear()
            done = encoded[text] = _json(text)
        parts.append(done)
    return f'{{"a": {a}, "b": {b}, "score": {_json(score)}, "reasons": [{", ".join(parts)}]}}\n'


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run_scan(args) -> int:
    started = time.perf_counter()
    ws = open_workspace(args.db, create=False)
    try:
        settings = settings_of(args)
        workers = getattr(args, "workers", 1)
        if not 1 <= workers <= 64:
            raise KnownError(f"--workers takes 1 to 64 processes, not {workers}.")
        contacts = getattr(args, "entity", "lead") == "contact"
        if contacts:
            index = ContactMatchIndex.build(ws, settings)
        else:
            # A command runs no threads of its own: the comparing may fork.
            index = MatchIndex.build(ws, settings, refreshable=False, workers=workers)
        result = index.result(summaries=False)  # printed from the records
        portal = workspace_link(ws) is not None
    finally:
        ws.dispose()
    out = sys.stdout
    # (Worded over the workers too: a one-shot build words its pairs only now.)
    texts = reason_texts(result.pairs, workers)
    if args.format == "jsonl":
        ids = _Ids(index, portal)
        out.writelines(
            json_line(ids(pair.a), ids(pair.b), pair.score, reasons)
            for pair, reasons in zip(result.pairs, texts, strict=True)
        )
    else:
        _print_table(index, result, texts, out, "contact" if contacts else "lead")
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


def _print_table(index: MatchIndex, result, texts, out, entity: str = "lead") -> None:
    if not result.pairs:
        out.write("No candidate duplicates.\n")
        return
    left = [_describe(index, p.a) for p in result.pairs]
    right = [_describe(index, p.b) for p in result.pairs]
    wa = max(len(s) for s in left)
    wb = max(len(s) for s in right)
    out.write(f"{'score':>5}  {entity:<{wa}}  {entity:<{wb}}  reasons\n")
    for pair, reasons, a, b in zip(result.pairs, texts, left, right, strict=True):
        reasons = "; ".join(reasons[:3])
        out.write(f"{pair.score:5.2f}  {a:<{wa}}  {b:<{wb}}  {reasons}\n")
