"""Russian translations of the queue's branch (issue 12, items 7 and 8)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, object] = {
    # Plural forms (one, few, many); English ones keyed ("en", source).
    ("QueueModel", "%n leads"): ("%n лид", "%n лида", "%n лидов"),
    ("en", "%n leads"): ("%n lead", "%n leads"),
    "Not merged: the merge before is still being written; press {keys} again": "Не объединено: предыдущее объединение ещё записывается; нажмите {keys} ещё раз",
    "Not merged: the next group is still opening; look, then press {keys} again": "Не объединено: следующая группа ещё открывается; посмотрите её и нажмите {keys} ещё раз",
    "Nothing to merge: no group is open": "Нечего объединять: группа не открыта",
    "Not merged: you lack a right to merge this group (see above)": "Не объединено: у вас нет права объединить эту группу (причина указана выше)",
}
