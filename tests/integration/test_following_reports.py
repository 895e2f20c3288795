"""Following someone else's report instead of reporting it again: "already reported?" beside the pin, the
confirmed address, the follower's mail of the original's big moments, stopping, the officers' duplicate, and the
retention run that erases followers' addresses. Nothing of the original resident ever reaches a follower."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import AuditEvent, Follower, OutboxMail, ReportStatus, Role
from tests.factories import GROTE_MARKT, category, make_report, route_report
from tests.support.web import form_token
from triage.inbox.decisions import mark_duplicate
from triage.intake.following import confirm_following, start_following
from triage.intake.privacy import anonymise_expired_contacts
from triage.workflow.transitions import change_status

START = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
THEIR_WORDS = "De lantaarnpaal voor mijn deur bij nummer 12 is kapot"
THEIR_EMAIL = "melder@example.nl"
FOLLOWER = "buurvrouw@example.nl"
TEAM_MESSAGE = "Beste meneer Jansen, de lamp is vervangen."


def in_category(session, report, slug: str, public: bool):
    report.category = category(session, slug)
    report.category.is_public = public
    session.flush()
    return report


@pytest.fixture
def original(session, tmp_path, staff_by_role):
    """An open report about a street light, routed by an officer into a public category, with the resident's address."""
    report = make_report(session, tmp_path, THEIR_WORDS, email=THEIR_EMAIL, contact_consent=True, now=START)
    route_report(session, report, staff_by_role[Role.TRIAGE_OFFICER], "simple", "lantaarnpaal-straatverlichting")
    return in_category(session, report, "lantaarnpaal-straatverlichting", True)


def mails_to(session, address: str) -> list[OutboxMail]:
    return list(session.scalars(select(OutboxMail).where(OutboxMail.to_address == address).order_by(OutboxMail.id)))


def followers(session) -> list[Follower]:
    return list(session.scalars(select(Follower).order_by(Follower.id)))


def ask_to_follow(client, report, email: str = FOLLOWER):
    url = f"/volg-melding/{report.tracking_code}"
    return client.post(url, data={"csrf_token": form_token(client, url), "email": email})


def link_in(mail: OutboxMail, path: str) -> str:
    match = re.search(r"\{base_url\}(" + re.escape(path) + r"[\w-]+)", mail.body)
    assert match, mail.body
    return match.group(1)


def confirm(client, mail: OutboxMail):
    url = link_in(mail, "/volgen-bevestigen/")
    return client.post(url, data={"csrf_token": form_token(client, url)})


def finish(session, report, staff_by_role, message: str = TEAM_MESSAGE):
    member = staff_by_role[Role.TEAM_MEMBER]
    change_status(session, report, member, report.version, "in_progress", "", datetime.now(UTC))
    change_status(session, report, member, report.version, "done", message, datetime.now(UTC))


