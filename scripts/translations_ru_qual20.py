"""Russian translations of the inquiry's weights within a burst (issue 14, qual20)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Same short or frequent inquiry within 20 min, no one else's around then": "Одинаковый короткий или частый текст в пределах 20 мин, больше ни у кого в это время",
    "Same short or frequent inquiry within 20 min, a few others' around then": "Одинаковый короткий или частый текст в пределах 20 мин, ещё у нескольких в это время",
    "Same inquiry that a few leads send, within 20 min": "Одинаковый текст, который шлют несколько лидов, в пределах 20 мин",
    "Same template many leads send, within 20 min": "Одинаковый шаблон, который шлют многие, в пределах 20 мин",
    "Came within 10 min via different channels": "Пришли в пределах 10 мин по разным каналам",
    "Came within 10 min via one channel": "Пришли в пределах 10 мин по одному каналу",
}
