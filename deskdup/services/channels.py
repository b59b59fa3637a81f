"""The names of channels and communication kinds: the one table every layer asks.

The matcher's reasons (``Came 4 min apart via Telegram and Website``), the
merge note, an imported lead's title, the command line and the window all name
a channel from here.  Each name is marked for translation in the ``Channels``
context: a reason carries ``channel_message(channel)`` as a nested message, so
the window shows it in the operator's language with the rest of the reason,
and the command line and CRM data (merge note, titles) take the English
``channel_name``.
"""

from __future__ import annotations

from deskdup.models import Channel, CommKind
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "Channels"

CHANNEL_NAMES: dict[Channel, str] = {
    Channel.TELEGRAM: QT_TRANSLATE_NOOP("Channels", "Telegram"),
    Channel.WHATSAPP: QT_TRANSLATE_NOOP("Channels", "WhatsApp"),
    Channel.VIBER: QT_TRANSLATE_NOOP("Channels", "Viber"),
    Channel.VK: QT_TRANSLATE_NOOP("Channels", "VK"),
    Channel.AVITO: QT_TRANSLATE_NOOP("Channels", "Avito"),
    Channel.INSTAGRAM: QT_TRANSLATE_NOOP("Channels", "Instagram"),
    Channel.OPENLINE: QT_TRANSLATE_NOOP("Channels", "Open line"),
    Channel.SITE: QT_TRANSLATE_NOOP("Channels", "Website"),
    Channel.CALL: QT_TRANSLATE_NOOP("Channels", "Phone call"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Channels", "E-mail"),
    Channel.OTHER: QT_TRANSLATE_NOOP("Channels", "Other"),
}

KIND_NAMES: dict[CommKind, str] = {
    CommKind.PHONE: QT_TRANSLATE_NOOP("Channels", "Phone"),
    CommKind.EMAIL: QT_TRANSLATE_NOOP("Channels", "E-mail"),
    CommKind.MESSENGER: QT_TRANSLATE_NOOP("Channels", "Messenger"),
    CommKind.WEB: QT_TRANSLATE_NOOP("Channels", "Web"),
}

# One message object a channel: reasons that name a channel share it.
_CHANNEL_MESSAGES: dict[Channel, Message] = {
    channel: Message(CONTEXT, name) for channel, name in CHANNEL_NAMES.items()
}


def as_channel(value: Channel | str | None) -> Channel:
    """A channel from its stored value; anything unknown is ``Channel.OTHER``."""
    if isinstance(value, Channel):
        return value
    try:
        return Channel(value) if value is not None else Channel.OTHER
    except ValueError:
        return Channel.OTHER


def channel_name(channel: Channel | str | None) -> str:
    """The channel's name in English (the command line, CRM data)."""
    return CHANNEL_NAMES[as_channel(channel)]


def channel_message(channel: Channel | str | None) -> Message:
    """The channel's name as a message, translated where it is shown."""
    return _CHANNEL_MESSAGES[as_channel(channel)]
