"""match store: candidate pairs and search names kept between runs (issue 14)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 09:30:00

Derived from the leads (``services/matching/store.py`` and ``search.py``):
the window shows the kept candidates at once instead of scanning at every
start, and ``deskdup lookup`` finds a name without building the match index.
Each table records the version of every lead it reflects; ``match_state``
holds the stamp (settings and code) each was computed with.  Nothing to fill
here: the first scan or lookup fills them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_state",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=80), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_match_state")),
    )
    op.create_table(
        "match_leads",
        sa.Column("lead_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("lead_id", name=op.f("pk_match_leads")),
    )
    op.create_table(
        "match_pairs",
        sa.Column("lead_a", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("lead_b", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("lead_a", "lead_b", name=op.f("pk_match_pairs")),
    )
    op.create_index(op.f("ix_match_pairs_lead_b"), "match_pairs", ["lead_b"], unique=False)
    op.create_table(
        "search_leads",
        sa.Column("lead_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("lead_id", name=op.f("pk_search_leads")),
    )
    op.create_table(
        "search_names",
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.Column("lead_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("kind", "value", "lead_id", name=op.f("pk_search_names")),
    )
    op.create_index(op.f("ix_search_names_lead_id"), "search_names", ["lead_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_search_names_lead_id"), table_name="search_names")
    op.drop_table("search_names")
    op.drop_table("search_leads")
    op.drop_index(op.f("ix_match_pairs_lead_b"), table_name="match_pairs")
    op.drop_table("match_pairs")
    op.drop_table("match_leads")
    op.drop_table("match_state")
