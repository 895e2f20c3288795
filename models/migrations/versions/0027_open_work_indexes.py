"""Partial indexes for the lists people work from (issue 17): a team's open work by queue and due time, and the
reports waiting for triage by age. Ordered over all reports, both lists read the handled reports first (most of
them) and threw them away.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

# The statuses as models/enums.py has them today; a later change to which statuses are team work must rebuild
# the index in its own migration.
TEAM_WORK = "status IN ('triaged', 'in_progress', 'waiting_resident', 'waiting_external', 'reopened')"
WAITING = "status = 'received'"


def upgrade() -> None:
    for name, columns, condition in (
        ("ix_report_team_work_queue_due_at", ["queue", "due_at", "id"], TEAM_WORK),
        ("ix_report_waiting_created_at", ["created_at", "id"], WAITING),
    ):
        op.create_index(name, "report", columns, postgresql_where=sa.text(condition), sqlite_where=sa.text(condition))


def downgrade() -> None:
    op.drop_index("ix_report_waiting_created_at", table_name="report")
    op.drop_index("ix_report_team_work_queue_due_at", table_name="report")
