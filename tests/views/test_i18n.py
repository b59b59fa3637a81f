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


def test_russian_window_shows_reasons_wholly_in_russian(russian, workspace):
    """A reason names its channels through the one channel table, so the window
    reads them in Russian like the rest of the reason, never as site / call."""
    import re
    from datetime import datetime, timedelta

    from deskdup.models import Channel, CommKind
    from deskdup.services.channels import CHANNEL_NAMES
    from deskdup.services.matching import scan_workspace
    from tests.factories import make_lead

    t0 = datetime(2026, 3, 2, 10, 0)
    with workspace.session() as s:
        for channel, minutes in ((Channel.SITE, 0), (Channel.CALL, 4)):
            make_lead(
                s,
                channel=channel,
                first_name="Иван",
                last_name="Петров",
                created_at=t0 + timedelta(minutes=minutes),
                comms=[
                    (CommKind.PHONE, channel, "+7 916 123-45-67"),
                    (CommKind.MESSENGER, Channel.VK, "@petrov_vanya"),
                ],
            )
    (pair,) = scan_workspace(workspace).pairs
    texts = [translate_reason(r) for r in pair.reasons]

    assert "Обращения с разницей 4 мин через Сайт и Звонок" in texts
    assert any(text.startswith("Один аккаунт ВКонтакте ") for text in texts), texts
    # No channel left in English: neither its code nor an English name that
    # Russian words differently.
    codes = {c.value for c in Channel}
    english = {
        name
        for name in CHANNEL_NAMES.values()
        if QCoreApplication.translate("Channels", name) != name
    }
    for text in texts:
        assert not codes & set(re.findall(r"[A-Za-z-]+", text)), text
        assert not any(name in text for name in english), text
    # The command line keeps the English words, from the same table.
    assert "Came 4 min apart via Website and Phone call" in [str(r.text) for r in pair.reasons]


def test_english_is_the_source_text(qapp):
    i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "Review queue") == "Review queue"


def test_every_russian_string_is_translated():
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "deskdup_ru.ts"
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def _messages(ts_path) -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET

    out = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is not None and translation.get("type") == "unfinished"
            text = "" if translation is None or unfinished else (translation.text or "")
            if translation is not None and not unfinished and not text:
                # A plural string: its forms (tr(text, "", n)).
                text = "".join(f.text or "" for f in translation.iter("numerusform"))
            out[(name, message.findtext("source"))] = text
    return out


def test_shipped_russian_covers_every_string_in_the_code(tmp_path):
    """A string added to the code without re-running update_translations.sh fails here."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    sources = sorted(
        str(p) for p in (root / "deskdup").rglob("*.py") if "migrations" not in p.parts
    )
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            lupdate,
            "-silent",
            "-source-language",
            "en",
            "-target-language",
            "ru",
            *sources,
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    in_code = _messages(fresh)
    assert len(in_code) > 100  # lupdate did read the code
    shipped = _messages(root / "resources" / "i18n" / "deskdup_ru.ts")
    missing = sorted(f"{ctx}: {src}" for ctx, src in in_code if not shipped.get((ctx, src)))
    assert not missing, "run scripts/update_translations.sh; no Russian for:\n" + "\n".join(missing)


def test_the_merge_note_is_in_the_teams_language_and_the_operators_local_time(
    qapp, workspace, monkeypatch
):
    """Issue 12 item 5: a Russian team read "Merged leads … (2026-11-27 05:37 UTC, …)"."""
    import time
    from datetime import datetime

    from deskdup.models import Channel, Lead
    from deskdup.services import merge as merge_service
    from deskdup.services.merge_plan import build_plan
    from deskdup.services.policy import MergePolicy, load_policy, save_policy
    from deskdup.services.review import merge_group
    from tests.factories import make_lead, make_operator

    monkeypatch.setenv("TZ", "Asia/Yekaterinburg")  # UTC+5, no summer time
    time.tzset()
    monkeypatch.setattr(merge_service, "utcnow", lambda: datetime(2026, 11, 27, 5, 37))
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        leads = [
            make_lead(s, owner=anna, channel=channel, first_name="Иван", external_id=label)
            for channel, label in (
                (Channel.AVITO, "A-1"),
                (Channel.SITE, "S-2"),
                (Channel.AVITO, "A-3"),
                (Channel.CALL, "C-4"),
            )
        ]
        s.flush()
        ids, anna_id = [lead.id for lead in leads], anna.id

    def merged_note(pair: list[int], ui_language: str) -> str:
        with workspace.session() as s:
            plan = build_plan(s, pair, primary_id=pair[0])
            policy = load_policy(s)
        merge_group(workspace, plan, anna_id, policy, i18n.note_translators(), ui_language)
        with workspace.session() as s:
            return s.get(Lead, pair[0]).comments.splitlines()[-1]

    try:
        # No team language saved: the merging operator's UI language.
        note = merged_note(ids[:2], "ru")
        assert note == "В этот лид объединены лиды #S-2 (Сайт) (27.11.2026 10:37, Петрова Анна)."
        # The team's language, whatever the operator's UI speaks.
        with workspace.session() as s:
            save_policy(s, MergePolicy(note_language="en"))
        note = merged_note(ids[2:], "ru")
        assert (
            note
            == "Merged leads #C-4 (Phone call) into this lead (2026-11-27 10:37, Петрова Анна)."
        )
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
