"""Versions of the configuration: every setting an administrator changes gets a numbered version with who, when,
before and after (models.ConfigChange), the history shows them and any latest change can be undone.

Why here, in the kernel: categories (reference), accounts and teams (staff), standard texts (notifications) and
routing rules each own their own setting, but the history page, undo and the edit-conflict check must work the
same for all of them. A feature records its change with `record_change` and registers one *restorer* per subject:
the function that puts a snapshot (the `before` of a change) back. Undo is then the same for every subject.

Conflicts: an edit form carries the version it was shown (`current_version`); `expect_version` refuses a save
on top of a version that is no longer the latest, and the unique (subject, key, version) constraint catches two
saves that checked at the same moment.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import ConfigChange
from triage.kernel.refusals import DecisionRefused


@enum.unique
class Subject(enum.StrEnum):
    """The kinds of setting with a history. Stored by value, so the values never change."""

    CATEGORY = "category"
    TEAM = "team"
    STAFF_ACCOUNT = "staff_account"
    STANDARD_TEXT = "standard_text"
    ROUTING_RULE = "routing_rule"
    PROFILE = "profile"


class EditConflict(DecisionRefused):
    """Someone else saved this setting after the form was opened; nothing was changed."""

    def __init__(self, current: int) -> None:
        super().__init__("config.conflict")
        self.current = current


# restorer(session, key, snapshot or None, actor, now): puts the setting back as in `snapshot`; None = remove it.
Restorer = Callable[[Session, str, dict | None, str, datetime], None]
_RESTORERS: dict[Subject, Restorer] = {}


def register_restorer(subject: Subject, restorer: Restorer) -> None:
    """Called once by the feature that owns `subject`, when its module is imported."""
    _RESTORERS[subject] = restorer


def current_version(session: Session, subject: Subject, key: str | int) -> int:
    """The latest version number of one setting; 0 when it was never changed in the screens (e.g. shipped data)."""
    query = select(func.max(ConfigChange.version)).where(
        ConfigChange.subject == subject.value, ConfigChange.subject_key == str(key)
    )
    return session.scalar(query) or 0


def expect_version(session: Session, subject: Subject, key: str | int, seen: int | str | None) -> None:
    """Refuse with EditConflict when the setting changed since the form showed version `seen`."""
    current = current_version(session, subject, key)
    try:
        seen_number = int(seen) if seen not in (None, "") else 0
    except (TypeError, ValueError):
        seen_number = -1
    if seen_number != current:
        raise EditConflict(current)


def record_change(
    session: Session,
    subject: Subject,
    key: str | int,
    before: dict | None,
    after: dict | None,
    actor: str,
    now: datetime,
    summary: str = "",
    undoes: ConfigChange | None = None,
) -> ConfigChange:
    """Write the next version of a setting. Call it in the same transaction as the change itself."""
    change = ConfigChange(
        subject=subject.value,
        subject_key=str(key),
        version=current_version(session, subject, key) + 1,
        before=before,
        after=after,
        actor=actor,
        at=now,
        summary=summary[:300],
        undoes_id=undoes.id if undoes else None,
    )
    session.add(change)
    session.flush()
    return change


@dataclass(frozen=True)
class HistoryLine:
    change: ConfigChange
    is_latest: bool  # only the latest change of a setting can be undone: older ones would overwrite later work


def change_history(
    session: Session, subject: Subject | None = None, key: str | int | None = None, limit: int = 200
) -> list[HistoryLine]:
    """The newest changes first, optionally of one subject or one setting, each saying whether it may be undone."""
    query = select(ConfigChange).order_by(ConfigChange.at.desc(), ConfigChange.id.desc()).limit(limit)
    if subject is not None:
        query = query.where(ConfigChange.subject == subject.value)
    if key is not None:
        query = query.where(ConfigChange.subject_key == str(key))
    changes = list(session.scalars(query))
    latest = _latest_versions(session, {(c.subject, c.subject_key) for c in changes})
    return [HistoryLine(c, latest.get((c.subject, c.subject_key)) == c.version) for c in changes]


def _latest_versions(session: Session, settings: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    if not settings:
        return {}
    subjects = {subject for subject, _key in settings}
    query = (
        select(ConfigChange.subject, ConfigChange.subject_key, func.max(ConfigChange.version))
        .where(ConfigChange.subject.in_(subjects))
        .group_by(ConfigChange.subject, ConfigChange.subject_key)
    )
    return {(s, k): v for s, k, v in session.execute(query) if (s, k) in settings}


def undo_change(session: Session, change_id: int, actor: str, now: datetime) -> ConfigChange:
    """Put a setting back as it was before `change_id`, recorded as a new version that says what it undoes.

    Refused (DecisionRefused) when the change is unknown, not the latest of its setting, or its subject has no
    restorer; nothing is changed then.
    """
    change = session.get(ConfigChange, change_id)
    if change is None:
        raise DecisionRefused("config.undo_unknown")
    subject = Subject(change.subject)
    if current_version(session, subject, change.subject_key) != change.version:
        raise DecisionRefused("config.undo_not_latest")
    restorer = _RESTORERS.get(subject)
    if restorer is None:
        raise DecisionRefused("config.undo_unsupported")
    restorer(session, change.subject_key, change.before, actor, now)
    summary = f"undo #{change.id}: {change.summary}"
    return record_change(session, subject, change.subject_key, change.after, change.before, actor, now, summary, change)
