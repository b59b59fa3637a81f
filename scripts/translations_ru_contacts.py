"""Russian translations of contact search and binding (issue 8, branch contacts)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Contact ID {id}": "ID контакта {id}",
    "Same patronymic: {patronymic}": "То же отчество: {patronymic}",
    "Another patronymic: {patronymic}": "Другое отчество: {patronymic}",
    "Patronymic initial {initial} fits: {patronymic}": "Инициал отчества {initial} подходит: {patronymic}",
    "Bound lead #{lead} to contact #{contact} ({name}); added {comms} communication(s) and {chats} chat(s)": "Лид #{lead} привязан к контакту #{contact} ({name}); добавлено средств связи: {comms}, чатов: {chats}",
    "There is no lead {lead} (any more)": "Лида {lead} нет (больше нет)",
    "There is no contact {contact} (any more)": "Контакта {contact} нет (больше нет)",
    "Lead #{lead} was merged or archived; bind the lead that stayed": "Лид #{lead} объединён или в архиве; привяжите оставшийся лид",
    "Contact #{contact} was merged or archived; bind to the contact that stayed": "Контакт #{contact} объединён или в архиве; привяжите к оставшемуся контакту",
    "Lead #{lead} is already bound to contact #{contact}; nothing to add": "Лид #{lead} уже привязан к контакту #{contact}; добавить нечего",
    "Lead #{lead} was changed by someone else since you saw it (now version {version}); look again before binding": "Лид #{lead} изменил кто-то другой, пока вы его смотрели (теперь версия {version}); посмотрите ещё раз перед привязкой",
    "Contact #{contact} is your own ({department}); you have no {right} right on contacts at all; ask a supervisor": "Контакт #{contact} ваш ({department}); у вас нет права «{right}» на контакты вообще; обратитесь к руководителю",
    "Contact #{contact} belongs to {owner} ({department}); you have no {right} right on your colleagues' contacts; ask a supervisor": "Контакт #{contact} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты коллег; обратитесь к руководителю",
    "Contact #{contact} belongs to {owner} ({department}); you have no {right} right on contacts of that department; ask a supervisor": "Контакт #{contact} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты этого отдела; обратитесь к руководителю",
    "Contact #{contact} has no responsible operator; you have no {right} right on contacts that are not yours; ask a supervisor": "У контакта #{contact} нет ответственного; у вас нет права «{right}» на чужие контакты; обратитесь к руководителю",
}
