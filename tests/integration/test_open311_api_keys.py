"""`triage apikeys create|list|revoke`: a key is shown once, stored only as a hash, and stops working when revoked."""

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from models import ApiKey
from triage.cli import main
from triage.open311.api_keys import active_key, create_key, key_hash


def invoke(*args):
    return CliRunner().invoke(main, ["apikeys", *args])


def keys_in(database) -> list[ApiKey]:
    with database.session_factory() as session:
        return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))


def test_created_key_is_printed_once_and_stored_only_as_its_hash(cli_database):
    result = invoke("create", "FixMyStreet")
    assert result.exit_code == 0, result.output
    key = result.output.strip().splitlines()[-1]
    [row] = keys_in(cli_database)
    assert row.name == "FixMyStreet" and row.key_hash == key_hash(key) and row.revoked_at is None
    with cli_database.engine.connect() as connection:
        dump = "\n".join(str(row) for row in connection.exec_driver_sql("SELECT * FROM api_key"))
    assert key not in dump
    with cli_database.session_factory() as session:
        assert active_key(session, key).name == "FixMyStreet"


def test_revoked_key_no_longer_works_and_is_listed_as_revoked(cli_database):
    key = invoke("create", "Buitenbeter").output.strip().splitlines()[-1]
    [row] = keys_in(cli_database)
    result = invoke("revoke", str(row.id))
    assert result.exit_code == 0 and "revoked API key" in result.output
    with cli_database.session_factory() as session:
        assert active_key(session, key) is None
    listing = invoke("list").output
    assert "Buitenbeter" in listing and "revoked" in listing and key not in listing


@pytest.mark.parametrize(
    ("args", "message"),
    [(("create", "   "), "give the client a name"), (("revoke", "999"), "no API key with id 999")],
)
def test_refused_commands_say_why_and_change_nothing(cli_database, args, message):
    result = invoke(*args)
    assert result.exit_code != 0 and message in result.output
    assert keys_in(cli_database) == []


def test_keys_are_random_and_unguessable(session):
    now = datetime.now(UTC)
    keys = {create_key(session, f"client {i}", now)[1] for i in range(5)}
    assert len(keys) == 5 and all(len(key) >= 43 for key in keys)
    assert session.scalar(select(func.count()).select_from(ApiKey)) == 5
    assert active_key(session, "") is None and active_key(session, "x" * 500) is None
