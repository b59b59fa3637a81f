<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="46" />
        <source>About deskdup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="51" />
        <source>&lt;b&gt;deskdup {version}&lt;/b&gt;&lt;p&gt;Finds duplicate CRM leads across channels that share no identifier, shows them side by side and merges them by hand.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="60" />
        <source>Python {python} · Qt {qt} · PySide6 {pyside} · deskdup: MIT licence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="69" />
        <source>Settings:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="70" />
        <source>Logs:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="71" />
        <source>Data (the demo workspace):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="86" />
        <source>Bundled libraries and their licences:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="89" />
        <source>Bundled libraries and their licences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="91" />
        <source>Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="91" />
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="91" />
        <source>Licence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="99" />
        <source>Qt (inside PySide6)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="101" />
        <source>not stated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/about_dialog.py" line="109" />
        <source>Qt, PySide6 and psycopg are used under the GNU LGPL version 3: they are separate libraries in the program folder and may be replaced by compatible builds. Qt's source code: &lt;a href="{url}"&gt;{url}&lt;/a&gt;.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../deskdup/app.py" line="93" />
        <source>Reading {stage} from the portal…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="144" />
        <source>The workspace {url} has no operators yet. Add the CRM's users first (deskdup operator add LOGIN --db URL); for a try-out: deskdup --demo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="221" />
        <source>Creating the demo workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="251" />
        <source>Opening the workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="265" />
        <source>The workspace could not be opened (see the error).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="319" />
        <source>There is no operator '{login}' in this workspace; choose one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="382" />
        <source>To sign in as another operator, connect with that operator's own database role and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/app.py" line="394" />
        <source>On a linked portal you act as the webhook's user; to work as another operator, open the workspace with that operator's webhook.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BindDialog</name>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="199" />
        <source>Bind to a contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="220" />
        <source>Contact ID, name (any order, initials, typos), phone, e-mail or @handle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="245" />
        <source>Bind the merged lead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="247" />
        <source>The merge will bind the merged lead to this contact ({key})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="254" />
        <source>Merge and bind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="256" />
        <source>Merge the group now and bind the result to this contact ({key})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="268" />
        <source>Bind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="270" />
        <source>Bind the lead to this contact ({key})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="337" />
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/bind_dialog.py" line="365" />
        <source>%n contact(s) found</source>
        <translation><numerusform>%n contact found</numerusform><numerusform>%n contacts found</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="367" />
        <source>No contact matches “{text}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="370" />
        <source>Contacts this lead most likely belongs to (type to search):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="372" />
        <source>No contact looks like this lead; type a contact ID, a name or a phone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="375" />
        <source>{count} contacts searched in {ms} ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="455" />
        <source>Lead #{lead}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="460" />
        <source>The lead merged from {leads} will be bound to the contact you choose</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Bitrix24</name>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="36" />
        <source>The webhook's user #{user} is not among the workspace's operators yet; run a sync first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="40" />
        <source>Lead #{lead} changed since it was shown; nothing was bound; the view has been reloaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="46" />
        <source>This workspace is linked to the portal {portal}, but its webhook is not at hand, so nothing can be written to the portal: give the webhook in File → Open workspace (Bitrix24 portal), or in DESKDUP_BITRIX24_WEBHOOK.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/backend.py" line="52" />
        <source>Connected to {portal} as {user}; the portal has {count} leads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="47" />
        <source>The portal {portal} does not accept this webhook (wrong user or secret, or the webhook was deleted). Create an incoming webhook in the portal and give its address again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="52" />
        <source>Cannot reach the portal {portal}: {reason}. Check the address and the network connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="56" />
        <source>The connection to the portal {portal} broke before it answered ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="60" />
        <source>The portal refused {method}: {description} ({code})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="61" />
        <source>The portal says the webhook's user may not do this ({method}: {description}). Ask the portal administrator for the right, or use a webhook of a user who has it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="66" />
        <source>The webhook lacks the permission for {method} ({description}); add the scope to the webhook in the portal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="71" />
        <source>The portal {portal} kept answering 'too many requests' for {minutes} minutes; try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/client.py" line="76" />
        <source>The address {portal} answered, but not as a Bitrix24 portal does (HTTP {status}). Check the webhook address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/link.py" line="30" />
        <source>This workspace is linked to the portal {linked}, not {given}. Give a webhook of {linked}, or use another workspace for {given}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/link.py" line="35" />
        <source>This workspace is linked to the portal {portal}, but no webhook for it is at hand: give it with --bitrix24 URL or in the environment variable DESKDUP_BITRIX24_WEBHOOK.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/link.py" line="40" />
        <source>This workspace is not linked to a Bitrix24 portal yet: give the webhook with --bitrix24 URL (or DESKDUP_BITRIX24_WEBHOOK).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="94" />
        <source>Lead #{lead} was changed in the portal at {time} (after deskdup last read it); nothing was merged; the view has been reloaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="99" />
        <source>Lead #{lead} no longer exists in the portal (deleted or merged there); nothing was merged; it has left the queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="104" />
        <source>The portal refused to merge #{leads}: the leads still differ in {fields}, which deskdup does not show (CONFLICT). Nothing was merged and the leads are as they were; merge them in the portal: {url}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="110" />
        <source>The portal could not merge #{leads} (ERROR). Nothing was merged and the leads are as they were; try again or merge them in the portal: {url}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="115" />
        <source>The portal refused the merge of #{leads}: {reason} Nothing was merged and the leads are as they were.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="120" />
        <source>{reason} The merge of #{leads} is in the journal and will be finished on the next start (deskdup sync, or opening the workspace); it will not be applied twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="125" />
        <source>The merge into #{primary} was applied, but the portal's lead lacks {missing}; the journal keeps them (entry {entry}): add them in the portal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="130" />
        <source>The merge of #{leads} was interrupted and meanwhile some of the leads were deleted in the portal by someone else; deskdup did not send it again. What the leads held is in the journal (entry {entry}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="136" />
        <source>Finished the interrupted merge into #{primary}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="137" />
        <source>a field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="50" />
        <source>users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="51" />
        <source>contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="52" />
        <source>leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="53" />
        <source>leads deleted in the portal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="54" />
        <source>The webhook has no 'imopenlines' permission: open-line chats were read only from the leads' messenger fields.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="59" />
        <source>{kind} pull from {portal}: {users} users, {contacts} contacts and {leads} leads read, {removed} leads deleted in the portal left the queue; {requests} requests in {seconds} s.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="64" />
        <source>Full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/sync.py" line="65" />
        <source>Incremental</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/webhook.py" line="19" />
        <source>This is not a Bitrix24 webhook address. Copy it from the portal (Developer resources → Other → Incoming webhook); it looks like https://your-company.bitrix24.ru/rest/1/abc123xyz/</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location filename="../../deskdup/services/channels.py" line="20" />
        <source>Telegram</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="21" />
        <source>WhatsApp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="22" />
        <source>Viber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="23" />
        <source>VK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="24" />
        <source>Avito</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="25" />
        <source>Instagram</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="26" />
        <source>Open line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="27" />
        <source>Website</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="28" />
        <source>Phone call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="29" />
        <location filename="../../deskdup/services/channels.py" line="35" />
        <source>E-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="30" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="34" />
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="36" />
        <source>Messenger</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/channels.py" line="37" />
        <source>Web</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/channel_badges.py" line="403" />
        <source>could not be recognised</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <location filename="../../deskdup/views/cheatsheet.py" line="22" />
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/cheatsheet.py" line="25" />
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/cheatsheet.py" line="25" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ClaimKeeper</name>
    <message>
        <location filename="../../deskdup/views/claims.py" line="138" />
        <source>{name} has taken over this group; your choices here are not saved</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Claims</name>
    <message>
        <location filename="../../deskdup/services/claims.py" line="37" />
        <source>{name} is reviewing this group (since {since}); it is not offered to you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/claims.py" line="40" />
        <source>being reviewed by {name}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareGrid</name>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="204" />
        <source>After the merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="238" />
        <source>Keep this value ({key}, or Left/Right on the current field)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="269" />
        <location filename="../../deskdup/views/compare/grid.py" line="270" />
        <source>Type the value of the merged lead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="293" />
        <source>bind to another contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="295" />
        <source>Find a contact for the merged lead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="318" />
        <source>Channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="320" />
        <source>Leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="321" />
        <source>Chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="322" />
        <source>Activities and deals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="323" />
        <source>Comments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="360" />
        <location filename="../../deskdup/views/compare/grid.py" line="581" />
        <source>no phones or messengers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="361" />
        <source>lead {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="377" />
        <source>no chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="379" />
        <source>(no text)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="387" />
        <source>{count} msg. · {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="398" />
        <source>Whole conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="402" />
        <source>Read every message of these chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="415" />
        <source>no leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="428" />
        <source>activities: {activities} · deals: {deals}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="436" />
        <source>activities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="437" />
        <source>deals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="474" />
        <source>Loosely linked: of this group, it is most like contact {number} (#{label}), at {score:.2f}. Check that it is the same customer; if not, take it out of the group.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="480" />
        <source>Loosely linked: of this group, it is most like lead {number} (#{label}), at {score:.2f}. Check that it is the same customer; if not, take it out of the group.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="500" />
        <source>goes to the archive; its data go to the primary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="502" />
        <source>will be deleted; its data go to the primary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="513" />
        <source>keeps the chosen values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="534" />
        <source>typed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="536" />
        <source>found in the contacts; bound by the merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="538" />
        <source>put right, from #{lead}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="540" />
        <source>from #{lead}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="553" />
        <source>#{primary}, merged from {others}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="577" />
        <source>from {leads}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/grid.py" line="578" />
        <source>after the merge</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareLayout</name>
    <message>
        <location filename="../../deskdup/views/compare/layout.py" line="44" />
        <source>The group's leads side by side</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/layout.py" line="45" />
        <location filename="../../deskdup/views/compare/layout.py" line="52" />
        <source>Scroll the leads sideways</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/layout.py" line="46" />
        <source>Scroll the fields</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="174" />
        <source>Previous group: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="180" />
        <source>Only the first {shown} of the {total} selected leads are compared; merge them, then compare the rest.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="226" />
        <source>No group selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="229" />
        <source>Choose a group in the queue to compare its leads side by side.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="254" />
        <source>Loading {count} contacts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="256" />
        <source>Loading {count} leads…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="266" />
        <source>This group cannot be shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="314" />
        <source>{count} contacts that may be one customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="316" />
        <source>{count} leads that may be one customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="358" />
        <source>check contact {numbers}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="360" />
        <source>check contacts {numbers}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="364" />
        <source>check lead {numbers}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="366" />
        <source>check leads {numbers}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="321" />
        <source>Linked to the rest of the group only loosely: see the mark in the header</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/view.py" line="422" />
        <source>You cannot merge this group:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="104" />
        <source>Undo binding lead {lead} to contact {contact}, {time}, {who}?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="107" />
        <source>Undo the merge of {others} into {primary}, {time}, {who}?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="92" />
        <source>Open a workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="97" />
        <source>Choose the workspace database: a SQLite file on this computer, or the address of the team's PostgreSQL database (postgresql://user@server/database).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="125" />
        <source>File path or database URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="127" />
        <source>Choose file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="130" />
        <source>Workspace:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="138" />
        <source>Open the demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="141" />
        <source>A built-in workspace of Russian demo leads with duplicates, to try deskdup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="145" />
        <source>New workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="148" />
        <source>Create a new, empty workspace file (then add the operators and import leads)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="158" />
        <source>Bitrix24 portal (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="162" />
        <source>To work on the portal's leads, give an incoming webhook (Developer resources → Other → Incoming webhook, with the crm, user and imopenlines permissions). The workspace above keeps deskdup's history and a copy of the leads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="170" />
        <source>company.bitrix24.ru</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="171" />
        <source>Portal address:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="174" />
        <source>https://company.bitrix24.ru/rest/1/… or 1/…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="175" />
        <source>Webhook:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="177" />
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="194" />
        <source>Give the webhook first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="197" />
        <source>Asking the portal…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="217" />
        <source>The test failed unexpectedly (see the log).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="233" />
        <source>deskdup workspaces (*.sqlite *.sqlite3 *.db)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="234" />
        <source>CRM exports, to import (*.csv *.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="235" />
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="239" />
        <source>Look in:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="240" />
        <source>File name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="241" />
        <source>Files of type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="243" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="256" />
        <source>Open a workspace file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="256" />
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="264" />
        <source>New workspace file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="264" />
        <source>Create</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ContactRow</name>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="115" />
        <source>(no name)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/bind_dialog.py" line="122" />
        <source>%n lead(s)</source>
        <translation><numerusform>%n lead</numerusform><numerusform>%n leads</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/bind_dialog.py" line="123" />
        <source>%n deal(s)</source>
        <translation><numerusform>%n deal</numerusform><numerusform>%n deals</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="146" />
        <source>no phones, e-mails or messengers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="150" />
        <source>nobody</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="153" />
        <source>Responsible: {owner}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="158" />
        <source>Deals: {deals}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="163" />
        <source>one of these leads is bound to it already</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/bind_dialog.py" line="165" />
        <source>this lead is bound to it already</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <location filename="../../deskdup/services/binding.py" line="47" />
        <source>Bound lead #{lead} to contact #{contact} ({name}); added {comms} communication(s) and {chats} chat(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="52" />
        <source>Lead #{lead} is no longer bound to a contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="53" />
        <source>There is no lead {lead} (any more)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="54" />
        <source>There is no contact {contact} (any more)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="55" />
        <source>Lead #{lead} was merged or archived; bind the lead that stayed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="58" />
        <source>Contact #{contact} was merged or archived; bind to the contact that stayed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="61" />
        <source>Lead #{lead} is already bound to contact #{contact}; nothing to add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="64" />
        <source>Lead #{lead} was changed by someone else since you saw it (now version {version}); look again before binding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="69" />
        <source>Contact #{contact} is your own ({department}); you have no {right} right on contacts at all; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="74" />
        <source>Contact #{contact} belongs to {owner} ({department}); you have no {right} right on your colleagues' contacts; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="79" />
        <source>Contact #{contact} belongs to {owner} ({department}); you have no {right} right on contacts of that department; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/binding.py" line="84" />
        <source>Contact #{contact} has no responsible operator; you have no {right} right on contacts that are not yours; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="37" />
        <source>Contact ID {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="38" />
        <source>Same patronymic: {patronymic}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="39" />
        <source>Another patronymic: {patronymic}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contacts.py" line="40" />
        <source>Patronymic initial {initial} fits: {patronymic}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/review.py" line="43" />
        <source>With a Bitrix24 portal the merge cannot bind its result to a contact yet: merge, then bind the merged lead to the contact (lead list, right click).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="64" />
        <source>Conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="72" />
        <source>Close the conversation (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="73" />
        <source>Close the conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="147" />
        <source>Loading the conversation…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="182" />
        <source>Open in Bitrix24</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="192" />
        <source>no chats</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/compare/conversation.py" line="206" />
        <source>{channel} · %n message(s)</source>
        <translation><numerusform>{channel} · %n message</numerusform><numerusform>{channel} · %n messages</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="221" />
        <source>More messages, kept in Bitrix24 only: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="223" />
        <source>More messages, kept in the CRM only: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="238" />
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="238" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="245" />
        <source>from the customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/conversation.py" line="245" />
        <source>from the team</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../deskdup/views/errors.py" line="48" />
        <source>deskdup: unexpected error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/errors.py" line="53" />
        <source>Something went wrong inside deskdup. Nothing was changed by the failed step. Please send the text below to your administrator; it is also in the log folder: {folder}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/errors.py" line="66" />
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="26" />
        <location filename="../../deskdup/views/dismiss_dialog.py" line="62" />
        <source>Not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="32" />
        <source>Mark contacts {contacts} as different people. The whole team will stop seeing them as duplicates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="37" />
        <source>Mark leads {leads} as different people. The whole team will stop seeing them as duplicates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="42" />
        <source>Contact #{contact} is a different customer from {others}. The whole team will stop seeing it as their duplicate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="47" />
        <source>Lead #{lead} is a different customer from {others}. The whole team will stop seeing it as their duplicate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="53" />
        <source>Reason (optional):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/dismiss_dialog.py" line="55" />
        <source>e.g. namesakes, different phones</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../deskdup/views/errors.py" line="37" />
        <source>deskdup</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EventDetail</name>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="26" />
        <source>Comments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="27" />
        <source>Archived</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="28" />
        <source>Merged into</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="31" />
        <source>Contact details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="32" />
        <source>Chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="33" />
        <source>Activities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="34" />
        <source>Deals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="37" />
        <source>Archive merged leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="39" />
        <source>Review threshold (hand-set weights)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="40" />
        <source>Likely duplicates from (probability)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="41" />
        <source>Likely duplicates: expected precision (— : by probability)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="44" />
        <source>Possible duplicates from (probability)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="47" />
        <source>Burst window, minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="48" />
        <source>Evidence weights changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="53" />
        <source>(by hand)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="54" />
        <source>After</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="55" />
        <source>Before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="56" />
        <source>Chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="57" />
        <source>Event detail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="58" />
        <source>History event {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="59" />
        <source>Marked as not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="60" />
        <source>Records before and after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="61" />
        <source>Team settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="62" />
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="63" />
        <source>Undoes event {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="64" />
        <source>Undone by event {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="65" />
        <source>What moved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="66" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="67" />
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="68" />
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="98" />
        <source>Operator: {name} ({login}, {department})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="141" />
        <source>{what}: {text} — from #{source} to #{target}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="145" />
        <source>{what}: {text} — from #{source}, dropped as a duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="182" />
        <source>Cannot be undone now; changed since:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="195" />
        <source>Can be undone: nothing of it changed since (Ctrl+U).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/detail.py" line="222" />
        <source>Choose an event to see what it changed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="44" />
        <source>Same phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="45" />
        <source>Same (invalid) phone number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="46" />
        <source>Different phones</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="47" />
        <source>Same e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="48" />
        <source>Different e-mails</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="49" />
        <source>Same messenger account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="50" />
        <source>Different messenger accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="51" />
        <source>Names with nothing in common</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="52" />
        <source>Same first name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="53" />
        <source>Same first name, a common one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="54" />
        <source>Same surname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="55" />
        <source>Same surname and initial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="56" />
        <source>Same surname and number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="57" />
        <source>Nickname matches the name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="58" />
        <source>Same name (first name and surname)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="59" />
        <source>Same full name with patronymic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="62" />
        <source>Different first names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="63" />
        <source>A man and a woman</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="64" />
        <source>Different surnames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="65" />
        <source>Different patronymics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="66" />
        <source>A nickname that reads as another name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="69" />
        <source>A nickname's initial and surname fit the first name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="72" />
        <source>Came within 2 min via different channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="75" />
        <source>Came within 2 min via one channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="76" />
        <source>Came within 5 min via different channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="79" />
        <source>Came within 5 min via one channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="80" />
        <source>Came within 10 min via different channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="83" />
        <source>Came within 10 min via one channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="84" />
        <source>Came within 20 min via different channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="87" />
        <source>Came within 20 min via one channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="88" />
        <source>Came within an hour via different channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="91" />
        <source>Came within an hour via one channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="92" />
        <source>Came within a day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="93" />
        <source>Came within a week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="94" />
        <source>Came more than a week apart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="95" />
        <source>Different inquiries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="96" />
        <source>Same inquiry text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="97" />
        <source>Much the same inquiry (reworded)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="100" />
        <source>The same thing asked in other words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="103" />
        <source>Same short or frequent inquiry, no one else's around then</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="106" />
        <source>Same short or frequent inquiry, a few others' around then</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="109" />
        <source>Same inquiry that a few leads send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="110" />
        <source>Same template many leads send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="113" />
        <source>Same short or frequent inquiry within 20 min, no one else's around then</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="116" />
        <source>Same short or frequent inquiry within 20 min, a few others' around then</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="119" />
        <source>Same inquiry that a few leads send, within 20 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="122" />
        <source>Same template many leads send, within 20 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="125" />
        <source>Same phone, e-mail or account, within an hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="128" />
        <source>Same phone, e-mail or account, within a day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="131" />
        <source>Same phone, e-mail or account, within a week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/explain.py" line="134" />
        <source>Same phone, e-mail or account, more than a week apart</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FieldChoosing</name>
    <message>
        <location filename="../../deskdup/views/compare/choosing.py" line="38" />
        <source>Type the value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/choosing.py" line="39" />
        <source>{field} of the merged lead:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GroupHeading</name>
    <message>
        <location filename="../../deskdup/views/compare/heading.py" line="69" />
        <source>Why: {reasons}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/heading.py" line="71" />
        <source>Against: {reasons}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../deskdup/services/history.py" line="48" />
        <source>merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="49" />
        <source>bind to contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="50" />
        <source>merge contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="51" />
        <source>undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="52" />
        <source>not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/history.py" line="53" />
        <source>team settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/history_detail.py" line="27" />
        <source>History event {event} is another operator's; only a supervisor sees it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/history_detail.py" line="30" />
        <source>There is no history event {event}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="60" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="61" />
        <source>Operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="62" />
        <source>Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="63" />
        <source>Primary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="64" />
        <source>Others</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="65" />
        <source>Channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="66" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/model.py" line="68" />
        <source>{kind} (undone)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="63" />
        <source>Export the history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="64" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="109" />
        <source>History events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="113" />
        <source>&amp;Detail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="114" />
        <source>Merges per operator per day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="115" />
        <source>Groups found, merged and dismissed per day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="117" />
        <source>No events in the last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="124" />
        <source>&amp;Charts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="164" />
        <source>Operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="166" />
        <source>Department</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="168" />
        <source>Kind of event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="169" />
        <source>All events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="172" />
        <location filename="../../deskdup/views/history/tab.py" line="183" />
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="173" />
        <source>To</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="175" />
        <source>Lead or contact: ID, name or phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="177" />
        <source>Lead or contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="185" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="216" />
        <source>any day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="223" />
        <source>&amp;Undo this event…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="227" />
        <source>Undo the chosen event: its records go back to what they were (Ctrl+U)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="230" />
        <source>&amp;Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="234" />
        <source>Write the events shown to an Excel workbook or a CSV file (Ctrl+E)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="237" />
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="272" />
        <source>All operators</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="276" />
        <source>All departments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="309" />
        <source>Events: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="368" />
        <source>Undo event {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="375" />
        <source>It cannot be undone: these records changed since.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="385" />
        <source>Undo “{what}” by {who}?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="386" />
        <source>Every record of this event goes back to what it was before it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="387" />
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="432" />
        <source>Exported {count} events to {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="472" />
        <source>found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="473" />
        <source>merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/history/tab.py" line="474" />
        <source>dismissed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../deskdup/services/identity.py" line="44" />
        <source>connected as the database role {subject}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="45" />
        <source>the computer account {subject}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="46" />
        <source>the portal's webhook user {subject}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="47" />
        <source>chosen from the list, not proven</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="50" />
        <source>The database role '{role}' is not an active operator of this workspace, so deskdup cannot tell who you are. Connect with your own role, or ask a supervisor to run: deskdup operator add {role} --db URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="56" />
        <source>You are connected to the database as '{role}' ({name}); deskdup acts as the role that connected. To work as '{wanted}', connect with that operator's own role and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="61" />
        <source>On this computer you are '{login}' ({name}, the account {account}); only the demo or a supervisor's own file lets one sign in as another operator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/identity.py" line="66" />
        <source>There is no active operator with the login '{login}' in this workspace.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../deskdup/services/importer/report.py" line="59" />
        <source>Nothing imported: {rejected} of {rows} rows are bad. Fix them, or import the rest and skip them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/report.py" line="69" />
        <source>Imported {imported}, updated {updated}, already there and left as they are {unchanged}, rejected {rejected} (of {rows} rows); {invalid} invalid phones or e-mails kept as typed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/report.py" line="86" />
        <source>Imported {imported}, already there {unchanged}, rejected {rejected} (of {rows} rows); {invalid} invalid phones or e-mails kept as typed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="112" />
        <source>the cell in column '{column}' reaches Excel's limit of 32,767 characters, so its text may have been cut: import it from a CSV file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="130" />
        <source>the cell in column '{column}' holds {value}, which a spreadsheet does not keep as the digits typed (TRUE/FALSE, a fraction, a date or more than 15 digits): format the column as text and type the value again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="149" />
        <source>the row contains a NUL character (binary data, not text)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="157" />
        <source>the id is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="160" />
        <source>the id '{id}' contains a control character</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="164" />
        <source>the id is longer than 64 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="167" />
        <source>id {id} already appears on line {first}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="325" />
        <source>cannot read the date '{value}' (dates are read day first: 25.11.2026, 25/11/2026 10:02, or ISO 2026-11-25T10:02)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="201" />
        <source>unknown channel '{value}' (known: telegram, whatsapp, avito, site, call, email, vk, instagram, viber, openline, other)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="35" />
        <source>'{value}' is the name of several contacts: give the contact's id instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="39" />
        <source>unknown operator '{value}': add the operator to the workspace (deskdup operator add) or clear the cell</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="44" />
        <source>'{value}' is the name of several operators: write the login in the cell instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="48" />
        <source>contact '{value}' is not in the workspace: import the contacts export first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="242" />
        <source>the status is longer than 40 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="251" />
        <source>a name is longer than 100 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="271" />
        <source>a phone or address is longer than 300 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/rows.py" line="276" />
        <source>the title is longer than 300 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/dates.py" line="93" />
        <source>the date '{value}' is not a lead's date: expected {earliest} to {latest}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/pipeline.py" line="101" />
        <source>the cells {cells} hold Excel errors (such as #N/A) instead of values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/pipeline.py" line="161" />
        <source>The workspace is busy with another operator's change; nothing was imported. Import the file again in a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/pipeline.py" line="166" />
        <source>The disk is full where the workspace is kept; nothing was imported. Free some space and import the file again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportColumns</name>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="26" />
        <source>CRM id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="27" />
        <source>title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="28" />
        <source>full name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="29" />
        <source>first name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="30" />
        <source>last name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="31" />
        <source>patronymic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="32" />
        <source>phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="33" />
        <source>e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="34" />
        <location filename="../../deskdup/services/importer/preview.py" line="35" />
        <location filename="../../deskdup/services/importer/preview.py" line="36" />
        <source>messenger: {channel}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="37" />
        <source>website</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="38" />
        <source>first message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="39" />
        <source>comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="40" />
        <source>responsible operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="41" />
        <source>stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="42" />
        <source>channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="43" />
        <source>source (channel)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="44" />
        <source>created (day first)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="45" />
        <source>modified (day first)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="46" />
        <source>bound contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/importer/preview.py" line="48" />
        <source>not read</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="148" />
        <source>Import leads or contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="150" />
        <source>CRM exports (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="161" />
        <source>Save rejected rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="163" />
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="178" />
        <source>Import — {file}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="181" />
        <source>Reading {file}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="187" />
        <source>The file holds:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="189" />
        <source>Leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="190" />
        <source>Contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="193" />
        <source>Import the good rows and skip the bad ones</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="195" />
        <source>Otherwise nothing is imported while any row is bad: fix them first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="201" />
        <source>First rows, and how each column will be read:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="235" />
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="240" />
        <source>&amp;Save rejected rows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="262" />
        <source>Bitrix24 export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="262" />
        <source>CRM export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="267" />
        <source>{file}: {kind} ({format}), about {rows} rows; {read} of {columns} columns are read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="308" />
        <source>Importing {file}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="332" />
        <source>These responsible persons are not operators of this workspace; their rows are bad. Add them, then import the file again:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="341" />
        <source>  {name} ({rows} rows): {command}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="348" />
        <source>Leads are bound to contacts that are not in this workspace ({contacts}): import the contacts export first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="356" />
        <source>Sources that are not a channel; the channel is read from the phones and messengers: {sources}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="385" />
        <source>{count} rejected rows saved to {file}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LeadColumns</name>
    <message>
        <location filename="../../deskdup/views/compare/columns.py" line="32" />
        <source>More leads of this group: scroll to see them</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LeadHeader</name>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="294" />
        <source>contact {number}, #{label}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="298" />
        <source>lead {number}, #{label}, {channel}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="301" />
        <source>Primary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="305" />
        <source>Keep this lead; the others are merged into it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="309" />
        <source>Primary: lead {number}, #{label}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="316" />
        <source>Press {key} to make this lead the primary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="328" />
        <source>Lead {number} cannot be merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="341" />
        <source>A different customer: take this contact out of the group for the whole team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="345" />
        <source>Contact {number} is a different customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="349" />
        <source>A different customer: take this lead out of the group for the whole team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="352" />
        <source>Lead {number} is a different customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="363" />
        <location filename="../../deskdup/views/compare/cells.py" line="373" />
        <source>Contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="383" />
        <source>no responsible operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="390" />
        <source>contact · created {time} · leads: {leads}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="394" />
        <source>{status} · created {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="409" />
        <source>{lead}, primary</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LeadListView</name>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="54" />
        <source>Search: phone in any format, e-mail, @handle or name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="59" />
        <source>Has duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="61" />
        <source>Only leads that are in a group of the review queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="65" />
        <source>Compare and merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="70" />
        <source>Open the selected leads side by side ({keys})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="116" />
        <source>Bind to a contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="118" />
        <source>Find the contact this lead belongs to and bind it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="167" />
        <source>Contains “{text}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="194" />
        <source>Nothing found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="196" />
        <source>{n} leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_list.py" line="199" />
        <source>{shown} of {total} leads</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LeadStatus</name>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="77" />
        <source>new</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="78" />
        <source>in progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="79" />
        <source>processed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="80" />
        <source>converted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/formatting.py" line="81" />
        <source>junk</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Leads</name>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="56" />
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="57" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="58" />
        <source>Channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="59" />
        <source>Phones, e-mails, handles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="60" />
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="61" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="62" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/lead_model.py" line="63" />
        <source>Match</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LearnedModelPanel</name>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="34" />
        <source>What the model learned on this workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="48" />
        <source>The score of a pair is the model's probability that the two leads are one customer. Each piece of evidence weighs bits: +1 bit doubles the odds, −1 bit halves them. The queue's reasons carry the same words and bits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="59" />
        <source>For a match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="60" />
        <source>Against a match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="67" />
        <source>Not known yet: the model is learned by the first scan of this workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="71" />
        <source>Built-in estimates: the model learns from a workspace of {count} leads or more; until then it uses what it learned on a test set.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="75" />
        <source>Learned from the {leads} leads of this workspace at its last full scan: about {matches} pairs among them are one customer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/learned_model.py" line="87" />
        <source>bits</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../deskdup/views/live.py" line="89" />
        <source>A colleague changed one of these leads; the group was reloaded.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="102" />
        <source>Duplicate leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="107" />
        <source>Queue, leads and history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="108" />
        <source>Review queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="109" />
        <source>Leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="111" />
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="263" />
        <source>Being reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="265" />
        <source>As a supervisor you may take the review over.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="266" />
        <source>Take over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="378" />
        <source>Not merged: the merge before is still being written; press {keys} again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="382" />
        <source>Not merged: the next group is still opening; look, then press {keys} again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="385" />
        <source>Nothing to merge: no group is open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="387" />
        <source>Not merged: you lack a right to merge this group (see above)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/main_window.py" line="406" />
        <source>Today: {merges} merged, %n pairs not duplicates</source>
        <translation><numerusform>Today: {merges} merged, %n pair not duplicates</numerusform><numerusform>Today: {merges} merged, %n pairs not duplicates</numerusform></translation>
    </message>
    <message>
        <location filename="../../deskdup/views/main_window.py" line="415" />
        <source>The search works once the scan is done.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <location filename="../../deskdup/services/merge.py" line="111" />
        <source>Merged {count} leads into #{primary}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="112" />
        <source>Merged {count} leads into #{primary} and bound it to contact #{contact} ({name})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="115" />
        <source>Lead #{lead} was changed by {who} at {time} (now version {version}); nothing was merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="119" />
        <source>Lead #{lead} was deleted by someone else; nothing was merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="123" />
        <source>Lead #{lead} was merged into #{into} by {who}; nothing was merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="55" />
        <source>Undid the merge into #{primary}; {count} leads restored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/records.py" line="52" />
        <source>Someone else changed one of these leads at the same moment; nothing was merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/records.py" line="56" />
        <source>The database is busy with another operator's change; try again in a moment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="56" />
        <source>Undid history event {event} ({kind})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="57" />
        <source>Undid the merge of contacts into #{primary}; {count} contacts restored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="60" />
        <source>the deals of contact #{label} (by {who})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="61" />
        <source>Cannot undo: {what} changed after the merge; undo would overwrite that change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="65" />
        <source>This merge was already undone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="66" />
        <source>This history event cannot be undone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="73" />
        <source>{record} #{label} ({fields}; by {who})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="74" />
        <source>{record} #{label} (deleted; by {who})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="75" />
        <source>{record} #{label} (the id is used again)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="76" />
        <source>someone outside deskdup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="79" />
        <source>lead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="80" />
        <source>communication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="81" />
        <source>chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="82" />
        <source>activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="83" />
        <source>deal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="84" />
        <source>contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="85" />
        <source>not-duplicates mark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="86" />
        <source>team setting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="87" />
        <source>deal's contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="67" />
        <source>There is no history event {event}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/undo.py" line="68" />
        <source>This merge was made in the CRM portal, which deleted the other leads; deskdup cannot undo it. The history keeps everything they held.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="127" />
        <source>someone else</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/records.py" line="59" />
        <source>There is no active operator with the id {operator}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="35" />
        <source>Marking leads as not duplicates needs at least two different leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="38" />
        <source>Marked {count} pair(s) as not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="39" />
        <source>Marked {count} pair(s) of contacts as not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="42" />
        <source>Took back {count} not-duplicates mark(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="43" />
        <source>These leads are not marked as not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/dismissals.py" line="44" />
        <source>Leads #{a} and #{b} were marked as not duplicates by {author}; only a supervisor may take back other operators' marks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="33" />
        <source>A merge needs at least two different leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="34" />
        <source>Lead {lead} does not exist (any more)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="35" />
        <source>Lead #{lead} was already merged into #{into}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="36" />
        <source>Lead #{lead} is archived; it cannot be merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/bitrix24/merge.py" line="93" />
        <source>Merged {count} leads into #{primary} in the portal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="82" />
        <source>A merge needs at least two different contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="83" />
        <source>Contact {contact} does not exist (any more)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="84" />
        <source>Contact #{contact} was already merged into #{into}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="87" />
        <source>Contact #{contact} is archived; it cannot be merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="90" />
        <source>Contact #{contact} was changed by someone else (now version {version}); nothing was merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="94" />
        <source>Contact #{contact} was deleted or merged by someone else; nothing was merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/contact_merge.py" line="97" />
        <source>Merged {count} contacts into #{primary}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MergeField</name>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="47" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="48" />
        <source>Last name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="49" />
        <source>First name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="50" />
        <source>Middle name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="51" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="52" />
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="53" />
        <source>Responsible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge_plan.py" line="54" />
        <source>Contact</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MergeNote</name>
    <message>
        <location filename="../../deskdup/services/merge.py" line="132" />
        <source>Merged leads {leads} into this lead ({when}, {who}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/merge.py" line="133" />
        <source>%Y-%m-%d %H:%M</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="76" />
        <source>{n} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="78" />
        <source>{n} h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="79" />
        <source>{n} d</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="85" />
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="86" />
        <source>Leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="87" />
        <source>Channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="88" />
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="121" />
        <source>Can merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="123" />
        <source>A lock: you lack a right to merge the group (the tooltip says which)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="127" />
        <source>The customer's names, fullest first; a phone, e-mail or handle stands for a lead that has no name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="148" />
        <source>locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="150" />
        <source>can merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="151" />
        <source>no channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="194" />
        <source>You may merge this group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="197" />
        <source>You cannot merge this group:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="89" />
        <source>Owners</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="90" />
        <source>Age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_model.py" line="91" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueFeed</name>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="189" />
        <location filename="../../deskdup/views/queue_feed.py" line="251" />
        <source>Scanning leads…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="251" />
        <source>Updating the queue…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="281" />
        <source>Scanning contacts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="434" />
        <source>{groups} groups among {contacts} contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue_feed.py" line="440" />
        <source>{groups} groups among {leads} leads</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <location filename="../../deskdup/views/queue_model.py" line="186" />
        <source>%n contacts</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../deskdup/views/queue_model.py" line="187" />
        <source>%n leads</source>
        <translation><numerusform>%n lead</numerusform><numerusform>%n leads</numerusform></translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../deskdup/views/queue.py" line="52" />
        <source>Any time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="53" />
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="54" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="55" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="56" />
        <source>Dates…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="87" />
        <source>Filter by name, ID or owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="92" />
        <source>Leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="93" />
        <source>Contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="94" />
        <source>Duplicates of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="96" />
        <source>Duplicate leads or duplicate contacts ({key})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="102" />
        <source>Only groups I can merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="105" />
        <source>Hide the groups you lack a right to merge (a lock in the first column); their owners or a supervisor merge them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="110" />
        <source>Also possible duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="113" />
        <source>Also the groups with weaker evidence (a first name and the time, a text many leads send): more of the duplicates, more groups that are not</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="121" />
        <source>All channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="126" />
        <location filename="../../deskdup/views/queue.py" line="345" />
        <source>All owners</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="136" />
        <source>Score ≥ </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="137" />
        <source>Lowest score shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="142" />
        <source>When the leads of a group came in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="145" />
        <source>from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="147" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="149" />
        <source>Groups with a lead created on or after this day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="150" />
        <source>Groups with a lead created on or before this day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="161" />
        <source>Groups to review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="411" />
        <source>Looking for duplicates…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="415" />
        <source>{n} groups to review · reading the rest…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="418" />
        <source>{shown} of the first {first} of {total} groups · reading the rest…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="423" />
        <source>{n} groups to review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="425" />
        <source>{shown} of {total} groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="428" />
        <source>you may merge none of them (a lock's tooltip says why)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="430" />
        <source>{n} that you cannot merge are hidden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/queue.py" line="432" />
        <source>{n} locked</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="37" />
        <source>Same name: {a} ~ {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="38" />
        <source>Same name: {a} ~ {b} (translit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="39" />
        <source>Same name: {a} ~ {b} (diminutive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="40" />
        <source>Same name: {a} ~ {b} (translit, diminutive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="43" />
        <source>{channel} {nick} ~ {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="44" />
        <source>{channel} {nick} ~ {name} (translit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="45" />
        <source>{channel} {nick} ~ {name} (diminutive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="46" />
        <source>{channel} {nick} ~ {name} (translit, diminutive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="49" />
        <source>Same first name: {a} ~ {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="50" />
        <source>Same first name: {a} ~ {b} (translit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="51" />
        <source>Same first name: {a} ~ {b} (diminutive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="52" />
        <source>Same first name: {a} ~ {b} (translit, diminutive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="55" />
        <source>Same surname and initial: {a} ~ {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="56" />
        <source>Same surname and initial: {a} ~ {b} (translit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="59" />
        <source>Same surname and number: {a} ~ {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="60" />
        <source>Same surname: {a} ~ {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="61" />
        <source>Same surname: {a} ~ {b} (translit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="86" />
        <source>{channel} {nick}: the initial fits {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="239" />
        <source>Same phone {phone}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="249" />
        <source>Same e-mail {email}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="261" />
        <source>Same {channel} account {handle}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="271" />
        <source>Same (invalid) phone number {phone}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="291" />
        <source>Came {minutes} min apart via {a} and {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="336" />
        <source>{channel} {nick} reads as another name than {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="345" />
        <source>A man and a woman: {a} / {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="407" />
        <source>Both sent a text many leads send, {minutes} min apart: '{text}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="412" />
        <source>Both wrote {minutes} min apart, and no one else around then: '{text}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="417" />
        <source>Both wrote {minutes} min apart, and a few others around then: '{text}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="422" />
        <source>Both wrote a common text {minutes} min apart: '{text}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="427" />
        <source>Both wrote {minutes} min apart: '{text}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="430" />
        <source>Wrote much the same {minutes} min apart: '{text}' / '{other}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/contacts.py" line="67" />
        <source>Different e-mails {a} / {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/contacts.py" line="340" />
        <location filename="../../deskdup/services/matching/evidence.py" line="313" />
        <source>Different phones {a} / {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="344" />
        <source>Different first names {a} / {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="346" />
        <source>Different surnames {a} / {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/evidence.py" line="347" />
        <source>Different patronymics {a} / {b}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/contacts.py" line="59" />
        <source>On one deal: {deal}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="141" />
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/import_dialog.py" line="141" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../deskdup/services/review.py" line="66" />
        <source>This group holds leads you may not read ({hidden}); there is nothing to compare</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="48" />
        <source>Previous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="49" />
        <source>Previous group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="50" />
        <source>&amp;Previous group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="54" />
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="55" />
        <source>Next group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="56" />
        <source>&amp;Next group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="60" />
        <source>Undo last</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="61" />
        <source>Undo my last merge or bind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="66" />
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="67" />
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="72" />
        <source>The whole conversation of the chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="73" />
        <source>&amp;Conversation of the chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="78" />
        <source>Fold the queue away to see more leads side by side</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="79" />
        <source>&amp;Fold the queue away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="83" />
        <source>Skip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="84" />
        <source>Skip this group for now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="88" />
        <source>Not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="89" />
        <source>These leads are different people; do not show them again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="95" />
        <source>Contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="96" />
        <source>Find the customer's contact; the merge binds the merged lead to it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="99" />
        <source>&amp;Bind to a contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="103" />
        <source>Merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/actions.py" line="104" />
        <source>Merge every other lead into the primary</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewDecisions</name>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="147" />
        <source>The view has been reloaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="199" />
        <location filename="../../deskdup/views/compare/decisions.py" line="263" />
        <source>Marked as not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="238" />
        <source>The merge will bind the merged lead to contact #{contact} ({name}) and give it the group's phones, e-mails, messengers and chats.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="284" />
        <source>There is no merge or bind of yours to undo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="290" />
        <source>Undo the last bind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="290" />
        <source>Undo the last merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="292" />
        <source>The lead and the contact will be restored exactly as they were.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="294" />
        <source>The leads will be restored exactly as they were before the merge.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="295" />
        <source>Undo bind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/decisions.py" line="295" />
        <source>Undo merge</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewShortcuts</name>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="80" />
        <source>Next group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="86" />
        <source>Previous group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="92" />
        <source>Make the lead in that column the primary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="99" />
        <source>Previous field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="105" />
        <source>Next field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="111" />
        <source>Keep the value on the left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="117" />
        <source>Keep the value on the right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="125" />
        <source>Keep that column's value of the current field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="132" />
        <source>Merge into the primary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="140" />
        <source>Not duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="147" />
        <source>Skip this group for now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="154" />
        <source>Bind the merged lead to a contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="161" />
        <source>Undo my last merge or bind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="169" />
        <source>Show or hide the whole conversation of the chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="175" />
        <source>Fold the queue away, or bring it back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/shortcuts.py" line="181" />
        <source>Show the keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <location filename="../../deskdup/services/rights.py" line="40" />
        <source>read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="41" />
        <source>edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="42" />
        <source>delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="43" />
        <source>archive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="46" />
        <source>Lead #{lead} is your own ({department}); you have no {right} right on leads at all; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="51" />
        <source>Lead #{lead} belongs to {owner} ({department}); you have no {right} right on your colleagues' leads; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="56" />
        <source>Lead #{lead} belongs to {owner} ({department}); you have no {right} right on leads of that department; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="61" />
        <source>Lead #{lead} has no responsible operator; you have no {right} right on leads that are not yours; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="66" />
        <source>This merge was made by {author}; only a supervisor may undo other operators' merges</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="71" />
        <source>{leads} are your own ({department}); you have no {right} right on leads at all; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="76" />
        <source>{leads} belong to {owner} ({department}); you have no {right} right on your colleagues' leads; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="81" />
        <source>{leads} belong to {owner} ({department}); you have no {right} right on leads of that department; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="86" />
        <source>{leads} have no responsible operator; you have no {right} right on leads that are not yours; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="98" />
        <source>Contact #{lead} is your own ({department}); you have no {right} right on contacts at all; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="103" />
        <source>Contact #{lead} belongs to {owner} ({department}); you have no {right} right on your colleagues' contacts; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="108" />
        <source>Contact #{lead} belongs to {owner} ({department}); you have no {right} right on contacts of that department; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="113" />
        <source>Contact #{lead} has no responsible operator; you have no {right} right on contacts that are not yours; ask a supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="127" />
        <source>no department</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="128" />
        <source>a lead of {department} you may not read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/rights.py" line="137" />
        <source>You may not do this; nothing was changed:
• {refusals}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="47" />
        <source>reading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="48" />
        <source>keying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="49" />
        <source>comparing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="50" />
        <source>wording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/matching/parallel.py" line="52" />
        <source>The scan's {what} worker process stopped before it finished (the system may have run out of memory, or the process was ended). Nothing was changed: scan again; on the command line --workers 1 scans in one process.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../deskdup/services/secrets.py" line="18" />
        <source>The secret is kept in the system keyring ({backend}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/secrets.py" line="19" />
        <source>There is no system keyring here ({reason}), so the secret was not stored: it is used for this session only. Give it again next time (or set it in the environment).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../deskdup/views/settings.py" line="48" />
        <source>Interface language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="50" />
        <source>Font size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="59" />
        <source>Likely duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="65" />
        <source>Possible duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="74" />
        <source>Likely duplicates by precision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="81" />
        <source>Default phone region (country code such as RU, KZ, BY)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="90" />
        <source>Evidence weights (from -1 to 1; below 0 lowers the score)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings.py" line="96" />
        <source>Burst window (minutes between leads from different channels)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="80" />
        <source>Same phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="81" />
        <source>Same e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="82" />
        <source>Same messenger account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="83" />
        <source>Same unrecognised phone number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="84" />
        <source>Same first name and surname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="85" />
        <source>Same full name with patronymic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="86" />
        <source>Nickname matches the name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="87" />
        <source>Same surname and initial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="88" />
        <source>Same surname only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="89" />
        <source>Same surname with a number (petrov93)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="90" />
        <source>Same first name only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="91" />
        <source>A nickname's initial and surname fit the first name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="94" />
        <source>Different channels within the burst window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="95" />
        <source>Same inquiry text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="96" />
        <source>Much the same inquiry (reworded, or the same thing in other words)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="99" />
        <source>Same short or frequent inquiry, no one else's or a few others' around then</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="102" />
        <source>Same inquiry that several leads send around then</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="105" />
        <source>Same template many leads send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="106" />
        <source>Different phones (penalty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="107" />
        <source>Different first names (penalty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="108" />
        <source>A man and a woman (penalty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="109" />
        <source>Different surnames (penalty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="110" />
        <source>Different patronymics (penalty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="111" />
        <source>A nickname or e-mail that reads as another name (penalty)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="174" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="190" />
        <source>Yours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="190" />
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="195" />
        <location filename="../../deskdup/views/settings_dialog.py" line="204" />
        <source>As the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="205" />
        <source> pt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="207" />
        <source>Larger text in every window of deskdup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="217" />
        <source>After OK the window scans again with the new detection settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="251" />
        <source>Detection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="251" />
        <source>Team settings (whole workspace)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="254" />
        <source>Archive merged leads (instead of deleting them)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="257" />
        <source>Every operator of this workspace works with these settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="259" />
        <source>These are the team's settings; only a supervisor changes them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="286" />
        <source>A pair's score is the probability that its two leads are one customer, as the model learned it on this workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="293" />
        <source>The queue shows these by default: fewer pairs, nearly all of them right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="296" />
        <source>Shown on request: more duplicates found, more pairs that are not</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="298" />
        <source>by precision: right on average</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="301" />
        <source>The queue shows the best pairs whose probabilities average at least this: the share of them that are one customer. The same probability means less in a busier workspace, so the tier starts higher there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="323" />
        <source>or by probability:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="330" />
        <source>A review threshold of {old} saved by an earlier version of deskdup was a score of hand-set weights, not a probability. It is not used: likely duplicates start at {likely} % until it is saved anew here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="336" />
        <source>A review threshold of {old} saved by an earlier version of deskdup was a score of hand-set weights, not a probability. It is not used: likely duplicates are chosen by precision until it is saved anew here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="350" />
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="353" />
        <source>Leads from different channels this close in time are compared even when they share no phone, e-mail or account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="391" />
        <source>from </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="397" />
        <source>Evidence the model may use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="401" />
        <source>Untick a kind of evidence the team does not trust: it then counts neither for nor against a pair.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="428" />
        <source>Weights set by hand in an earlier version ({count}) no longer score pairs; they only narrow which pairs are compared at all. Restore defaults clears them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="440" />
        <source>Both tiers, the burst window and every kind of evidence back to deskdup's</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/settings_dialog.py" line="438" />
        <source>Restore defaults</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="308" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/connection_dialog.py" line="311" />
        <source>Who is working?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TeamSettings</name>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="79" />
        <source>Only a supervisor may change the team's settings; {operator} is not one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="83" />
        <source>Changed the team's settings: {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="84" />
        <source>The team's settings are already these</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="85" />
        <source>The threshold of a tier must be a probability from 0 to 1, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="88" />
        <source>The possible tier must start at or below the likely one ({likely}), not at {possible}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="92" />
        <source>The likely tier's precision must be from 50 % to 99.9 %, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="95" />
        <source>The burst window must be from 1 to 240 minutes, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="98" />
        <source>The weight of '{code}' must be from -1 to 1, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/team_settings.py" line="101" />
        <source>There is no kind of evidence called '{code}'; the kinds are: {codes}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ValueCell</name>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="177" />
        <source>lead {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="179" />
        <source>empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/compare/cells.py" line="211" />
        <source>{value}, chosen</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="67" />
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="69" />
        <source>&amp;Open workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="75" />
        <source>&amp;Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="79" />
        <source>Import leads or contacts from a CRM export (CSV or XLSX, Bitrix24's too)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="82" />
        <source>Sign in as another operator…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="85" />
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="92" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="102" />
        <source>&amp;Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="104" />
        <source>&amp;Scan for duplicates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="108" />
        <source>Read every lead again and rebuild the review queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="130" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="132" />
        <source>Review &amp;queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="135" />
        <source>&amp;Leads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="138" />
        <source>&amp;History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="143" />
        <source>&amp;Find a lead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="147" />
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/main_menus.py" line="149" />
        <source>&amp;About deskdup</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="66" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="67" />
        <source>Stop the scan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="87" />
        <source>Workspace: {url}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/views/status_bar.py" line="88" />
        <source>Operator: {who}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="28" />
        <source>'{url}' is not a database address: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="29" />
        <source>The folder {folder} does not exist; create it or choose another.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="32" />
        <source>{path} is not a deskdup workspace (it is not a SQLite database); choose another file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="36" />
        <source>{path} is a folder; choose a workspace file in it or give a new file name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="39" />
        <source>'{url}' is not a kind of database deskdup works with: give a SQLite file or a PostgreSQL address (postgresql://user@server/database).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="44" />
        <source>File not found: {path}. Check the path for a typo. A new, empty workspace is made only on request: deskdup init --db {quoted}, or "New workspace…" in the window's "Open a workspace" dialog.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="50" />
        <source>{path} is a CRM export (a spreadsheet), not a deskdup workspace. Import it into a workspace with: deskdup import {quoted} --db WORKSPACE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="55" />
        <source>Cannot open the workspace file {path}: {reason}. Check that you may read and write it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="59" />
        <source>Cannot open the database {url}: {reason}. Check that the server is running and the address, user and password are right.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="64" />
        <source>The database role '{role}' may not use the workspace {url}: it is not one of its operators. Connect with your own role, or ask a supervisor to run: deskdup operator add {role} --db URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="70" />
        <source>The workspace {url} must be upgraded to this version of deskdup by the owner of its database: deskdup team init --db URL (as the owner). It said: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="76" />
        <source>The database is busy with another operator's change; try again in a moment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="79" />
        <source>The disk is full where the workspace is kept; nothing was written. Free some space and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="84" />
        <source>The database took too long to answer ({seconds} s); nothing was written. Try again; if it keeps happening, ask the database administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="90" />
        <source>The database refused the change; nothing was written. It said: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="95" />
        <source>Lead {leads} is held by {who}, whose change has been open since {since}; nothing was merged. Try again when they finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="100" />
        <source>Lead {leads} is held by another session of the database; nothing was merged. Try again in a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="105" />
        <source>deskdup ({login})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../deskdup/services/workspace.py" line="106" />
        <source>{program} (database user {user}{where})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../deskdup/views/operations.py" line="120" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>