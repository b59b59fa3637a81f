"""history index: event_leads, and indexes for filtering the history

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 06:50:00

The history is filtered by operator, kind and lead; with 100,000 events those
need indexes.  ``event_leads`` lists the leads each event concerns (the JSON
``other_ids`` cannot be searched portably); it is filled here for the events
already written.  Dismissals made before this revision get a ``dismiss``
event each (grouped by who, when and why), so the history lists them.
"""

import json
import unicodedata
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fold(text: str) -> str:
    # As services.names.fold (a migration does not import the application).
    return unicodedata.normalize("NFC", text.lower()).replace("ё", "е")


def upgrade() -> None:
    op.create_table(
        "event_leads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("search", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["merge_events.id"],
            name=op.f("fk_event_leads_event_id_merge_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_leads")),
        sa.UniqueConstraint("event_id", "role", "record_id", name=op.f("uq_event_leads_event_id")),
    )
    with op.batch_alter_table("event_leads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_leads_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_leads_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_leads_label"), ["label"], unique=False)
    with op.batch_alter_table("merge_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merge_events_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_merge_events_operator_id"), ["operator_id"], unique=False
        )

    bind = op.get_bind()
    leads = {
        row.id: (row.external_id or str(row.id), f"{row.last_name} {row.first_name}")
        for row in bind.execute(
            sa.text("SELECT id, external_id, first_name, last_name FROM leads")
        )
    }
    rows = []
    for event in bind.execute(sa.text("SELECT id, kind, primary_id, other_ids FROM merge_events")):
        others = event.other_ids
        if isinstance(others, str):
            others = json.loads(others or "[]")
        if event.kind == "bind_contact":
            roles = [("primary", event.primary_id)] + [("contact", i) for i in others or []]
        else:
            roles = [("primary", event.primary_id)] + [("other", i) for i in others or []]
        for role, record in roles:
            if record is None:
                continue
            label, name = leads.get(record, (str(record), ""))
            search = _fold(f"{label} {name}" if role != "contact" else label)
            rows.append(
                {"event_id": event.id, "role": role, "record_id": record, "label": label,
                 "search": search}
            )
    dismissals = bind.execute(
        sa.text(
            "SELECT id, lead_a_id, lead_b_id, operator_id, created_at, reason FROM dismissals "
            "ORDER BY id"
        )
    ).all()
    groups: dict = {}
    for d in dismissals:
        groups.setdefault((d.operator_id, str(d.created_at), d.reason), []).append(d)
    events = sa.table(
        "merge_events",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("operator_id", sa.Integer),
        sa.column("created_at", sa.DateTime),
        sa.column("primary_id", sa.Integer),
        sa.column("other_ids", sa.JSON),
        sa.column("choices", sa.JSON),
        sa.column("snapshot", sa.JSON),
        sa.column("summary", sa.Text),
    )
    for (operator_id, _, reason), items in groups.items():
        ids = sorted({i for d in items for i in (d.lead_a_id, d.lead_b_id)})
        created = items[0].created_at
        if isinstance(created, str):
            created = datetime.fromisoformat(created)
        after = {
            "rows": {
                "dismissals": {
                    str(d.id): {
                        "id": d.id,
                        "lead_a_id": d.lead_a_id,
                        "lead_b_id": d.lead_b_id,
                        "operator_id": d.operator_id,
                        "created_at": created.isoformat(),
                        "reason": d.reason,
                    }
                    for d in items
                }
            },
            "absent": {},
        }
        result = bind.execute(
            events.insert().values(
                kind="dismiss",
                operator_id=operator_id,
                created_at=created,
                primary_id=ids[0],
                other_ids=ids[1:],
                choices={"reason": reason},
                snapshot={"pairs": [[d.lead_a_id, d.lead_b_id] for d in items], "after": after},
                summary=f"Marked {len(items)} pair(s) as not duplicates",
            )
        )
        event_id = result.inserted_primary_key[0]
        for n, record in enumerate(ids):
            label, name = leads.get(record, (str(record), ""))
            rows.append(
                {"event_id": event_id, "role": "primary" if n == 0 else "other",
                 "record_id": record, "label": label, "search": _fold(f"{label} {name}")}
            )
    if rows:
        table = sa.table(
            "event_leads",
            sa.column("event_id", sa.Integer),
            sa.column("role", sa.String),
            sa.column("record_id", sa.Integer),
            sa.column("label", sa.String),
            sa.column("search", sa.String),
        )
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.execute("DELETE FROM merge_events WHERE kind IN ('dismiss', 'team_settings')")
    with op.batch_alter_table("merge_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merge_events_operator_id"))
        batch_op.drop_index(batch_op.f("ix_merge_events_kind"))
    op.drop_table("event_leads")
