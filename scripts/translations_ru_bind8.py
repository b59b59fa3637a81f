"""Russian translations of the bind dialog and contacts in the comparison (issue 8, branch bind8)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    # services
    "Lead #{lead} is no longer bound to a contact": "Лид #{lead} больше не привязан к контакту",
    "Merged {count} leads into #{primary} and bound it to contact #{contact} ({name})": "Лиды ({count}) объединены в #{primary}, он привязан к контакту #{contact} ({name})",
    "With a Bitrix24 portal the merge cannot bind its result to a contact yet: merge, then bind the merged lead to the contact (lead list, right click).": "С порталом Битрикс24 объединение пока не может сразу привязать результат к контакту: объедините, затем привяжите объединённый лид к контакту (список лидов, правый щелчок).",
    # undo
    "Undo binding lead {lead} to contact {contact}, {time}, {who}?": "Отменить привязку лида {lead} к контакту {contact}, {time}, {who}?",
    "Undo the last bind": "Отмена последней привязки",
    "The lead and the contact will be restored exactly as they were.": "Лид и контакт вернутся точно в прежнее состояние.",
    "Undo bind": "Отменить привязку",
    # comparison
    "The merge will bind the merged lead to contact #{contact} ({name}) and give it the group's phones, e-mails, messengers and chats.": "Объединение привяжет объединённый лид к контакту #{contact} ({name}) и передаст контакту телефоны, e-mail, мессенджеры и чаты группы.",
    "bind to another contact…": "привязать к другому контакту…",
    "Find a contact for the merged lead": "Найти контакт для объединённого лида",
    "found in the contacts; bound by the merge": "найден в контактах; привяжется при объединении",
    "Bind the merged lead to a contact": "Привязать объединённый лид к контакту",
    "Contact…": "Контакт…",
    "Find the customer's contact; the merge binds the merged lead to it": "Найти контакт клиента; объединение привяжет к нему объединённый лид",
    "&Bind to a contact…": "&Привязать к контакту…",
    # lead list
    "Bind to a contact…": "Привязать к контакту…",
    "Find the contact this lead belongs to and bind it": "Найти контакт, к которому относится лид, и привязать",
    # the dialog
    "(no name)": "(без имени)",
    "no phones, e-mails or messengers": "нет телефонов, e-mail и мессенджеров",
    "nobody": "никто",
    "Responsible: {owner}": "Ответственный: {owner}",
    "Deals: {deals}": "Сделки: {deals}",
    "one of these leads is bound to it already": "к нему уже привязан один из этих лидов",
    "this lead is bound to it already": "этот лид уже привязан к нему",
    "Bind to a contact": "Привязка к контакту",
    "Contact ID, name (any order, initials, typos), phone, e-mail or @handle": "ID контакта, ФИО (в любом порядке, инициалы, опечатки), телефон, e-mail или @ник",
    "Bind the merged lead": "Привязать объединённый лид",
    "The merge will bind the merged lead to this contact ({key})": "Объединение привяжет объединённый лид к этому контакту ({key})",
    "Merge and bind": "Объединить и привязать",
    "Merge the group now and bind the result to this contact ({key})": "Объединить группу сейчас и привязать результат к этому контакту ({key})",
    "Bind": "Привязать",
    "Bind the lead to this contact ({key})": "Привязать лид к этому контакту ({key})",
    "Searching…": "Поиск…",
    "No contact matches “{text}”.": "Нет контактов по запросу «{text}».",
    "Contacts this lead most likely belongs to (type to search):": "Контакты, к которым скорее всего относится лид (начните вводить для поиска):",
    "No contact looks like this lead; type a contact ID, a name or a phone.": "Похожих контактов нет; введите ID контакта, ФИО или телефон.",
    "{count} contacts searched in {ms} ms": "Просмотрено контактов: {count} за {ms} мс",
    "Lead #{lead}": "Лид #{lead}",
    "The lead merged from {leads} will be bound to the contact you choose": "Лид, объединённый из {leads}, будет привязан к выбранному контакту",
    # plural forms (one, few, many); English ones keyed ("en", source)
    "%n lead(s)": ("%n лид", "%n лида", "%n лидов"),
    "%n deal(s)": ("%n сделка", "%n сделки", "%n сделок"),
    "%n contact(s) found": ("Найден %n контакт", "Найдено %n контакта", "Найдено %n контактов"),
    ("en", "%n lead(s)"): ("%n lead", "%n leads"),
    ("en", "%n deal(s)"): ("%n deal", "%n deals"),
    ("en", "%n contact(s) found"): ("%n contact found", "%n contacts found"),
}
