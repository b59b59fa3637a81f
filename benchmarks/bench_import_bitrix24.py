"""How fast Bitrix24's own lead export is imported: rows/s and peak memory.

    uv run python benchmarks/bench_import_bitrix24.py [--rows 100000] [--scan]

Writes an export shaped as Bitrix24 writes one (the header of
tests/data/bitrix24's lead export: 57 Russian column titles; UTF-8 with a BOM,
``;``, every field quoted, CRLF; dates ``25.11.2026 10:02:11``; the
responsible person as "Имя Фамилия"; stages and sources by name, open lines
among them; phones in two columns, some cells with two numbers; Telegram,
WhatsApp, Avito and open-line chat ids in their "Контакт ..." columns), imports
it into a fresh SQLite workspace whose operators it names, then imports it
again (every row already there).  ``--scan`` also times the duplicate scan of
the imported leads.  Peak memory is the process's maximum resident set size.
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

FIXTURE = Path(__file__).resolve().parent.parent / "tests/data/bitrix24/LEAD_20261125_b7c0f1.csv"
# The demo's operators, written as Bitrix24 writes a user: first name, then surname.
RESPONSIBLE = (
    "Мария Иванова", "Дмитрий Кузнецов", "Елена Морозова", "Анна Петрова", "Ольга Смирнова",
    "Павел Соколов",
)  # fmt: skip
STAGES = ("Не обработан", "В работе", "Обработан", "Качественный лид", "Некачественный лид")
SOURCES = (
    ("Telegram - Открытая линия", "telegrambot"),
    ("WhatsApp - Открытая линия", "whatsappbyedna"),
    ("Авито - Открытая линия", "avito"),
    ("CRM-форма", ""),
    ("Звонок", ""),
    ("Реклама", ""),
)


def header() -> list[str]:
    with FIXTURE.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f, delimiter=";"))


def make_rows(count: int, titles: list[str], seed: int = 1):
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, 9, 0)
    male = list(names.MALE_NAMES)
    for i in range(1, count + 1):
        first = rng.choice(male)
        last = rng.choice(names.SURNAMES)
        source, connector = rng.choice(SOURCES)
        d = f"{rng.choice(names.MOBILE_CODES)}{rng.randrange(10**7):07d}"
        phone = rng.choice((f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}", f"+7{d}", f"+7 {d}"))
        created = start + timedelta(minutes=i, seconds=rng.randrange(60))
        row = dict.fromkeys(titles, "")
        row.update({
            "ID": str(100000 + i),
            "Название лида": f"{source}: {first}",
            "Имя": first,
            "Фамилия": last if rng.random() < 0.6 else "",
            "Стадия": rng.choice(STAGES),
            "Источник": source,
            "Ответственный": rng.choice(RESPONSIBLE),
            "Дата создания": created.strftime("%d.%m.%Y %H:%M:%S"),
            "Дата изменения": (created + timedelta(hours=2)).strftime("%d.%m.%Y %H:%M:%S"),
            "Кем создан": rng.choice(RESPONSIBLE),
            "Доступен для всех": "Y",
            "Валюта": "Российский рубль",
            "Сумма": "0",
        })  # fmt: skip
        nick = f"{names.translit(first)}_{names.translit(last)}{rng.randint(70, 99)}".lower()
        if connector:
            row["Контакт Открытая линия"] = f"imol|{connector}|1|{200000 + i}|{300000 + i}"
        if connector == "telegrambot":
            row["Контакт Telegram"] = f"@{nick}"
        elif connector == "whatsappbyedna":
            row["Контакт WhatsApp"] = f"7{d}"
            row["Мобильный телефон"] = phone
        elif connector == "avito":
            row["Контакт Avito"] = f"avito_{rng.randrange(10**6)}"
        else:
            row["Рабочий телефон"] = phone
            if rng.random() < 0.2:  # two numbers in one cell
                row["Рабочий телефон"] += f", +7 495 {rng.randrange(10**7):07d}"
            row["Рабочий e-mail"] = f"{nick}@mail.ru" if rng.random() < 0.5 else ""
        yield [row[t] for t in titles]


def write_file(path: Path, rows: int) -> None:
    titles = header()
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(titles)
        writer.writerows(make_rows(rows, titles))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--scan", action="store_true", help="also time the duplicate scan")
    args = parser.parse_args()

    from deskdup.services.demo import generate_demo
    from deskdup.services.importer import import_file
    from deskdup.services.workspace import open_workspace

    folder = Path(tempfile.mkdtemp(prefix="deskdup-bench-b24-"))
    try:
        source = folder / "LEAD_20261125_bench.csv"
        write_file(source, args.rows)
        ws = open_workspace(str(folder / "ws.sqlite"))
        generate_demo(ws, leads=1, seed=1)  # the operators the export names
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        started, cpu = time.perf_counter(), time.process_time()
        report = import_file(ws, source)
        first = time.perf_counter() - started
        cpu = time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        again = import_file(ws, source)
        second = time.perf_counter() - started
        size_mb = source.stat().st_size / 2**20
        print(f"file: {args.rows} rows, Bitrix24 CSV, {len(header())} columns, {size_mb:.1f} MB")
        print(
            f"import:    {report.imported} imported, {report.rejected} rejected, "
            f"{report.invalid_values} invalid values, {first:.1f} s, "
            f"{report.rows / first:,.0f} rows/s (CPU {cpu:.1f} s, "
            f"{report.rows / cpu:,.0f} rows per CPU s)"
        )
        rate = again.rows / second
        print(f"re-import: {again.unchanged} already there, {second:.1f} s, {rate:,.0f} rows/s")
        print(f"peak RSS after the import: {peak:.0f} MB (before it: {rss_before:.0f} MB)")
        if args.scan:
            from deskdup.services.matching import MatchIndex, MatchSettings

            started = time.perf_counter()
            result = MatchIndex.build(ws, MatchSettings()).result()
            took = time.perf_counter() - started
            print(f"scan: {len(result.pairs)} pairs, {len(result.groups)} groups, {took:.1f} s")
        ws.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
