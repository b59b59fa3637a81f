"""Russian translations of the import's hostile-input messages (issue 11, branch import)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "the date '{value}' is not a lead's date: expected {earliest} to {latest}": "дата '{value}' не может быть датой лида: ожидается от {earliest} до {latest}",
}
