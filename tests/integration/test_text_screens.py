"""The texts screens at /beheer/teksten (administrators only) and the team's status form: a standard text picked
without JavaScript, the mail previewed exactly as it is sent, refusals next to the field with nothing changed, and
a form opened before someone else saved refused as a conflict. On both databases."""

import html
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models import ConfigChange, MailTemplate, OutboxMail, ReportStatus, Role, StandardText
from tests.factories import make_report, make_staff, route_report
from tests.support.web import csrf_token_from, form_token, log_in
from triage.notifications.links import with_base_url

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ADMIN_URLS = [
    ("get", "/beheer/teksten/"),
    ("get", "/beheer/teksten/standaardtekst/nieuw"),
    ("post", "/beheer/teksten/standaardtekst/nieuw"),
    ("get", "/beheer/teksten/mail/done/nl"),
    ("post", "/beheer/teksten/mail/done/nl"),
    ("post", "/beheer/teksten/mail/done/nl/standaard"),
]


@pytest.fixture
def admin(session):
    return make_staff(session, Role.ADMIN, email="beheer@haarlem.example")


@pytest.fixture
def routed(session, tmp_path, officer):
    report = make_report(session, tmp_path, email="bewoner@example.nl", contact_consent=True, now=NOW)
    return route_report(session, report, officer, "simple", now=NOW)


def rows(session) -> tuple[int, int, int]:
    return tuple(
        session.scalar(select(func.count()).select_from(m)) for m in (StandardText, MailTemplate, ConfigChange)
    )


