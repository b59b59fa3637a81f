"""Russian for the strings of Bitrix24 exports and the import window (branch b24x)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "cannot read the date '{value}' (dates are read day first: 25.11.2026, 25/11/2026 10:02, or ISO 2026-11-25T10:02)": "не удалось прочитать дату '{value}' (даты читаются с дня: 25.11.2026, 25/11/2026 10:02, или ISO 2026-11-25T10:02)",
    "contact '{value}' is not in the workspace: import the contacts export first": "контакта '{value}' нет в рабочей базе: сначала импортируйте выгрузку контактов",
}
