"""Pulling a portal into the workspace: users, contacts, leads, open-line chats.

The workspace's lead and contact tables are the local cache of the portal,
keyed by the portal's ID (``external_id``); deskdup's own history,
dismissals and claims stay beside them.  The first pull takes everything;
later ones only what changed since the last complete pull (``>=DATE_MODIFY``
with the portal's own clock, so a skewed local clock loses nothing) plus the
list of lead IDs (one request per 2,500 leads), so that leads deleted in the
portal leave the queue.

Requests: one batch for the users and departments, one request per 2,500
leads or contacts (50 chained ``start=-1`` pages), and one per 50 leads that
have open-line chats (``imopenlines.crm.chat.get``; skipped, with a note, when
the webhook lacks the ``imopenlines`` scope: the chats written in the IMOL
multi-field entries are still read).

Progress goes to a callback with an estimate; the client's ``cancelled`` flag
stops the pull between requests (``Cancelled``).  A pull cut short keeps what
it wrote (each chunk is its own transaction) and does not move the "last
pull" mark, so the next one starts over from the same point.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from deskdup.models import Lead
from deskdup.services.bitrix24.client import PAGE, Bitrix24Client, PortalError
from deskdup.services.bitrix24.link import (
    PortalLink,
    check_same_portal,
    read_link,
    set_pulled_at,
    write_link,
)
from deskdup.services.bitrix24.records import write_contacts, write_leads, write_users
from deskdup.services.bitrix24.vocabulary import MULTI_FIELDS
from deskdup.services.bitrix24.webhook import CONTEXT
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.workspace import Workspace

log = logging.getLogger(__name__)

STAGE_USERS = QT_TRANSLATE_NOOP("Bitrix24", "users")
STAGE_CONTACTS = QT_TRANSLATE_NOOP("Bitrix24", "contacts")
STAGE_LEADS = QT_TRANSLATE_NOOP("Bitrix24", "leads")
STAGE_REMOVED = QT_TRANSLATE_NOOP("Bitrix24", "leads deleted in the portal")
MSG_NO_CHATS = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The webhook has no 'imopenlines' permission: open-line chats were read only from the "
    "leads' messenger fields.",
)
MSG_PULLED = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "{kind} pull from {portal}: {users} users, {contacts} contacts and {leads} leads read, "
    "{removed} leads deleted in the portal left the queue; {requests} requests in {seconds} s.",
)
KIND_FULL = QT_TRANSLATE_NOOP("Bitrix24", "Full")
KIND_CHANGES = QT_TRANSLATE_NOOP("Bitrix24", "Incremental")

SELECT = ["*", *MULTI_FIELDS]
CHAT_BATCH = 50


@dataclass(frozen=True)
class PullProgress:
    stage: Message
    done: int
    total: int | None
    eta_seconds: float | None


@dataclass
class PullReport:
    portal: str
    full: bool
    users: int = 0
    contacts: int = 0
    leads: int = 0
    removed: int = 0
    chats: int = 0
    requests: int = 0
    seconds: float = 0.0
    notes: list[Message] = field(default_factory=list)
    operator_login: str = ""

    @property
    def summary(self) -> Message:
        return Message(
            CONTEXT,
            MSG_PULLED,
            {
                "kind": Message(CONTEXT, KIND_FULL if self.full else KIND_CHANGES),
                "portal": self.portal,
                "users": self.users,
                "contacts": self.contacts,
                "leads": self.leads,
                "removed": self.removed,
                "requests": self.requests,
                "seconds": f"{self.seconds:.1f}",
            },
        )


Progress = Callable[[PullProgress], None]


# --------------------------------------------------------------------------- the pull


class _Estimate:
    """Seconds left, from the pace so far (or the rate limit before the first answer)."""

    def __init__(self, rate: float):
        self.rate = rate
        self.started = time.monotonic()

    def eta(self, done: int, total: int | None, per_request: int) -> float | None:
        if not total:
            return None
        left = max(total - done, 0)
        elapsed = time.monotonic() - self.started
        if done:
            return elapsed / done * left
        return left / per_request / self.rate


def _users(
    client: Bitrix24Client,
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, str], str]:
    first = client.batch(
        {
            "me": ("user.current", {}),
            "departments": ("department.get", {}),
            "u0": ("user.get", {"start": 0}),
        }
    )
    for key in ("me", "u0"):
        if key in first.errors:
            raise client.batch_error(
                "user.current" if key == "me" else "user.get", first.errors[key]
            )
    me = first.results["me"]
    users = list(first.results.get("u0") or [])
    total = first.totals.get("u0", len(users))
    starts = list(range(PAGE, total, PAGE))
    for chunk in range(0, len(starts), 50):
        more = client.batch(
            {f"u{s}": ("user.get", {"start": s}) for s in starts[chunk : chunk + 50]}
        )
        for s in starts[chunk : chunk + 50]:
            users.extend(more.results.get(f"u{s}") or [])
    departments = {
        str(d.get("ID")): str(d.get("NAME") or "") for d in first.results.get("departments") or []
    }
    return me, users, departments, str(first.time.get("date_start") or "")


def fetch_chats(
    client: Bitrix24Client, lead_ids: Sequence[str], state: dict[str, bool]
) -> dict[str, list[dict[str, Any]]]:
    """Open-line chats of the leads, 50 a request; ``state["available"]`` goes False on no scope."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not state.get("available", True):
        return out
    for start in range(0, len(lead_ids), CHAT_BATCH):
        chunk = lead_ids[start : start + CHAT_BATCH]
        result = client.batch(
            {
                f"c{i}": (
                    "imopenlines.crm.chat.get",
                    {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": i, "ACTIVE_ONLY": "N"},
                )
                for i in chunk
            }
        )
        for lead_id in chunk:
            error = result.errors.get(f"c{lead_id}")
            if error:
                code = str(error.get("error") or "")
                if code in ("insufficient_scope", "ERROR_METHOD_NOT_FOUND", "ACCESS_DENIED"):
                    state["available"] = False
                    return out
                raise client.batch_error("imopenlines.crm.chat.get", error)
            out[lead_id] = list(result.results.get(f"c{lead_id}") or [])
    return out


def portal_lead_ids(client: Bitrix24Client) -> set[str]:
    ids: set[str] = set()
    for rows, _total in client.list_pages("crm.lead.list", select=["ID"]):
        ids.update(str(r["ID"]) for r in rows)
    return ids


def pull(
    ws: Workspace,
    client: Bitrix24Client,
    *,
    progress: Progress | None = None,
    full: bool = False,
    region: str = "RU",
    openline_chats: bool = True,
) -> PullReport:
    """Pull the portal into ``ws`` (linking it on first use); see the module doc.

    ``openline_chats=False`` reads the chats from the IMOL entries only (no
    ``imopenlines.crm.chat.get``: a first pull of a portal full of open-line
    leads takes a request per 50 of them).
    """
    started = time.monotonic()
    requests_before = client.requests
    report_progress = progress or (lambda _p: None)
    with ws.session() as session:
        link = read_link(session)
    check_same_portal(link, client.webhook)
    since = None if full or link is None or not link.pulled_at else link.pulled_at
    report = PullReport(portal=client.webhook.portal, full=since is None)
    estimate = _Estimate(client.rate)

    report_progress(PullProgress(Message(CONTEXT, STAGE_USERS), 0, None, None))
    me, users, departments, portal_time = _users(client)
    with ws.session() as session:
        report.operator_login = write_users(
            session, users, departments, str(me.get("ID")), first_link=link is None
        )
        if link is None:
            link = PortalLink(client.webhook.portal, client.webhook.user_id, portal_time, "")
            write_link(session, link)
    report.users = len(users)

    date_filter = {">=DATE_MODIFY": since} if since else {}
    for rows, _total in client.list_pages("crm.contact.list", select=SELECT, filter=date_filter):
        with ws.session() as session:
            report.contacts += write_contacts(session, rows, region)
        report_progress(PullProgress(Message(CONTEXT, STAGE_CONTACTS), report.contacts, None, None))

    chat_state = {"available": openline_chats}
    seen: set[str] = set()
    total: int | None = None
    for rows, count in client.list_pages(
        "crm.lead.list", select=SELECT, filter=date_filter, count=True
    ):
        if count is not None:
            total = count
        with_chats = [str(r["ID"]) for r in rows if r.get("HAS_IMOL") == "Y"]
        chats = fetch_chats(client, with_chats, chat_state)
        with ws.session() as session:
            report.leads += write_leads(session, rows, chats, region)
        report.chats += sum(len(v) for v in chats.values())
        seen.update(str(r["ID"]) for r in rows)
        eta = estimate.eta(report.leads, total, PAGE * 50)
        report_progress(PullProgress(Message(CONTEXT, STAGE_LEADS), report.leads, total, eta))
    if openline_chats and not chat_state["available"]:
        report.notes.append(Message(CONTEXT, MSG_NO_CHATS))

    report_progress(PullProgress(Message(CONTEXT, STAGE_REMOVED), report.leads, total, None))
    present = seen if since is None else portal_lead_ids(client)
    with ws.session() as session:
        gone = session.scalars(
            select(Lead).where(Lead.external_id.is_not(None), Lead.archived.is_(False))
        )
        for lead in gone:
            if lead.external_id not in present:
                lead.archived = True
                report.removed += 1
        set_pulled_at(session, portal_time)
    report.requests = client.requests - requests_before
    report.seconds = time.monotonic() - started
    return report


__all__ = ["PortalError", "PullProgress", "PullReport", "pull"]
