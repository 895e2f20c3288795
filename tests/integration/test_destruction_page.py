"""The administrator's page for destroying reports at the end of their keeping period."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from models import DestroyedReport, Report
from tests.factories import make_report
from tests.support.web import csrf_token_from, log_in
from triage.workflow.transitions import change_status

KEEPING_DAYS = 1000
URL = "/beheer/vernietigen"


def closed_long_ago(session, tmp_path, admin, description="Losse stoeptegel"):
    closed_at = datetime.now(UTC) - timedelta(days=KEEPING_DAYS + 5)
    report = make_report(session, tmp_path, description, now=closed_at - timedelta(days=1))
    change_status(session, report, admin, report.version, "cancelled", "Dubbel gemeld.", closed_at)
    session.flush()
    return report


def reports(session) -> int:
    return session.scalar(select(func.count()).select_from(Report))


def test_the_page_is_for_admins_only_and_says_when_destruction_is_off(client, staff_by_role):
    log_in(client, "team_lead@haarlem.example")
    assert client.get(URL).status_code == 403
    log_in(client, "admin@haarlem.example")
    assert "Vernietigen staat uit" in client.get(URL).get_data(as_text=True)


def test_an_admin_sees_the_due_list_and_destroys_it_on_confirmation(make_app, session, tmp_path, staff_by_role):
    client = make_app(REPORT_DESTRUCTION_DAYS=KEEPING_DAYS).test_client()
    old = closed_long_ago(session, tmp_path, staff_by_role["admin"])
    log_in(client, "admin@haarlem.example")
    page = client.get(URL).get_data(as_text=True)
    assert old.tracking_code in page and "1 meldingen kunnen worden vernietigd" in page

    form = {"csrf_token": csrf_token_from(page), "fingerprint": fingerprint_in(page)}
    done = client.post(URL, data=form, follow_redirects=True).get_data(as_text=True)

    assert "1 meldingen zijn vernietigd" in done
    assert session.scalar(select(Report).where(Report.tracking_code == old.tracking_code)) is None
    assert session.scalar(select(DestroyedReport.tracking_code)) == old.tracking_code


def test_a_list_that_changed_since_it_was_shown_is_refused_and_nothing_is_destroyed(
    make_app, session, tmp_path, staff_by_role
):
    client = make_app(REPORT_DESTRUCTION_DAYS=KEEPING_DAYS).test_client()
    closed_long_ago(session, tmp_path, staff_by_role["admin"])
    log_in(client, "admin@haarlem.example")
    page = client.get(URL).get_data(as_text=True)
    closed_long_ago(session, tmp_path, staff_by_role["admin"], "Nog een tegel")
    before = reports(session)

    form = {"csrf_token": csrf_token_from(page), "fingerprint": fingerprint_in(page)}
    refused = client.post(URL, data=form)

    assert refused.status_code == 409
    assert "De lijst is veranderd" in refused.get_data(as_text=True)
    assert reports(session) == before
    assert session.scalar(select(func.count()).select_from(DestroyedReport)) == 0


def test_a_confirmation_without_csrf_token_is_refused(make_app, session, tmp_path, staff_by_role):
    client = make_app(REPORT_DESTRUCTION_DAYS=KEEPING_DAYS).test_client()
    closed_long_ago(session, tmp_path, staff_by_role["admin"])
    log_in(client, "admin@haarlem.example")
    page = client.get(URL).get_data(as_text=True)
    before = reports(session)

    assert client.post(URL, data={"fingerprint": fingerprint_in(page)}).status_code == 400
    assert reports(session) == before


def fingerprint_in(page: str) -> str:
    return page.split('name="fingerprint" value="', 1)[1].split('"', 1)[0]
