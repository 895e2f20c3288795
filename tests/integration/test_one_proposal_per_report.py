"""A report has at most one proposal: the database refuses a second one, so a proposal job run twice at the
same time (a retry beside a hand-over) cannot leave two behind."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from models import Proposal
from tests.factories import make_proposal, make_report


def proposals_of(session, report) -> int:
    return session.scalar(select(func.count()).select_from(Proposal).where(Proposal.report_id == report.id))


def test_the_database_refuses_a_second_proposal_for_a_report(session, tmp_path):
    report = make_report(session, tmp_path, "Container zit vol")
    make_proposal(session, report)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_proposal(session, report, needs_person=False)
    assert proposals_of(session, report) == 1


def test_storing_a_prepared_proposal_again_keeps_the_one_there_is(session, tmp_path):
    from datetime import UTC, datetime

    from triage.proposals import store_proposal
    from triage.proposals.pipeline import PreparedProposal

    report = make_report(session, tmp_path, "Container zit vol")
    make_proposal(session, report)
    prepared = PreparedProposal(report.id, None, None, None, None, True, {}, {})
    store_proposal(session, prepared, report.id, datetime.now(UTC))
    assert proposals_of(session, report) == 1
