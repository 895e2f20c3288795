"""The report's address (street, house number, postcode, place), and when a geocoder was asked for it.

A report whose address_sought_at is empty is owed a look-up of the nearest address to its pin (reports from the
API and Open311, and any made while no geocoder answered); the periodic run does it, never a request.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = "0011"
branch_labels = None
depends_on = None

COLUMNS = (
    ('street', sa.String(length=120)),
    ('house_number', sa.String(length=20)),
    ('postcode', sa.String(length=7)),
    ('place', sa.String(length=80)),
    ('address_sought_at', sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    # Plain nullable columns: SQLite adds them with ALTER TABLE, without copying the table.
    for name, type_ in COLUMNS:
        op.add_column('report', sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('report') as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
