"""`deskdup lookup`: one phone, e-mail, handle or name against the workspace.

A cold command answers a SQLite workspace whose search names are current
through ``sqlite3`` alone (``search_find.cold_lookup``): SQLAlchemy, the ORM's
tables and the rest of the matcher are not even imported.  Otherwise (a
PostgreSQL workspace, leads changed since the names were kept, another schema
revision) the workspace is opened as every command opens it, and the names
are brought up to date first.  The time printed on stderr is the command's
own.
"""

from __future__ import annotations

import json
import sys
import time

from deskdup.commands.detection import detection_options, settings_of
from deskdup.models.kinds import Channel
from deskdup.services.channels import channel_name
from deskdup.services.matching.search_find import cold_lookup


def register(subparsers) -> None:
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
    detection_options(find)
    find.set_defaults(handler=run_lookup)


def run_lookup(args) -> int:
    started = time.perf_counter()
    settings = settings_of(args)
    found = cold_lookup(args.db, args.text, settings, args.limit)
    if found is None:
        found = _through_the_workspace(args, settings)
    hits, rows = found
    labels = _labels(rows)
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


def _through_the_workspace(args, settings):
    from deskdup.services.matching.search import lookup
    from deskdup.services.matching.search_read import SearchReader
    from deskdup.services.workspace import open_workspace

    ws = open_workspace(args.db, create=False)
    try:
        hits = lookup(ws, args.text, settings, limit=args.limit)
        with ws.engine.connect() as conn:
            rows = SearchReader.of(conn).labels([h.lead_id for h in hits])
    finally:
        ws.dispose()
    return hits, rows


def _labels(rows) -> dict[int, tuple[str | int, str, str]]:
    out = {}
    for lead_id, ext, first, last, middle, channel in rows:
        name = " ".join(p for p in (first, last, middle) if p)
        try:
            title = channel_name(Channel(channel))
        except ValueError:
            title = channel or ""
        out[lead_id] = (ext or lead_id, name, title)
    return out


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
