"""The migrations match the models on both databases, and the shipped data loads idempotently."""

import re

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select

from models import Area, AreaKind, Base, Category, Queue, ReportStatus, Team
from models.migrations.env_filters import include_object
from triage.reference import filter_choices
from triage.reference.loading import load_reference_data


def test_migrated_schema_matches_the_models(connection):
    context = MigrationContext.configure(connection, opts={"include_object": include_object})
    assert compare_metadata(context, Base.metadata) == []


def test_the_open_work_index_names_the_statuses_a_team_works_on(connection):
    """The migration writes the statuses out; the index must hold exactly the reports the work list shows."""
    [condition] = [
        index["dialect_options"].get(f"{connection.dialect.name}_where")
        for index in inspect(connection).get_indexes("report")
        if index["name"] == "ix_report_team_work_queue_due_at"
    ]
    named = set(re.findall(r"'(\w+)'", str(condition)))
    assert named == {status.value for status in ReportStatus.team_work()}


def count(session, model, *where):
    return session.scalar(select(func.count()).select_from(model).where(*where))


def test_shipped_areas_are_loaded(session):
    assert count(session, Area, Area.kind == AreaKind.BUURT) == 111
    assert count(session, Area, Area.kind == AreaKind.WIJK) == 21
    haarlem = session.scalar(select(Area).where(Area.kind == AreaKind.GEMEENTE, Area.code == "GM0392"))
    assert haarlem.name == "Haarlem"


def test_buurt_code_gives_its_wijk(session):
    buurten = session.scalars(select(Area).where(Area.kind == AreaKind.BUURT)).all()
    wijk_codes = set(session.scalars(select(Area.code).where(Area.kind == AreaKind.WIJK)))
    for buurt in buurten:
        assert buurt.parent_code == "WK" + buurt.code[2:8]
        assert buurt.parent_code in wijk_codes


def test_categories_carry_norms_queues_and_teams(session):
    subs = session.scalars(select(Category).where(Category.parent_id.is_not(None))).all()
    assert len(subs) == 155
    norms = [sub.service_norm_days for sub in subs if sub.service_norm_days is not None]
    assert len(norms) >= 154 and all(norm > 0 for norm in norms)  # Signalen leaves gladheid-bladeren without one
    assert all(sub.default_queue in set(Queue) for sub in subs)
    assert all(sub.team is not None for sub in subs)
    assert count(session, Category, Category.parent_id.is_(None)) == 13


def test_queue_teams_exist(session):
    queues = set(session.scalars(select(Team.queue).where(Team.queue.is_not(None))))
    assert queues == set(Queue)


def test_loading_again_changes_no_counts_and_keeps_ids(session):
    before = {model: count(session, model) for model in (Area, Category, Team)}
    buurt_id = session.scalar(select(Area.id).where(Area.code == "BU03920101"))

    load_reference_data(session)

    assert {model: count(session, model) for model in (Area, Category, Team)} == before
    assert session.scalar(select(Area.id).where(Area.code == "BU03920101")) == buurt_id


def test_filter_choices_are_every_main_category_and_the_areas_of_one_kind_each_by_name(session):
    """One read for both of a staff list's filters: retired main categories stay (reports keep theirs), sub
    categories and areas of another kind do not come along."""
    load_reference_data(session)
    retired = session.scalars(select(Category).where(Category.parent_id.is_(None)).order_by(Category.slug)).first()
    retired.is_active = False
    session.flush()
    choices = filter_choices(session, AreaKind.WIJK)
    mains = session.execute(select(Category.slug, Category.name).where(Category.parent_id.is_(None))).all()
    wijken = session.execute(select(Area.code, Area.name).where(Area.kind == AreaKind.WIJK)).all()
    assert choices.mains == sorted(map(tuple, mains), key=lambda row: (row[1], row[0]))
    assert choices.areas == sorted(map(tuple, wijken), key=lambda row: (row[1], row[0]))
    assert retired.slug in {row.value for row in choices.mains} and len(choices.areas) > 1
