"""Due times, assignee, status changes and messages.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STATUSES = ("received", "triaged", "in_progress", "waiting_resident", "waiting_external", "done", "cancelled",
            "reopened")


def upgrade() -> None:
    op.create_table(
        "report_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"], name=op.f("fk_report_message_report_id_report")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_message")),
    )
    op.create_index(op.f("ix_report_message_report_id"), "report_message", ["report_id"], unique=False)
    status = sa.Enum(*STATUSES, name="reportstatus", native_enum=False, length=20)
    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("from_status", status, nullable=False),
        sa.Column("to_status", status, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"], name=op.f("fk_status_change_report_id_report")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
    )
    op.create_index(op.f("ix_status_change_report_id"), "status_change", ["report_id"], unique=False)
    for column in ("queue_entered_at", "due_at", "response_due_at"):
        op.add_column("report", sa.Column(column, sa.DateTime(timezone=True), nullable=True))
    # SQLite adds the reference inline; a batch table copy would lose SpatiaLite's geometry set-up.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE report ADD COLUMN assignee_id INTEGER "
            "CONSTRAINT fk_report_assignee_id_staff_user REFERENCES staff_user (id)"
        )
    else:
        op.add_column("report", sa.Column("assignee_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_report_assignee_id_staff_user", "report", "staff_user", ["assignee_id"], ["id"])
    op.create_index("ix_report_assignee_id", "report", ["assignee_id"], unique=False)
    op.create_index("ix_report_due_at", "report", ["due_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_report_due_at", table_name="report")
    op.drop_index("ix_report_assignee_id", table_name="report")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_report_assignee_id_staff_user", "report", type_="foreignkey")
    for column in ("assignee_id", "response_due_at", "due_at", "queue_entered_at"):
        op.drop_column("report", column)
    op.drop_index(op.f("ix_status_change_report_id"), table_name="status_change")
    op.drop_table("status_change")
    op.drop_index(op.f("ix_report_message_report_id"), table_name="report_message")
    op.drop_table("report_message")
