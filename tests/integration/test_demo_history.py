"""`triage seed-demo`: a demo history that the product's own rules could have written, and only ever demo data."""

from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from geoalchemy2.shape import to_shape
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from models import (
    Area,
    AuditEvent,
    Category,
    Correction,
    Feedback,
    Proposal,
    Report,
    ReportMessage,
    ReportStatus,
    StatusChange,
)
from tests.factories import make_report
from triage import demo_history
from triage.cli import main as triage_cli
from triage.demo_history import profile, seeding
from triage.demo_history.corpus import records
from triage.demo_history.store import is_demo
from triage.norms.clock import due_at
from triage.norms.due_times import business_calendar, pauses, resolution_norm, response_norm
from triage.norms.outcomes import working_seconds
from triage.workflow.transitions import TRANSITIONS

NOW = datetime(2026, 3, 16, 11, 30, tzinfo=UTC)  # a Monday morning: some reports are still waiting for triage
SMALL = {"now": NOW, "days": 60, "reports": 300, "seed": 7}
S = ReportStatus


@pytest.fixture
def seeded(session):
    summary = demo_history.seed(session, **SMALL)
    session.flush()
    return summary


def demo_reports(session) -> list[Report]:
    return list(session.scalars(select(Report).where(is_demo()).order_by(Report.id)))


def count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def history(session) -> list[tuple]:
    """What a demo history consists of, without database ids and status tokens, for comparing two runs."""
    reports = [
        (
            r.tracking_code,
            r.description,
            to_shape(r.location).wkt,
            r.buurt.code,
            r.category.slug if r.category else None,
            r.queue,
            r.status,
            r.channel,
            r.created_at,
            r.queue_entered_at,
            r.due_at,
            r.resolved_at,
            r.resolution_seconds,
            r.first_contact_at,
            r.response_seconds,
        )
        for r in demo_reports(session)
    ]
    code = aliased(Report)
    related = []
    for model, columns in (
        (Correction, (Correction.field, Correction.from_value, Correction.to_value, Correction.at)),
        (StatusChange, (StatusChange.from_status, StatusChange.to_status, StatusChange.at, StatusChange.reason)),
        (Feedback, (Feedback.satisfied, Feedback.text, Feedback.at)),
        (Proposal, (Proposal.queue, Proposal.needs_person, Proposal.category_confidence, Proposal.created_at)),
    ):
        query = select(code.tracking_code, *columns).join(code, code.id == model.report_id).where(is_demo(code))
        related.append(sorted(tuple(row) for row in session.execute(query)))
    return [reports, *related]


def test_seeding_writes_the_requested_number_of_reports_with_their_proposals(session, seeded):
    reports = demo_reports(session)
    assert len(reports) == seeded.reports == 300
    assert all(NOW - timedelta(days=60) <= r.created_at < NOW for r in reports)
    assert count(session, Proposal) == seeded.counts.proposals >= 299
    assert count(session, StatusChange) == seeded.counts.status_changes
    assert count(session, ReportMessage) == seeded.counts.messages
    assert count(session, Feedback) == seeded.counts.feedback > 0
    assert {r.status for r in reports} >= {S.DONE, S.IN_PROGRESS}
    assert all(r.tracking_code.startswith("DEMO-") and len(r.tracking_code) <= 20 for r in reports)
    assert len({r.status_token for r in reports}) == 300
    assert all(r.reporter_id is None for r in reports)
    texts = {record.text for record in records()}
    assert all(r.description in texts for r in reports)
    assert count(session, AuditEvent, AuditEvent.action == "demo.seeded") == 1


def test_every_point_lies_in_the_buurt_and_wijk_written_down(session, seeded):
    buurt, wijk = aliased(Area), aliased(Area)
    query = (
        select(func.count())
        .select_from(Report)
        .join(buurt, buurt.id == Report.buurt_id)
        .join(wijk, wijk.id == Report.wijk_id)
        .where(is_demo(), func.ST_Contains(buurt.geom, Report.location), func.ST_Contains(wijk.geom, Report.location))
    )
    assert session.scalar(query) == 300


