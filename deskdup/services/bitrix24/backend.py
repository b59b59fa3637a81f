"""``Bitrix24Backend``: the ``CrmBackend`` protocol over a linked portal.

Reading comes from the workspace, which is the portal's local cache (kept
fresh by ``sync.pull``); merging and binding write to the portal first and
the workspace follows.  The operator is the portal user the webhook belongs
to (``user.current``), whatever login was asked for: the portal acts as that
user on every write and enforces its own rights; deskdup checks its own
before.
"""

from __future__ import annotations

from sqlalchemy import select

from deskdup.models import Action, Contact, Lead
from deskdup.services.backend import SqlBackend
from deskdup.services.bitrix24 import merge as portal_merge
from deskdup.services.bitrix24.client import Bitrix24Client
from deskdup.services.bitrix24.link import workspace_link
from deskdup.services.bitrix24.sync import Progress, PullReport, pull
from deskdup.services.bitrix24.webhook import CONTEXT
from deskdup.services.errors import KnownError, RightsError, StaleError, fail
from deskdup.services.merge import MergeResult
from deskdup.services.merge_plan import MergePlan, cards_from_leads
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.operators import find_operator
from deskdup.services.policy import MergePolicy
from deskdup.services.rights import OperatorInfo, check_lead
from deskdup.services.workspace import Workspace

MSG_NO_USER = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The webhook's user #{user} is not among the workspace's operators yet; run a sync first.",
)
MSG_BIND_STALE = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "Lead #{lead} changed since it was shown; nothing was bound; the view has been reloaded",
)


class Bitrix24Backend(SqlBackend):
    def __init__(self, ws: Workspace, client: Bitrix24Client, *, region: str = "RU") -> None:
        super().__init__(ws)
        self.client = client
        self.region = region

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
        self.client.close()


def linked(ws: Workspace) -> bool:
    return workspace_link(ws) is not None


__all__ = ["Bitrix24Backend", "linked"]
