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
}
