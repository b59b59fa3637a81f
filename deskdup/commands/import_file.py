"""``deskdup import FILE``: import leads from a CRM's CSV or XLSX export."""

from __future__ import annotations

import sys
from pathlib import Path

from deskdup.commands.demo import ProgressBar
from deskdup.services.importer import encoding_label, import_file, open_export
from deskdup.services.importer.rejects import check_rejects_path, default_rejects_path
from deskdup.services.importer.rows import UNKNOWN_CONTACT, UNKNOWN_OPERATOR
from deskdup.services.workspace import normalize_url, open_workspace

# More bad rows than this are counted, not listed (they are all in the rejects file).
SHOWN_BAD_ROWS = 50


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import leads from a CSV or XLSX export",
        description=(
            "Import leads from a CRM export: CSV (UTF-8; also Windows-1251 or UTF-16 text; "
            "comma, semicolon or tab) or XLSX, of which one sheet is read: the one Excel opens "
            "on, or --sheet NAME. "
            "Columns (any case): id, created_at, channel, name, first_name, last_name, "
            "middle_name, phone, email, telegram, whatsapp, message, assigned_to, status. "
            "assigned_to is an operator's login, id or full name; an unknown operator makes "
            "the row bad. Rows whose id is already in the workspace are left alone. When a "
            "row is bad nothing is imported, unless --skip-bad; exit code 2 then. A file that "
            "is not a CSV or XLSX export (an image, an old .xls, a web page) is refused with "
            "exit code 2, and nothing is written."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
    parser.add_argument("--db", metavar="URL", required=True, help="workspace URL or SQLite file")
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good rows and write the bad ones to a rejects file",
    )
    parser.add_argument(
        "--rejects",
        metavar="FILE",
        help=(
            "where to write the bad rows (default with --skip-bad: FILE.rejects.csv); never "
            "the workspace or FILE itself, and an existing file only with --force"
        ),
    )
    parser.add_argument("--force", action="store_true", help="replace an existing rejects file")
    parser.add_argument(
        "--update",
        action="store_true",
        help=(
            "rows whose id is already there correct their lead (names, fields, phones, "
            "first message), unless a merge has touched it since; to repair an import made "
            "with the wrong encoding or file"
        ),
    )
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help="XLSX: the sheet to read (default: the one Excel opens on, if visible)",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=(
            "the CSV file's text encoding (utf-8, cp1251, koi8-r, cp866, cp1252...), when "
            "deskdup cannot tell it for sure; by default UTF-8, or detected"
        ),
    )
    parser.add_argument(
        "--region", default="RU", help="region for phones without a country code (default RU)"
    )
    parser.add_argument(
        "--entity",
        choices=("lead", "contact"),
        help="what the file holds (default: told by its columns and name; Bitrix24 names "
        "its exports LEAD_... and CONTACT_...); import contacts before the leads bound to them",
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    source = Path(args.file)
    rejects = args.rejects
    if rejects is None and args.skip_bad:
        rejects = default_rejects_path(source)
    # The files first: a file that is not an export, or a rejects path that would
    # destroy something, must not create or touch the workspace.
    if rejects is not None:
        check_rejects_path(rejects, source, normalize_url(args.db), force=args.force)
    export = open_export(source, encoding=args.encoding, sheet=args.sheet)
    try:
        ws = open_workspace(args.db)
    except BaseException:
        export.close()
        raise
    bar = ProgressBar.for_total("import", 0)
    try:
        report = import_file(
            ws,
            export,
            skip_bad=args.skip_bad,
            rejects_path=rejects,
            force=args.force,
            update=args.update,
            progress=bar,
            region=args.region,
            entity=args.entity,
        )
    finally:
        bar.finish()
        ws.dispose()
    if report.encoding and report.encoding != "utf-8-sig":
        print(f"Read as {encoding_label(report.encoding)} text.", file=sys.stderr)
    if report.sheet:
        others = ", ".join(f"'{n}'" for n in report.other_sheets)
        not_read = f"; not read: {others}" if others else ""
        print(f"Read the sheet '{report.sheet}'{not_read}.", file=sys.stderr)
    if report.bitrix24 or report.entity == "contact":
        origin = "Bitrix24 export" if report.bitrix24 else "export"
        print(f"Read as a {origin} of {report.entity}s.", file=sys.stderr)
    # A missing operator or contact is told once, not on each of its rows.
    grouped = (UNKNOWN_OPERATOR, UNKNOWN_CONTACT)
    listed = [b for b in report.bad_rows if b.reason.template not in grouped]
    for bad in listed[:SHOWN_BAD_ROWS]:
        print(f"{source.name}:{bad.line}: {bad.reason.render()}", file=sys.stderr)
    if len(listed) > SHOWN_BAD_ROWS:
        print(f"... and {len(listed) - SHOWN_BAD_ROWS} more bad rows", file=sys.stderr)
    _print_missing(report, args.db)
    if report.ignored_columns:
        print("Ignored columns: " + ", ".join(report.ignored_columns), file=sys.stderr)
    print(report.summary().render())
    if report.rejected and report.rejects_path:
        print(f"Bad rows written to {report.rejects_path}")
    if report.rejected and not args.skip_bad:
        return 2
    return 0


def _print_missing(report, db: str) -> None:
    if report.missing_operators:
        print(
            "Responsible persons who are not operators of this workspace "
            "(their rows are bad; add them, then import the file again):",
            file=sys.stderr,
        )
        for (name, rows), hint in zip(
            report.missing_operators.items(), report.operator_hint(db), strict=True
        ):
            print(f"  {name} ({rows} rows):  {hint}", file=sys.stderr)
    if report.missing_contacts:
        print(
            "Contacts the leads are bound to that are not in this workspace "
            "(import the contacts export first, then this file again):",
            file=sys.stderr,
        )
        for name, rows in report.missing_contacts.items():
            print(f"  {name} ({rows} rows)", file=sys.stderr)
    if report.other_sources:
        sources = ", ".join(f"{name} ({rows})" for name, rows in report.other_sources.items())
        print(
            f"Sources that are not a channel (the channel is read from the phones and "
            f"messengers): {sources}",
            file=sys.stderr,
        )
