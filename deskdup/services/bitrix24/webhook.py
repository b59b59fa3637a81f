"""An incoming webhook: ``https://PORTAL/rest/USER_ID/SECRET/``.

The secret grants whatever the webhook's user may do, so it never appears in
a message, a log line, a setting or the history: ``Webhook`` prints as the
portal and user only, and ``redact`` blanks it out of any text that might
carry it (an exception from the HTTP library, say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from deskdup.services.errors import KnownError, fail
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "Bitrix24"
MSG_NOT_A_WEBHOOK = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "This is not a Bitrix24 webhook address. Copy it from the portal (Developer resources → "
    "Other → Incoming webhook); it looks like https://your-company.bitrix24.ru/rest/1/abc123xyz/",
)

_PATH = re.compile(r"^/rest/(\d+)/([A-Za-z0-9_\-]+)(?:/.*)?$")


@dataclass(frozen=True)
class Webhook:
    portal: str  # scheme://host[:port], no trailing slash
    user_id: int
    secret: str = field(repr=False)

    def method_url(self, method: str) -> str:
        return f"{self.portal}/rest/{self.user_id}/{self.secret}/{method}"

    @property
    def display(self) -> str:
        """What an operator may see: the portal and the user, never the secret."""
        return f"{self.portal}/rest/{self.user_id}/…"

    def redact(self, text: str) -> str:
        return text.replace(self.secret, "…") if self.secret else text

    def __str__(self) -> str:
        return self.display


def parse_webhook(text: str) -> Webhook:
    """The webhook in ``text`` (any method name after the secret is ignored)."""
    raw = (text or "").strip()
    if raw and "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    match = _PATH.match(parts.path or "")
    if parts.scheme not in ("http", "https") or not parts.netloc or match is None:
        raise fail(KnownError, Message(CONTEXT, MSG_NOT_A_WEBHOOK))
    return Webhook(f"{parts.scheme}://{parts.netloc}".lower(), int(match.group(1)), match.group(2))


def portal_address(text: str) -> str:
    """``https://host`` of a portal address typed by the operator."""
    raw = (text or "").strip()
    if raw and "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.netloc else ""
