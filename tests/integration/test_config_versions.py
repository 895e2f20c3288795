"""Versions of the configuration: numbered per setting, conflicts refused, the latest change undone by the
restorer its feature registered (here a stand-in setting kept in a dict, so the kernel is tested alone)."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from models import ConfigChange
from triage.kernel import (
    DecisionRefused,
    EditConflict,
    Subject,
    change_history,
    current_version,
    expect_version,
    record_change,
    register_restorer,
    undo_change,
)

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
SETTINGS: dict[str, dict] = {}


def restore(session, key, snapshot, actor, now):
    if snapshot is None:
        SETTINGS.pop(key, None)
    else:
        SETTINGS[key] = snapshot


@pytest.fixture(autouse=True)
def stand_in_setting():
    """The stand-in replaces the profile's own restorer for these tests only: it is put back after each."""
    from triage.kernel import versions

    owner = versions._RESTORERS.get(Subject.PROFILE)
    register_restorer(Subject.PROFILE, restore)
    SETTINGS.clear()
    yield
    if owner is not None:
        register_restorer(Subject.PROFILE, owner)


def save(session, key, value, seen):
    expect_version(session, Subject.PROFILE, key, seen)
    before = SETTINGS.get(key)
    SETTINGS[key] = value
    summary = f"name {value['name']}"
    return record_change(session, Subject.PROFILE, key, before, value, "admin@example.org", NOW, summary)


def test_versions_count_per_setting_and_a_stale_form_is_refused(session):
    assert current_version(session, Subject.PROFILE, "main") == 0
    save(session, "main", {"name": "A"}, "0")
    save(session, "main", {"name": "B"}, "1")
    save(session, "other", {"name": "X"}, 0)
    assert current_version(session, Subject.PROFILE, "main") == 2
    with pytest.raises(EditConflict) as refused:
        save(session, "main", {"name": "C"}, "1")
    assert refused.value.current == 2 and SETTINGS["main"] == {"name": "B"}
    with pytest.raises(EditConflict):
        expect_version(session, Subject.PROFILE, "main", "not a number")


def test_two_saves_on_the_same_version_collide_in_the_database(session):
    record_change(session, Subject.TEAM, "7", None, {"name": "a"}, "a@example.org", NOW)
    session.add(ConfigChange(subject="team", subject_key="7", version=1, actor="b@example.org", at=NOW, summary=""))
    with pytest.raises(IntegrityError):
        session.flush()


def test_undo_puts_back_the_before_and_is_itself_a_version(session):
    save(session, "main", {"name": "A"}, 0)
    second = save(session, "main", {"name": "B"}, 1)
    undone = undo_change(session, second.id, "lead@example.org", NOW)
    assert SETTINGS["main"] == {"name": "A"}
    assert (undone.version, undone.undoes_id) == (3, second.id)
    assert (undone.before, undone.after) == ({"name": "B"}, {"name": "A"})
    lines = change_history(session, Subject.PROFILE, "main")
    assert [line.change.version for line in lines] == [3, 2, 1]
    assert [line.is_latest for line in lines] == [True, False, False]


def test_undoing_a_creation_removes_it_and_older_changes_cannot_be_undone(session):
    first = save(session, "main", {"name": "A"}, 0)
    save(session, "main", {"name": "B"}, 1)
    count = session.scalar(select(func.count()).select_from(ConfigChange))
    with pytest.raises(DecisionRefused) as refused:
        undo_change(session, first.id, "lead@example.org", NOW)
    assert refused.value.code == "config.undo_not_latest"
    assert SETTINGS["main"] == {"name": "B"}
    assert session.scalar(select(func.count()).select_from(ConfigChange)) == count
    created = save(session, "new", {"name": "N"}, 0)
    undo_change(session, created.id, "lead@example.org", NOW)
    assert "new" not in SETTINGS


def test_unknown_changes_and_subjects_without_restorer_are_refused(session, monkeypatch):
    with pytest.raises(DecisionRefused) as unknown:
        undo_change(session, 987654, "lead@example.org", NOW)
    assert unknown.value.code == "config.undo_unknown"
    change = record_change(session, Subject.ROUTING_RULE, "9", None, {"x": 1}, "a@example.org", NOW)
    from triage.kernel import versions

    # only for this test: the routing rules' own restorer is back for every later test
    monkeypatch.delitem(versions._RESTORERS, Subject.ROUTING_RULE, raising=False)
    with pytest.raises(DecisionRefused) as unsupported:
        undo_change(session, change.id, "lead@example.org", NOW)
    assert unsupported.value.code == "config.undo_unsupported"
