"""Russian for the strings of the `cli` branch (workspace opening, start-up, logs, secrets)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "{path} is not a deskdup workspace (it is not a SQLite database); choose another file.": "{path} — не рабочая база deskdup (это не база SQLite); выберите другой файл.",
    'File not found: {path}. Check the path for a typo. A new, empty workspace is made only on request: deskdup init --db {quoted}, or "New workspace…" in the window\'s "Open a workspace" dialog.': "Файл не найден: {path}. Проверьте, нет ли опечатки в пути. Новая пустая рабочая база создаётся только по запросу: deskdup init --db {quoted} или кнопкой «Новая база…» в окне «Открыть рабочую базу».",
    "{path} is a CRM export (a spreadsheet), not a deskdup workspace. Import it into a workspace with: deskdup import {quoted} --db WORKSPACE": "{path} — выгрузка из CRM (таблица), а не рабочая база deskdup. Импортируйте её в рабочую базу: deskdup import {quoted} --db БАЗА",
}
TRANSLATIONS.update(
    {
        "The view has been reloaded.": "Данные обновлены.",
        "Lead #{lead} was changed by someone else (now version {version}); nothing was bound": "Лид #{lead} изменил кто-то другой (теперь версия {version}); ничего не привязано",
        "Lead #{lead} was changed by {who} at {time} (now version {version}); nothing was merged": "Лид #{lead} изменил(а) {who} в {time} (теперь версия {version}); ничего не объединено",
        "Lead #{lead} was deleted by someone else; nothing was merged": "Лид #{lead} удалил кто-то другой; ничего не объединено",
        "Lead #{lead} was merged into #{into} by {who}; nothing was merged": "Лид #{lead} уже объединён в #{into} ({who}); ничего не объединено",
        "Someone else changed one of these leads at the same moment; nothing was merged": "Кто-то другой в тот же момент изменил один из этих лидов; ничего не объединено",
    }
)
TRANSLATIONS.update(
    {
        "The disk is full where the workspace is kept; nothing was written. Free some space and try again.": "Диск, на котором лежит рабочая база, заполнен; ничего не записано. Освободите место и повторите.",
        "The database took too long to answer ({seconds} s); nothing was written. Try again; if it keeps happening, ask the database administrator.": "База данных слишком долго не отвечала ({seconds} с); ничего не записано. Повторите; если это повторяется, обратитесь к администратору базы данных.",
    }
)
TRANSLATIONS.update(
    {
        "Lead {leads} is held by {who}, whose change has been open since {since}; nothing was merged. Try again when they finish.": "Лид {leads} занят: {who} начал(а) изменение в {since}; ничего не объединено. Повторите, когда изменение закончится.",
        "Lead {leads} is held by another session of the database; nothing was merged. Try again in a moment.": "Лид {leads} занят другим сеансом базы данных; ничего не объединено. Повторите через минуту.",
        "deskdup ({login})": "deskdup ({login})",
        "{program} (database user {user}{where})": "{program} (пользователь базы {user}{where})",
    }
)
TRANSLATIONS.update(
    {
        ("ConnectionDialog", "New workspace…"): "Новая база…",
        "Create a new, empty workspace file (then add the operators and import leads)": "Создать новый пустой файл рабочей базы (затем добавьте операторов и импортируйте лиды)",
        "deskdup workspaces (*.sqlite *.sqlite3 *.db)": "Рабочие базы deskdup (*.sqlite *.sqlite3 *.db)",
        "CRM exports, to import (*.csv *.xlsx)": "Выгрузки из CRM, для импорта (*.csv *.xlsx)",
        ("ConnectionDialog", "All files (*)"): "Все файлы (*)",
        ("ConnectionDialog", "Look in:"): "Папка:",
        ("ConnectionDialog", "File name:"): "Имя файла:",
        ("ConnectionDialog", "Files of type:"): "Тип файлов:",
        ("ConnectionDialog", "Cancel"): "Отмена",
        ("ConnectionDialog", "Open"): "Открыть",
        ("ConnectionDialog", "Create"): "Создать",
        "Open a workspace file": "Открыть файл рабочей базы",
        "New workspace file": "Новый файл рабочей базы",
    }
)
