"""The secret parts of a database address: kept out of settings, messages and logs.

A PostgreSQL address can carry a password as ``user:password@host``, as
``?password=`` or as another libpq secret (``sslpassword``).  None of them is
ever remembered in ``settings.ini`` or shown: ``without_secrets`` strips them,
``redact`` does so for display (even for an address that does not parse), and
``store_secrets`` / ``with_secrets`` move them to the OS keyring and back, for
the window and the command line alike.  With no keyring backend nothing is
stored and the operator gives the password again (or uses ``PGPASSWORD`` /
``~/.pgpass``, which libpq reads by itself).
"""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

KEYRING_SERVICE = "deskdup-database"
# Query keys whose value is a secret (libpq's, and the usual spellings of others').
SECRET_KEYS = frozenset(
    {"password", "sslpassword", "passwd", "pwd", "secret", "token", "api_key", "apikey"}
)
_JSON = "json:"
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:@/?#]*):[^@/?#]*@", re.I)


def _is_secret(key: str) -> bool:
    key = key.lower()
    return key in SECRET_KEYS or "password" in key


def _parse(url: str) -> URL | None:
    # Imported here: scrubbing a log line or a plain file path needs no SQLAlchemy
    # (a cold ``deskdup lookup`` does without it).
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url)
    except (ArgumentError, ValueError):
        return None


def _secrets(parsed: URL) -> dict[str, str]:
    found: dict[str, str] = {}
    if parsed.password is not None:
        found[""] = str(parsed.password)
    for key, value in parsed.query.items():
        if _is_secret(key):
            found[key] = value if isinstance(value, str) else ",".join(value)
    return found


def _bare(parsed: URL) -> URL:
    query = {k: v for k, v in parsed.query.items() if not _is_secret(k)}
    return parsed._replace(password=None).set(query=query)


def without_secrets(url: str) -> str:
    """``url`` with every credential part removed (unchanged when it has none)."""
    parsed = _parse(url)
    if parsed is None:
        return redact(url)
    if not _secrets(parsed):
        return url
    return _bare(parsed).render_as_string(hide_password=False)


def redact(text: str) -> str:
    """An address fit to show: no password, no secret query value, even if it does not parse."""
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}@", text)
    parts = urlsplit(text) if "://" in text else None
    if parts is None or not parts.query:
        return text
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_secret(k)]
    return urlunsplit(parts._replace(query=urlencode(kept)))


_SECRET_PARAM = re.compile(
    r"(?P<key>[?&;](?:[a-z_]*password[a-z_]*|passwd|pwd|secret|token|api_?key)=)[^&\s'\"]*",
    re.I,
)


# A Bitrix24 incoming webhook carries its secret in the path: /rest/USER_ID/SECRET/.
_WEBHOOK_SECRET = re.compile(r"(?P<head>/rest/\d+/)[A-Za-z0-9_\-]+")


def scrub_text(text: str) -> str:
    """Any text (a log line, a traceback) with the secrets of every address in it blotted out."""
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}@", text)
    text = _WEBHOOK_SECRET.sub(lambda m: f"{m['head']}***", text)
    return _SECRET_PARAM.sub(lambda m: f"{m['key']}***", text)


def scrub(text: str, url: str) -> str:
    """``text`` (a driver's error) with the secret values of ``url`` blotted out.

    A value is blotted out where it stands apart from letters and digits
    around it (quoted, after "=", between ":" and "@"...): a short password
    such as "p" inside the message's words ("port 1 failed") is no secret
    there, and blotting it out there made the message unreadable."""
    parsed = _parse(url)
    values = list(_secrets(parsed).values()) if parsed is not None else []
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", "***", text)
    return redact(text.replace(url, redact(url)))


def store_secrets(url: str) -> str:
    """Put the address's secrets in the keyring; return the address without them."""
    parsed = _parse(url)
    if parsed is None:
        return redact(url)
    secrets = _secrets(parsed)
    if not secrets:
        return url
    bare = _bare(parsed).render_as_string(hide_password=False)
    value = secrets[""] if list(secrets) == [""] else _JSON + json.dumps(secrets)
    try:
        keyring_set(KEYRING_SERVICE, bare, value)
    except Exception as exc:  # no backend, locked keyring...
        # The message names the kind of failure, never the secret.
        log.warning("The database password was not stored (%s); it will be asked again.", exc)
    return bare


def with_secrets(url: str) -> str:
    """The address with the secrets the keyring holds for it (unchanged when none)."""
    parsed = _parse(url)
    if parsed is None or parsed.get_backend_name() == "sqlite" or _secrets(parsed):
        return url
    try:
        stored = keyring_get(KEYRING_SERVICE, url)
    except Exception:
        stored = None
    if not stored:
        return url
    if stored.startswith(_JSON):
        try:
            secrets = dict(json.loads(stored[len(_JSON) :]))
        except (ValueError, TypeError):
            return url
    else:
        secrets = {"": stored}
    password = secrets.pop("", None)
    if password is not None:
        parsed = parsed.set(password=password)
    if secrets:
        parsed = parsed.update_query_dict(secrets)
    return parsed.render_as_string(hide_password=False)


def keyring_set(service: str, user: str, secret: str) -> None:
    import keyring

    keyring.set_password(service, user, secret)


def keyring_get(service: str, user: str) -> str | None:
    import keyring

    return keyring.get_password(service, user)
