"""Open311 GET requests: which reports a caller may see, found by the specification's filters.

Reading needs no key, so what anyone may see is decided here. A report is listed when an officer put it in
a category marked public (`Category.is_public`, Signalen's "publicly accessible"), or when the caller's key
sent it. Only that key sees the resident's own words (description, address text, media link, the team's
messages): the status page guards those with a long random token, and a public list must not hand them
out. Contact details never leave through Open311 at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from models import ApiKey, ApiSubmission, AuditEvent, Category, Report, ReportMessage, ReportStatus
from triage.intake.lookup import by_status_token
from triage.intake.tracking import normalise_tracking_code
from triage.kernel.audit import AuditAction
from triage.kernel.refusals import Problems, SubmissionRejected
from triage.reference.categories import by_service_codes

MAX_RESULTS = 1000
MAX_SPAN = timedelta(days=90)
STATUSES = ("open", "closed")
# Someone starting or stopping to follow a report does not change the request itself.
NOT_AN_UPDATE = tuple(
    action.value
    for action in (
        AuditAction.FOLLOWER_CONFIRMED,
        AuditAction.FOLLOWER_STOPPED,
        AuditAction.FOLLOWER_ADDED,
        AuditAction.FOLLOWER_ANONYMISED,
    )
)


@dataclass(frozen=True)
class RequestQuery:
    ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    statuses: frozenset[str] = frozenset()
    start: datetime | None = None
    end: datetime | None = None
    page: int = 1
    page_size: int = MAX_RESULTS
    report_statuses: frozenset[ReportStatus] = frozenset()  # finer than open/closed: the public map's filter


@dataclass(frozen=True)
class VisibleRequest:
    """A report as a caller may see it; `own` says whether the caller's key sent it, `listed` whether it is in a
    public category (or own). A report found by its id alone is neither: the caller sees its status only."""

    report: Report
    category: Category | None
    own: bool
    submission: ApiSubmission | None
    updated_at: datetime
    status_notes: str | None
    listed: bool = True


def _listed(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


def parse_moment(text: str) -> datetime | None:
    """A W3C date and time with its zone ("2026-11-01T00:00:00Z", "...+01:00"); None when not one."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None and "T" in text else None


def parse_query(args: Mapping[str, str], now: datetime) -> RequestQuery:
    """The filters as given; an empty parameter counts as absent, as the specification asks."""
    problems = Problems()
    start, end = _moment(args, "start_date", problems), _moment(args, "end_date", problems)
    statuses = frozenset(_listed(args.get("status", "")))
    if not statuses <= set(STATUSES):
        problems.add("status", "open311.status_invalid")
    page = _number(args, "page", 1, 10_000, problems)
    page_size = _number(args, "page_size", MAX_RESULTS, MAX_RESULTS, problems)
    start, end = _window(start, end, now, problems)
    if problems:
        raise SubmissionRejected(problems)
    return RequestQuery(
        ids=_listed(args.get("service_request_id", ""))[:MAX_RESULTS],
        service_codes=_listed(args.get("service_code", "")),
        statuses=statuses,
        start=start,
        end=end,
        page=page,
        page_size=page_size,
    )


def _moment(args: Mapping[str, str], name: str, problems: Problems) -> datetime | None:
    text = args.get(name, "").strip()
    moment = parse_moment(text) if text else None
    if text and moment is None:
        problems.add(name, "open311.date_invalid")
    return moment


def _number(args: Mapping[str, str], name: str, default: int, highest: int, problems: Problems) -> int:
    text = args.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or not 1 <= int(text) <= highest:
        problems.add(name, "open311.number_invalid", max=highest)
        return default
    return int(text)


def _window(start, end, now: datetime, problems: Problems) -> tuple[datetime, datetime]:
    """At most 90 days: the last 90 by default, or 90 from whichever end was given."""
    if start and end and (end < start or end - start > MAX_SPAN):
        problems.add("start_date", "open311.date_range_invalid", days=MAX_SPAN.days)
    if start and not end:
        end = start + MAX_SPAN
    if not start:
        end = end or now
        start = end - MAX_SPAN
    return start, end


