"""Review claims: the group an operator has open is theirs until they leave it.

Opening a group claims it (``claim``); the window renews the claim while the
group stays open (``heartbeat``, every ``HEARTBEAT_SECONDS``) and releases it
on merge, dismiss, skip or close (``release``).  A claim nobody renews expires
after ``CLAIM_SECONDS``: an operator whose computer died does not block the
group for long.  Another operator's live claim is refused (``ClaimHeld``
names who holds it); a supervisor may take it over.

A group is claimed when any of its leads is in another operator's live claim,
so a rescan that regroups the leads does not lose the claim.  The same code
runs on SQLite (``BEGIN IMMEDIATE`` makes claims one at a time) and
PostgreSQL (row locks, the unique group key, and in team mode a check that a
claim is taken in one's own name: ``team_sql.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from deskdup.models import Operator, ReviewClaim
from deskdup.services.errors import KnownError, fail
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.records import active_operator, utcnow, write_session
from deskdup.services.workspace import Workspace

CONTEXT = "Claims"
CLAIM_SECONDS = 180  # a claim nobody renews is gone after three minutes
HEARTBEAT_SECONDS = 60

MSG_HELD = QT_TRANSLATE_NOOP(
    "Claims", "{name} is reviewing this group (since {since}); it is not offered to you"
)
MSG_BEING_REVIEWED = QT_TRANSLATE_NOOP("Claims", "being reviewed by {name}")


class ClaimHeld(KnownError):
    """Another operator holds a live claim on one of the group's leads."""


@dataclass(frozen=True)
class Holder:
    """Who reviews a lead now."""

    operator_id: int
    name: str
    claimed_at: datetime
    expires_at: datetime
    group_key: str

    def marker(self) -> Message:
        return Message(CONTEXT, MSG_BEING_REVIEWED, {"name": self.name})


def group_key(lead_ids: Iterable[int]) -> str:
    return ",".join(str(i) for i in sorted(set(lead_ids)))


def _lead_ids(key: str) -> list[int]:
    return [int(part) for part in key.split(",") if part]


def _live(session: Session, now: datetime) -> list[tuple[ReviewClaim, str]]:
    rows = session.execute(
        select(ReviewClaim, Operator.full_name)
        .join(Operator, Operator.id == ReviewClaim.operator_id)
        .where(ReviewClaim.expires_at > now)
    )
    return [(claim, name) for claim, name in rows]


def holders(session: Session, now: datetime | None = None) -> dict[int, Holder]:
    """Lead id -> who holds a live claim on it (any operator, oneself included)."""
    now = now or utcnow()
    found: dict[int, Holder] = {}
    for claim, name in _live(session, now):
        holder = Holder(
            claim.operator_id, name, claim.claimed_at, claim.expires_at, claim.group_key
        )
        for lead_id in _lead_ids(claim.group_key):
            found[lead_id] = holder
    return found


def workspace_holders(ws: Workspace) -> dict[int, Holder]:
    with ws.session() as session:
        return holders(session)


def held_by_others(
    holders_by_lead: dict[int, Holder], lead_ids: Sequence[int], operator_id: int
) -> Holder | None:
    """The first other operator holding one of ``lead_ids``, if any."""
    for lead_id in lead_ids:
        holder = holders_by_lead.get(lead_id)
        if holder is not None and holder.operator_id != operator_id:
            return holder
    return None


def claim(
    ws: Workspace,
    lead_ids: Sequence[int],
    operator_id: int,
    *,
    takeover: bool = False,
    seconds: int = CLAIM_SECONDS,
) -> str:
    """Claim the group for ``operator_id``; returns its key.

    Raises ``ClaimHeld`` when another operator's live claim covers one of the
    leads (unless ``takeover`` by a supervisor, which moves it).  The
    operator's own earlier claims are released: one open group at a time.
    """
    key = group_key(lead_ids)
    try:
        return _claim(ws, key, operator_id, takeover, seconds)
    except IntegrityError:
        # Two first claims of one group at once (PostgreSQL): the other won.
        return _claim(ws, key, operator_id, takeover, seconds)


def _claim(ws: Workspace, key: str, operator_id: int, takeover: bool, seconds: int) -> str:
    with write_session(ws) as session:
        operator = active_operator(session, operator_id)
        now = utcnow()
        lead_ids = _lead_ids(key)
        for row in session.scalars(
            select(ReviewClaim).where(ReviewClaim.expires_at > now).with_for_update()
        ):
            if row.operator_id == operator_id or not set(lead_ids) & set(_lead_ids(row.group_key)):
                continue
            if not (takeover and operator.can_undo):
                name = session.get(Operator, row.operator_id)
                params = {
                    "name": name.full_name if name else str(row.operator_id),
                    "since": f"{row.claimed_at:%H:%M} UTC",
                }
                raise fail(ClaimHeld, Message(CONTEXT, MSG_HELD, params), holder=row.operator_id)
            session.delete(row)
        # One open group at a time: the operator's other claims go.
        session.execute(
            delete(ReviewClaim).where(
                ReviewClaim.operator_id == operator_id, ReviewClaim.group_key != key
            )
        )
        session.flush()
        row = session.scalar(select(ReviewClaim).where(ReviewClaim.group_key == key))
        until = now + timedelta(seconds=seconds)
        if row is None:
            session.add(
                ReviewClaim(
                    group_key=key, operator_id=operator_id, claimed_at=now, expires_at=until
                )
            )
        elif row.operator_id != operator_id:  # expired, or taken over
            row.operator_id, row.claimed_at, row.expires_at = operator_id, now, until
        else:
            row.expires_at = until
        session.flush()
    return key


def heartbeat(ws: Workspace, key: str, operator_id: int, seconds: int = CLAIM_SECONDS) -> bool:
    """Renew the claim; False when it is no longer this operator's (taken over, expired)."""
    with write_session(ws) as session:
        now = utcnow()
        row = session.scalar(
            select(ReviewClaim).where(
                ReviewClaim.group_key == key, ReviewClaim.operator_id == operator_id
            )
        )
        if row is None:
            return False
        if row.expires_at <= now:
            # Expired; still ours if nobody else claimed one of its leads since.
            others = holders(session, now)
            if held_by_others(others, _lead_ids(key), operator_id) is not None:
                return False
        row.expires_at = now + timedelta(seconds=seconds)
        return True


def release(ws: Workspace, operator_id: int, key: str | None = None) -> int:
    """Release the operator's claim on ``key`` (or all of theirs); how many went."""
    with write_session(ws) as session:
        query = delete(ReviewClaim).where(ReviewClaim.operator_id == operator_id)
        if key is not None:
            query = query.where(ReviewClaim.group_key == key)
        return int(session.execute(query).rowcount or 0)
