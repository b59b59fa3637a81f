<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="46" />
        <source>About deskdup</source>
        <translation>О программе deskdup</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="51" />
        <source>&lt;b&gt;deskdup {version}&lt;/b&gt;&lt;p&gt;Finds duplicate CRM leads across channels that share no identifier, shows them side by side and merges them by hand.&lt;/p&gt;</source>
        <translation>&lt;b&gt;deskdup {version}&lt;/b&gt;&lt;p&gt;Находит дубли лидов CRM из разных каналов, даже без общих идентификаторов, показывает их рядом и объединяет вручную.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="60" />
        <source>Python {python} · Qt {qt} · PySide6 {pyside} · deskdup: MIT licence</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside} · deskdup: лицензия MIT</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="69" />
        <source>Settings:</source>
        <translation>Настройки:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="70" />
        <source>Logs:</source>
        <translation>Журналы:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="71" />
        <source>Data (the demo workspace):</source>
        <translation>Данные (демо-база):</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="86" />
        <source>Bundled libraries and their licences:</source>
        <translation>Библиотеки в составе программы и их лицензии:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="89" />
        <source>Bundled libraries and their licences</source>
        <translation>Библиотеки в составе программы и их лицензии</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="91" />
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="91" />
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="91" />
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="99" />
        <source>Qt (inside PySide6)</source>
        <translation>Qt (в составе PySide6)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="101" />
        <source>not stated</source>
        <translation>не указана</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="109" />
        <source>Qt, PySide6 and psycopg are used under the GNU LGPL version 3: they are separate libraries in the program folder and may be replaced by compatible builds. Qt's source code: &lt;a href="{url}"&gt;{url}&lt;/a&gt;.</source>
        <translation>Qt, PySide6 и psycopg используются на условиях GNU LGPL версии 3: это отдельные библиотеки в папке программы, их можно заменить совместимыми сборками. Исходный код Qt: &lt;a href="{url}"&gt;{url}&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../deskdup/app.py" line="93" />
        <source>Reading {stage} from the portal…</source>
        <translation>Чтение с портала: {stage}…</translation>
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="144" />
        <source>The workspace {url} has no operators yet. Add the CRM's users first (deskdup operator add LOGIN --db URL); for a try-out: deskdup --demo.</source>
        <translation>В базе {url} ещё нет операторов. Сначала добавьте пользователей CRM (deskdup operator add ЛОГИН --db URL); чтобы попробовать: deskdup --demo.</translation>
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="221" />
        <source>Creating the demo workspace…</source>
        <translation>Создание демо-базы…</translation>
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="251" />
        <source>Opening the workspace…</source>
        <translation>Открытие базы…</translation>
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="265" />
        <source>The workspace could not be opened (see the error).</source>
        <translation>Не удалось открыть базу (см. ошибку).</translation>
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="319" />
        <source>There is no operator '{login}' in this workspace; choose one.</source>
        <translation>В этой базе нет оператора '{login}'; выберите оператора.</translation>
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="382" />
        <source>To sign in as another operator, connect with that operator's own database role and password.</source>
        <translation>Чтобы войти как другой оператор, подключитесь под ролью базы данных и паролем этого оператора.</translation>
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="394" />
        <source>On a linked portal you act as the webhook's user; to work as another operator, open the workspace with that operator's webhook.</source>
        <translation>На связанном портале вы действуете как пользователь вебхука; чтобы работать как другой оператор, откройте рабочее пространство с вебхуком этого оператора.</translation>
    </message>
</context>
<context>
    <name>BindDialog</name>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="199" />
        <source>Bind to a contact</source>
        <translation>Привязка к контакту</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="220" />
        <source>Contact ID, name (any order, initials, typos), phone, e-mail or @handle</source>
        <translation>ID контакта, ФИО (в любом порядке, инициалы, опечатки), телефон, e-mail или @ник</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="245" />
        <source>Bind the merged lead</source>
        <translation>Привязать объединённый лид</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="247" />
        <source>The merge will bind the merged lead to this contact ({key})</source>
        <translation>Объединение привяжет объединённый лид к этому контакту ({key})</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="254" />
        <source>Merge and bind</source>
        <translation>Объединить и привязать</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="256" />
        <source>Merge the group now and bind the result to this contact ({key})</source>
        <translation>Объединить группу сейчас и привязать результат к этому контакту ({key})</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="268" />
        <source>Bind</source>
        <translation>Привязать</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="270" />
        <source>Bind the lead to this contact ({key})</source>
        <translation>Привязать лид к этому контакту ({key})</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="337" />
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/bind_dialog.py" line="365" />
        <source>%n contact(s) found</source>
        <translation><numerusform>Найден %n контакт</numerusform><numerusform>Найдено %n контакта</numerusform><numerusform>Найдено %n контактов</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="367" />
        <source>No contact matches “{text}”.</source>
        <translation>Нет контактов по запросу «{text}».</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="370" />
        <source>Contacts this lead most likely belongs to (type to search):</source>
        <translation>Контакты, к которым скорее всего относится лид (начните вводить для поиска):</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="372" />
        <source>No contact looks like this lead; type a contact ID, a name or a phone.</source>
        <translation>Похожих контактов нет; введите ID контакта, ФИО или телефон.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="375" />
        <source>{count} contacts searched in {ms} ms</source>
        <translation>Просмотрено контактов: {count} за {ms} мс</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="455" />
        <source>Lead #{lead}</source>
        <translation>Лид #{lead}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="460" />
        <source>The lead merged from {leads} will be bound to the contact you choose</source>
        <translation>Лид, объединённый из {leads}, будет привязан к выбранному контакту</translation>
    </message>