def find_requests(session: Session, query: RequestQuery, viewer: ApiKey | None) -> list[VisibleRequest]:
    """Newest first; a list of ids overrides every other filter, as the specification says."""
    statement = _visible(viewer)
    if query.ids:
        codes = [normalise_tracking_code(code) for code in query.ids]
        statement = statement.where(Report.tracking_code.in_([code for code in codes if code]))
    else:
        statement = _filtered(session, statement, query)
        statement = statement.offset((query.page - 1) * query.page_size).limit(query.page_size)
    return _seen(session, statement.order_by(Report.created_at.desc(), Report.id.desc()), viewer)


def find_request(session: Session, typed_id: str, viewer: ApiKey | None) -> VisibleRequest | None:
    """One request by its id, in any category: whoever has the code may know its status, as on the tracking page.

    Only a listed one (public category, or sent by this key) shows more than the status."""
    code = normalise_tracking_code(typed_id)
    if not code:
        return None
    found = _seen(session, _visible(viewer).where(Report.tracking_code == code), viewer)
    if found:
        return found[0]
    anyone = select(Report).outerjoin(ApiSubmission, ApiSubmission.report_id == Report.id)
    found = _seen(session, anyone.where(Report.tracking_code == code), viewer)
    return replace(found[0], listed=False) if found else None


def request_id_for_token(session: Session, token: str) -> str | None:
    """The request id behind the status token of a confirmation link; whoever holds the token may know it."""
    report = by_status_token(session, token)
    return report.tracking_code if report else None


def _visible(viewer: ApiKey | None) -> Select:
    public = Report.category.has(Category.is_public.is_(True))
    sent_by_viewer = ApiSubmission.api_key_id == viewer.id if viewer else None
    condition = or_(public, sent_by_viewer) if sent_by_viewer is not None else public
    return select(Report).outerjoin(ApiSubmission, ApiSubmission.report_id == Report.id).where(condition)


def _filtered(session: Session, statement: Select, query: RequestQuery) -> Select:
    statement = statement.where(Report.created_at >= query.start, Report.created_at <= query.end)
    if query.service_codes:
        ids = [category.id for category in by_service_codes(session, list(query.service_codes))]
        statement = statement.where(func.coalesce(Report.category_id, ApiSubmission.category_id).in_(ids))
    if query.statuses and len(query.statuses) == 1:
        closed = Report.status.in_(ReportStatus.closed())
        statement = statement.where(closed if "closed" in query.statuses else ~closed)
    if query.report_statuses:
        statement = statement.where(Report.status.in_(sorted(query.report_statuses)))
    return statement


def _seen(session: Session, statement: Select, viewer: ApiKey | None) -> list[VisibleRequest]:
    loading = (selectinload(Report.category).selectinload(Category.team), selectinload(Report.buurt))
    reports = list(session.scalars(statement.options(*loading)))
    if not reports:
        return []
    ids = [report.id for report in reports]
    submissions = {
        row.report_id: row for row in session.scalars(select(ApiSubmission).where(ApiSubmission.report_id.in_(ids)))
    }
    last_event = select(AuditEvent.report_id, func.max(AuditEvent.at)).where(AuditEvent.report_id.in_(ids))
    last_event = last_event.where(AuditEvent.action.not_in(NOT_AN_UPDATE))
    updated = {report_id: at for report_id, at in session.execute(last_event.group_by(AuditEvent.report_id))}
    own_ids = [i for i in ids if viewer and i in submissions and submissions[i].api_key_id == viewer.id]
    notes = _latest_messages(session, own_ids)
    return [_visible_request(report, submissions.get(report.id), viewer, updated, notes) for report in reports]


def _visible_request(
    report: Report,
    submission: ApiSubmission | None,
    viewer: ApiKey | None,
    updated: dict[int, datetime],
    notes: dict[int, str],
) -> VisibleRequest:
    own = bool(viewer and submission and submission.api_key_id == viewer.id)
    return VisibleRequest(
        report=report,
        category=report.category or (submission.category if submission else None),
        own=own,
        submission=submission if own else None,
        updated_at=max(filter(None, [updated.get(report.id), report.created_at])),
        status_notes=notes.get(report.id) if own else None,
    )


def _latest_messages(session: Session, report_ids: list[int]) -> dict[int, str]:
    """The newest message the team wrote to the resident, per report; internal notes never leave."""
    if not report_ids:
        return {}
    query = (
        select(ReportMessage)
        .where(ReportMessage.report_id.in_(report_ids), ReportMessage.kind == "resident")
        .order_by(ReportMessage.id)
    )
    return {message.report_id: message.text for message in session.scalars(query)}
