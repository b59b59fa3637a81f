"""Russian translations of the import's hostile-input messages (issue 11, branch import)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "the date '{value}' is not a lead's date: expected {earliest} to {latest}": "дата '{value}' не может быть датой лида: ожидается от {earliest} до {latest}",
    "the row contains a NUL character (binary data, not text)": "в строке есть символ NUL (двоичные данные, а не текст)",
    "the id '{id}' contains a control character": "в id '{id}' есть управляющий символ",
    "the title is longer than 300 characters": "название длиннее 300 символов",
}
