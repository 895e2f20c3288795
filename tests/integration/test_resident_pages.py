"""A resident reports through the form: summary, confirmation, status page, and every refusal on the way."""

import html
import io
import re

import pytest
from sqlalchemy import func, select

from models import Attachment, Report, Reporter
from tests.factories import HEEMSTEDE, jpeg_bytes
from tests.support.web import csrf_token_from, post_multipart


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def review(client, form, photos=()):
    data = dict(form, action="review")
    if photos:
        data["photos"] = [(io.BytesIO(content), name) for name, content in photos]
    return post_multipart(client, "/melding", data)


def hidden_fields(page: str) -> dict:
    fields: dict = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page):
        fields.setdefault(name, []).append(html.unescape(value))
    return {name: values if len(values) > 1 or name == "photo_keys" else values[0] for name, values in fields.items()}


def send(client, form, photos=()):
    """Walk the whole path: the summary, then the send button; returns the final response."""
    summary = review(client, form, photos)
    assert summary.status_code == 200, summary.get_data(as_text=True)
    data = dict(hidden_fields(summary.get_data(as_text=True)), action="submit")
    return client.post("/melding", data=data)


def test_form_is_dutch_by_default_and_english_on_request(client):
    dutch = client.get("/").get_data(as_text=True)
    assert '<html lang="nl">' in dutch and "Wat is het probleem?" in dutch
    english = client.get("/?lang=en")
    assert '<html lang="en">' in english.get_data(as_text=True)
    assert "lang=en" in english.headers["Set-Cookie"]
    assert "What is the problem?" in client.get("/").get_data(as_text=True)


def test_form_offers_every_buurt_for_reporting_without_the_map(client):
    html = client.get("/").get_data(as_text=True)
    assert len(re.findall(r'<option value="BU0392\d{4}"', html)) == 111


def test_summary_shows_what_will_be_sent_without_storing_it(client, report_form, session):
    page = review(client, report_form).get_data(as_text=True)
    assert "Controleer uw melding" in page
    assert "brandt niet" in page
    assert "Oude Stad" in page
    assert count(session, Report) == 0


def test_sent_report_gets_a_tracking_code_and_a_status_page(client, report_form, session):
    confirmation = send(client, report_form)
    assert confirmation.status_code == 303
    page = client.get(confirmation.headers["Location"]).get_data(as_text=True)
    code = re.search(r"MOR-[0-9A-Z]{4}-[0-9A-Z]{4}", page).group(0)
    status_url = re.search(r'id="status-link" href="([^"]+)"', page).group(1)

    status = client.get(status_url).get_data(as_text=True)
    assert code in status
    assert "Ontvangen" in status
    assert "brandt niet" in status
    assert count(session, Report) == 1


def test_tracking_code_alone_shows_status_but_no_text_or_contact(client, report_form):
    report_form.update(email="bewoner@example.nl", contact_consent="1")
    page = client.get(send(client, report_form).headers["Location"]).get_data(as_text=True)
    code = re.search(r"MOR-[0-9A-Z]{4}-[0-9A-Z]{4}", page).group(0)

    tracked = client.get("/volgen", query_string={"code": code.lower()}).get_data(as_text=True)
    assert "Ontvangen" in tracked
    assert "brandt niet" not in tracked
    assert "bewoner@example.nl" not in tracked


def test_unknown_tracking_code_says_so(client):
    page = client.get("/volgen", query_string={"code": "MOR-2222-2222"}).get_data(as_text=True)
    assert "Wij vinden geen melding met dit nummer" in page


def test_status_link_cannot_be_guessed(client):
    assert client.get("/melding/1").status_code == 404
    assert client.get("/melding/" + "a" * 43).status_code == 404


def test_photo_is_shown_on_the_status_page_without_exif(client, report_form, session):
    response = send(client, report_form, photos=[("lamp.jpg", jpeg_bytes(size=(800, 600), exif_gps=True))])
    status_url = response.headers["Location"].replace("/ontvangen", "")
    photo = client.get(status_url + "/foto/1")
    assert photo.status_code == 200 and photo.mimetype == "image/jpeg"
    assert b"Exif" not in photo.data[:200]
    photo.close()
    thumb = client.get(status_url + "/foto/1/thumb")
    assert thumb.status_code == 200
    thumb.close()
    assert count(session, Attachment) == 1


