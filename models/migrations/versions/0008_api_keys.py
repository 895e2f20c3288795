"""API keys of client systems and what they sent along with a report through Open311.

The new channel value "open311" needs no change: channels are stored as plain strings without a CHECK.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('api_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_key')),
    sa.UniqueConstraint('key_hash', name=op.f('uq_api_key_key_hash'))
    )
    op.create_table('api_submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('media_url', sa.String(length=2000), nullable=True),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_key.id'], name=op.f('fk_api_submission_api_key_id_api_key')),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_api_submission_category_id_category')),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_api_submission_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_submission')),
    sa.UniqueConstraint('report_id', name=op.f('uq_api_submission_report_id'))
    )
    with op.batch_alter_table('api_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_submission_api_key_id'), ['api_key_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('api_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_submission_api_key_id'))

    op.drop_table('api_submission')
    op.drop_table('api_key')
