"""A proposal routes on its own only when the product can trust it; otherwise the report waits in the inbox."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from classifiers.proposal import CategoryProposal
from models import AuditEvent, Category, ReportStatus
from tests.factories import CONTAINER_FULL, GROTE_MARKT, category, make_report
from triage.kernel.audit import AuditAction
from triage.proposals import load_classifiers
from triage.proposals.pipeline import category_for, run_proposal

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ROUTES_EVERYTHING = {"category": 0.0, "queue": 0.0}
CLEAR_TEXT = "De lantaarnpaal voor huisnummer 12 brandt niet meer, het is 's avonds heel donker op straat"
FAR_AWAY = (4.6600, 52.3950)


@pytest.fixture
def demo_artifacts(set_up_artifacts):
    """Both classifiers trained on the demo corpus and promoted, as `triage setup` leaves a new install."""
    return set_up_artifacts


def proposal_for(session, tmp_path, classifiers, text, at=GROTE_MARKT):
    report = make_report(session, tmp_path, text, at=at, now=NOW)
    return report, run_proposal(session, classifiers, report.id, NOW)


def test_new_install_trained_on_the_demo_corpus_routes_nothing(session, tmp_path, demo_artifacts):
    classifiers = load_classifiers(demo_artifacts)
    report, proposal = proposal_for(session, tmp_path, classifiers, CLEAR_TEXT)

    assert classifiers.category.metadata["threshold_basis"]["chosen_on"] == "demo"
    assert proposal.needs_person is True and "low_confidence" in proposal.reasons["held_for"]
    assert report.status.awaits_triage


def test_configured_thresholds_route_a_clear_report(session, tmp_path, demo_artifacts):
    report, proposal = proposal_for(session, tmp_path, load_classifiers(demo_artifacts, ROUTES_EVERYTHING), CLEAR_TEXT)

    assert proposal.reasons["held_for"] == [] and proposal.needs_person is False
    assert report.status == ReportStatus.TRIAGED


def test_content_free_text_beside_twenty_earlier_reports_waits_for_a_person(session, tmp_path, demo_artifacts):
    container = session.scalar(select(Category).where(Category.slug == "container-is-vol"))
    for day in range(20):
        earlier = make_report(
            session, tmp_path, "Container zit weer vol", at=FAR_AWAY, now=NOW - timedelta(days=day + 1)
        )
        earlier.category = container
    session.flush()

    report, proposal = proposal_for(
        session, tmp_path, load_classifiers(demo_artifacts, ROUTES_EVERYTHING), "hallo", FAR_AWAY
    )

    assert proposal.needs_person is True and "short_text" in proposal.reasons["held_for"]
    assert proposal.category_confidence <= 0.2
    assert report.status.awaits_triage
    assert not session.scalars(
        select(AuditEvent).where(AuditEvent.report_id == report.id, AuditEvent.action == AuditAction.TRIAGE_AUTO_ROUTED)
    ).all()


def test_report_with_a_duplicate_candidate_waits_for_a_person(session, tmp_path, demo_artifacts):
    make_report(session, tmp_path, CLEAR_TEXT, now=NOW - timedelta(days=2))

    report, proposal = proposal_for(session, tmp_path, load_classifiers(demo_artifacts, ROUTES_EVERYTHING), CLEAR_TEXT)

    assert "duplicate_candidate" in proposal.reasons["held_for"]
    assert report.status.awaits_triage


def test_proposal_without_a_sub_category_waits_for_a_person(session, tmp_path, demo_artifacts):
    classifiers = load_classifiers(demo_artifacts, ROUTES_EVERYTHING)
    classifiers.category.classifier.sub_threshold = 1.01  # no sub-category is ever sure enough

    try:
        report, proposal = proposal_for(session, tmp_path, classifiers, CLEAR_TEXT)
    finally:
        classifiers.category.classifier.sub_threshold = 0.5

    assert proposal.category.parent_id is None and "no_subcategory" in proposal.reasons["held_for"]
    assert report.status.awaits_triage


def test_reasons_name_categories_and_areas_not_their_codes(session, tmp_path, demo_artifacts):
    _, proposal = proposal_for(session, tmp_path, load_classifiers(demo_artifacts), CLEAR_TEXT)

    for reason in proposal.reasons["category"] + proposal.reasons["queue"]:
        assert "WK0" not in reason["text"] and "BU0" not in reason["text"], reason
        if "category" in reason["details"] or "area" in reason["details"]:
            assert reason["details"]["name"], reason


def named(main: str, sub: str | None = None) -> CategoryProposal:
    return CategoryProposal(category=main, confidence=0.9, subcategory=sub)


def test_a_proposed_sub_category_comes_with_its_main_category_in_one_read(session):
    container = category(session)
    main_slug = container.parent.slug
    session.expunge_all()  # nothing of the categories left in the session: what the proposal reads, it reads now
    statements = []

    def seen(_conn, _cursor, statement, *_):
        statements.append(statement)

    event.listen(session.get_bind(), "before_cursor_execute", seen)
    try:
        chosen = category_for(session, named(main_slug, CONTAINER_FULL))
        parent = chosen.parent  # the routing reads it next: already there, not read again
    finally:
        event.remove(session.get_bind(), "before_cursor_execute", seen)
    assert chosen.id == container.id and parent.slug == main_slug
    assert len(statements) == 1


def test_a_retired_or_unknown_category_is_never_proposed(session):
    container = category(session)
    main = container.parent
    assert category_for(session, named(main.slug, "no-such-sub")).id == main.id
    assert category_for(session, named("no-such-main", CONTAINER_FULL)) is None
    assert category_for(session, named(main.slug)).id == main.id
    container.is_active = False
    assert category_for(session, named(main.slug, CONTAINER_FULL)).id == main.id  # an inactive sub: its main waits
    main.is_active = False
    assert category_for(session, named(main.slug, CONTAINER_FULL)) is None
    assert category_for(session, named(main.slug)) is None
    assert category_for(session, None) is None
