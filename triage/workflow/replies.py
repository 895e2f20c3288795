"""The resident answers a team's question from their status page, with text and photos (checked as at intake).

The answer is the resident's move in the transition table (waiting for the resident -> in progress): the clock
runs again, the team's page shows the answer and the work list marks the report, and the assignee is mailed.
A refused answer (no text, a bad photo, no question open) stores nothing, not even a photo file.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from models import ReplyPhoto, Report, ReportStatus, ResidentReply, StaffUser, StatusChange
from triage.intake.photo_store import PhotoStore
from triage.intake.photos import PhotoRejected, PreparedPhoto, prepare_photo
from triage.intake.submission import MAX_PHOTOS, Upload
from triage.kernel.audit import AuditAction, record
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.notifications.kinds import MailKind
from triage.notifications.staff_mail import mail_staff
from triage.workflow.transitions import Party, may_move, move

MAX_REPLY = 2000
RESIDENT_ACTOR = "resident"


def answer_question(
    session: Session, report: Report, text: str, uploads: list[Upload], store: PhotoStore, now: datetime
) -> ResidentReply:
    """Store the resident's answer and move the report on; SubmissionRejected (every problem at once) otherwise."""
    if not may_move(report.status, ReportStatus.IN_PROGRESS, Party.RESIDENT):
        raise DecisionRefused("reply.not_waiting")
    problems = Problems()
    text = _checked_text(text, problems)
    photos = _checked_photos(uploads, problems)
    if problems:
        raise SubmissionRejected(problems)
    reply = ResidentReply(report_id=report.id, at=now, text=text)
    reply.photos = [_stored(store, photo, position) for position, photo in enumerate(photos, start=1)]
    session.add(reply)
    record(session, report, AuditAction.RESIDENT_REPLIED, RESIDENT_ACTOR, now, photos=len(photos))
    move(session, report, ReportStatus.IN_PROGRESS, RESIDENT_ACTOR, "", now)
    tell_assignee(session, report, MailKind.RESIDENT_REPLIED, now)
    session.flush()
    return reply


def _checked_text(text: str, problems: Problems) -> str:
    text = text.replace("\x00", "").strip()
    if not text:
        problems.add("text", "reply.text_required")
    elif len(text) > MAX_REPLY:
        problems.add("text", "reply.text_too_long", max=MAX_REPLY, length=len(text))
    return text


def _checked_photos(uploads: list[Upload], problems: Problems) -> list[PreparedPhoto]:
    """Intake's checks (a real image, bytes and pixels limited, metadata removed), before anything is stored."""
    uploads = [upload for upload in uploads if upload.filename or upload.data]
    if len(uploads) > MAX_PHOTOS:
        problems.add("photos", "photos.too_many", max=MAX_PHOTOS)
        return []
    prepared = []
    for upload in uploads:
        try:
            prepared.append(prepare_photo(upload.data, upload.filename))
        except PhotoRejected as refusal:
            problems.add("photos", refusal.code, **refusal.params)
    return prepared


def _stored(store: PhotoStore, photo: PreparedPhoto, position: int) -> ReplyPhoto:
    return ReplyPhoto(
        position=position,
        storage_key=store.store(photo),
        byte_size=len(photo.image),
        width=photo.width,
        height=photo.height,
        sha256=photo.sha256,
    )


def tell_assignee(session: Session, report: Report, kind: MailKind, now: datetime) -> list[str]:
    """The person working on the report hears of it; without one, the work list's mark is how the team sees it."""
    assignee = session.get(StaffUser, report.assignee_id) if report.assignee_id else None
    recipients = [assignee.email] if assignee and assignee.is_active else []
    mail_staff(session, report, kind, recipients, now)
    return recipients


def resident_replies(session: Session, report: Report) -> list[ResidentReply]:
    """The resident's answers, oldest first, with their photos."""
    query = (
        select(ResidentReply)
        .where(ResidentReply.report_id == report.id)
        .options(selectinload(ResidentReply.photos))
        .order_by(ResidentReply.id)
    )
    return list(session.scalars(query))


def reply_photo(session: Session, report: Report, photo_id: int) -> ReplyPhoto | None:
    """One photo of an answer, only through the report it belongs to."""
    query = (
        select(ReplyPhoto).join(ResidentReply).where(ReplyPhoto.id == photo_id, ResidentReply.report_id == report.id)
    )
    return session.scalar(query)


def waiting_since(session: Session, report_ids: Iterable[int]) -> dict[int, datetime]:
    """When each report last started waiting for the resident: the moment the team asked its question."""
    query = (
        select(StatusChange.report_id, func.max(StatusChange.at))
        .where(StatusChange.report_id.in_(list(report_ids)), StatusChange.to_status == ReportStatus.WAITING_RESIDENT)
        .group_by(StatusChange.report_id)
    )
    return dict(session.execute(query).all())
