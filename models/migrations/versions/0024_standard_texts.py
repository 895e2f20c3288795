"""Standard texts for a team's message, and the municipality's own templates of resident mails.

Revision ID: 0024
Revises: 0025
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0024"
down_revision = "0025"
branch_labels = None
depends_on = None

STATUSES = (
    "received",
    "triaged",
    "in_progress",
    "waiting_resident",
    "waiting_external",
    "done",
    "cancelled",
    "reopened",
)


def upgrade() -> None:
    op.create_table(
        "standard_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum(*STATUSES, name="reportstatus", native_enum=False, length=20), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column(
            "queue", sa.Enum("simple", "complex", "maatwerk", name="queue", native_enum=False, length=20), nullable=True
        ),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(["category_id"], ["category.id"], name=op.f("fk_standard_text_category_id_category")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standard_text")),
    )
    with op.batch_alter_table("standard_text", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_standard_text_status"), ["status"], unique=False)
    op.create_table(
        "mail_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=254), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_template")),
        sa.UniqueConstraint("name", "language", name="uq_mail_template_name_language"),
    )


def downgrade() -> None:
    op.drop_table("mail_template")
    with op.batch_alter_table("standard_text", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standard_text_status"))
    op.drop_table("standard_text")
