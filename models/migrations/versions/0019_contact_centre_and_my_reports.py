"""The contact centre records who took a resident's consent; residents get a short-lived link to their reports and
may ask for their data to be erased.

Revision ID: 0019
Revises: 0024
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0019"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reporter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_taken_by", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("consent_channel", sa.String(length=20), nullable=True))
    op.create_table(
        "resident_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident_link")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_resident_link_token_digest")),
    )
    with op.batch_alter_table("resident_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resident_link_email"), ["email"], unique=False)
    op.create_table(
        "erasure_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.String(length=120), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reports_erased", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_request")),
    )
    with op.batch_alter_table("erasure_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_erasure_request_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_erasure_request_requested_at"), ["requested_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("erasure_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasure_request_requested_at"))
        batch_op.drop_index(batch_op.f("ix_erasure_request_email"))
    op.drop_table("erasure_request")
    with op.batch_alter_table("resident_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_link_email"))
    op.drop_table("resident_link")
    with op.batch_alter_table("reporter", schema=None) as batch_op:
        batch_op.drop_column("consent_channel")
        batch_op.drop_column("consent_taken_by")
