"""A call or visit logged on the team page counts as first personal contact for the response norm."""

from sqlalchemy import select

from models import Queue, Report, ReportMessage, Role
from tests.factories import make_staff
from tests.support.dashboard_history import MAATWERK, History, Staff, local
from tests.support.web import csrf_token_from, log_in


def test_a_logged_call_is_first_contact_and_stays_off_the_residents_page(client, session, officer, tmp_path):
    member = make_staff(session, Role.TEAM_MEMBER, email="maatwerk@haarlem.example", teams=["team-maatwerk"])
    build = History(session, tmp_path, Staff(officer, member, member))
    report = build.report(local(23, 16))
    build.triage(report, MAATWERK, Queue.MAATWERK, local(23, 16))
    session.flush()

    log_in(client, member.email)
    page = client.get(f"/team/melding/{report.id}").get_data(as_text=True)
    form = {"csrf_token": csrf_token_from(page), "version": str(report.version), "note": "Gebeld, morgen langs."}
    refused = client.post(f"/team/melding/{report.id}/notitie", data={**form, "note": " ", "contact": "yes"})
    assert refused.status_code == 302
    session.expire_all()
    assert session.get(Report, report.id).first_contact_at is None  # an empty note changes nothing

    client.post(f"/team/melding/{report.id}/notitie", data={**form, "contact": "yes"})
    session.expire_all()
    stored = session.get(Report, report.id)
    assert stored.first_contact_at is not None and stored.responded_in_norm is False  # due 24 April 16:00
    kinds = session.scalars(select(ReportMessage.kind).where(ReportMessage.report_id == report.id)).all()
    assert kinds == ["contact"]
    status_page = client.get(f"/melding/{stored.status_token}").get_data(as_text=True)
    assert "morgen langs" not in status_page
