"""The demo's chat conversations: every message behind a chat's count.

A chat of the demo says how many messages it holds and when the last one came;
this writes those messages: the customer's first inquiry, the team's answers,
the customer's follow-ups.  Now and then the customer gives a name or a phone
in the chat, as people do, which is what an operator reads the conversation
for ("is this the same person?").

Each chat's messages come from their own random stream (seeded by the demo's
seed and the chat's id), so adding conversations changed nothing else the demo
draws: the same seed still makes the same leads.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

# The team's answers, in the order a conversation goes.
TEAM_OPENINGS: tuple[str, ...] = (
    "Здравствуйте! Меня зовут {operator}, я менеджер клуба. Сейчас подскажу.",
    "Добрый день! Спасибо, что написали. Уточню и вернусь через пару минут.",
    "Здравствуйте! Да, конечно, расскажу подробнее.",
)
TEAM_REPLIES: tuple[str, ...] = (
    "Абонемент на месяц — 3 500 ₽, на год — 24 000 ₽, есть рассрочка.",
    "Пробное занятие бесплатное, можно записаться на любой день.",
    "Расписание отправила вам на почту, продублирую сюда.",
    "Подскажите, пожалуйста, как к вам обращаться?",
    "Оставьте, пожалуйста, номер телефона — администратор перезвонит.",
    "Да, такая возможность есть, оформим на ресепшене.",
    "Записала вас, ждём! Возьмите с собой сменную обувь.",
    "Скидка для студентов 15 % при предъявлении студенческого.",
    "Детские группы — с 5 лет, плавание по вторникам и четвергам.",
    "Хорошего дня! Если будут вопросы — пишите.",
)
CUSTOMER_FOLLOW_UPS: tuple[str, ...] = (
    "Спасибо!",
    "А в выходные можно?",
    "Хорошо, подумаю",
    "А сколько стоит на три месяца?",
    "Можно прийти завтра вечером?",
    "Понял, спасибо",
    "Ок",
    "А парковка у вас есть?",
    "Запишите меня, пожалуйста",
)
# What a customer says about herself: the evidence an operator looks for.
CUSTOMER_NAME = ("Меня зовут {first}", "{first} {last}", "Это {first}, писал(а) вам раньше")
CUSTOMER_PHONE = ("Мой номер {phone}", "Телефон: {phone}", "Перезвоните на {phone}")
TEAM_NAMES = ("Анна", "Елена", "Ольга", "Мария")


@dataclass(frozen=True)
class DemoMessage:
    sent_at: datetime
    incoming: bool
    text: str


def conversation(
    seed: int,
    chat_id: int,
    *,
    first_message: str,
    count: int,
    started: datetime,
    last: datetime,
    first_name: str,
    last_name: str,
    phone: str | None,
) -> Iterator[DemoMessage]:
    """The ``count`` messages of one chat, from ``started`` to ``last``."""
    rng = random.Random(f"demo-chat:{seed}:{chat_id}")
    span = max((last - started).total_seconds(), 60.0 * count)
    offsets = sorted(rng.uniform(0, span) for _ in range(max(count - 2, 0)))
    times = [started, *(started + timedelta(seconds=s) for s in offsets)]
    if count > 1:
        times.append(max(last, times[-1]))
    operator = rng.choice(TEAM_NAMES)
    told_name = told_phone = False
    incoming = True
    for n, when in enumerate(times[:count]):
        if n == 0:
            text = first_message
        elif not incoming:
            pool = TEAM_OPENINGS if n == 1 else TEAM_REPLIES
            text = rng.choice(pool).format(operator=operator)
        elif not told_name and first_name and rng.random() < 0.35:
            told_name = True
            text = rng.choice(CUSTOMER_NAME).format(first=first_name, last=last_name).strip()
        elif not told_phone and phone and rng.random() < 0.25:
            told_phone = True
            text = rng.choice(CUSTOMER_PHONE).format(phone=phone)
        else:
            text = rng.choice(CUSTOMER_FOLLOW_UPS)
        yield DemoMessage(when, incoming, text)
        # Mostly turns; now and then two messages in a row from one side.
        incoming = incoming if rng.random() < 0.2 and n else not incoming


__all__ = ["DemoMessage", "conversation"]