</context>
<context>
    <name>Bitrix24</name>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="36" />
        <source>The webhook's user #{user} is not among the workspace's operators yet; run a sync first.</source>
        <translation>Пользователя вебхука #{user} ещё нет среди операторов рабочей базы; сначала выполните синхронизацию.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="40" />
        <source>Lead #{lead} changed since it was shown; nothing was bound; the view has been reloaded</source>
        <translation>Лид #{lead} изменился после показа; ничего не привязано; данные обновлены</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="46" />
        <source>This workspace is linked to the portal {portal}, but its webhook is not at hand, so nothing can be written to the portal: give the webhook in File → Open workspace (Bitrix24 portal), or in DESKDUP_BITRIX24_WEBHOOK.</source>
        <translation>Эта рабочая база связана с порталом {portal}, но его вебхука нет, поэтому на портал ничего записать нельзя: укажите вебхук в Файл → Открыть базу (портал Битрикс24) или в DESKDUP_BITRIX24_WEBHOOK.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="52" />
        <source>Connected to {portal} as {user}; the portal has {count} leads.</source>
        <translation>Подключено к {portal} как {user}; на портале лидов: {count}.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="47" />
        <source>The portal {portal} does not accept this webhook (wrong user or secret, or the webhook was deleted). Create an incoming webhook in the portal and give its address again.</source>
        <translation>Портал {portal} не принимает этот вебхук (неверный пользователь или ключ, или вебхук удалён). Создайте входящий вебхук на портале и укажите его адрес снова.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="52" />
        <source>Cannot reach the portal {portal}: {reason}. Check the address and the network connection.</source>
        <translation>Не удаётся связаться с порталом {portal}: {reason}. Проверьте адрес и подключение к сети.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="56" />
        <source>The connection to the portal {portal} broke before it answered ({reason}).</source>
        <translation>Связь с порталом {portal} оборвалась до его ответа ({reason}).</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="60" />
        <source>The portal refused {method}: {description} ({code})</source>
        <translation>Портал отказал в {method}: {description} ({code})</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="61" />
        <source>The portal says the webhook's user may not do this ({method}: {description}). Ask the portal administrator for the right, or use a webhook of a user who has it.</source>
        <translation>Портал сообщает, что пользователю вебхука это не разрешено ({method}: {description}). Попросите право у администратора портала или используйте вебхук пользователя, у которого оно есть.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="66" />
        <source>The webhook lacks the permission for {method} ({description}); add the scope to the webhook in the portal.</source>
        <translation>У вебхука нет разрешения на {method} ({description}); добавьте это право вебхуку на портале.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="71" />
        <source>The portal {portal} kept answering 'too many requests' for {minutes} minutes; try again later.</source>
        <translation>Портал {portal} {minutes} мин. отвечал «слишком много запросов»; попробуйте позже.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="76" />
        <source>The address {portal} answered, but not as a Bitrix24 portal does (HTTP {status}). Check the webhook address.</source>
        <translation>Адрес {portal} ответил, но не так, как отвечает портал Битрикс24 (HTTP {status}). Проверьте адрес вебхука.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/link.py" line="30" />
        <source>This workspace is linked to the portal {linked}, not {given}. Give a webhook of {linked}, or use another workspace for {given}.</source>
        <translation>Эта рабочая база связана с порталом {linked}, а не {given}. Укажите вебхук портала {linked} или используйте для {given} другую базу.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/link.py" line="35" />
        <source>This workspace is linked to the portal {portal}, but no webhook for it is at hand: give it with --bitrix24 URL or in the environment variable DESKDUP_BITRIX24_WEBHOOK.</source>
        <translation>Эта рабочая база связана с порталом {portal}, но вебхука для него нет: укажите его через --bitrix24 URL или в переменной окружения DESKDUP_BITRIX24_WEBHOOK.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/link.py" line="40" />
        <source>This workspace is not linked to a Bitrix24 portal yet: give the webhook with --bitrix24 URL (or DESKDUP_BITRIX24_WEBHOOK).</source>
        <translation>Эта рабочая база ещё не связана с порталом Битрикс24: укажите вебхук через --bitrix24 URL (или DESKDUP_BITRIX24_WEBHOOK).</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="94" />
        <source>Lead #{lead} was changed in the portal at {time} (after deskdup last read it); nothing was merged; the view has been reloaded</source>
        <translation>Лид #{lead} изменён на портале в {time} (после последнего чтения deskdup); ничего не объединено; данные обновлены</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="99" />
        <source>Lead #{lead} no longer exists in the portal (deleted or merged there); nothing was merged; it has left the queue</source>
        <translation>Лида #{lead} больше нет на портале (удалён или объединён там); ничего не объединено; он убран из очереди</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="104" />
        <source>The portal refused to merge #{leads}: the leads still differ in {fields}, which deskdup does not show (CONFLICT). Nothing was merged and the leads are as they were; merge them in the portal: {url}</source>
        <translation>Портал отказался объединять #{leads}: лиды всё ещё различаются в полях {fields}, которые deskdup не показывает (CONFLICT). Ничего не объединено, лиды остались как были; объедините их на портале: {url}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="110" />
        <source>The portal could not merge #{leads} (ERROR). Nothing was merged and the leads are as they were; try again or merge them in the portal: {url}</source>
        <translation>Портал не смог объединить #{leads} (ERROR). Ничего не объединено, лиды остались как были; попробуйте снова или объедините их на портале: {url}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="115" />
        <source>The portal refused the merge of #{leads}: {reason} Nothing was merged and the leads are as they were.</source>
        <translation>Портал отказал в объединении #{leads}: {reason} Ничего не объединено, лиды остались как были.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="120" />
        <source>{reason} The merge of #{leads} is in the journal and will be finished on the next start (deskdup sync, or opening the workspace); it will not be applied twice.</source>
        <translation>{reason} Объединение #{leads} записано в журнал и будет завершено при следующем запуске (deskdup sync или открытие рабочей базы); дважды оно не выполнится.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="125" />
        <source>The merge into #{primary} was applied, but the portal's lead lacks {missing}; the journal keeps them (entry {entry}): add them in the portal.</source>
        <translation>Объединение в #{primary} выполнено, но у лида на портале нет: {missing}; они сохранены в журнале (запись {entry}): добавьте их на портале.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="130" />
        <source>The merge of #{leads} was interrupted and meanwhile some of the leads were deleted in the portal by someone else; deskdup did not send it again. What the leads held is in the journal (entry {entry}).</source>
        <translation>Объединение #{leads} было прервано, а тем временем кто-то удалил часть лидов на портале; deskdup не стал отправлять его снова. Данные лидов сохранены в журнале (запись {entry}).</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="136" />
        <source>Finished the interrupted merge into #{primary}.</source>
        <translation>Прерванное объединение в #{primary} завершено.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="137" />
        <source>a field</source>
        <translation>поле</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="50" />
        <source>users</source>
        <translation>пользователи</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="51" />
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="52" />
        <source>leads</source>
        <translation>лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="53" />
        <source>leads deleted in the portal</source>
        <translation>лиды, удалённые на портале</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="54" />
        <source>The webhook has no 'imopenlines' permission: open-line chats were read only from the leads' messenger fields.</source>
        <translation>У вебхука нет права 'imopenlines': чаты открытых линий прочитаны только из полей мессенджеров лидов.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="59" />
        <source>{kind} pull from {portal}: {users} users, {contacts} contacts and {leads} leads read, {removed} leads deleted in the portal left the queue; {requests} requests in {seconds} s.</source>
        <translation>{kind} загрузка с {portal}: прочитано пользователей {users}, контактов {contacts}, лидов {leads}; лидов, удалённых на портале и ушедших из очереди: {removed}; запросов {requests} за {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="64" />
        <source>Full</source>
        <translation>Полная</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="65" />
        <source>Incremental</source>
        <translation>Частичная</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/webhook.py" line="19" />
        <source>This is not a Bitrix24 webhook address. Copy it from the portal (Developer resources → Other → Incoming webhook); it looks like https://your-company.bitrix24.ru/rest/1/abc123xyz/</source>
        <translation>Это не адрес вебхука Битрикс24. Скопируйте его на портале (Разработчикам → Другое → Входящий вебхук); он выглядит так: https://your-company.bitrix24.ru/rest/1/abc123xyz/</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location filename="../../deskdup/services/channels.py" line="20" />
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="21" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="22" />
        <source>Viber</source>
        <translation>Viber</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="23" />
        <source>VK</source>
        <translation>ВКонтакте</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="24" />
        <source>Avito</source>
        <translation>Авито</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="25" />
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="26" />
        <source>Open line</source>
        <translation>Открытая линия</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="27" />
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="28" />
        <source>Phone call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="29" />
        <location filename="../../deskdup/services/channels.py" line="35" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="30" />
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="34" />
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="36" />
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="37" />
        <source>Web</source>
        <translation>Веб</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/channel_badges.py" line="403" />
        <source>could not be recognised</source>
        <translation>не распознан</translation>
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <location filename="../../deskdup/views/cheatsheet.py" line="22" />
        <source>Keyboard shortcuts</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/cheatsheet.py" line="25" />
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/cheatsheet.py" line="25" />
        <source>Action</source>
        <translation>Действие</translation>
    </message>
</context>
<context>
    <name>ClaimKeeper</name>
    <message>
        <location filename="../../deskdup/views/claims.py" line="138" />
        <source>{name} has taken over this group; your choices here are not saved</source>
        <translation>Группу забрали на проверку: теперь её проверяет {name}; ваш выбор здесь не сохранится</translation>
    </message>
</context>
<context>
    <name>Claims</name>
    <message>
        <location filename="../../deskdup/services/claims.py" line="37" />
        <source>{name} is reviewing this group (since {since}); it is not offered to you</source>
        <translation>Эту группу проверяет {name} (с {since}); вам она не предлагается</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/claims.py" line="40" />
        <source>being reviewed by {name}</source>
        <translation>проверяет: {name}</translation>
    </message>
</context>
<context>
    <name>CompareGrid</name>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="204" />
        <source>After the merge</source>
        <translation>После объединения</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="238" />
        <source>Keep this value ({key}, or Left/Right on the current field)</source>
        <translation>Оставить это значение ({key} или Влево/Вправо в текущем поле)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="269" />
        <location filename="../../deskdup/views/compare/grid.py" line="270" />
        <source>Type the value of the merged lead</source>
        <translation>Ввести значение объединённого лида вручную</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="293" />
        <source>bind to another contact…</source>
        <translation>привязать к другому контакту…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="295" />
        <source>Find a contact for the merged lead</source>
        <translation>Найти контакт для объединённого лида</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="318" />
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="320" />
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="321" />
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="322" />
        <source>Activities and deals</source>
        <translation>Дела и сделки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="323" />
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="360" />
        <location filename="../../deskdup/views/compare/grid.py" line="581" />
        <source>no phones or messengers</source>
        <translation>нет телефонов и мессенджеров</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="361" />
        <source>lead {number}</source>
        <translation>лид {number}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="377" />
        <source>no chats</source>
        <translation>нет чатов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="379" />
        <source>(no text)</source>
        <translation>(без текста)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="387" />
        <source>{count} msg. · {time}</source>
        <translation>{count} сообщ. · {time}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="398" />
        <source>Whole conversation</source>
        <translation>Вся переписка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="402" />
        <source>Read every message of these chats</source>
        <translation>Прочитать все сообщения этих чатов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="415" />
        <source>no leads</source>
        <translation>нет лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="428" />
        <source>activities: {activities} · deals: {deals}</source>
        <translation>дела: {activities} · сделки: {deals}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="436" />
        <source>activities</source>
        <translation>дела</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="437" />
        <source>deals</source>
        <translation>сделки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="474" />
        <source>Loosely linked: of this group, it is most like contact {number} (#{label}), at {score:.2f}. Check that it is the same customer; if not, take it out of the group.</source>
        <translation>Слабая связь: в этой группе больше всего похож на контакт {number} (#{label}), оценка {score:.2f}. Проверьте, тот же ли это клиент; если нет — уберите его из группы.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="480" />
        <source>Loosely linked: of this group, it is most like lead {number} (#{label}), at {score:.2f}. Check that it is the same customer; if not, take it out of the group.</source>
        <translation>Слабая связь: в этой группе больше всего похож на лид {number} (#{label}), оценка {score:.2f}. Проверьте, тот же ли это клиент; если нет — уберите его из группы.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="500" />
        <source>goes to the archive; its data go to the primary</source>
        <translation>уйдёт в архив, данные — в основной</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="502" />
        <source>will be deleted; its data go to the primary</source>
        <translation>будет удалён, данные — в основной</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="513" />
        <source>keeps the chosen values</source>
        <translation>сохранит выбранные значения</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="534" />
        <source>typed</source>
        <translation>введено вручную</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="536" />
        <source>found in the contacts; bound by the merge</source>
        <translation>найден в контактах; привяжется при объединении</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="538" />
        <source>put right, from #{lead}</source>
        <translation>исправлено, из #{lead}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="540" />
        <source>from #{lead}</source>
        <translation>из #{lead}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="553" />
        <source>#{primary}, merged from {others}</source>
        <translation>#{primary}, объединён с {others}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="577" />
        <source>from {leads}</source>
        <translation>из {leads}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="578" />
        <source>after the merge</source>
        <translation>после объединения</translation>
    </message>
</context>
<context>
    <name>CompareLayout</name>
    <message>
        <location filename="../../deskdup/views/compare/layout.py" line="44" />
        <source>The group's leads side by side</source>
        <translation>Лиды группы рядом</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/layout.py" line="45" />
        <location filename="../../deskdup/views/compare/layout.py" line="52" />
        <source>Scroll the leads sideways</source>
        <translation>Прокрутка лидов по горизонтали</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/layout.py" line="46" />
        <source>Scroll the fields</source>
        <translation>Прокрутка полей</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="174" />
        <source>Previous group: {reason}</source>
        <translation>Предыдущая группа: {reason}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="180" />
        <source>Only the first {shown} of the {total} selected leads are compared; merge them, then compare the rest.</source>
        <translation>Сравниваются только первые {shown} из {total} выбранных лидов; объедините их, затем сравните остальные.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="226" />
        <source>No group selected</source>
        <translation>Группа не выбрана</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="229" />
        <source>Choose a group in the queue to compare its leads side by side.</source>
        <translation>Выберите группу в очереди, чтобы сравнить её лиды рядом.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="254" />
        <source>Loading {count} contacts…</source>
        <translation>Загрузка контактов: {count}…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="256" />
        <source>Loading {count} leads…</source>
        <translation>Загрузка лидов: {count}…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="266" />
        <source>This group cannot be shown</source>
        <translation>Эту группу нельзя показать</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="314" />
        <source>{count} contacts that may be one customer</source>
        <translation>Контактов, возможно одного клиента: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="316" />
        <source>{count} leads that may be one customer</source>
        <translation>Лидов, возможно одного клиента: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="358" />
        <source>check contact {numbers}</source>
        <translation>проверьте контакт {numbers}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="360" />
        <source>check contacts {numbers}</source>
        <translation>проверьте контакты {numbers}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="364" />
        <source>check lead {numbers}</source>
        <translation>проверьте лид {numbers}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="366" />
        <source>check leads {numbers}</source>
        <translation>проверьте лиды {numbers}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="321" />
        <source>Linked to the rest of the group only loosely: see the mark in the header</source>
        <translation>Слабо связан с остальными в группе: см. значок в заголовке его столбца</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="422" />
        <source>You cannot merge this group:</source>
        <translation>Вы не можете объединить эту группу:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="104" />
        <source>Undo binding lead {lead} to contact {contact}, {time}, {who}?</source>
        <translation>Отменить привязку лида {lead} к контакту {contact}, {time}, {who}?</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="107" />
        <source>Undo the merge of {others} into {primary}, {time}, {who}?</source>
        <translation>Отменить объединение {others} в {primary}, {time}, {who}?</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="92" />
        <source>Open a workspace</source>
        <translation>Открыть рабочую базу</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="97" />
        <source>Choose the workspace database: a SQLite file on this computer, or the address of the team's PostgreSQL database (postgresql://user@server/database).</source>
        <translation>Выберите рабочую базу: файл SQLite на этом компьютере или адрес общей базы PostgreSQL команды (postgresql://пользователь@сервер/база).</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="125" />
        <source>File path or database URL</source>
        <translation>Путь к файлу или адрес базы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="127" />
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="130" />
        <source>Workspace:</source>
        <translation>База:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="138" />
        <source>Open the demo</source>
        <translation>Открыть демо</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="141" />
        <source>A built-in workspace of Russian demo leads with duplicates, to try deskdup</source>
        <translation>Встроенная демо-база с лидами и дублями, чтобы попробовать deskdup</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="145" />
        <source>New workspace…</source>
        <translation>Новая база…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="148" />
        <source>Create a new, empty workspace file (then add the operators and import leads)</source>
        <translation>Создать новый пустой файл рабочей базы (затем добавьте операторов и импортируйте лиды)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="158" />
        <source>Bitrix24 portal (optional)</source>
        <translation>Портал Битрикс24 (необязательно)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="162" />
        <source>To work on the portal's leads, give an incoming webhook (Developer resources → Other → Incoming webhook, with the crm, user and imopenlines permissions). The workspace above keeps deskdup's history and a copy of the leads.</source>
        <translation>Чтобы работать с лидами портала, укажите входящий вебхук (Разработчикам → Другое → Входящий вебхук, с правами crm, user и imopenlines). В базе выше хранятся история deskdup и копия лидов.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="170" />
        <source>company.bitrix24.ru</source>
        <translation>company.bitrix24.ru</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="171" />
        <source>Portal address:</source>
        <translation>Адрес портала:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="174" />
        <source>https://company.bitrix24.ru/rest/1/… or 1/…</source>
        <translation>https://company.bitrix24.ru/rest/1/… или 1/…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="175" />
        <source>Webhook:</source>
        <translation>Вебхук:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="177" />
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="194" />
        <source>Give the webhook first.</source>
        <translation>Сначала укажите вебхук.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="197" />
        <source>Asking the portal…</source>
        <translation>Запрос к порталу…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="217" />
        <source>The test failed unexpectedly (see the log).</source>
        <translation>Проверка неожиданно не удалась (см. журнал).</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="233" />
        <source>deskdup workspaces (*.sqlite *.sqlite3 *.db)</source>
        <translation>Рабочие базы deskdup (*.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="234" />
        <source>CRM exports, to import (*.csv *.xlsx)</source>
        <translation>Выгрузки из CRM, для импорта (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="235" />
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="239" />
        <source>Look in:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="240" />
        <source>File name:</source>
        <translation>Имя файла:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="241" />
        <source>Files of type:</source>
        <translation>Тип файлов:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="243" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="256" />
        <source>Open a workspace file</source>
        <translation>Открыть файл рабочей базы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="256" />
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="264" />
        <source>New workspace file</source>
        <translation>Новый файл рабочей базы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="264" />
        <source>Create</source>
        <translation>Создать</translation>
    </message>
</context>
<context>
    <name>ContactRow</name>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="115" />
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/bind_dialog.py" line="122" />
        <source>%n lead(s)</source>
        <translation><numerusform>%n лид</numerusform><numerusform>%n лида</numerusform><numerusform>%n лидов</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/bind_dialog.py" line="123" />
        <source>%n deal(s)</source>
        <translation><numerusform>%n сделка</numerusform><numerusform>%n сделки</numerusform><numerusform>%n сделок</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="146" />
        <source>no phones, e-mails or messengers</source>
        <translation>нет телефонов, e-mail и мессенджеров</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="150" />
        <source>nobody</source>
        <translation>никто</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="153" />
        <source>Responsible: {owner}</source>
        <translation>Ответственный: {owner}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="158" />
        <source>Deals: {deals}</source>
        <translation>Сделки: {deals}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="163" />
        <source>one of these leads is bound to it already</source>
        <translation>к нему уже привязан один из этих лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="165" />
        <source>this lead is bound to it already</source>
        <translation>этот лид уже привязан к нему</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <location filename="../../deskdup/services/binding.py" line="47" />
        <source>Bound lead #{lead} to contact #{contact} ({name}); added {comms} communication(s) and {chats} chat(s)</source>
        <translation>Лид #{lead} привязан к контакту #{contact} ({name}); добавлено средств связи: {comms}, чатов: {chats}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="52" />
        <source>Lead #{lead} is no longer bound to a contact</source>
        <translation>Лид #{lead} больше не привязан к контакту</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="53" />
        <source>There is no lead {lead} (any more)</source>
        <translation>Лида {lead} нет (больше нет)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="54" />
        <source>There is no contact {contact} (any more)</source>
        <translation>Контакта {contact} нет (больше нет)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="55" />
        <source>Lead #{lead} was merged or archived; bind the lead that stayed</source>
        <translation>Лид #{lead} объединён или в архиве; привяжите оставшийся лид</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="58" />
        <source>Contact #{contact} was merged or archived; bind to the contact that stayed</source>
        <translation>Контакт #{contact} объединён или в архиве; привяжите к оставшемуся контакту</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="61" />
        <source>Lead #{lead} is already bound to contact #{contact}; nothing to add</source>
        <translation>Лид #{lead} уже привязан к контакту #{contact}; добавить нечего</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="64" />
        <source>Lead #{lead} was changed by someone else since you saw it (now version {version}); look again before binding</source>
        <translation>Лид #{lead} изменил кто-то другой, пока вы его смотрели (теперь версия {version}); посмотрите ещё раз перед привязкой</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="69" />
        <source>Contact #{contact} is your own ({department}); you have no {right} right on contacts at all; ask a supervisor</source>
        <translation>Контакт #{contact} ваш ({department}); у вас нет права «{right}» на контакты вообще; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="74" />
        <source>Contact #{contact} belongs to {owner} ({department}); you have no {right} right on your colleagues' contacts; ask a supervisor</source>
        <translation>Контакт #{contact} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты коллег; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="79" />
        <source>Contact #{contact} belongs to {owner} ({department}); you have no {right} right on contacts of that department; ask a supervisor</source>
        <translation>Контакт #{contact} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты этого отдела; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="84" />
        <source>Contact #{contact} has no responsible operator; you have no {right} right on contacts that are not yours; ask a supervisor</source>
        <translation>У контакта #{contact} нет ответственного; у вас нет права «{right}» на чужие контакты; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="37" />
        <source>Contact ID {id}</source>
        <translation>ID контакта {id}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="38" />
        <source>Same patronymic: {patronymic}</source>
        <translation>То же отчество: {patronymic}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="39" />
        <source>Another patronymic: {patronymic}</source>
        <translation>Другое отчество: {patronymic}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="40" />
        <source>Patronymic initial {initial} fits: {patronymic}</source>
        <translation>Инициал отчества {initial} подходит: {patronymic}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/review.py" line="43" />
        <source>With a Bitrix24 portal the merge cannot bind its result to a contact yet: merge, then bind the merged lead to the contact (lead list, right click).</source>
        <translation>С порталом Битрикс24 объединение пока не может сразу привязать результат к контакту: объедините, затем привяжите объединённый лид к контакту (список лидов, правый щелчок).</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="64" />
        <source>Conversation</source>
        <translation>Переписка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="72" />
        <source>Close the conversation (Esc)</source>
        <translation>Закрыть переписку (Esc)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="73" />
        <source>Close the conversation</source>
        <translation>Закрыть переписку</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="147" />
        <source>Loading the conversation…</source>
        <translation>Загрузка переписки…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="182" />
        <source>Open in Bitrix24</source>
        <translation>Открыть в Битрикс24</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="192" />
        <source>no chats</source>
        <translation>нет чатов</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/compare/conversation.py" line="206" />
        <source>{channel} · %n message(s)</source>
        <translation><numerusform>{channel} · %n сообщение</numerusform><numerusform>{channel} · %n сообщения</numerusform><numerusform>{channel} · %n сообщений</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="221" />
        <source>More messages, kept in Bitrix24 only: {count}</source>
        <translation>Ещё сообщения, только в Битрикс24: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="223" />
        <source>More messages, kept in the CRM only: {count}</source>
        <translation>Ещё сообщения, только в CRM: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="238" />
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="238" />
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="245" />
        <source>from the customer</source>
        <translation>от клиента</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="245" />
        <source>from the team</source>
        <translation>от команды</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../deskdup/views/errors.py" line="48" />
        <source>deskdup: unexpected error</source>
        <translation>deskdup: непредвиденная ошибка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/errors.py" line="53" />
        <source>Something went wrong inside deskdup. Nothing was changed by the failed step. Please send the text below to your administrator; it is also in the log folder: {folder}</source>
        <translation>Внутри deskdup произошла ошибка. Неудавшийся шаг ничего не изменил. Отправьте текст ниже администратору; он также сохранён в папке журналов: {folder}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/errors.py" line="66" />
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="26" />
        <location filename="../../deskdup/views/dismiss_dialog.py" line="62" />
        <source>Not duplicates</source>
        <translation>Не дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="32" />
        <source>Mark contacts {contacts} as different people. The whole team will stop seeing them as duplicates.</source>
        <translation>Отметить контакты {contacts} как разных людей. Вся команда перестанет видеть их как дубли.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="37" />
        <source>Mark leads {leads} as different people. The whole team will stop seeing them as duplicates.</source>
        <translation>Отметить лиды {leads} как разных людей. Вся команда перестанет видеть их как дубли.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="42" />
        <source>Contact #{contact} is a different customer from {others}. The whole team will stop seeing it as their duplicate.</source>
        <translation>Контакт #{contact} — другой клиент, не {others}. Вся команда перестанет видеть его как их дубль.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="47" />
        <source>Lead #{lead} is a different customer from {others}. The whole team will stop seeing it as their duplicate.</source>
        <translation>Лид #{lead} — другой клиент, не {others}. Вся команда перестанет видеть его как их дубль.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="53" />
        <source>Reason (optional):</source>
        <translation>Причина (необязательно):</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="55" />
        <source>e.g. namesakes, different phones</source>
        <translation>например: тёзки, разные телефоны</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../deskdup/views/errors.py" line="37" />
        <source>deskdup</source>
        <translation>deskdup</translation>
    </message>
</context>
<context>
    <name>EventDetail</name>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="26" />
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="27" />
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="28" />
        <source>Merged into</source>
        <translation>Объединён в</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="31" />
        <source>Contact details</source>
        <translation>Средства связи</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="32" />
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="33" />
        <source>Activities</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="34" />
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="37" />
        <source>Archive merged leads</source>
        <translation>Архивировать объединённые лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="39" />
        <source>Review threshold (hand-set weights)</source>
        <translation>Порог проверки (ручные веса)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="40" />
        <source>Likely duplicates from (probability)</source>
        <translation>Вероятные дубли от (вероятность)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="41" />
        <source>Likely duplicates: expected precision (— : by probability)</source>
        <translation>Вероятные дубли: ожидаемая точность (— : по вероятности)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="44" />
        <source>Possible duplicates from (probability)</source>
        <translation>Возможные дубли от (вероятность)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="47" />
        <source>Burst window, minutes</source>
        <translation>Окно всплеска, минут</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="48" />
        <source>Evidence weights changed</source>
        <translation>Веса признаков изменены</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="53" />
        <source>(by hand)</source>
        <translation>(вручную)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="54" />
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="55" />
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="56" />
        <source>Chosen</source>
        <translation>Выбрано</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="57" />
        <source>Event detail</source>
        <translation>Подробности события</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="58" />
        <source>History event {id}</source>
        <translation>Событие истории {id}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="59" />
        <source>Marked as not duplicates</source>
        <translation>Отмечены как «не дубли»</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="60" />
        <source>Records before and after</source>
        <translation>Записи до и после</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="61" />
        <source>Team settings</source>
        <translation>Настройки команды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="62" />
        <source>Undo</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="63" />
        <source>Undoes event {id}</source>
        <translation>Отменяет событие {id}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="64" />
        <source>Undone by event {id}</source>
        <translation>Отменено событием {id}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="65" />
        <source>What moved</source>
        <translation>Что перенесено</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="66" />
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="67" />
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="68" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="98" />
        <source>Operator: {name} ({login}, {department})</source>
        <translation>Оператор: {name} ({login}, {department})</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="141" />
        <source>{what}: {text} — from #{source} to #{target}</source>
        <translation>{what}: {text} — из #{source} в #{target}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="145" />
        <source>{what}: {text} — from #{source}, dropped as a duplicate</source>
        <translation>{what}: {text} — из #{source}, удалено как повтор</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="182" />
        <source>Cannot be undone now; changed since:</source>
        <translation>Сейчас отменить нельзя; с тех пор изменились:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="195" />
        <source>Can be undone: nothing of it changed since (Ctrl+U).</source>
        <translation>Можно отменить: с тех пор ничего из этого не менялось (Ctrl+U).</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="222" />
        <source>Choose an event to see what it changed.</source>
        <translation>Выберите событие, чтобы увидеть, что оно изменило.</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="44" />
        <source>Same phone</source>
        <translation>Один телефон</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="45" />
        <source>Same (invalid) phone number</source>
        <translation>Один (некорректный) номер телефона</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="46" />
        <source>Different phones</source>
        <translation>Разные телефоны</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="47" />
        <source>Same e-mail</source>
        <translation>Один e-mail</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="48" />
        <source>Different e-mails</source>
        <translation>Разные e-mail</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="49" />
        <source>Same messenger account</source>
        <translation>Один аккаунт в мессенджере</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="50" />
        <source>Different messenger accounts</source>
        <translation>Разные аккаунты в мессенджере</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="51" />
        <source>Names with nothing in common</source>
        <translation>Имена без ничего общего</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="52" />
        <source>Same first name</source>
        <translation>Одинаковое имя</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="53" />
        <source>Same first name, a common one</source>
        <translation>Одинаковое имя, частое</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="54" />
        <source>Same surname</source>
        <translation>Одинаковая фамилия</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="55" />
        <source>Same surname and initial</source>
        <translation>Одинаковые фамилия и инициал</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="56" />
        <source>Same surname and number</source>
        <translation>Одинаковые фамилия и число</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="57" />
        <source>Nickname matches the name</source>
        <translation>Ник совпадает с именем</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="58" />
        <source>Same name (first name and surname)</source>
        <translation>Одинаковые имя и фамилия</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="59" />
        <source>Same full name with patronymic</source>
        <translation>Одинаковые ФИО с отчеством</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="62" />
        <source>Different first names</source>
        <translation>Разные имена</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="63" />
        <source>A man and a woman</source>
        <translation>Мужчина и женщина</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="64" />
        <source>Different surnames</source>
        <translation>Разные фамилии</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="65" />
        <source>Different patronymics</source>
        <translation>Разные отчества</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="66" />
        <source>A nickname that reads as another name</source>
        <translation>Ник или адрес с другим именем</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="69" />
        <source>A nickname's initial and surname fit the first name</source>
        <translation>Инициал и фамилия в нике подходят к имени</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="72" />
        <source>Came within 2 min via different channels</source>
        <translation>Пришли в пределах 2 мин по разным каналам</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="75" />
        <source>Came within 2 min via one channel</source>
        <translation>Пришли в пределах 2 мин по одному каналу</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="76" />
        <source>Came within 5 min via different channels</source>
        <translation>Пришли в пределах 5 мин по разным каналам</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="79" />
        <source>Came within 5 min via one channel</source>
        <translation>Пришли в пределах 5 мин по одному каналу</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="80" />
        <source>Came within 10 min via different channels</source>
        <translation>Пришли в пределах 10 мин по разным каналам</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="83" />
        <source>Came within 10 min via one channel</source>
        <translation>Пришли в пределах 10 мин по одному каналу</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="84" />
        <source>Came within 20 min via different channels</source>
        <translation>Пришли в пределах 20 мин по разным каналам</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="87" />
        <source>Came within 20 min via one channel</source>
        <translation>Пришли в пределах 20 мин по одному каналу</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="88" />
        <source>Came within an hour via different channels</source>
        <translation>Пришли в пределах часа по разным каналам</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="91" />
        <source>Came within an hour via one channel</source>
        <translation>Пришли в пределах часа по одному каналу</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="92" />
        <source>Came within a day</source>
        <translation>Пришли в пределах суток</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="93" />
        <source>Came within a week</source>
        <translation>Пришли в пределах недели</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="94" />
        <source>Came more than a week apart</source>
        <translation>Пришли с разницей больше недели</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="95" />
        <source>Different inquiries</source>
        <translation>Разные тексты обращений</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="96" />
        <source>Same inquiry text</source>
        <translation>Одинаковый текст обращения</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="97" />
        <source>Much the same inquiry (reworded)</source>
        <translation>Почти тот же текст обращения (перефразирован)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="100" />
        <source>The same thing asked in other words</source>
        <translation>Тот же вопрос другими словами</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="103" />
        <source>Same short or frequent inquiry, no one else's around then</source>
        <translation>Одинаковый короткий или частый текст, больше ни у кого в это время</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="106" />
        <source>Same short or frequent inquiry, a few others' around then</source>
        <translation>Одинаковый короткий или частый текст, ещё у нескольких в это время</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="109" />
        <source>Same inquiry that a few leads send</source>
        <translation>Одинаковый текст, который шлют несколько лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="110" />
        <source>Same template many leads send</source>
        <translation>Одинаковый шаблон, который шлют многие</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="113" />
        <source>Same short or frequent inquiry within 20 min, no one else's around then</source>
        <translation>Одинаковый короткий или частый текст в пределах 20 мин, больше ни у кого в это время</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="116" />
        <source>Same short or frequent inquiry within 20 min, a few others' around then</source>
        <translation>Одинаковый короткий или частый текст в пределах 20 мин, ещё у нескольких в это время</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="119" />
        <source>Same inquiry that a few leads send, within 20 min</source>
        <translation>Одинаковый текст, который шлют несколько лидов, в пределах 20 мин</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="122" />
        <source>Same template many leads send, within 20 min</source>
        <translation>Одинаковый шаблон, который шлют многие, в пределах 20 мин</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="125" />
        <source>Same phone, e-mail or account, within an hour</source>
        <translation>Один телефон, e-mail или аккаунт, в пределах часа</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="128" />
        <source>Same phone, e-mail or account, within a day</source>
        <translation>Один телефон, e-mail или аккаунт, в пределах суток</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="131" />
        <source>Same phone, e-mail or account, within a week</source>
        <translation>Один телефон, e-mail или аккаунт, в пределах недели</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="134" />
        <source>Same phone, e-mail or account, more than a week apart</source>
        <translation>Один телефон, e-mail или аккаунт, с разницей больше недели</translation>
    </message>
</context>
<context>
    <name>FieldChoosing</name>
    <message>
        <location filename="../../deskdup/views/compare/choosing.py" line="38" />
        <source>Type the value</source>
        <translation>Ввод значения</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/choosing.py" line="39" />
        <source>{field} of the merged lead:</source>
        <translation>{field} объединённого лида:</translation>
    </message>
</context>
<context>
    <name>GroupHeading</name>
    <message>
        <location filename="../../deskdup/views/compare/heading.py" line="69" />
        <source>Why: {reasons}</source>
        <translation>Почему: {reasons}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/heading.py" line="71" />
        <source>Against: {reasons}</source>
        <translation>Против: {reasons}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../deskdup/services/history.py" line="48" />
        <source>merge</source>
        <translation>объединение</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="49" />
        <source>bind to contact</source>
        <translation>привязка к контакту</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="50" />
        <source>merge contacts</source>
        <translation>объединение контактов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="51" />
        <source>undo</source>
        <translation>отмена</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="52" />
        <source>not duplicates</source>
        <translation>не дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="53" />
        <source>team settings</source>
        <translation>настройки команды</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/history_detail.py" line="27" />
        <source>History event {event} is another operator's; only a supervisor sees it</source>
        <translation>Событие истории {event} — чужое; его видит только руководитель</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/history_detail.py" line="30" />
        <source>There is no history event {event}</source>
        <translation>Нет события истории {event}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="60" />
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="61" />
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="62" />
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="63" />
        <source>Primary</source>
        <translation>Основной</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="64" />
        <source>Others</source>
        <translation>Присоединённые</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="65" />
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="66" />
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="68" />
        <source>{kind} (undone)</source>
        <translation>{kind} (отменено)</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="63" />
        <source>Export the history</source>
        <translation>Выгрузка истории</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="64" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="109" />
        <source>History events</source>
        <translation>События истории</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="113" />
        <source>&amp;Detail</source>
        <translation>&amp;Подробности</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="114" />
        <source>Merges per operator per day</source>
        <translation>Объединения по операторам за день</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="115" />
        <source>Groups found, merged and dismissed per day</source>
        <translation>Группы: найдено, объединено, «не дубли» по дням</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="117" />
        <source>No events in the last 30 days</source>
        <translation>За последние 30 дней событий нет</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="124" />
        <source>&amp;Charts</source>
        <translation>&amp;Графики</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="164" />
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="166" />
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="168" />
        <source>Kind of event</source>
        <translation>Вид события</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="169" />
        <source>All events</source>
        <translation>Все события</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="172" />
        <location filename="../../deskdup/views/history/tab.py" line="183" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="173" />
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="175" />
        <source>Lead or contact: ID, name or phone</source>
        <translation>Лид или контакт: ID, имя или телефон</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="177" />
        <source>Lead or contact</source>
        <translation>Лид или контакт</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="185" />
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="216" />
        <source>any day</source>
        <translation>любой день</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="223" />
        <source>&amp;Undo this event…</source>
        <translation>&amp;Отменить это событие…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="227" />
        <source>Undo the chosen event: its records go back to what they were (Ctrl+U)</source>
        <translation>Отменить выбранное событие: его записи вернутся к прежнему виду (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="230" />
        <source>&amp;Export…</source>
        <translation>&amp;Выгрузить…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="234" />
        <source>Write the events shown to an Excel workbook or a CSV file (Ctrl+E)</source>
        <translation>Записать показанные события в книгу Excel или файл CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="237" />
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="272" />
        <source>All operators</source>
        <translation>Все операторы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="276" />
        <source>All departments</source>
        <translation>Все отделы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="309" />
        <source>Events: {count}</source>
        <translation>Событий: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="368" />
        <source>Undo event {id}</source>
        <translation>Отмена события {id}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="375" />
        <source>It cannot be undone: these records changed since.</source>
        <translation>Отменить нельзя: с тех пор эти записи изменились.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="385" />
        <source>Undo “{what}” by {who}?</source>
        <translation>Отменить «{what}» ({who})?</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="386" />
        <source>Every record of this event goes back to what it was before it.</source>
        <translation>Все записи этого события вернутся к виду до него.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="387" />
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="432" />
        <source>Exported {count} events to {path}</source>
        <translation>Выгружено событий: {count}, файл {path}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="472" />
        <source>found</source>
        <translation>найдено</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="473" />
        <source>merged</source>
        <translation>объединено</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="474" />
        <source>dismissed</source>
        <translation>не дубли</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../deskdup/services/identity.py" line="44" />
        <source>connected as the database role {subject}</source>
        <translation>вход под ролью базы данных {subject}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="45" />
        <source>the computer account {subject}</source>
        <translation>учётная запись компьютера {subject}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="46" />
        <source>the portal's webhook user {subject}</source>
        <translation>пользователь вебхука портала {subject}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="47" />
        <source>chosen from the list, not proven</source>
        <translation>выбран из списка, не подтверждено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="50" />
        <source>The database role '{role}' is not an active operator of this workspace, so deskdup cannot tell who you are. Connect with your own role, or ask a supervisor to run: deskdup operator add {role} --db URL</source>
        <translation>Роль базы данных '{role}' не является действующим оператором этого рабочего пространства, поэтому deskdup не может определить, кто вы. Подключитесь под своей ролью или попросите руководителя выполнить: deskdup operator add {role} --db URL</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="56" />
        <source>You are connected to the database as '{role}' ({name}); deskdup acts as the role that connected. To work as '{wanted}', connect with that operator's own role and password.</source>
        <translation>Вы подключены к базе данных как '{role}' ({name}); deskdup действует от имени подключившейся роли. Чтобы работать как '{wanted}', подключитесь под ролью и паролем этого оператора.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="61" />
        <source>On this computer you are '{login}' ({name}, the account {account}); only the demo or a supervisor's own file lets one sign in as another operator.</source>
        <translation>На этом компьютере вы — '{login}' ({name}, учётная запись {account}); войти как другой оператор можно только в демо или в собственном файле руководителя.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="66" />
        <source>There is no active operator with the login '{login}' in this workspace.</source>
        <translation>В этом рабочем пространстве нет действующего оператора с логином '{login}'.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../deskdup/services/importer/report.py" line="59" />
        <source>Nothing imported: {rejected} of {rows} rows are bad. Fix them, or import the rest and skip them.</source>
        <translation>Ничего не импортировано: ошибочных строк {rejected} из {rows}. Исправьте их или импортируйте остальные, пропустив ошибочные.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/report.py" line="69" />
        <source>Imported {imported}, updated {updated}, already there and left as they are {unchanged}, rejected {rejected} (of {rows} rows); {invalid} invalid phones or e-mails kept as typed.</source>
        <translation>Импортировано {imported}, исправлено {updated}, уже были и оставлены как есть {unchanged}, отклонено {rejected} (из {rows} строк); некорректных телефонов или e-mail сохранено как есть: {invalid}.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/report.py" line="86" />
        <source>Imported {imported}, already there {unchanged}, rejected {rejected} (of {rows} rows); {invalid} invalid phones or e-mails kept as typed.</source>
        <translation>Импортировано {imported}, уже были {unchanged}, отклонено {rejected} (из {rows} строк); некорректных телефонов или e-mail сохранено как есть: {invalid}.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="112" />
        <source>the cell in column '{column}' reaches Excel's limit of 32,767 characters, so its text may have been cut: import it from a CSV file</source>
        <translation>ячейка в столбце '{column}' достигает предела Excel в 32 767 символов, и её текст мог быть обрезан: импортируйте её из файла CSV</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="130" />
        <source>the cell in column '{column}' holds {value}, which a spreadsheet does not keep as the digits typed (TRUE/FALSE, a fraction, a date or more than 15 digits): format the column as text and type the value again</source>
        <translation>ячейка в столбце '{column}' содержит {value}: таблица не хранит это как набранные цифры (ИСТИНА/ЛОЖЬ, дробь, дата или больше 15 цифр); задайте столбцу текстовый формат и введите значение заново</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="149" />
        <source>the row contains a NUL character (binary data, not text)</source>
        <translation>в строке есть символ NUL (двоичные данные, а не текст)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="157" />
        <source>the id is empty</source>
        <translation>пустой id</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="160" />
        <source>the id '{id}' contains a control character</source>
        <translation>в id '{id}' есть управляющий символ</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="164" />
        <source>the id is longer than 64 characters</source>
        <translation>id длиннее 64 символов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="167" />
        <source>id {id} already appears on line {first}</source>
        <translation>id {id} уже встречается в строке {first}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="325" />
        <source>cannot read the date '{value}' (dates are read day first: 25.11.2026, 25/11/2026 10:02, or ISO 2026-11-25T10:02)</source>
        <translation>не удалось прочитать дату '{value}' (даты читаются с дня: 25.11.2026, 25/11/2026 10:02, или ISO 2026-11-25T10:02)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="201" />
        <source>unknown channel '{value}' (known: telegram, whatsapp, avito, site, call, email, vk, instagram, viber, openline, other)</source>
        <translation>неизвестный канал '{value}' (известные: telegram, whatsapp, avito, site, call, email, vk, instagram, viber, openline, other)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="35" />
        <source>'{value}' is the name of several contacts: give the contact's id instead</source>
        <translation>'{value}' — так зовут несколько контактов: укажите ID контакта</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="39" />
        <source>unknown operator '{value}': add the operator to the workspace (deskdup operator add) or clear the cell</source>
        <translation>неизвестный оператор '{value}': добавьте оператора в базу (deskdup operator add) или очистите ячейку</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="44" />
        <source>'{value}' is the name of several operators: write the login in the cell instead</source>
        <translation>'{value}' — так зовут нескольких операторов: укажите в ячейке логин</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="48" />
        <source>contact '{value}' is not in the workspace: import the contacts export first</source>
        <translation>контакта '{value}' нет в рабочей базе: сначала импортируйте выгрузку контактов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="242" />
        <source>the status is longer than 40 characters</source>
        <translation>статус длиннее 40 символов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="251" />
        <source>a name is longer than 100 characters</source>
        <translation>имя длиннее 100 символов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="271" />
        <source>a phone or address is longer than 300 characters</source>
        <translation>телефон или адрес длиннее 300 символов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="276" />
        <source>the title is longer than 300 characters</source>
        <translation>название длиннее 300 символов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/dates.py" line="93" />
        <source>the date '{value}' is not a lead's date: expected {earliest} to {latest}</source>
        <translation>дата '{value}' не может быть датой лида: ожидается от {earliest} до {latest}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/pipeline.py" line="101" />
        <source>the cells {cells} hold Excel errors (such as #N/A) instead of values</source>
        <translation>в ячейках {cells} ошибки Excel (например, #Н/Д) вместо значений</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/pipeline.py" line="161" />
        <source>The workspace is busy with another operator's change; nothing was imported. Import the file again in a moment.</source>
        <translation>Рабочая база занята изменением другого оператора; ничего не импортировано. Повторите импорт через минуту.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/pipeline.py" line="166" />
        <source>The disk is full where the workspace is kept; nothing was imported. Free some space and import the file again.</source>
        <translation>Диск, на котором хранится рабочая база, заполнен; ничего не импортировано. Освободите место и повторите импорт.</translation>
    </message>
</context>
<context>
    <name>ImportColumns</name>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="26" />
        <source>CRM id</source>
        <translation>ID в CRM</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="27" />
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="28" />
        <source>full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="29" />
        <source>first name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="30" />
        <source>last name</source>
        <translation>фамилия</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="31" />
        <source>patronymic</source>
        <translation>отчество</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="32" />
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="33" />
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="34" />
        <location filename="../../deskdup/services/importer/preview.py" line="35" />
        <location filename="../../deskdup/services/importer/preview.py" line="36" />
        <source>messenger: {channel}</source>
        <translation>мессенджер: {channel}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="37" />
        <source>website</source>
        <translation>сайт</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="38" />
        <source>first message</source>
        <translation>первое сообщение</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="39" />
        <source>comment</source>
        <translation>комментарий</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="40" />
        <source>responsible operator</source>
        <translation>ответственный оператор</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="41" />
        <source>stage</source>
        <translation>стадия</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="42" />
        <source>channel</source>
        <translation>канал</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="43" />
        <source>source (channel)</source>
        <translation>источник (канал)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="44" />
        <source>created (day first)</source>
        <translation>создан (день первым)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="45" />
        <source>modified (day first)</source>
        <translation>изменён (день первым)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="46" />
        <source>bound contact</source>
        <translation>связанный контакт</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="48" />
        <source>not read</source>
        <translation>не читается</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="148" />
        <source>Import leads or contacts</source>
        <translation>Импорт лидов или контактов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="150" />
        <source>CRM exports (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Выгрузки CRM (*.csv *.xlsx *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="161" />
        <source>Save rejected rows</source>
        <translation>Сохранить отклонённые строки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="163" />
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="178" />
        <source>Import — {file}</source>
        <translation>Импорт — {file}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="181" />
        <source>Reading {file}…</source>
        <translation>Чтение {file}…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="187" />
        <source>The file holds:</source>
        <translation>В файле:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="189" />
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="190" />
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="193" />
        <source>Import the good rows and skip the bad ones</source>
        <translation>Импортировать верные строки, пропустив ошибочные</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="195" />
        <source>Otherwise nothing is imported while any row is bad: fix them first.</source>
        <translation>Иначе при любой ошибочной строке ничего не импортируется: сначала исправьте их.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="201" />
        <source>First rows, and how each column will be read:</source>
        <translation>Первые строки и как будет прочитан каждый столбец:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="235" />
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="240" />
        <source>&amp;Save rejected rows…</source>
        <translation>&amp;Сохранить отклонённые строки…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="262" />
        <source>Bitrix24 export</source>
        <translation>выгрузка Битрикс24</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="262" />
        <source>CRM export</source>
        <translation>выгрузка CRM</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="267" />
        <source>{file}: {kind} ({format}), about {rows} rows; {read} of {columns} columns are read.</source>
        <translation>{file}: {kind} ({format}), около {rows} строк; читается столбцов: {read} из {columns}.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="308" />
        <source>Importing {file}…</source>
        <translation>Импорт {file}…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="332" />
        <source>These responsible persons are not operators of this workspace; their rows are bad. Add them, then import the file again:</source>
        <translation>Этих ответственных нет среди операторов рабочей базы, их строки отклонены. Добавьте их и импортируйте файл снова:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="341" />
        <source>  {name} ({rows} rows): {command}</source>
        <translation>  {name} (строк: {rows}): {command}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="348" />
        <source>Leads are bound to contacts that are not in this workspace ({contacts}): import the contacts export first.</source>
        <translation>Лиды связаны с контактами, которых нет в рабочей базе ({contacts}): сначала импортируйте выгрузку контактов.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="356" />
        <source>Sources that are not a channel; the channel is read from the phones and messengers: {sources}</source>
        <translation>Источники, не являющиеся каналом; канал определён по телефонам и мессенджерам: {sources}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="385" />
        <source>{count} rejected rows saved to {file}</source>
        <translation>Отклонённых строк сохранено: {count}, файл {file}</translation>
    </message>
</context>
<context>
    <name>LeadColumns</name>
    <message>
        <location filename="../../deskdup/views/compare/columns.py" line="32" />
        <source>More leads of this group: scroll to see them</source>
        <translation>Другие лиды группы: прокрутите, чтобы увидеть</translation>
    </message>
</context>
<context>
    <name>LeadHeader</name>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="294" />
        <source>contact {number}, #{label}</source>
        <translation>контакт {number}, #{label}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="298" />
        <source>lead {number}, #{label}, {channel}</source>
        <translation>лид {number}, #{label}, {channel}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="301" />
        <source>Primary</source>
        <translation>Основной</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="305" />
        <source>Keep this lead; the others are merged into it</source>
        <translation>Оставить этот лид; остальные объединяются в него</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="309" />
        <source>Primary: lead {number}, #{label}</source>
        <translation>Основной: лид {number}, #{label}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="316" />
        <source>Press {key} to make this lead the primary</source>
        <translation>Нажмите {key}, чтобы сделать этот лид основным</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="328" />
        <source>Lead {number} cannot be merged</source>
        <translation>Лид {number} нельзя объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="341" />
        <source>A different customer: take this contact out of the group for the whole team</source>
        <translation>Другой клиент: убрать этот контакт из группы для всей команды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="345" />
        <source>Contact {number} is a different customer</source>
        <translation>Контакт {number} — другой клиент</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="349" />
        <source>A different customer: take this lead out of the group for the whole team</source>
        <translation>Другой клиент: убрать этот лид из группы для всей команды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="352" />
        <source>Lead {number} is a different customer</source>
        <translation>Лид {number} — другой клиент</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="363" />
        <location filename="../../deskdup/views/compare/cells.py" line="373" />
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="383" />
        <source>no responsible operator</source>
        <translation>нет ответственного</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="390" />
        <source>contact · created {time} · leads: {leads}</source>
        <translation>контакт · создан {time} · лидов: {leads}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="394" />
        <source>{status} · created {time}</source>
        <translation>{status} · создан {time}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="409" />
        <source>{lead}, primary</source>
        <translation>{lead}, основной</translation>
    </message>
</context>
<context>
    <name>LeadListView</name>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="54" />
        <source>Search: phone in any format, e-mail, @handle or name</source>
        <translation>Поиск: телефон в любом формате, e-mail, @ник или имя</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="59" />
        <source>Has duplicates</source>
        <translation>Есть дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="61" />
        <source>Only leads that are in a group of the review queue</source>
        <translation>Только лиды, входящие в группу очереди проверки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="65" />
        <source>Compare and merge</source>
        <translation>Сравнить и объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="70" />
        <source>Open the selected leads side by side ({keys})</source>
        <translation>Открыть выбранные лиды рядом ({keys})</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="116" />
        <source>Bind to a contact…</source>
        <translation>Привязать к контакту…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="118" />
        <source>Find the contact this lead belongs to and bind it</source>
        <translation>Найти контакт, к которому относится лид, и привязать</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="167" />
        <source>Contains “{text}”</source>
        <translation>Содержит «{text}»</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="194" />
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="196" />
        <source>{n} leads</source>
        <translation>Лидов: {n}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="199" />
        <source>{shown} of {total} leads</source>
        <translation>{shown} из {total} лидов</translation>
    </message>
</context>
<context>
    <name>LeadStatus</name>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="77" />
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="78" />
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="79" />
        <source>processed</source>
        <translation>обработан</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="80" />
        <source>converted</source>
        <translation>сконвертирован</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="81" />
        <source>junk</source>
        <translation>некачественный</translation>
    </message>
</context>
<context>
    <name>Leads</name>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="56" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="57" />
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="58" />
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="59" />
        <source>Phones, e-mails, handles</source>
        <translation>Телефоны, e-mail, ники</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="60" />
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="61" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="62" />
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="63" />
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
</context>
<context>
    <name>LearnedModelPanel</name>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="34" />
        <source>What the model learned on this workspace</source>
        <translation>Чему модель научилась на этой базе</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="48" />
        <source>The score of a pair is the model's probability that the two leads are one customer. Each piece of evidence weighs bits: +1 bit doubles the odds, −1 bit halves them. The queue's reasons carry the same words and bits.</source>
        <translation>Оценка пары — вероятность по модели, что два лида — один клиент. Каждый признак весит биты: +1 бит удваивает шансы, −1 бит вдвое уменьшает. В причинах очереди те же слова и биты.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="59" />
        <source>For a match</source>
        <translation>За совпадение</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="60" />
        <source>Against a match</source>
        <translation>Против совпадения</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="67" />
        <source>Not known yet: the model is learned by the first scan of this workspace.</source>
        <translation>Пока неизвестно: модель учится при первом поиске дублей в этой базе.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="71" />
        <source>Built-in estimates: the model learns from a workspace of {count} leads or more; until then it uses what it learned on a test set.</source>
        <translation>Встроенные оценки: модель учится на базе от {count} лидов; до тех пор она использует то, чему научилась на тестовом наборе.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="75" />
        <source>Learned from the {leads} leads of this workspace at its last full scan: about {matches} pairs among them are one customer.</source>
        <translation>Выучена при последнем полном поиске по лидам этой базы ({leads}); пар, которые по модели — один клиент: около {matches}.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="87" />
        <source>bits</source>
        <translation>бит</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../deskdup/views/live.py" line="89" />
        <source>A colleague changed one of these leads; the group was reloaded.</source>
        <translation>Один из этих лидов изменён коллегой; группа загружена заново.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="102" />
        <source>Duplicate leads</source>
        <translation>Дубли лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="107" />
        <source>Queue, leads and history</source>
        <translation>Очередь, лиды и история</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="108" />
        <source>Review queue</source>
        <translation>Очередь проверки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="109" />
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="111" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="263" />
        <source>Being reviewed</source>
        <translation>Группа на проверке</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="265" />
        <source>As a supervisor you may take the review over.</source>
        <translation>Как руководитель вы можете забрать проверку себе.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="266" />
        <source>Take over</source>
        <translation>Забрать себе</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="378" />
        <source>Not merged: the merge before is still being written; press {keys} again</source>
        <translation>Не объединено: предыдущее объединение ещё записывается; нажмите {keys} ещё раз</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="382" />
        <source>Not merged: the next group is still opening; look, then press {keys} again</source>
        <translation>Не объединено: следующая группа ещё открывается; посмотрите её и нажмите {keys} ещё раз</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="385" />
        <source>Nothing to merge: no group is open</source>
        <translation>Нечего объединять: группа не открыта</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="387" />
        <source>Not merged: you lack a right to merge this group (see above)</source>
        <translation>Не объединено: у вас нет права объединить эту группу (причина указана выше)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/main_window.py" line="406" />
        <source>Today: {merges} merged, %n pairs not duplicates</source>
        <translation><numerusform>Сегодня: объединено {merges}, пар «не дубли»: %n</numerusform><numerusform>Сегодня: объединено {merges}, пар «не дубли»: %n</numerusform><numerusform>Сегодня: объединено {merges}, пар «не дубли»: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="415" />
        <source>The search works once the scan is done.</source>
        <translation>Поиск заработает, когда закончится сканирование.</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <location filename="../../deskdup/services/merge.py" line="111" />
        <source>Merged {count} leads into #{primary}</source>
        <translation>Объединено лидов: {count}, в #{primary}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="112" />
        <source>Merged {count} leads into #{primary} and bound it to contact #{contact} ({name})</source>
        <translation>Лиды ({count}) объединены в #{primary}, он привязан к контакту #{contact} ({name})</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="115" />
        <source>Lead #{lead} was changed by {who} at {time} (now version {version}); nothing was merged</source>
        <translation>Лид #{lead} был изменён в {time}, автор изменения: {who} (теперь версия {version}); ничего не объединено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="119" />
        <source>Lead #{lead} was deleted by someone else; nothing was merged</source>
        <translation>Лид #{lead} удалил кто-то другой; ничего не объединено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="123" />
        <source>Lead #{lead} was merged into #{into} by {who}; nothing was merged</source>
        <translation>Лид #{lead} уже объединён в #{into} ({who}); ничего не объединено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="55" />
        <source>Undid the merge into #{primary}; {count} leads restored</source>
        <translation>Объединение в #{primary} отменено; восстановлено лидов: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/records.py" line="52" />
        <source>Someone else changed one of these leads at the same moment; nothing was merged</source>
        <translation>Кто-то другой в тот же момент изменил один из этих лидов; ничего не объединено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/records.py" line="56" />
        <source>The database is busy with another operator's change; try again in a moment</source>
        <translation>База занята изменением другого оператора; повторите через минуту</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="56" />
        <source>Undid history event {event} ({kind})</source>
        <translation>Отменено событие истории {event} ({kind})</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="57" />
        <source>Undid the merge of contacts into #{primary}; {count} contacts restored</source>
        <translation>Объединение контактов в #{primary} отменено; восстановлено контактов: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="60" />
        <source>the deals of contact #{label} (by {who})</source>
        <translation>сделки контакта #{label} ({who})</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="61" />
        <source>Cannot undo: {what} changed after the merge; undo would overwrite that change</source>
        <translation>Нельзя отменить: после объединения есть изменения ({what}); отмена затёрла бы их</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="65" />
        <source>This merge was already undone</source>
        <translation>Это объединение уже отменено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="66" />
        <source>This history event cannot be undone</source>
        <translation>Это событие истории нельзя отменить</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="73" />
        <source>{record} #{label} ({fields}; by {who})</source>
        <translation>{record} #{label} ({fields}; изменил(а) {who})</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="74" />
        <source>{record} #{label} (deleted; by {who})</source>
        <translation>{record} #{label} (удалено; {who})</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="75" />
        <source>{record} #{label} (the id is used again)</source>
        <translation>{record} #{label} (номер занят снова)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="76" />
        <source>someone outside deskdup</source>
        <translation>кто-то вне deskdup</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="79" />
        <source>lead</source>
        <translation>лид</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="80" />
        <source>communication</source>
        <translation>средство связи</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="81" />
        <source>chat</source>
        <translation>чат</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="82" />
        <source>activity</source>
        <translation>дело</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="83" />
        <source>deal</source>
        <translation>сделка</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="84" />
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="85" />
        <source>not-duplicates mark</source>
        <translation>отметка «не дубли»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="86" />
        <source>team setting</source>
        <translation>настройка команды</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="87" />
        <source>deal's contacts</source>
        <translation>контакты сделки</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="67" />
        <source>There is no history event {event}</source>
        <translation>В истории нет события {event}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="68" />
        <source>This merge was made in the CRM portal, which deleted the other leads; deskdup cannot undo it. The history keeps everything they held.</source>
        <translation>Это объединение сделано в портале CRM, который удалил остальные лиды; deskdup не может его отменить. В истории сохранено всё, что в них было.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="127" />
        <source>someone else</source>
        <translation>кто-то другой</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/records.py" line="59" />
        <source>There is no active operator with the id {operator}</source>
        <translation>Нет активного оператора с id {operator}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="35" />
        <source>Marking leads as not duplicates needs at least two different leads</source>
        <translation>Чтобы отметить «не дубли», нужны хотя бы два разных лида</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="38" />
        <source>Marked {count} pair(s) as not duplicates</source>
        <translation>Отмечено пар «не дубли»: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="39" />
        <source>Marked {count} pair(s) of contacts as not duplicates</source>
        <translation>Отмечено пар контактов «не дубли»: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="42" />
        <source>Took back {count} not-duplicates mark(s)</source>
        <translation>Снято отметок «не дубли»: {count}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="43" />
        <source>These leads are not marked as not duplicates</source>
        <translation>Эти лиды не отмечены как «не дубли»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="44" />
        <source>Leads #{a} and #{b} were marked as not duplicates by {author}; only a supervisor may take back other operators' marks</source>
        <translation>Лиды #{a} и #{b} отметил(а) как «не дубли» {author}; снять чужую отметку может только руководитель</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="33" />
        <source>A merge needs at least two different leads</source>
        <translation>Для объединения нужны хотя бы два разных лида</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="34" />
        <source>Lead {lead} does not exist (any more)</source>
        <translation>Лида {lead} больше нет в базе</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="35" />
        <source>Lead #{lead} was already merged into #{into}</source>
        <translation>Лид #{lead} уже объединён с #{into}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="36" />
        <source>Lead #{lead} is archived; it cannot be merged</source>
        <translation>Лид #{lead} в архиве; его нельзя объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="93" />
        <source>Merged {count} leads into #{primary} in the portal</source>
        <translation>На портале объединено лидов: {count}, в #{primary}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="82" />
        <source>A merge needs at least two different contacts</source>
        <translation>Для объединения нужны хотя бы два разных контакта</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="83" />
        <source>Contact {contact} does not exist (any more)</source>
        <translation>Контакта {contact} нет (уже нет)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="84" />
        <source>Contact #{contact} was already merged into #{into}</source>
        <translation>Контакт #{contact} уже объединён с #{into}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="87" />
        <source>Contact #{contact} is archived; it cannot be merged</source>
        <translation>Контакт #{contact} в архиве; его нельзя объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="90" />
        <source>Contact #{contact} was changed by someone else (now version {version}); nothing was merged</source>
        <translation>Контакт #{contact} изменил кто-то другой (теперь версия {version}); ничего не объединено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="94" />
        <source>Contact #{contact} was deleted or merged by someone else; nothing was merged</source>
        <translation>Контакт #{contact} удалил или объединил кто-то другой; ничего не объединено</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="97" />
        <source>Merged {count} contacts into #{primary}</source>
        <translation>Объединено контактов: {count}, в #{primary}</translation>
    </message>
</context>
<context>
    <name>MergeField</name>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="47" />
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="48" />
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="49" />
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="50" />
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="51" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="52" />
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="53" />
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="54" />
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
</context>
<context>
    <name>MergeNote</name>
    <message>
        <location filename="../../deskdup/services/merge.py" line="132" />
        <source>Merged leads {leads} into this lead ({when}, {who}).</source>
        <translation>В этот лид объединены лиды {leads} ({when}, {who}).</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="133" />
        <source>%Y-%m-%d %H:%M</source>
        <translation>%d.%m.%Y %H:%M</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="76" />
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="78" />
        <source>{n} h</source>
        <translation>{n} ч</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="79" />
        <source>{n} d</source>
        <translation>{n} дн</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="85" />
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="86" />
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="87" />
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="88" />
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="121" />
        <source>Can merge</source>
        <translation>Можно объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="123" />
        <source>A lock: you lack a right to merge the group (the tooltip says which)</source>
        <translation>Замок: у вас нет права объединить группу (какого, скажет подсказка)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="127" />
        <source>The customer's names, fullest first; a phone, e-mail or handle stands for a lead that has no name</source>
        <translation>Имена клиента, самое полное первым; телефон, e-mail или ник стоит за лидом без имени</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="148" />
        <source>locked</source>
        <translation>нельзя объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="150" />
        <source>can merge</source>
        <translation>можно объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="151" />
        <source>no channels</source>
        <translation>нет каналов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="194" />
        <source>You may merge this group</source>
        <translation>Вы можете объединить эту группу</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="197" />
        <source>You cannot merge this group:</source>
        <translation>Вы не можете объединить эту группу:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="89" />
        <source>Owners</source>
        <translation>Ответственные</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="90" />
        <source>Age</source>
        <translation>Давность</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="91" />
        <source>Why</source>
        <translation>Почему</translation>
    </message>
</context>
<context>
    <name>QueueFeed</name>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="189" />
        <location filename="../../deskdup/views/queue_feed.py" line="251" />
        <source>Scanning leads…</source>
        <translation>Поиск дублей…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="251" />
        <source>Updating the queue…</source>
        <translation>Обновление очереди…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="281" />
        <source>Scanning contacts…</source>
        <translation>Поиск дубликатов контактов…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="434" />
        <source>{groups} groups among {contacts} contacts</source>
        <translation>Групп: {groups} среди {contacts} контактов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="440" />
        <source>{groups} groups among {leads} leads</source>
        <translation>Групп: {groups} среди {leads} лидов</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <location filename="../../deskdup/views/queue_model.py" line="186" />
        <source>%n contacts</source>
        <translation><numerusform>%n контакт</numerusform><numerusform>%n контакта</numerusform><numerusform>%n контактов</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/queue_model.py" line="187" />
        <source>%n leads</source>
        <translation><numerusform>%n лид</numerusform><numerusform>%n лида</numerusform><numerusform>%n лидов</numerusform></translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../deskdup/views/queue.py" line="52" />
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="53" />
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="54" />
        <source>Last 7 days</source>
        <translation>За 7 дней</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="55" />
        <source>Last 30 days</source>
        <translation>За 30 дней</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="56" />
        <source>Dates…</source>
        <translation>Даты…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="87" />
        <source>Filter by name, ID or owner</source>
        <translation>Фильтр по имени, ID или ответственному</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="92" />
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="93" />
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="94" />
        <source>Duplicates of</source>
        <translation>Дубликаты чего</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="96" />
        <source>Duplicate leads or duplicate contacts ({key})</source>
        <translation>Дубликаты лидов или контактов ({key})</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="102" />
        <source>Only groups I can merge</source>
        <translation>Только те, что я могу объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="105" />
        <source>Hide the groups you lack a right to merge (a lock in the first column); their owners or a supervisor merge them</source>
        <translation>Скрыть группы, которые у вас нет прав объединить (замок в первом столбце); их объединят ответственные или руководитель</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="110" />
        <source>Also possible duplicates</source>
        <translation>Также возможные дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="113" />
        <source>Also the groups with weaker evidence (a first name and the time, a text many leads send): more of the duplicates, more groups that are not</source>
        <translation>Также группы со слабыми признаками (имя и время, текст, который шлют многие): больше найденных дублей, но и больше групп, которые дублями не являются</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="121" />
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="126" />
        <location filename="../../deskdup/views/queue.py" line="345" />
        <source>All owners</source>
        <translation>Все ответственные</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="136" />
        <source>Score ≥ </source>
        <translation>Оценка ≥ </translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="137" />
        <source>Lowest score shown</source>
        <translation>Наименьшая показываемая оценка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="142" />
        <source>When the leads of a group came in</source>
        <translation>Когда пришли лиды группы</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="145" />
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="147" />
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="149" />
        <source>Groups with a lead created on or after this day</source>
        <translation>Группы с лидом, созданным в этот день или позже</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="150" />
        <source>Groups with a lead created on or before this day</source>
        <translation>Группы с лидом, созданным в этот день или раньше</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="161" />
        <source>Groups to review</source>
        <translation>Группы для проверки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="411" />
        <source>Looking for duplicates…</source>
        <translation>Идёт поиск дублей…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="415" />
        <source>{n} groups to review · reading the rest…</source>
        <translation>Групп на проверку: {n} · остальные загружаются…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="418" />
        <source>{shown} of the first {first} of {total} groups · reading the rest…</source>
        <translation>{shown} из первых {first} (всего групп: {total}) · остальные загружаются…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="423" />
        <source>{n} groups to review</source>
        <translation>Групп на проверку: {n}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="425" />
        <source>{shown} of {total} groups</source>
        <translation>{shown} из {total} групп</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="428" />
        <source>you may merge none of them (a lock's tooltip says why)</source>
        <translation>вы не можете объединить ни одну из них (почему — в подсказке замка)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="430" />
        <source>{n} that you cannot merge are hidden</source>
        <translation>скрыто групп, которые вы не можете объединить: {n}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="432" />
        <source>{n} locked</source>
        <translation>недоступно вам: {n}</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="37" />
        <source>Same name: {a} ~ {b}</source>
        <translation>Одно имя: {a} ~ {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="38" />
        <source>Same name: {a} ~ {b} (translit)</source>
        <translation>Одно имя: {a} ~ {b} (транслит)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="39" />
        <source>Same name: {a} ~ {b} (diminutive)</source>
        <translation>Одно имя: {a} ~ {b} (уменьшительное)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="40" />
        <source>Same name: {a} ~ {b} (translit, diminutive)</source>
        <translation>Одно имя: {a} ~ {b} (транслит, уменьшительное)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="43" />
        <source>{channel} {nick} ~ {name}</source>
        <translation>{channel} {nick} ~ {name}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="44" />
        <source>{channel} {nick} ~ {name} (translit)</source>
        <translation>{channel} {nick} ~ {name} (транслит)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="45" />
        <source>{channel} {nick} ~ {name} (diminutive)</source>
        <translation>{channel} {nick} ~ {name} (уменьшительное)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="46" />
        <source>{channel} {nick} ~ {name} (translit, diminutive)</source>
        <translation>{channel} {nick} ~ {name} (транслит, уменьшительное)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="49" />
        <source>Same first name: {a} ~ {b}</source>
        <translation>Одно имя без фамилии: {a} ~ {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="50" />
        <source>Same first name: {a} ~ {b} (translit)</source>
        <translation>Одно имя без фамилии: {a} ~ {b} (транслит)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="51" />
        <source>Same first name: {a} ~ {b} (diminutive)</source>
        <translation>Одно имя без фамилии: {a} ~ {b} (уменьшительное)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="52" />
        <source>Same first name: {a} ~ {b} (translit, diminutive)</source>
        <translation>Одно имя без фамилии: {a} ~ {b} (транслит, уменьшительное)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="55" />
        <source>Same surname and initial: {a} ~ {b}</source>
        <translation>Та же фамилия и инициал: {a} ~ {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="56" />
        <source>Same surname and initial: {a} ~ {b} (translit)</source>
        <translation>Та же фамилия и инициал: {a} ~ {b} (транслит)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="59" />
        <source>Same surname and number: {a} ~ {b}</source>
        <translation>Та же фамилия и число: {a} ~ {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="60" />
        <source>Same surname: {a} ~ {b}</source>
        <translation>Та же фамилия: {a} ~ {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="61" />
        <source>Same surname: {a} ~ {b} (translit)</source>
        <translation>Та же фамилия: {a} ~ {b} (транслит)</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="86" />
        <source>{channel} {nick}: the initial fits {name}</source>
        <translation>{channel} {nick}: инициал подходит к имени {name}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="239" />
        <source>Same phone {phone}</source>
        <translation>Один телефон {phone}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="249" />
        <source>Same e-mail {email}</source>
        <translation>Один e-mail {email}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="261" />
        <source>Same {channel} account {handle}</source>
        <translation>Один аккаунт {channel} {handle}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="271" />
        <source>Same (invalid) phone number {phone}</source>
        <translation>Один (некорректный) номер {phone}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="291" />
        <source>Came {minutes} min apart via {a} and {b}</source>
        <translation>Обращения с разницей {minutes} мин через {a} и {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="336" />
        <source>{channel} {nick} reads as another name than {name}</source>
        <translation>{channel} {nick} — другое имя, не {name}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="345" />
        <source>A man and a woman: {a} / {b}</source>
        <translation>Мужчина и женщина: {a} / {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="407" />
        <source>Both sent a text many leads send, {minutes} min apart: '{text}'</source>
        <translation>Оба отправили шаблон, который шлют многие, с разницей {minutes} мин: «{text}»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="412" />
        <source>Both wrote {minutes} min apart, and no one else around then: '{text}'</source>
        <translation>Оба написали с разницей {minutes} мин, и больше никто в это время: «{text}»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="417" />
        <source>Both wrote {minutes} min apart, and a few others around then: '{text}'</source>
        <translation>Оба написали с разницей {minutes} мин, и ещё несколько человек в это время: «{text}»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="422" />
        <source>Both wrote a common text {minutes} min apart: '{text}'</source>
        <translation>Оба написали частый текст с разницей {minutes} мин: «{text}»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="427" />
        <source>Both wrote {minutes} min apart: '{text}'</source>
        <translation>Оба написали с разницей {minutes} мин: «{text}»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="430" />
        <source>Wrote much the same {minutes} min apart: '{text}' / '{other}'</source>
        <translation>Написали почти то же с разницей {minutes} мин: «{text}» / «{other}»</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/contacts.py" line="67" />
        <source>Different e-mails {a} / {b}</source>
        <translation>Разные e-mail {a} / {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/contacts.py" line="340" />
        <location filename="../../deskdup/services/matching/evidence.py" line="313" />
        <source>Different phones {a} / {b}</source>
        <translation>Разные телефоны {a} / {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="344" />
        <source>Different first names {a} / {b}</source>
        <translation>Разные имена {a} / {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="346" />
        <source>Different surnames {a} / {b}</source>
        <translation>Разные фамилии {a} / {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="347" />
        <source>Different patronymics {a} / {b}</source>
        <translation>Разные отчества {a} / {b}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/contacts.py" line="59" />
        <source>On one deal: {deal}</source>
        <translation>На одной сделке: {deal}</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="141" />
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="141" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../deskdup/services/review.py" line="66" />
        <source>This group holds leads you may not read ({hidden}); there is nothing to compare</source>
        <translation>В этой группе лиды, которые вам не разрешено читать ({hidden}); сравнивать нечего</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="48" />
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="49" />
        <source>Previous group</source>
        <translation>Предыдущая группа</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="50" />
        <source>&amp;Previous group</source>
        <translation>&amp;Предыдущая группа</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="54" />
        <source>Next</source>
        <translation>Дальше</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="55" />
        <source>Next group</source>
        <translation>Следующая группа</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="56" />
        <source>&amp;Next group</source>
        <translation>&amp;Следующая группа</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="60" />
        <source>Undo last</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="61" />
        <source>Undo my last merge or bind</source>
        <translation>Отменить моё последнее объединение или привязку</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="66" />
        <source>Keyboard shortcuts</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="67" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Горячие клавиши</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="72" />
        <source>The whole conversation of the chats</source>
        <translation>Вся переписка в чатах</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="73" />
        <source>&amp;Conversation of the chats</source>
        <translation>&amp;Переписка в чатах</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="78" />
        <source>Fold the queue away to see more leads side by side</source>
        <translation>Свернуть очередь, чтобы рядом поместилось больше лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="79" />
        <source>&amp;Fold the queue away</source>
        <translation>&amp;Свернуть очередь</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="83" />
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="84" />
        <source>Skip this group for now</source>
        <translation>Пропустить группу пока</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="88" />
        <source>Not duplicates</source>
        <translation>Не дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="89" />
        <source>These leads are different people; do not show them again</source>
        <translation>Это разные люди; больше не показывать</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="95" />
        <source>Contact…</source>
        <translation>Контакт…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="96" />
        <source>Find the customer's contact; the merge binds the merged lead to it</source>
        <translation>Найти контакт клиента; объединение привяжет к нему объединённый лид</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="99" />
        <source>&amp;Bind to a contact…</source>
        <translation>&amp;Привязать к контакту…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="103" />
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="104" />
        <source>Merge every other lead into the primary</source>
        <translation>Объединить остальные лиды с основным</translation>
    </message>
</context>
<context>
    <name>ReviewDecisions</name>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="147" />
        <source>The view has been reloaded.</source>
        <translation>Данные обновлены.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="199" />
        <location filename="../../deskdup/views/compare/decisions.py" line="263" />
        <source>Marked as not duplicates</source>
        <translation>Отмечены как «не дубли»</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="238" />
        <source>The merge will bind the merged lead to contact #{contact} ({name}) and give it the group's phones, e-mails, messengers and chats.</source>
        <translation>Объединение привяжет объединённый лид к контакту #{contact} ({name}) и передаст контакту телефоны, e-mail, мессенджеры и чаты группы.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="284" />
        <source>There is no merge or bind of yours to undo.</source>
        <translation>Нет вашего объединения или привязки, которые можно отменить.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="290" />
        <source>Undo the last bind</source>
        <translation>Отмена последней привязки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="290" />
        <source>Undo the last merge</source>
        <translation>Отменить последнее объединение</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="292" />
        <source>The lead and the contact will be restored exactly as they were.</source>
        <translation>Лид и контакт вернутся точно в прежнее состояние.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="294" />
        <source>The leads will be restored exactly as they were before the merge.</source>
        <translation>Лиды будут восстановлены в точности такими, какими были до объединения.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="295" />
        <source>Undo bind</source>
        <translation>Отменить привязку</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="295" />
        <source>Undo merge</source>
        <translation>Отменить объединение</translation>
    </message>
</context>
<context>
    <name>ReviewShortcuts</name>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="80" />
        <source>Next group</source>
        <translation>Следующая группа</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="86" />
        <source>Previous group</source>
        <translation>Предыдущая группа</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="92" />
        <source>Make the lead in that column the primary</source>
        <translation>Сделать лид этого столбца основным</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="99" />
        <source>Previous field</source>
        <translation>Предыдущее поле</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="105" />
        <source>Next field</source>
        <translation>Следующее поле</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="111" />
        <source>Keep the value on the left</source>
        <translation>Оставить значение слева</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="117" />
        <source>Keep the value on the right</source>
        <translation>Оставить значение справа</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="125" />
        <source>Keep that column's value of the current field</source>
        <translation>Оставить значение этого столбца в текущем поле</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="132" />
        <source>Merge into the primary</source>
        <translation>Объединить в основной</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="140" />
        <source>Not duplicates</source>
        <translation>Не дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="147" />
        <source>Skip this group for now</source>
        <translation>Пропустить группу пока</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="154" />
        <source>Bind the merged lead to a contact</source>
        <translation>Привязать объединённый лид к контакту</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="161" />
        <source>Undo my last merge or bind</source>
        <translation>Отменить моё последнее объединение или привязку</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="169" />
        <source>Show or hide the whole conversation of the chats</source>
        <translation>Показать или скрыть всю переписку в чатах</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="175" />
        <source>Fold the queue away, or bring it back</source>
        <translation>Свернуть очередь или вернуть её</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="181" />
        <source>Show the keyboard shortcuts</source>
        <translation>Показать горячие клавиши</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <location filename="../../deskdup/services/rights.py" line="40" />
        <source>read</source>
        <translation>чтение</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="41" />
        <source>edit</source>
        <translation>изменение</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="42" />
        <source>delete</source>
        <translation>удаление</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="43" />
        <source>archive</source>
        <translation>архивирование</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="46" />
        <source>Lead #{lead} is your own ({department}); you have no {right} right on leads at all; ask a supervisor</source>
        <translation>Лид #{lead} ваш ({department}); у вас нет права «{right}» на лиды; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="51" />
        <source>Lead #{lead} belongs to {owner} ({department}); you have no {right} right on your colleagues' leads; ask a supervisor</source>
        <translation>Лид #{lead} принадлежит: {owner} ({department}); у вас нет права «{right}» на лиды коллег; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="56" />
        <source>Lead #{lead} belongs to {owner} ({department}); you have no {right} right on leads of that department; ask a supervisor</source>
        <translation>Лид #{lead} принадлежит: {owner} ({department}); у вас нет права «{right}» на лиды этого отдела; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="61" />
        <source>Lead #{lead} has no responsible operator; you have no {right} right on leads that are not yours; ask a supervisor</source>
        <translation>У лида #{lead} нет ответственного; у вас нет права «{right}» на чужие лиды; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="66" />
        <source>This merge was made by {author}; only a supervisor may undo other operators' merges</source>
        <translation>Автор этого объединения: {author}; отменять чужие объединения может только руководитель</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="71" />
        <source>{leads} are your own ({department}); you have no {right} right on leads at all; ask a supervisor</source>
        <translation>Лиды {leads} ваши ({department}); у вас нет права «{right}» на лиды; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="76" />
        <source>{leads} belong to {owner} ({department}); you have no {right} right on your colleagues' leads; ask a supervisor</source>
        <translation>Лиды {leads} принадлежат: {owner} ({department}); у вас нет права «{right}» на лиды коллег; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="81" />
        <source>{leads} belong to {owner} ({department}); you have no {right} right on leads of that department; ask a supervisor</source>
        <translation>Лиды {leads} принадлежат: {owner} ({department}); у вас нет права «{right}» на лиды этого отдела; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="86" />
        <source>{leads} have no responsible operator; you have no {right} right on leads that are not yours; ask a supervisor</source>
        <translation>У лидов {leads} нет ответственного; у вас нет права «{right}» на чужие лиды; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="98" />
        <source>Contact #{lead} is your own ({department}); you have no {right} right on contacts at all; ask a supervisor</source>
        <translation>Контакт #{lead} ваш ({department}); у вас нет права «{right}» на контакты вообще; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="103" />
        <source>Contact #{lead} belongs to {owner} ({department}); you have no {right} right on your colleagues' contacts; ask a supervisor</source>
        <translation>Контакт #{lead} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты коллег; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="108" />
        <source>Contact #{lead} belongs to {owner} ({department}); you have no {right} right on contacts of that department; ask a supervisor</source>
        <translation>Контакт #{lead} принадлежит: {owner} ({department}); у вас нет права «{right}» на контакты этого отдела; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="113" />
        <source>Contact #{lead} has no responsible operator; you have no {right} right on contacts that are not yours; ask a supervisor</source>
        <translation>У контакта #{lead} нет ответственного; у вас нет права «{right}» на чужие контакты; обратитесь к руководителю</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="127" />
        <source>no department</source>
        <translation>без отдела</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="128" />
        <source>a lead of {department} you may not read</source>
        <translation>лид отдела {department}, который вам не разрешено читать</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="137" />
        <source>You may not do this; nothing was changed:
• {refusals}</source>
        <translation>Это действие вам не разрешено; ничего не изменено:
• {refusals}</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="47" />
        <source>reading</source>
        <translation>чтения лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="48" />
        <source>keying</source>
        <translation>построения ключей</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="49" />
        <source>comparing</source>
        <translation>сравнения лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="50" />
        <source>wording</source>
        <translation>формулировки причин</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="52" />
        <source>The scan's {what} worker process stopped before it finished (the system may have run out of memory, or the process was ended). Nothing was changed: scan again; on the command line --workers 1 scans in one process.</source>
        <translation>Рабочий процесс {what} при поиске дублей остановился, не закончив работу (возможно, системе не хватило памяти или процесс был завершён). Ничего не изменено: запустите поиск ещё раз; в командной строке --workers 1 ищет в одном процессе.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../deskdup/services/secrets.py" line="18" />
        <source>The secret is kept in the system keyring ({backend}).</source>
        <translation>Секрет сохранён в системном хранилище паролей ({backend}).</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/secrets.py" line="19" />
        <source>There is no system keyring here ({reason}), so the secret was not stored: it is used for this session only. Give it again next time (or set it in the environment).</source>
        <translation>Системного хранилища паролей здесь нет ({reason}), поэтому секрет не сохранён: он используется только в этом сеансе. Укажите его снова в следующий раз (или задайте в окружении).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../deskdup/views/settings.py" line="48" />
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="50" />
        <source>Font size</source>
        <translation>Размер шрифта</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="59" />
        <source>Likely duplicates</source>
        <translation>Вероятные дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="65" />
        <source>Possible duplicates</source>
        <translation>Возможные дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="74" />
        <source>Likely duplicates by precision</source>
        <translation>Вероятные дубли по точности</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="81" />
        <source>Default phone region (country code such as RU, KZ, BY)</source>
        <translation>Регион телефонов по умолчанию (код страны: RU, KZ, BY)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="90" />
        <source>Evidence weights (from -1 to 1; below 0 lowers the score)</source>
        <translation>Веса признаков (от -1 до 1; меньше 0 снижает оценку)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="96" />
        <source>Burst window (minutes between leads from different channels)</source>
        <translation>Окно всплеска (минут между лидами из разных каналов)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="80" />
        <source>Same phone</source>
        <translation>Один телефон</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="81" />
        <source>Same e-mail</source>
        <translation>Один e-mail</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="82" />
        <source>Same messenger account</source>
        <translation>Один аккаунт в мессенджере</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="83" />
        <source>Same unrecognised phone number</source>
        <translation>Один нераспознанный номер телефона</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="84" />
        <source>Same first name and surname</source>
        <translation>Одинаковые имя и фамилия</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="85" />
        <source>Same full name with patronymic</source>
        <translation>Одинаковые ФИО с отчеством</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="86" />
        <source>Nickname matches the name</source>
        <translation>Ник совпадает с именем</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="87" />
        <source>Same surname and initial</source>
        <translation>Одинаковые фамилия и инициал</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="88" />
        <source>Same surname only</source>
        <translation>Только одинаковая фамилия</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="89" />
        <source>Same surname with a number (petrov93)</source>
        <translation>Одинаковая фамилия с числом (petrov93)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="90" />
        <source>Same first name only</source>
        <translation>Только одинаковое имя</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="91" />
        <source>A nickname's initial and surname fit the first name</source>
        <translation>Инициал и фамилия в нике подходят к имени</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="94" />
        <source>Different channels within the burst window</source>
        <translation>Разные каналы в пределах окна всплеска</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="95" />
        <source>Same inquiry text</source>
        <translation>Одинаковый текст обращения</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="96" />
        <source>Much the same inquiry (reworded, or the same thing in other words)</source>
        <translation>Почти тот же текст обращения (перефразирован или тот же вопрос другими словами)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="99" />
        <source>Same short or frequent inquiry, no one else's or a few others' around then</source>
        <translation>Одинаковый короткий или частый текст, больше ни у кого или ещё у нескольких в это время</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="102" />
        <source>Same inquiry that several leads send around then</source>
        <translation>Одинаковый текст, который в это время шлют несколько лидов</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="105" />
        <source>Same template many leads send</source>
        <translation>Одинаковый шаблон, который шлют многие</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="106" />
        <source>Different phones (penalty)</source>
        <translation>Разные телефоны (штраф)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="107" />
        <source>Different first names (penalty)</source>
        <translation>Разные имена (штраф)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="108" />
        <source>A man and a woman (penalty)</source>
        <translation>Мужчина и женщина (штраф)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="109" />
        <source>Different surnames (penalty)</source>
        <translation>Разные фамилии (штраф)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="110" />
        <source>Different patronymics (penalty)</source>
        <translation>Разные отчества (штраф)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="111" />
        <source>A nickname or e-mail that reads as another name (penalty)</source>
        <translation>Ник или e-mail с другим именем (штраф)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="174" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="190" />
        <source>Yours</source>
        <translation>Ваши</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="190" />
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="195" />
        <location filename="../../deskdup/views/settings_dialog.py" line="204" />
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="205" />
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="207" />
        <source>Larger text in every window of deskdup</source>
        <translation>Крупнее текст во всех окнах deskdup</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="217" />
        <source>After OK the window scans again with the new detection settings.</source>
        <translation>После OK окно заново ищет дубли с новыми настройками поиска.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="251" />
        <source>Detection</source>
        <translation>Поиск дублей</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="251" />
        <source>Team settings (whole workspace)</source>
        <translation>Настройки команды (вся база)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="254" />
        <source>Archive merged leads (instead of deleting them)</source>
        <translation>Архивировать объединённые лиды (а не удалять)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="257" />
        <source>Every operator of this workspace works with these settings.</source>
        <translation>С этими настройками работают все операторы этой базы.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="259" />
        <source>These are the team's settings; only a supervisor changes them.</source>
        <translation>Это настройки команды; менять их может только руководитель.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="286" />
        <source>A pair's score is the probability that its two leads are one customer, as the model learned it on this workspace.</source>
        <translation>Оценка пары — вероятность того, что два лида — один клиент, по модели, выученной на этой базе.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="293" />
        <source>The queue shows these by default: fewer pairs, nearly all of them right</source>
        <translation>Очередь показывает их по умолчанию: пар меньше, почти все верные</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="296" />
        <source>Shown on request: more duplicates found, more pairs that are not</source>
        <translation>Показываются по запросу: больше найденных дублей и больше пар, которые ими не являются</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="298" />
        <source>by precision: right on average</source>
        <translation>по точности: верных в среднем</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="301" />
        <source>The queue shows the best pairs whose probabilities average at least this: the share of them that are one customer. The same probability means less in a busier workspace, so the tier starts higher there.</source>
        <translation>Очередь показывает лучшие пары, средняя вероятность которых не ниже этой: такая доля из них — один клиент. В более загруженной базе та же вероятность значит меньше, поэтому там уровень начинается выше.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="323" />
        <source>or by probability:</source>
        <translation>или по вероятности:</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="330" />
        <source>A review threshold of {old} saved by an earlier version of deskdup was a score of hand-set weights, not a probability. It is not used: likely duplicates start at {likely} % until it is saved anew here.</source>
        <translation>Порог проверки {old}, сохранённый прежней версией deskdup, был оценкой по ручным весам, а не вероятностью. Он не используется: вероятные дубли начинаются с {likely} %, пока порог не сохранят здесь заново.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="336" />
        <source>A review threshold of {old} saved by an earlier version of deskdup was a score of hand-set weights, not a probability. It is not used: likely duplicates are chosen by precision until it is saved anew here.</source>
        <translation>Порог {old}, сохранённый прежней версией deskdup, был оценкой по заданным вручную весам, а не вероятностью. Он не используется: вероятные дубли выбираются по точности, пока настройки не сохранены здесь заново.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="350" />
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="353" />
        <source>Leads from different channels this close in time are compared even when they share no phone, e-mail or account</source>
        <translation>Лиды из разных каналов, пришедшие так близко по времени, сравниваются, даже если у них нет общего телефона, e-mail или аккаунта</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="391" />
        <source>from </source>
        <translation>от </translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="397" />
        <source>Evidence the model may use</source>
        <translation>Признаки, которые может учитывать модель</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="401" />
        <source>Untick a kind of evidence the team does not trust: it then counts neither for nor against a pair.</source>
        <translation>Снимите флажок с признака, которому команда не доверяет: тогда он не считается ни за, ни против пары.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="428" />
        <source>Weights set by hand in an earlier version ({count}) no longer score pairs; they only narrow which pairs are compared at all. Restore defaults clears them.</source>
        <translation>Веса, заданные вручную в прежней версии ({count}), больше не оценивают пары; они лишь сужают круг сравниваемых пар. «Восстановить по умолчанию» сбрасывает их.</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="440" />
        <source>Both tiers, the burst window and every kind of evidence back to deskdup's</source>
        <translation>Вернуть оба уровня, окно всплеска и все признаки к значениям deskdup</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="438" />
        <source>Restore defaults</source>
        <translation>Восстановить по умолчанию</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="308" />
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="311" />
        <source>Who is working?</source>
        <translation>Кто работает?</translation>
    </message>
</context>
<context>
    <name>TeamSettings</name>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="79" />
        <source>Only a supervisor may change the team's settings; {operator} is not one</source>
        <translation>Настройки команды меняет только руководитель; {operator} — не руководитель</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="83" />
        <source>Changed the team's settings: {what}</source>
        <translation>Изменены настройки команды: {what}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="84" />
        <source>The team's settings are already these</source>
        <translation>Настройки команды уже такие</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="85" />
        <source>The threshold of a tier must be a probability from 0 to 1, not {value}</source>
        <translation>Порог уровня должен быть вероятностью от 0 до 1, а не {value}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="88" />
        <source>The possible tier must start at or below the likely one ({likely}), not at {possible}</source>
        <translation>Возможные дубли должны начинаться не выше вероятных ({likely}), а не с {possible}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="92" />
        <source>The likely tier's precision must be from 50 % to 99.9 %, not {value}</source>
        <translation>Точность уровня «вероятные» должна быть от 50 % до 99,9 %, а не {value}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="95" />
        <source>The burst window must be from 1 to 240 minutes, not {value}</source>
        <translation>Окно всплеска — от 1 до 240 минут, а не {value}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="98" />
        <source>The weight of '{code}' must be from -1 to 1, not {value}</source>
        <translation>Вес «{code}» должен быть от -1 до 1, а не {value}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="101" />
        <source>There is no kind of evidence called '{code}'; the kinds are: {codes}</source>
        <translation>Нет признака «{code}»; признаки: {codes}</translation>
    </message>
</context>
<context>
    <name>ValueCell</name>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="177" />
        <source>lead {number}</source>
        <translation>лид {number}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="179" />
        <source>empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="211" />
        <source>{value}, chosen</source>
        <translation>{value}, выбрано</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="67" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="69" />
        <source>&amp;Open workspace…</source>
        <translation>&amp;Открыть базу…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="75" />
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="79" />
        <source>Import leads or contacts from a CRM export (CSV or XLSX, Bitrix24's too)</source>
        <translation>Импорт лидов или контактов из выгрузки CRM (CSV или XLSX, в том числе Битрикс24)</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="82" />
        <source>Sign in as another operator…</source>
        <translation>Войти другим оператором…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="85" />
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="92" />
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="102" />
        <source>&amp;Review</source>
        <translation>&amp;Проверка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="104" />
        <source>&amp;Scan for duplicates</source>
        <translation>&amp;Найти дубли</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="108" />
        <source>Read every lead again and rebuild the review queue</source>
        <translation>Перечитать все лиды и заново построить очередь</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="130" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="132" />
        <source>Review &amp;queue</source>
        <translation>&amp;Очередь проверки</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="135" />
        <source>&amp;Leads</source>
        <translation>&amp;Лиды</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="138" />
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="143" />
        <source>&amp;Find a lead</source>
        <translation>На&amp;йти лид</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="147" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="149" />
        <source>&amp;About deskdup</source>
        <translation>&amp;О программе deskdup</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="66" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="67" />
        <source>Stop the scan</source>
        <translation>Остановить поиск</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="87" />
        <source>Workspace: {url}</source>
        <translation>База: {url}</translation>
    </message>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="88" />
        <source>Operator: {who}</source>
        <translation>Оператор: {who}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="28" />
        <source>'{url}' is not a database address: {reason}</source>
        <translation>'{url}' — не адрес базы данных: {reason}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="29" />
        <source>The folder {folder} does not exist; create it or choose another.</source>
        <translation>Папка {folder} не существует; создайте её или выберите другую.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="32" />
        <source>{path} is not a deskdup workspace (it is not a SQLite database); choose another file.</source>
        <translation>{path} — не рабочая база deskdup (это не база SQLite); выберите другой файл.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="36" />
        <source>{path} is a folder; choose a workspace file in it or give a new file name.</source>
        <translation>{path} — это папка; выберите в ней файл рабочей базы или укажите новое имя файла.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="39" />
        <source>'{url}' is not a kind of database deskdup works with: give a SQLite file or a PostgreSQL address (postgresql://user@server/database).</source>
        <translation>'{url}' — не та база, с которой работает deskdup: укажите файл SQLite или адрес PostgreSQL (postgresql://пользователь@сервер/база).</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="44" />
        <source>File not found: {path}. Check the path for a typo. A new, empty workspace is made only on request: deskdup init --db {quoted}, or "New workspace…" in the window's "Open a workspace" dialog.</source>
        <translation>Файл не найден: {path}. Проверьте, нет ли опечатки в пути. Новая пустая рабочая база создаётся только по запросу: deskdup init --db {quoted} или кнопкой «Новая база…» в окне «Открыть рабочую базу».</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="50" />
        <source>{path} is a CRM export (a spreadsheet), not a deskdup workspace. Import it into a workspace with: deskdup import {quoted} --db WORKSPACE</source>
        <translation>{path} — выгрузка из CRM (таблица), а не рабочая база deskdup. Импортируйте её в рабочую базу: deskdup import {quoted} --db БАЗА</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="55" />
        <source>Cannot open the workspace file {path}: {reason}. Check that you may read and write it.</source>
        <translation>Не удалось открыть файл рабочей базы {path}: {reason}. Проверьте, что у вас есть права на чтение и запись.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="59" />
        <source>Cannot open the database {url}: {reason}. Check that the server is running and the address, user and password are right.</source>
        <translation>Не удалось открыть базу {url}: {reason}. Проверьте, что сервер запущен, а адрес, пользователь и пароль верны.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="64" />
        <source>The database role '{role}' may not use the workspace {url}: it is not one of its operators. Connect with your own role, or ask a supervisor to run: deskdup operator add {role} --db URL</source>
        <translation>Роль базы данных '{role}' не может работать с рабочим пространством {url}: это не один из его операторов. Подключитесь под своей ролью или попросите руководителя выполнить: deskdup operator add {role} --db URL</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="70" />
        <source>The workspace {url} must be upgraded to this version of deskdup by the owner of its database: deskdup team init --db URL (as the owner). It said: {reason}</source>
        <translation>Рабочее пространство {url} должен обновить до этой версии deskdup владелец базы данных: deskdup team init --db URL (от имени владельца). Ответ базы: {reason}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="76" />
        <source>The database is busy with another operator's change; try again in a moment</source>
        <translation>База занята изменением другого оператора; повторите через минуту</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="79" />
        <source>The disk is full where the workspace is kept; nothing was written. Free some space and try again.</source>
        <translation>Диск, на котором лежит рабочая база, заполнен; ничего не записано. Освободите место и повторите.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="84" />
        <source>The database took too long to answer ({seconds} s); nothing was written. Try again; if it keeps happening, ask the database administrator.</source>
        <translation>База данных слишком долго не отвечала ({seconds} с); ничего не записано. Повторите; если это повторяется, обратитесь к администратору базы данных.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="90" />
        <source>The database refused the change; nothing was written. It said: {reason}</source>
        <translation>База данных отказала в изменении; ничего не записано. Её ответ: {reason}</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="95" />
        <source>Lead {leads} is held by {who}, whose change has been open since {since}; nothing was merged. Try again when they finish.</source>
        <translation>Лид {leads} занят: {who} начал(а) изменение в {since}; ничего не объединено. Повторите, когда изменение закончится.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="100" />
        <source>Lead {leads} is held by another session of the database; nothing was merged. Try again in a moment.</source>
        <translation>Лид {leads} занят другим сеансом базы данных; ничего не объединено. Повторите через минуту.</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="105" />
        <source>deskdup ({login})</source>
        <translation>deskdup ({login})</translation>
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="106" />
        <source>{program} (database user {user}{where})</source>
        <translation>{program} (пользователь базы {user}{where})</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../deskdup/views/operations.py" line="120" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
</TS>