"""A triaged report runs against its norm; status changes follow the table; waiting for the resident stops the clock."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import AuditEvent, Category, Queue, ReportMessage, ReportStatus, Role
from tests.factories import make_report, route_report
from triage.inbox.decisions import correct
from triage.kernel.refusals import DecisionRefused
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.workflow.transitions import change_status, claim, next_statuses

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=LOCAL_TIME_ZONE)


@pytest.fixture
def triaged(session, tmp_path, staff_by_role):
    """A report triaged on Monday 10:00 into the simple queue as 'container vol' (norm: 3 working days)."""
    report = make_report(session, tmp_path, "Container zit vol", now=MONDAY)
    return route_report(session, report, staff_by_role[Role.TRIAGE_OFFICER], "simple", now=MONDAY)


def test_triage_stores_the_due_time_from_the_category_norm(triaged):
    assert triaged.queue_entered_at == MONDAY
    assert triaged.due_at == datetime(2026, 11, 26, 10, 0, tzinfo=LOCAL_TIME_ZONE)
    assert triaged.response_due_at is None  # the simple queue has no response norm


def test_maatwerk_promises_personal_contact_within_one_working_day(session, triaged, staff_by_role):
    triaged.status = ReportStatus.RECEIVED
    category = session.scalar(select(Category).where(Category.slug == "container-is-vol"))
    correct(session, triaged, staff_by_role[Role.TRIAGE_OFFICER], triaged.version, category.id, "maatwerk", MONDAY)
    assert triaged.queue is Queue.MAATWERK
    assert triaged.response_due_at == datetime(2026, 11, 24, 10, 0, tzinfo=LOCAL_TIME_ZONE)


def test_waiting_for_the_resident_stops_the_clock(session, triaged, staff_by_role):
    member = staff_by_role[Role.TEAM_MEMBER]
    change_status(session, triaged, member, triaged.version, "in_progress", "", MONDAY)
    change_status(
        session,
        triaged,
        member,
        triaged.version,
        "waiting_resident",
        "Welke container bedoelt u?",
        MONDAY + timedelta(days=1),
    )
    change_status(session, triaged, member, triaged.version, "in_progress", "", MONDAY + timedelta(days=2))
    assert triaged.due_at == datetime(2026, 11, 27, 10, 0, tzinfo=LOCAL_TIME_ZONE)
    reasons = session.scalars(
        select(AuditEvent.details).where(AuditEvent.report_id == triaged.id, AuditEvent.action == "due.set")
    ).all()
    assert reasons[-1]["reason"] == "the resident answered: the clock runs again"


def test_done_needs_a_message_for_the_resident(session, triaged, staff_by_role):
    member = staff_by_role[Role.TEAM_MEMBER]
    change_status(session, triaged, member, triaged.version, "in_progress", "", MONDAY)
    with pytest.raises(DecisionRefused) as refusal:
        change_status(session, triaged, member, triaged.version, "done", "  ", MONDAY)
    assert refusal.value.code == "workflow.message_required"
    assert triaged.status is ReportStatus.IN_PROGRESS
    change_status(session, triaged, member, triaged.version, "done", "De container is geleegd.", MONDAY)
    message = session.scalar(select(ReportMessage).where(ReportMessage.report_id == triaged.id))
    assert (triaged.status, message.kind, message.text) == (ReportStatus.DONE, "resident", "De container is geleegd.")


@pytest.mark.parametrize(
    ("role", "target"),
    [
        (Role.TEAM_MEMBER, "done"),
        (Role.TRIAGE_OFFICER, "in_progress"),
        (Role.TEAM_MEMBER, "reopened"),
        (Role.TEAM_MEMBER, "flying"),
    ],
)
def test_transitions_outside_the_table_are_refused_and_change_nothing(session, triaged, staff_by_role, role, target):
    before = (triaged.status, triaged.version)
    with pytest.raises(DecisionRefused) as refusal:
        change_status(session, triaged, staff_by_role[role], triaged.version, target, "bericht", MONDAY)
    assert refusal.value.code == "workflow.not_allowed"
    assert (triaged.status, triaged.version) == before


def test_only_leads_reopen_a_done_report(session, triaged, staff_by_role):
    member, lead = staff_by_role[Role.TEAM_MEMBER], staff_by_role[Role.TEAM_LEAD]
    change_status(session, triaged, member, triaged.version, "in_progress", "", MONDAY)
    change_status(session, triaged, member, triaged.version, "done", "Klaar.", MONDAY)
    assert ReportStatus.REOPENED not in next_statuses(ReportStatus.DONE, member.roles)
    change_status(session, triaged, lead, triaged.version, "reopened", "", MONDAY)
    assert triaged.status is ReportStatus.REOPENED


def test_stale_version_is_a_conflict(session, triaged, staff_by_role):
    with pytest.raises(DecisionRefused) as refusal:
        change_status(session, triaged, staff_by_role[Role.TEAM_MEMBER], triaged.version - 1, "in_progress", "", MONDAY)
    assert refusal.value.code == "triage.conflict"


def test_claiming_assigns_the_report(session, triaged, staff_by_role):
    claim(session, triaged, staff_by_role[Role.TEAM_MEMBER], triaged.version, MONDAY)
    assert triaged.assignee_id == staff_by_role[Role.TEAM_MEMBER].id
