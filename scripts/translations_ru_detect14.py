"""Russian translations of the strings added by the learned detection model (issue 14)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Both wrote {minutes} min apart, and no one else in those hours: '{text}'": "Оба написали с разницей {minutes} мин, и больше никто в эти часы: «{text}»",
    "Same short or frequent inquiry, but no one else's in those hours": "Одинаковый короткий или частый текст, но больше никто в эти часы",
}
