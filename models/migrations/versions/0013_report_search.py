"""Search over reports: on PostgreSQL a Dutch full-text index and a trigram index on the searched texts, on SQLite
an FTS5 table kept in step with the report by triggers.

The searched texts are the description, the location text and the address; triage/workflow/search.py builds the same
expression (SEARCHED_TEXTS), so a new searched column means a migration that rebuilds these indexes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from alembic import op


revision = '0013'
down_revision = "0012"
branch_labels = None
depends_on = None

SEARCHED = ("description", "location_text", "street", "house_number", "postcode", "place")  # as search.py
POSTGRES_TEXT = " || ' ' || ".join(f"coalesce({name}, '')" for name in SEARCHED)
COLUMNS = ", ".join(SEARCHED)
NEW, OLD = (", ".join(f"{row}.{name}" for name in SEARCHED) for row in ("new", "old"))

SQLITE_UPGRADE = (
    f"CREATE VIRTUAL TABLE report_search USING fts5({COLUMNS}, content='report', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER report_search_insert AFTER INSERT ON report BEGIN "
    f"INSERT INTO report_search (rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "CREATE TRIGGER report_search_delete AFTER DELETE ON report BEGIN "
    f"INSERT INTO report_search (report_search, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    f"CREATE TRIGGER report_search_update AFTER UPDATE OF {COLUMNS} ON report BEGIN "
    f"INSERT INTO report_search (report_search, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO report_search (rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "INSERT INTO report_search (report_search) VALUES ('rebuild')",
)
SQLITE_DOWNGRADE = (
    "DROP TRIGGER report_search_update",
    "DROP TRIGGER report_search_delete",
    "DROP TRIGGER report_search_insert",
    "DROP TABLE report_search",
)
POSTGRES_UPGRADE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX ix_report_search_words ON report USING gin (to_tsvector('dutch'::regconfig, {POSTGRES_TEXT}))",
    f"CREATE INDEX ix_report_search_trigrams ON report USING gin (({POSTGRES_TEXT}) gin_trgm_ops)",
)
POSTGRES_DOWNGRADE = (
    "DROP INDEX ix_report_search_trigrams",
    "DROP INDEX ix_report_search_words",
)


def _run(sqlite: tuple[str, ...], postgres: tuple[str, ...]) -> None:
    for statement in sqlite if op.get_bind().dialect.name == "sqlite" else postgres:
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UPGRADE, POSTGRES_UPGRADE)


def downgrade() -> None:
    _run(SQLITE_DOWNGRADE, POSTGRES_DOWNGRADE)
