"""Names, transliterations and messages for the independent evaluation set.

Written for ``eval_independent.py`` from the seeds' descriptions, on purpose
without reading or importing the demo generator or the matcher's tables: its
own name lists (with their own popularity), its own diminutives, its own
transliteration styles and its own noise.  Nothing here is used by deskdup.
"""

from __future__ import annotations

import random


def _words(text: str) -> list[str]:
    return text.split()


# --------------------------------------------------------------------------- first names

# (full name, diminutives), most popular first: the draw is Zipf-like, so a few
# names are very common (namesakes) and many are rare.
MALE: list[tuple[str, tuple[str, ...]]] = [
    ("Александр", ("Саша", "Саня", "Шура")),
    ("Дмитрий", ("Дима", "Митя")),
    ("Сергей", ("Серёжа", "Серега")),
    ("Андрей", ("Андрюша",)),
    ("Алексей", ("Лёша", "Алёша")),
    ("Максим", ("Макс",)),
    ("Евгений", ("Женя",)),
    ("Иван", ("Ваня",)),
    ("Михаил", ("Миша",)),
    ("Артём", ("Тёма",)),
    ("Владимир", ("Вова", "Володя")),
    ("Николай", ("Коля",)),
    ("Павел", ("Паша",)),
    ("Денис", ()),
    ("Роман", ("Рома",)),
    ("Никита", ()),
    ("Игорь", ()),
    ("Олег", ()),
    ("Константин", ("Костя",)),
    ("Кирилл", ()),
    ("Виктор", ("Витя",)),
    ("Илья", ("Илюша",)),
    ("Антон", ("Антоша",)),
    ("Егор", ()),
    ("Юрий", ("Юра",)),
    ("Вадим", ("Вадик",)),
    ("Владислав", ("Влад", "Владик")),
    ("Станислав", ("Стас",)),
    ("Григорий", ("Гриша",)),
    ("Василий", ("Вася",)),
    ("Пётр", ("Петя",)),
    ("Фёдор", ("Федя",)),
    ("Тимур", ()),
    ("Руслан", ()),
    ("Глеб", ()),
    ("Степан", ("Стёпа",)),
    ("Матвей", ("Матвейка",)),
    ("Ярослав", ("Ярик",)),
    ("Валерий", ("Валера",)),
    ("Геннадий", ("Гена",)),
    ("Анатолий", ("Толя",)),
    ("Леонид", ("Лёня",)),
    ("Семён", ("Сёма",)),
    ("Арсений", ("Сеня",)),
    ("Тимофей", ("Тима",)),
    ("Эдуард", ("Эдик",)),
    ("Всеволод", ("Сева",)),
    ("Аркадий", ("Аркаша",)),
    ("Лев", ("Лёва",)),
    ("Марк", ()),
]

FEMALE: list[tuple[str, tuple[str, ...]]] = [
    ("Елена", ("Лена",)),
    ("Ольга", ("Оля",)),
    ("Наталья", ("Наташа",)),
    ("Анна", ("Аня",)),
    ("Екатерина", ("Катя",)),
    ("Татьяна", ("Таня",)),
    ("Мария", ("Маша",)),
    ("Ирина", ("Ира",)),
    ("Светлана", ("Света",)),
    ("Юлия", ("Юля",)),
    ("Анастасия", ("Настя",)),
    ("Марина", ()),
    ("Дарья", ("Даша",)),
    ("Ксения", ("Ксюша",)),
    ("Виктория", ("Вика",)),
    ("Алина", ()),
    ("Евгения", ("Женя",)),
    ("Полина", ("Поля",)),
    ("Людмила", ("Люда",)),
    ("Надежда", ("Надя",)),
    ("Галина", ("Галя",)),
    ("Валентина", ("Валя",)),
    ("Кристина", ()),
    ("Елизавета", ("Лиза",)),
    ("Александра", ("Саша",)),
    ("Вероника", ("Ника",)),
    ("Маргарита", ("Рита",)),
    ("Валерия", ("Лера",)),
    ("Софья", ("Соня",)),
    ("Ангелина", ("Геля",)),
    ("Оксана", ()),
    ("Любовь", ("Люба",)),
    ("Алёна", ()),
    ("Вера", ()),
    ("Лариса", ()),
    ("Тамара", ("Тома",)),
    ("Карина", ()),
    ("Яна", ()),
    ("Олеся", ()),
    ("Нина", ()),
    ("Ульяна", ("Уля",)),
    ("Зоя", ()),
    ("Жанна", ()),
    ("Инна", ()),
    ("Диана", ()),
    ("Василиса", ("Вася",)),
    ("Милана", ()),
    ("Эльвира", ()),
    ("Регина", ()),
    ("Серафима", ("Сима",)),
]

