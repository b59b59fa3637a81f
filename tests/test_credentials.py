"""No credential part of a database address is remembered or shown (issue 11.12).

A password may sit in the address as ``user:password@``, ``?password=`` or
``&sslpassword=``; none of them reaches settings.ini (last, recent,
operators), a connection error or the command line's output.  The window puts
them in the OS keyring and the command line reads them from there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deskdup.cli import main
from deskdup.services import credentials
from deskdup.services.errors import KnownError
from deskdup.services.workspace import display_url, open_workspace
from deskdup.views import settings as opts
from deskdup.views.settings import Settings

SECRETS = ("pw-one", "pw-two", "pw-three")
FULL = (
    "postgresql://crm:pw-one@db.example:5432/crm"
    "?sslmode=require&password=pw-two&sslpassword=pw-three&application_name=desk"
)


@pytest.fixture
def keyring(monkeypatch):
    stored: dict[tuple[str, str], str] = {}
    monkeypatch.setattr(credentials, "keyring_set", lambda s, u, p: stored.__setitem__((s, u), p))
    monkeypatch.setattr(credentials, "keyring_get", lambda s, u: stored.get((s, u)))
    return stored


def _clean(text: str) -> bool:
    return not any(secret in text for secret in SECRETS)


def test_every_credential_part_is_stripped_and_the_rest_kept():
    bare = credentials.without_secrets(FULL)
    assert _clean(bare)
    assert bare.startswith("postgresql://crm@db.example:5432/crm?")
    assert "sslmode=require" in bare and "application_name=desk" in bare
    assert _clean(display_url(FULL))
    assert "db.example" in display_url(FULL)


def test_an_address_that_does_not_parse_is_still_scrubbed():
    broken = "postgresql://crm:pw-one@db.example:notaport/crm?password=pw-two"
    assert _clean(credentials.redact(broken))
    assert "db.example" in credentials.redact(broken)


def test_settings_remember_no_secret_and_the_keyring_gives_them_back(keyring, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    settings.remember_connection(FULL)
    settings.remember_operator(FULL, "anna")
    settings.sync()
    text = Path(settings.path).read_text(encoding="utf-8")
    assert _clean(text) and "db.example" in text
    bare = settings.get(opts.LAST_CONNECTION)
    assert settings.get(opts.RECENT_CONNECTIONS) == [bare]
    assert settings.operator_for(FULL) == "anna"
    back = credentials.with_secrets(bare)
    from sqlalchemy.engine import make_url

    parsed = make_url(back)
    assert parsed.password == "pw-one"
    assert parsed.query["password"] == "pw-two" and parsed.query["sslpassword"] == "pw-three"


def test_a_connection_error_shows_no_secret(tmp_path):
    for url in (
        "postgresql://crm@127.0.0.1:1/crm?password=pw-two&sslpassword=pw-three&connect_timeout=2",
        "postgresql://crm:pw-one@127.0.0.1:notaport/crm",
        "mysql://crm:pw-one@127.0.0.1/crm?password=pw-two",
    ):
        with pytest.raises(KnownError) as err:
            open_workspace(url, create=False)
        assert _clean(str(err.value)), str(err.value)


def test_the_command_line_prints_no_secret(capsys):
    url = "postgresql://crm:pw-one@127.0.0.1:1/crm?sslpassword=pw-three&connect_timeout=2"
    assert main(["scan", "--db", url]) == 2
    out = capsys.readouterr()
    assert _clean(out.err + out.out)
    assert "127.0.0.1" in out.err


def test_the_command_line_reads_the_password_the_window_stored(keyring):
    credentials.store_secrets("postgresql://crm:pw-one@db.example/crm")
    assert credentials.with_secrets("postgresql://crm@db.example/crm") == (
        "postgresql://crm:pw-one@db.example/crm"
    )
    # An address that names its own password keeps it; SQLite has none.
    assert credentials.with_secrets("postgresql://crm:other@db.example/crm").endswith(
        "other@db.example/crm"
    )
    assert credentials.with_secrets("sqlite:////tmp/x.sqlite") == "sqlite:////tmp/x.sqlite"


def test_a_short_password_is_blotted_out_as_a_word_not_inside_the_message():
    """Password "p": the driver's "port 1 failed" read "***ort 1 failed"."""
    url = "postgresql://u:p@127.0.0.1:1/x"
    text = (
        'connection to server at "127.0.0.1", port 1 failed: Connection refused; '
        "dsn: user=u password=p host=127.0.0.1 (url postgresql://u:p@127.0.0.1:1/x) 'p'"
    )
    shown = credentials.scrub(text, url)
    assert "port 1 failed: Connection refused" in shown
    assert "password=***" in shown and "'***'" in shown
    assert ":p@" not in shown and "=p " not in shown and "'p'" not in shown
    with pytest.raises(KnownError) as err:
        open_workspace(url + "?connect_timeout=2", create=False)
    assert "port 1 failed" in str(err.value) and "***ort" not in str(err.value)
