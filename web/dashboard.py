"""The team leads' and monitoring team's dashboard: figures, charts, map, drill-down and exports.

The period and filters are URL parameters (van, tot, wachtrij, team, categorie, gebied, kanaal), so a view
can be shared by its address; every link on the page keeps them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_login import current_user

from geo.areas import wijken
from models import Channel, Queue, Report, Role, TeamKind
from triage.kernel import LOCAL_TIME_ZONE
from triage.monitoring import (
    DRILL_DOWN_PAGE,
    FIGURES,
    Figure,
    Filters,
    build_dashboard,
    build_figure,
    drill_down_page,
    figure_csv,
    map_outlines,
    neighbourhood_map,
    read_filters,
    report_rows,
    reports_csv,
    reports_geojson,
    reports_in_set,
    set_names,
)
from triage.reference import main_categories, owning_teams
from triage.workflow import may_see_queue
from web import charts
from web.auth import login_manager
from web.database import replica_session
from web.i18n import translate
from web.paging import page_number

blueprint = Blueprint("dashboard", __name__, url_prefix="/dashboard")
LEADS = {Role.TEAM_LEAD, Role.ADMIN}


@blueprint.before_request
def only_leads_and_monitoring():
    """Team leads, admins and members of a monitoring team; everyone else is refused."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if current_user.roles & LEADS or any(team.kind is TeamKind.MONITORING for team in current_user.user.teams):
        return None
    abort(403)


def _view() -> tuple[Filters, dict, datetime]:
    now = datetime.now(UTC)
    filters, problems = read_filters(request.args, now.astimezone(LOCAL_TIME_ZONE).date())
    return filters, problems, now


def link(endpoint: str, filters: Filters, **extra) -> str:
    return url_for(endpoint, **filters.params(), **{k: v for k, v in extra.items() if v})


QUERY_SAFE = "!$'()*,/:;?@"  # what werkzeug leaves unescaped in a query string, so the links are url_for's own


def drill_link(filters: Filters, figure_row, column) -> str | None:
    """The list of reports behind one cell of a figure: the same address url_for gives, with url_for asked once
    per page (a year's figures have thousands of cells, and url_for was a third of the page's time)."""
    if not column.drill:
        return None
    values = [*filters.narrowed(**figure_row.narrowing(column)).params().items(), ("set", column.drill)]
    if "drill_down_url" not in g:
        g.drill_down_url = url_for("dashboard.drill_down")
    return f"{g.drill_down_url}?{urlencode(values, safe=QUERY_SAFE)}"


def group_label(group) -> str:
    return translate(group.label) if group.translate else group.label


@blueprint.get("")
def index():
    filters, problems, now = _view()
    artifact_dir = Path(current_app.config["ARTIFACT_DIR"])
    dashboard = build_dashboard(replica_session(), filters, now, artifact_dir)
    areas, hotspots = neighbourhood_map(_outlines(), dashboard.figures["inflow_buurt"])
    return render_template(
        "dashboard/index.html",
        dashboard=dashboard,
        filters=filters,
        problems=problems,
        choices=_choices(),
        charts={name: figure_chart(figure) for name, figure in dashboard.figures.items()},
        map_svg=charts.choropleth(
            translate("dashboard.map.title"),
            areas,
            hotspots,
            lambda area: link("dashboard.drill_down", filters.narrowed(**area.narrowing), set="inflow"),
            lambda area: translate("dashboard.map.label", name=area.outline.name, n=area.count),
        ),
        hotspots=hotspots,
        drill_link=drill_link,
        group_label=group_label,
        link=link,
        may_open=may_open,
    )


def _outlines():
    """Buurt shapes are reference data: projected once per process, not on every page view."""
    cache = current_app.extensions.setdefault("dashboard_outlines", {})
    if "buurten" not in cache:
        cache["buurten"] = map_outlines(replica_session())
    return cache["buurten"]


def figure_chart(figure: Figure):
    title = translate(f"dashboard.figure.{figure.name}")
    labels = [_short_label(figure, row.group) for row in figure.rows]
    series = {translate(figure.columns[i].key): [row.values[i] for row in figure.rows] for i in figure.chart_columns}
    if not series or not figure.rows:
        return None
    as_share = all(figure.columns[i].kind == "share" for i in figure.chart_columns)
    if figure.chart == "line":
        return charts.line_chart(title, labels, series, as_share)
    if figure.chart == "stacked":
        return charts.stacked_chart(title, labels, series)
    if len(labels) > 6:
        return charts.horizontal_bar_chart(title, labels, series, as_share)
    return charts.bar_chart(title, labels, series, as_share)


def _short_label(figure: Figure, group) -> str:
    """Under a chart's axis a day reads 24-08; the table beside it has the full date."""
    if figure.dimension in ("day", "week"):
        return f"{group.label[8:10]}-{group.label[5:7]}"
    return group_label(group)


def _choices() -> dict:
    return {
        "queues": list(Queue),
        "channels": list(Channel),
        "teams": owning_teams(replica_session()),
        "categories": main_categories(replica_session()),
        "wijken": wijken(replica_session()),
    }


def may_open(report: Report) -> bool:
    """Only link to a report page the person may open (a monitoring member may not work a queue's reports)."""
    return report.queue is not None and may_see_queue(current_user.user, report.queue)


def _chosen_set(problems: dict) -> str:
    """The report set asked for in the URL; an unknown one is a problem to show, and "" is returned."""
    name = request.args.get("set", "inflow")
    if name not in set_names():
        problems.add("set", "dashboard.unknown_set")
        return ""
    return name


@blueprint.get("/meldingen")
def drill_down():
    filters, problems, now = _view()
    name = _chosen_set(problems)
    page = page_number(request.args.get("pagina"))
    reports, total = [], 0
    if name:
        reports, total = drill_down_page(replica_session(), name, filters, now, page)
    status = 400 if not name else 200
    return render_template(
        "dashboard/reports.html",
        filters=filters,
        problems=problems,
        set_name=name,
        reports=reports,
        total=total,
        page=page,
        pages=max(1, -(-total // DRILL_DOWN_PAGE)),
        link=link,
        may_open=may_open,
    ), status


@blueprint.get("/meldingen.<kind>")
def export_reports(kind: str):
    if kind not in ("csv", "geojson"):
        abort(404)
    filters, problems, now = _view()
    name = _chosen_set(problems)
    if not name:
        abort(400)
    rows = report_rows(replica_session(), reports_in_set(replica_session(), name, filters, now))
    body = reports_csv(rows, translate) if kind == "csv" else reports_geojson(rows)
    mimetype = "text/csv" if kind == "csv" else "application/geo+json"
    return _download(body, mimetype, f"meldingen-{name}-{filters.period.first}-{filters.period.last}.{kind}")


@blueprint.get("/cijfers/<name>.csv")
def export_figure(name: str):
    if name not in FIGURES:
        abort(404)
    filters, _, now = _view()
    figure = build_figure(replica_session(), name, filters, now)
    body = figure_csv(figure, translate, group_label)
    return _download(body, "text/csv", f"{name}-{filters.period.first}-{filters.period.last}.csv")


def _download(body, mimetype: str, filename: str) -> Response:
    response = Response(stream_with_context(body), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
