"""Russian for the strings of the views branch (issue 15: review actions as QActions)."""

TRANSLATIONS: dict[object, str] = {
    # Review menu items: the same QActions as the comparison view's buttons.
    "&Next group": "&Следующая группа",
    "&Previous group": "&Предыдущая группа",
    "&Keyboard shortcuts": "&Горячие клавиши",
}
