"""search dirty: the database marks the leads whose search names may be stale

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 18:00:00

``deskdup lookup`` keeps the name keys of every lead (``search_names``) and
used to find the stale ones by joining all leads with the kept versions at
every call (a third of a cold lookup at 100,000 leads), which also missed a
plain SQL edit that moved neither the version nor ``updated_at``.  Now every
INSERT, UPDATE or DELETE of a lead, or of a lead's communication (the
nicknames and e-mails names are read from), marks the lead in
``search_dirty``, whoever writes (deskdup, an import, the CRM's own program,
psql); ``services/matching/search.py`` re-reads only the marked leads and
unmarks them, and an empty table is one indexed read.

``n`` counts the marks since the row was made: the refresh removes a row only
when ``n`` is still what it read, so a lead changed again meanwhile stays
marked.

The leads a kept search state already misses (changed since the last lookup)
are marked here, as the old check would have found them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# (table, event, the lead ids the row stands for): ``lead_id`` may be NULL (a
# contact's communication) and an UPDATE may move a communication to another
# lead (a merge), which leaves both marked.
MARKS = (
    ("leads", "INSERT", ("NEW.id",)),
    ("leads", "UPDATE", ("NEW.id", "OLD.id")),
    ("leads", "DELETE", ("OLD.id",)),
    ("communications", "INSERT", ("NEW.lead_id",)),
    ("communications", "UPDATE", ("NEW.lead_id", "OLD.lead_id")),
    ("communications", "DELETE", ("OLD.lead_id",)),
)
# A SELECT with a WHERE, which SQLite's UPSERT needs to parse ``ON CONFLICT``.
UPSERT = (
    "INSERT INTO search_dirty (lead_id, n) SELECT {lead}, 1 WHERE {when} "
    "ON CONFLICT (lead_id) DO UPDATE SET n = search_dirty.n + 1"
)


def _trigger_name(table: str, event: str) -> str:
    return f"deskdup_search_dirty_{table}_{event.lower()}"


def upgrade() -> None:
    op.create_table(
        "search_dirty",
        sa.Column("lead_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("lead_id", name=op.f("pk_search_dirty")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()
    _mark_what_the_kept_names_miss()


def _sqlite_triggers() -> None:
    for table, event, leads in MARKS:
        body = []
        for n, lead in enumerate(leads):
            # The second id of an UPDATE only when it is another lead.
            when = f"{lead} IS NOT NULL" + (f" AND {lead} IS NOT {leads[0]}" if n else "")
            body.append(UPSERT.format(lead=lead, when=when))
        op.execute(
            f"CREATE TRIGGER {_trigger_name(table, event)} AFTER {event} ON {table} "
            f"BEGIN {'; '.join(body)}; END"
        )


def _postgresql_triggers() -> None:
    for table, event, leads in MARKS:
        name = _trigger_name(table, event)
        body = []
        for n, lead in enumerate(leads):
            when = f"{lead} IS NOT NULL" + (f" AND {lead} IS DISTINCT FROM {leads[0]}" if n else "")
            body.append(UPSERT.format(lead=lead, when=when) + ";")
        op.execute(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {' '.join(body)} RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
        )


def _mark_what_the_kept_names_miss() -> None:
    """The old freshness check, once: active leads not kept or kept at another
    version or ``updated_at``, and kept leads no longer active."""
    distinct = "IS DISTINCT FROM" if op.get_bind().dialect.name == "postgresql" else "IS NOT"
    op.execute(
        "INSERT INTO search_dirty (lead_id, n) "
        "SELECT leads.id, 1 FROM leads LEFT JOIN search_leads s ON s.lead_id = leads.id "
        "WHERE NOT leads.archived AND leads.merged_into_id IS NULL "
        "AND EXISTS (SELECT 1 FROM match_state WHERE name = 'search') "
        f"AND (s.lead_id IS NULL OR s.version <> leads.version OR s.updated {distinct} "
        "leads.updated_at) "
        "UNION "
        "SELECT s.lead_id, 1 FROM search_leads s LEFT JOIN leads ON leads.id = s.lead_id "
        "WHERE leads.id IS NULL OR leads.archived OR leads.merged_into_id IS NOT NULL"
    )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, event, _leads in MARKS:
        name = _trigger_name(table, event)
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgresql else ""))
        if postgresql:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_table("search_dirty")
