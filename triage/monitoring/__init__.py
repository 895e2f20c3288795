"""The monitoring team's and team leads' figures: turnaround against the norms, backlog, classifier quality."""

from triage.monitoring.agreement import LiveAccuracy, live_accuracy
from triage.monitoring.daily_rows import refresh_dashboard_days
from triage.monitoring.dashboard import FIGURES, build_dashboard, build_figure
from triage.monitoring.exports import figure_csv, report_rows, reports_csv, reports_geojson
from triage.monitoring.figures import Figure
from triage.monitoring.filters import Filters, read_filters
from triage.monitoring.hotspots import map_outlines, neighbourhood_map
from triage.monitoring.report_sets import DRILL_DOWN_PAGE, drill_down_page, reports_in_set, set_names

__all__ = [
    "DRILL_DOWN_PAGE",
    "FIGURES",
    "Figure",
    "Filters",
    "LiveAccuracy",
    "build_dashboard",
    "build_figure",
    "drill_down_page",
    "figure_csv",
    "live_accuracy",
    "map_outlines",
    "neighbourhood_map",
    "read_filters",
    "refresh_dashboard_days",
    "report_rows",
    "reports_csv",
    "reports_geojson",
    "reports_in_set",
    "set_names",
]
