"""Timer labels count in the norm's own unit (calendar days, or working days and hours) across weekends and
holidays; every audit action reads as a sentence in Dutch and English, so a new action without words fails here."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from models import Category, Report, ReportStatus
from triage.kernel.audit import AuditAction
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.workflow import Term, describe, timer_label
from triage.workflow.history import _Context, sentence
from web.i18n import catalogue


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TIME_ZONE)


TIMERS = [
    # entered,          due,                now,                calendar?, label text (nl),                      why
    (
        "2026-11-27 10:00",
        "2026-12-02 10:00",
        "2026-11-28 12:00",
        False,
        "Nog 2 werkdagen en 1 uur",
        "Saturday counts nothing",
    ),
    (
        "2026-11-27 10:00",
        "2026-11-30 10:00",
        "2026-11-28 10:00",
        True,
        "Nog 2 dagen en 0 uur",
        "calendar days count the weekend",
    ),
    (
        "2026-12-24 10:00",
        "2026-12-29 10:00",
        "2026-12-25 12:00",
        False,
        "Nog 1 werkdagen en 1 uur",
        "Christmas counts nothing",
    ),
    (
        "2026-12-24 10:00",
        "2026-12-27 10:00",
        "2026-12-25 12:00",
        True,
        "Nog 1 dagen en 22 uur",
        "Christmas is a calendar day",
    ),
    (
        "2026-12-22 10:00",
        "2026-12-24 16:00",
        "2026-12-28 09:30",
        False,
        "0 werkdagen en 2 uur te laat",
        "late across holidays",
    ),
    (
        "2026-12-22 10:00",
        "2026-12-24 16:00",
        "2026-12-28 09:30",
        True,
        "3 dagen en 17 uur te laat",
        "every hour counts",
    ),
    (
        "2025-11-28 10:00",
        "2025-12-01 10:00",
        "2026-12-01 10:00",
        True,
        "365 dagen en 0 uur te laat",
        "a year late, in days",
    ),
    (
        "2025-11-26 10:00",
        "2025-12-01 10:00",
        "2026-12-01 10:00",
        False,
        "254 werkdagen en 0 uur te laat",
        "in working days",
    ),
]


@pytest.mark.parametrize(("entered", "due", "now", "calendar_days", "expected", "why"), TIMERS)
def test_timer_label_counts_in_the_norms_unit(entered, due, now, calendar_days, expected, why):
    report = Report(
        status=ReportStatus.IN_PROGRESS,
        queue_entered_at=at(entered),
        due_at=at(due),
        category=Category(calendar_days=calendar_days),
    )
    key, amounts = describe(timer_label(report, at(now)))
    assert catalogue("nl")[key].format(**amounts) == expected, why


def test_calendar_day_labels_say_days_in_both_languages():
    report = Report(
        status=ReportStatus.IN_PROGRESS, due_at=at("2025-12-01 10:00"), category=Category(calendar_days=True)
    )
    key, amounts = describe(timer_label(report, at("2026-12-01 10:00")))
    assert "werkdagen" not in catalogue("nl")[key] and "working" not in catalogue("en")[key]


CONTEXT = _Context(
    {"sanne@example.org": "Sanne de Vries", "lead@example.org": "Lotte Leider"},
    {"container-is-vol": "Container is vol"},
    {},
)
DETAILS = {  # the richest details each action is written with; the rest need none
    AuditAction.REPORT_RECEIVED: {"channel": "web", "photos": 2},
    AuditAction.TRIAGE_AUTO_ROUTED: {"category": "container-is-vol", "queue": "maatwerk"},
    AuditAction.STATUS_CHANGED: {"before": "in_progress", "after": "done"},
    AuditAction.REPORT_REQUEUED: {"before": ["container-is-vol", "simple"], "after": ["container-is-vol", "complex"]},
    AuditAction.DUE_SET: {"due": "2026-12-01T10:00:00+00:00"},
    AuditAction.ESCALATION_OVERDUE: {"recipients": ["lead@example.org"]},
    AuditAction.FEEDBACK_GIVEN: {"satisfied": False},
}


def words(line, language: str) -> str:
    texts = catalogue(language)
    params = {k: texts[v.key] if isinstance(v, Term) else str(v) for k, v in line.params.items()}
    return texts[line.key].format(**params)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("action", list(AuditAction))
@pytest.mark.parametrize("actor", ["sanne@example.org", "resident", "system:classifier", "system:escalation"])
def test_every_audit_action_reads_as_a_sentence(action, language, actor):
    event = SimpleNamespace(
        action=action.value, actor=actor, at=at("2026-12-01 10:00"), details=DETAILS.get(action, {})
    )
    text = words(sentence(event, CONTEXT), language)
    assert action.value not in text and "{" not in text and "@" not in text and "system:" not in text


def test_history_names_queues_statuses_and_who_acted():
    routed = SimpleNamespace(
        action="triage.auto_routed",
        actor="system:classifier",
        at=at("2026-12-01 10:00"),
        details=DETAILS[AuditAction.TRIAGE_AUTO_ROUTED],
    )
    assert words(sentence(routed, CONTEXT), "nl") == "Doorgezet naar Maatwerk (Container is vol) door de classifier"
    changed = SimpleNamespace(
        action="status.changed",
        actor="sanne@example.org",
        at=at("2026-12-01 10:00"),
        details=DETAILS[AuditAction.STATUS_CHANGED],
    )
    assert words(sentence(changed, CONTEXT), "nl") == "Status: In behandeling -> Afgehandeld, door Sanne de Vries"
