"""Read rights apply to everything shown: a trainee sees no data of leads she may not read.

Checked against the database: the names and phones of the leads the trainee
may not read (and no lead she may read shares) are looked for in every text
the queue, the comparison, the lead list and search, and the history give her.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from deskdup.models import Action, Communication, Entity, Lead
from deskdup.services.history import load_page
from deskdup.services.lead_rows import (
    GroupRights,
    load_owners,
    load_queue_facts,
    readable_lead_rows,
)
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.merge import apply_merge
from deskdup.services.merge_plan import build_plan
from deskdup.services.operators import workspace_operator
from deskdup.services.review import HiddenGroup, load_group
from deskdup.services.rights import Owner, allowed
from deskdup.views.formatting import translate_message
from deskdup.views.queue_feed import queue_rows
from deskdup.views.queue_model import Column, QueueModel
from deskdup.views.queue_rows import build_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _secrets(ws, trainee) -> tuple[set[int], set[int], set[str]]:
    """(unreadable ids, readable ids, texts only unreadable leads have) from the database."""
    with ws.session() as s:
        owners = load_owners(s)
        leads = s.execute(
            select(Lead.id, Lead.assigned_id, Lead.last_name, Lead.first_name).where(
                Lead.archived.is_(False)
            )
        ).all()
        phones = s.execute(
            select(Communication.lead_id, Communication.raw_value).where(
                Communication.lead_id.is_not(None)
            )
        ).all()

    def readable(owner_id):
        info = owners.get(owner_id)
        owner = None if owner_id is None else Owner(owner_id, info.department_id if info else None)
        return allowed(trainee, Entity.LEAD, Action.READ, owner)

    hidden = {i for i, owner, *_ in leads if not readable(owner)}
    shown = {i for i, *_ in leads} - hidden
    names = {i: f"{last} {first}".strip() for i, _o, last, first in leads}
    values: dict[int, set[str]] = {}
    for lead_id, raw in phones:
        values.setdefault(lead_id, set()).add(raw)
    # What a readable lead or an operator shows anyway is no secret (a shared phone,
    # "Дмитрий" in the trainee's own name); a full name and a phone are.
    seen = "\n".join(
        [names[i] for i in shown]
        + [v for i in shown for v in values.get(i, ())]
        + [o.name for o in owners.values()]
    )
    secret = {names[i] for i in hidden if " " in names[i]} | {
        _phone(v) or v for i in hidden for v in values.get(i, ()) if len(v) >= 6
    }
    return hidden, shown, {t for t in secret if t not in seen and t not in _digits(seen)}


def _phone(value: str) -> str:
    """A phone's last ten digits: the same phone however it was typed."""
    digits = re.sub(r"\D", "", value)
    return digits[-10:] if len(digits) >= 10 and not re.search(r"[^\d\s()+-]", value) else ""


def _digits(text: str) -> str:
    return re.sub(r"[^\d\n]", "", text)


def _leaks(secrets: set[str], text: str) -> list[str]:
    digits = _digits(text)
    return [s for s in secrets if s in text or (s.isdigit() and s in digits)]


def _texts(model: QueueModel) -> list[str]:
    out = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(r, c).data(role)
                if isinstance(value, str):
                    out.append(value)
    return out


def test_a_trainee_sees_no_data_of_leads_she_may_not_read(qapp, demo_ws):
    trainee = workspace_operator(demo_ws, "trainee")
    hidden, shown, secrets = _secrets(demo_ws, trainee)
    assert hidden and shown and len(secrets) > 50  # the demo has both kinds, many names

    result = MatchIndex.build(demo_ws, MatchSettings()).result()
    mixed = [g for g in result.groups if set(g.lead_ids) & hidden and set(g.lead_ids) & shown]
    assert mixed, "the demo has groups across departments"

    # The queue: every text of every row, tooltips included.
    model = QueueModel()
    model.set_rows(queue_rows(demo_ws, trainee, result))
    texts = "\n".join(_texts(model))
    assert not _leaks(secrets, texts)
    assert "you may not read" in texts  # the hidden lead is there, as whose it is
    # Without the read rights the same rows would show them: the check can fail.
    facts = load_queue_facts(demo_ws, {i for g in result.groups for i in g.lead_ids})
    careless = QueueModel()
    careless.set_rows(build_rows(result.groups, result.summaries, facts.names))
    assert _leaks(secrets, "\n".join(_texts(careless)))
    assert model.index(0, Column.CUSTOMER).data() is not None

    # The comparison: the plan holds only leads she may read; the others are named hidden.
    compared = 0
    for group in mixed[:20]:
        try:
            loaded = load_group(demo_ws, trainee, list(group.lead_ids))
        except HiddenGroup as exc:
            assert not _leaks(secrets, str(exc))
            continue
        compared += 1
        assert set(loaded.plan.lead_ids) <= shown
        assert loaded.hidden and "you may not read" in translate_message(loaded.hidden[0])
        assert loaded.refusals  # not mergeable while a lead is hidden
    assert compared

    # The lead list and its search show only leads she may read.
    assert {row.id for row in readable_lead_rows(demo_ws, trainee)} <= shown

    # The history: a supervisor's merge of leads she may not read is not hers to see.
    supervisor = workspace_operator(demo_ws, "supervisor")
    with demo_ws.session() as s:
        rights = GroupRights(trainee, load_owners(s))
        assert rights.may_read(None) is False
    group = next(g for g in result.groups if set(g.lead_ids) <= hidden)
    with demo_ws.session() as s:
        plan = build_plan(s, list(group.lead_ids))
    apply_merge(demo_ws, plan, supervisor.id)
    page = "\n".join(repr(row) for row in load_page(demo_ws, trainee))
    assert not _leaks(secrets, page)
    assert load_page(demo_ws, supervisor)  # the supervisor sees it
