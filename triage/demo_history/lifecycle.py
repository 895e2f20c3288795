"""One demo report's life as the product would have lived it: proposal, triage, work, close, feedback, reopen.

The moments are planned first, then cut at `now`: what happened by then is written, the rest has not happened
yet. Due times come from the product's norms (triage.norms.due_times) and calendar, and the outcome columns
are what triage.norms.outcomes would have written at those moments, counted with the same clock. Demo reports are
never paused (no waiting for the resident), so the clock has no pauses to leave out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from models import ReportStatus
from triage.demo_history import profile, texts
from triage.demo_history.catalogue import Catalogue, CategoryInfo
from triage.norms.calendar import BusinessCalendar
from triage.norms.clock import due_at, working_time_between

S = ReportStatus
OFFICER = "triage.demo@example.org"
LEAD = "teamleider.demo@example.org"
TEAM = {
    "simple": "eenvoudig.demo@example.org",
    "complex": "complex.demo@example.org",
    "maatwerk": "maatwerk.demo@example.org",
}
OTHER_QUEUES = {  # what a wrong queue proposal says instead, relative weights
    "simple": {"complex": 7, "maatwerk": 3},
    "complex": {"simple": 6, "maatwerk": 4},
    "maatwerk": {"complex": 5, "simple": 5},
}
MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Transition:
    at: datetime
    before: ReportStatus
    after: ReportStatus
    actor: str
    message: str = ""


@dataclass
class Proposed:
    at: datetime
    category: CategoryInfo
    queue: str
    category_confidence: float
    queue_confidence: float
    needs_person: bool


@dataclass
class Life:
    """Everything planned for one report; `cut(now)` says what of it has happened."""

    created: datetime
    category: CategoryInfo
    queue: str
    proposal: Proposed
    triaged: datetime
    due: datetime | None
    response_due: datetime | None
    transitions: list[Transition] = field(default_factory=list)
    feedback: tuple[datetime, bool, str] | None = None


def _seconds(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


def _office_days(calendar: BusinessCalendar, after: datetime):
    """The office hours still to come from `after`: (begin, end) per working day, today's clipped."""
    day = after.astimezone(calendar.zone).date()
    for offset in range(400):
        interval = calendar.office_interval(day + timedelta(days=offset))
        if interval and interval[1] > after:
            yield max(interval[0], after), interval[1]


def after_office_time(calendar: BusinessCalendar, after: datetime, delay: timedelta) -> datetime:
    """When someone who works office hours gets to it: `delay` of office time after `after`."""
    for begin, end in _office_days(calendar, after):
        if end - begin > delay:
            return _seconds(begin + delay).astimezone(UTC)
        delay -= end - begin
    raise ValueError("no office hours within a year")


def on_office_day(calendar: BusinessCalendar, after: datetime, index: int, rng: random.Random) -> datetime:
    """A moment within the office hours of the index-th working day from `after` (0: the first with time left)."""
    for number, (begin, end) in enumerate(_office_days(calendar, after)):
        if number == index:
            return _seconds(begin + (end - begin) * rng.random()).astimezone(UTC)
    raise ValueError("no office hours within a year")


def closing_moment(created: datetime, hours: float, rng: random.Random, calendar: BusinessCalendar) -> datetime:
    """Created plus the drawn turnaround; a job of a day or more is closed on a weekday, at a closing hour."""
    raw = created + timedelta(hours=hours)
    if hours < 24:
        return _seconds(raw)
    day = raw.astimezone(calendar.zone).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    local = datetime.combine(day, time(profile.close_hour(rng)), calendar.zone)
    return _seconds(local + timedelta(seconds=rng.randrange(3600))).astimezone(UTC)


def _later(earliest: datetime, moment: datetime) -> datetime:
    return max(moment, earliest + MINUTE)


