"""Phones, e-mails and handles: one canonical form each, invalid values kept and flagged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskdup.models import Channel, CommKind
from deskdup.services.normalize import (
    normalize_comm,
    normalize_email,
    normalize_handle,
    normalize_phone,
)


@pytest.mark.parametrize(
    "raw",
    ["8 (916) 123-45-67", "79161234567", "+7 916 123 45 67", "9161234567", "+7(916)1234567"],
)
def test_russian_phone_forms_agree(raw):
    assert normalize_phone(raw) == normalize_phone("+79161234567")
    assert normalize_phone(raw).value == "+79161234567"


def test_extension_is_kept_apart():
    phone = normalize_phone("+7 916 123-45-67 доб. 123")
    assert (phone.value, phone.valid, phone.extension) == ("+79161234567", True, "123")


def test_invalid_phone_is_kept_and_flagged():
    phone = normalize_phone("12-34-5")
    assert not phone.valid and phone.value == "12345"


def test_region_setting():
    assert normalize_phone("020 7946 0958", "GB").value == "+442079460958"
    assert normalize_phone("+44 20 7946 0958", "RU").value == "+442079460958"


def test_email_and_handle():
    assert normalize_email(" Ivan.Petrov@Mail.RU ").value == "ivan.petrov@mail.ru"
    assert not normalize_email("ivan.petrov").valid
    for raw in ("@Vanya_Petrov93", "https://t.me/vanya_petrov93", "t.me/Vanya_Petrov93/"):
        assert normalize_handle(raw).value == "vanya_petrov93"


def test_whatsapp_id_is_a_phone():
    norm = normalize_comm(CommKind.MESSENGER, Channel.WHATSAPP, "8 916 123 45 67")
    assert norm.value == "+79161234567"


_SUBSCRIBER = st.from_regex(r"9[0-9]{9}", fullmatch=True)


@given(_SUBSCRIBER, st.sampled_from(["8{}", "7{}", "+7{}", "{}", "+7 ({}", "8-{}"]))
def test_phone_forms_are_one_phone(number, form):
    if "(" in form:
        raw = form.format(f"{number[:3]}) {number[3:6]}-{number[6:8]}-{number[8:]}")
    else:
        raw = form.format(number)
    reference = normalize_phone("+7" + number)
    assert normalize_phone(raw) == reference


@given(st.text(max_size=30))
def test_phone_normaliser_is_idempotent_and_never_drops(raw):
    first = normalize_phone(raw)
    if first.valid:
        assert normalize_phone(first.value).value == first.value
    elif any(ch in "0123456789" for ch in raw):
        assert first.value  # an invalid phone keeps its digits


@given(st.from_regex(r"[a-z0-9_.]{2,20}", fullmatch=True), st.sampled_from(["@", "", "t.me/"]))
def test_handle_ignores_case_and_prefix(handle, prefix):
    assert normalize_handle(prefix + handle.upper()).value == handle
    assert normalize_handle(normalize_handle(handle).value) == normalize_handle(handle)


@given(st.from_regex(r"[a-z0-9._]{1,12}@[a-z]{2,8}\.[a-z]{2,4}", fullmatch=True))
def test_email_ignores_case_and_is_idempotent(email):
    assert normalize_email(email.upper()).value == email
    assert normalize_email(normalize_email(email).value) == normalize_email(email)


# The Russian mobile fast path must answer exactly what phonenumbers answers.
_TYPED_MOBILE = st.builds(
    lambda prefix, number, seps: (
        prefix + "".join(d + s for d, s in zip(number, seps, strict=False)).strip()
    ),
    st.sampled_from(["", "8", "7", "+7", "+7 ", "8 (", "+8", "+", "(", "+7(", "8-", "7 "]),
    st.from_regex(r"9[0-9]{8,10}", fullmatch=True),
    st.lists(st.sampled_from(["", "", "", " ", "-", ") ", "(", "--"]), min_size=11, max_size=11),
)


@given(st.one_of(_TYPED_MOBILE, st.text(alphabet="0123456789 ()-+", max_size=20)))
def test_russian_mobile_fast_path_equals_phonenumbers(raw):
    from deskdup.services.normalize import _parse_phone, _russian_mobile

    text = raw.strip()
    if not text:
        return
    fast = _russian_mobile(text)
    if fast is not None:
        assert _parse_phone(text, "RU") == normalize_phone(raw) == normalize_phone(raw, "RU")
        assert normalize_phone(raw).value == fast


@pytest.mark.parametrize(
    "raw",
    ["+7 930 000 00 00", "+8 916 123 45 67", "+916 123 45 67", "8 916 123 45 67 доб. 5"],
)
def test_numbers_outside_the_fast_path_still_parse_as_before(raw):
    from deskdup.services.normalize import _parse_phone, _russian_mobile

    assert _russian_mobile(raw.strip()) is None
    assert normalize_phone(raw) == _parse_phone(raw.strip(), "RU")


@pytest.mark.parametrize("mark", ["\u200b", "\u00ad", "\ufeff", "\u2060"])
def test_an_invisible_character_pasted_into_an_address_or_handle_changes_nothing(mark):
    # Outside the importer too (the window's search, a portal's pull), an address with
    # a zero-width space is the same address, not a second "valid" one.
    assert normalize_email(f"ivan{mark}@mail.ru") == normalize_email("ivan@mail.ru")
    assert normalize_handle(f"@ivan{mark}_petrov") == normalize_handle("ivan_petrov")


def test_an_address_with_any_kind_of_space_inside_is_invalid():
    assert not normalize_email("ivan\u00a0petrov@mail.ru").valid
    assert not normalize_email("ivan\tpetrov@mail.ru").valid
