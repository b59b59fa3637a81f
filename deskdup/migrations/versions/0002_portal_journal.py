"""portal journal: merges written to a linked Bitrix24 portal, step by step

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 06:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('portal_journal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('primary_external_id', sa.String(length=64), nullable=False),
    sa.Column('other_external_ids', sa.JSON(), nullable=False),
    sa.Column('target', sa.JSON(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=False),
    sa.Column('step', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('requests', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_portal_journal_operator_id_operators')),
    sa.ForeignKeyConstraint(['event_id'], ['merge_events.id'], name=op.f('fk_portal_journal_event_id_merge_events')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portal_journal'))
    )
    with op.batch_alter_table('portal_journal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_portal_journal_state'), ['state'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('portal_journal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_portal_journal_state'))
    op.drop_table('portal_journal')
