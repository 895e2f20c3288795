"""The municipality profile as an administrator saved it in the screens, over the data folder's municipality.json.

Revision ID: 0025
Revises: 0017
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0025"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "municipality_settings",
        sa.Column("municipality_code", sa.String(length=10), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("municipality_code", name=op.f("pk_municipality_settings")),
    )


def downgrade() -> None:
    op.drop_table("municipality_settings")
