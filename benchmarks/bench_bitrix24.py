"""The live Bitrix24 connection at the portal's documented rate limit.

Runs the test portal (``tests/bitrix24_server.py``) on 127.0.0.1 with the
cloud limit of non-Enterprise tariffs (``limits.md``: the counter drains 2 a
second, blocking above 50) and deskdup's client at its defaults (2 requests a
second, a burst of 10), then measures

* pull: a first pull of ``--leads`` leads (phones, e-mails, messengers, half
  of them from open lines with a chat each), with and without asking
  ``imopenlines.crm.chat.get`` for the chats; requests, seconds, leads/s;
* incremental pull after 1 % of the leads changed and one was deleted;
* merge: ``--merges`` groups of three leads merged through the portal with a
  field choice each; requests and seconds per merge (median and max).

A real portal adds its own processing time per request (list pages with
multi-fields take 0.1-0.5 s in the cloud); the figures here are the limit's
share.  Run:

    uv run python benchmarks/bench_bitrix24.py [--leads 10000] [--merges 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from deskdup.models import Lead  # noqa: E402
from deskdup.services.bitrix24.backend import Bitrix24Backend  # noqa: E402
from deskdup.services.bitrix24.client import Bitrix24Client  # noqa: E402
from deskdup.services.bitrix24.sync import pull  # noqa: E402
from deskdup.services.bitrix24.webhook import parse_webhook  # noqa: E402
from deskdup.services.workspace import open_workspace  # noqa: E402
from tests.bitrix24_server import Portal, populate, serve  # noqa: E402

SECRET = "bench-secret"


def _portal(leads: int) -> Portal:
    portal = Portal(rate=2.0, burst=50.0)
    portal.add_user(1, "Анна", "Петрова", secret=SECRET)
    portal.add_user(2, "Олег", "Смирнов")
    populate(portal, leads, seed=1)
    portal.clock_offset += timedelta(minutes=1)
    return portal


def bench_pull(leads: int, chats: bool) -> None:
    portal = _portal(leads)
    with tempfile.TemporaryDirectory() as folder, serve(portal) as base:
        ws = open_workspace(str(Path(folder) / "pull.sqlite"))
        client = Bitrix24Client(parse_webhook(f"{base}/rest/1/{SECRET}/"))
        started = time.perf_counter()
        report = pull(ws, client, openline_chats=chats)
        seconds = time.perf_counter() - started
        label = "with chat.get" if chats else "IMOL entries only"
        print(
            f"first pull, {label:18}: {report.leads} leads, {report.chats} chats fetched, "
            f"{report.requests} requests, {seconds:.1f} s ({report.leads / seconds:.0f} leads/s), "
            f"portal refusals {portal.limited}"
        )
        if chats:
            portal.clock_offset += timedelta(minutes=5)
            for lead_id in list(portal.leads)[::100]:
                portal.leads[lead_id]["TITLE"] += " (изменено)"
                portal.touch(portal.leads[lead_id], 1)
            portal.leads.pop(max(portal.leads))
            started = time.perf_counter()
            report = pull(ws, client, openline_chats=chats)
            seconds = time.perf_counter() - started
            print(
                f"incremental pull (1 % changed): {report.leads} leads read, {report.removed} "
                f"removed, {report.requests} requests, {seconds:.1f} s"
            )
        client.close()
        ws.dispose()


def bench_merge(merges: int) -> None:
    portal = Portal(rate=2.0, burst=50.0)
    portal.add_user(1, "Анна", "Петрова", secret=SECRET)
    groups = []
    for i in range(merges):
        a = portal.add_lead(
            TITLE=f"Сайт {i}", NAME="Иван", PHONE=[(f"8 916 000-{i:02d}-00", "MOBILE")]
        )
        b = portal.add_lead(
            TITLE=f"Telegram {i}",
            SOURCE_ID="7|TELEGRAM",
            IM=[(f"@client{i}", "TELEGRAM"), (f"imol|telegrambot|7|{900 + i}|{i}", "IMOL")],
            chats=[(900 + i, "telegrambot")],
        )
        c = portal.add_lead(
            TITLE=f"WhatsApp {i}", LAST_NAME="Петров", IM=[(f"+7926000{i:04d}", "WHATSAPP")]
        )
        groups.append((str(a), str(b), str(c)))
    portal.clock_offset += timedelta(minutes=1)
    with tempfile.TemporaryDirectory() as folder, serve(portal) as base:
        ws = open_workspace(str(Path(folder) / "merge.sqlite"))
        client = Bitrix24Client(parse_webhook(f"{base}/rest/1/{SECRET}/"))
        backend = Bitrix24Backend(ws, client)
        backend.pull()
        operator = backend.current_operator()
        times, requests = [], []
        for group in groups:
            with ws.session() as s:
                ids = [s.scalar(select(Lead.id).where(Lead.external_id == e)) for e in group]
            plan = backend.build_plan(ids, primary_id=ids[0])
            plan.choose("last_name", ids[2])
            before, started = client.requests, time.perf_counter()
            backend.apply_merge(plan, operator.id)
            times.append(time.perf_counter() - started)
            requests.append(client.requests - before)
        print(
            f"merge of 3 leads x {merges}: {statistics.median(requests):.0f} requests each "
            f"(max {max(requests)}), {statistics.median(times):.2f} s median, "
            f"{max(times):.2f} s max, {sum(times):.1f} s in all"
        )
        client.close()
        ws.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--merges", type=int, default=10)
    args = parser.parse_args()
    print("portal limit: 2 requests/s, block above 50 (cloud, non-Enterprise); client 2/s burst 10")
    bench_pull(args.leads, chats=False)
    bench_pull(args.leads, chats=True)
    bench_merge(args.merges)


if __name__ == "__main__":
    main()
