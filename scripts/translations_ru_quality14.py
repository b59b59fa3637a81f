"""Russian translations of the inquiry's new levels and reasons (issue 14)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Both wrote {minutes} min apart, and no one else around then: '{text}'": "Оба написали с разницей {minutes} мин, и больше никто в это время: «{text}»",
    "Both wrote {minutes} min apart, and a few others around then: '{text}'": "Оба написали с разницей {minutes} мин, и ещё несколько человек в это время: «{text}»",
    "The same thing asked in other words": "Тот же вопрос другими словами",
    "Same short or frequent inquiry, no one else's around then": "Одинаковый короткий или частый текст, больше ни у кого в это время",
    "Same short or frequent inquiry, a few others' around then": "Одинаковый короткий или частый текст, ещё у нескольких в это время",
    "Much the same inquiry (reworded, or the same thing in other words)": "Почти тот же текст обращения (перефразирован или тот же вопрос другими словами)",
    "Same short or frequent inquiry, no one else's or a few others' around then": "Одинаковый короткий или частый текст, больше ни у кого или ещё у нескольких в это время",
    "Same inquiry that several leads send around then": "Одинаковый текст, который в это время шлют несколько лидов",
    "{channel} {nick} reads as another name than {name}": "{channel} {nick} — другое имя, не {name}",
    "A nickname that reads as another name": "Ник или адрес с другим именем",
    "A nickname or e-mail that reads as another name (penalty)": "Ник или e-mail с другим именем (штраф)",
}
