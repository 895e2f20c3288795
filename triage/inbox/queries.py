"""What the triage officers' pages list: the reports waiting for a decision (filtered by category, channel, buurt
and age), their proposals, past corrections."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, bindparam, or_, select, true
from sqlalchemy.orm import Session, aliased, joinedload, load_only

from geo.addresses import ReadableLocation, readable_location_of_row
from models import Area, AreaKind, Category, Channel, Correction, Proposal, Queue, Report, is_waiting_for_triage
from triage.kernel import Problems

INBOX_SIZE = 50
# What a list of waiting reports shows of each: the place (address, buurt, wijk) and the start of the text. Read
# without the rest (the point, tokens, outcomes) since every officer's every inbox view reads fifty of them.
LISTED = (
    Report.id,
    Report.tracking_code,
    Report.description,
    Report.created_at,
    Report.status,
    Report.location_text,
    Report.street,
    Report.house_number,
    Report.postcode,
    Report.place,
    Report.buurt_id,
    Report.wijk_id,
)
CORRECTIONS_SHOWN = 200
AGES = {"1": timedelta(days=1), "3": timedelta(days=3), "7": timedelta(days=7)}  # waiting at least this long


@dataclass(frozen=True)
class InboxFilters:
    """What an officer narrows the inbox to; "" is no filter. category is a main category's slug, buurt a code."""

    category: str = ""
    channel: str = ""
    buurt: str = ""
    age: str = ""  # a key of AGES


def filter_problems(session: Session, filters: InboxFilters) -> Problems:
    """Values no form offers (a changed link, an old bookmark): refused by name rather than silently ignored."""
    problems = Problems()
    if filters.category and not session.scalar(_main_category(filters.category)):
        problems.add("category", "filter.unknown_category")
    if filters.channel and filters.channel not in {c.value for c in Channel}:
        problems.add("channel", "filter.unknown_channel")
    if filters.buurt and not session.scalar(_buurt(filters.buurt)):
        problems.add("buurt", "filter.unknown_buurt")
    if filters.age and filters.age not in AGES:
        problems.add("age", "filter.unknown_age")
    return problems


def without_refused(filters: InboxFilters, problems: Problems) -> InboxFilters:
    """The filters an officer may keep while a refused one is shown next to its field."""
    return replace(filters, **{name: "" for name in problems if hasattr(filters, name)})


def _main_category(slug: str) -> Select:
    return select(Category.id).where(Category.slug == slug, Category.parent_id.is_(None))


def _buurt(code: str) -> Select:
    return select(Area.id).where(Area.kind == AreaKind.BUURT, Area.code == code)


def in_main_category(slug: str) -> ColumnElement[bool]:
    """The report's own category, or (still waiting) a proposal's, lies under this main category."""
    subs = select(Category.id).where(Category.parent_id.in_(_main_category(slug)))
    proposed = select(Proposal.report_id).where(Proposal.category_id.in_(subs))
    return or_(Report.category_id.in_(subs), Report.id.in_(proposed))


def matching(filters: InboxFilters, now: datetime) -> ColumnElement[bool]:
    """The filters as one condition; the search uses the same ones, so a filter means the same on every page."""
    conditions = [true()]
    if filters.category:
        conditions.append(in_main_category(filters.category))
    if filters.channel in {c.value for c in Channel}:
        conditions.append(Report.channel == Channel(filters.channel))
    if filters.buurt:
        conditions.append(Report.buurt_id.in_(_buurt(filters.buurt)))
    if filters.age in AGES:
        conditions.append(Report.created_at <= now - AGES[filters.age])
    return and_(*conditions)


def waiting_reports(
    session: Session, limit: int = INBOX_SIZE, filters: InboxFilters | None = None, now: datetime | None = None
) -> list[Report]:
    """Received reports, oldest first: the one that has waited longest is decided first."""
    query = _waiting(select(Report), limit, filters, now).options(
        load_only(*LISTED),
        joinedload(Report.buurt),
        joinedload(Report.wijk),  # areas: in the same read
    )
    return list(session.scalars(query))


@dataclass(frozen=True)
class ListedProposal:
    category: str | None  # the proposed category's name
    queue: Queue | None
    category_confidence: float | None
    queue_confidence: float | None


@dataclass(frozen=True)
class InboxLine:
    """A waiting report as the inbox lists it, with its proposal (a report has at most one; none while it is
    still being made)."""

    id: int
    tracking_code: str
    description: str
    created_at: datetime
    place: ReadableLocation
    proposal: ListedProposal | None


def inbox_lines(session: Session, filters: InboxFilters, now: datetime) -> list[InboxLine]:
    """The inbox in one read, as plain rows: fifty reports with their proposals and places as objects took
    twice the time of the read itself in the ORM's bookkeeping (3.7 against 1.8 ms a page), for a list that
    changes nothing. The tables joined for show are aliases, so the filters' subqueries keep their own."""
    buurt, wijk, proposal, proposed = aliased(Area), aliased(Area), aliased(Proposal), aliased(Category)
    query = (
        _waiting(
            select(
                *LISTED,
                buurt.name.label("buurt_name"),
                wijk.name.label("wijk_name"),
                proposal.id.label("proposal_id"),
                proposed.name.label("proposed_category"),
                proposal.queue.label("proposed_queue"),
                proposal.category_confidence,
                proposal.queue_confidence,
            ),
            INBOX_SIZE,
            filters,
            now,
        )
        .outerjoin(buurt, buurt.id == Report.buurt_id)
        .outerjoin(wijk, wijk.id == Report.wijk_id)
        .outerjoin(proposal, proposal.report_id == Report.id)
        .outerjoin(proposed, proposed.id == proposal.category_id)
    )
    return [_line(row) for row in session.execute(query)]


def _line(row) -> InboxLine:
    proposal = None
    if row.proposal_id is not None:
        proposal = ListedProposal(
            row.proposed_category, row.proposed_queue, row.category_confidence, row.queue_confidence
        )
    return InboxLine(
        row.id, row.tracking_code, row.description, row.created_at, readable_location_of_row(row), proposal
    )


def _waiting(query: Select, limit: int, filters: InboxFilters | None, now: datetime | None) -> Select:
    """The waiting reports, oldest first, from their own index: ordered by age over all reports, the handled ones
    came first. The limit is written into the SQL text: as a parameter, PostgreSQL could not know a prepared plan
    reads only a page, kept planning the statement anew at every inbox (0.4 ms of each one's 0.6 ms in the
    database) and never reused its plan."""
    wanted = matching(filters, now) if filters and now else true()
    return (
        query.where(is_waiting_for_triage(), wanted)
        .order_by(Report.created_at, Report.id)
        .limit(bindparam("shown", limit, literal_execute=True))
    )


def next_waiting(session: Session, decided: Report) -> int | None:
    """The report to open after this one, so an officer goes through the inbox without going back to it."""
    return next((r.id for r in waiting_reports(session, limit=2) if r.id != decided.id), None)


def recent_corrections(session: Session, limit: int = CORRECTIONS_SHOWN) -> list[Correction]:
    """The officers' latest decisions on proposals first, kept or changed: where people overrule the classifier."""
    query = select(Correction).order_by(Correction.at.desc(), Correction.id.desc()).limit(limit)
    return list(session.scalars(query))
