"""Lifecycle statuses: waiting for the resident or an external party, done, cancelled, reopened.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

RENAMED = {"waiting": "waiting_resident", "resolved": "done", "closed": "cancelled"}


def upgrade() -> None:
    for old, new in RENAMED.items():
        op.execute(f"UPDATE report SET status = '{new}' WHERE status = '{old}'")


def downgrade() -> None:
    for old, new in RENAMED.items():
        op.execute(f"UPDATE report SET status = '{old}' WHERE status = '{new}'")
    op.execute("UPDATE report SET status = 'waiting' WHERE status = 'waiting_external'")
    op.execute("UPDATE report SET status = 'in_progress' WHERE status = 'reopened'")