def test_description_with_script_is_shown_as_text(client, report_form):
    report_form["description"] = "<script>alert('x')</script> kapotte bank"
    summary = review(client, report_form).get_data(as_text=True)
    assert "<script>alert" not in summary
    assert "&lt;script&gt;alert(" in summary
    status_url = send(client, report_form).headers["Location"].replace("/ontvangen", "")
    status = client.get(status_url).get_data(as_text=True)
    assert "<script>alert" not in status and "&lt;script&gt;" in status


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"description": ""}, "Beschrijf het probleem."),
        ({"description": "x" * 5000}, "Uw beschrijving is te lang: 5000 tekens."),
        ({"lat": "", "lon": ""}, "Geef aan waar het probleem is"),
        ({"lat": "123", "lon": "4.6"}, "Deze plek bestaat niet op de kaart"),
        (
            {"lat": str(HEEMSTEDE[1]), "lon": str(HEEMSTEDE[0])},
            "Deze plek ligt in Heemstede, niet in Haarlem.",
        ),
        ({"email": "niet-goed@", "contact_consent": "1"}, "Dit e-mailadres klopt niet."),
        ({"phone": "06 12345678"}, "Geef toestemming om contact op te nemen"),
    ],
)
def test_refused_form_shows_the_message_keeps_the_input_and_stores_nothing(
    client, report_form, changes, message, session
):
    report_form.update(changes)
    report_form["location_text"] = "Bij de bakker op de hoek"
    response = review(client, report_form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert "Bij de bakker op de hoek" in page
    if report_form["description"]:
        assert report_form["description"][:50] in page
    assert count(session, Report) == 0


def test_refused_pin_keeps_the_other_fields_and_the_photo(client, report_form):
    report_form.update(lat=str(HEEMSTEDE[1]), lon=str(HEEMSTEDE[0]), email="bewoner@example.nl", contact_consent="1")
    page = review(client, report_form, photos=[("a.jpg", jpeg_bytes())]).get_data(as_text=True)
    assert 'value="bewoner@example.nl"' in page
    assert "brandt niet" in page
    assert len(hidden_fields(page)["photo_keys"]) == 1


@pytest.mark.parametrize(
    ("photos", "message"),
    [
        ([("nep.jpg", b"dit is tekst, geen foto" * 20)], "Het bestand nep.jpg is geen foto"),
        ([(f"{n}.jpg", jpeg_bytes()) for n in range(4)], "U kunt maximaal 3 foto’s toevoegen"),
        ([("groot.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 10))], "De foto groot.jpg is te groot"),
    ],
)
def test_refused_photos_are_named_and_nothing_is_stored(client, report_form, photos, message, session):
    response = review(client, report_form, photos)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count(session, Attachment) == 0


def test_photo_over_forty_megapixels_is_refused(client, report_form):
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (8000, 5001)).save(out, format="PNG")
    page = review(client, report_form, [("panorama.png", out.getvalue())]).get_data(as_text=True)
    assert "De foto panorama.png heeft te veel pixels" in page


def test_form_without_csrf_token_is_refused_but_keeps_the_input(client, report_form, session):
    report_form.pop("csrf_token")
    response = review(client, report_form)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Het formulier was te lang open" in page
    assert "brandt niet" in page
    assert count(session, Report) == 0


def test_removing_a_photo_in_the_form_drops_it(client, report_form):
    page = review(client, report_form, photos=[("a.jpg", jpeg_bytes()), ("b.jpg", jpeg_bytes())]).get_data(as_text=True)
    keys = hidden_fields(page)["photo_keys"]
    edit = dict(hidden_fields(page), action="edit")
    form_page = client.post("/melding", data=edit).get_data(as_text=True)
    form = dict(hidden_fields(form_page), csrf_token=csrf_token_from(form_page), remove_photo=keys[0], action="review")
    summary = client.post("/melding", data=form).get_data(as_text=True)
    assert hidden_fields(summary)["photo_keys"] == [keys[1]]


def test_report_without_map_uses_buurt_and_description(client, report_form):
    report_form.update(lat="", lon="", buurt_code="BU03920102", location_text="Achter de Grote Kerk")
    status_url = send(client, report_form).headers["Location"].replace("/ontvangen", "")
    page = client.get(status_url).get_data(as_text=True)
    assert "Binnenstad" in page and "Achter de Grote Kerk" in page


def test_contact_details_are_not_on_the_status_page(client, report_form, session):
    report_form.update(email="bewoner@example.nl", phone="0612345678", contact_consent="1")
    status_url = send(client, report_form).headers["Location"].replace("/ontvangen", "")
    page = client.get(status_url).get_data(as_text=True)
    assert "bewoner@example.nl" not in page and "0612345678" not in page
    assert count(session, Reporter) == 1


def test_public_writes_are_rate_limited_per_client(make_app, session):
    client = make_app(RATELIMIT_ENABLED=True, REPORT_RATE_LIMIT="2 per minute").test_client()
    form_page = client.get("/").get_data(as_text=True)
    form = {
        "csrf_token": csrf_token_from(form_page),
        "description": "Kapotte lamp",
        "lat": "52.3812",
        "lon": "4.6368",
    }
    assert review(client, form).status_code == 200
    assert review(client, form).status_code == 200
    refused = review(client, form)
    assert refused.status_code == 429
    assert "Wacht een paar minuten" in refused.get_data(as_text=True)
    assert client.post("/api/v1/reports", json={"description": "x"}).status_code == 429
    assert count(session, Report) == 0


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.get_data(as_text=True)
