"""Staff sessions end when they should: staff_user.session_version, raised at log-out, when an account is
disabled and when its roles change; a session that began with an older version is logged out.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A server default fills the existing accounts; SQLite adds such a column without copying the table.
    op.add_column('staff_user', sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('staff_user') as batch_op:
        batch_op.drop_column('session_version')
