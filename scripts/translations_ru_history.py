"""Russian for the history, undo, dismissals and team settings (branch history)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    # Undo
    "Undid history event {event} ({kind})": "Отменено событие истории {event} ({kind})",
    "This history event cannot be undone": "Это событие истории нельзя отменить",
    "{record} #{label} ({fields}; by {who})": "{record} #{label} ({fields}; изменил(а) {who})",
    "{record} #{label} (deleted; by {who})": "{record} #{label} (удалено; {who})",
    "{record} #{label} (the id is used again)": "{record} #{label} (номер занят снова)",
    "someone outside deskdup": "кто-то вне deskdup",
    "lead": "лид",
    "communication": "средство связи",
    "chat": "чат",
    "activity": "дело",
    "deal": "сделка",
    "contact": "контакт",
    "not-duplicates mark": "отметка «не дубли»",
    "team setting": "настройка команды",
    # Dismissals
    "Marked {count} pair(s) as not duplicates": "Отмечено пар «не дубли»: {count}",
    "Took back {count} not-duplicates mark(s)": "Снято отметок «не дубли»: {count}",
    "These leads are not marked as not duplicates": "Эти лиды не отмечены как «не дубли»",
    "Leads #{a} and #{b} were marked as not duplicates by {author}; only a supervisor may take back other operators' marks": "Лиды #{a} и #{b} отметил(а) как «не дубли» {author}; снять чужую отметку может только руководитель",
    # History: kinds of events
    ("History", "merge"): "объединение",
    ("History", "bind to contact"): "привязка к контакту",
    ("History", "merge contacts"): "объединение контактов",
    ("History", "undo"): "отмена",
    ("History", "not duplicates"): "не дубли",
    ("History", "team settings"): "настройки команды",
    # Team settings
    "Only a supervisor may change the team's settings; {operator} is not one": "Настройки команды меняет только руководитель; {operator} — не руководитель",
    "Changed the team's settings: {what}": "Изменены настройки команды: {what}",
    "The team's settings are already these": "Настройки команды уже такие",
    "The review threshold must be a score from 0 to 1, not {value}": "Порог проверки — число от 0 до 1, а не {value}",
    "The burst window must be from 1 to 240 minutes, not {value}": "Окно всплеска — от 1 до 240 минут, а не {value}",
    "The weight of '{code}' must be from -1 to 1, not {value}": "Вес «{code}» должен быть от -1 до 1, а не {value}",
    "There is no kind of evidence called '{code}'; the kinds are: {codes}": "Нет признака «{code}»; признаки: {codes}",
}
