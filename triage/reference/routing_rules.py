"""Administrators edit the routing rules (an area and a category to an owning team and a queue), preview what last
month's reports would have got under the changed rules, and save; every save or removal is a version with before
and after (triage.kernel.versions), and undo puts the rule back.

A rule's setting is named by its area and category ("buurt:BU03920101/afval_container-is-vol"), not by its row id,
so undoing the removal of a rule brings back the same setting with its history.
The order in which rules are tried is in triage/reference/routing.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models import Area, AreaKind, Category, Proposal, Queue, Report, RoutingRule, Team
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.kernel.versions import Subject, expect_version, record_change, register_restorer
from triage.reference.categories import SEPARATOR, service_code
from triage.reference.routing import RuleBook, RuleTarget, category_path, decide, most_demanding, rule_book

PREVIEW_DAYS = 30
SAMPLE_SIZE = 10
AREA_KINDS = (AreaKind.BUURT, AreaKind.WIJK)


@dataclass(frozen=True)
class RuleFields:
    area: str = ""  # "buurt:BU03920101" or "wijk:WK039201"
    category: str = ""  # a main category's slug or a sub category's service code
    team: str = ""  # team slug
    queue: str = ""

    @classmethod
    def from_form(cls, form) -> RuleFields:
        return cls(*((form.get(name) or "").strip() for name in ("area", "category", "team", "queue")))

    @classmethod
    def of(cls, rule: RoutingRule) -> RuleFields:
        return cls(area_ref(rule.area), service_code(rule.category), rule.team.slug, rule.queue.value)


@dataclass(frozen=True)
class CheckedRule:
    area: Area
    category: Category
    team: Team
    queue: Queue

    @property
    def key(self) -> str:
        return f"{area_ref(self.area)}/{service_code(self.category)}"


def area_ref(area: Area) -> str:
    return f"{area.kind.value}:{area.code}"


def rules_for_admin(session: Session) -> list[RoutingRule]:
    query = select(RoutingRule).options(
        selectinload(RoutingRule.area), selectinload(RoutingRule.category), selectinload(RoutingRule.team)
    )
    rules = list(session.scalars(query))
    return sorted(rules, key=lambda r: (r.area.kind.value, r.area.name, category_path(r.category)))


def areas_for_rules(session: Session, municipality_code: str) -> list[Area]:
    """The wijken and buurten of the municipality, wijken first, each by name: what a rule may name."""
    areas = session.scalars(select(Area).where(Area.kind.in_(AREA_KINDS)).order_by(Area.kind.desc(), Area.name))
    return [area for area in areas if _in_municipality(session, area, municipality_code)]


def _in_municipality(session: Session, area: Area, municipality_code: str) -> bool:
    if area.kind is AreaKind.WIJK:
        return area.parent_code == municipality_code
    if area.kind is AreaKind.BUURT:
        wijk = session.scalar(select(Area).where(Area.kind == AreaKind.WIJK, Area.code == area.parent_code))
        return wijk is not None and wijk.parent_code == municipality_code
    return False


def _area(session: Session, ref: str) -> Area | None:
    kind, _, code = ref.partition(":")
    if kind not in {k.value for k in AREA_KINDS} or not code:
        return None
    return session.scalar(select(Area).where(Area.kind == AreaKind(kind), Area.code == code))


def _category(session: Session, code: str) -> Category | None:
    main_slug, _, sub_slug = code.partition(SEPARATOR)
    main = session.scalar(select(Category).where(Category.slug == main_slug, Category.parent_id.is_(None)))
    if main is None or not sub_slug:
        return main
    return session.scalar(select(Category).where(Category.slug == sub_slug, Category.parent_id == main.id))


def check_rule(session: Session, typed: RuleFields, municipality_code: str) -> CheckedRule:
    """The rule's parts, or SubmissionRejected with a problem next to each field that is wrong."""
    problems = Problems()
    area = _area(session, typed.area) if typed.area else None
    if not typed.area:
        problems.add("area", "admin.routing.area_missing")
    elif area is None:
        problems.add("area", "admin.routing.area_unknown")
    elif not _in_municipality(session, area, municipality_code):
        problems.add("area", "admin.routing.area_outside", area=area.name)
    category = _category(session, typed.category) if typed.category else None
    if category is None:
        problems.add("category", "admin.routing.category_missing" if not typed.category else "admin.routing.unknown")
    team = session.scalar(select(Team).where(Team.slug == typed.team)) if typed.team else None
    if team is None:
        problems.add("team", "admin.routing.team_missing" if not typed.team else "admin.routing.unknown")
    if typed.queue not in {q.value for q in Queue}:
        problems.add("queue", "admin.routing.queue_missing")
    if problems:
        raise SubmissionRejected(problems)
    return CheckedRule(area, category, team, Queue(typed.queue))


