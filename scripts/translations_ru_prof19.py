"""Russian for a scan whose worker process stopped (branch prof19)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "reading": "чтения лидов",
    "keying": "построения ключей",
    "comparing": "сравнения лидов",
    "wording": "формулировки причин",
    "The scan's {what} worker process stopped before it finished (the system may have run out of memory, or the process was ended). Nothing was changed: scan again; on the command line --workers 1 scans in one process.": "Рабочий процесс {what} при поиске дублей остановился, не закончив работу (возможно, системе не хватило памяти или процесс был завершён). Ничего не изменено: запустите поиск ещё раз; в командной строке --workers 1 ищет в одном процессе.",
}
