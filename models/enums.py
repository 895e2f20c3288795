"""Closed vocabularies of the domain, stored by name so the database stays readable."""

import enum


class Queue(enum.StrEnum):
    """The three triage queues of TRIAGE_POLICY.md; maatwerk wins over complex, complex over simple."""

    SIMPLE = "simple"
    COMPLEX = "complex"
    MAATWERK = "maatwerk"


class ReportStatus(enum.StrEnum):
    """Where a report is in its life. Allowed transitions live in triage/workflow.py, not here."""

    RECEIVED = "received"
    TRIAGED = "triaged"
    IN_PROGRESS = "in_progress"
    WAITING_RESIDENT = "waiting_resident"
    WAITING_EXTERNAL = "waiting_external"
    DONE = "done"
    CANCELLED = "cancelled"
    REOPENED = "reopened"


class Channel(enum.StrEnum):
    """How the report reached us: the web form, our JSON API and Open311 GeoReport v2 are built so far."""

    WEB = "web"
    API = "api"
    PHONE = "phone"
    EMAIL = "email"
    OPEN311 = "open311"


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
