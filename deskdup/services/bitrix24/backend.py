"""``Bitrix24Backend``: the ``CrmBackend`` protocol over a linked portal.

Reading comes from the workspace, which is the portal's local cache (kept
fresh by ``sync.pull``); merging and binding write to the portal first and
the workspace follows.  The operator is the portal user the webhook belongs
to (``user.current``), whatever login was asked for: the portal acts as that
user on every write and enforces its own rights; deskdup checks its own
before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from deskdup.models import Action, Contact, Lead
from deskdup.services.backend import SqlBackend
from deskdup.services.bitrix24 import merge as portal_merge
from deskdup.services.bitrix24.client import Bitrix24Client
from deskdup.services.bitrix24.link import find_webhook, remember_webhook, workspace_link
from deskdup.services.bitrix24.records import user_name
from deskdup.services.bitrix24.sync import Progress, PullReport, pull
from deskdup.services.bitrix24.webhook import CONTEXT, parse_webhook
from deskdup.services.errors import Cancelled, KnownError, RightsError, StaleError, fail
from deskdup.services.merge import MergeResult
from deskdup.services.merge_plan import MergePlan, cards_from_leads
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.operators import find_operator
from deskdup.services.policy import MergePolicy
from deskdup.services.rights import OperatorInfo, check_lead
from deskdup.services.secrets import StoreResult
from deskdup.services.workspace import Workspace

MSG_NO_USER = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The webhook's user #{user} is not among the workspace's operators yet; run a sync first.",
)
MSG_BIND_STALE = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "Lead #{lead} changed since it was shown; nothing was bound; the view has been reloaded",
)


MSG_NO_WEBHOOK_HERE = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "This workspace is linked to the portal {portal}, but its webhook is not at hand, so "
    "nothing can be written to the portal: give the webhook in File → Open workspace "
    "(Bitrix24 portal), or in DESKDUP_BITRIX24_WEBHOOK.",
)
MSG_CHECK_OK = QT_TRANSLATE_NOOP(
    "Bitrix24", "Connected to {portal} as {user}; the portal has {count} leads."
)


class Bitrix24Backend(SqlBackend):
    """A linked portal; with ``client=None`` (no webhook at hand) it reads but writes nothing."""

    def __init__(self, ws: Workspace, client: Bitrix24Client | None, *, region: str = "RU") -> None:
        super().__init__(ws)
        self._client = client
        self.region = region

    @property
    def client(self) -> Bitrix24Client:
        if self._client is None:
            link = workspace_link(self.ws)
            portal = link.portal if link is not None else "?"
            raise fail(KnownError, Message(CONTEXT, MSG_NO_WEBHOOK_HERE, {"portal": portal}))
        return self._client

    @property
    def writable(self) -> bool:
        return self._client is not None

    # ---- who

    def webhook_operator(self) -> OperatorInfo:
        with self.ws.session() as session:
            op = portal_merge.operator_for_webhook(session, self.client.webhook.user_id)
            if op is None:
                params = {"user": self.client.webhook.user_id}
                raise fail(KnownError, Message(CONTEXT, MSG_NO_USER, params))
            return find_operator(session, op.login)

    def current_operator(self, login: str | None = None) -> OperatorInfo:
        """The webhook's user: the portal acts as them whatever login is given."""
        return self.webhook_operator()

    def merge_policy(self) -> MergePolicy:
        # mergeBatch deletes the other leads; deskdup's check asks for that right.
        return MergePolicy(archive_instead_of_delete=False)

    # ---- sync

    def pull(
        self, progress: Progress | None = None, *, full: bool = False, openline_chats: bool = True
    ) -> PullReport:
        return pull(
            self.ws,
            self.client,
            progress=progress,
            full=full,
            region=self.region,
            openline_chats=openline_chats,
        )

    def resume(self) -> list[Message]:
        """Finish or report the merges a previous run left half-way."""
        return portal_merge.resume(self.ws, self.client)

    # ---- writing

    def apply_merge(self, plan: MergePlan, operator_id: int) -> MergeResult:
        return portal_merge.start_merge(self.ws, self.client, plan, operator_id, region=self.region)

    def bind_contact(
        self, lead_id: int, contact_id: int | None, operator_id: int, expected_version: int
    ) -> int:
        """Write CONTACT_ID to the portal, then bind in the workspace with a history event."""
        with self.ws.session() as session:
            operator = portal_merge._operator(session, operator_id)
            lead = session.get(Lead, lead_id)
            if lead is None or lead.version != expected_version:
                label = lead.label if lead is not None else str(lead_id)
                raise fail(StaleError, Message(CONTEXT, MSG_BIND_STALE, {"lead": label}))
            refusal = check_lead(operator, cards_from_leads([lead])[lead.id], Action.EDIT)
            if refusal is not None:
                raise fail(RightsError, refusal.message, refusals=[refusal])
            lead_ext = lead.external_id
            contact_ext = (
                session.scalar(select(Contact.external_id).where(Contact.id == contact_id))
                if contact_id is not None
                else None
            )
        # Setting a value is idempotent: sent again after a lost answer, it does no harm.
        self.client.call(
            "crm.lead.update", {"id": lead_ext, "fields": {"CONTACT_ID": contact_ext or 0}}
        )
        return super().bind_contact(lead_id, contact_id, operator_id, expected_version)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


