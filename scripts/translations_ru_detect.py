"""Russian for the detection work of issue 14 (bursts, templates, tiers)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Wrote much the same {minutes} min apart: '{text}' / '{other}'": "Написали почти то же с разницей {minutes} мин: «{text}» / «{other}»",
    "Both wrote a common text {minutes} min apart: '{text}'": "Оба написали частый текст с разницей {minutes} мин: «{text}»",
    "Both sent a text many leads send, {minutes} min apart: '{text}'": "Оба отправили шаблон, который шлют многие, с разницей {minutes} мин: «{text}»",
    "A man and a woman: {a} / {b}": "Мужчина и женщина: {a} / {b}",
    "Much the same inquiry (reworded)": "Почти тот же текст обращения (перефразирован)",
    "Same inquiry that a few leads send": "Одинаковый текст, который шлют несколько лидов",
    "Same template many leads send": "Одинаковый шаблон, который шлют многие",
    "A man and a woman (penalty)": "Мужчина и женщина (штраф)",
    "Also possible duplicates": "Также возможные дубли",
    "Also the groups with weaker evidence (a first name and the time, a text many leads send): more of the duplicates, more groups that are not": "Также группы со слабыми признаками (имя и время, текст, который шлют многие): больше найденных дублей, но и больше групп, которые дублями не являются",
}
