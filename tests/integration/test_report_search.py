"""The staff search finds reports by tracking code, words and buurt name, on both databases, within what the
searching person may open."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from models import Report, Role
from tests.factories import make_report, make_staff, route_report
from triage.inbox import InboxFilters
from triage.workflow import SearchFilters, report_by_code, search_problems, search_reports

NOW = datetime.now(UTC)
ELSEWHERE = (4.6600, 52.3950)  # another buurt of the demo municipality than the Grote Markt


def found(session, words, user, **filters):
    inbox = {name: filters.pop(name) for name in ("category", "channel", "buurt", "age") if name in filters}
    return search_reports(session, words, SearchFilters(inbox=InboxFilters(**inbox), **filters), user, NOW)


def dialect(session) -> str:
    return session.get_bind().dialect.name


@pytest.fixture
def reports(session, tmp_path, officer):
    lamp = make_report(session, tmp_path, "De lantaarnpaal bij de kerk brandt niet", location_text="Kerkplein")
    bin_ = make_report(session, tmp_path, "Vuilnis naast de container bij de school")
    route_report(session, bin_, officer, "simple")
    tree = make_report(session, tmp_path, "Omgewaaide boom op het fietspad")
    route_report(session, tree, officer, "complex")
    return {"lamp": lamp, "bin": bin_, "tree": tree}


def test_a_tracking_code_finds_its_report_exactly_and_as_people_type_it(session, reports, officer):
    code = reports["lamp"].tracking_code
    assert report_by_code(session, code, officer) is reports["lamp"]
    typed = code.lower().replace("-", " ")
    assert report_by_code(session, typed, officer) is reports["lamp"]
    assert report_by_code(session, code[4:].replace("-", ""), officer) is reports["lamp"]


def test_words_that_are_no_tracking_code_find_no_report_by_code(session, reports, officer):
    assert report_by_code(session, "lantaarnpaal", officer) is None
    assert report_by_code(session, "MOR-ZZZZ-ZZZZ", officer) is None


def test_words_find_the_reports_that_contain_them(session, reports, officer):
    result = found(session, "lantaarnpaal kerk", officer)
    assert result.reports == [reports["lamp"]]
    assert result.total == 1
    assert not result.by_likeness


def test_the_location_text_is_searched_too(session, reports, officer):
    assert found(session, "kerkplein", officer).reports == [reports["lamp"]]


def test_the_address_is_searched_once_the_report_has_one(session, reports, officer):
    assert found(session, "Zijlstraat", officer).reports == []
    lamp = reports["lamp"]
    lamp.street, lamp.house_number, lamp.postcode, lamp.place = "Zijlstraat", "12", "2011TN", "Haarlem"
    session.flush()
    assert found(session, "Zijlstraat", officer).reports == [lamp]
    assert found(session, "2011TN", officer).reports == [lamp]


def test_plural_and_singular_find_each_other_as_far_as_the_database_can(session, reports, officer):
    if dialect(session) == "postgresql":  # PostgreSQL's Dutch configuration stems
        assert found(session, "containers", officer).reports == [reports["bin"]]
        assert found(session, "lantaarnpalen", officer).reports == [reports["lamp"]]
    else:  # SQLite's FTS5 matches word beginnings: the singular finds the plural, not the other way round
        assert found(session, "containers", officer).reports == []
        assert found(session, "lantaarnpa", officer).reports == [reports["lamp"]]


def test_word_beginnings_find_the_whole_word(session, reports, officer):
    assert found(session, "lantaarn", officer).reports == [reports["lamp"]]


def test_a_typo_still_finds_the_report_where_the_database_has_trigrams(session, reports, officer):
    result = found(session, "lantarnpaal", officer)
    if dialect(session) == "postgresql":
        assert result.reports == [reports["lamp"]]
        assert result.by_likeness
    else:
        assert result.reports == []  # SQLite's FTS5 has no similarity search


def test_a_buurt_name_finds_the_reports_in_that_buurt(session, tmp_path, reports, officer):
    elsewhere = make_report(session, tmp_path, "Losse stoeptegel", at=ELSEWHERE)
    buurt = reports["lamp"].buurt
    assert buurt is not None and elsewhere.buurt_id != buurt.id
    result = found(session, buurt.name.upper(), officer)
    assert reports["lamp"] in result.reports
    assert elsewhere not in result.reports


def test_results_come_newest_first(session, tmp_path, officer):
    old = make_report(session, tmp_path, "Kapotte bank in het park", now=NOW - timedelta(days=3))
    new = make_report(session, tmp_path, "Nog een kapotte bank", now=NOW - timedelta(hours=1))
    assert found(session, "bank", officer).reports == [new, old]


def test_the_page_filters_narrow_the_results(session, reports, officer):
    assert found(session, "container", officer, queue="simple").reports == [reports["bin"]]
    assert found(session, "container", officer, queue="complex").reports == []
    assert found(session, "kerk", officer, status="received").reports == [reports["lamp"]]
    assert found(session, "kerk", officer, status="in_progress").reports == []
    assert found(session, "kerk", officer, channel="api").reports == []
    assert found(session, "container", officer, category="afval").reports == [reports["bin"]]
    assert found(session, "kerk", officer, buurt=reports["lamp"].buurt.code).reports == [reports["lamp"]]


def test_a_team_member_finds_only_the_reports_of_the_own_queue(session, reports, team_member):
    assert found(session, "container", team_member).reports == [reports["bin"]]
    assert found(session, "kerk", team_member).reports == []
    assert found(session, "fietspad", team_member).reports == []
    assert report_by_code(session, reports["lamp"].tracking_code, team_member) is None
    assert report_by_code(session, reports["bin"].tracking_code, team_member) is reports["bin"]


def test_a_lead_finds_queued_reports_but_not_those_waiting_for_triage(session, reports, lead):
    assert found(session, "fietspad", lead).reports == [reports["tree"]]
    assert found(session, "kerk", lead).reports == []
    assert report_by_code(session, reports["lamp"].tracking_code, lead) is None


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "''; DROP TABLE report; --", '"', "*", "NEAR(a b)", "a OR", "%", "_", "\\", "kerk' OR '1'='1", "-"],
)
def test_odd_input_is_only_words_and_changes_nothing(session, reports, officer, typed):
    before = session.scalar(select(func.count()).select_from(Report))
    result = found(session, typed, officer)
    assert reports["lamp"] not in result.reports or "kerk" in typed
    assert session.scalar(select(func.count()).select_from(Report)) == before


def test_an_empty_query_finds_nothing(session, reports, officer):
    assert found(session, "  ", officer).total == 0


def test_unknown_filter_values_are_refused_by_field(session):
    filters = SearchFilters("spoed", "gone", InboxFilters("geen-categorie", "fax", "BU000", "99"))
    assert set(search_problems(session, filters)) == {"queue", "status", "category", "channel", "buurt", "age"}
    assert search_problems(session, SearchFilters("simple", "received", InboxFilters(channel="web"))) == {}


def test_a_changed_description_is_found_by_its_new_words(session, reports, officer):
    reports["lamp"].description = "Scheve verkeerspaal"
    session.flush()
    assert found(session, "verkeerspaal", officer).reports == [reports["lamp"]]
    assert found(session, "lantaarnpaal", officer).reports == []


def test_a_deleted_report_leaves_the_search(session, tmp_path, officer):
    gone = make_report(session, tmp_path, "Eenmalige graffiti op de brug")
    for table in ("audit_event", "pending_job", "outbox_mail"):  # what intake wrote beside it, as removing demo
        session.execute(text(f"DELETE FROM {table} WHERE report_id = :id"), {"id": gone.id})  # history removes it
    session.execute(text("DELETE FROM report WHERE id = :id"), {"id": gone.id})
    assert found(session, "graffiti", officer).reports == []


def test_a_words_search_is_answered_from_the_full_text_index(session, reports):
    if dialect(session) == "sqlite":
        plan = " ".join(
            str(row[-1])
            for row in session.execute(
                text("EXPLAIN QUERY PLAN SELECT rowid FROM report_search WHERE report_search MATCH 'kerk'")
            )
        )
        assert "VIRTUAL TABLE INDEX" in plan
        return
    from triage.workflow.search import DUTCH, SEARCHED  # the one expression the index and the query share

    session.execute(text("SET LOCAL enable_seqscan = off"))
    plan = "\n".join(
        session.scalars(
            text(f"EXPLAIN SELECT id FROM report WHERE to_tsvector({DUTCH}, {SEARCHED}) @@ to_tsquery('dutch', 'kerk')")
        )
    )
    assert "ix_report_search_words" in plan


def test_staff_of_every_role_may_search(session, reports):
    for role in Role:
        user = make_staff(session, role, email=f"zoek-{role.value}@haarlem.example")
        expected = 0 if role is Role.TEAM_MEMBER else 1  # a member without a team opens no queue
        assert found(session, "fietspad", user).total == expected


def test_a_common_word_is_counted_only_up_to_a_limit(session, tmp_path, officer, monkeypatch):
    monkeypatch.setattr("triage.workflow.search.COUNTED_UP_TO", 1)
    for _ in range(3):
        make_report(session, tmp_path, "Nog een losse tegel")
    assert found(session, "tegel", officer).total == 2  # "more than 1"
