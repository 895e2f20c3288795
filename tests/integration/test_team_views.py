"""Queue teams work their own list, sorted by due time with a timer label; other teams' reports are refused."""

from datetime import UTC, datetime, timedelta

import pytest
from geoalchemy2.shape import to_shape
from sqlalchemy import select

from geo.addresses import readable_location
from models import Category, Queue, Report, ReportStatus, Role
from tests.factories import make_report, make_staff, route_report
from tests.support.web import csrf_token_from, log_in
from triage.workflow import Filters, timer_label, work_list


@pytest.fixture
def accounts(session, lead):
    return {
        "simple": make_staff(session, Role.TEAM_MEMBER, email="eenvoudig@haarlem.example", teams=["team-eenvoudig"]),
        "complex": make_staff(session, Role.TEAM_MEMBER, email="complex@haarlem.example", teams=["team-complex"]),
        "lead": lead,
        "officer": make_staff(session, Role.TRIAGE_OFFICER, email="triage@haarlem.example"),
    }


def triaged_report(session, tmp_path, accounts, text, queue, entered):
    report = make_report(session, tmp_path, text, now=entered)
    return route_report(session, report, accounts["officer"], queue, now=entered)


@pytest.fixture
def simple_reports(session, tmp_path, accounts):
    now = datetime.now(UTC)
    late = triaged_report(session, tmp_path, accounts, "Oude melding, te laat", "simple", now - timedelta(days=20))
    fresh = triaged_report(session, tmp_path, accounts, "Verse melding", "simple", now)
    other = triaged_report(session, tmp_path, accounts, "Complexe melding", "complex", now)
    return late, fresh, other


@pytest.mark.parametrize(
    ("who", "url", "status"),
    [
        (None, "/team/simple", 302),
        ("triage@haarlem.example", "/team/simple", 403),
        ("complex@haarlem.example", "/team/simple", 403),
        ("complex@haarlem.example", "/team/complex", 200),
        ("eenvoudig@haarlem.example", "/team/simple", 200),
        ("lead@haarlem.example", "/team/maatwerk", 200),
        ("eenvoudig@haarlem.example", "/team/spoed", 404),
    ],
)
def test_each_team_sees_only_its_own_queue(client, accounts, who, url, status):
    if who:
        log_in(client, who)
    assert client.get(url).status_code == status


def test_work_list_is_sorted_by_due_time_with_timer_labels(client, accounts, simple_reports):
    late, fresh, other = simple_reports
    log_in(client, "eenvoudig@haarlem.example")
    page = client.get("/team/simple").get_data(as_text=True)
    assert page.index(late.tracking_code) < page.index(fresh.tracking_code)
    assert other.tracking_code not in page
    assert "te laat" in page and "timer-overdue" in page
    assert "Nog 3 werkdagen en 0 uur" in page or "Nog 2 werkdagen" in page


def test_overdue_filter(client, accounts, simple_reports):
    late, fresh, _ = simple_reports
    log_in(client, "eenvoudig@haarlem.example")
    page = client.get("/team/simple?timing=overdue").get_data(as_text=True)
    assert late.tracking_code in page and fresh.tracking_code not in page


def test_team_member_claims_and_closes_with_a_message_the_resident_sees(client, session, accounts, simple_reports):
    _, fresh, _ = simple_reports
    log_in(client, "eenvoudig@haarlem.example")
    url = f"/team/melding/{fresh.id}"

    def post(path, **data):
        token = csrf_token_from(client.get(url).get_data(as_text=True))
        session.expire_all()
        return client.post(
            url + path,
            data={"csrf_token": token, "version": session.get(Report, fresh.id).version, **data},
            follow_redirects=True,
        ).get_data(as_text=True)

    post("/oppakken")
    post("/status", status="in_progress")
    refused = post("/status", status="done", message="")
    assert "Schrijf een bericht aan de melder" in refused
    assert session.get(Report, fresh.id).status is ReportStatus.IN_PROGRESS
    post("/status", status="done", message="De container is geleegd. Dank voor uw melding.")
    session.expire_all()
    report = session.get(Report, fresh.id)
    assert report.status is ReportStatus.DONE and report.assignee_id == accounts["simple"].id
    status_page = client.get(f"/melding/{report.status_token}").get_data(as_text=True)
    assert "De container is geleegd." in status_page and "Afgehandeld" in status_page


def test_another_teams_report_is_refused_and_unchanged(client, session, accounts, simple_reports):
    _, _, other = simple_reports
    log_in(client, "eenvoudig@haarlem.example")
    token = csrf_token_from(client.get("/team/simple").get_data(as_text=True))
    response = client.post(
        f"/team/melding/{other.id}/status",
        data={"csrf_token": token, "version": other.version, "status": "in_progress"},
    )
    assert response.status_code == 403
    session.expire_all()
    assert session.get(Report, other.id).status is ReportStatus.TRIAGED


def test_moving_a_report_restarts_its_clock_with_the_reason(client, session, accounts, simple_reports):
    from models import AuditEvent

    _, fresh, _ = simple_reports
    log_in(client, "lead@haarlem.example")
    url = f"/team/melding/{fresh.id}"
    category = session.scalar(select(Category).where(Category.slug == "container-is-vol"))
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    refused = client.post(
        url + "/verplaatsen",
        data={
            "csrf_token": token,
            "version": fresh.version,
            "category_id": category.id,
            "queue": "complex",
            "reason": "",
        },
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Geef een reden voor het verplaatsen." in refused
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    client.post(
        url + "/verplaatsen",
        data={
            "csrf_token": token,
            "version": fresh.version,
            "category_id": category.id,
            "queue": "complex",
            "reason": "Meerdere keren",
        },
    )
    session.expire_all()
    report = session.get(Report, fresh.id)
    assert report.queue.value == "complex"
    reasons = session.scalars(
        select(AuditEvent.details).where(AuditEvent.report_id == fresh.id, AuditEvent.action == "due.set")
    ).all()
    assert reasons[-1]["reason"] == "moved to complex / container-is-vol: Meerdere keren"


def test_lead_assigns_to_a_member_of_the_owning_team_only(client, session, accounts, simple_reports):
    _, fresh, _ = simple_reports
    log_in(client, "lead@haarlem.example")
    url = f"/team/melding/{fresh.id}"
    for email, expected in (("complex@haarlem.example", None), ("eenvoudig@haarlem.example", accounts["simple"].id)):
        token = csrf_token_from(client.get(url).get_data(as_text=True))
        session.expire_all()
        client.post(
            url + "/toewijzen",
            data={"csrf_token": token, "version": session.get(Report, fresh.id).version, "assignee": email},
        )
        session.expire_all()
        assert session.get(Report, fresh.id).assignee_id == expected


def test_a_work_line_says_what_the_report_itself_says(session, accounts, simple_reports):
    """The list's plain rows against the report's objects: category, place, timer label and the point on the map."""
    late, fresh, _ = simple_reports
    late.category.calendar_days = True  # a calendar-day norm reads in days, from the row as from the object
    session.flush()
    now = datetime.now(UTC)
    lines = {line.id: line for line in work_list(session, Queue.SIMPLE, Filters(), accounts["simple"], now).reports}
    for report in (late, fresh):
        line = lines[report.id]
        assert (line.category_name, line.status, line.priority) == (
            report.category.name,
            report.status,
            report.priority,
        )
        assert line.place == readable_location(report) and line.place.buurt
        assert timer_label(line, now) == timer_label(report, now)
        assert to_shape(line.location).equals(to_shape(report.location))
    assert timer_label(lines[late.id], now).calendar_days
