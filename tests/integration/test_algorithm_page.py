"""The public account of the algorithm (/algoritme): its figures come from the artifacts and officers' decisions.

A small queue classifier is trained here on texts written for this test; its metadata is what the page must
show. The live accuracy is counted from decisions made through the inbox, as officers make them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from classifiers.artifacts import LoadedArtifact
from classifiers.inputs import LabelledReport, ReportInput
from classifiers.rules import RuleSet
from classifiers.training import metadata, train_queue
from models import Queue
from tests.factories import make_proposal, make_report, route_report
from triage.monitoring import live_accuracy
from triage.proposals.classifying import LoadedClassifiers

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
TEXTS = {
    "simple": ["De lamp brandt niet", "Losse tegel op de stoep", "Prullenbak is vol", "Graffiti op de muur"],
    "complex": ["Verzakte weg, er ontstaat een gat", "Boom dreigt om te vallen", "Wateroverlast in de straat"],
    "maatwerk": ["Ik ben boos, niemand reageert, bel mij terug", "Mijn moeder in een rolstoel kan er niet langs"],
}


@pytest.fixture(scope="module")
def queue_artifact():
    examples = [
        LabelledReport(ReportInput(text=f"{text} bij nummer {n}"), category="wegen", queue=queue)
        for queue, texts in TEXTS.items()
        for text in texts
        for n in range(12)
    ]
    classifier, metrics = train_queue(examples, RuleSet([], {}))
    details = {**metadata("queue", examples, metrics, "queue-labels:test.jsonl"), "created": NOW.isoformat()}
    return LoadedArtifact("20250314-120000-test", classifier, details)


def test_the_page_shows_the_promoted_artifacts_held_out_figures_per_queue(make_app, queue_artifact):
    app = make_app()
    app.extensions["classifiers"] = LoadedClassifiers(None, queue_artifact, [])
    page = app.test_client().get("/algoritme").get_data(as_text=True)
    per_class = queue_artifact.metadata["metrics"]["per_class"]
    assert "20250314-120000-test" in page and "queue-labels:test.jsonl" in page
    for queue in ("simple", "complex", "maatwerk"):
        assert f"<td>{per_class[queue]['support']}</td>" in page
        assert f"<td>{per_class[queue]['f1']:.2f}</td>" in page
    assert "Er is nog geen getraind algoritme" in page  # no category artifact: said, not hidden


def test_the_page_without_any_artifact_says_every_report_goes_to_a_person(client):
    response = client.get("/algoritme?lang=en")
    assert response.status_code == 200
    assert response.get_data(as_text=True).count("There is no trained algorithm yet") == 2


def test_every_resident_page_links_to_the_account(client):
    for path in ("/", "/volgen"):
        assert 'href="/algoritme"' in client.get(path).get_data(as_text=True)


def decided(session, tmp_path, proposed: str, chosen: str, at: datetime, officer):
    report = make_report(session, tmp_path, now=at)
    make_proposal(session, report, now=at, queue=Queue(proposed))
    route_report(session, report, officer, queue=chosen, now=at + timedelta(minutes=5))
    return report


def test_live_accuracy_counts_decisions_that_kept_the_proposal_per_month_and_wijk(session, tmp_path, officer):
    decided(session, tmp_path, "simple", "simple", NOW - timedelta(days=40), officer)
    decided(session, tmp_path, "simple", "maatwerk", NOW - timedelta(days=2), officer)
    decided(session, tmp_path, "complex", "complex", NOW - timedelta(days=1), officer)
    live = live_accuracy(session, NOW)
    assert (live.total.decisions, live.total.queue_right, live.total.category_right) == (3, 2, 3)
    assert [(m.label, m.decisions, m.queue_right) for m in live.by_month] == [("2025-02", 1, 1), ("2025-03", 2, 1)]
    assert sum(w.decisions for w in live.by_wijk) == 3


def test_live_accuracy_leaves_out_decisions_older_than_a_year(session, tmp_path, officer):
    decided(session, tmp_path, "simple", "simple", NOW - timedelta(days=400), officer)
    assert live_accuracy(session, NOW).total.decisions == 0


def test_the_page_shows_live_accuracy_from_the_database(make_app, session, tmp_path, officer):
    now = datetime.now(UTC)
    decided(session, tmp_path, "simple", "simple", now - timedelta(days=1), officer)
    decided(session, tmp_path, "simple", "complex", now - timedelta(hours=2), officer)
    page = make_app().test_client().get("/algoritme").get_data(as_text=True)
    assert "medewerkers 2 beslissingen" in page and "klopte 50% van de keren" in page
