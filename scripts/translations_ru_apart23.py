"""Russian translations of the queue's count while a workspace's first scan runs."""

TRANSLATIONS: dict[object, str] = {
    "Looking for duplicates…": "Идёт поиск дублей…",
}
