"""Russian translations of the desktop-fit branch's strings (issue 13): About,
font size, accessible names."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    # About
    "Python {python} · Qt {qt} · PySide6 {pyside} · deskdup: MIT licence": "Python {python} · Qt {qt} · PySide6 {pyside} · deskdup: лицензия MIT",
    "Settings:": "Настройки:",
    "Logs:": "Журналы:",
    "Data (the demo workspace):": "Данные (демо-база):",
    "Bundled libraries and their licences:": "Библиотеки в составе программы и их лицензии:",
    "Bundled libraries and their licences": "Библиотеки в составе программы и их лицензии",
    "Library": "Библиотека",
    "Version": "Версия",
    "Licence": "Лицензия",
    "Qt (inside PySide6)": "Qt (в составе PySide6)",
    "not stated": "не указана",
    'Qt, PySide6 and psycopg are used under the GNU LGPL version 3: they are separate libraries in the program folder and may be replaced by compatible builds. Qt\'s source code: <a href="{url}">{url}</a>.': 'Qt, PySide6 и psycopg используются на условиях GNU LGPL версии 3: это отдельные библиотеки в папке программы, их можно заменить совместимыми сборками. Исходный код Qt: <a href="{url}">{url}</a>.',
    # Settings
    "Font size": "Размер шрифта",
    " pt": " пт",
    "Larger text in every window of deskdup": "Крупнее текст во всех окнах deskdup",
}
TRANSLATIONS.update(
    {
        # Accessible names (what a screen reader says)
        "lead {number}": "лид {number}",
        "empty": "пусто",
        "{value}, chosen": "{value}, выбрано",
        "lead {number}, #{label}, {channel}": "лид {number}, #{label}, {channel}",
        "Primary: lead {number}, #{label}": "Основной: лид {number}, #{label}",
        "Lead {number} cannot be merged": "Лид {number} нельзя объединить",
        "Lead {number} is a different customer": "Лид {number} — другой клиент",
        "{lead}, primary": "{lead}, основной",
        "after the merge": "после объединения",
        "The group's leads side by side": "Лиды группы рядом",
        "Scroll the leads sideways": "Прокрутка лидов по горизонтали",
        "Scroll the fields": "Прокрутка полей",
        "Lowest score shown": "Наименьшая показываемая оценка",
        "Groups to review": "Группы для проверки",
        "Can merge": "Можно объединить",
        "locked": "нельзя объединить",
        "can merge": "можно объединить",
        "no channels": "нет каналов",
        "Queue, leads and history": "Очередь, лиды и история",
    }
)
TRANSLATIONS.update(
    {
        "contact {number}, #{label}": "контакт {number}, #{label}",
    }
)
TRANSLATIONS.update({"activities": "дела", "deals": "сделки"})
