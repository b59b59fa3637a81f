"""Bitrix24's codes in deskdup's words: one place for the portal's vocabulary.

The portal names a lead's source with ``SOURCE_ID`` (``CALL``, ``WEB``, or for
an open line ``7|TELEGRAM``: line 7, connector TELEGRAM) and a messenger
account with the IM multi-field's ``VALUE_TYPE`` (``TELEGRAM``, ``WHATSAPP``…;
``IMOL`` holds an open-line chat as ``imol|connector|line|chat|user``).  The
export files' human names ("Telegram", "Открытая линия") are read by the
importer; these are the REST codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from deskdup.models import Channel, CommKind
from deskdup.services.normalize import Normalized, normalize_comm

# Connector ids and IM value types, matched by substring (connectors come as
# "telegrambot", "wz_whatsapp_abc", "fbinstagramdirect", "vkgroup"...).
_CONNECTORS: tuple[tuple[str, Channel], ...] = (
    ("telegram", Channel.TELEGRAM),
    ("whatsapp", Channel.WHATSAPP),
    ("viber", Channel.VIBER),
    ("avito", Channel.AVITO),
    ("instagram", Channel.INSTAGRAM),
    ("vk", Channel.VK),
    ("openline", Channel.OPENLINE),
    ("livechat", Channel.OPENLINE),
    ("imol", Channel.OPENLINE),
)
_PLAIN_SOURCES = {
    "CALL": Channel.CALL,
    "CALLBACK": Channel.CALL,
    "EMAIL": Channel.EMAIL,
    "WEB": Channel.SITE,
    "WEBFORM": Channel.SITE,
    "STORE": Channel.SITE,
    "RC_GENERATOR": Channel.SITE,
}
MULTI_FIELDS = ("PHONE", "EMAIL", "IM", "WEB")
KIND_OF = {
    "PHONE": CommKind.PHONE,
    "EMAIL": CommKind.EMAIL,
    "IM": CommKind.MESSENGER,
    "WEB": CommKind.WEB,
}


def connector_channel(connector: str, default: Channel = Channel.OPENLINE) -> Channel:
    text = (connector or "").lower()
    for needle, channel in _CONNECTORS:
        if needle in text:
            return channel
    return default


def source_channel(source_id: str | None) -> Channel:
    """``7|TELEGRAM`` -> telegram, ``WEB`` -> site, anything else -> other."""
    text = (source_id or "").strip()
    if "|" in text:
        return connector_channel(text.rsplit("|", 1)[-1])
    if text.upper() in _PLAIN_SOURCES:
        return _PLAIN_SOURCES[text.upper()]
    return connector_channel(text, Channel.OTHER)


@dataclass(frozen=True)
class ImolChat:
    connector: str
    line: str
    chat_id: str
    user: str


def parse_imol(value: str) -> ImolChat | None:
    """``imol|telegrambot|3|1234|567`` -> its parts (None when it is not one)."""
    parts = (value or "").strip().split("|")
    if len(parts) < 4 or parts[0].lower() != "imol":
        return None
    return ImolChat(parts[1], parts[2], parts[3], parts[4] if len(parts) > 4 else "")


def comm_channel(type_id: str, value_type: str, value: str) -> Channel:
    """The channel of one multi-field entry."""
    if type_id == "IM":
        if (value_type or "").upper() == "IMOL":
            chat = parse_imol(value)
            return connector_channel(chat.connector) if chat else Channel.OPENLINE
        return connector_channel(value_type, Channel.OTHER)
    if type_id == "EMAIL":
        return Channel.EMAIL
    if type_id == "WEB":
        return Channel.SITE
    return Channel.OTHER


def normalize_entry(type_id: str, value_type: str, value: str, region: str) -> Normalized:
    """The normalised value of a multi-field entry (an open-line chat keeps its address)."""
    kind = KIND_OF[type_id]
    if type_id == "IM" and (value_type or "").upper() in ("IMOL", "OPENLINE"):
        text = (value or "").strip().lower()
        return Normalized(text, bool(text))
    return normalize_comm(kind, comm_channel(type_id, value_type, value), value, region)
