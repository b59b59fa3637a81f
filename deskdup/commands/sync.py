"""`deskdup sync`: link a workspace to a Bitrix24 portal and pull it.

The webhook comes from ``--bitrix24 URL``, else ``DESKDUP_BITRIX24_WEBHOOK``,
else the system keyring (where ``--bitrix24`` puts it when there is one).
The first sync links the workspace to the portal and pulls everything; later
ones pull what changed.  Merges a previous run left half-way are finished (or
reported) first.  A progress line goes to stderr, the summary to stdout; the
exit code is 0 only when the pull is complete and no merge is left open.
"""

from __future__ import annotations

import argparse
import sys
import time

from deskdup.services.bitrix24.backend import Bitrix24Backend
from deskdup.services.bitrix24.client import Bitrix24Client
from deskdup.services.bitrix24.link import find_webhook, remember_webhook, workspace_link
from deskdup.services.bitrix24.merge import open_entries
from deskdup.services.bitrix24.sync import PullProgress
from deskdup.services.bitrix24.webhook import Webhook
from deskdup.services.workspace import Workspace, open_workspace


class ProgressLine:
    """One line on stderr, rewritten in place on a terminal, a line a second otherwise."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last = 0.0
        self.width = 0

    def __call__(self, p: PullProgress) -> None:
        now = time.monotonic()
        if not self.tty and now - self.last < 1.0 and (p.total is None or p.done < p.total):
            return
        self.last = now
        text = f"Pulling {p.stage}: {p.done}"
        if p.total:
            text += f" of {p.total}"
        if p.eta_seconds is not None and p.total and p.done < p.total:
            text += f", about {p.eta_seconds:.0f} s left"
        if self.tty:
            self.stream.write("\r" + text.ljust(self.width))
            self.width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.tty and self.width:
            self.stream.write("\n")
            self.stream.flush()


def portal_backend(ws: Workspace, given: str | None) -> Bitrix24Backend:
    """The backend of a linked (or to-be-linked) workspace, with its webhook found."""
    webhook: Webhook = find_webhook(workspace_link(ws), given)
    return Bitrix24Backend(ws, Bitrix24Client(webhook))


def run_sync(args: argparse.Namespace) -> int:
    ws = open_workspace(args.db)
    backend = None
    try:
        backend = portal_backend(ws, args.bitrix24)
        for message in backend.resume():
            print(f"deskdup: {message}", file=sys.stderr)
        line = ProgressLine()
        try:
            report = backend.pull(line, full=args.full, openline_chats=not args.no_openline_chats)
        finally:
            line.done()
        for note in report.notes:
            print(f"deskdup: {note}", file=sys.stderr)
        if args.bitrix24:  # the portal took it: keep it for next time, and say where
            print(f"deskdup: {remember_webhook(backend.client.webhook).message}", file=sys.stderr)
        print(report.summary)
        if report.operator_login:
            print(f"You act as the operator '{report.operator_login}' (the webhook's user).")
        left = open_entries(ws)
        if left:
            print(f"deskdup: {len(left)} merge(s) still wait to be finished.", file=sys.stderr)
            return 3
        return 0
    finally:
        if backend is not None:
            backend.close()
        ws.dispose()


def register(subparsers) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="link the workspace to a Bitrix24 portal and pull its leads",
        description="Pull the portal's users, contacts, leads and open-line chats into the "
        "workspace (incrementally after the first time); exit 0 only when complete.",
    )
    sync.add_argument("--db", metavar="URL", required=True, help="workspace (URL or SQLite file)")
    sync.add_argument(
        "--bitrix24",
        metavar="WEBHOOK_URL",
        help="the portal's incoming webhook, https://PORTAL/rest/USER_ID/SECRET/ (default: "
        "DESKDUP_BITRIX24_WEBHOOK, then the keyring)",
    )
    sync.add_argument(
        "--full", action="store_true", help="pull everything again, not only what changed"
    )
    sync.add_argument(
        "--no-openline-chats",
        action="store_true",
        help="read open-line chats only from the leads' IMOL entries (no request per 50 "
        "open-line leads to imopenlines.crm.chat.get)",
    )
    sync.set_defaults(handler=run_sync)