def test_due_times_and_outcomes_are_what_the_products_clock_gives(session, seeded):
    checked = {"resolved": 0, "contacted": 0}
    for report in demo_reports(session):
        if report.queue_entered_at is None:
            assert report.status is S.RECEIVED and report.due_at is None and report.category is None
            continue
        waits, norm, response = pauses(session, report), resolution_norm(report), response_norm(report)
        assert report.due_at == (due_at(business_calendar(), report.queue_entered_at, norm, waits) if norm else None)
        assert report.response_due_at == (
            due_at(business_calendar(), report.queue_entered_at, response, waits) if response else None
        )
        if report.resolved_at is not None:
            checked["resolved"] += 1
            assert report.status is S.DONE
            assert report.resolution_seconds == working_seconds(session, report, report.resolved_at)
            assert report.resolved_in_norm == (report.resolved_at <= report.due_at)
        if report.first_contact_at is not None:
            checked["contacted"] += 1
            assert report.response_seconds == working_seconds(session, report, report.first_contact_at)
            expected = report.first_contact_at <= report.response_due_at if report.response_due_at else None
            assert report.responded_in_norm == expected
    assert checked["resolved"] > 200 and checked["contacted"] > 200


def test_status_history_follows_the_transition_table_and_the_outcomes(session, seeded):
    for report in demo_reports(session):
        changes = list(
            session.scalars(select(StatusChange).where(StatusChange.report_id == report.id).order_by(StatusChange.at))
        )
        messages = session.scalars(
            select(ReportMessage.at).where(ReportMessage.report_id == report.id).order_by(ReportMessage.at)
        ).all()
        status = S.TRIAGED if report.queue_entered_at else S.RECEIVED  # triage itself is not a status change
        for change in changes:
            assert change.from_status is status and (change.from_status, change.to_status) in TRANSITIONS
            assert change.at > report.queue_entered_at
            if change.to_status in (S.DONE, S.CANCELLED):
                assert change.reason and change.at in messages
            status = change.to_status
        assert report.status is status
        assert report.first_contact_at == (messages[0] if messages else None)
        done = [c.at for c in changes if c.to_status is S.DONE]
        assert report.resolved_at == (done[-1] if report.status is S.DONE else None)


def test_officers_decisions_exist_exactly_for_proposals_a_person_decided(session, seeded):
    automated = decided = 0
    for report in demo_reports(session):
        proposal = session.scalar(select(Proposal).where(Proposal.report_id == report.id))
        corrections = session.scalars(select(Correction).where(Correction.report_id == report.id)).all()
        if proposal is None or report.status is S.RECEIVED:
            assert corrections == []
            continue
        assert proposal.artifacts == {"category": "demo", "queue": "demo"}
        assert proposal.created_at > report.created_at
        if not proposal.needs_person:
            automated += 1
            assert corrections == [] and report.queue_entered_at == proposal.created_at
            assert (proposal.category_id, proposal.queue) == (report.category_id, report.queue)
            continue
        decided += 1
        by_field = {c.field: c for c in corrections}
        assert sorted(by_field) == ["category", "queue"]
        assert by_field["category"].from_value == session.get(Category, proposal.category_id).slug
        assert by_field["category"].to_value == report.category.slug
        assert (by_field["queue"].from_value, by_field["queue"].to_value) == (proposal.queue.value, report.queue.value)
        assert by_field["queue"].at == report.queue_entered_at
    assert automated > 50 and decided > 100


def test_bulk_writes_keep_tabs_newlines_and_backslashes(session, seeded):
    from triage.demo_history import store

    report = demo_reports(session)[0]
    text = "tab\there\nnew line\\N not null\r\\ end"
    row = {"report_id": report.id, "at": NOW, "actor": "x", "kind": "internal", "text": text}
    dialect = session.get_bind().dialect.name
    store.write(session.connection(), store.batch(dialect, ReportMessage.__table__, [row]))
    assert session.scalar(select(ReportMessage.text).where(ReportMessage.actor == "x")) == text


def test_the_same_seed_gives_the_same_history(session, seeded):
    first = history(session)
    again = demo_history.seed(session, **SMALL, replace=True)
    session.expire_all()
    assert again.replaced == 300
    assert history(session) == first


def test_worker_processes_make_the_same_history_as_one_process(session, monkeypatch):
    monkeypatch.setattr(seeding, "CHUNK", 70)
    demo_history.seed(session, **SMALL, workers=0)
    alone = history(session)
    demo_history.seed(session, **SMALL, replace=True, workers=1)
    session.expire_all()
    assert history(session) == alone


