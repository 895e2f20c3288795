"""Privacy by design: a reporter's contact details are kept only for the retention period.

After that the details are erased from the reporter row and from every place they were copied to: mail in
the outbox (mail still waiting is withdrawn, sent mail keeps no address), audit details, texts a resident
or an officer wrote. The copies are found generically, by walking every text and JSON column of the schema,
so a table added later is covered without anyone remembering to. The report itself, its text and its history
stay, so turnaround figures and the classifier's training data are not lost. Safe to run repeatedly.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from sqlalchemy import JSON, Enum, String, Table, Text, cast, delete, func, or_, select, true, update
from sqlalchemy.orm import Session

from models import Base, Follower, OutboxMail, Report, Reporter
from triage.kernel.audit import AuditAction, record

SYSTEM_ACTOR = "system:retention"
ERASED = "[gewist]"
SHORTEST_ERASABLE = 5  # a shorter "phone number" would match innocent text everywhere
BATCH = 40  # values replaced per statement


def reporters_due_for_anonymisation(session: Session, now: datetime, retention_days: int) -> list[Report]:
    cutoff = now - timedelta(days=retention_days)
    query = (
        select(Report)
        .join(Reporter, Report.reporter_id == Reporter.id)
        .where(Report.created_at < cutoff, Reporter.anonymised_at.is_(None))
        .where(or_(Reporter.email.is_not(None), Reporter.phone.is_not(None)))
    )
    return list(session.scalars(query))


def anonymise_expired_contacts(session: Session, now: datetime, retention_days: int) -> int:
    """Erase contact details of reports older than the retention period; returns how many were erased."""
    reports = reporters_due_for_anonymisation(session, now, retention_days)
    erased = anonymise_reporters(session, reports, now, SYSTEM_ACTOR, retention_days=retention_days)
    anonymise_expired_followers(session, now, retention_days)
    session.flush()
    return erased


def anonymise_reporters(session: Session, reports: list[Report], now: datetime, actor: str, **details) -> int:
    """Erase the contact details of these reports' reporters, everywhere; the retention run and a resident's own
    erasure request both come here, so "erased" means the same thing for both. `details` go in each audit event.

    First every reporter row is cleared, so a detail counts as still needed only when a reporter left alone (a
    newer report of the same resident) has it; then waiting mail is withdrawn and the copies are scrubbed: for
    such a detail in this report's rows only, otherwise everywhere, in one pass per column."""
    reports = [report for report in reports if report.reporter is not None]
    found = [(report, _contact_details(report.reporter), report.reporter.email) for report in reports]
    for report in reports:
        report.reporter.email = report.reporter.phone = None
        report.reporter.anonymised_at = now
    session.flush()
    everywhere: list[str] = []
    for report, values, email in found:
        needed = {value for value in values if _still_in_use(session, value)}
        withdrawn = _withdraw_waiting_mail(session, email, report.id if email and email.strip() in needed else None)
        erase_everywhere(session, sorted(needed), report.id)
        everywhere += [value for value in values if value not in needed]
        record(session, report, AuditAction.REPORTER_ANONYMISED, actor, now, withdrawn_mails=withdrawn, **details)
    erase_everywhere(session, list(dict.fromkeys(everywhere)))
    session.flush()
    return len(reports)


def anonymise_expired_followers(session: Session, now: datetime, retention_days: int) -> int:
    """Followers' addresses go the same way, counted from when they asked to follow: the row stays without its
    address (so it no longer mails or counts), waiting mail to it is withdrawn and its copies are scrubbed."""
    cutoff = now - timedelta(days=retention_days)
    due = list(session.scalars(select(Follower).where(Follower.created_at < cutoff, Follower.email.is_not(None))))
    found = [(follower, follower.email) for follower in due]
    for follower in due:
        follower.email, follower.anonymised_at = None, now
    session.flush()
    for follower, email in found:
        values = [email.strip(), email.strip().lower()]
        needed = any(_still_in_use(session, value) or _still_followed(session, value) for value in values)
        _withdraw_waiting_mail(session, email, follower.report_id if needed else None)
        erase_everywhere(session, list(dict.fromkeys(values)), follower.report_id if needed else None)
        action = AuditAction.FOLLOWER_ANONYMISED
        record(session, follower.report, action, SYSTEM_ACTOR, now, retention_days=retention_days)
    return len(due)


