"""Routing rules (area and category to owning team and queue) and the routing each report got.

Revision ID: 0022
Revises: 0019
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0022"
down_revision = "0019"
branch_labels = None
depends_on = None

QUEUE = sa.Enum("simple", "complex", "maatwerk", name="queue", native_enum=False, length=20)


def upgrade() -> None:
    op.create_table(
        "routing_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("queue", QUEUE, nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_routing_rule_area_id_area")),
        sa.ForeignKeyConstraint(["category_id"], ["category.id"], name=op.f("fk_routing_rule_category_id_category")),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_routing_rule_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routing_rule")),
        sa.UniqueConstraint("area_id", "category_id", name="uq_routing_rule_area_category"),
    )
    with op.batch_alter_table("routing_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_routing_rule_category_id"), ["category_id"], unique=False)
    op.create_table(
        "report_routing",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("queue", QUEUE, nullable=True),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_report_routing_report_id_report"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_report_routing_team_id_team")),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_report_routing")),
    )


def downgrade() -> None:
    op.drop_table("report_routing")
    with op.batch_alter_table("routing_rule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_routing_rule_category_id"))
    op.drop_table("routing_rule")