# --------------------------------------------------------------------------- surnames

# Masculine forms, most popular first; the feminine form is derived.
SURNAMES = _words(
    """
Смирнов Иванов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Петров
Волков Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв
Фёдоров Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Андреев
Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев Баранов Куликов Алексеев Степанов
Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв Герасимов Пономарёв Григорьев
Лазарев Медведев Ершов Никитин Соболев Рябов Поляков Цветков Данилов Жуков
Фролов Журавлёв Николаев Крылов Максимов Сидоров Осипов Белоусов Федотов Дорофеев
Егоров Матвеев Бобров Дмитриев Калинин Анисимов Петухов Антонов Тимофеев Никифоров
Веселов Филиппов Марков Большаков Суханов Миронов Ширяев Александров Коновалов Шестаков
Казаков Ефимов Денисов Громов Фомин Давыдов Мельников Щербаков Блинов Колесников
Карпов Афанасьев Власов Маслов Исаков Тихонов Аксёнов Гаврилов Родионов Котов
Горбунов Кудряшов Быков Зуев Третьяков Савельев Панов Рыбаков Суворов Абрамов
Воронов Мухин Архипов Трофимов Мартынов Емельянов Горшков Чернов Овчинников Селезнёв
Панфилов Копылов Михеев Галкин Назаров Лобанов Лукин Беляков Потапов Некрасов
Хохлов Жданов Наумов Шилов Воронцов Ермаков Дроздов Игнатьев Савин Логинов
Сафонов Капустин Кириллов Моисеев Елисеев Кошелев Костин Горбачёв Орехов Ефремов
Исаев Евдокимов Калашников Кабанов Носков Юдин Кулагин Лапин Прохоров Нестеров
Харитонов Агафонов Муравьёв Ларионов Федосеев Зимин Пахомов Шубин Игнатов Филатов
Крюков Рогов Кулаков Терентьев Молчанов Владимиров Артемьев Гурьев Зиновьев Гришин
Кононов Дементьев Ситников Симонов Мишин Фадеев Комиссаров Мамонтов Носов Гуляев
Шаров Устинов Вишняков Евсеев Лаврентьев Брагин Константинов Корнилов Авдеев Зыков
Бирюков Шарапов Никонов Щукин Дьячков Одинцов Сазонов Якушев Красильников Гордеев
Самойлов Князев Беспалов Уваров Шашков Бобылёв Доронин Белозёров Рожков Самсонов
Мясников Лихачёв Буров Сысоев Фомичёв Русаков Стрелков Гущин Тетерин Колобов
Субботин Фокин Блохин Селиверстов Пестов Кондратьев Силин Меркушев Лыткин Туров
Высоцкий Островский Ковальский Покровский Вишневский Залесский Бельский Жуковский
Черных Седых Белых Долгих Кравченко Бондаренко Шевченко Ткаченко Коваленко Лысенко
Мельничук Ковальчук Полищук Гордиенко Петросян Саакян Абрамян Кобахидзе
"""
)


def feminine(surname: str) -> str:
    for tail, fem in (
        ("ский", "ская"),
        ("цкий", "цкая"),
        ("ов", "ова"),
        ("ев", "ева"),
        ("ёв", "ёва"),
        ("ин", "ина"),
        ("ын", "ына"),
    ):
        if surname.endswith(tail):
            return surname[: -len(tail)] + fem
    return surname  # Черных, Кравченко, Петросян do not change


def patronymic(father: str, female: bool) -> str:
    """Патроним from a male first name (close enough for test data)."""
    special = {
        "Илья": ("Ильич", "Ильинична"),
        "Лев": ("Львович", "Львовна"),
        "Пётр": ("Петрович", "Петровна"),
        "Павел": ("Павлович", "Павловна"),
        "Никита": ("Никитич", "Никитична"),
        "Фёдор": ("Фёдорович", "Фёдоровна"),
    }
    if father in special:
        return special[father][female]
    if father.endswith("ий"):
        stem, male_end, fem_end = father[:-2], "иевич", "иевна"
        if father in ("Юрий", "Геннадий", "Василий", "Анатолий", "Валерий", "Григорий"):
            male_end, fem_end = "ьевич", "ьевна"
        return stem + (fem_end if female else male_end)
    if father.endswith("й"):  # Сергей, Николай, Матвей
        return father[:-1] + ("евна" if female else "евич")
    if father.endswith("ь"):
        return father[:-1] + ("евна" if female else "евич")
    if father.endswith("а"):
        return father[:-1] + ("ична" if female else "ич")
    return father + ("овна" if female else "ович")


# --------------------------------------------------------------------------- transliteration

