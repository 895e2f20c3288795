"""Indexes for the production path (issue 17): a team's work list by queue, status and due time; a reporter's
earlier reports by e-mail or phone; reports by reporter.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01
"""

from alembic import op


revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_report_queue_status_due_at", "report", ["queue", "status", "due_at"], unique=False)
    op.create_index(op.f("ix_report_reporter_id"), "report", ["reporter_id"], unique=False)
    op.create_index(op.f("ix_reporter_email"), "reporter", ["email"], unique=False)
    op.create_index(op.f("ix_reporter_phone"), "reporter", ["phone"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_reporter_phone"), table_name="reporter")
    op.drop_index(op.f("ix_reporter_email"), table_name="reporter")
    op.drop_index(op.f("ix_report_reporter_id"), table_name="report")
    op.drop_index("ix_report_queue_status_due_at", table_name="report")
