"""Russian for the strings of the `cli` branch (workspace opening, start-up, logs, secrets)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "{path} is not a deskdup workspace (it is not a SQLite database); choose another file.": "{path} — не рабочая база deskdup (это не база SQLite); выберите другой файл.",
    'File not found: {path}. Check the path for a typo. A new, empty workspace is made only on request: deskdup init --db {quoted}, or "New workspace…" here.': "Файл не найден: {path}. Проверьте, нет ли опечатки в пути. Новая пустая рабочая база создаётся только по запросу: deskdup init --db {quoted} или «Новая база…» здесь.",
    "{path} is a CRM export (a spreadsheet), not a deskdup workspace. Import it into a workspace with: deskdup import {quoted} --db WORKSPACE": "{path} — выгрузка из CRM (таблица), а не рабочая база deskdup. Импортируйте её в рабочую базу: deskdup import {quoted} --db БАЗА",
}
