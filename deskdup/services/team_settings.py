"""Team-wide settings, kept in the workspace and changed only by a supervisor.

What the team decides together lives in the shared workspace
(``workspace_meta``), not in one operator's settings file: archive or delete
merged leads (``policy``), the detection weights, the burst window and the
thresholds of the two tiers of the queue (probabilities of the learned
model).  Reading them needs nothing; changing them needs the supervisor
right (``Operator.can_undo``) and writes a ``TEAM_SETTINGS`` history event
holding the rows as they were and as they became, so the change is
listed and can be undone like any other event.  An operator's own settings keep
only what is personal (language, layout, phone region).

The thresholds were once scores of the hand-set weights, kept under
``team.review_threshold``; since detection scores pairs with a learned model
they are probabilities, kept under keys of their own.  An old threshold is
never read as a probability: one equal to the old default (0.6) meant "the
default" and still does; any other is ignored, and ``legacy_threshold`` says
so (the settings dialog shows it) until a supervisor saves the tiers anew.
The old row is left as it was, for an older deskdup on the same workspace.

The likely tier is chosen by the precision it promises (``likely_precision``:
the best pairs whose probabilities average at least that) unless the team
fixed a probability: a likely probability saved before the precision existed,
other than the default, is such a choice and is kept.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import EventKind, WorkspaceMeta
from deskdup.services.errors import KnownError, RightsError, fail
from deskdup.services.events import record_event
from deskdup.services.matching import (
    DEFAULT_BURST_MINUTES,
    DEFAULT_LIKELY_PRECISION,
    DEFAULT_POSSIBLE_THRESHOLD,
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    MatchSettings,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.policy import ARCHIVE_KEY
from deskdup.services.records import RowSet, active_operator, row_dict, write_session
from deskdup.services.workspace import Workspace

CONTEXT = "TeamSettings"

WEIGHTS_KEY = "team.weights"
BURST_KEY = "team.burst_minutes"
LIKELY_KEY = "team.likely_probability"
POSSIBLE_KEY = "team.possible_probability"
# The likely tier's precision ("" when the team fixed the likely probability).
PRECISION_KEY = "team.likely_precision"
# A hand-weight score saved by deskdup before the learned model (read, never written).
LEGACY_THRESHOLD_KEY = "team.review_threshold"
# What that old threshold was by default: it meant "the default" and still does.
LEGACY_DEFAULT_THRESHOLD = 0.6
DETECTION_KEYS = (
    WEIGHTS_KEY,
    BURST_KEY,
    LIKELY_KEY,
    POSSIBLE_KEY,
    PRECISION_KEY,
    LEGACY_THRESHOLD_KEY,
)
KEYS = (ARCHIVE_KEY, *DETECTION_KEYS)

BURST_RANGE = (1, 240)
PRECISION_RANGE = (0.5, 0.999)
WEIGHT_RANGE = (-1.0, 1.0)

MSG_NOT_SUPERVISOR = QT_TRANSLATE_NOOP(
    "TeamSettings",
    "Only a supervisor may change the team's settings; {operator} is not one",
)
MSG_CHANGED = QT_TRANSLATE_NOOP("TeamSettings", "Changed the team's settings: {what}")
MSG_NOTHING = QT_TRANSLATE_NOOP("TeamSettings", "The team's settings are already these")
MSG_BAD_THRESHOLD = QT_TRANSLATE_NOOP(
    "TeamSettings", "The threshold of a tier must be a probability from 0 to 1, not {value}"
)
MSG_POSSIBLE_ABOVE_LIKELY = QT_TRANSLATE_NOOP(
    "TeamSettings",
    "The possible tier must start at or below the likely one ({likely}), not at {possible}",
)
MSG_BAD_PRECISION = QT_TRANSLATE_NOOP(
    "TeamSettings", "The likely tier's precision must be from 50 % to 99.9 %, not {value}"
)
MSG_BAD_BURST = QT_TRANSLATE_NOOP(
    "TeamSettings", "The burst window must be from 1 to 240 minutes, not {value}"
)
MSG_BAD_WEIGHT = QT_TRANSLATE_NOOP(
    "TeamSettings", "The weight of '{code}' must be from -1 to 1, not {value}"
)
MSG_UNKNOWN_WEIGHT = QT_TRANSLATE_NOOP(
    "TeamSettings", "There is no kind of evidence called '{code}'; the kinds are: {codes}"
)


@dataclass(frozen=True)
class TeamSettings:
    archive_instead_of_delete: bool = True
    # The likely tier (the default queue): the best pairs expected to be right
    # this share of the time; None: from the probability ``review_threshold`` on.
    likely_precision: float | None = DEFAULT_LIKELY_PRECISION
    review_threshold: float = DEFAULT_THRESHOLD
    # The possible tier (shown on request) from this probability on.
    possible_threshold: float = DEFAULT_POSSIBLE_THRESHOLD
    burst_minutes: int = DEFAULT_BURST_MINUTES
    # Only the weights that differ from the engine's defaults.
    weights: dict[str, float] = field(default_factory=dict)
    # A hand-weight threshold an earlier deskdup saved, ignored (see the module).
    legacy_threshold: float | None = field(default=None, compare=False)

    def match_settings(self, base: MatchSettings | None = None) -> MatchSettings:
        """``base`` (default: the engine's) with the team's thresholds, window and weights."""
        base = base or MatchSettings()
        return replace(
            base,
            review_threshold=self.review_threshold,
            possible_threshold=self.possible_threshold,
            likely_precision=self.likely_precision,
            burst_minutes=self.burst_minutes,
            weights={**base.weights, **self.weights},
        )

    def describe_changes(self, other: TeamSettings) -> list[str]:
        """The names of what differs from ``other`` (English, for the event's summary)."""
        what = []
        if self.archive_instead_of_delete != other.archive_instead_of_delete:
            what.append("archive" if self.archive_instead_of_delete else "delete merged leads")
        if self.likely_precision != other.likely_precision:
            if self.likely_precision is None:
                what.append(f"likely tier by probability from {self.review_threshold:g}")
            else:
                what.append(f"likely tier by precision {self.likely_precision:g}")
        elif self.likely_precision is None and self.review_threshold != other.review_threshold:
            what.append(f"likely tier from {self.review_threshold:g}")
        if self.possible_threshold != other.possible_threshold:
            what.append(f"possible tier from {self.possible_threshold:g}")
        if other.legacy_threshold is not None and self.legacy_threshold is None:
            # The old threshold (a hand-weight score) gives way to a probability.
            what.append(
                f"likely tier from {self.review_threshold:g} instead of the earlier "
                f"hand-weight threshold {other.legacy_threshold:g}"
            )
        if self.burst_minutes != other.burst_minutes:
            what.append(f"burst window {self.burst_minutes} min")
        for code in sorted(set(self.weights) | set(other.weights)):
            mine = self.weights.get(code, DEFAULT_WEIGHTS.get(code))
            theirs = other.weights.get(code, DEFAULT_WEIGHTS.get(code))
            if mine != theirs:
                what.append(f"weight {code} {mine:g}")
        return what


def validate(settings: TeamSettings) -> TeamSettings:
    """``settings`` without the weights that equal the defaults; ``KnownError`` if out of range."""
    for t in (settings.review_threshold, settings.possible_threshold):
        if not (isinstance(t, int | float) and math.isfinite(t) and 0.0 <= t <= 1.0):
            raise fail(KnownError, Message(CONTEXT, MSG_BAD_THRESHOLD, {"value": t}))
    p = settings.likely_precision
    if p is not None and not (
        isinstance(p, int | float) and PRECISION_RANGE[0] <= p <= PRECISION_RANGE[1]
    ):
        raise fail(KnownError, Message(CONTEXT, MSG_BAD_PRECISION, {"value": p}))
    if p is None and settings.possible_threshold > settings.review_threshold:
        params = {"likely": settings.review_threshold, "possible": settings.possible_threshold}
        raise fail(KnownError, Message(CONTEXT, MSG_POSSIBLE_ABOVE_LIKELY, params))
    b = settings.burst_minutes
    if not (isinstance(b, int) and BURST_RANGE[0] <= b <= BURST_RANGE[1]):
        raise fail(KnownError, Message(CONTEXT, MSG_BAD_BURST, {"value": b}))
    weights = {}
    for code, value in settings.weights.items():
        if code not in DEFAULT_WEIGHTS:
            codes = ", ".join(sorted(DEFAULT_WEIGHTS))
            raise fail(
                KnownError, Message(CONTEXT, MSG_UNKNOWN_WEIGHT, {"code": code, "codes": codes})
            )
        if not (math.isfinite(value) and WEIGHT_RANGE[0] <= value <= WEIGHT_RANGE[1]):
            raise fail(KnownError, Message(CONTEXT, MSG_BAD_WEIGHT, {"code": code, "value": value}))
        if value != DEFAULT_WEIGHTS[code]:
            weights[code] = float(value)
    return replace(settings, weights=weights)


def legacy_threshold(value: str | None) -> float | None:
    """An old hand-weight threshold as stored, when it asked for anything but
    the default (None: nothing saved, the old default, or not a number)."""
    if value is None:
        return None
    try:
        old = float(value)
    except ValueError:
        return None
    if not math.isfinite(old) or abs(old - LEGACY_DEFAULT_THRESHOLD) < 1e-9:
        return None
    return old


def _decode(rows: dict[str, str]) -> TeamSettings:
    out = TeamSettings()
    if ARCHIVE_KEY in rows:
        out = replace(out, archive_instead_of_delete=rows[ARCHIVE_KEY].strip() != "0")
    if LIKELY_KEY not in rows:
        # Saved by deskdup before the learned model, if at all: not a probability.
        out = replace(out, legacy_threshold=legacy_threshold(rows.get(LEGACY_THRESHOLD_KEY)))
    try:
        if LIKELY_KEY in rows:
            out = replace(out, review_threshold=float(rows[LIKELY_KEY]))
        if PRECISION_KEY in rows:
            text = rows[PRECISION_KEY].strip()
            out = replace(out, likely_precision=float(text) if text else None)
        elif out.review_threshold != DEFAULT_THRESHOLD:
            # A likely probability chosen before the tier had a precision: kept.
            out = replace(out, likely_precision=None)
        if POSSIBLE_KEY in rows:
            out = replace(out, possible_threshold=float(rows[POSSIBLE_KEY]))
        if BURST_KEY in rows:
            out = replace(out, burst_minutes=int(rows[BURST_KEY]))
        if WEIGHTS_KEY in rows:
            stored = json.loads(rows[WEIGHTS_KEY] or "{}")
            weights = {
                str(k): float(v)
                for k, v in stored.items()
                if k in DEFAULT_WEIGHTS and isinstance(v, int | float)
            }
            out = replace(out, weights=weights)
        return validate(out)
    except (ValueError, KnownError):
        # A value written by hand that makes no sense: the defaults, not a crash.
        return TeamSettings(
            archive_instead_of_delete=out.archive_instead_of_delete,
            legacy_threshold=out.legacy_threshold,
        )


def _encode(settings: TeamSettings) -> dict[str, str]:
    return {
        ARCHIVE_KEY: "1" if settings.archive_instead_of_delete else "0",
        LIKELY_KEY: repr(float(settings.review_threshold)),
        PRECISION_KEY: "" if settings.likely_precision is None else repr(settings.likely_precision),
        POSSIBLE_KEY: repr(float(settings.possible_threshold)),
        BURST_KEY: str(int(settings.burst_minutes)),
        WEIGHTS_KEY: json.dumps(settings.weights, sort_keys=True),
    }


def read_team_settings(session: Session) -> TeamSettings:
    rows = session.scalars(select(WorkspaceMeta).where(WorkspaceMeta.key.in_(KEYS)))
    return _decode({row.key: row.value for row in rows})


def load_team_settings(ws: Workspace) -> TeamSettings:
    """The team's settings; the defaults for what was never saved."""
    with ws.session() as session:
        return read_team_settings(session)


def save_team_settings(ws: Workspace, settings: TeamSettings, operator_id: int) -> int | None:
    """Store ``settings`` for the team as ``operator_id`` (a supervisor).

    ``RightsError`` when the operator is not a supervisor, ``KnownError`` for a
    value out of range; nothing written either way.  Returns the id of the
    ``TEAM_SETTINGS`` event, or None when nothing changed.
    """
    settings = validate(settings)
    with write_session(ws) as session:
        operator = active_operator(session, operator_id)
        if not operator.can_undo:
            params = {"operator": operator.full_name}
            raise fail(RightsError, Message(CONTEXT, MSG_NOT_SUPERVISOR, params))
        current = read_team_settings(session)
        what = settings.describe_changes(current)
        if not what:
            return None
        existing = {
            row.key: row
            for row in session.scalars(select(WorkspaceMeta).where(WorkspaceMeta.key.in_(KEYS)))
        }
        before = [row_dict(row) for row in existing.values()]
        rows = []
        for key, value in _encode(settings).items():
            row = existing.get(key)
            if row is None:
                row = WorkspaceMeta(key=key, value=value)
                session.add(row)
            else:
                row.value = value
            rows.append(row)
        session.flush()
        left = RowSet()
        left.add("workspace_meta", rows)
        summary = Message(CONTEXT, MSG_CHANGED, {"what": ", ".join(what)})
        event = record_event(
            session,
            kind=EventKind.TEAM_SETTINGS,
            operator_id=operator.id,
            primary_id=None,
            choices={"before": _as_json(current), "after": _as_json(settings)},
            snapshot={"workspace_meta": before, "after": left.to_json()},
            summary=str(summary),
        )
        return event.id


def _as_json(settings: TeamSettings) -> dict[str, Any]:
    return {
        "archive_instead_of_delete": settings.archive_instead_of_delete,
        # Not "review_threshold": that key of older events is a hand-weight score.
        "likely_threshold": settings.review_threshold,
        "likely_precision": settings.likely_precision,
        "possible_threshold": settings.possible_threshold,
        "burst_minutes": settings.burst_minutes,
        "weights": dict(settings.weights),
    }


def team_match_settings(ws: Workspace, personal: MatchSettings) -> MatchSettings:
    """``personal`` with the team's thresholds, burst window and weights, once a
    supervisor saved any; a workspace whose team never did keeps each operator's
    own (as deskdup did before team settings)."""
    with ws.session() as session:
        saved = session.scalar(
            select(WorkspaceMeta.key).where(WorkspaceMeta.key.in_(DETECTION_KEYS)).limit(1)
        )
        if saved is None:
            return personal
        team = read_team_settings(session)
    return replace(
        personal,
        review_threshold=team.review_threshold,
        possible_threshold=team.possible_threshold,
        likely_precision=team.likely_precision,
        burst_minutes=team.burst_minutes,
        weights={**DEFAULT_WEIGHTS, **team.weights},
    )
