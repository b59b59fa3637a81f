"""Team statistics for supervisors' charts: merges per operator per day, and
candidate groups found vs merged vs dismissed over time.

Days are the operator's local days (``tz``).  A group is *found* on the day
its newest lead arrived (the day it became a duplicate to review): the groups
merged or dismissed since, counted by the day of their newest lead, plus the
groups still open in the queue (``open_groups``, from the window's latest
scan).  *Merged* and *dismissed* count on the day the operator did it, undone
events left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from sqlalchemy import func, select

from deskdup.models import EventKind, EventLead, Lead, MergeEvent, Operator
from deskdup.services.workspace import Workspace


@dataclass(frozen=True)
class TeamStats:
    days: tuple[date, ...]
    # operator name -> merges on each of ``days``
    merges_by_operator: dict[str, tuple[int, ...]]
    found: tuple[int, ...]
    merged: tuple[int, ...]
    dismissed: tuple[int, ...]


def _day(at: datetime, tz: tzinfo | None) -> date:
    return at.replace(tzinfo=UTC).astimezone(tz).date()


def team_stats(
    ws: Workspace,
    since: datetime,
    until: datetime,
    tz: tzinfo | None = None,
    open_groups: Iterable[datetime] = (),
) -> TeamStats:
    """Statistics for ``since`` .. ``until`` (naive UTC); ``open_groups``: each open
    group's newest lead time (naive UTC)."""
    with ws.session() as session:
        events = session.execute(
            select(MergeEvent.id, MergeEvent.kind, MergeEvent.created_at, Operator.full_name)
            .join(Operator, Operator.id == MergeEvent.operator_id)
            .where(
                MergeEvent.kind.in_([EventKind.MERGE_LEADS, EventKind.DISMISS]),
                MergeEvent.undone_by_id.is_(None),
                MergeEvent.created_at >= since,
                MergeEvent.created_at < until,
            )
        ).all()
        newest = dict(
            session.execute(
                select(EventLead.event_id, func.max(Lead.created_at))
                .join(Lead, Lead.id == EventLead.record_id)
                .where(
                    EventLead.event_id.in_(
                        select(MergeEvent.id).where(
                            MergeEvent.kind.in_([EventKind.MERGE_LEADS, EventKind.DISMISS]),
                            MergeEvent.undone_by_id.is_(None),
                        )
                    ),
                    EventLead.role != "contact",
                )
                .group_by(EventLead.event_id)
            ).all()
        )
    first, last = _day(since, tz), _day(until, tz)
    days = tuple(
        date.fromordinal(n) for n in range(first.toordinal(), max(first, last).toordinal() + 1)
    )
    index = {d: i for i, d in enumerate(days)}
    per_operator: dict[str, list[int]] = defaultdict(lambda: [0] * len(days))
    merged, dismissed, found = [0] * len(days), [0] * len(days), Counter()
    for _event_id, kind, at, name in events:
        i = index.get(_day(at, tz))
        if i is None:
            continue
        if kind is EventKind.MERGE_LEADS:
            per_operator[name][i] += 1
            merged[i] += 1
        else:
            dismissed[i] += 1
    for when in [*newest.values(), *open_groups]:
        if when is not None:
            found[_day(when, tz)] += 1
    return TeamStats(
        days=days,
        merges_by_operator={k: tuple(v) for k, v in sorted(per_operator.items())},
        found=tuple(found.get(d, 0) for d in days),
        merged=tuple(merged),
        dismissed=tuple(dismissed),
    )
