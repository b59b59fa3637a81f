"""Russian translations of the comparison's mark on a loosely linked lead."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "Loosely linked: of this group, it is most like lead {number} (#{label}), at {score:.2f}. Check that it is the same customer; if not, take it out of the group.": "Слабая связь: в этой группе больше всего похож на лид {number} (#{label}), оценка {score:.2f}. Проверьте, тот же ли это клиент; если нет — уберите его из группы.",
    "Loosely linked: of this group, it is most like contact {number} (#{label}), at {score:.2f}. Check that it is the same customer; if not, take it out of the group.": "Слабая связь: в этой группе больше всего похож на контакт {number} (#{label}), оценка {score:.2f}. Проверьте, тот же ли это клиент; если нет — уберите его из группы.",
    "check lead {numbers}": "проверьте лид {numbers}",
    "check leads {numbers}": "проверьте лиды {numbers}",
    "check contact {numbers}": "проверьте контакт {numbers}",
    "check contacts {numbers}": "проверьте контакты {numbers}",
    "Linked to the rest of the group only loosely: see the mark in the header": "Слабо связан с остальными в группе: см. значок в заголовке его столбца",
}
