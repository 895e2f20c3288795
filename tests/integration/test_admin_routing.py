"""Routing rules: the documented order, what a new report gets (team and queue) and shows, the preview of last month
under changed rules, refusals (an area outside the municipality) that change nothing, conflicts and undo."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from classifiers.artifacts import LoadedArtifact
from classifiers.proposal import CategoryProposal, QueueProposal
from models import Area, AreaKind, Category, ConfigChange, Proposal, Queue, ReportRouting, RoutingRule, Team
from tests.factories import GROTE_MARKT, MUNICIPALITY, category, make_report, route_report
from tests.support.web import csrf_token_from, log_in
from triage.proposals import prepare_proposal, store_proposal
from triage.proposals.classifying import LoadedClassifiers
from triage.reference import RuleFields, Step, create_rule, routing_for

ADMIN = "admin@haarlem.example"
TEXT = "De container aan het einde van de straat zit helemaal vol en er staan zakken naast."


class Fixed:
    """A classifier that always proposes the same: the pipeline is tested, not the learning."""

    def __init__(self, proposal):
        self.proposal = proposal

    def propose(self, reports, categories=None):
        return [self.proposal for _ in reports]


def classifiers(queue="simple", main="afval", sub="container-is-vol") -> LoadedClassifiers:
    category = LoadedArtifact("c1", Fixed(CategoryProposal(main, 0.99, sub, 0.99)), {})
    queue_artifact = LoadedArtifact("q1", Fixed(QueueProposal(queue, 0.99, queue, 0.99)), {})
    return LoadedClassifiers(category, queue_artifact, [])


def team(session, slug) -> Team:
    return session.scalar(select(Team).where(Team.slug == slug))


def rule(session, area: Area, code="afval_container-is-vol", team_slug="afd-stw", queue="complex") -> RoutingRule:
    fields = RuleFields(f"{area.kind.value}:{area.code}", code, team_slug, queue)
    return create_rule(session, fields, MUNICIPALITY, ADMIN, datetime.now(UTC))


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def placed(session, tmp_path):
    """A report on the Grote Markt: its buurt and wijk are the areas the rules name."""
    return make_report(session, tmp_path, TEXT, at=GROTE_MARKT)


@pytest.fixture
def admin_client(client, staff_by_role):
    log_in(client, ADMIN)
    return client


def test_rules_apply_most_specific_first(session, placed):
    container = category(session)
    buurt, wijk = placed.buurt, placed.wijk
    assert routing_for(session, container, buurt.id, wijk.id).step is Step.CATEGORY
    rule(session, wijk, code="afval", team_slug="afd-won")
    assert routing_for(session, container, buurt.id, wijk.id).step is Step.WIJK_MAIN
    rule(session, buurt, code="afval", team_slug="afd-vor")
    assert routing_for(session, container, buurt.id, wijk.id).step is Step.BUURT_MAIN
    rule(session, wijk, team_slug="afd-asc")
    assert routing_for(session, container, buurt.id, wijk.id).step is Step.WIJK_SUB
    buurt_sub = rule(session, buurt, team_slug="afd-stw")
    routing = routing_for(session, container, buurt.id, wijk.id)
    assert (routing.step, routing.rule_id, routing.team_id) == (
        Step.BUURT_SUB,
        buurt_sub.id,
        team(session, "afd-stw").id,
    )


def test_a_new_report_routed_by_the_classifier_gets_the_rules_team_and_at_least_its_queue(session, placed):
    applied = rule(session, placed.buurt, queue="complex")
    now = datetime.now(UTC)

    store_proposal(session, prepare_proposal(session, classifiers("simple"), placed.id, now), placed.id, now)

    proposal = session.scalar(select(Proposal).where(Proposal.report_id == placed.id))
    assert proposal.queue is Queue.COMPLEX  # the classifier said simple; the rule's queue is the floor
    assert proposal.reasons["routing"] == {"step": "buurt_sub", "rule": applied.id, "classifier": "simple",
                                           "raised_to": "complex"}  # fmt: skip
    assert not proposal.needs_person and placed.queue is Queue.COMPLEX
    routed = session.get(ReportRouting, placed.id)
    assert (routed.team.slug, routed.rule_id, routed.step) == ("afd-stw", applied.id, "buurt_sub")


def test_a_more_demanding_proposal_is_not_lowered_by_a_rule(session, placed):
    rule(session, placed.buurt, queue="simple")
    now = datetime.now(UTC)
    prepared = prepare_proposal(session, classifiers("maatwerk"), placed.id, now)
    assert prepared.queue is Queue.MAATWERK


def test_a_retired_category_the_classifier_still_knows_is_never_proposed(session, placed):
    category(session).is_active = False
    session.flush()
    prepared = prepare_proposal(session, classifiers(), placed.id, datetime.now(UTC))
    main = session.scalar(select(Category).where(Category.slug == "afval", Category.parent_id.is_(None)))
    assert (
        prepared.category_id == main.id and prepared.needs_person
    )  # falls back to the main category, a person decides
    main.is_active = False
    session.flush()
    prepared = prepare_proposal(session, classifiers(), placed.id, datetime.now(UTC))
    assert prepared.category_id is None and "unknown_category" in prepared.reasons["held_for"]


def test_an_officers_decision_records_the_team_and_the_report_pages_name_the_rule(
    admin_client, session, placed, staff_by_role
):
    rule(session, placed.wijk, team_slug="afd-won")
    route_report(session, placed, staff_by_role["triage_officer"])
    assert session.get(ReportRouting, placed.id).team.slug == "afd-won"

    page = admin_client.get(f"/team/melding/{placed.id}").get_data(as_text=True)
    assert 'id="report-routing"' in page and "Wonen" in page and f"{placed.wijk.name} (wijk)" in page


def test_the_preview_shows_last_months_reports_before_and_after_and_saves_nothing(admin_client, session, placed):
    placed.category = category(session)
    placed.queue = Queue.SIMPLE
    session.flush()
    page = admin_client.get("/beheer/routering").get_data(as_text=True)
    fields = {
        "csrf_token": csrf_token_from(page),
        "area": f"buurt:{placed.buurt.code}",
        "category": "afval_container-is-vol",
        "team": "afd-stw",
        "queue": "complex",
    }

    shown = admin_client.post("/beheer/routering", data={**fields, "action": "preview"}).get_data(as_text=True)

    assert "zouden er 1 een ander team of een andere wachtrij krijgen" in shown
    assert placed.tracking_code in shown and "Afval en Grondstoffen" in shown and "Stadswerken" in shown
    assert (count(session, RoutingRule), count(session, ConfigChange)) == (0, 0)
    assert 'id="save-rule"' in shown

    saved = admin_client.post("/beheer/routering", data={**fields, "action": "save"})
    assert saved.status_code == 302 and count(session, RoutingRule) == 1
    assert session.scalar(select(ConfigChange.after)).get("team_name") == "Stadswerken"


@pytest.fixture
def neighbouring_wijk(session) -> Area:
    """A wijk of Heemstede, as a data folder that ships the neighbours' wijken would have it."""
    haarlem = session.scalar(select(Area).where(Area.kind == AreaKind.GEMEENTE, Area.code == MUNICIPALITY))
    area = Area(kind=AreaKind.WIJK, code="WK039700", name="Heemstede-Centrum", parent_code="GM0397", geom=haarlem.geom)
    session.add(area)
    session.flush()
    return area


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"area": "wijk:WK039700"}, "area", "Heemstede-Centrum ligt niet in Haarlem"),
        ({"area": ""}, "area", "Kies een wijk of buurt."),
        ({"area": "gemeente:GM0392"}, "area", "Deze wijk of buurt kennen we niet"),
        ({"category": ""}, "category", "Kies een categorie."),
        ({"team": ""}, "team", "Kies een team."),
        ({"queue": "spoed"}, "queue", "Kies een wachtrij."),
    ],
)
def test_a_bad_rule_is_refused_next_to_its_field_and_nothing_changes(
    admin_client, session, neighbouring_wijk, fields, field, message
):
    page = admin_client.get("/beheer/routering").get_data(as_text=True)
    base = {"area": "wijk:WK039201", "category": "afval", "team": "afd-stw", "queue": "complex"}
    for action in ("preview", "save"):
        form = {"csrf_token": csrf_token_from(page), **base, **fields, "action": action}
        refused = admin_client.post("/beheer/routering", data=form)
        html = refused.get_data(as_text=True)
        assert refused.status_code == 400 and f'id="{field}-error-1"' in html and message in html
    assert (count(session, RoutingRule), count(session, ConfigChange)) == (0, 0)


