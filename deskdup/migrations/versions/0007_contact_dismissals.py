"""contact dismissals: pairs of contacts marked "not duplicates"

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 12:55:00

The contact queue (issue 8) had no "not duplicates": a pair of namesakes came
back at every scan.  Contacts get their own table (contact and lead ids are
apart), team-wide like the leads' ``dismissals``.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_a_id", sa.Integer(), nullable=False),
        sa.Column("contact_b_id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["operators.id"],
            name=op.f("fk_contact_dismissals_operator_id_operators"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_dismissals")),
        sa.UniqueConstraint(
            "contact_a_id", "contact_b_id", name=op.f("uq_contact_dismissals_contact_a_id")
        ),
    )
    with op.batch_alter_table("contact_dismissals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_dismissals_contact_a_id"), ["contact_a_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_dismissals_contact_b_id"), ["contact_b_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("contact_dismissals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_dismissals_contact_b_id"))
        batch_op.drop_index(batch_op.f("ix_contact_dismissals_contact_a_id"))
    op.drop_table("contact_dismissals")
