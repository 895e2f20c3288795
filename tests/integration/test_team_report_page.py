"""The team's report page gives what is needed to act: where (map, place), photos, the channel in words, the
history as sentences, and the resident's contact details only for the owning team and leads, each look audited."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models import AuditEvent, Feedback, Report, ReportStatus, Role
from tests.factories import jpeg_bytes, make_report, make_staff, route_report
from tests.support.web import csrf_token_from, log_in
from triage.intake import PhotoStore
from triage.intake.photos import prepare_photo
from triage.kernel.audit import AuditAction
from triage.workflow import change_status

EMAIL, PHONE = "bewoner@example.org", "06 1234 5678"


@pytest.fixture
def accounts(session, lead):
    return {
        "member": make_staff(
            session,
            Role.TEAM_MEMBER,
            email="eenvoudig@haarlem.example",
            name="Sanne de Vries",
            teams=["team-eenvoudig"],
        ),
        "other": make_staff(session, Role.TEAM_MEMBER, email="complex@haarlem.example", teams=["team-complex"]),
        "maatwerk": make_staff(session, Role.TEAM_MEMBER, email="maatwerk@haarlem.example", teams=["team-maatwerk"]),
        "lead": lead,
        "admin": make_staff(session, Role.ADMIN, email="admin@haarlem.example"),
        "officer": make_staff(session, Role.TRIAGE_OFFICER, email="triage@haarlem.example", name="Olaf Officier"),
    }


def routed(session, upload_dir, accounts, queue="simple", photos=False):
    store = PhotoStore(upload_dir)
    keys = [store.save_draft(prepare_photo(jpeg_bytes(), "a.jpg"))] if photos else []
    report = make_report(
        session, store, "Container zit vol", email=EMAIL, phone=PHONE, contact_consent="yes", photo_keys=keys
    )
    return route_report(session, report, accounts["officer"], queue)


def views(session, report) -> int:
    query = select(func.count()).where(
        AuditEvent.report_id == report.id, AuditEvent.action == AuditAction.CONTACT_VIEWED
    )
    return session.scalar(query)


@pytest.mark.parametrize("who", ["eenvoudig@haarlem.example", "lead@haarlem.example", "admin@haarlem.example"])
def test_owning_team_and_leads_see_contact_links_and_each_look_is_audited(client, session, upload_dir, accounts, who):
    report = routed(session, upload_dir, accounts)
    log_in(client, who)
    page = client.get(f"/team/melding/{report.id}").get_data(as_text=True)
    assert f'href="mailto:{EMAIL}"' in page and 'href="tel:0612345678"' in page
    client.get(f"/team/melding/{report.id}")
    session.expire_all()
    assert views(session, report) == 2


@pytest.mark.parametrize(
    ("who", "url"),
    [("complex@haarlem.example", "/team"), ("triage@haarlem.example", "/team"), ("triage@haarlem.example", "/triage")],
)
def test_other_teams_and_officers_see_no_contact_details_and_nothing_is_written(
    client, session, upload_dir, accounts, who, url
):
    report = routed(session, upload_dir, accounts)
    log_in(client, who)
    response = client.get(f"{url}/melding/{report.id}")
    page = response.get_data(as_text=True)
    assert EMAIL not in page and "tel:" not in page and "mailto:" not in page
    session.expire_all()
    assert views(session, report) == 0


def test_maatwerk_sees_the_phone_first(client, session, upload_dir, accounts):
    report = routed(session, upload_dir, accounts, "maatwerk")
    log_in(client, "maatwerk@haarlem.example")
    page = client.get(f"/team/melding/{report.id}").get_data(as_text=True)
    assert page.index("tel:") < page.index("mailto:")
    simple = routed(session, upload_dir, accounts, "simple")
    log_in(client, "eenvoudig@haarlem.example")
    page = client.get(f"/team/melding/{simple.id}").get_data(as_text=True)
    assert page.index("mailto:") < page.index("tel:")


def test_page_shows_map_place_photos_and_channel_in_words(client, session, upload_dir, accounts):
    report = routed(session, upload_dir, accounts, photos=True)
    log_in(client, "eenvoudig@haarlem.example")
    page = client.get(f"/team/melding/{report.id}").get_data(as_text=True)
    assert 'id="report-map"' in page and "data-pin=" in page and "js/team-report.js" in page
    assert "via het meldformulier op de website" in page
    assert report.buurt.name in page
    with client.get(f"/team/melding/{report.id}/foto/1?variant=thumb") as thumb:
        assert thumb.status_code == 200 and thumb.mimetype == "image/jpeg"
    with client.get(f"/team/melding/{report.id}/foto/1") as full:
        assert full.status_code == 200 and full.mimetype == "image/jpeg"
    assert client.get(f"/team/melding/{report.id}/foto/9").status_code == 404


def test_another_team_cannot_open_the_photos(client, session, upload_dir, accounts):
    report = routed(session, upload_dir, accounts, photos=True)
    log_in(client, "complex@haarlem.example")
    with client.get(f"/team/melding/{report.id}/foto/1") as response:
        assert response.status_code == 403


def test_history_reads_as_sentences_with_who_acted(client, session, upload_dir, accounts):
    report = routed(session, upload_dir, accounts)
    change_status(session, report, accounts["member"], report.version, "in_progress", "", datetime.now(UTC))
    change_status(session, report, accounts["member"], report.version, "done", "Geleegd, dank u.", datetime.now(UTC))
    session.flush()
    log_in(client, "eenvoudig@haarlem.example")
    page = client.get(f"/team/melding/{report.id}").get_data(as_text=True)
    history = page[page.index('id="history"') :]
    assert "Status: In behandeling -&gt; Afgehandeld, door Sanne de Vries, met bericht: “Geleegd, dank u.”" in history
    assert "Voorstel aangepast naar" in history and "door Olaf Officier" in history
    assert "status.changed" not in history and "eenvoudig@haarlem.example" not in history
    english = client.get(f"/team/melding/{report.id}?lang=en").get_data(as_text=True)
    assert "Status: Being handled -&gt; Handled, by Sanne de Vries" in english


@pytest.fixture
def reopen_asked(session, upload_dir, accounts):
    report = routed(session, upload_dir, accounts)
    change_status(session, report, accounts["member"], report.version, "in_progress", "", datetime.now(UTC))
    change_status(session, report, accounts["member"], report.version, "done", "Geleegd.", datetime.now(UTC))
    session.add(
        Feedback(report_id=report.id, at=datetime.now(UTC), satisfied=False, text="Nog vol", reopen_requested=True)
    )
    session.flush()
    return report


def test_reopen_request_goes_to_who_can_reopen(client, session, accounts, reopen_asked):
    log_in(client, "eenvoudig@haarlem.example")
    assert reopen_asked.tracking_code not in client.get("/team/simple").get_data(as_text=True)
    page = client.get(f"/team/melding/{reopen_asked.id}").get_data(as_text=True)
    assert "Alleen een teamleider kan de melding heropenen" in page and 'id="reopen-form"' not in page
    log_in(client, "lead@haarlem.example")
    assert reopen_asked.tracking_code in client.get("/team/simple").get_data(as_text=True)
    page = client.get(f"/team/melding/{reopen_asked.id}").get_data(as_text=True)
    assert 'id="reopen-form"' in page
    session.expire_all()
    client.post(
        f"/team/melding/{reopen_asked.id}/status",
        data={
            "csrf_token": csrf_token_from(page),
            "version": session.get(Report, reopen_asked.id).version,
            "status": "reopened",
            "message": "We kijken opnieuw.",
        },
    )
    session.expire_all()
    assert session.get(Report, reopen_asked.id).status is ReportStatus.REOPENED


def test_a_team_member_cannot_reopen_and_nothing_changes(client, session, accounts, reopen_asked):
    log_in(client, "eenvoudig@haarlem.example")
    page = client.get(f"/team/melding/{reopen_asked.id}").get_data(as_text=True)
    version = reopen_asked.version
    client.post(
        f"/team/melding/{reopen_asked.id}/status",
        data={"csrf_token": csrf_token_from(page), "version": version, "status": "reopened", "message": ""},
    )
    session.expire_all()
    assert session.get(Report, reopen_asked.id).status is ReportStatus.DONE
