"""Closed vocabularies of the domain, stored by name so the database stays readable."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Queue(enum.StrEnum):
    """The triage queues of TRIAGE_POLICY.md, in rising order of care: a later queue wins over an earlier one.

    The classifiers name queues by these values, in this order (classifiers/rules.py QUEUES, proposal.py
    QUEUE_ORDER): they take plain values, so tests/unit/test_vocabularies.py ties them to this enum.
    Adding a queue is a member here, its team and norms in the data folder, and its texts in the catalogues.
    """

    SIMPLE = "simple"
    COMPLEX = "complex"
    MAATWERK = "maatwerk"

    @property
    def rank(self) -> int:
        """Where the queue stands in the policy's order: maatwerk > complex > simple."""
        return list(Queue).index(self)


class ReportStatus(enum.StrEnum):
    """Where a report is in its life, and what that means everywhere else.

    Every feature asks the status itself (is it open for the team, closed, does it stop the clock, ...), so
    adding a status is one member here plus its row in `_STATUS_PROPERTIES`. Who may move a report from one
    status to another lives in the one transition table (triage/workflow/transitions.py), not here.
    """

    RECEIVED = "received"
    TRIAGED = "triaged"
    IN_PROGRESS = "in_progress"
    WAITING_RESIDENT = "waiting_resident"
    WAITING_EXTERNAL = "waiting_external"
    DONE = "done"
    CANCELLED = "cancelled"
    REOPENED = "reopened"

    @property
    def is_open(self) -> bool:
        """Not closed: the report still needs someone (the inbox or a team); nearby reports count it as open."""
        return not self.is_closed

    @property
    def awaits_triage(self) -> bool:
        """In the triage inbox: no queue yet; an officer (or a confident proposal) decides where it goes."""
        return _STATUS_PROPERTIES[self].triage

    @property
    def is_team_work(self) -> bool:
        """On a queue team's work list: routed and not closed."""
        return _STATUS_PROPERTIES[self].team_work

    @property
    def is_closed(self) -> bool:
        """Nothing more will happen unless it is reopened (Open311 "closed")."""
        return _STATUS_PROPERTIES[self].closed

    @property
    def pauses_clock(self) -> bool:
        """The service-norm clock stands still: we wait for the resident."""
        return _STATUS_PROPERTIES[self].pauses_clock

    @property
    def needs_resident_message(self) -> bool:
        """A team moving a report here must write the resident why (done, cancelled)."""
        return _STATUS_PROPERTIES[self].needs_message

    @property
    def resolves(self) -> bool:
        """Reaching it resolves the report for the norms and the dashboard (its outcome is written)."""
        return _STATUS_PROPERTIES[self].resolves

    @classmethod
    def team_work(cls) -> tuple[ReportStatus, ...]:
        return tuple(status for status in cls if status.is_team_work)

    @classmethod
    def open(cls) -> tuple[ReportStatus, ...]:
        return tuple(status for status in cls if status.is_open)

    @classmethod
    def closed(cls) -> tuple[ReportStatus, ...]:
        return tuple(status for status in cls if status.is_closed)

    @classmethod
    def resolved(cls) -> tuple[ReportStatus, ...]:
        return tuple(status for status in cls if status.resolves)


@dataclass(frozen=True)
class _StatusProperties:
    triage: bool = False
    team_work: bool = False
    closed: bool = False
    pauses_clock: bool = False
    needs_message: bool = False
    resolves: bool = False


_STATUS_PROPERTIES = {
    ReportStatus.RECEIVED: _StatusProperties(triage=True),
    ReportStatus.TRIAGED: _StatusProperties(team_work=True),
    ReportStatus.IN_PROGRESS: _StatusProperties(team_work=True),
    ReportStatus.WAITING_RESIDENT: _StatusProperties(team_work=True, pauses_clock=True),
    ReportStatus.WAITING_EXTERNAL: _StatusProperties(team_work=True),
    ReportStatus.DONE: _StatusProperties(closed=True, needs_message=True, resolves=True),
    ReportStatus.CANCELLED: _StatusProperties(closed=True, needs_message=True),
    ReportStatus.REOPENED: _StatusProperties(team_work=True),
}


class Channel(enum.StrEnum):
    """How the report reached us: the web form, our JSON API, Open311 GeoReport v2, and what the contact centre
    takes in (phone, counter, e-mail, social media). Stored by value."""

    WEB = "web"
    API = "api"
    PHONE = "phone"
    EMAIL = "email"
    OPEN311 = "open311"
    COUNTER = "counter"
    SOCIAL_MEDIA = "social_media"


class AreaKind(enum.StrEnum):
    BUURT = "buurt"
    WIJK = "wijk"
    GEMEENTE = "gemeente"
    PROVINCIE = "provincie"


class TeamKind(enum.StrEnum):
    QUEUE = "queue"
    TRIAGE = "triage"
    MONITORING = "monitoring"
    DEPARTMENT = "department"


class Priority(enum.StrEnum):
    NORMAL = "normal"
    HIGH = "high"
