"""Russian translations of the review branch's strings (issue 12)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Type the value of the merged lead": "Ввести значение объединённого лида вручную",
    "typed": "введено вручную",
    "put right, from #{lead}": "исправлено, из #{lead}",
    "Type the value": "Ввод значения",
    "{field} of the merged lead:": "{field} объединённого лида:",
}
