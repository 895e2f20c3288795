"""A demo history for the dashboard: a year (or more) of the municipality's reports, handled as the product would have.

    seed(target, *, now, days=365, reports=None, seed=1, replace=False, municipality_code=None,
         workers=None) -> SeedSummary

`target` is a Session or Connection; everything is written in its transaction and the caller commits.
`workers` is the number of forked processes that make rows while this one writes (default: cores - 1,
at least 1; 0 makes everything here). A year on SQLite takes about 10 s; 1,000,000 reports over four years
on PostgreSQL about 3 minutes on two cores (rows by COPY, never an ORM object per row).
Reports are created in [now - days, now): as many as demo_history.json in the data folder gives the
municipality for that many days (about 54,000 a year for the default one), or `reports`. Inflow over the
seasons, weekdays and hours, the channel and category mix and the turnaround per category are drawn from
aggregates of real reports (data/DEMO_HISTORY.md); texts, sub categories and queue labels from the synthetic
demo corpus; places from the municipality's buurten. Each report then lives its life up to `now`: a classifier
proposal, automatic routing or an officer's decision (with Correction rows), status changes, messages to the
resident, feedback, sometimes a reopen; due times and outcome columns are what the product's norms, calendar
and triage/outcomes.py give.

Demo reports have tracking codes DEMO-0000001 ... and no reporter. With demo reports present, `seed` raises
DemoDataExists unless `replace`, which first removes the demo reports and every row that points at them
(never a real report; DemoReportsInUse when a real report points at a demo one). The same seed, `now`,
`days` and `reports` give the same history (status tokens excepted: they stay secret random links).
Officers' decisions get no per-report audit events, so `triage retrain` does not learn from demo reports;
one audit event "demo.seeded" records each run.
"""

from triage.demo_history.seeding import SeedSummary, has_reports, seed
from triage.demo_history.store import DemoDataExists, DemoReportsInUse, count_demo_reports, remove_demo_reports

__all__ = [
    "DemoDataExists",
    "DemoReportsInUse",
    "SeedSummary",
    "count_demo_reports",
    "has_reports",
    "remove_demo_reports",
    "seed",
]
