"""Index report.split_from_id: deleting a report checks this foreign key, which without an index reads the
whole report table once per deleted report (removing a demo year took minutes).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_report_split_from_id'), 'report', ['split_from_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_report_split_from_id'), table_name='report')
