"""A pair's reasons read in the window's language every time, whatever was
worded before in another (the command line's untranslated words are kept
for reuse; the window's translations never are)."""

from __future__ import annotations

from datetime import datetime, timedelta

from deskdup.models import Channel, CommKind
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.kept import reason_texts
from deskdup.views import i18n
from deskdup.views.queue_model import translate_reason
from tests.factories import make_lead


def test_reasons_in_russian_then_english_then_russian(qapp, workspace):
    t0 = datetime(2026, 3, 2, 10, 0)
    with workspace.session() as s:
        for channel, minutes, name in (
            (Channel.SITE, 0, "Ольга"),
            (Channel.CALL, 4, "Оля"),
            (Channel.AVITO, 9, "Ольга"),
        ):
            make_lead(s, channel=channel, first_name=name,
                      created_at=t0 + timedelta(minutes=minutes),
                      comms=[(CommKind.PHONE, channel, "+7 916 123-45-67")],
                      chats=[(channel, "Сколько стоит шкаф-купе 2 м, белый?")])  # fmt: skip
    index = MatchIndex.build(workspace, MatchSettings().fixed(0.0), refreshable=False)
    pairs = index.result().pairs
    assert len(pairs) == 3
    try:
        said = []
        for language in ("ru", "en", "ru", "en"):
            i18n.install(language)
            said.append([[translate_reason(r) for r in pair.reasons] for pair in pairs])
            # The command line's words in between (kept for reuse).
            assert reason_texts(pairs) == [
                tuple(str(r.text) for r in pair.reasons) for pair in pairs
            ]
    finally:
        i18n.install("en")
    russian, english, russian_again, english_again = said
    assert russian == russian_again and english == english_again
    assert [list(t) for t in reason_texts(pairs)] == english
    words = " ".join(w for reasons in russian for w in reasons)
    assert "Обращения с разницей 4 мин через Сайт и Звонок" in words
    assert "Came" not in words and "Phone call" not in words
    assert any("Came 4 min apart via Website and Phone call" in w for r in english for w in r)
