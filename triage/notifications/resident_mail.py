"""E-mails to residents, in plain Dutch with English below, written into the outbox with the change itself.

Only residents who left an e-mail address (with consent) get mail; everyone sees the same on the status page.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import OutboxMail, Queue, Report, ReportStatus
from triage.norms.due_times import resolution_norm, response_norm

FOOTER = (
    "\n\nU kunt deze e-mail niet beantwoorden. / You cannot reply to this e-mail.\n"
    "Gemeente Haarlem – Meldingen openbare ruimte"
)


BASE_URL_MARK = "{base_url}"  # filled in when the mail is sent: services do not know the site's address


def status_link(report: Report) -> str:
    return f"{BASE_URL_MARK}/melding/{report.status_token}"


def _queue_promise(report: Report) -> tuple[str, str]:
    """What the resident may expect from this queue, in words (Dutch, English)."""
    response, resolution = response_norm(report), resolution_norm(report)
    if report.queue is Queue.MAATWERK and response:
        return (
            f"Wij nemen binnen {response.days} werkdag(en) persoonlijk contact met u op.",
            f"We will contact you personally within {response.days} working day(s).",
        )
    if report.queue is Queue.COMPLEX:
        days = resolution.days if resolution else 20
        return (
            f"Wij zoeken dit uit. Binnen {days} werkdagen hoort u wat we doen.",
            f"We will look into this. Within {days} working days you will hear what we do.",
        )
    days = resolution.days if resolution else 5
    unit = ("dagen", "days") if resolution and resolution.calendar_days else ("werkdagen", "working days")
    return (f"Wij pakken dit binnen {days} {unit[0]} op.", f"We will deal with this within {days} {unit[1]}.")


def compose(report: Report, kind: str, message: str = "") -> tuple[str, str] | None:
    """(subject, body) for the moments that matter to the resident, or None when this moment is not mailed."""
    link = status_link(report)
    code = report.tracking_code
    if kind == "received":
        return (
            f"Uw melding {code} is ontvangen / Your report was received",
            f"Bedankt voor uw melding. Uw meldingsnummer is {code}.\nVolg uw melding hier: {link}\n\n"
            f"Thank you for your report. Your report number is {code}.\nFollow it here: {link}",
        )
    if kind == "triaged":
        dutch, english = _queue_promise(report)
        return (f"Wat er gebeurt met melding {code} / What happens next", f"{dutch}\n{link}\n\n{english}\n{link}")
    if kind == ReportStatus.DONE.value:
        return (
            f"Melding {code} is afgehandeld / Your report has been handled",
            f"{message}\n\nBent u tevreden? Laat het ons weten: {link}#feedback\n\n"
            f"Are you satisfied? Let us know: {link}#feedback",
        )
    if kind in (ReportStatus.WAITING_RESIDENT.value, ReportStatus.CANCELLED.value, ReportStatus.REOPENED.value):
        return (
            f"Bericht over melding {code} / A message about your report",
            f"{message or 'Er is iets veranderd aan uw melding.'}\n\nBekijk uw melding: {link}\n"
            f"See your report: {link}",
        )
    return None


def mail_resident(session: Session, report: Report, kind: str, now: datetime, message: str = "") -> OutboxMail | None:
    address = report.reporter.email if report.reporter else None
    composed = compose(report, kind, message)
    if not address or composed is None:
        return None
    subject, body = composed
    mail = OutboxMail(
        report_id=report.id, kind=kind, to_address=address, subject=subject, body=body + FOOTER, created_at=now
    )
    session.add(mail)
    return mail
