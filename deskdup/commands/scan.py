"""`deskdup scan`: detection from the command line (``lookup.py`` is its one-lead
counterpart).

``scan --format jsonl`` prints one line per candidate pair at or above the
threshold, best first: ``{"a": ID, "b": ID, "score": S, "reasons": [...]}``,
where an ID is the lead's external id (a string) when it has one, else its
database id (an integer).  ``scan --entity contact`` does the same for
duplicate contacts (IDs are the contacts' CRM ids likewise).  The table format
is for reading.  Counts and the time go to stderr so the output stays
machine-readable.

A scan of leads starts from the candidates the workspace keeps, as the window
does (``services/kept_scan.py``): with nothing changed it prints them as they
are (what a full build prints, byte for byte); with some leads changed only
those are scored again, with the model that scored the kept pairs; with none
kept for its settings it builds afresh, and with ``--keep`` keeps what it
found, when the settings are the workspace's own.  ``--fresh``: a full build,
nothing read or kept.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING

from deskdup.commands.detection import detection_options, settings_of
from deskdup.services.bitrix24.link import workspace_link
from deskdup.services.channels import channel_name
from deskdup.services.errors import KnownError
from deskdup.services.kept_scan import scan_leads
from deskdup.services.matching import (
    DEFAULT_LIKELY_PRECISION,
    MatchIndex,
    ScanResult,
    quiet_gc,
)
from deskdup.services.matching.kept import reason_texts
from deskdup.services.matching.parallel import MAX_WORKERS, default_workers
from deskdup.services.workspace import open_workspace

if TYPE_CHECKING:
    from deskdup.models import Channel


def register(subparsers) -> None:
    scan = subparsers.add_parser(
        "scan",
        help="find candidate duplicate leads and print them with the reasons",
        description="Find leads that look like one customer and say why. A scan of "
        "leads starts from the candidates the workspace keeps, as the window does: with "
        "nothing changed since they were kept it prints them (what a full scan prints); "
        "leads changed, added or gone since are scored again with the model that scored "
        "the kept ones (what the window shows then, where a full scan would learn its model "
        "afresh); with none kept for these settings it scans every lead, and with --keep "
        "keeps what it found, unless --weight, --burst-minutes or a --threshold under 0.4 "
        "make the settings other than the workspace's own (then nothing is read or kept).",
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
    scan.add_argument(
        "--keep",
        action="store_true",
        help="when no candidates are kept for these settings: keep what the scan of every "
        "lead found in the workspace, so the next scan and the window start from it (that "
        "scan then takes about a fifth more time, and at a million leads about 2.5 GB)",
    )
    scan.add_argument(
        "--fresh",
        action="store_true",
        help="scan every lead afresh, neither reading nor keeping the workspace's kept "
        "candidates (leads only)",
    )
    detection_options(scan)
    scan.set_defaults(handler=run_scan)


def _lead_id(label: str, lead_id: int, portal: bool = False) -> str | int:
    """The CRM's id (a string) when the lead has one (its ``label``, else the
    database id as text), else the database id.

    On a workspace linked to a portal every lead is the portal's, and its id
    is printed as the portal's even where it equals the database id.
    """
    if portal or label != str(lead_id):
        return label
    return lead_id


class _Shown:
    """What the output shows of a lead or contact (label, name, channel): from
    the index's records after a build, as read with the pairs when they are
    the kept candidates (no lead was read: ``LeadScan.shown``)."""

    def __init__(
        self, index: MatchIndex | None, shown: dict[int, tuple[str, str, Channel]] | None
    ) -> None:
        self._records = None if index is None else index.leads
        self._shown = shown

    def __call__(self, lead_id: int) -> tuple[str, str, Channel]:
        if self._records is None and self._shown is not None:
            return self._shown[lead_id]
        rec = self._records[lead_id]
        return rec.label, rec.display_name(), rec.channel


class _Ids:
    """``_lead_id`` of many leads, each JSON-encoded once (a lead is in several
    pairs; half a second of 100,000 leads' output went to these)."""

    def __init__(self, shown: _Shown, portal: bool) -> None:
        self._shown, self._portal = shown, portal
        self._encoded: dict[int, str] = {}

    def __call__(self, lead_id: int) -> str:
        text = self._encoded.get(lead_id)
        if text is None:
            label = self._shown(lead_id)[0]
            text = self._encoded[lead_id] = _json(_lead_id(label, lead_id, self._portal))
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
    return f'{{"a": {a}, "b": {b}, "score": {_number(score)}, "reasons": [{", ".join(parts)}]}}\n'


def _number(score: float) -> str:
    """``_json(score)``: a finite float is written as its ``repr``, as json does
    (without the encoder's checks around it, a few µs a line)."""
    if type(score) is float and score - score == 0.0:
        return float.__repr__(score)
    return _json(score)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run_scan(args) -> int:
    started = time.perf_counter()
    ws = open_workspace(args.db, create=False)
    try:
        # No cyclic collection in a command that ends when it has printed: its
        # objects are acyclic, and each collection would walk every pair read
        # (a fifth of a scan from the kept candidates at 100,000 leads); frozen
        # at the end, so switching it on again does not walk them once more.
        with quiet_gc(freeze=True):
            result, entity = _scan_and_print(args, ws)
    finally:
        ws.dispose()
    print(
        f"{result.lead_count} {entity}s, {len(result.pairs)} pairs, "
        f"{len(result.groups)} groups "
        f"at threshold {result.threshold:.2f} in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


def _scan_and_print(args, ws) -> tuple[ScanResult, str]:
    """Scan, print the pairs, keep what is to be kept; the result and its entity."""
    keep = None
    settings = settings_of(args)
    workers = getattr(args, "workers", 1)
    if not 1 <= workers <= 64:
        raise KnownError(f"--workers takes 1 to 64 processes, not {workers}.")
    contacts = getattr(args, "entity", "lead") == "contact"
    if contacts:
        # Here, not at the top: a scan of leads need not load it (and the merge plans).
        from deskdup.services.matching.contacts import ContactMatchIndex

        index: MatchIndex | None = ContactMatchIndex.build(ws, settings)
        result = index.result(summaries=False)  # printed from the records
    else:
        scan = scan_leads(
            ws,
            settings,
            workers,
            fresh=getattr(args, "fresh", False),
            keep=getattr(args, "keep", False),
        )
        index, result, keep = scan.index, scan.result, scan
        if scan.not_used:
            print(
                "deskdup: the candidates kept in the workspace could not be read "
                f"({scan.not_used}); scanned every lead afresh.",
                file=sys.stderr,
            )
    portal = workspace_link(ws) is not None
    shown = _Shown(index, None if keep is None else keep.shown)
    out = sys.stdout
    # (Worded over the workers too: a one-shot build words its pairs only now;
    # pairs read from the kept candidates are worded already.)
    texts = reason_texts(result.pairs, workers) if keep is None else keep.texts(workers)
    if args.format == "jsonl":
        ids = _Ids(shown, portal)
        out.writelines(
            json_line(ids(pair.a), ids(pair.b), pair.score, reasons)
            for pair, reasons in zip(result.pairs, texts, strict=True)
        )
    else:
        _print_table(shown, result, texts, out, "contact" if contacts else "lead")
    if keep is not None:
        # After the output: keeping a build's pairs words every one of them.
        out.flush()
        why = keep.keep()
        if why:
            print(
                f"deskdup: warning: the candidates were not kept in the workspace ({why}); "
                "the next scan scans every lead again.",
                file=sys.stderr,
            )
    return result, "contact" if contacts else "lead"


def _describe(shown: _Shown, lead_id: int, entity: str) -> str:
    label, name, channel = shown(lead_id)
    label = _cut(str(_lead_id(label, lead_id)), 10)
    name = _cut(name or "-", 28)
    if entity == "contact":
        return f"{label} {name}"
    return f"{label} {name} ({channel_name(channel)})"


def _print_table(shown: _Shown, result, texts, out, entity: str) -> None:
    if not result.pairs:
        out.write("No candidate duplicates.\n")
        return
    left = [_describe(shown, p.a, entity) for p in result.pairs]
    right = [_describe(shown, p.b, entity) for p in result.pairs]
    wa = max(len(s) for s in left)
    wb = max(len(s) for s in right)
    out.write(f"{'score':>5}  {entity:<{wa}}  {entity:<{wb}}  reasons\n")
    for pair, reasons, a, b in zip(result.pairs, texts, left, right, strict=True):
        reasons = "; ".join(reasons[:3])
        out.write(f"{pair.score:5.2f}  {a:<{wa}}  {b:<{wb}}  {reasons}\n")
