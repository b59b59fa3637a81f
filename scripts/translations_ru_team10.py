"""Russian for team mode: identity, the database's refusals, review claims (branch team10)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "connected as the database role {subject}": "вход под ролью базы данных {subject}",
    "the computer account {subject}": "учётная запись компьютера {subject}",
    "the portal's webhook user {subject}": "пользователь вебхука портала {subject}",
    "chosen from the list, not proven": "выбран из списка, не подтверждено",
    "The database role '{role}' is not an active operator of this workspace, so deskdup cannot tell who you are. Connect with your own role, or ask a supervisor to run: deskdup operator add {role} --db URL": "Роль базы данных '{role}' не является действующим оператором этого рабочего пространства, поэтому deskdup не может определить, кто вы. Подключитесь под своей ролью или попросите руководителя выполнить: deskdup operator add {role} --db URL",
    "You are connected to the database as '{role}' ({name}); deskdup acts as the role that connected. To work as '{wanted}', connect with that operator's own role and password.": "Вы подключены к базе данных как '{role}' ({name}); deskdup действует от имени подключившейся роли. Чтобы работать как '{wanted}', подключитесь под ролью и паролем этого оператора.",
    "On this computer you are '{login}' ({name}, the account {account}); only the demo or a supervisor's own file lets one sign in as another operator.": "На этом компьютере вы — '{login}' ({name}, учётная запись {account}); войти как другой оператор можно только в демо или в собственном файле руководителя.",
    "There is no active operator with the login '{login}' in this workspace.": "В этом рабочем пространстве нет действующего оператора с логином '{login}'.",
    "The database refused the change; nothing was written. It said: {reason}": "База данных отказала в изменении; ничего не записано. Её ответ: {reason}",
    "The database role '{role}' may not use the workspace {url}: it is not one of its operators. Connect with your own role, or ask a supervisor to run: deskdup operator add {role} --db URL": "Роль базы данных '{role}' не может работать с рабочим пространством {url}: это не один из его операторов. Подключитесь под своей ролью или попросите руководителя выполнить: deskdup operator add {role} --db URL",
    "The workspace {url} must be upgraded to this version of deskdup by the owner of its database: deskdup team init --db URL (as the owner). It said: {reason}": "Рабочее пространство {url} должен обновить до этой версии deskdup владелец базы данных: deskdup team init --db URL (от имени владельца). Ответ базы: {reason}",
    "{name} is reviewing this group (since {since}); it is not offered to you": "Эту группу проверяет {name} (с {since}); вам она не предлагается",
    "being reviewed by {name}": "проверяет: {name}",
    "{name} has taken over this group; your choices here are not saved": "Группу забрали на проверку: теперь её проверяет {name}; ваш выбор здесь не сохранится",
    "To sign in as another operator, connect with that operator's own database role and password.": "Чтобы войти как другой оператор, подключитесь под ролью базы данных и паролем этого оператора.",
    "On a linked portal you act as the webhook's user; to work as another operator, open the workspace with that operator's webhook.": "На связанном портале вы действуете как пользователь вебхука; чтобы работать как другой оператор, откройте рабочее пространство с вебхуком этого оператора.",
    "Being reviewed": "Группа на проверке",
    "As a supervisor you may take the review over.": "Как руководитель вы можете забрать проверку себе.",
    "Take over": "Забрать себе",
    "a lead of {department} you may not read": "лид отдела {department}, который вам не разрешено читать",
    "A colleague changed one of these leads; the group was reloaded.": "Один из этих лидов изменён коллегой; группа загружена заново.",
    "This group holds leads you may not read ({hidden}); there is nothing to compare": "В этой группе лиды, которые вам не разрешено читать ({hidden}); сравнивать нечего",
}
