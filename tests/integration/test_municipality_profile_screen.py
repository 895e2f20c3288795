"""The municipality profile screen: an administrator's save applies at the next request (pages, house style, mail,
Open311), bad input is refused next to its field and changes nothing, a stale form is a conflict, and undo puts the
data folder's profile back."""

import io
import re

import pytest
from PIL import Image
from sqlalchemy import select

from models import MunicipalitySettings, OutboxMail, Role
from tests.factories import GROTE_MARKT, HEEMSTEDE, make_report
from tests.support.web import csrf_token_from, log_in, post_multipart
from triage.kernel import Subject, current_version
from triage.reference import load_profile

URL = "/beheer/gemeente/"
VERSION = re.compile(r'name="version" value="([^"]*)"')


@pytest.fixture
def admin(client, staff_by_role):
    log_in(client, staff_by_role[Role.ADMIN].email)
    return client


def shown_form(client) -> dict:
    """The form as the page shows it: every field with its value, as a browser would send it unchanged."""
    page = client.get(URL).get_data(as_text=True)
    profile = load_profile()
    return {
        "csrf_token": csrf_token_from(page),
        "version": VERSION.search(page).group(1),
        "name": profile.name,
        "code": profile.code,
        "open311_jurisdiction": profile.open311_jurisdiction,
        "mail_sender": profile.mail_sender,
        "footer_nl": profile.mail_footer["nl"],
        "footer_en": profile.mail_footer["en"],
        "colour": profile.colour,
        "privacy_url": "",
        "neighbours": "",
    }


def saved_rows(session) -> list:
    return list(session.scalars(select(MunicipalitySettings)))


def test_only_administrators_open_the_profile_screen(client, staff_by_role):
    assert client.get(URL).status_code == 302  # to the log-in page
    log_in(client, staff_by_role[Role.TRIAGE_OFFICER].email)
    assert client.get(URL).status_code == 403


def test_a_save_shows_at_the_next_request_in_pages_house_style_and_open311(admin, session):
    form = shown_form(admin) | {
        "name": "Spaarnestad",
        "colour": "#1d4f91",
        "open311_jurisdiction": "spaarnestad.nl",
        "privacy_url": "https://www.spaarnestad.example/privacy",
    }
    assert admin.post(URL, data=form).status_code == 302
    page = admin.get("/").get_data(as_text=True)
    assert "– Gemeente Spaarnestad</title>" in page
    assert 'href="https://www.spaarnestad.example/privacy"' in page
    assert "--brand: #1d4f91;" in admin.get("/huisstijl.css").get_data(as_text=True)
    assert "Spaarnestad" in admin.get("/open311/v2/discovery.json").json["contact"]
    assert admin.get("/open311/v2/services.json?jurisdiction_id=spaarnestad.nl").status_code == 200
    assert current_version(session, Subject.PROFILE, load_profile().code) == 1


def test_the_next_resident_mail_carries_the_saved_footer(admin, session, upload_dir):
    form = shown_form(admin) | {"footer_nl": "Gemeente Spaarnestad – Buitenruimte"}
    assert admin.post(URL, data=form).status_code == 302
    make_report(session, upload_dir, email="bewoner@example.org", contact_consent=True)
    mail = session.scalars(select(OutboxMail).order_by(OutboxMail.id.desc())).first()
    assert mail.body.rstrip().endswith("Gemeente Spaarnestad – Buitenruimte")


REFUSALS = [
    ({"name": "   "}, "name", "Vul dit in."),
    ({"colour": "rood"}, "colour", "Vul een kleur in als #b3003b"),
    ({"colour": "#e07000"}, "colour", "het contrast is 3.2 : 1 en moet minimaal 4.5 : 1 zijn"),
    ({"mail_sender": "meldingen-at-gemeente"}, "mail_sender", "Vul een geldig mailadres in"),
    ({"footer_en": "x" * 201}, "footer_en", "Dit is te lang: 201 tekens"),
    ({"privacy_url": "javascript:alert(1)"}, "privacy_url", "Vul een webadres in dat begint met https://"),
    ({"code": "GM9999"}, "code", "Van deze gemeente hebben wij geen grens"),
    ({"open311_jurisdiction": "Niet Een Domein"}, "open311_jurisdiction", "Vul een domein in zoals heemstede.nl"),
    ({"neighbours": "Bloemendaal = https://www.bloemendaal.nl\nZandvoort http://x"}, "neighbours", "Regel 2 klopt"),
]


