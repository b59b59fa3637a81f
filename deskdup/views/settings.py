"""The window's settings, declared once (MusicBrainz Picard's ``options.py``).

Each :class:`Option` has a key, a type, a default and a label the settings
dialog shows (translated in the "Settings" context).  Values live in an INI
file through ``QSettings``: in the user config folder, or under
``DESKDUP_DATA_DIR`` when that is set (tests, portable use), so tests never
touch the developer's own settings.
"""

from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_path
from PySide6.QtCore import QByteArray, QSettings

from deskdup.services import credentials, paths
from deskdup.services.matching import DEFAULT_WEIGHTS
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.services.team_settings import legacy_threshold

log = logging.getLogger(__name__)

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
# 0: the desktop's own size.  Larger text for operators who need it (issue 13).
FONT_SIZE = Option("ui/font_size", int, 0, QT_TRANSLATE_NOOP("Settings", "Font size"))
# The tiers' thresholds are probabilities of the learned model.  Until issue 14
# the review threshold was a score of the hand-set weights, kept under
# "matching/review_threshold" (LEGACY_REVIEW_THRESHOLD): a different scale, so
# it is never read as a probability (see ``legacy_review_threshold``).
REVIEW_THRESHOLD = Option(
    "matching/likely_probability",
    float,
    -1.0,  # negative: the engine's own default
    QT_TRANSLATE_NOOP("Settings", "Likely duplicates"),
)
POSSIBLE_THRESHOLD = Option(
    "matching/possible_probability",
    float,
    -1.0,  # negative: the engine's own default
    QT_TRANSLATE_NOOP("Settings", "Possible duplicates"),
)
# The likely tier by the precision it promises (0..1); 0: by the likely
# probability instead; negative: the engine's default (which is by precision,
# unless a likely probability other than the default was saved before).
LIKELY_PRECISION = Option(
    "matching/likely_precision",
    float,
    -1.0,
    QT_TRANSLATE_NOOP("Settings", "Likely duplicates by precision"),
)
LEGACY_REVIEW_THRESHOLD = Option("matching/review_threshold", float, -1.0)
DEFAULT_REGION = Option(
    "matching/default_region",
    str,
    "RU",
    QT_TRANSLATE_NOOP("Settings", "Default phone region (country code such as RU, KZ, BY)"),
)

# Detection ("Detection" section of the dialog).  Weights: only the codes whose
# weight differs from matching.DEFAULT_WEIGHTS are stored; see weight_overrides().
MATCH_WEIGHTS = Option(
    "matching/weights",
    dict,
    {},
    QT_TRANSLATE_NOOP("Settings", "Evidence weights (from -1 to 1; below 0 lowers the score)"),
)
BURST_MINUTES = Option(
    "matching/burst_minutes",
    int,
    0,  # 0: the engine's own default
    QT_TRANSLATE_NOOP("Settings", "Burst window (minutes between leads from different channels)"),
)
WEIGHT_RANGE = (-1.0, 1.0)
BURST_RANGE = (1, 240)

# Remembered state (not shown in the dialog).
LAST_CONNECTION = Option("connection/last", str, "")
RECENT_CONNECTIONS = Option("connection/recent", list, [])
LAST_OPERATORS = Option("connection/operators", dict, {})  # url -> login
MAIN_GEOMETRY = Option("window/geometry", bytes, b"")
MAIN_STATE = Option("window/state", bytes, b"")
MAIN_SPLITTER = Option("window/splitter", bytes, b"")
# v2: the lock column came first (a state saved for fewer columns would shift them).
# v3: "Why" moved next to the customer, the size under the score (issue 12).
QUEUE_HEADER = Option("window/queue_header_v3", bytes, b"")
# No queue column dragged or moved by hand yet: "Why" follows the queue's width.
QUEUE_AUTO_WIDTHS = Option("window/queue_auto_widths", bool, True)
QUEUE_MERGEABLE_ONLY = Option("queue/mergeable_only", bool, True)
# Also show the "possible" tier of groups (recall first); off: the likely ones only.
QUEUE_POSSIBLE = Option("queue/possible", bool, False)
LEADS_HEADER = Option("window/leads_header", bytes, b"")
# The queue folded away: the comparison takes the whole width (F9).
QUEUE_FOLDED = Option("window/queue_folded", bool, False)

MAX_RECENT = 8


def weight_overrides(stored: Any) -> dict[str, float]:
    """The stored weights the engine knows, clamped to -1..1 (anything else is ignored).

    A settings file edited by hand, or written by a version with other codes,
    must not break a scan nor push a score out of 0..1.
    """
    if not isinstance(stored, dict):
        return {}
    low, high = WEIGHT_RANGE
    out: dict[str, float] = {}
    for code, value in stored.items():
        if code not in DEFAULT_WEIGHTS or isinstance(value, bool):
            continue
        if not isinstance(value, int | float) or math.isnan(value):
            continue
        out[code] = min(high, max(low, float(value)))
    return out


def burst_minutes(stored: Any) -> int | None:
    """The stored burst window clamped to 1..240 minutes; None for "the engine's default"."""
    if isinstance(stored, bool) or not isinstance(stored, int) or stored <= 0:
        return None
    low, high = BURST_RANGE
    return min(high, max(low, stored))


def legacy_review_threshold(settings: Settings) -> float | None:
    """The review threshold an earlier deskdup saved (a hand-weight score), when
    it asked for anything but the default and no probability was saved since:
    it is ignored, and the settings dialog says so."""
    if float(settings.get(REVIEW_THRESHOLD)) >= 0.0:
        return None
    old = float(settings.get(LEGACY_REVIEW_THRESHOLD))
    return legacy_threshold(str(old)) if 0.0 <= old <= 1.0 else None


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
        """Remember ``url`` without its password (which goes to the OS keyring, if any)."""
        url = store_password(url)
        recent = [u for u in self.get(RECENT_CONNECTIONS) if u != url]
        self.set(RECENT_CONNECTIONS, [url, *recent][:MAX_RECENT])
        self.set(LAST_CONNECTION, url)

    def operator_for(self, url: str) -> str:
        return str(self.get(LAST_OPERATORS).get(without_password(url), ""))

    def remember_operator(self, url: str, login: str) -> None:
        known = dict(self.get(LAST_OPERATORS))
        known[without_password(url)] = login
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


# ---------------------------------------------------------------- passwords
# A database password (or any other secret of the address) never reaches the
# settings file: services/credentials.py strips it and keeps it in the OS keyring.

without_password = credentials.without_secrets
store_password = credentials.store_secrets
with_password = credentials.with_secrets
