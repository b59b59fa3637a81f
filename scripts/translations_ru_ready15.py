"""Russian for the queue shown before all its rows are read (branch ready15)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "{n} groups to review · reading the rest…": "Групп на проверку: {n} · остальные загружаются…",
    "{shown} of the first {first} of {total} groups · reading the rest…": "{shown} из первых {first} (всего групп: {total}) · остальные загружаются…",
}
