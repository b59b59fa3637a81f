"""Full dumps of a workspace's CRM and workspace tables, for tests that compare states."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from deskdup.models import (
    Activity,
    Chat,
    Communication,
    Contact,
    Deal,
    Dismissal,
    Lead,
    WorkspaceMeta,
)

# Contacts too: a bind adds to its contact (and a merge may bind its result).
TABLES = (Lead, Communication, Chat, Activity, Deal, Contact, Dismissal, WorkspaceMeta)


def dump(ws) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every row of every CRM and workspace table but the history itself."""
    out: dict[str, dict[Any, dict[str, Any]]] = {}
    with ws.session() as s:
        for model in TABLES:
            rows = s.execute(select(model.__table__)).mappings().all()
            key = "key" if model is WorkspaceMeta else "id"
            out[model.__tablename__] = {r[key]: dict(r) for r in rows}
    return out
