"""How fast a CRM export is imported: rows/s and peak memory.

    uv run python benchmarks/bench_import.py [--rows 100000] [--format csv|xlsx]

Writes a realistic export (names in any order, phones in every format, some
e-mails, Telegram handles, first messages, operators) into a temporary folder,
imports it into a fresh SQLite workspace, then imports it again (every row is
already there).  Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from deskdup.services import demo_names as names

HEADER = [
    "id", "created_at", "channel", "name", "phone", "email", "telegram", "whatsapp",
    "message", "assigned_to", "status",
]  # fmt: skip
CHANNELS = ("telegram", "whatsapp", "avito", "site", "call", "email")
LOGINS = ("operator", "trainee", "ivanova", "sokolov", "morozova", "")


def make_rows(count: int, seed: int = 1):
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, 9, 0)
    male = list(names.MALE_NAMES)
    for i in range(1, count + 1):
        first = rng.choice(male)
        last = rng.choice(names.SURNAMES)
        middle = names.MALE_NAMES[rng.choice(male)][1]
        channel = rng.choice(CHANNELS)
        d = f"{rng.choice(names.MOBILE_CODES)}{rng.randrange(10**7):07d}"
        phone = rng.choice((f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}", f"+7{d}", f"7{d}", d))
        name = rng.choice((f"{last} {first} {middle}", f"{first} {last}", first, ""))
        nick = f"{names.translit(first)}_{names.translit(last)}{rng.randint(70, 99)}"
        email = f"{names.translit(first)}.{names.translit(last)}@mail.ru"
        yield [
            f"X-{i}",
            (start + timedelta(minutes=i)).isoformat(),
            channel,
            name,
            phone if channel in ("whatsapp", "site", "call") else "",
            email if channel in ("site", "email") else "",
            f"@{nick}" if channel == "telegram" else "",
            phone if channel == "whatsapp" else "",
            rng.choice(names.INQUIRY_GROUPS)[0],
            rng.choice(LOGINS),
            "new",
        ]  # fmt: skip


def write_file(path: Path, rows: int, fmt: str) -> None:
    if fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow(HEADER)
            writer.writerows(make_rows(rows))
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(HEADER)
        for row in make_rows(rows):
            sheet.append(row)
        book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    args = parser.parse_args()

    from deskdup.services.demo import generate_demo
    from deskdup.services.importer import import_file
    from deskdup.services.workspace import open_workspace

    folder = Path(tempfile.mkdtemp(prefix="deskdup-bench-import-"))
    try:
        source = folder / f"export.{args.format}"
        write_file(source, args.rows, args.format)
        ws = open_workspace(str(folder / "ws.sqlite"))
        generate_demo(ws, leads=1, seed=1)  # the operators the export names
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        started, cpu = time.perf_counter(), time.process_time()
        report = import_file(ws, source)
        first = time.perf_counter() - started
        cpu = time.process_time() - cpu
        started = time.perf_counter()
        again = import_file(ws, source)
        second = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ws.dispose()

        size_mb = source.stat().st_size / 2**20
        print(f"file: {args.rows} rows, {args.format}, {size_mb:.1f} MB")
        print(
            f"import:    {report.imported} imported, {report.invalid_values} invalid values, "
            f"{first:.1f} s, {report.rows / first:,.0f} rows/s "
            f"(CPU {cpu:.1f} s, {report.rows / cpu:,.0f} rows per CPU s)"
        )
        rate = again.rows / second
        print(f"re-import: {again.unchanged} already there, {second:.1f} s, {rate:,.0f} rows/s")
        print(f"peak RSS: {peak:.0f} MB (before the import: {rss_before:.0f} MB)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