def find_rule(session: Session, checked: CheckedRule) -> RoutingRule | None:
    query = select(RoutingRule).where(
        RoutingRule.area_id == checked.area.id, RoutingRule.category_id == checked.category.id
    )
    return session.scalar(query)


def snapshot(rule: RoutingRule) -> dict:
    """Plain values with names beside the references, so the history reads without looking anything up."""
    return {
        "area": area_ref(rule.area),
        "area_name": rule.area.name,
        "category": service_code(rule.category),
        "category_name": category_path(rule.category),
        "team": rule.team.slug,
        "team_name": rule.team.name,
        "queue": rule.queue.value,
    }


def create_rule(session: Session, typed: RuleFields, municipality_code: str, actor: str, now: datetime) -> RoutingRule:
    checked = check_rule(session, typed, municipality_code)
    if find_rule(session, checked) is not None:
        problems = Problems()
        problems.add("area", "admin.routing.exists")
        raise SubmissionRejected(problems)
    rule = RoutingRule(area=checked.area, category=checked.category, team=checked.team, queue=checked.queue)
    session.add(rule)
    session.flush()
    record_change(session, Subject.ROUTING_RULE, checked.key, None, snapshot(rule), actor, now, _summary(rule))
    return rule


def update_rule(
    session: Session, rule: RoutingRule, typed: RuleFields, seen: str | None, municipality_code: str, actor: str, now
) -> None:
    """A rule's team and queue; its area and category are what it is (remove it and add another to change them)."""
    key = rule_key(rule)
    expect_version(session, Subject.ROUTING_RULE, key, seen)
    same_place = RuleFields(area_ref(rule.area), service_code(rule.category), typed.team, typed.queue)
    checked = check_rule(session, same_place, municipality_code)
    before = snapshot(rule)
    rule.team, rule.queue = checked.team, checked.queue
    session.flush()
    if snapshot(rule) != before:
        record_change(session, Subject.ROUTING_RULE, key, before, snapshot(rule), actor, now, _summary(rule))


def remove_rule(session: Session, rule: RoutingRule, seen: str | None, actor: str, now: datetime) -> None:
    key = rule_key(rule)
    expect_version(session, Subject.ROUTING_RULE, key, seen)
    before, summary = snapshot(rule), _summary(rule)
    session.delete(rule)
    session.flush()
    record_change(session, Subject.ROUTING_RULE, key, before, None, actor, now, summary)


def rule_key(rule: RoutingRule) -> str:
    return f"{area_ref(rule.area)}/{service_code(rule.category)}"


def _summary(rule: RoutingRule) -> str:
    return f"{rule.area.name} + {category_path(rule.category)}"


def _restore(session: Session, key: str, before: dict | None, actor: str, now: datetime) -> None:
    """Undo for rules: remove the rule (undoing its creation) or put its team and queue back (re-adding it)."""
    area_part, _, category_part = key.partition("/")
    area, category = _area(session, area_part), _category(session, category_part)
    if area is None or category is None:
        raise DecisionRefused("config.undo_unknown")
    rule = session.scalar(
        select(RoutingRule).where(RoutingRule.area_id == area.id, RoutingRule.category_id == category.id)
    )
    if before is None:
        if rule is not None:
            session.delete(rule)
        session.flush()
        return
    team = session.scalar(select(Team).where(Team.slug == before["team"]))
    if team is None:
        raise DecisionRefused("config.undo_unknown")
    rule = rule or RoutingRule(area=area, category=category)
    rule.team, rule.queue = team, Queue(before["queue"])
    session.add(rule)
    session.flush()