def test_the_summary_step_shows_open_public_reports_nearby_without_their_words(client, session, report_form, original):
    response = client.post("/melding", data={**report_form, "action": "review"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="already-reported"' in html
    assert f"/volg-melding/{original.tracking_code}" in html and "Straatverlichting" in html
    for secret in (THEIR_WORDS, THEIR_EMAIL, original.status_token):
        assert secret not in html


def test_private_closed_and_far_reports_are_not_offered(client, session, tmp_path, report_form, original):
    private = in_category(
        session, make_report(session, tmp_path, "Overlast buren", now=START), "overige-overlast-door-personen", False
    )
    original.status = ReportStatus.DONE
    far = make_report(session, tmp_path, "Lamp kapot", at=(GROTE_MARKT[0] + 0.01, GROTE_MARKT[1]), now=START)
    in_category(session, far, "lantaarnpaal-straatverlichting", True)
    html = client.post("/melding", data={**report_form, "action": "review"}).get_data(as_text=True)
    assert 'id="already-reported"' not in html
    for report in (private, original):
        assert client.get(f"/volg-melding/{report.tracking_code}").status_code == 404
    assert client.get(f"/volg-melding/{far.tracking_code}").status_code == 200  # on the map, not beside this pin
    assert client.get(f"/kaart/in-de-buurt.json?lat={GROTE_MARKT[1]}&lon={GROTE_MARKT[0]}").json == []


def test_the_forms_script_gets_the_same_nearby_list_as_plain_values(client, original):
    items = client.get(f"/kaart/in-de-buurt.json?lat={GROTE_MARKT[1]}&lon={GROTE_MARKT[0]}").json
    assert [item["code"] for item in items] == [original.tracking_code]
    assert set(items[0]) == {"code", "category", "status", "status_label", "buurt", "reported_on", "follow_url"}
    assert client.get("/kaart/in-de-buurt.json?lat=noord&lon=4").json == []


@pytest.mark.parametrize("typed, code", [("", "follow.email_required"), ("geen-adres", "email.invalid")])
def test_a_bad_address_is_refused_beside_the_field_kept_and_nothing_stored(client, session, original, typed, code):
    response = ask_to_follow(client, original, typed)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="email-error-1"' in html and 'aria-invalid="true"' in html and f'value="{typed}"' in html
    assert followers(session) == [] and mails_to(session, typed) == []


def test_a_follower_confirms_by_the_mailed_link_and_hears_that_the_report_is_done(
    client, session, original, staff_by_role
):
    response = ask_to_follow(client, original)
    assert response.status_code == 303 and response.headers["Location"].endswith("/mail-verstuurd")
    [follower] = followers(session)
    assert follower.confirmed_at is None and follower.email == FOLLOWER
    [confirmation] = mails_to(session, FOLLOWER)
    assert confirmation.kind == "follow_confirm"
    url = link_in(confirmation, "/volgen-bevestigen/")
    assert client.get(url).status_code == 200 and follower.confirmed_at is None  # opening the link is not enough
    assert confirm(client, confirmation).status_code == 200
    session.refresh(follower)
    assert follower.is_active

    finish(session, original, staff_by_role)
    update = mails_to(session, FOLLOWER)[-1]
    assert update.kind == "follower_update" and "is afgehandeld" in update.body and "has been handled" in update.body
    assert f"/volgen?code={original.tracking_code}" in update.body and "/volgen-stoppen/" in update.body
    for secret in (original.status_token, THEIR_WORDS, THEIR_EMAIL, TEAM_MESSAGE, "Jansen"):
        assert secret not in update.body + update.subject
    assert [mail.kind for mail in mails_to(session, THEIR_EMAIL)][-1] == "done"  # the resident's own mail stays


def test_nobody_can_make_another_person_follow_without_the_link(client, session, original, staff_by_role):
    ask_to_follow(client, original)
    finish(session, original, staff_by_role)
    assert [mail.kind for mail in mails_to(session, FOLLOWER)] == ["follow_confirm"]


def test_asking_again_sends_no_second_mail_and_one_row(client, session, original):
    ask_to_follow(client, original)
    confirm(client, mails_to(session, FOLLOWER)[0])
    ask_to_follow(client, original, FOLLOWER.upper())
    assert len(followers(session)) == 1 and len(mails_to(session, FOLLOWER)) == 1


def test_the_stop_link_in_each_mail_ends_the_mail(client, session, original, staff_by_role):
    ask_to_follow(client, original)
    confirm(client, mails_to(session, FOLLOWER)[0])
    finish(session, original, staff_by_role)
    url = link_in(mails_to(session, FOLLOWER)[-1], "/volgen-stoppen/")
    assert client.get(url).status_code == 200 and followers(session)[0].stopped_at is None
    assert client.post(url, data={"csrf_token": form_token(client, url)}).status_code == 200
    count = len(mails_to(session, FOLLOWER))
    lead = staff_by_role[Role.TEAM_LEAD]
    change_status(session, original, lead, original.version, "reopened", "", datetime.now(UTC))
    assert len(mails_to(session, FOLLOWER)) == count and mails_to(session, THEIR_EMAIL)[-1].kind == "reopened"
    stopped = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "follower.stopped")
    assert session.scalar(stopped) == 1


def test_a_wrong_token_or_missing_csrf_changes_nothing(client, session, original):
    assert client.get("/volgen-bevestigen/geen-token").status_code == 404
    ask_to_follow(client, original)
    url = link_in(mails_to(session, FOLLOWER)[0], "/volgen-bevestigen/")
    assert client.post(url, data={}).status_code == 400
    assert followers(session)[0].confirmed_at is None


def test_the_officers_duplicate_makes_its_resident_a_follower_of_the_original(
    client, session, tmp_path, original, staff_by_role
):
    ask_to_follow(client, original, "eerder@example.nl")
    confirm(client, mails_to(session, "eerder@example.nl")[0])
    second = make_report(session, tmp_path, "Lamp kapot", email="tweede@example.nl", contact_consent=True, now=START)
    officer = staff_by_role[Role.TRIAGE_OFFICER]
    mark_duplicate(session, second, officer, second.version, original.tracking_code, datetime.now(UTC))
    page = client.get(f"/melding/{original.status_token}").get_data(as_text=True)
    assert "Aantal mensen die dit meldden: 2. Aantal mensen die de melding volgen: 1." in page
    finish(session, original, staff_by_role)
    assert mails_to(session, "tweede@example.nl")[-1].kind == "follower_update"
    assert mails_to(session, "eerder@example.nl")[-1].kind == "follower_update"


def test_a_duplicates_followers_move_to_the_original(client, session, tmp_path, original, staff_by_role):
    second = make_report(session, tmp_path, "Lamp stuk", at=(GROTE_MARKT[0] + 0.0002, GROTE_MARKT[1]), now=START)
    route_report(session, second, staff_by_role[Role.TRIAGE_OFFICER], "simple", "lantaarnpaal-straatverlichting")
    ask_to_follow(client, second)
    confirm(client, mails_to(session, FOLLOWER)[0])
    second.status = ReportStatus.RECEIVED  # back in the inbox, where the officer sees it is the same
    session.flush()
    mark_duplicate(
        session, second, staff_by_role[Role.TRIAGE_OFFICER], second.version, original.tracking_code, datetime.now(UTC)
    )
    assert [follower.report_id for follower in followers(session)] == [original.id]


def test_retention_erases_a_followers_address_everywhere(client, session, original, staff_by_role):
    ask_to_follow(client, original)
    confirm(client, mails_to(session, FOLLOWER)[0])
    later = datetime.now(UTC) + timedelta(days=400)
    anonymise_expired_contacts(session, later, 365)
    [follower] = followers(session)
    assert follower.email is None and follower.anonymised_at is not None and not follower.is_active
    assert mails_to(session, FOLLOWER) == []
    assert session.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.body.contains(FOLLOWER))) == 0
    finish(session, original, staff_by_role)
    assert session.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.kind == "follower_update")) == 0


def test_following_is_no_update_of_the_request_in_open311(client, session, original):
    url = f"/open311/v2/requests/{original.tracking_code}.json"
    before = client.get(url).json[0]["updated_datetime"]
    follower = start_following(session, original, FOLLOWER, "nl", datetime.now(UTC) + timedelta(days=1))
    confirm_following(session, follower, datetime.now(UTC) + timedelta(days=1))
    assert client.get(url).json[0]["updated_datetime"] == before


def test_the_summary_step_without_any_report_nearby_shows_no_list(client, session, report_form):
    response = client.post("/melding", data={**report_form, "action": "review"})
    assert response.status_code == 200 and 'id="already-reported"' not in response.get_data(as_text=True)
