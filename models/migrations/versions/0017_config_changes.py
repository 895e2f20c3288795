"""Versioned configuration changes: who changed which setting when, before and after, for history and undo.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "config_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("subject_key", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("actor", sa.String(length=254), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("undoes_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["undoes_id"], ["config_change.id"], name=op.f("fk_config_change_undoes_id_config_change")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_config_change")),
        sa.UniqueConstraint("subject", "subject_key", "version", name="uq_config_change_version"),
    )
    with op.batch_alter_table("config_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_config_change_subject"), ["subject"], unique=False)
        batch_op.create_index(batch_op.f("ix_config_change_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("config_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_config_change_at"))
        batch_op.drop_index(batch_op.f("ix_config_change_subject"))
    op.drop_table("config_change")