register_restorer(Subject.ROUTING_RULE, _restore)


# --- the preview: last month's reports under the rules as they are and as they would be --------------------------


@dataclass(frozen=True)
class PreviewRow:
    team: str  # "" for no owning team
    queue: str  # "" for no queue
    before: int
    after: int


@dataclass(frozen=True)
class PreviewSample:
    tracking_code: str
    category: str
    area: str
    before: tuple[str, str]
    after: tuple[str, str]


@dataclass(frozen=True)
class Preview:
    since: datetime
    reports: int
    changed: int
    rows: list[PreviewRow]
    sample: list[PreviewSample]


def preview_change(
    session: Session, checked: CheckedRule | None, removed: RoutingRule | None, now: datetime
) -> Preview:
    """What reports of the last 30 days would have got with `checked` saved (or `removed` gone), beside what they
    get under the rules as they are. The queue is the classifier's, raised by the routing as for a new report."""
    current = rule_book(session)
    changed = dict(current)
    if checked is not None:
        changed[(checked.area.id, checked.category.id)] = RuleTarget(0, checked.team.id, checked.queue)
    if removed is not None:
        changed.pop((removed.area_id, removed.category_id), None)
    return _compare(session, current, changed, now - timedelta(days=PREVIEW_DAYS))


def _compare(session: Session, current: RuleBook, changed: RuleBook, since: datetime) -> Preview:
    categories = {c.id: c for c in session.scalars(select(Category).options(selectinload(Category.parent)))}
    teams = {t.id: t.name for t in session.scalars(select(Team))}
    before_counts, after_counts, differing, total = Counter(), Counter(), [], 0
    for row in _recent_reports(session, since):
        category = categories.get(row.category_id)
        basis = _classifier_queue(row)
        outcome = []
        for book in (current, changed):
            routing = decide(book, category, row.buurt_id, row.wijk_id)
            queue = most_demanding(basis, routing.queue)
            outcome.append((teams.get(routing.team_id, ""), queue.value if queue else ""))
        before_counts[outcome[0]] += 1
        after_counts[outcome[1]] += 1
        total += 1
        if outcome[0] != outcome[1]:
            differing.append((row, category, outcome))
    keys = sorted(before_counts.keys() | after_counts.keys())
    rows = [PreviewRow(team, queue, before_counts[(team, queue)], after_counts[(team, queue)]) for team, queue in keys]
    sample = [_sample(session, *item) for item in differing[:SAMPLE_SIZE]]
    return Preview(since, total, len(differing), rows, sample)


def _recent_reports(session: Session, since: datetime):
    """Only the columns routing needs: a month of reports is thousands of rows, and whole reports with their
    proposals' reasons take seconds to load where these take a fraction of one."""
    classifier = Proposal.reasons["routing"]["classifier"].as_string()
    query = (
        select(
            Report.tracking_code,
            Report.category_id,
            Report.buurt_id,
            Report.wijk_id,
            Report.queue,
            Proposal.queue.label("proposed"),
            classifier.label("classifier"),
        )
        .outerjoin(Proposal, Proposal.report_id == Report.id)
        .where(Report.created_at >= since, Report.category_id.is_not(None))
        .order_by(Report.created_at.desc())
    )
    return session.execute(query).all()


def _classifier_queue(row) -> Queue | None:
    """The queue before any routing raised it: the classifier's own when it is known, else where the report is."""
    if row.classifier in {q.value for q in Queue}:
        return Queue(row.classifier)
    return row.queue or row.proposed


def _sample(session: Session, row, category: Category | None, outcome: list[tuple[str, str]]) -> PreviewSample:
    area = session.get(Area, row.buurt_id or row.wijk_id) if (row.buurt_id or row.wijk_id) else None
    return PreviewSample(
        row.tracking_code, category_path(category) if category else "", area.name if area else "", *outcome
    )