# Four styles people actually type: the passport (ICAO) style, the BGN style
# most English texts use, a chat style (x/h for х, j for й), and an
# old-fashioned German/Polish-looking one.  Each maps one Cyrillic letter.
_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie",
    "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
STYLES: dict[str, dict[str, str]] = {
    "passport": dict(_BASE),
    "bgn": {**_BASE, "ё": "yo", "й": "y", "ъ": "", "ю": "yu", "я": "ya", "е": "e"},
    "chat": {**_BASE, "ё": "e", "й": "j", "х": "h", "ц": "c", "щ": "sch", "ю": "ju", "я": "ja",
             "ъ": "", "ы": "i", "ж": "j"},
    "oldschool": {**_BASE, "ё": "jo", "й": "j", "х": "ch", "ц": "z", "ч": "tch", "ш": "sch",
                  "щ": "stch", "ж": "sh", "ю": "ju", "я": "ja", "ъ": "", "в": "w", "ы": "y"},
}  # fmt: skip
STYLE_WEIGHTS = {"passport": 0.35, "bgn": 0.35, "chat": 0.22, "oldschool": 0.08}
_VOWELS = set("аеёиоуыэюяьъ")

# How English-speaking sites spell some first names; used now and then.
ENGLISH = {
    "Александр": "Alexander", "Алексей": "Alexey", "Дмитрий": "Dmitry",
    "Юлия": "Julia", "Наталья": "Natalia", "Евгений": "Eugene", "Мария": "Maria",
    "Ксения": "Xenia", "Юрий": "Yury", "Виктория": "Victoria", "Софья": "Sofia",
    "Пётр": "Peter", "Михаил": "Mikhail", "Николай": "Nikolai", "Татьяна": "Tatiana",
}  # fmt: skip


def translit(text: str, style: str) -> str:
    table = STYLES[style]
    out = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low in table:
            piece = table[low]
            if style == "bgn" and low == "е" and (not prev or prev in _VOWELS):
                piece = "ye"
            if ch.isupper() and piece:
                piece = piece[0].upper() + piece[1:]
            out.append(piece)
        else:
            out.append(ch)
        prev = low if low.strip() else ""
    return "".join(out)


def pick_style(rng: random.Random) -> str:
    return rng.choices(list(STYLE_WEIGHTS), weights=list(STYLE_WEIGHTS.values()))[0]


# --------------------------------------------------------------------------- handles

ADJECTIVES = _words(
    "iron dark sunny happy lucky silent crazy wild little big black white red blue "
    "green golden silver night morning fast lazy angry funny sweet cool mad old young "
    "brave shy smart wise north snow star cosmic urban retro pixel"
)
NOUNS = _words(
    "bear wolf fox cat kitty tiger lion owl hawk eagle shark dragon knight rider "
    "hunter ghost panda bunny mouse fish bird storm rain sun moon star rock flower "
    "coder gamer driver pilot doctor mama papa boss master baker traveler"
)
DOMAINS = (
    ("mail.ru", 0.34), ("yandex.ru", 0.24), ("gmail.com", 0.18), ("bk.ru", 0.06),
    ("inbox.ru", 0.05), ("list.ru", 0.05), ("rambler.ru", 0.04), ("ya.ru", 0.04),
)  # fmt: skip


def nameless_handle(rng: random.Random) -> str:
    adj, noun = rng.choice(ADJECTIVES), rng.choice(NOUNS)
    form = rng.random()
    digits = str(rng.randint(1, 99)) if rng.random() < 0.6 else str(rng.randint(1975, 2008))
    if form < 0.45:
        return f"{adj}{noun}{digits}"
    if form < 0.75:
        return f"{adj}_{noun}"
    if form < 0.9:
        return f"{noun}_{adj}{digits}"
    return f"the{noun}{rng.randint(100, 999)}"


# --------------------------------------------------------------------------- messages

ITEMS = (
    "шкаф-купе", "угловой шкаф", "кухонный гарнитур", "кухню", "гардеробную",
    "прихожую", "детскую кровать", "комод", "стеллаж", "тумбу под телевизор",
    "обеденный стол", "письменный стол", "двухъярусную кровать", "встроенный шкаф",
    "шкаф в нишу", "кровать с подъёмным механизмом", "шкаф для ванной", "мебель на балкон",
    "стенку в гостиную", "обувницу", "кухонный остров", "диван на заказ",
)  # fmt: skip
EXTRAS = (
    "белый глянец", "дуб сонома", "с зеркалом", "из массива", "без ручек", "с подсветкой",
    "в прихожую", "в спальню", "в детскую", "в комнату 12 кв.м", "в новостройку",
    "цвет графит", "под бетон", "с антресолью", "с ящиками", "эмаль матовая", "из МДФ",
    "с фотопечатью", "серый", "бежевый", "орех", "с распашными дверями",
)  # fmt: skip
PLACES = (
    "на Ленина", "в Кировском районе", "на Садовой", "в Заречье", "на Московском",
    "в центре", "на Гагарина", "в Северном", "на Мира", "в Солнечном",
)  # fmt: skip
DAYS = ("в субботу", "завтра", "на следующей неделе", "после 18:00", "в понедельник", "утром")


