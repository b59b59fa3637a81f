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
