"""Russian translations of the compare12 branch's strings (issue 12, items 3 and 6)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    # A whole group on one screen.
    "More leads of this group: scroll to see them": "Другие лиды группы: прокрутите, чтобы увидеть",
    "Fold the queue away to see more leads side by side": "Свернуть очередь, чтобы рядом поместилось больше лидов",
    "&Fold the queue away": "&Свернуть очередь",
    "Fold the queue away, or bring it back": "Свернуть очередь или вернуть её",
    # The conversation of the chats.
    "The whole conversation of the chats": "Вся переписка в чатах",
    "&Conversation of the chats": "&Переписка в чатах",
    "Show or hide the whole conversation of the chats": "Показать или скрыть всю переписку в чатах",
    "Whole conversation": "Вся переписка",
    "Read every message of these chats": "Прочитать все сообщения этих чатов",
    "Conversation": "Переписка",
    "Close the conversation (Esc)": "Закрыть переписку (Esc)",
    "Close the conversation": "Закрыть переписку",
    "Loading the conversation…": "Загрузка переписки…",
    "Open in Bitrix24": "Открыть в Битрикс24",
    "More messages, kept in Bitrix24 only: {count}": "Ещё сообщения, только в Битрикс24: {count}",
    "More messages, kept in the CRM only: {count}": "Ещё сообщения, только в CRM: {count}",
    "Customer": "Клиент",
    "Team": "Команда",
    "from the customer": "от клиента",
    "from the team": "от команды",
    ("ConversationPanel", "no chats"): "нет чатов",
    # Plural forms (one, few, many); English ones keyed ("en", source).
    "{channel} · %n message(s)": (
        "{channel} · %n сообщение",
        "{channel} · %n сообщения",
        "{channel} · %n сообщений",
    ),
    ("en", "{channel} · %n message(s)"): (
        "{channel} · %n message",
        "{channel} · %n messages",
    ),
}
