"""Report outcomes for the dashboard: resolution and first contact, in working time and against the norm.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

COLUMNS = (
    ('resolved_at', sa.DateTime(timezone=True)),
    ('resolution_seconds', sa.Integer()),
    ('resolved_in_norm', sa.Boolean()),
    ('first_contact_at', sa.DateTime(timezone=True)),
    ('response_seconds', sa.Integer()),
    ('responded_in_norm', sa.Boolean()),
)


def upgrade() -> None:
    # Plain nullable columns: SQLite adds them with ALTER TABLE, without copying the table.
    for name, type_ in COLUMNS:
        op.add_column('report', sa.Column(name, type_, nullable=True))
    op.create_index(op.f('ix_report_resolved_at'), 'report', ['resolved_at'], unique=False)
    op.create_index(op.f('ix_report_first_contact_at'), 'report', ['first_contact_at'], unique=False)
    op.create_index(op.f('ix_proposal_created_at'), 'proposal', ['created_at'], unique=False)
    op.create_index(op.f('ix_status_change_to_status'), 'status_change', ['to_status', 'at'], unique=False)
    op.create_index(op.f('ix_feedback_at'), 'feedback', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_feedback_at'), table_name='feedback')
    op.drop_index(op.f('ix_status_change_to_status'), table_name='status_change')
    op.drop_index(op.f('ix_proposal_created_at'), table_name='proposal')
    op.drop_index(op.f('ix_report_first_contact_at'), table_name='report')
    op.drop_index(op.f('ix_report_resolved_at'), table_name='report')
    with op.batch_alter_table('report') as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
