"""Russian translations of the review branch's strings (issue 12)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Type the value of the merged lead": "Ввести значение объединённого лида вручную",
    "typed": "введено вручную",
    "put right, from #{lead}": "исправлено, из #{lead}",
    "Type the value": "Ввод значения",
    "{field} of the merged lead:": "{field} объединённого лида:",
}
TRANSLATIONS.update(
    {
        "Merged leads {leads} into this lead ({when}, {who}).": "В этот лид объединены лиды {leads} ({when}, {who}).",
        ("MergeNote", "%Y-%m-%d %H:%M"): "%d.%m.%Y %H:%M",
    }
)
TRANSLATIONS.update({"Against: {reasons}": "Против: {reasons}"})
TRANSLATIONS.update(
    {
        # Plural forms (one, few, many); English ones keyed ("en", source).
        "Today: {merges} merged, %n pairs not duplicates": (
            "Сегодня: объединено {merges}, пар «не дубли»: %n",
            "Сегодня: объединено {merges}, пар «не дубли»: %n",
            "Сегодня: объединено {merges}, пар «не дубли»: %n",
        ),
        ("en", "Today: {merges} merged, %n pairs not duplicates"): (
            "Today: {merges} merged, %n pair not duplicates",
            "Today: {merges} merged, %n pairs not duplicates",
        ),
        # Gender-free wording instead of "изменил(а)", "изменён(о)", "сделал(а)".
        "Lead #{lead} was changed by {who} at {time} (now version {version}); nothing was merged": "Лид #{lead} был изменён в {time}, автор изменения: {who} (теперь версия {version}); ничего не объединено",
        "Cannot undo: {what} changed after the merge; undo would overwrite that change": "Нельзя отменить: после объединения есть изменения ({what}); отмена затёрла бы их",
        "This merge was made by {author}; only a supervisor may undo other operators' merges": "Автор этого объединения: {author}; отменять чужие объединения может только руководитель",
    }
)