def field_value(page: str, name: str) -> str:
    textarea = re.search(rf'<textarea id="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    return html.unescape(textarea.group(1))


@pytest.mark.parametrize("role", [Role.TEAM_MEMBER, Role.TEAM_LEAD, Role.TRIAGE_OFFICER])
def test_only_administrators_open_the_texts_screens(client, session, role):
    token = form_token(client, "/")
    for method, url in ADMIN_URLS:
        assert getattr(client, method)(url, data={"csrf_token": token}).status_code in (302, 401), url
    log_in(client, make_staff(session, role, email=f"{role.value}@texts.example").email)
    token = form_token(client, "/")
    for method, url in ADMIN_URLS:
        assert getattr(client, method)(url, data={"csrf_token": token}).status_code == 403, (role, url)
    assert "/beheer/teksten/" not in client.get("/").get_data(as_text=True)  # and no menu link to them


def test_an_administrator_writes_a_standard_text_and_a_wrong_one_is_refused_next_to_the_field(client, session, admin):
    log_in(client, admin.email)
    index = client.get("/beheer/teksten/").get_data(as_text=True)
    assert "Standaardteksten" in index and "/beheer/teksten/mail/received/en" in index
    token = form_token(client, "/beheer/teksten/standaardtekst/nieuw")
    form = {"csrf_token": token, "version": "0", "title": "Geleegd", "status": "done", "category_id": "",
            "queue": "", "language": "nl", "body": "Beste {{ naam }}, melding {{ code }} is klaar."}  # fmt: skip
    before = rows(session)
    refused = client.post("/beheer/teksten/standaardtekst/nieuw", data=form)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and rows(session) == before
    assert 'id="body-error-1"' in page and "naam" in page and 'aria-invalid="true"' in page
    assert field_value(page, "body") == form["body"]  # what was typed is kept
    saved = client.post("/beheer/teksten/standaardtekst/nieuw", data=form | {"body": "Melding {{ code }} is klaar."})
    assert saved.status_code == 302
    text = session.scalars(select(StandardText)).one()
    assert (text.title, text.status, text.updated_by) == ("Geleegd", ReportStatus.DONE, admin.email)
    assert "Geleegd" in client.get("/beheer/teksten/").get_data(as_text=True)


def test_a_stale_form_for_a_standard_text_is_a_conflict(client, session, admin):
    log_in(client, admin.email)
    token = form_token(client, "/beheer/teksten/standaardtekst/nieuw")
    form = {
        "csrf_token": token,
        "version": "0",
        "title": "Eerste",
        "status": "done",
        "language": "nl",
        "body": "Klaar.",
    }
    client.post("/beheer/teksten/standaardtekst/nieuw", data=form)
    text = session.scalars(select(StandardText)).one()
    url = f"/beheer/teksten/standaardtekst/{text.id}"
    assert client.post(url, data=form | {"version": "1", "title": "Tweede"}).status_code == 302
    stale = client.post(url, data=form | {"version": "1", "title": "Derde"})
    assert stale.status_code == 409 and "Iemand anders" in stale.get_data(as_text=True)
    session.refresh(text)
    assert text.title == "Tweede"
    stale_delete = client.post(f"{url}/verwijderen", data={"csrf_token": token, "version": "1"})
    assert stale_delete.status_code == 302 and session.get(StandardText, text.id) is not None


def test_a_mail_template_is_previewed_saved_refused_and_restored(client, session, admin):
    log_in(client, admin.email)
    url = "/beheer/teksten/mail/received/nl"
    page = client.get(url).get_data(as_text=True)
    assert "{{ code }}" in page and "Nu in gebruik: de meegeleverde tekst" in page
    form = {"csrf_token": csrf_token_from(page), "version": "0", "subject": "Ontvangen: {{ code }}",
            "body": "Dank u! <b>Tom & Jerry</b>\n{{ status_link }}"}  # fmt: skip
    preview = client.post(url, data=form | {"step": "preview"}).get_data(as_text=True)
    assert "Ontvangen: M-2026-0042" in preview and "Dank u! &lt;b&gt;Tom &amp; Jerry&lt;/b&gt;" in preview
    assert rows(session)[1] == 0  # a preview saves nothing
    before = rows(session)
    refused = client.post(url, data=form | {"step": "save", "body": "{{ naam }}"})
    assert refused.status_code == 422 and "naam" in refused.get_data(as_text=True) and rows(session) == before
    assert client.post(url, data=form | {"step": "save"}).status_code == 302
    assert "Nu in gebruik: uw eigen tekst" in client.get(url).get_data(as_text=True)
    stale = client.post(url, data=form | {"step": "save", "subject": "Oud formulier {{ code }}"})
    assert stale.status_code == 409 and session.scalars(select(MailTemplate)).one().subject == form["subject"]
    assert client.post(f"{url}/standaard", data={"csrf_token": form["csrf_token"], "version": "1"}).status_code == 302
    assert rows(session)[1] == 0
    assert client.get("/beheer/teksten/mail/no_such_mail/nl").status_code == 404
    assert client.get("/beheer/teksten/mail/done/fr").status_code == 404


def test_a_team_member_picks_a_text_without_javascript_previews_and_sends_exactly_that(
    client, session, admin, routed, team_member, app
):
    log_in(client, admin.email)
    token = form_token(client, "/beheer/teksten/standaardtekst/nieuw")
    client.post("/beheer/teksten/standaardtekst/nieuw", data={"csrf_token": token, "version": "0", "title": "Bezig",
                "status": "in_progress", "language": "nl", "body": "We gaan aan de slag met {{ code }}."})  # fmt: skip
    text = session.scalars(select(StandardText)).one()
    client.post("/medewerkers/uitloggen", data={"csrf_token": token})
    log_in(client, team_member.email)
    url = f"/team/melding/{routed.id}"
    form = {"csrf_token": form_token(client, url), "version": str(routed.version), "status": "in_progress"}
    assert 'data-body="We gaan aan de slag met ' in client.get(url).get_data(as_text=True)
    nothing = client.post(f"{url}/status", data=form | {"step": "use", "standard_text": ""})
    assert nothing.status_code == 422 and "Kies eerst een standaardtekst" in nothing.get_data(as_text=True)
    used = client.post(f"{url}/status", data=form | {"step": "use", "standard_text": str(text.id), "message": ""})
    message = field_value(used.get_data(as_text=True), "message")
    assert message == f"We gaan aan de slag met {routed.tracking_code}."
    edited = message + " <script>alert(1)</script> & tot snel"
    preview_page = client.post(f"{url}/status", data=form | {"step": "preview", "message": edited})
    page = preview_page.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    preview_body = html.unescape(re.search(r'<pre class="mail-text" id="preview-body">(.*?)</pre>', page, re.S)[1])
    session.refresh(routed)
    assert routed.status is ReportStatus.TRIAGED  # picking and previewing change nothing
    assert client.post(f"{url}/status", data=form | {"step": "save", "message": edited}).status_code == 302
    sent = session.scalars(select(OutboxMail).where(OutboxMail.kind == "team_message")).one()
    assert preview_body == with_base_url(sent.body, app.config["PUBLIC_BASE_URL"])
    assert edited in sent.body  # plain text: nothing escaped in the mail


def test_the_preview_refuses_a_status_the_member_may_not_choose(client, session, routed, team_member):
    log_in(client, team_member.email)
    url = f"/team/melding/{routed.id}"
    form = {"csrf_token": form_token(client, url), "version": str(routed.version)}
    refused = client.post(f"{url}/status", data=form | {"step": "preview", "status": "reopened", "message": "x"})
    assert refused.status_code == 422 and "Kies een status uit de lijst" in refused.get_data(as_text=True)
