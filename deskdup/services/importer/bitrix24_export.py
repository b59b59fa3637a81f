"""Bitrix24's own lead and contact exports: their column names, stages and sources.

Bitrix24 exports a list of leads or contacts ("Экспорт в CSV / Excel") with
the column titles of its interface language, semicolon-separated with a BOM,
dates day first (``25.11.2026 10:02:11``), the responsible person by full
name, the source and stage by their display names, and every kind of phone,
e-mail, website and messenger in a column of its own.

Where the names come from: the titles Bitrix24 gives its fields and
multi-field kinds in its own CRM module's language files (Russian and
English), ``modules/crm/lang/{ru,en}/classes/general/crm_lead.php``,
``crm_contact.php``, ``crm_field_multi.php`` and ``crm_status.php`` of the
Bitrix24 core, checked against the REST reference (``crm.lead.fields``,
``crm.multifield.fields``: PHONE WORK/MOBILE/FAX/HOME/PAGER/MAILING/OTHER,
EMAIL WORK/HOME/MAILING/OTHER, IM TELEGRAM/VK/VIBER/INSTAGRAM/FACEBOOK/
BITRIX24/OPENLINE/IMOL/OTHER...) and against real exports' header rows quoted
in public scripts that read them.  Newer portals call the lead status
"Стадия" (older ones "Статус"); both are read.  Messenger columns of
connectors Bitrix24 adds later ("Контакт WhatsApp", "Контакт Avito", "Avito
contact") are read by their pattern, so a new one needs no code.

This module only names things; ``importer`` reads the rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from deskdup.models import Channel, CommKind
from deskdup.services.bitrix24 import vocabulary

# --------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """What a column holds: an importer field, and for a multi-field its kind and channel."""

    field: str
    kind: CommKind | None = None
    channel: Channel | None = None


def fold_header(text: str) -> str:
    """Case, ё, BOM, quotes and spacing do not matter in a column title."""
    text = text.replace("\ufeff", "").strip().strip('"').lower().replace("ё", "е")
    return re.sub(r"\s+", " ", text)


_PHONE = Column("phone", CommKind.PHONE)
_EMAIL = Column("email", CommKind.EMAIL)


def _im(channel: Channel) -> Column:
    return Column("messenger", CommKind.MESSENGER, channel)


def _web(channel: Channel) -> Column:
    return Column("web", CommKind.WEB, channel)


_TITLES: dict[Column, tuple[str, ...]] = {
    Column("id"): ("id", "ид"),
    Column("title"): ("название лида", "lead name", "lead title"),
    Column("first_name"): ("имя", "first name", "name"),
    Column("last_name"): ("фамилия", "last name"),
    Column("middle_name"): ("отчество", "second name", "middle name"),
    Column("name"): ("имя, фамилия", "ф.и.о.", "фио", "full name"),
    Column("status"): ("стадия", "статус", "stage", "status"),
    Column("source"): ("источник", "source"),
    Column("assigned_to"): (
        "ответственный", "responsible person", "responsible", "responsible user",
        "assigned to",
    ),
    Column("created_at"): ("дата создания", "created on", "creation date", "created"),
    Column("updated_at"): (
        "дата изменения", "modified on", "modification date", "modified", "обновлено",
    ),
    Column("comments"): ("комментарий", "comment", "comments"),
    Column("contact"): (
        "связанный контакт", "контакт", "id контакта", "contact", "contact id",
        "contact_id", "linked contact",
    ),
    # Phones (PHONE: WORK, MOBILE, FAX, HOME, PAGER, MAILING, OTHER).
    _PHONE: (
        "телефон", "рабочий телефон", "мобильный телефон", "номер факса", "домашний телефон",
        "номер пейджера", "телефон для рассылок", "другой телефон",
        "phone", "work phone", "mobile", "mobile phone", "fax", "home phone", "pager number",
        "sms marketing phone", "other phone number", "other phone",
    ),
    # E-mails (EMAIL: WORK, HOME, MAILING, OTHER).
    _EMAIL: (
        "e-mail", "рабочий e-mail", "частный e-mail", "e-mail для рассылок", "другой e-mail",
        "work e-mail", "home e-mail", "newsletters email", "other e-mail", "email",
    ),
    # Websites (WEB: WORK, HOME, FACEBOOK, VK, LIVEJOURNAL, TWITTER, OTHER).
    _web(Channel.SITE): (
        "сайт", "корпоративный сайт", "личная страница", "страница facebook",
        "страница livejournal", "микроблог twitter", "другой сайт", "website",
        "corporate website", "personal page", "facebook page", "livejournal", "twitter",
        "other website",
    ),
    _web(Channel.VK): ("страница вконтакте", "vk page"),
    # Messengers (IM) whose title is not "Контакт <name>" / "<name> contact".
    _im(Channel.INSTAGRAM): ("комментарии instagram", "instagram comments"),
    _im(Channel.OPENLINE): ("онлайн-чат", "live chat", "open channel account"),
    _im(Channel.OTHER): (
        "другой контакт", "other contact", "skype id", "icq number", "msn/live!", "jabber",
        "facebook account", "facebook comments", "facebook комментарии",
        "bitrix24.network account",
    ),
}  # fmt: skip

_BY_TITLE: dict[str, Column] = {
    title: column for column, titles in _TITLES.items() for title in titles
}

# "Контакт Telegram", "Контакт Открытая линия", "Telegram account", "Viber contact".
_MESSENGER_TITLE = re.compile(r"^(?:контакт (?P<ru>.+)|(?P<en>.+?) (?:contact|account))$")

# A messenger's or channel's name as Bitrix24 writes it (in column titles, in
# open-line source names such as "Telegram - Открытая линия" and in SOURCE_ID
# codes such as "7|TELEGRAM"), folded, to deskdup's channel.
_CHANNEL_WORDS: tuple[tuple[str, Channel], ...] = (
    ("telegram", Channel.TELEGRAM),
    ("телеграм", Channel.TELEGRAM),
    ("whatsapp", Channel.WHATSAPP),
    ("ватсап", Channel.WHATSAPP),
    ("вотсап", Channel.WHATSAPP),
    ("viber", Channel.VIBER),
    ("вайбер", Channel.VIBER),
    ("вконтакте", Channel.VK),
    ("vkontakte", Channel.VK),
    ("vk", Channel.VK),
    ("вк", Channel.VK),
    ("avito", Channel.AVITO),
    ("авито", Channel.AVITO),
    ("instagram", Channel.INSTAGRAM),
    ("инстаграм", Channel.INSTAGRAM),
    ("открытая линия", Channel.OPENLINE),
    ("open channel", Channel.OPENLINE),
    ("openline", Channel.OPENLINE),
    ("imol", Channel.OPENLINE),
    ("онлайн-чат", Channel.OPENLINE),
    ("live chat", Channel.OPENLINE),
    ("livechat", Channel.OPENLINE),
)
_WORD_SPLIT = re.compile(r"[\s|,;:()\-_/]+")


def _channel_named_in(text: str) -> Channel | None:
    """The messenger a (folded) name mentions: a whole word, or a two-word phrase."""
    words = [w for w in _WORD_SPLIT.split(text) if w]
    joined = " ".join(words)
    for name, channel in _CHANNEL_WORDS:
        if " " in name or "-" in name:
            if name in text or name in joined:
                return channel
        elif name in words:
            return channel
    return None


def header_column(title: str) -> Column | None:
    """The column a Bitrix24 export title names, or None when deskdup does not read it."""
    key = fold_header(title)
    column = _BY_TITLE.get(key)
    if column is not None:
        return column
    match = _MESSENGER_TITLE.match(key)
    if match is None:
        return None
    channel = _channel_named_in(match["ru"] or match["en"])
    if channel is None:
        # Skype, ICQ, Jabber, MSN, Facebook, Bitrix24.Network: kept, as "other".
        return _im(Channel.OTHER)
    return _im(channel)


def open_line_chat(value: str) -> Channel | None:
    """The messenger of an open-line chat id (``imol|telegrambot|1|123|456``); None if not one.

    The connector (``telegrambot``, ``whatsappbyedna``, ``avito``, ``vkgroup``,
    ``livechat``...) names the messenger, read by the REST vocabulary's rules.
    """
    chat = vocabulary.parse_imol(value)
    return vocabulary.connector_channel(chat.connector) if chat else None


def is_export_title(title: str) -> bool:
    """Whether the title is one only a Bitrix24 export uses (not deskdup's own format)."""
    key = fold_header(title)
    return key in _BY_TITLE or _MESSENGER_TITLE.match(key) is not None


# --------------------------------------------------------------------------- values

# STATUS_ID of the lead stages every portal has, by their display names.
_STATUSES: dict[str, str] = {
    "не обработан": "new",
    "новый": "new",
    "unassigned": "new",
    "not processed": "new",
    "new": "new",
    "в работе": "in_process",
    "in progress": "in_process",
    "in_process": "in_process",
    "обработан": "processed",
    "processed": "processed",
    "качественный лид": "converted",
    "сконвертирован": "converted",
    "good lead": "converted",
    "converted": "converted",
    "некачественный лид": "junk",
    "junk lead": "junk",
    "junk": "junk",
}


def status_code(text: str) -> str:
    """A stage's code: the five standard stages by name; a portal's own stage as written."""
    value = text.strip()
    return _STATUSES.get(fold_header(value), value)


# SOURCE_ID codes and display names of the standard sources (crm_status.php).
# None: a standard source that is not a channel (advertising, a recommendation...).
_SOURCES: dict[str, Channel | None] = {
    "call": Channel.CALL,
    "звонок": Channel.CALL,
    "callback": Channel.CALL,
    "обратный звонок": Channel.CALL,
    "call tracker": Channel.CALL,
    "call_tracker": Channel.CALL,
    "трекер звонков": Channel.CALL,
    "email": Channel.EMAIL,
    "e-mail": Channel.EMAIL,
    "электронная почта": Channel.EMAIL,
    "web": Channel.SITE,
    "website": Channel.SITE,
    "веб-сайт": Channel.SITE,
    "сайт": Channel.SITE,
    "webform": Channel.SITE,
    "crm form": Channel.SITE,
    "crm-форма": Channel.SITE,
    "веб-форма": Channel.SITE,
    "store": Channel.SITE,
    "online store": Channel.SITE,
    "интернет-магазин": Channel.SITE,
    "other": Channel.OTHER,
    "другое": Channel.OTHER,
    **dict.fromkeys(
        (
            "advertising", "реклама", "partner", "existing client", "существующий клиент",
            "recommendation", "by recommendation", "по рекомендации", "trade_show",
            "show/exhibition", "выставка", "rc_generator", "sales boost", "генератор продаж",
            "self", "свой контакт", "conference", "конференция",
        )
    ),
}  # fmt: skip


class Source(NamedTuple):
    known: bool  # a standard source or an open line; False: a portal's own source
    channel: Channel | None  # None: the source is not a channel


def read_source(text: str) -> Source:
    """A lead's Bitrix24 source, by SOURCE_ID code or display name.

    An open line's source names its connector ("Telegram - Открытая линия",
    ``7|TELEGRAM``, ``4|AVITO``) and gives that messenger; call, e-mail and the
    website forms give their channel; the other standard sources (advertising,
    existing client, recommendation, exhibition...) are known but not a
    channel, like a portal's own source, and the lead's channel is then taken
    from its communications.
    """
    key = fold_header(text)
    if not key:
        return Source(True, None)
    if "|" in key:  # a SOURCE_ID code: 7|TELEGRAM, 4|AVITO
        return Source(True, vocabulary.source_channel(text))
    if key in _SOURCES:
        return Source(True, _SOURCES[key])
    channel = _channel_named_in(key)
    return Source(channel is not None, channel)


def detect_entity(header: list[str], path: str | Path = "") -> str:
    """``"contact"`` for a contacts export, ``"lead"`` otherwise.

    A contacts export has no lead title or stage; Bitrix24 names its export
    files ``CONTACT_<date>...`` / ``LEAD_<date>...``, which decides when the
    columns do not.
    """
    keys = {fold_header(h) for h in header}
    lead_only = {"название лида", "lead name", "lead title", "стадия", "статус", "stage", "status"}
    contact_only = {"тип контакта", "contact type", "участвует в экспорте контактов"}
    if keys & lead_only:
        return "lead"
    if keys & contact_only:
        return "contact"
    name = Path(path).name.lower()
    if name.startswith(("contact", "контакт")):
        return "contact"
    return "lead"
