"""Destroyed reports leave a stub: tracking code, category, dates, who destroyed it; no text, no personal data.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('destroyed_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tracking_code', sa.String(length=20), nullable=False),
    sa.Column('category_slug', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('destroyed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('destroyed_by', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_destroyed_report')),
    sa.UniqueConstraint('tracking_code', name=op.f('uq_destroyed_report_tracking_code'))
    )
    with op.batch_alter_table('destroyed_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_destroyed_report_destroyed_at'), ['destroyed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('destroyed_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_destroyed_report_destroyed_at'))

    op.drop_table('destroyed_report')
