"""Report priority, duplicate-of and split-from links.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds columns with inline references; a batch table copy would lose SpatiaLite's geometry set-up.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE report ADD COLUMN priority VARCHAR(20) DEFAULT 'normal' NOT NULL")
        for column in ("duplicate_of_id", "split_from_id"):
            op.execute(f"ALTER TABLE report ADD COLUMN {column} INTEGER "
                       f"CONSTRAINT fk_report_{column}_report REFERENCES report (id)")
    else:
        op.add_column("report", sa.Column("priority", sa.Enum("normal", "high", name="priority", native_enum=False,
                                                              length=20), server_default="normal", nullable=False))
        for column in ("duplicate_of_id", "split_from_id"):
            op.add_column("report", sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(f"fk_report_{column}_report", "report", "report", [column], ["id"])
    op.create_index("ix_report_duplicate_of_id", "report", ["duplicate_of_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_report_duplicate_of_id", table_name="report")
    if op.get_bind().dialect.name == "sqlite":
        for column in ("split_from_id", "duplicate_of_id", "priority"):
            op.execute(f"ALTER TABLE report DROP COLUMN {column}")
        return
    for column in ("split_from_id", "duplicate_of_id"):
        op.drop_constraint(f"fk_report_{column}_report", "report", type_="foreignkey")
        op.drop_column("report", column)
    op.drop_column("report", "priority")
