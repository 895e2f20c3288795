"""A refusal has its own page and words, the staff menu offers only pages the person may open, and staff pages
do not carry the residents' emergency footer."""

import re

import pytest

from models import Role
from tests.factories import make_staff
from tests.support.web import log_in


@pytest.fixture
def accounts(session, lead):
    make_staff(session, Role.TEAM_MEMBER, email="eenvoudig@haarlem.example", teams=["team-eenvoudig"])
    make_staff(session, Role.TRIAGE_OFFICER, email="triage@haarlem.example")
    make_staff(session, Role.ADMIN, email="admin@haarlem.example")


def menu_links(page: str) -> set[str]:
    menu = page[page.index('class="staff-nav"') : page.index("</nav>", page.index('class="staff-nav"'))]
    return set(re.findall(r'href="([^"]+)"', menu))


@pytest.mark.parametrize(
    ("who", "start", "expected"),
    [
        ("eenvoudig@haarlem.example", "/team/simple", {"/team/simple"}),
        ("triage@haarlem.example", "/triage/", {"/triage/", "/triage/correcties"}),
        ("lead@haarlem.example", "/dashboard", {"/dashboard", "/team/simple", "/team/complex", "/team/maatwerk"}),
        (
            "admin@haarlem.example",
            "/triage/",
            {"/triage/", "/beheer/", "/kcc/", "/dashboard", "/team/simple", "/team/complex", "/team/maatwerk"},
        ),
    ],
)
def test_menu_shows_only_pages_the_person_may_open(client, accounts, who, start, expected):
    log_in(client, who)
    links = menu_links(client.get(start).get_data(as_text=True))
    assert expected <= links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_an_admin_reaches_every_admin_section_from_one_menu_link(client, accounts):
    log_in(client, "admin@haarlem.example")
    menu = menu_links(client.get("/triage/").get_data(as_text=True))
    assert {link for link in menu if link.startswith("/beheer")} == {"/beheer/"}  # a short menu: one way in
    home = client.get("/beheer/").get_data(as_text=True)
    sections = set(re.findall(r'<li><a href="(/beheer/[^"]+)"', home))
    expected = {"/beheer/uitbak", "/beheer/mensen/", "/beheer/mensen/teams", "/beheer/teksten/"}
    expected |= {"/beheer/gemeente/", "/beheer/wisverzoeken/", "/beheer/categorieen", "/beheer/routering"}
    assert expected <= sections
    for link in sections:
        assert client.get(link).status_code == 200, link


def test_menu_leaves_out_what_a_team_member_may_not_open(client, accounts):
    log_in(client, "eenvoudig@haarlem.example")
    links = menu_links(client.get("/team/simple").get_data(as_text=True))
    assert not any(link.startswith(("/triage", "/dashboard", "/beheer", "/team/complex")) for link in links)


def test_forbidden_page_says_so_and_points_to_own_work(client, accounts):
    log_in(client, "eenvoudig@haarlem.example")
    response = client.get("/team/complex")
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "U heeft geen toegang tot deze pagina" in page and "Geen toegang" in page
    assert 'href="/team/simple"' in page and "Dit verzoek klopt niet" not in page
    english = client.get("/triage/?lang=en").get_data(as_text=True)
    assert "You do not have access to this page" in english


def test_staff_pages_have_no_emergency_footer_and_resident_pages_do(client, accounts):
    assert "Bel 112" in client.get("/").get_data(as_text=True)
    assert "Bel 112" not in client.get("/medewerkers/inloggen").get_data(as_text=True)
    log_in(client, "eenvoudig@haarlem.example")
    assert "Bel 112" not in client.get("/team/simple").get_data(as_text=True)
    assert "Bel 112" not in client.get("/team/complex").get_data(as_text=True)