def propose(catalogue: Catalogue, rng: random.Random, category: CategoryInfo, queue: str, at: datetime) -> Proposed:
    """The classifier's proposal: confident ones route themselves, the others wait for an officer."""
    threshold = profile.assumption("proposal_threshold")
    if rng.random() < profile.assumption("automated_share_by_queue")[queue]:
        return Proposed(at, category, queue, rng.uniform(threshold, 0.99), rng.uniform(threshold, 0.99), False)
    category_right = rng.random() < profile.assumption("proposal_category_right_share")
    queue_right = rng.random() < profile.assumption("proposal_queue_right_share")
    proposed_category = category if category_right else catalogue.other_category(rng, category)
    others = OTHER_QUEUES[queue]
    proposed_queue = queue if queue_right else rng.choices(list(others), weights=list(others.values()))[0]
    category_confidence = rng.uniform(0.45, 0.97) if category_right else rng.uniform(0.2, threshold)
    queue_confidence = rng.uniform(0.45, 0.97) if queue_right else rng.uniform(0.2, threshold)
    if min(category_confidence, queue_confidence) >= threshold:  # a person decides: one of them was unsure
        if category_confidence < queue_confidence:
            category_confidence = rng.uniform(0.3, threshold)
        else:
            queue_confidence = rng.uniform(0.3, threshold)
    return Proposed(at, proposed_category, proposed_queue, category_confidence, queue_confidence, True)


def plan(
    catalogue: Catalogue, rng: random.Random, created: datetime, category: CategoryInfo, queue: str, now: datetime
) -> Life:
    calendar = catalogue.calendar
    proposal_at = _seconds(created + timedelta(seconds=rng.uniform(*profile.assumption("proposal_seconds"))))
    proposal = propose(catalogue, rng, category, queue, proposal_at)
    if proposal.needs_person:
        delay = timedelta(minutes=rng.expovariate(1 / profile.assumption("triage_minutes_mean")))
        triaged = _later(proposal_at, after_office_time(calendar, proposal_at, delay))
    else:
        triaged = proposal_at
    resolution, response = catalogue.norms(category, queue)
    life = Life(
        created,
        category,
        queue,
        proposal,
        triaged,
        due_at(calendar, triaged, resolution) if resolution else None,
        due_at(calendar, triaged, response) if response else None,
    )
    _work(catalogue, rng, life, now)
    return life


def _close_at(catalogue: Catalogue, rng: random.Random, life: Life, now: datetime) -> datetime | None:
    """Open at `now` as often as real reports of that age were (`open_share_by_age`), closed after a turnaround
    drawn from the category's real quantiles: the backlog of a municipality at work, not an accumulation of
    every slow tail and never-closed report of the year."""
    main, age = life.category.main, now - life.created
    still_open = rng.random() < profile.open_share(age.days)
    hours = profile.turnaround_beyond(rng, main, age.total_seconds() / 3600, still_open)
    if hours is None:
        if still_open:
            return None  # never closed, as some real reports are
        hours = age.total_seconds() / 3600 * rng.random()
    low, high = profile.assumption("min_work_minutes")
    closed = closing_moment(life.created, hours, rng, catalogue.calendar)
    if not still_open:
        closed = min(closed, now - MINUTE)  # a weekend or closing hour must not push it past `now`
    return max(closed, life.triaged + timedelta(minutes=rng.uniform(low, high)))


def _contact_at(catalogue: Catalogue, rng: random.Random, life: Life) -> datetime | None:
    days = profile.assumption("first_contact_office_days").get(life.queue)
    if not days:
        return None
    index = rng.choices(range(len(days)), weights=days)[0]
    return _later(life.triaged, on_office_day(catalogue.calendar, life.triaged, index, rng))