def test_two_administrators_editing_one_rule_get_a_conflict(admin_client, session, placed):
    existing = rule(session, placed.buurt)
    url = f"/beheer/routering/{existing.id}"
    first, second = admin_client.get(url).get_data(as_text=True), admin_client.get(url).get_data(as_text=True)
    form = {"team": "afd-won", "queue": "maatwerk", "action": "save", "version": "1"}
    assert admin_client.post(url, data={**form, "csrf_token": csrf_token_from(first)}).status_code == 302

    late = admin_client.post(url, data={**form, "team": "afd-vor", "csrf_token": csrf_token_from(second)})

    assert late.status_code == 409 and "Iemand anders" in late.get_data(as_text=True)
    session.refresh(existing)
    assert (existing.team.slug, existing.queue) == ("afd-won", Queue.MAATWERK)


def test_removing_a_rule_and_undoing_it_brings_the_same_rule_back(admin_client, session, placed):
    existing = rule(session, placed.buurt)
    url = f"/beheer/routering/{existing.id}"
    page = admin_client.get(url).get_data(as_text=True)
    preview = admin_client.post(url, data={"csrf_token": csrf_token_from(page), "action": "preview_remove",
                                           "version": "1"}).get_data(as_text=True)  # fmt: skip
    assert 'id="remove-rule"' in preview and count(session, RoutingRule) == 1
    admin_client.post(url, data={"csrf_token": csrf_token_from(page), "action": "remove", "version": "1"})
    assert count(session, RoutingRule) == 0

    history = admin_client.get("/beheer/geschiedenis?onderwerp=routing_rule").get_data(as_text=True)
    assert "Verwijderd" in history and "Stadswerken" in history
    removal = session.scalar(select(ConfigChange).order_by(ConfigChange.id.desc()))
    admin_client.post(f"/beheer/geschiedenis/{removal.id}/ongedaan-maken", data={"csrf_token": csrf_token_from(page)})

    back = session.scalar(select(RoutingRule))
    assert (back.area_id, back.team.slug, back.queue) == (placed.buurt.id, "afd-stw", Queue.COMPLEX)


