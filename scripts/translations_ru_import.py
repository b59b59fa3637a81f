"""Russian translations of the import's hostile-input messages (issue 11, branch import)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "the date '{value}' is not a lead's date: expected {earliest} to {latest}": "дата '{value}' не может быть датой лида: ожидается от {earliest} до {latest}",
    "the row contains a NUL character (binary data, not text)": "в строке есть символ NUL (двоичные данные, а не текст)",
    "the id '{id}' contains a control character": "в id '{id}' есть управляющий символ",
    "the title is longer than 300 characters": "название длиннее 300 символов",
    "Imported {imported}, updated {updated}, already there and left as they are {unchanged}, rejected {rejected} (of {rows} rows); {invalid} invalid phones or e-mails kept as typed.": "Импортировано {imported}, исправлено {updated}, уже были и оставлены как есть {unchanged}, отклонено {rejected} (из {rows} строк); некорректных телефонов или e-mail сохранено как есть: {invalid}.",
    "the cell in column '{column}' holds {value}, which a spreadsheet does not keep as the digits typed (TRUE/FALSE, a fraction, a date or more than 15 digits): format the column as text and type the value again": "ячейка в столбце '{column}' содержит {value}: таблица не хранит это как набранные цифры (ИСТИНА/ЛОЖЬ, дробь, дата или больше 15 цифр); задайте столбцу текстовый формат и введите значение заново",
    "the cells {cells} hold Excel errors (such as #N/A) instead of values": "в ячейках {cells} ошибки Excel (например, #Н/Д) вместо значений",
    "the cell in column '{column}' reaches Excel's limit of 32,767 characters, so its text may have been cut: import it from a CSV file": "ячейка в столбце '{column}' достигает предела Excel в 32 767 символов, и её текст мог быть обрезан: импортируйте её из файла CSV",
    "The workspace is busy with another operator's change; nothing was imported. Import the file again in a moment.": "Рабочая база занята изменением другого оператора; ничего не импортировано. Повторите импорт через минуту.",
    "The disk is full where the workspace is kept; nothing was imported. Free some space and import the file again.": "Диск, на котором хранится рабочая база, заполнен; ничего не импортировано. Освободите место и повторите импорт.",
}
