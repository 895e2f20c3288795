"""Followers of a report: residents who follow someone else's report by e-mail instead of reporting it again.

Revision ID: 0020
Revises: 0023
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0020"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follower",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"], name=op.f("fk_follower_report_id_report")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follower")),
        sa.UniqueConstraint("report_id", "email", name="uq_follower_report_email"),
        sa.UniqueConstraint("token", name=op.f("uq_follower_token")),
    )
    with op.batch_alter_table("follower", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follower_report_id"), ["report_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_follower_created_at"), ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("follower", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follower_created_at"))
        batch_op.drop_index(batch_op.f("ix_follower_report_id"))
    op.drop_table("follower")
