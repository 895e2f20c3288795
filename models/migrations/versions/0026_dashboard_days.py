"""The dashboard's figures per day (issue 17): the day rows and their months, the days built, the moments that
went stale, and the triggers that record those moments on every write to a report or a record the figures
count; indexes from which the turnaround percentiles read a period's times per queue.

Revision ID: 0026
Revises: 0021
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = "0026"
down_revision = "0021"
branch_labels = None
depends_on = None

COUNTS = (
    "inflow",
    "resolved",
    "resolved_in_norm",
    "resolved_late",
    "responded",
    "responded_in_norm",
    "responded_late",
    "feedback",
    "feedback_satisfied",
    "feedback_negative",
    "proposed",
    "automated",
    "category_decided",
    "category_accepted",
    "category_corrected",
    "queue_decided",
    "queue_corrected",
)
# table: (its moments, the columns whose change may move a report between days or groups)
WATCHED = {
    "report": (
        ("created_at", "resolved_at", "first_contact_at"),
        (
            "queue",
            "channel",
            "category_id",
            "wijk_id",
            "buurt_id",
            "created_at",
            "resolved_at",
            "resolved_in_norm",
            "first_contact_at",
            "responded_in_norm",
        ),
    ),
    "correction": (("at",), ("report_id", "at", "field", "from_value", "to_value")),
    "feedback": (("at",), ("report_id", "at", "satisfied")),
    "proposal": (("created_at",), ("report_id", "created_at", "needs_person")),
}
# A report that changes group also changes the group of the records counted by their own moment.
RELATED_MOMENTS = (
    "SELECT at FROM correction WHERE report_id = NEW.id"
    " UNION ALL SELECT at FROM feedback WHERE report_id = NEW.id"
    " UNION ALL SELECT created_at FROM proposal WHERE report_id = NEW.id"
)


def upgrade() -> None:
    for table, moment in (("dashboard_day", "day"), ("dashboard_month", "month")):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column(moment, sa.Date(), nullable=False),
            sa.Column("dimension", sa.String(length=20), nullable=False),
            sa.Column("queue", sa.Enum("simple", "complex", "maatwerk", name="queue", native_enum=False, length=20)),
            sa.Column("channel", sa.String(length=20)),
            sa.Column("category_id", sa.Integer()),
            sa.Column("wijk_id", sa.Integer()),
            sa.Column("buurt_id", sa.Integer()),
            *[sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS],
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_{moment}"), table, [moment], unique=False)
    op.create_index("ix_dashboard_day_dimension_day", "dashboard_day", ["dimension", "day"], unique=False)
    op.create_table(
        "dashboard_built_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_dashboard_built_day")),
    )
    op.create_table(
        "dashboard_stale_moment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dashboard_stale_moment")),
    )
    op.create_index(op.f("ix_dashboard_stale_moment_at"), "dashboard_stale_moment", ["at"], unique=False)
    op.create_index(
        "ix_report_resolved_at_queue_seconds", "report", ["resolved_at", "queue", "resolution_seconds"], unique=False
    )
    op.create_index(
        "ix_report_first_contact_at_queue_seconds",
        "report",
        ["first_contact_at", "queue", "response_seconds"],
        unique=False,
    )
    dialect = op.get_bind().dialect.name
    for table, (moments, columns) in WATCHED.items():
        for statement in (_postgres_triggers if dialect == "postgresql" else _sqlite_triggers)(table, moments, columns):
            op.execute(statement)


def _mark(row: str, moments) -> str:
    values = " UNION ALL ".join(f"SELECT {row}.{moment} AS at" for moment in moments)
    return f"INSERT INTO dashboard_stale_moment (at) SELECT at FROM ({values}) AS moments WHERE at IS NOT NULL"


def _related() -> str:
    return f"INSERT INTO dashboard_stale_moment (at) SELECT at FROM ({RELATED_MOMENTS}) AS moments WHERE at IS NOT NULL"


def _postgres_triggers(table: str, moments, columns) -> list[str]:
    related = f"IF TG_OP = 'UPDATE' THEN {_related()}; END IF;" if table == "report" else ""
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    return [
        f"""CREATE FUNCTION dashboard_stale_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN {_mark("OLD", moments)}; END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN {_mark("NEW", moments)}; END IF;
    {related}
    RETURN NULL;
END $$""",
        f"CREATE TRIGGER dashboard_stale_{table}_written AFTER INSERT OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION dashboard_stale_{table}()",
        f"CREATE TRIGGER dashboard_stale_{table}_changed AFTER UPDATE ON {table} "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION dashboard_stale_{table}()",
    ]


def _sqlite_triggers(table: str, moments, columns) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    related = f" {_related()};" if table == "report" else ""
    return [
        f"CREATE TRIGGER dashboard_stale_{table}_inserted AFTER INSERT ON {table} "
        f"BEGIN {_mark('NEW', moments)}; END",
        f"CREATE TRIGGER dashboard_stale_{table}_deleted AFTER DELETE ON {table} "
        f"BEGIN {_mark('OLD', moments)}; END",
        f"CREATE TRIGGER dashboard_stale_{table}_changed AFTER UPDATE ON {table} WHEN {changed} "
        f"BEGIN {_mark('OLD', moments)}; {_mark('NEW', moments)};{related} END",
    ]


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in WATCHED:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS dashboard_stale_{table}_written ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS dashboard_stale_{table}_changed ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS dashboard_stale_{table}()")
        else:
            for event in ("inserted", "deleted", "changed"):
                op.execute(f"DROP TRIGGER IF EXISTS dashboard_stale_{table}_{event}")
    op.drop_index("ix_report_first_contact_at_queue_seconds", table_name="report")
    op.drop_index("ix_report_resolved_at_queue_seconds", table_name="report")
    op.drop_index(op.f("ix_dashboard_stale_moment_at"), table_name="dashboard_stale_moment")
    op.drop_table("dashboard_stale_moment")
    op.drop_table("dashboard_built_day")
    op.drop_index(op.f("ix_dashboard_month_month"), table_name="dashboard_month")
    op.drop_table("dashboard_month")
    op.drop_index("ix_dashboard_day_dimension_day", table_name="dashboard_day")
    op.drop_index(op.f("ix_dashboard_day_day"), table_name="dashboard_day")
    op.drop_table("dashboard_day")