@pytest.mark.parametrize(("changes", "field", "message"), REFUSALS)
def test_bad_input_is_refused_next_to_its_field_kept_as_typed_and_changes_nothing(
    admin, session, changes, field, message
):
    response = admin.post(URL, data=shown_form(admin) | {"name": "Spaarnestad"} | changes)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert re.search(rf'id="{field}-error-1">.*{re.escape(message)}', page)
    assert 'aria-invalid="true"' in page
    if field != "name":
        assert 'value="Spaarnestad"' in page  # what was typed is kept
    assert saved_rows(session) == [] and current_version(session, Subject.PROFILE, load_profile().code) == 0
    assert "– Gemeente Haarlem</title>" in admin.get("/").get_data(as_text=True)


def test_a_file_that_is_not_an_image_is_refused_as_logo_and_nothing_is_stored(admin, session, upload_dir):
    form = shown_form(admin) | {"logo": (io.BytesIO(b"<svg onload=alert(1)>"), "logo.png")}
    response = post_multipart(admin, URL, form)
    assert response.status_code == 400
    assert "Dit bestand is geen afbeelding die wij kunnen lezen." in response.get_data(as_text=True)
    assert saved_rows(session) == [] and not (upload_dir / "logos").exists()


def test_an_uploaded_logo_is_cleaned_stored_and_shown_in_the_header(admin):
    image = io.BytesIO()
    Image.new("RGBA", (1200, 300), (0, 80, 160, 255)).save(image, format="PNG")
    response = post_multipart(admin, URL, shown_form(admin) | {"logo": (io.BytesIO(image.getvalue()), "logo.png")})
    assert response.status_code == 302
    page = admin.get("/").get_data(as_text=True)
    source = re.search(r'<img class="site-logo" src="(/gemeente/logo/[0-9a-f]{64}\.png)" alt="Gemeente Haarlem">', page)
    with admin.get(source.group(1)) as logo:
        assert logo.mimetype == "image/png"
        assert Image.open(io.BytesIO(logo.data)).size == (600, 150)  # scaled into the header's box
    assert admin.get("/gemeente/logo/" + "0" * 64 + ".png").status_code == 404


def test_two_administrators_on_the_same_version_get_a_conflict_not_an_overwrite(admin, session):
    first, second = shown_form(admin), shown_form(admin)
    assert admin.post(URL, data=first | {"name": "Eerste"}).status_code == 302
    response = admin.post(URL, data=second | {"name": "Tweede"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Iemand anders heeft deze gegevens opgeslagen" in page and 'value="Tweede"' in page
    assert [row.settings["name"] for row in saved_rows(session)] == ["Eerste"]
    assert 'name="version" value="1"' in page  # saving again now is on top of the latest version


def test_undo_puts_the_data_folder_profile_back_and_is_itself_a_version(admin, session):
    key = load_profile().code
    assert admin.post(URL, data=shown_form(admin) | {"colour": "#1d4f91"}).status_code == 302
    page = admin.get(URL).get_data(as_text=True)
    change_id = re.search(r'name="change_id" value="(\d+)"', page).group(1)
    undo = {"csrf_token": csrf_token_from(page), "change_id": change_id}
    assert admin.post(URL + "ongedaan-maken", data=undo).status_code == 302
    assert saved_rows(session) == []
    assert f"--brand: {load_profile().colour};" in admin.get("/huisstijl.css").get_data(as_text=True)
    assert current_version(session, Subject.PROFILE, key) == 2
    again = admin.post(URL + "ongedaan-maken", data=undo)  # the undone change is no longer the latest
    assert again.status_code == 409 and "kan niet meer ongedaan worden gemaakt" in again.get_data(as_text=True)


def test_choosing_another_gemeente_moves_the_boundary_pins_are_checked_against(admin):
    form = shown_form(admin) | {"name": "Heemstede", "code": "GM0397"}
    assert admin.post(URL, data=form).status_code == 302
    report = {
        "csrf_token": csrf_token_from(admin.get("/").get_data(as_text=True)),
        "description": "De lantaarnpaal bij de kerk brandt niet.",
        "action": "review",
    }
    inside = admin.post("/melding", data=report | {"lat": str(HEEMSTEDE[1]), "lon": str(HEEMSTEDE[0])})
    assert "niet in Heemstede" not in inside.get_data(as_text=True)
    outside = admin.post("/melding", data=report | {"lat": str(GROTE_MARKT[1]), "lon": str(GROTE_MARKT[0])})
    assert "Deze plek ligt in Haarlem, niet in Heemstede." in outside.get_data(as_text=True)
    form_page = admin.get("/").get_data(as_text=True)
    assert 'value="BU03920101"' not in form_page  # Haarlem's buurten are no longer offered
    a_haarlem_buurt = report | {"buurt_code": "BU03920101", "location_text": "Bij de kerk"}
    assert "Deze buurt kennen wij niet." in admin.post("/melding", data=a_haarlem_buurt).get_data(as_text=True)
