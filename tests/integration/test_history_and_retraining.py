"""Importing history as training data, and retraining that promotes only a candidate that is not worse."""

import csv
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from classifiers.artifacts import ArtifactStore
from classifiers.datasets import read_dataset, with_file_context
from classifiers.training import metadata, train_queue
from models import AuditEvent, TrainingExample
from triage.proposals.history import import_history
from triage.proposals.learning import retrain
from triage.proposals.sources import DEMO_CORPUS, product_rules

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HEADER = [
    "id",
    "created_utc",
    "closed_utc",
    "status",
    "category",
    "subcategory",
    "team",
    "source",
    "region",
    "address",
    "lat",
    "lon",
    "is_anonymous",
    "description",
]


def write_history(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def row(ident, category, text, created="2025-01-05T10:00:00Z"):
    return [
        ident,
        created,
        "",
        "closed",
        category,
        "",
        "",
        "website",
        "Haarlem",
        "Zijlweg, Haarlem",
        "52.38",
        "4.62",
        "False",
        text,
    ]


def examples_in(session):
    return session.scalar(select(func.count()).select_from(TrainingExample))


def test_history_rows_are_imported_and_bad_rows_named_by_line(session, tmp_path):
    path = write_history(
        tmp_path / "history.csv",
        [
            row("1", "Straatverlichting", "Lamp brandt niet"),
            row("2", "", "Geen categorie"),
            row("3", "Huisafval", ""),
            row("4", "Huisafval", "Container vol", created="not a date"),
            row("5", "Huisafval", "Vuilniszakken naast de container"),
        ],
    )
    result = import_history(session, path, "katwijk", NOW)
    assert (result.imported, result.updated) == (2, 0)
    assert [line for line, _ in result.errors] == [3, 4, 5]
    assert examples_in(session) == 2


def test_importing_again_updates_instead_of_duplicating(session, tmp_path):
    path = write_history(tmp_path / "history.csv", [row("1", "Straatverlichting", "Lamp brandt niet")])
    import_history(session, path, "katwijk", NOW)
    again = import_history(session, path, "katwijk", NOW)
    assert (again.imported, again.updated) == (0, 1)
    assert examples_in(session) == 1


def test_failed_import_leaves_nothing_behind(database, tmp_path):
    path = write_history(
        tmp_path / "history.csv", [row("1", "Straatverlichting", "Lamp brandt niet"), row("2", "Huisafval", "x" * 10)]
    )
    with database.write_session_factory() as session:
        before = examples_in(session)
        import_history(session, path, "katwijk", NOW)
        session.rollback()  # what the CLI's unit of work does when anything raises
        assert examples_in(session) == before


@pytest.fixture(scope="module")
def base_records():
    return read_dataset(DEMO_CORPUS, "demo", with_context=False).records[:700]


def retrain_events(session):
    return session.scalars(select(AuditEvent).where(AuditEvent.action == "classifier.retrained")).all()


def test_first_retrain_promotes_and_logs_its_score(session, tmp_path, base_records):
    store = ArtifactStore(tmp_path / "artifacts")
    decision = retrain(session, store, "queue", base_records, product_rules(), NOW)
    assert decision.promoted and decision.current is None
    assert store.promoted("queue") == decision.candidate
    [event] = retrain_events(session)
    assert event.details["candidate_macro_f1"] == pytest.approx(decision.candidate_macro_f1)


def test_retrain_refuses_a_candidate_worse_than_the_current(session, tmp_path, base_records):
    store = ArtifactStore(tmp_path / "artifacts")
    everything = [r.example for r in with_file_context(base_records)]
    current, metrics = train_queue(everything, product_rules(), choose_rules=False)  # has seen the held-out part
    version = store.save("queue", current, metadata("queue", everything, metrics, "test"), NOW)
    store.promote("queue", version)

    decision = retrain(session, store, "queue", base_records, product_rules(), NOW)

    assert not decision.promoted
    assert decision.candidate_macro_f1 < decision.current_macro_f1
    assert store.promoted("queue") == version
    [event] = retrain_events(session)
    assert event.details["promoted"] is False and event.details["current"] == version


def test_retraining_knows_a_configured_category_without_examples_by_its_name(session, tmp_path, base_records):
    """The municipality's categories come from the database: one without a single example is still learnt."""
    store = ArtifactStore(tmp_path / "artifacts")
    without_animals = [r for r in base_records if r.example.category != "overlast-van-dieren"]

    decision = retrain(session, store, "category", without_animals, product_rules(), NOW)

    candidate = store.load("category", decision.candidate).classifier
    assert candidate.known_by_name_only == {"overlast-van-dieren"}
