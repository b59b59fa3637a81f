"""The window's settings, declared once (MusicBrainz Picard's ``options.py``).

Each :class:`Option` has a key, a type, a default and a label the settings
dialog shows (translated in the "Settings" context).  Values live in an INI
file through ``QSettings``: in the user config folder, or under
``DESKDUP_DATA_DIR`` when that is set (tests, portable use), so tests never
touch the developer's own settings.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_path
from PySide6.QtCore import QByteArray, QSettings

from deskdup.services import paths
from deskdup.services.messages import QT_TRANSLATE_NOOP

ORGANIZATION = "deskdup"
APPLICATION = "deskdup"

OPTIONS: dict[str, Option] = {}


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    label: str = ""  # English; translated in the "Settings" context

    def __post_init__(self) -> None:
        OPTIONS[self.key] = self


# The operator's choices (shown in the settings dialog).
LANGUAGE = Option("ui/language", str, "", QT_TRANSLATE_NOOP("Settings", "Interface language"))
REVIEW_THRESHOLD = Option(
    "matching/review_threshold",
    float,
    -1.0,  # negative: the engine's own default
    QT_TRANSLATE_NOOP("Settings", "Review threshold (score from 0 to 1)"),
)
DEFAULT_REGION = Option(
    "matching/default_region",
    str,
    "RU",
    QT_TRANSLATE_NOOP("Settings", "Default phone region (country code such as RU, KZ, BY)"),
)

# Remembered state (not shown in the dialog).
LAST_CONNECTION = Option("connection/last", str, "")
RECENT_CONNECTIONS = Option("connection/recent", list, [])
LAST_OPERATORS = Option("connection/operators", dict, {})  # url -> login
MAIN_GEOMETRY = Option("window/geometry", bytes, b"")
MAIN_STATE = Option("window/state", bytes, b"")
MAIN_SPLITTER = Option("window/splitter", bytes, b"")
QUEUE_HEADER = Option("window/queue_header", bytes, b"")
LEADS_HEADER = Option("window/leads_header", bytes, b"")

MAX_RECENT = 8


def settings_path() -> Path:
    if os.environ.get("DESKDUP_DATA_DIR"):
        return paths.data_dir() / "settings.ini"
    return user_config_path(APPLICATION, appauthor=False) / "settings.ini"


class Settings:
    """Typed access to the declared options."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, option: Option) -> Any:
        raw = self._qs.value(option.key)
        if raw is None:
            return _copy(option.default)
        try:
            return _decode(option, raw)
        except (TypeError, ValueError):
            return _copy(option.default)

    def set(self, option: Option, value: Any) -> None:
        self._qs.setValue(option.key, _encode(option, value))

    def __getitem__(self, option: Option) -> Any:
        return self.get(option)

    def __setitem__(self, option: Option, value: Any) -> None:
        self.set(option, value)

    def reset(self, option: Option) -> None:
        self._qs.remove(option.key)

    def sync(self) -> None:
        self._qs.sync()

    # ------------------------------------------------------------ connections

    def remember_connection(self, url: str) -> None:
        recent = [u for u in self.get(RECENT_CONNECTIONS) if u != url]
        self.set(RECENT_CONNECTIONS, [url, *recent][:MAX_RECENT])
        self.set(LAST_CONNECTION, url)

    def operator_for(self, url: str) -> str:
        return str(self.get(LAST_OPERATORS).get(url, ""))

    def remember_operator(self, url: str, login: str) -> None:
        known = dict(self.get(LAST_OPERATORS))
        known[url] = login
        self.set(LAST_OPERATORS, known)


def _copy(value: Any) -> Any:
    return (
        list(value)
        if isinstance(value, list)
        else dict(value)
        if isinstance(value, dict)
        else value
    )


def _encode(option: Option, value: Any) -> Any:
    if option.type in (list, dict):
        return json.dumps(value, ensure_ascii=False)
    if option.type is bytes:
        return QByteArray(bytes(value))
    if option.type is bool:
        return "true" if value else "false"
    return value


def _decode(option: Option, raw: Any) -> Any:
    if option.type in (list, dict):
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, option.type):
            raise ValueError(option.key)
        return value
    if option.type is bytes:
        return bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(str(raw), "latin-1")
    if option.type is bool:
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    return option.type(raw)
