"""The explicit queue rules of data/triage_rules.json: when each fires (the queue model weighs them as features)."""

from __future__ import annotations

import json
import re

import pytest

from classifiers.inputs import ReportInput
from classifiers.rules import QUEUES, Rule, RuleSet
from triage.proposals.sources import RULES_FILE, product_rules


@pytest.fixture(scope="module")
def shipped_rules() -> RuleSet:
    return RuleSet.from_file(RULES_FILE)


def fired_ids(rules: RuleSet, report: ReportInput, category: str | None = None) -> list[str]:
    return [firing.rule_id for firing in rules.fired(report, category)]


# Text rules


@pytest.mark.parametrize(
    "text, rule_id, queue",
    [
        ("Wilt u mij svp bellen? Bel me terug op mijn mobiel.", "asks-for-contact", "maatwerk"),
        ("Ik meld dit nu voor de derde keer, de tegel ligt nog steeds los", "complaint-about-handling", "maatwerk"),
        ("Mijn moeder zit in een rolstoel en kan niet over de stoep", "vulnerable-resident", "maatwerk"),
        ("Er lopen ratten rond bij de containers", "needs-investigation", "complex"),
        ("De losliggende stoeptegel is gevaarlijk", "safety-risk", "complex"),
        ("DE TEGEL IS GEVAARLIJK!", "safety-risk", "complex"),
        ("Ik ben ten einde raad", "distress", "maatwerk"),
        ("Er slaapt een dakloze man in de portiek", "social-problem", "maatwerk"),
    ],
)
def test_text_rule_fires_on_its_dutch_wording(shipped_rules, text, rule_id, queue):
    firings = {f.rule_id: f for f in shipped_rules.fired(ReportInput(text=text), None)}

    assert rule_id in firings
    assert firings[rule_id].queue == queue
    assert firings[rule_id].reason.kind == "rule"
    assert firings[rule_id].reason.details == {"rule": rule_id}


@pytest.mark.parametrize("text", ["Kunt u mij terugbellen?", "Wilt u mij terugbellen", "Graag terugbellen"])
def test_polite_request_to_be_called_back_fires_the_contact_rule(shipped_rules, text):
    assert "asks-for-contact" in fired_ids(shipped_rules, ReportInput(text=text))


@pytest.mark.parametrize("text", ["Kunt u mij bellen?", "Wilt u mij bellen over de losse tegel"])
def test_polite_request_to_be_rung_fires_the_contact_rule(shipped_rules, text):
    assert "asks-for-contact" in fired_ids(shipped_rules, ReportInput(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "De lantaarnpaal bij de Grote Markt brandt niet",
        "Ik bel de politie als dit zo doorgaat",  # calling someone else, not asking to be called
        "De derde lantaarnpaal van links brandt niet",  # 'derde' without 'keer'
        "Er staat een groot gevaarte op de stoep",  # not 'gevaarlijk'
        "Er staan lege kratten bij de glasbak",  # 'kratten' is not 'ratten'
        "De prullenbak op het plein is vol",
        "",
    ],
)
def test_no_text_rule_fires_on_an_ordinary_report(shipped_rules, text):
    assert fired_ids(shipped_rules, ReportInput(text=text)) == []


def test_text_rules_ignore_accents():
    rules = RuleSet([Rule("cafe", "complex", "text", "terras", patterns=(r"\bcafe\b",))])

    assert fired_ids(rules, ReportInput(text="Het terras van het Café staat op de stoep")) == ["cafe"]


# Rules on counts: nearby reports and reporter volume


def test_nearby_rule_fires_from_its_min_count_of_the_same_category(shipped_rules):
    report = ReportInput(text="Container vol", nearby_50m_30d={"afval": 2})

    assert "repeat-nearby" in fired_ids(shipped_rules, report, "afval")


def test_nearby_rule_does_not_fire_below_its_min_count(shipped_rules):
    report = ReportInput(text="Container vol", nearby_50m_30d={"afval": 1})

    assert "repeat-nearby" not in fired_ids(shipped_rules, report, "afval")


