"""The administrator's category screens: create and edit categories with their norms, refusals that change nothing,
conflicts between two administrators, due times kept or recomputed, undo; and new reports use the change at once."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import Category, ConfigChange, Report
from tests.factories import category, make_report, route_report
from tests.support.web import csrf_token_from, log_in
from triage.kernel import Subject, current_version

ADMIN = "admin@haarlem.example"


def changes(session) -> int:
    return session.scalar(select(func.count()).select_from(ConfigChange))


def categories(session) -> int:
    return session.scalar(select(func.count()).select_from(Category))


def main(session, slug="afval") -> Category:
    return session.scalar(select(Category).where(Category.slug == slug, Category.parent_id.is_(None)))


def form_of(page: str, **fields) -> dict:
    base = {
        "csrf_token": csrf_token_from(page),
        "name": "Zwerfkat",
        "name_en": "Stray cat",
        "description": "U ziet een kat zonder baasje.",
        "description_en": "You see a cat without an owner.",
        "service_norm_days": "4",
        "norm_unit": "calendar",
        "default_queue": "complex",
        "team": "afd-ggd",
        "is_active": "on",
    }
    return {**base, **fields}


@pytest.fixture
def admin_client(client, staff_by_role):
    log_in(client, ADMIN)
    return client


@pytest.mark.parametrize("url", ["/beheer/", "/beheer/categorieen", "/beheer/routering", "/beheer/geschiedenis"])
def test_only_administrators_open_the_configuration_pages(client, staff_by_role, url):
    assert client.get(url).status_code == 302  # to the log-in page
    for role in ("team_lead", "triage_officer", "team_member"):
        log_in(client, f"{role}@haarlem.example")
        assert client.get(url).status_code == 403
    log_in(client, ADMIN)
    assert client.get(url).status_code == 200


def test_the_admin_home_links_every_section(admin_client):
    page = admin_client.get("/beheer/").get_data(as_text=True)
    for url in ("/beheer/categorieen", "/beheer/routering", "/beheer/geschiedenis", "/beheer/uitbak"):
        assert f'href="{url}"' in page
    assert 'href="/beheer/"' in page  # the staff menu


def test_an_administrator_creates_a_sub_category_with_a_calendar_day_norm(admin_client, session):
    afval = main(session)
    page = admin_client.get(f"/beheer/categorieen/nieuw?hoofd={afval.id}").get_data(as_text=True)
    done = admin_client.post("/beheer/categorieen/nieuw", data={**form_of(page), "parent": afval.id})
    assert done.status_code == 302

    created = session.scalar(select(Category).where(Category.slug == "zwerfkat", Category.parent_id == afval.id))
    assert (created.name_en, created.service_norm_days, created.calendar_days) == ("Stray cat", 4, True)
    assert (created.default_queue.value, created.team.slug, created.is_active, created.is_public) == (
        "complex",
        "afd-ggd",
        True,
        False,
    )
    change = session.scalar(select(ConfigChange).where(ConfigChange.subject == Subject.CATEGORY.value))
    assert (change.before, change.after["name"], change.actor) == (None, "Zwerfkat", ADMIN)
    listed = admin_client.get("/beheer/categorieen").get_data(as_text=True)
    assert "Zwerfkat" in listed and "4 kalenderdagen" in listed


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "  "}, "name", "Vul een naam in."),
        ({"name_en": ""}, "name_en", "Vul een naam in."),
        ({"service_norm_days": "0"}, "service_norm_days", "Vul een termijn in van 1 tot en met 365 dagen"),
        ({"service_norm_days": "1000"}, "service_norm_days", "Vul een termijn in van 1 tot en met 365 dagen"),
        ({"service_norm_days": "vijf"}, "service_norm_days", "Vul een termijn in van 1 tot en met 365 dagen"),
        ({"team": "geen-team"}, "team", "Kies een team uit de lijst."),
        ({"name": "Container is vol"}, "name", "Hier bestaat al een categorie met deze naam."),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_added(admin_client, session, fields, field, message):
    afval = main(session)
    before = (categories(session), changes(session))
    page = admin_client.get(f"/beheer/categorieen/nieuw?hoofd={afval.id}").get_data(as_text=True)

    refused = admin_client.post("/beheer/categorieen/nieuw", data={**form_of(page, **fields), "parent": afval.id})

    html = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert f'id="{field}-error-1"' in html and message in html
    assert 'value="U ziet een kat zonder baasje."' in html or "U ziet een kat zonder baasje." in html  # kept
    assert (categories(session), changes(session)) == before


def test_a_refused_edit_changes_nothing(admin_client, session):
    container = category(session)
    page = admin_client.get(f"/beheer/categorieen/{container.id}").get_data(as_text=True)
    refused = admin_client.post(
        f"/beheer/categorieen/{container.id}", data=form_of(page, name="", service_norm_days="1000", version="0")
    )
    assert refused.status_code == 400
    session.refresh(container)
    assert (container.name, container.service_norm_days) == ("Container is vol", 3)
    assert changes(session) == 0


def test_two_administrators_editing_the_same_category_get_a_conflict_not_an_overwrite(admin_client, session):
    container = category(session)
    url = f"/beheer/categorieen/{container.id}"
    first_page, second_page = admin_client.get(url).get_data(as_text=True), admin_client.get(url).get_data(as_text=True)
    assert admin_client.post(url, data=form_of(first_page, name="Container vol", version="0")).status_code == 302

    second = admin_client.post(url, data=form_of(second_page, name="Container overvol", version="0"))

    assert second.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in second.get_data(as_text=True)
    session.refresh(container)
    assert container.name == "Container vol"
    assert current_version(session, Subject.CATEGORY, container.id) == 1


def test_a_changed_norm_keeps_due_times_unless_the_administrator_recomputes(
    admin_client, session, tmp_path, staff_by_role
):
    container = category(session)
    officer = staff_by_role["triage_officer"]
    queued = route_report(session, make_report(session, tmp_path), officer, now=datetime.now(UTC) - timedelta(hours=1))
    due = queued.due_at
    url = f"/beheer/categorieen/{container.id}"
    page = admin_client.get(url).get_data(as_text=True)
    assert "Er staan nu 1 meldingen van deze categorie in een wachtrij" in page

    fields = form_of(page, name="Container is vol", team="afd-aeg", default_queue="simple")
    admin_client.post(url, data={**fields, "service_norm_days": "10", "norm_unit": "working", "version": "0"})
    session.refresh(queued)
    assert queued.due_at == due  # kept

    page = admin_client.get(url).get_data(as_text=True)
    fields = {**fields, "csrf_token": csrf_token_from(page), "service_norm_days": "20", "norm_unit": "working"}
    admin_client.post(url, data={**fields, "version": "1", "recompute": "on"})
    session.refresh(queued)
    assert queued.due_at > due + timedelta(days=14)  # 20 working days from when it entered the queue


def test_a_new_report_after_a_change_runs_on_the_new_norm_without_a_restart(
    admin_client, session, tmp_path, staff_by_role
):
    container = category(session)
    url = f"/beheer/categorieen/{container.id}"
    page = admin_client.get(url).get_data(as_text=True)
    fields = form_of(page, name="Container is vol", team="afd-aeg", default_queue="simple", version="0")
    saved = admin_client.post(url, data={**fields, "service_norm_days": "3", "norm_unit": "calendar"})
    assert saved.status_code == 302
    session.expire_all()  # the app saved in its own session, as another process would
    now = datetime(2026, 12, 2, 9, tzinfo=UTC)  # a Wednesday: 3 working days would end on Monday

    report = route_report(session, make_report(session, tmp_path, now=now), staff_by_role["triage_officer"], now=now)

    assert report.due_at == now + timedelta(days=3)


def test_undo_puts_a_category_back_and_is_itself_in_the_history(admin_client, session):
    container = category(session)
    url = f"/beheer/categorieen/{container.id}"
    page = admin_client.get(url).get_data(as_text=True)
    admin_client.post(url, data=form_of(page, name="Container vol", team="afd-aeg", version="0"))
    change = session.scalar(select(ConfigChange).where(ConfigChange.subject == "category"))
    history = admin_client.get("/beheer/geschiedenis?onderwerp=category").get_data(as_text=True)
    assert "Container vol" in history and "Container is vol" in history and "{" not in history.split("<main")[1]

    token = csrf_token_from(history)
    admin_client.post(f"/beheer/geschiedenis/{change.id}/ongedaan-maken", data={"csrf_token": token})

    session.refresh(container)
    assert container.name == "Container is vol"
    assert current_version(session, Subject.CATEGORY, container.id) == 2
    stale = admin_client.post(
        f"/beheer/geschiedenis/{change.id}/ongedaan-maken", data={"csrf_token": token}, follow_redirects=True
    )
    assert "Alleen de laatste wijziging" in stale.get_data(as_text=True)
    session.refresh(container)
    assert container.name == "Container is vol"


def test_undoing_the_creation_of_a_used_category_is_refused(admin_client, session, tmp_path, staff_by_role):
    afval = main(session)
    page = admin_client.get(f"/beheer/categorieen/nieuw?hoofd={afval.id}").get_data(as_text=True)
    admin_client.post("/beheer/categorieen/nieuw", data={**form_of(page), "parent": afval.id})
    route_report(session, make_report(session, tmp_path), staff_by_role["triage_officer"], slug="zwerfkat")
    change = session.scalar(select(ConfigChange).where(ConfigChange.subject == "category"))

    refused = admin_client.post(
        f"/beheer/geschiedenis/{change.id}/ongedaan-maken",
        data={"csrf_token": csrf_token_from(page)},
        follow_redirects=True,
    )

    assert "al gebruikt" in refused.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Report).where(Report.category_id.is_not(None))) == 1
    assert session.scalar(select(Category).where(Category.slug == "zwerfkat")) is not None


def test_the_history_shows_any_subjects_change_readably_and_filters_per_subject(admin_client, session):
    from triage.kernel import record_change

    before = {"name": "Haarlem", "colour": "#b3003b", "logo": None}
    after = {"name": "Haarlem", "colour": "#00558c", "logo": None}
    record_change(session, Subject.PROFILE, "main", before, after, ADMIN, datetime.now(UTC), "Gemeenteprofiel")
    session.flush()

    page = admin_client.get("/beheer/geschiedenis").get_data(as_text=True)
    entry = page.split('id="changes"')[1]
    assert "Gemeenteprofiel: Gemeenteprofiel" in entry and "Gewijzigd" in entry and ADMIN in entry
    assert "colour" in entry and "#b3003b" in entry and "#00558c" in entry and "{" not in entry
    assert "Maak ongedaan" in entry
    filtered = admin_client.get("/beheer/geschiedenis?onderwerp=category").get_data(as_text=True)
    assert "#00558c" not in filtered and "Er zijn nog geen wijzigingen." in filtered
