"""The words of a pair's reasons, worded the cheap way (``KeptPair.texts``,
``reasons._texts``, ``messages.english``), are word for word what its reasons
say (``str(reason.text)``), whatever was worded before: evidence that recurs
is shared and its words found again, never by the pattern alone, and only
the untranslated words are kept."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskdup.models import Channel, CommKind
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.compare import compare, weigh
from deskdup.services.matching.evidence import _evidence
from deskdup.services.matching.kept import KeptPair, reason_texts
from deskdup.services.matching.reasons import _reasons
from deskdup.services.messages import Message, MessageList, english
from deskdup.services.names import is_cyrillic
from tests.factories import make_lead

T0 = datetime(2026, 3, 2, 10, 0)
QUESTION = "Сколько стоит шкаф-купе 2 м, белый, с зеркалом?"
OTHER_QUESTION = "Есть ли в наличии кухонный гарнитур 3 м с мойкой?"


def _afresh_words(index: MatchIndex, a_id: int, b_id: int) -> tuple[str, ...]:
    """The words of a pair's reasons worked out from scratch (``score_pair``'s way)."""
    a, b = index.leads[a_id], index.leads[b_id]
    pattern = compare(a, b, index.settings, common=index.model.common_firsts)
    reasons = _reasons(weigh(_evidence(a, b, index.settings), pattern, index.model))
    return tuple(str(reason.text) for reason in reasons)


def _two_bursts(workspace) -> tuple[tuple[int, int], tuple[int, int]]:
    """Two people, each writing twice from two channels minutes apart with a
    diminutive: one comparison pattern, different names, channels, minutes
    and questions."""
    ids = []
    with workspace.session() as s:
        for first, short, channels, minutes, question, start in (
            ("Ольга", "Оля", (Channel.AVITO, Channel.SITE), 3, QUESTION, 0),
            ("Ирина", "Ира", (Channel.WHATSAPP, Channel.TELEGRAM), 4, OTHER_QUESTION, 600),
        ):
            a = make_lead(s, channel=channels[0], first_name=first,
                          created_at=T0 + timedelta(minutes=start),
                          chats=[(channels[0], question)])  # fmt: skip
            b = make_lead(s, channel=channels[1], first_name=short,
                          created_at=T0 + timedelta(minutes=start + minutes),
                          chats=[(channels[1], question)])  # fmt: skip
            ids.append((a.id, b.id))
    return ids[0], ids[1]


def test_two_pairs_of_one_pattern_say_each_its_own_words(workspace):
    first_ids, second_ids = _two_bursts(workspace)
    words = {}
    for order in ((first_ids, second_ids), (second_ids, first_ids)):
        index = MatchIndex.build(workspace, MatchSettings().fixed(0.0), refreshable=False)
        first, second = index.pairs[first_ids], index.pairs[second_ids]
        assert isinstance(first, KeptPair) and first._wording is second._wording
        for ids in order:
            said = index.pairs[ids].texts()
            assert said == _afresh_words(index, *ids)
            assert said == tuple(str(r.text) for r in index.pairs[ids].reasons)
            words.setdefault(ids, said)
            assert words[ids] == said
    first_words, second_words = words[first_ids], words[second_ids]
    assert first_words != second_words
    assert any("Оля" in w for w in first_words) and not any("Оля" in w for w in second_words)
    assert any("3 min" in w for w in first_words) and any("4 min" in w for w in second_words)
    assert any("WhatsApp" in w for w in second_words) and not any(
        "WhatsApp" in w for w in first_words
    )


def test_words_of_one_workspace_do_not_leak_into_the_next(tmp_path):
    """Shared evidence is found by its names' identity and its values: pairs of
    another workspace (other names, the same shapes) say their own words."""
    from deskdup.services.workspace import open_workspace

    said = []
    for k, (first, short, phone) in enumerate(
        (("Ольга", "Оля", "+7 916 123-45-67"), ("Мария", "Маша", "+7 903 765-43-21"))
    ):
        ws = open_workspace(str(tmp_path / f"ws{k}.sqlite"))
        try:
            with ws.session() as s:
                for n, (name, channel) in enumerate(
                    ((first, Channel.AVITO), (short, Channel.SITE), (first, Channel.CALL))
                ):
                    make_lead(s, channel=channel, first_name=name,
                              created_at=T0 + timedelta(minutes=2 * n),
                              comms=[(CommKind.PHONE, channel, phone)],
                              chats=[(channel, QUESTION)])  # fmt: skip
            index = MatchIndex.build(ws, MatchSettings().fixed(0.0), refreshable=False)
            pairs = index.result().pairs
            assert pairs
            texts = reason_texts(pairs)
            assert texts == [_afresh_words(index, p.a, p.b) for p in pairs]
            said.append(texts)
        finally:
            ws.dispose()
    flat = [" ".join(t) for texts in said for t in texts]
    assert not any("Маша" in text or "903" in text for text in flat[: len(said[0])])
    assert any("Маша" in text for text in flat[len(said[0]) :])


@pytest.mark.parametrize("refreshable", [True, False], ids=["window", "one-shot"])
def test_every_pair_of_a_scan_says_the_words_of_its_reasons(demo_ws, refreshable):
    """Forward, then backward in a fresh index (other pairs worded first)."""
    for backward in (False, True):
        index = MatchIndex.build(demo_ws, MatchSettings().fixed(0.0), refreshable=refreshable)
        pairs = list(index.pairs.values())
        assert len(pairs) > 100
        if backward:
            pairs.reverse()
        for pair in pairs:
            assert pair.texts() == _afresh_words(index, pair.a, pair.b), (pair.a, pair.b)


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):
    from deskdup.services.demo import generate_demo
    from deskdup.services.workspace import open_workspace

    ws = open_workspace(str(tmp_path_factory.mktemp("demo") / "demo.sqlite"))
    generate_demo(ws, leads=1200, seed=7)
    yield ws
    ws.dispose()


def test_english_says_what_rendering_each_value_first_says():
    """A nested message formats itself (``__format__``) as it renders,
    with a format spec too, and braces stay as the template has them."""
    site, call = Message("Channels", "Website"), Message("Channels", "Phone call")
    cases = [
        Message(
            "Reason",
            "Came {minutes} min apart via {a} and {b}",
            {"minutes": 4, "a": site, "b": call},
        ),
        Message(
            "Reason",
            "{n:>12}|{m:.2f}|{both}",
            {"n": site, "m": 1.5, "both": MessageList((site, call), ", ")},
        ),
        Message("Reason", "{{kept}} {a}", {"a": Message("Other", "a {{b}} {c}", {"c": 7})}),
        Message("Reason", "No values"),
    ]
    for message in cases:
        values = {
            key: value.render() if isinstance(value, Message | MessageList) else value
            for key, value in message.params.items()
        }
        expected = message.template.format(**values)
        assert message.render() == str(message) == english(message.template, message.params)
        assert str(message) == expected
        assert f"{message}" == expected and f"{message:>80}" == f"{expected:>80}"
    assert str(cases[1]) == "     Website|1.50|Website, Phone call"
    assert str(cases[2]) == "{kept} a {b} 7"


RU = {
    ("Reason", "Came {minutes} min apart via {a} and {b}"): (
        "С разницей {minutes} мин через {a} и {b}"
    ),
    ("Channels", "Website"): "Сайт",
    ("Channels", "Phone call"): "Звонок",
}


def test_a_message_says_it_in_the_language_asked_each_time():
    """Russian, then the untranslated words, then Russian again: nothing
    worded in one language comes back in another."""

    def russian(context: str, text: str) -> str:
        return RU.get((context, text), text)

    def untranslated(context: str, text: str) -> str:
        return text

    message = Message("Reason", "Came {minutes} min apart via {a} and {b}",
                      {"minutes": 4, "a": Message("Channels", "Website"),
                       "b": Message("Channels", "Phone call")})  # fmt: skip
    russian_words = "С разницей 4 мин через Сайт и Звонок"
    english_words = "Came 4 min apart via Website and Phone call"
    for _ in range(2):
        assert message.render(translate=russian) == russian_words
        assert str(message) == message.render() == english_words
        assert english(message.template, message.params) == english_words
        assert message.render(translate=untranslated) == english_words
        assert message.render(translate=russian) == russian_words


def _cyrillic_by_letters(text: str) -> bool:
    return any("а" <= ch <= "я" or ch in "ёЁ" or "А" <= ch <= "Я" for ch in text)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x52F)))
def test_is_cyrillic_tells_a_russian_letter_as_the_letters_do(text):
    assert is_cyrillic(text) == _cyrillic_by_letters(text)


def test_is_cyrillic_on_the_edges_of_the_alphabet():
    for code in range(0x3FF, 0x460):
        assert is_cyrillic(chr(code)) == _cyrillic_by_letters(chr(code)), hex(code)
