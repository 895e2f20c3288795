"""Residents answer a team's question on their status page (text and photos); the team's no-answer reminder.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resident_reply',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_resident_reply_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resident_reply'))
    )
    op.create_index(op.f('ix_resident_reply_report_id'), 'resident_reply', ['report_id'], unique=False)

    op.create_table('reply_photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reply_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('storage_key', sa.String(length=80), nullable=False),
    sa.Column('byte_size', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['reply_id'], ['resident_reply.id'], name=op.f('fk_reply_photo_reply_id_resident_reply')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reply_photo')),
    sa.UniqueConstraint('storage_key', name=op.f('uq_reply_photo_storage_key'))
    )
    op.create_index(op.f('ix_reply_photo_reply_id'), 'reply_photo', ['reply_id'], unique=False)

    op.create_table('no_answer_reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('waiting_since', sa.DateTime(timezone=True), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recipients', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_no_answer_reminder_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_no_answer_reminder')),
    sa.UniqueConstraint('report_id', 'waiting_since', name='uq_no_answer_reminder_report_since')
    )
    op.create_index(op.f('ix_no_answer_reminder_report_id'), 'no_answer_reminder', ['report_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_no_answer_reminder_report_id'), table_name='no_answer_reminder')
    op.drop_table('no_answer_reminder')
    op.drop_index(op.f('ix_reply_photo_reply_id'), table_name='reply_photo')
    op.drop_table('reply_photo')
    op.drop_index(op.f('ix_resident_reply_report_id'), table_name='resident_reply')
    op.drop_table('resident_reply')