def test_the_routing_page_documents_the_order(admin_client):
    page = admin_client.get("/beheer/routering").get_data(as_text=True)
    order = page.split('id="routing-order"')[1].split("</ol>")[0]
    assert order.index("buurt en de subcategorie") < order.index("wijk en de subcategorie")
    assert order.index("wijk en de subcategorie") < order.index("buurt en de hoofdcategorie")
    assert order.index("wijk en de hoofdcategorie") < order.index("de categorie zelf")


def test_preview_counts_only_last_months_reports(session, tmp_path):
    from triage.reference import preview_change

    now = datetime.now(UTC)
    old = make_report(session, tmp_path, TEXT, now=now - timedelta(days=45))
    old.category = category(session)
    session.flush()
    assert preview_change(session, None, None, now).reports == 0


def test_a_proposal_waiting_for_an_officer_shows_the_rule_that_raised_its_queue(client, session, placed, staff_by_role):
    rule(session, placed.buurt, queue="complex")
    unsure = classifiers("simple")
    unsure.category.classifier.proposal = CategoryProposal("afval", 0.4, "container-is-vol", 0.4, needs_person=True)
    now = datetime.now(UTC)
    store_proposal(session, prepare_proposal(session, unsure, placed.id, now), placed.id, now)
    assert session.get(ReportRouting, placed.id) is None  # not in a queue yet: no owning team

    log_in(client, "triage_officer@haarlem.example")
    page = client.get(f"/triage/melding/{placed.id}").get_data(as_text=True)

    line = page.split('id="report-routing"')[1].split("</p>")[0]
    assert f"volgens de regel {placed.buurt.name} (buurt) + Afval › Container is vol" in line


def test_a_rule_edit_without_a_team_is_refused_and_the_rule_is_unchanged(admin_client, session, placed):
    existing = rule(session, placed.buurt)
    url = f"/beheer/routering/{existing.id}"
    page = admin_client.get(url).get_data(as_text=True)

    refused = admin_client.post(
        url, data={"csrf_token": csrf_token_from(page), "team": "", "queue": "simple", "action": "save", "version": "1"}
    )

    assert refused.status_code == 400 and 'id="team-error-1"' in refused.get_data(as_text=True)
    session.refresh(existing)
    assert (existing.team.slug, existing.queue, count(session, ConfigChange)) == ("afd-stw", Queue.COMPLEX, 1)