def _still_followed(session: Session, value: str) -> bool:
    """True when a follower still within retention (the same resident, a later follow) has the same address."""
    query = select(Follower.id).where(func.lower(Follower.email) == value.lower())
    return session.scalar(query.limit(1)) is not None


def _contact_details(reporter: Reporter) -> list[str]:
    """The strings to erase: the address as given and in lower case (mail may carry either), the phone."""
    values = [reporter.email, reporter.email.lower() if reporter.email else None, reporter.phone]
    return list(dict.fromkeys(v.strip() for v in values if v and len(v.strip()) >= SHORTEST_ERASABLE))


def _withdraw_waiting_mail(session: Session, email: str | None, report_id: int | None) -> int:
    """Mail to the erased address not yet sent is deleted: after erasure nobody may write to them any more.

    With `report_id` (a newer report still needs the address) only the mail about that report goes."""
    if not email:
        return 0
    query = delete(OutboxMail).where(OutboxMail.sent_at.is_(None))
    query = query.where(func.lower(OutboxMail.to_address) == email.strip().lower())
    if report_id is not None:
        query = query.where(OutboxMail.report_id == report_id)
    return session.execute(query.execution_options(synchronize_session="fetch")).rowcount


def _still_in_use(session: Session, value: str) -> bool:
    """True when a reporter still within retention (the same resident, a newer report) has the same detail."""
    query = select(Reporter.id).where(Reporter.anonymised_at.is_(None))
    query = query.where(or_(func.lower(Reporter.email) == value.lower(), Reporter.phone == value))
    return session.scalar(query.limit(1)) is not None


def erase_everywhere(session: Session, values: list[str], only_report_id: int | None = None) -> None:
    """Replace each of `values` by ERASED in every text and JSON column of every table; ORM objects are expired.

    With `only_report_id` (the details are still needed for a newer report) only that report's own rows are
    erased: the report row and the rows of every table with a report_id. Values go in batches, so a large
    run scans each column once per batch, not once per value."""
    if not values:
        return
    for start in range(0, len(values), BATCH):
        batch = values[start : start + BATCH]
        for table, column in _erasable_columns():
            scope = _rows_of_report(table, only_report_id)
            if scope is False:
                continue
            if isinstance(column.type, JSON):
                _erase_in_json(session, table, column, batch, scope)
            else:
                _erase_in_text(session, table, column, batch, scope)
    session.expire_all()


def _rows_of_report(table: Table, report_id: int | None):
    """The where clause that limits erasure to one report's rows: True for all rows, False for none."""
    if report_id is None:
        return true()
    if table is Report.__table__:
        return table.c.id == report_id
    if "report_id" in table.c:
        return table.c.report_id == report_id
    return False


def _erasable_columns() -> Iterator[tuple[Table, object]]:
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String | Text | JSON) and not isinstance(column.type, Enum):
                yield table, column


def _erase_in_text(session: Session, table: Table, column, batch: list[str], scope) -> None:
    replaced = column
    for value in batch:
        replaced = func.replace(replaced, value, ERASED)
    values = {column.name: replaced}
    if "version" in table.c:  # an officer's open form must not write the old text back
        values["version"] = table.c.version + 1
    holding = or_(*(column.contains(value, autoescape=True) for value in batch))
    session.execute(update(table).where(scope, holding).values(values))


def _erase_in_json(session: Session, table: Table, column, batch: list[str], scope) -> None:
    key = list(table.primary_key.columns)[0]
    holding = or_(*(cast(column, Text).contains(value, autoescape=True) for value in batch))
    for row_id, document in session.execute(select(key, column).where(scope, holding)).all():
        for value in batch:
            document = _scrubbed(document, value)
        session.execute(update(table).where(key == row_id).values({column.name: document}))


def _scrubbed(document, value: str):
    """The JSON document with `value` replaced in every string, key or leaf."""
    if isinstance(document, str):
        return document.replace(value, ERASED)
    if isinstance(document, list):
        return [_scrubbed(item, value) for item in document]
    if isinstance(document, dict):
        return {_scrubbed(k, value): _scrubbed(v, value) for k, v in document.items()}
    return document
