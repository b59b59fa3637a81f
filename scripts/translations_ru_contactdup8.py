"""Russian translations of the duplicate-contacts strings (issue 8, item 4)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    # Detection
    "On one deal: {deal}": "На одной сделке: {deal}",
    # Rights on contacts
    "Contact #{lead} is your own ({department}); you have no {right} right on contacts at all; ask a supervisor": "Контакт #{lead} ваш ({department}); у вас нет права «{right}» на контакты вообще; обратитесь к руководителю",
    "Contact #{lead} belongs to {owner} ({department}); you have no {right} right on your colleagues' contacts; ask a supervisor": "Контакт #{lead} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты коллег; обратитесь к руководителю",
    "Contact #{lead} belongs to {owner} ({department}); you have no {right} right on contacts of that department; ask a supervisor": "Контакт #{lead} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты этого отдела; обратитесь к руководителю",
    "Contact #{lead} has no responsible operator; you have no {right} right on contacts that are not yours; ask a supervisor": "У контакта #{lead} нет ответственного; у вас нет права «{right}» на чужие контакты; обратитесь к руководителю",
    # The contact merge and its undo
    "A merge needs at least two different contacts": "Для объединения нужны хотя бы два разных контакта",
    "Contact {contact} does not exist (any more)": "Контакта {contact} нет (уже нет)",
    "Contact #{contact} was already merged into #{into}": "Контакт #{contact} уже объединён с #{into}",
    "Contact #{contact} is archived; it cannot be merged": "Контакт #{contact} в архиве; его нельзя объединить",
    "Contact #{contact} was changed by someone else (now version {version}); nothing was merged": "Контакт #{contact} изменил кто-то другой (теперь версия {version}); ничего не объединено",
    "Contact #{contact} was deleted or merged by someone else; nothing was merged": "Контакт #{contact} удалил или объединил кто-то другой; ничего не объединено",
    "Merged {count} contacts into #{primary}": "Объединено контактов: {count}, в #{primary}",
    "Undid the merge of contacts into #{primary}; {count} contacts restored": "Объединение контактов в #{primary} отменено; восстановлено контактов: {count}",
    "the deals of contact #{label} (by {who})": "сделки контакта #{label} ({who})",
    "deal's contacts": "контакты сделки",
    # The window
    "Contacts": "Контакты",
    "Duplicates of": "Дубликаты чего",
    "Duplicate leads or duplicate contacts ({key})": "Дубликаты лидов или контактов ({key})",
    "Scanning contacts…": "Поиск дубликатов контактов…",
    "{groups} groups among {contacts} contacts": "Групп: {groups} среди {contacts} контактов",
    "Loading {count} contacts…": "Загрузка контактов: {count}…",
    "{count} contacts that may be one customer": "Контактов, возможно одного клиента: {count}",
    "Contact": "Контакт",
    "contact · created {time} · leads: {leads}": "контакт · создан {time} · лидов: {leads}",
    "no leads": "нет лидов",
}