def _work(catalogue: Catalogue, rng: random.Random, life: Life, now: datetime) -> None:
    """In progress (with the first personal contact for complex and maatwerk), then done or cancelled."""
    team, closed = TEAM[life.queue], _close_at(catalogue, rng, life, now)
    contact = _contact_at(catalogue, rng, life)
    if contact is not None and closed is not None and contact >= closed - 2 * MINUTE:
        contact = None  # closed before anyone called: the closing message is the first contact
    if contact is not None:
        started = contact
    elif closed is not None:
        started = _seconds(life.triaged + (closed - life.triaged) * rng.uniform(0.1, 0.6))
    else:
        started = on_office_day(catalogue.calendar, life.triaged, rng.randrange(5), rng)
    started = _later(life.triaged, started)
    message = rng.choice(texts.CONTACT[life.queue]) if contact is not None else ""
    life.transitions.append(Transition(started, S.TRIAGED, S.IN_PROGRESS, team, message))
    cancelled = closed is not None and rng.random() < profile.cancelled_share(life.category.main)
    status, waits = S.IN_PROGRESS, profile.assumption("waiting_external")
    long_job = timedelta(days=waits["min_days"])
    waits_until = closed or started + 4 * long_job
    if not cancelled and waits_until - started >= long_job and rng.random() < waits["share"]:
        waiting = _seconds(started + (waits_until - started) * rng.uniform(0.2, 0.5))
        life.transitions.append(Transition(waiting, S.IN_PROGRESS, S.WAITING_EXTERNAL, team))
        status = S.WAITING_EXTERNAL
    if closed is None:
        return
    closed = _later(life.transitions[-1].at, closed)
    if cancelled:
        life.transitions.append(Transition(closed, status, S.CANCELLED, team, rng.choice(texts.CANCELLED)))
        return
    life.transitions.append(Transition(closed, status, S.DONE, team, rng.choice(texts.DONE[life.queue])))
    _feedback(catalogue, rng, life, closed)


def _feedback(catalogue: Catalogue, rng: random.Random, life: Life, closed: datetime) -> None:
    """Some residents answer the done mail; a lead reopens part of the unhappy ones, and the team does it again."""
    if rng.random() >= profile.assumption("feedback_share"):
        return
    low, high = profile.assumption("feedback_hours")
    given = _seconds(closed + timedelta(hours=rng.uniform(low, high)))
    in_norm = life.due is None or closed <= life.due
    satisfied = rng.random() < profile.assumption("satisfied_share")["in_norm" if in_norm else "late"]
    life.feedback = (given, satisfied, rng.choice(texts.POSITIVE_FEEDBACK if satisfied else texts.NEGATIVE_FEEDBACK))
    if satisfied or rng.random() >= profile.assumption("reopen_share_of_negative"):
        return
    calendar, team = catalogue.calendar, TEAM[life.queue]
    reopened = _later(given, after_office_time(calendar, given, timedelta(minutes=rng.uniform(30, 360))))
    restarted = _later(reopened, _seconds(reopened + timedelta(minutes=rng.uniform(10, 180))))
    low, high = profile.assumption("reopen_office_days")
    done_again = _later(restarted, on_office_day(calendar, restarted, rng.randint(low, high), rng))
    life.transitions += [
        Transition(reopened, S.DONE, S.REOPENED, LEAD, rng.choice(texts.REOPEN)),
        Transition(restarted, S.REOPENED, S.IN_PROGRESS, team),
        Transition(done_again, S.IN_PROGRESS, S.DONE, team, rng.choice(texts.DONE_AGAIN)),
    ]


@dataclass
class Outcome:
    """The report as it stands at `now`."""

    status: ReportStatus
    transitions: list[Transition]
    resolved_at: datetime | None
    first_contact_at: datetime | None


def cut(life: Life, now: datetime) -> Outcome:
    happened = [t for t in life.transitions if t.at <= now]
    status = happened[-1].after if happened else (S.TRIAGED if life.triaged <= now else S.RECEIVED)
    contacts = [t.at for t in happened if t.message]
    resolved = happened[-1].at if status.resolves else None
    return Outcome(status, happened, resolved, contacts[0] if contacts else None)


def counted_seconds(calendar: BusinessCalendar, start: datetime, until: datetime) -> int:
    """Office time from entering the queue, as triage.norms.outcomes.working_seconds counts it (no pauses here)."""
    return max(int(working_time_between(calendar, start, until).total_seconds()), 0)