def linked(ws: Workspace) -> bool:
    return workspace_link(ws) is not None


@dataclass(frozen=True)
class PortalCheck:
    portal: str
    user_name: str
    lead_count: int

    @property
    def message(self) -> Message:
        params = {"portal": self.portal, "user": self.user_name, "count": self.lead_count}
        return Message(CONTEXT, MSG_CHECK_OK, params)


def check_webhook(text: str) -> PortalCheck:
    """Which user the webhook acts as and how many leads the portal has (one request)."""
    webhook = parse_webhook(text)
    with Bitrix24Client(webhook) as client:
        result = client.batch(
            {
                "me": ("user.current", {}),
                "leads": ("crm.lead.list", {"select": ["ID"], "start": 0}),
            }
        )
        for key, method in (("me", "user.current"), ("leads", "crm.lead.list")):
            if key in result.errors:
                raise client.batch_error(method, result.errors[key])
        count = result.totals.get("leads", len(result.results.get("leads") or []))
        return PortalCheck(webhook.portal, user_name(result.results["me"]), count)


@dataclass
class PortalOpened:
    """A workspace opened on its portal: what the window needs to know."""

    backend: Bitrix24Backend
    operator: OperatorInfo | None  # the webhook's user; None when no webhook is at hand
    told: list[Message]  # finished merges, problems: shown to the operator
    report: PullReport | None = None
    stored: StoreResult | None = None
    cancelled: bool = False


def open_portal(
    ws: Workspace,
    webhook_text: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PortalOpened | None:
    """Link (with a new webhook), finish open merges and pull; None for a plain workspace.

    A linked workspace whose webhook is nowhere at hand opens read-only; one
    whose portal cannot be reached opens on what was pulled before, with the
    reason among ``told``.  A new link that fails raises (nothing is linked).
    A webhook given here goes to the keyring; ``stored`` says whether it could.
    """
    link = workspace_link(ws)
    if link is None and not webhook_text:
        return None
    try:
        webhook = find_webhook(link, webhook_text)
    except KnownError as exc:
        if link is None or webhook_text:
            raise
        message = getattr(exc, "message", None) or Message(CONTEXT, str(exc))
        return PortalOpened(Bitrix24Backend(ws, None), None, [message])
    backend = Bitrix24Backend(ws, Bitrix24Client(webhook, cancelled=cancelled))
    opened = PortalOpened(backend, None, [])
    try:
        opened.told.extend(backend.resume())
        opened.report = backend.pull(progress)
    except Cancelled:
        opened.cancelled = True
    except KnownError as exc:
        if link is None:
            backend.close()
            raise
        opened.told.append(getattr(exc, "message", None) or Message(CONTEXT, str(exc)))
    if webhook_text and opened.report is not None:
        opened.stored = remember_webhook(webhook)
    try:
        opened.operator = backend.webhook_operator()
    except KnownError as exc:
        opened.told.append(getattr(exc, "message", None) or Message(CONTEXT, str(exc)))
    return opened


__all__ = [
    "Bitrix24Backend",
    "PortalCheck",
    "PortalOpened",
    "check_webhook",
    "linked",
    "open_portal",
]
