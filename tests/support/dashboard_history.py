"""A small history worked out by hand, built through the product's own services, for the dashboard tests.

In the week of King's Day 2026 (Monday 27 April, a day off) the simple team resolves six reports with a norm
of 3 working days (office 08:30-17:00, 8.5 hours a day), one of which is reopened after negative feedback;
maatwerk makes personal contact in time once and too late once; the classifier routes one complex report by
itself. "Now" is Friday 1 May 2026, 12:00 in Haarlem.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from models import Channel, Queue, Report, Role
from tests.factories import category, make_report, make_staff, route_report
from triage.intake.photo_store import PhotoStore
from triage.monitoring.filters import Filters, Period
from triage.proposals.pipeline import PreparedProposal, store_proposal
from triage.workflow.feedback import give_feedback
from triage.workflow.transitions import change_status

HAARLEM = ZoneInfo("Europe/Amsterdam")
PERIOD = Filters(Period(date(2026, 4, 20), date(2026, 5, 3)))
SIMPLE, MAATWERK, COMPLEX = "container-is-vol", "jongerenoverlast", "boom"


def local(day: int, hour: int, minute: int = 0, month: int = 4) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=HAARLEM).astimezone(UTC)


NOW = local(1, 12, month=5)


@dataclass
class Staff:
    officer: object
    member: object
    lead: object


class History:
    """Builds reports through the product's own services, at chosen moments."""

    def __init__(self, session, tmp_path, staff: Staff):
        self.session, self.store, self.staff = session, PhotoStore(tmp_path), staff

    def report(self, created: datetime, channel: Channel = Channel.WEB) -> Report:
        return make_report(self.session, self.store, "Melding voor het dashboard", now=created, channel=channel)

    def propose(self, report: Report, slug: str, queue: Queue, at: datetime, needs_person: bool = True) -> None:
        prepared = PreparedProposal(report.id, category(self.session, slug).id, 0.9, queue, 0.9, needs_person, {}, {})
        store_proposal(self.session, prepared, report.id, at)

    def triage(self, report: Report, slug: str, queue: Queue, at: datetime) -> None:
        route_report(self.session, report, self.staff.officer, queue.value, slug, at)

    def status(self, report: Report, to: str, at: datetime, message: str = "", who=None) -> None:
        change_status(self.session, report, who or self.staff.member, report.version, to, message, at)

    def resolve(self, report: Report, at: datetime) -> None:
        self.status(report, "in_progress", at)
        self.status(report, "done", at, "Opgelost, dank voor uw melding.")


@pytest.fixture
def history(session, tmp_path):
    return build_history(session, tmp_path)


def build_history(session, tmp_path) -> dict[str, Report]:
    """The reports of the module docstring by name; the staff who handled them are created too."""
    staff = Staff(
        make_staff(session, Role.TRIAGE_OFFICER, email="t@haarlem.example", name="T"),
        make_staff(session, Role.TEAM_MEMBER, email="m@haarlem.example", name="M"),
        make_staff(session, Role.TEAM_LEAD, email="l@haarlem.example", name="L"),
    )
    build = History(session, tmp_path, staff)
    reports = {}
    triaged = local(23, 9, 30)
    resolved_at = {"A": local(29, 9), "B": local(29, 10), "C": local(24, 12), "D": local(28, 17), "E": local(27, 12)}
    resolved_at["F"] = local(30, 9)
    for name in "ABCDEFG":
        report = reports[name] = build.report(local(23, 9))
        build.propose(report, "prullenbak-is-vol" if name in "FG" else SIMPLE, Queue.SIMPLE, local(23, 9, 1))
        build.triage(report, SIMPLE, Queue.SIMPLE, triaged)
        if name in resolved_at:
            build.resolve(report, resolved_at[name])
        else:
            build.status(report, "in_progress", local(24, 9))
    give_feedback(session, reports["A"], "yes", "", local(29, 12))
    give_feedback(session, reports["B"], "no", "Het duurde te lang.", local(29, 18))
    build.status(reports["B"], "reopened", local(30, 12), who=staff.lead)

    maatwerk_contact = {"M1": local(24, 15), "M2": local(28, 9), "M3": None}
    for name, contact in maatwerk_contact.items():
        created = local(30, 10) if name == "M3" else local(23, 16)
        report = reports[name] = build.report(created, Channel.API if name == "M1" else Channel.WEB)
        build.propose(report, MAATWERK, Queue.SIMPLE, created)
        build.triage(report, MAATWERK, Queue.MAATWERK, created)
        if contact:
            build.status(report, "in_progress", contact, "Ik bel u vandaag nog even, groet van het team.")

    reports["X"] = build.report(local(24, 10))
    build.propose(reports["X"], COMPLEX, Queue.COMPLEX, local(24, 10), needs_person=False)
    reports["earlier"] = build.report(local(10, 11), Channel.PHONE)
    session.flush()
    return reports