def test_replace_removes_only_demo_reports(session, tmp_path):
    real = make_report(session, tmp_path, "Lantaarnpaal brandt niet", now=NOW)
    real_rows = count(session, AuditEvent, AuditEvent.report_id == real.id)
    demo_history.seed(session, **SMALL)
    summary = demo_history.seed(session, **{**SMALL, "reports": 40, "seed": 8}, replace=True)
    assert summary.replaced == 300
    assert count(session, Report, is_demo()) == 40
    assert session.scalar(select(Report.tracking_code).where(Report.id == real.id)) == real.tracking_code
    assert count(session, AuditEvent, AuditEvent.report_id == real.id) == real_rows > 0


def test_seeding_again_without_replace_is_refused_and_changes_nothing(session, seeded):
    before = history(session)
    with pytest.raises(demo_history.DemoDataExists):
        demo_history.seed(session, **SMALL)
    assert history(session) == before


def test_seed_demo_command_refuses_a_second_run_without_replace(cli_database):
    args = ["seed-demo", "--database", cli_database.url, "--days", "30", "--reports", "60", "--seed", "3"]
    first = CliRunner().invoke(triage_cli, args)
    assert first.exit_code == 0, first.output
    assert "60 demo reports" in first.output
    with cli_database.session() as session:
        codes = session.scalars(select(Report.tracking_code).order_by(Report.id)).all()

    refused = CliRunner().invoke(triage_cli, args)
    assert refused.exit_code != 0
    assert "--replace" in refused.output
    with cli_database.session() as session:
        assert session.scalars(select(Report.tracking_code).order_by(Report.id)).all() == codes

    replaced = CliRunner().invoke(triage_cli, [*args, "--replace", "--reports", "20"])
    assert replaced.exit_code == 0, replaced.output
    with cli_database.session() as session:
        assert count(session, Report) == 20


@pytest.fixture
def fresh_app(tmp_path, monkeypatch):
    """An app on a new SQLite file; its classifiers are not trained (not what these tests are about)."""
    from web import create_app

    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setattr("web.cli._train_missing_classifiers", lambda root: None)
    original = demo_history.seed
    monkeypatch.setattr(demo_history, "seed", lambda session, **kw: original(session, **{**kw, "reports": 40}))

    def build(switch: str):
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
        return create_app({"DATABASE_URL": url, "UPLOAD_DIR": str(tmp_path / "up"), "DEMO_HISTORY": switch})

    return build


def reports_in(app) -> int:
    with app.extensions["database"].session_factory() as session:
        return count(session, Report)


def test_setup_gives_an_empty_database_a_demo_history_once(fresh_app):
    app = fresh_app("1")
    first = app.test_cli_runner().invoke(args=["setup"])
    assert first.exit_code == 0, first.output
    assert "DEMO_HISTORY=0" in first.output and reports_in(app) == 40
    again = app.test_cli_runner().invoke(args=["setup"])
    assert again.exit_code == 0 and "Demo history" not in again.output
    assert reports_in(app) == 40
    app.extensions["database"].dispose()


def test_setup_makes_no_demo_history_when_switched_off(fresh_app):
    app = fresh_app("0")
    assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    assert reports_in(app) == 0
    app.extensions["database"].dispose()


def _real_backlog_by_age(days: int) -> list[tuple[dict, float]]:
    """The real open backlog per age band for an even inflow: the share still open times the band's width."""
    bands = profile.aggregates()["open_share_by_age"]
    return [(band, band["share"] * max(0, min(band["to_days"], days) - band["from_days"])) for band in bands]


def test_open_backlog_follows_the_real_share_still_open_by_age(session):
    demo_history.seed(session, now=NOW, days=365, reports=6000, seed=3)
    session.flush()
    ages = [(r, (NOW - r.created_at).days) for r in demo_reports(session)]

    for band, _ in _real_backlog_by_age(365):
        inside = [r for r, age in ages if band["from_days"] <= age < band["to_days"]]
        share = sum(r.status.is_open for r in inside) / len(inside)
        spread = 3 * (band["share"] * (1 - band["share"]) / len(inside)) ** 0.5 + 0.01
        assert abs(share - band["share"]) <= spread, (band, share, len(inside))

    backlog = [(r, age) for r, age in ages if r.status.is_open]
    weights = _real_backlog_by_age(365)
    total = sum(w for _, w in weights)
    surely_late = sum(w for band, w in weights if band["from_days"] >= 61) / total  # older than any norm
    maybe_late = sum(w for band, w in weights if band["from_days"] >= 2) / total  # older than the shortest
    overdue = sum(1 for r, _ in backlog if r.due_at and r.due_at < NOW) / len(backlog)
    assert surely_late - 0.1 <= overdue <= maybe_late, (surely_late, overdue, maybe_late)
