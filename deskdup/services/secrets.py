"""Secrets through one small wrapper over ``keyring`` (Vorta's ``keyring/abc.py``).

Reading with no keyring backend answers "nothing stored" (None); storing says
plainly where the secret went or why it could not be kept.  Secrets never go
to settings files, logs or the history.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)
SERVICE = "deskdup"
CONTEXT = "Secrets"
MSG_STORED = QT_TRANSLATE_NOOP("Secrets", "The secret is kept in the system keyring ({backend}).")
MSG_NOT_STORED = QT_TRANSLATE_NOOP(
    "Secrets",
    "There is no system keyring here ({reason}), so the secret was not stored: it is used for "
    "this session only. Give it again next time (or set it in the environment).",
)


@dataclass(frozen=True)
class StoreResult:
    stored: bool
    message: Message


def read_secret(key: str) -> str | None:
    """The secret kept under ``key``; None when nothing is stored or there is no keyring."""
    try:
        import keyring

        return keyring.get_password(SERVICE, key) or None
    except Exception as exc:  # no backend, a locked or broken keyring
        log.debug("No secret read from the keyring: %s", type(exc).__name__)
        return None


def store_secret(key: str, secret: str) -> StoreResult:
    try:
        import keyring

        keyring.set_password(SERVICE, key, secret)
        backend = type(keyring.get_keyring()).__name__
        return StoreResult(True, Message(CONTEXT, MSG_STORED, {"backend": backend}))
    except Exception as exc:
        reason = type(exc).__name__
        return StoreResult(False, Message(CONTEXT, MSG_NOT_STORED, {"reason": reason}))


def forget_secret(key: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, key)
    except Exception:
        pass
