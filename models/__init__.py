"""The database layer: SQLAlchemy 2 models, engine and session set-up, Alembic migrations.

Everything above this package (geo/, triage/, web/) imports models from here, never the other way round.
"""

from models.api_keys import ApiKey, ApiSubmission
from models.base import Base
from models.communication import Escalation, Feedback, OutboxMail
from models.configuration import ConfigChange, MunicipalitySettings
from models.dashboard_days import DAY_COUNTS, DashboardBuiltDay, DashboardDay, DashboardMonth, DashboardStaleMoment
from models.enums import AreaKind, Channel, Priority, Queue, ReportStatus, TeamKind
from models.followers import Follower
from models.reference import Area, Category, Team
from models.report import Attachment, AuditEvent, Report, Reporter, is_team_work, is_waiting_for_triage
from models.resident_data import ErasureRequest, ResidentLink
from models.resident_replies import NoAnswerReminder, ReplyPhoto, ResidentReply
from models.retention import DestroyedReport
from models.routing import ReportRouting, RoutingRule
from models.staff import Role, StaffInvitation, StaffRole, StaffTeam, StaffUser
from models.texts import MailTemplate, StandardText
from models.training import TrainingExample
from models.triage_records import Correction, PendingJob, Proposal
from models.workflow_records import ReportMessage, StatusChange

__all__ = [
    "DAY_COUNTS",
    "DashboardBuiltDay",
    "DashboardDay",
    "DashboardMonth",
    "DashboardStaleMoment",
    "ApiKey",
    "ApiSubmission",
    "ConfigChange",
    "MunicipalitySettings",
    "Escalation",
    "Feedback",
    "Follower",
    "OutboxMail",
    "Correction",
    "DestroyedReport",
    "PendingJob",
    "Priority",
    "Proposal",
    "Role",
    "StaffInvitation",
    "StaffRole",
    "StaffTeam",
    "StaffUser",
    "Area",
    "AreaKind",
    "Attachment",
    "AuditEvent",
    "Base",
    "Category",
    "Channel",
    "Queue",
    "Report",
    "ReportStatus",
    "ReportMessage",
    "Reporter",
    "is_team_work",
    "is_waiting_for_triage",
    "NoAnswerReminder",
    "ReplyPhoto",
    "ResidentReply",
    "StatusChange",
    "Team",
    "TeamKind",
    "TrainingExample",
    "MailTemplate",
    "StandardText",
    "ErasureRequest",
    "ResidentLink",
    "ReportRouting",
    "RoutingRule",
]
