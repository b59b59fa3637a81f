"""live notify: PostgreSQL tells listening windows that the workspace changed

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 10:10:00

After every statement that writes leads, the history, dismissals or review
claims, ``NOTIFY deskdup_changes`` (delivered when the transaction commits,
once per transaction and payload).  Windows ``LISTEN`` and refresh their queue
(``services/live.py``); whoever wrote, deskdup or psql.  SQLite needs nothing:
the windows read ``PRAGMA data_version``.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("leads", "merge_events", "dismissals", "review_claims")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE OR REPLACE FUNCTION deskdup_notify_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('deskdup_changes', TG_TABLE_NAME);
          RETURN NULL;
        END $$
        """
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER deskdup_notify_{table} AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION deskdup_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS deskdup_notify_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS deskdup_notify_change()")
