"""Which portal a workspace is linked to, and where its webhook comes from.

The link lives in ``workspace_meta`` (portal address, the webhook's user, when
it was linked, the portal time of the last complete pull): everyone who opens
the workspace sees it.  The webhook's secret does not: it comes from the
command line, the ``DESKDUP_BITRIX24_WEBHOOK`` environment variable or the
system keyring (``services.secrets``), in that order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.orm import Session

from deskdup.models import WorkspaceMeta
from deskdup.services.bitrix24.webhook import CONTEXT, Webhook, parse_webhook
from deskdup.services.errors import KnownError, fail
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.secrets import read_secret, store_secret
from deskdup.services.workspace import Workspace

ENV = "DESKDUP_BITRIX24_WEBHOOK"
PORTAL_KEY = "bitrix24.portal"
USER_KEY = "bitrix24.user_id"
LINKED_KEY = "bitrix24.linked_at"
PULLED_KEY = "bitrix24.pulled_at"

MSG_OTHER_PORTAL = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "This workspace is linked to the portal {linked}, not {given}. Give a webhook of "
    "{linked}, or use another workspace for {given}.",
)
MSG_NO_WEBHOOK = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "This workspace is linked to the portal {portal}, but no webhook for it is at hand: give "
    "it with --bitrix24 URL or in the environment variable DESKDUP_BITRIX24_WEBHOOK.",
)
MSG_NOT_LINKED = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "This workspace is not linked to a Bitrix24 portal yet: give the webhook with "
    "--bitrix24 URL (or DESKDUP_BITRIX24_WEBHOOK).",
)


@dataclass(frozen=True)
class PortalLink:
    portal: str
    user_id: int
    linked_at: str = ""
    pulled_at: str = ""  # the portal's own time when the last complete pull began

    @property
    def secret_key(self) -> str:
        """The keyring entry of this portal's webhook (names no secret)."""
        return f"bitrix24 {self.portal} user {self.user_id}"


def _meta(session: Session, key: str) -> str:
    row = session.get(WorkspaceMeta, key)
    return row.value if row is not None else ""


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(WorkspaceMeta, key)
    if row is None:
        session.add(WorkspaceMeta(key=key, value=value))
    else:
        row.value = value


def read_link(session: Session) -> PortalLink | None:
    portal = _meta(session, PORTAL_KEY)
    if not portal:
        return None
    user = _meta(session, USER_KEY)
    return PortalLink(
        portal, int(user or 0), _meta(session, LINKED_KEY), _meta(session, PULLED_KEY)
    )


def lead_url(link: PortalLink | None, external_id: str | None) -> str | None:
    """The lead's page in the portal (``https://PORTAL/crm/lead/details/ID/``), if any.

    Only a lead the portal knows has one: an ID of digits in a linked workspace.
    """
    if link is None or not external_id or not external_id.isdigit():
        return None
    return f"{link.portal}/crm/lead/details/{external_id}/"


def workspace_link(ws: Workspace) -> PortalLink | None:
    with ws.session() as session:
        return read_link(session)


def write_link(session: Session, link: PortalLink) -> None:
    _set(session, PORTAL_KEY, link.portal)
    _set(session, USER_KEY, str(link.user_id))
    _set(session, LINKED_KEY, link.linked_at)
    _set(session, PULLED_KEY, link.pulled_at)


def set_pulled_at(session: Session, value: str) -> None:
    _set(session, PULLED_KEY, value)


def check_same_portal(link: PortalLink | None, webhook: Webhook) -> None:
    if link is not None and link.portal != webhook.portal:
        params = {"linked": link.portal, "given": webhook.portal}
        raise fail(KnownError, Message(CONTEXT, MSG_OTHER_PORTAL, params))


def find_webhook(link: PortalLink | None, given: str | None = None) -> Webhook:
    """The webhook to use: ``given``, else the environment, else the keyring."""
    text = (given or "").strip() or os.environ.get(ENV, "").strip()
    if text:
        webhook = parse_webhook(text)
        check_same_portal(link, webhook)
        return webhook
    if link is None:
        raise fail(KnownError, Message(CONTEXT, MSG_NOT_LINKED))
    secret = read_secret(link.secret_key)
    if not secret:
        raise fail(KnownError, Message(CONTEXT, MSG_NO_WEBHOOK, {"portal": link.portal}))
    return Webhook(link.portal, link.user_id, secret)


def remember_webhook(webhook: Webhook):
    """Keep the webhook's secret in the keyring; the ``StoreResult`` says where it went."""
    key = PortalLink(webhook.portal, webhook.user_id).secret_key
    return store_secret(key, webhook.secret)