def test_nearby_rule_counts_only_the_proposed_category(shipped_rules):
    report = ReportInput(text="Container vol", nearby_50m_30d={"schoon": 5})

    assert "repeat-nearby" not in fired_ids(shipped_rules, report, "afval")
    assert "repeat-nearby" not in fired_ids(shipped_rules, report, None)


def test_nearby_rule_uses_the_min_count_it_is_given():
    rules = RuleSet([Rule("four", "complex", "nearby_same_category", "vier", min_count=4)])

    assert fired_ids(rules, ReportInput(text="x", nearby_50m_30d={"afval": 3}), "afval") == []
    assert fired_ids(rules, ReportInput(text="x", nearby_50m_30d={"afval": 4}), "afval") == ["four"]


def test_reporter_volume_rule_fires_from_its_min_count(shipped_rules):
    assert "many-reports-by-reporter" in fired_ids(shipped_rules, ReportInput(text="x", reporter_reports_90d=5))


def test_reporter_volume_rule_does_not_fire_below_its_min_count(shipped_rules):
    assert "many-reports-by-reporter" not in fired_ids(shipped_rules, ReportInput(text="x", reporter_reports_90d=4))


# The category's default queue


def test_category_with_a_demanding_default_queue_fires_as_a_rule():
    rules = RuleSet([], category_queues={"wonen": "complex", "schoon": "simple"})

    firings = rules.fired(ReportInput(text="x"), "wonen")

    assert [(f.rule_id, f.queue) for f in firings] == [("category-default", "complex")]
    assert "wonen" in firings[0].reason.text


def test_category_with_simple_default_or_unknown_category_fires_nothing():
    rules = RuleSet([], category_queues={"wonen": "complex", "schoon": "simple"})

    assert rules.fired(ReportInput(text="x"), "schoon") == []
    assert rules.fired(ReportInput(text="x"), "onbekend") == []
    assert rules.fired(ReportInput(text="x"), None) == []


def test_product_rules_know_the_taxonomy_default_queues():
    rules = product_rules()

    assert "category-default" in fired_ids(rules, ReportInput(text="x"), "civiele-constructies")
    assert "category-default" not in fired_ids(rules, ReportInput(text="x"), "schoon")


# Reading the rules file


def test_shipped_rules_file_loads_every_kind_of_rule(shipped_rules):
    ids = {rule.id for rule in shipped_rules.rules}
    kinds = {rule.kind for rule in shipped_rules.rules}

    assert {"asks-for-contact", "complaint-about-handling", "vulnerable-resident", "repeat-nearby"} <= ids
    assert kinds == {"text", "nearby_same_category", "reporter_volume"}
    assert all(rule.queue in QUEUES for rule in shipped_rules.rules)
    assert all(rule.patterns for rule in shipped_rules.rules if rule.kind == "text")


def test_rule_with_an_unknown_queue_is_refused():
    with pytest.raises(ValueError, match="unknown queue 'urgent'"):
        Rule("x", "urgent", "text", "reden", patterns=("kapot",))


def test_rule_with_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown kind 'weather'"):
        Rule("x", "complex", "weather", "reden")


def test_rule_with_a_bad_regular_expression_is_refused():
    with pytest.raises(re.error):
        Rule("x", "complex", "text", "reden", patterns=("(niet afgesloten",))


def test_a_rule_fires_when_any_one_of_its_patterns_matches():
    rule = Rule("x", "complex", "text", "reden", patterns=(r"\bverzakt\w*", r"\bgat in de weg\b"))
    assert rule.fires(ReportInput(text="er is een gat in de weg"), None, "er is een gat in de weg")
    assert rule.fires(ReportInput(text="verzakte stoep"), None, "verzakte stoep")
    assert not rule.fires(ReportInput(text="lamp kapot"), None, "lamp kapot")


def test_a_rule_whose_patterns_cannot_stand_together_is_refused():
    with pytest.raises(re.error):  # each compiles alone, but one name cannot be given twice in one search
        Rule("x", "complex", "text", "reden", patterns=("(?P<a>gat)", "(?P<a>kuil)"))


def test_rules_file_with_a_bad_rule_is_refused(tmp_path):
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    data["rules"].append({"id": "broken", "queue": "complex", "kind": "text", "reason": "r", "patterns": ["[a-"]})
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(re.error):
        RuleSet.from_file(path)