def size(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.choice((1, 2, 2, 3))},{rng.randint(1, 9)} м"
    if kind < 0.55:
        return f"{rng.randint(8, 30) * 10} на {rng.randint(4, 9) * 10}"
    if kind < 0.75:
        return f"длиной {rng.randint(2, 5)} метра"
    return f"ширина {rng.randint(6, 30) * 10} см"


_PERSONAL = (
    "Сколько будет стоить {item} {size}, {extra}?",
    "Хочу заказать {item} {size}, {extra}. Какие сроки?",
    "Можно сделать {item} {size} {extra}?",
    "Интересует {item}, {size}, {extra}. Нужен замер {place}",
    "Подскажите цену на {item} {size} {extra}",
    "Нужен замерщик {day}, {item} {extra} {place}",
    "{item} {size} {extra} сколько по времени делаете?",
    "Делаете {item} {extra}? Размер {size}",
    "Рассчитайте пожалуйста {item} {size}, {extra}, {place}",
    "Какая цена {item} {extra} {size} с доставкой {place}?",
)
# What many strangers send: a marketplace's default question, a site form's preset,
# the line an ad suggests.  Several people send them within the same hour.
TEMPLATES = (
    "Здравствуйте! Ещё актуально?",
    "Здравствуйте, торг уместен?",
    "Какая цена?",
    "Добрый день, можно посмотреть?",
    "Здравствуйте! Интересует ваше объявление",
    "Перезвоните мне, пожалуйста",
    "Хочу получить консультацию",
    "Рассчитать стоимость",
    "Хочу скидку 20% по акции",
    "Интересует акция на кухни",
    "Здравствуйте, в наличии?",
    "Сколько стоит доставка?",
)
GREETINGS = (
    "Здравствуйте!", "Здравствуйте,", "Добрый день!", "Добрый день.", "Привет!",
    "Доброго времени суток!", "Добрый вечер,", "Здрасте", "Алло, здравствуйте.",
)  # fmt: skip
_SWAPS = (
    ("Сколько будет стоить", "Какая цена на"),
    ("Подскажите цену на", "Сколько стоит"),
    ("Хочу заказать", "Хотим заказать"),
    ("Можно сделать", "Сможете сделать"),
    ("Какие сроки?", "сроки какие?"),
    ("Нужен замер", "Нужен замерщик"),
    ("пожалуйста", "пж"),
    ("сколько по времени делаете?", "за сколько сделаете?"),
)


def personal_question(rng: random.Random) -> str:
    template = rng.choice(_PERSONAL)
    text = template.format(
        item=rng.choice(ITEMS), size=size(rng), extra=rng.choice(EXTRAS),
        place=rng.choice(PLACES), day=rng.choice(DAYS),
    )  # fmt: skip
    text = " ".join(text.split())
    return text[0].upper() + text[1:]


def _typo(rng: random.Random, text: str) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    kind = rng.random()
    if kind < 0.35 and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind < 0.7:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def reword(rng: random.Random, text: str) -> str:
    """The same question typed again a few minutes later, in another app."""
    out = text
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        move = rng.random()
        if move < 0.3:
            greeting = next((g for g in GREETINGS if out.startswith(g)), None)
            if greeting:
                out = out[len(greeting) :].lstrip()
                out = out[:1].upper() + out[1:]
            else:
                out = f"{rng.choice(GREETINGS)} {out[:1].lower()}{out[1:]}"
        elif move < 0.45:
            out = _typo(rng, out)
        elif move < 0.55:
            out = out.lower() if rng.random() < 0.7 else out.rstrip("?.!") + "??"
        elif move < 0.65:
            out = out.replace("ё", "е").replace(",", "")
        elif move < 0.8:
            for old, new in rng.sample(_SWAPS, len(_SWAPS)):
                if old in out:
                    out = out.replace(old, new, 1)
                    break
            else:
                out = out.rstrip("?.!") + (", пожалуйста" if rng.random() < 0.5 else ". Спасибо")
        elif move < 0.9 and ", " in out:
            parts = out.rstrip("?.!").split(", ")
            rng.shuffle(parts)
            out = ", ".join(parts)
            out = out[:1].upper() + out[1:]
        else:
            out = out.rstrip("?.!") + rng.choice(("?", "!", ")", " ?", ""))
    return out
