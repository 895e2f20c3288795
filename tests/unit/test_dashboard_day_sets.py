"""The day rows count exactly the period sets that add up day by day: every set placed in the period by a
moment and counted row by row (not the reopened reports, counted once however often they reopen)."""

from models import DAY_COUNTS, StatusChange
from triage.monitoring.report_sets import RELATED, SETS


def test_the_day_rows_hold_every_summable_period_set():
    summable = [name for name, chosen in SETS.items() if chosen.moment is not None]
    summable += [name for name, (record, _, _) in RELATED.items() if record is not StatusChange]
    assert sorted(DAY_COUNTS) == sorted(summable)
