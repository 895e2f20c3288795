"""Proposals for stored reports: context from the database, promoted artifacts loaded when the app starts."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from classifiers.artifacts import ArtifactStore
from classifiers.datasets import read_dataset
from classifiers.training import metadata, train_category, train_queue
from models import Category
from tests.factories import GROTE_MARKT, make_report
from triage.proposals.classifying import load_classifiers, propose, report_input
from triage.proposals.sources import DEMO_CORPUS, product_rules

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def artifact_root(tmp_path_factory):
    """Both classifiers trained on part of the demo corpus and promoted, as `make run` leaves them."""
    root = tmp_path_factory.mktemp("artifacts")
    store = ArtifactStore(root)
    examples = read_dataset(DEMO_CORPUS, "demo").examples[:800]
    for task, (classifier, metrics) in {
        "category": train_category(examples),
        "queue": train_queue(examples, product_rules(), choose_rules=False),  # made-up data: choosing measures nothing
    }.items():
        store.promote(task, store.save(task, classifier, metadata(task, examples, metrics, "test")))
    return root


def store_report(session, tmp_path, text, lon_lat=GROTE_MARKT, created=NOW, category_slug=None, email=""):
    report = make_report(session, tmp_path, text, at=lon_lat, now=created, email=email, contact_consent=bool(email))
    if category_slug:
        report.category = session.scalar(
            select(Category).where(Category.slug == category_slug, Category.parent_id.is_not(None))
        )
    session.flush()
    return report


def test_context_counts_earlier_reports_nearby_by_main_category(session, tmp_path):
    for days in (3, 10):
        store_report(
            session,
            tmp_path,
            "Container vol",
            created=NOW - timedelta(days=days),
            category_slug="container-is-vol",
            email="buur@example.nl",
        )
    store_report(session, tmp_path, "Oud", created=NOW - timedelta(days=45), category_slug="container-is-vol")
    store_report(
        session,
        tmp_path,
        "Ver weg",
        lon_lat=(4.6600, 52.3950),
        created=NOW - timedelta(days=1),
        category_slug="container-is-vol",
    )
    report = store_report(session, tmp_path, "Weer vol", created=NOW, email="buur@example.nl")

    values = report_input(session, report, NOW)

    assert values.nearby_50m_30d == {"afval": 2}
    assert values.nearest_open_m["afval"] < 5
    assert values.reporter_reports_90d == 2
    assert values.areas[0] == "wijk:WK039201"
    assert values.channel == "web"


def test_stored_report_gets_category_and_queue_proposals_with_reasons(session, tmp_path, artifact_root):
    classifiers = load_classifiers(artifact_root)
    report = store_report(session, tmp_path, "De lantaarnpaal brandt niet meer, het is heel donker op straat")
    category, queue = propose(classifiers, report_input(session, report, NOW))
    assert category.category in classifiers.category.metadata["labels"]
    assert category.reasons and queue.queue in ("simple", "complex", "maatwerk")


def test_caller_asking_to_be_called_back_goes_to_maatwerk(session, tmp_path, artifact_root):
    classifiers = load_classifiers(artifact_root)
    report = store_report(session, tmp_path, "Container weer vol. Wilt u mij alstublieft terugbellen?")
    _, queue = propose(classifiers, report_input(session, report, NOW))
    assert queue.queue == "maatwerk"
    assert "asks-for-contact" in queue.rules_fired


def test_app_starts_on_the_previous_artifact_when_the_promoted_one_is_corrupt(make_app, artifact_root, tmp_path):
    import shutil

    root = tmp_path / "artifacts"
    shutil.copytree(artifact_root, root)
    store = ArtifactStore(root)
    good = store.promoted("category")
    broken_dir = root / "category" / "20990101-000000-broken"
    shutil.copytree(root / "category" / good, broken_dir)
    (broken_dir / "artifact.joblib").write_bytes(b"not a joblib file")
    store.promote("category", broken_dir.name)

    app = make_app(ARTIFACT_DIR=str(root))

    assert app.extensions["classifiers"].category.version == good


def test_app_without_artifacts_runs_and_says_why(make_app, tmp_path):
    app = make_app(ARTIFACT_DIR=str(tmp_path / "none"))
    classifiers = app.extensions["classifiers"]
    assert classifiers.category is None and classifiers.queue is None
    assert any("no usable promoted category artifact" in problem for problem in classifiers.problems)
    assert app.test_client().get("/").status_code == 200


def test_configured_threshold_overrides_the_artifacts(make_app, artifact_root):
    app = make_app(ARTIFACT_DIR=str(artifact_root), QUEUE_THRESHOLD=0.99)
    assert app.extensions["classifiers"].queue.classifier.threshold == 0.99


def test_a_spot_full_of_reports_gives_the_latest_few_hundred(session, tmp_path):
    """A proposal's surroundings are bounded where reports pile up: the latest NEARBY_LIMIT, not every one."""
    from geo.nearby import NEARBY_LIMIT, reports_near

    oldest = [store_report(session, tmp_path, "Vol", created=NOW - timedelta(days=20, minutes=i)) for i in range(3)]
    latest = [
        store_report(session, tmp_path, "Vol", created=NOW - timedelta(hours=1, minutes=i)) for i in range(NEARBY_LIMIT)
    ]
    lon, lat = GROTE_MARKT
    found = reports_near(session, lon, lat, 250, NOW - timedelta(days=30), NOW)
    assert len(found) == NEARBY_LIMIT
    assert {item.report_id for item in found} == {report.id for report in latest}
    assert not {item.report_id for item in found} & {report.id for report in oldest}
