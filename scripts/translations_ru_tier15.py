"""Russian for the likely tier chosen by precision (issue 14)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "by precision: right on average": "по точности: верных в среднем",
    "The queue shows the best pairs whose probabilities average at least this: the share of them that are one customer. The same probability means less in a busier workspace, so the tier starts higher there.": "Очередь показывает лучшие пары, средняя вероятность которых не ниже этой: такая доля из них — один клиент. В более загруженной базе та же вероятность значит меньше, поэтому там уровень начинается выше.",
    "or by probability:": "или по вероятности:",
    "Likely duplicates by precision": "Вероятные дубли по точности",
    "A review threshold of {old} saved by an earlier version of deskdup was a score of hand-set weights, not a probability. It is not used: likely duplicates are chosen by precision until it is saved anew here.": "Порог {old}, сохранённый прежней версией deskdup, был оценкой по заданным вручную весам, а не вероятностью. Он не используется: вероятные дубли выбираются по точности, пока настройки не сохранены здесь заново.",
    "The likely tier's precision must be from 50 % to 99.9 %, not {value}": "Точность уровня «вероятные» должна быть от 50 % до 99,9 %, а не {value}",
    "Likely duplicates: expected precision (— : by probability)": "Вероятные дубли: ожидаемая точность (— : по вероятности)",
}
