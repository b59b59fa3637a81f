"""Which column of an export holds which field, and the channels' names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from deskdup.models import Channel
from deskdup.services.channels import CHANNEL_NAMES
from deskdup.services.errors import KnownError
from deskdup.services.importer import bitrix24_export
from deskdup.services.names import fold


def header_key(header: str) -> str:
    text = fold(header.replace("\ufeff", "").strip())
    return re.sub(r"[\s\-]+", "_", text)


# field -> accepted header spellings (compared after ``_key``).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "external_id", "lead_id", "ид"),
    "created_at": ("created_at", "created", "date_create", "дата_создания", "создан"),
    "channel": ("channel", "source", "source_id", "канал", "источник"),
    "title": ("title", "название", "название_лида"),
    "name": ("name", "full_name", "fullname", "fio", "фио", "полное_имя"),
    "first_name": ("first_name", "firstname", "имя"),
    "last_name": ("last_name", "lastname", "surname", "фамилия"),
    "middle_name": ("middle_name", "second_name", "patronymic", "отчество"),
    "phone": ("phone", "phones", "телефон", "рабочий_телефон", "мобильный_телефон"),
    "email": ("email", "e_mail", "emails", "почта", "рабочий_e_mail", "частный_e_mail"),
    "telegram": ("telegram", "tg", "телеграм"),
    "whatsapp": ("whatsapp", "wa", "ватсап"),
    "message": ("message", "first_message", "inquiry", "сообщение", "первое_сообщение"),
    "comments": ("comments", "comment", "комментарий"),
    "assigned_to": ("assigned_to", "assigned", "responsible", "ответственный"),
    "status": ("status", "статус", "стадия"),
}
EXPECTED_HEADERS = ", ".join(FIELD_ALIASES)
_ALIAS_TO_FIELD = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
# Fields that may come from several columns (Bitrix24 exports "Рабочий телефон",
# "Мобильный телефон"...); the others take the first column that names them.
_MULTI_FIELDS = frozenset({"phone", "email", "telegram", "whatsapp", "messenger", "web"})

CHANNEL_ALIASES: dict[str, Channel] = {
    **{c.value: c for c in Channel},
    "tg": Channel.TELEGRAM,
    "телеграм": Channel.TELEGRAM,
    "wa": Channel.WHATSAPP,
    "ватсап": Channel.WHATSAPP,
    "вотсап": Channel.WHATSAPP,
    "авито": Channel.AVITO,
    "вконтакте": Channel.VK,
    "vkontakte": Channel.VK,
    "вк": Channel.VK,
    "инстаграм": Channel.INSTAGRAM,
    "ig": Channel.INSTAGRAM,
    "вайбер": Channel.VIBER,
    "web": Channel.SITE,
    "webform": Channel.SITE,
    "website": Channel.SITE,
    "form": Channel.SITE,
    "сайт": Channel.SITE,
    "callback": Channel.CALL,
    "phone": Channel.CALL,
    "звонок": Channel.CALL,
    "телефон": Channel.CALL,
    "e_mail": Channel.EMAIL,
    "mail": Channel.EMAIL,
    "почта": Channel.EMAIL,
    "открытая_линия": Channel.OPENLINE,
    "chat": Channel.OPENLINE,
    "другое": Channel.OTHER,
}

# How a lead's title names its channel when the file gives no title (CRM data, not UI).
# The channel's English name; a file that names no channel gives "Import".
CHANNEL_LABELS: dict[Channel, str] = {**CHANNEL_NAMES, Channel.OTHER: "Import"}


@dataclass
class Columns:
    single: dict[str, int]
    multi: dict[str, list[int]]
    names: list[str]  # original header texts
    ignored: list[str]
    # Messenger and website columns (Bitrix24's "Контакт Telegram"...): their channel.
    channels: dict[int, Channel] = field(default_factory=dict)
    bitrix24: bool = False  # the file is Bitrix24's own export (``bitrix24`` names its columns)


def map_columns(path: Path, header: list[str]) -> Columns:
    single: dict[str, int] = {}
    multi: dict[str, list[int]] = {}
    ignored: list[str] = []
    channels: dict[int, Channel] = {}
    names = [str(h).replace("\ufeff", "").strip() for h in header]
    # A title only Bitrix24's export uses ("Рабочий телефон", "Контакт Telegram",
    # "Lead Name") makes it read as one; deskdup's own columns keep their meaning
    # otherwise ("name" is the full name there, the first name in Bitrix24).
    from_bitrix24 = any(
        bitrix24_export.is_export_title(n) and header_key(n) not in _ALIAS_TO_FIELD for n in names
    )
    for index, name in enumerate(names):
        column = bitrix24_export.header_column(name) if from_bitrix24 else None
        if column is not None and column.channel is not None:
            channels[index] = column.channel
        field_name = column.field if column else _ALIAS_TO_FIELD.get(header_key(name))
        if field_name is None:
            if name:
                ignored.append(name)
        elif field_name in _MULTI_FIELDS:
            multi.setdefault(field_name, []).append(index)
        elif field_name in single:
            ignored.append(name)
        else:
            single[field_name] = index
    if not single and not multi:
        found = ", ".join(n for n in names if n)
        if len(found) > 200:
            found = found[:200] + "..."
        raise KnownError(
            f"{path.name}: the first line is not a header that names the columns "
            f"(it reads: {found}). Expected column names, in any case and order: "
            f"{EXPECTED_HEADERS} (or their Russian names, e.g. Телефон, ФИО)."
        )
    if "id" not in single:
        raise KnownError(
            f"{path.name} has no 'id' column: each lead needs its id in the source CRM "
            "(kept as the external id, so that importing the file again changes nothing). "
            f"Expected column names: {EXPECTED_HEADERS}."
        )
    return Columns(single, multi, names, ignored, channels, from_bitrix24)


def parse_channel(text: str) -> Channel | None:
    key = header_key(text)
    if "|" in key:  # Bitrix24 open lines: "7|TELEGRAM"
        key = key.rsplit("|", 1)[1]
    return CHANNEL_ALIASES.get(key)
