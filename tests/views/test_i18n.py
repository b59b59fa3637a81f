"""Russian and English: the .qm files load and translate the services' words too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from deskdup.services.candidates import Reason
from deskdup.services.messages import Message
from deskdup.views import i18n
from deskdup.views.queue_model import translate_reason


@pytest.fixture
def russian(qapp):
    i18n.install("ru")
    yield
    i18n.install("en")


def test_russian_translates_window_strings_and_reasons(russian):
    assert i18n.current_language() == "ru"
    assert QCoreApplication.translate("MainWindow", "Review queue") == "Очередь проверки"
    reason = Reason("same_phone", 1.0, Message("Reason", "Same phone {phone}", {"phone": "+7916"}))
    assert translate_reason(reason) == "Один телефон +7916"


def test_english_is_the_source_text(qapp):
    i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "Review queue") == "Review queue"


def test_every_russian_string_is_translated():
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "deskdup_ru.ts"
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
