"""The administrator's configuration screens under /beheer: the home page that links every admin section, the
category tree, the routing rules with their preview, and the history of every change with undo.

Every form carries the version of the setting it was opened on (a stale one is refused as a conflict, nothing
overwritten), refuses bad input next to the field and changes nothing then; every save is a version
(triage.kernel.versions) with who, when, before and after.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from models import Category, Queue, Role, RoutingRule
from triage.kernel import (
    DecisionRefused,
    EditConflict,
    Problems,
    Subject,
    SubmissionRejected,
    change_history,
    current_version,
    undo_change,
)
from triage.norms import recompute_category_due_times, reports_running_on_norm
from triage.reference import (
    PREVIEW_DAYS,
    CategoryFields,
    RuleFields,
    all_teams,
    areas_for_rules,
    category_path,
    category_tree_for_admin,
    check_rule,
    create_category,
    create_rule,
    norm_changes,
    preview_change,
    remove_rule,
    routing_shown,
    rule_key,
    rules_for_admin,
    update_category,
    update_rule,
)
from web.auth import require_roles, utc_now
from web.database import session
from web.i18n import translate

blueprint = Blueprint("admin_config", __name__, url_prefix="/beheer")
blueprint.before_request(require_roles({Role.ADMIN}))
blueprint.context_processor(lambda: {"category_path": category_path})


@blueprint.app_template_global()
def report_routing(report_id: int, proposed: dict | None = None):
    """For the officer's and team's report pages: which team owns the report and which rule gave it."""
    return routing_shown(session(), report_id, proposed)


def _actor() -> str:
    return current_user.user.email


def _conflict(error: EditConflict) -> None:
    flash(translate("config.conflict", current=error.current), "error")


def _choices() -> dict:
    """The team and queue lists of the forms, as (value, text)."""
    return {
        "team_options": [(team.slug, team.name) for team in all_teams(session())],
        "queue_options": [(queue.value, translate(f"queue.{queue.value}")) for queue in Queue],
    }


@blueprint.get("/")
def index():
    return render_template("admin/index.html")


# --- categories ---------------------------------------------------------------------------------------------------


@blueprint.get("/categorieen")
def categories():
    return render_template("admin/categories.html", tree=category_tree_for_admin(session()))


def _category_or_404(category_id: int) -> Category:
    category = session().get(Category, category_id)
    if category is None:
        abort(404)
    return category


def _category_form(category: Category | None, parent: Category | None, typed, problems=None, version=None, status=200):
    page = render_template(
        "admin/category_form.html",
        category=category,
        parent=parent,
        typed=typed,
        problems=problems or Problems(),
        version=current_version(session(), Subject.CATEGORY, category.id) if version is None and category else version,
        **_choices(),
        running=reports_running_on_norm(session(), category.id) if category else 0,
    )
    return page, status


def _parent_from(value: str | None) -> Category | None:
    if not value:
        return None
    parent = session().get(Category, int(value)) if value.isdigit() else None
    if parent is None or parent.parent_id is not None:
        abort(404)
    return parent


@blueprint.get("/categorieen/nieuw")
def new_category():
    return _category_form(None, _parent_from(request.args.get("hoofd")), CategoryFields())


@blueprint.post("/categorieen/nieuw")
def create_category_page():
    parent = _parent_from(request.form.get("parent"))
    typed = CategoryFields.from_form(request.form)
    try:
        category = create_category(session(), typed, parent, _actor(), utc_now())
    except SubmissionRejected as refused:
        session().rollback()
        return _category_form(None, parent, typed, refused.problems, status=400)
    session().commit()
    flash(translate("admin.category.created", name=category_path(category)), "success")
    return redirect(url_for("admin_config.categories"))


@blueprint.get("/categorieen/<int:category_id>")
def edit_category(category_id: int):
    category = _category_or_404(category_id)
    return _category_form(category, category.parent, CategoryFields.of(category))


@blueprint.post("/categorieen/<int:category_id>")
def save_category(category_id: int):
    category = _category_or_404(category_id)
    typed = CategoryFields.from_form(request.form)
    seen = request.form.get("version")
    recompute = request.form.get("recompute") == "on" and norm_changes(category, typed)
    try:
        update_category(session(), category, typed, seen, _actor(), utc_now())
    except EditConflict as error:
        session().rollback()
        _conflict(error)
        return _category_form(category, category.parent, typed, version=seen, status=409)
    except SubmissionRejected as refused:
        session().rollback()
        return _category_form(category, category.parent, typed, refused.problems, version=seen, status=400)
    recomputed = recompute_category_due_times(session(), category.id, utc_now(), _actor()) if recompute else 0
    session().commit()
    flash(translate("admin.category.saved", name=category_path(category), recomputed=recomputed), "success")
    return redirect(url_for("admin_config.categories"))


# --- routing rules ------------------------------------------------------------------------------------------------


def _code() -> str:
    return current_app.config["MUNICIPALITY_CODE"]


def _rules_page(typed=None, problems=None, preview=None, rule=None, version=None, status=200):
    page = render_template(
        "admin/routing.html" if rule is None else "admin/routing_rule.html",
        rules=rules_for_admin(session()) if rule is None else [],
        rule=rule,
        typed=typed or (RuleFields.of(rule) if rule else RuleFields()),
        problems=problems or Problems(),
        preview=preview,
        preview_days=PREVIEW_DAYS,
        version=version,
        areas=areas_for_rules(session(), _code()),
        tree=category_tree_for_admin(session()),
        queues=list(Queue),
        **_choices(),
    )
    return page, status


@blueprint.get("/routering")
def routing():
    return _rules_page()


@blueprint.post("/routering")
def add_rule():
    """First a preview (nothing saved), then the save the administrator confirms on that preview."""
    typed = RuleFields.from_form(request.form)
    try:
        if request.form.get("action") != "save":
            preview = preview_change(session(), check_rule(session(), typed, _code()), None, utc_now())
            return _rules_page(typed, preview=preview)
        create_rule(session(), typed, _code(), _actor(), utc_now())
    except SubmissionRejected as refused:
        session().rollback()
        return _rules_page(typed, refused.problems, status=400)
    session().commit()
    flash(translate("admin.routing.created"), "success")
    return redirect(url_for("admin_config.routing"))


def _rule_or_404(rule_id: int) -> RoutingRule:
    rule = session().get(RoutingRule, rule_id)
    if rule is None:
        abort(404)
    return rule


@blueprint.get("/routering/<int:rule_id>")
def edit_rule(rule_id: int):
    rule = _rule_or_404(rule_id)
    return _rules_page(rule=rule, version=current_version(session(), Subject.ROUTING_RULE, rule_key(rule)))


@blueprint.post("/routering/<int:rule_id>")
def save_rule(rule_id: int):
    rule = _rule_or_404(rule_id)
    seen, action = request.form.get("version"), request.form.get("action")
    typed = RuleFields.from_form(request.form)
    typed = RuleFields(RuleFields.of(rule).area, RuleFields.of(rule).category, typed.team, typed.queue)
    try:
        return _change_rule(rule, typed, seen, action)
    except EditConflict as error:
        session().rollback()
        _conflict(error)
        return _rules_page(typed, rule=rule, version=seen, status=409)
    except SubmissionRejected as refused:
        session().rollback()
        return _rules_page(typed, refused.problems, rule=rule, version=seen, status=400)


def _change_rule(rule: RoutingRule, typed: RuleFields, seen: str | None, action: str | None):
    if action == "preview":
        checked = check_rule(session(), typed, _code())
        return _rules_page(typed, preview=preview_change(session(), checked, None, utc_now()), rule=rule, version=seen)
    if action == "preview_remove":
        preview = preview_change(session(), None, rule, utc_now())
        return _rules_page(typed, preview=preview, rule=rule, version=seen)
    if action == "remove":
        remove_rule(session(), rule, seen, _actor(), utc_now())
        message = "admin.routing.removed"
    else:
        update_rule(session(), rule, typed, seen, _code(), _actor(), utc_now())
        message = "admin.routing.saved"
    session().commit()
    flash(translate(message), "success")
    return redirect(url_for("admin_config.routing"))


# --- history and undo ---------------------------------------------------------------------------------------------


def _subject_filter() -> Subject | None:
    asked = request.args.get("onderwerp", "")
    return Subject(asked) if asked in {s.value for s in Subject} else None


@blueprint.get("/geschiedenis")
def history():
    subject = _subject_filter()
    lines = change_history(session(), subject)
    return render_template(
        "admin/history.html", lines=lines, subject=subject, subjects=list(Subject), fields_of=fields_of
    )


def fields_of(change) -> list[tuple[str, str, str, bool]]:
    """Before and after of any subject as labelled rows (label, before, after, changed): the history reads the
    same for every feature's snapshots without knowing them, and never shows raw JSON. A snapshot that keeps a
    reference ("team": "afd-stw") with its name beside it ("team_name": "Stadswerken") is shown by the name."""
    before, after = change.before or {}, change.after or {}
    keys = list(dict.fromkeys([*before, *after]))
    named = {key.removesuffix("_name") for key in keys if key.endswith("_name")}
    shown = [key for key in keys if key not in named]  # a reference with a readable name beside it shows the name
    return [
        (_label(key.removesuffix("_name") if key.removesuffix("_name") in named else key), _shown(key, before.get(key)),
         _shown(key, after.get(key)), before.get(key) != after.get(key))
        for key in shown
    ]  # fmt: skip


def _label(key: str) -> str:
    text = translate(f"config.field.{key}")
    return key.replace("_", " ") if text == f"config.field.{key}" else text


def _shown(key: str, value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return translate("admin.history.yes" if value else "admin.history.no")
    if key.endswith("queue") and value in {q.value for q in Queue}:
        return translate(f"queue.{value}")
    if isinstance(value, list):
        return ", ".join(_shown(key, item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_shown(k, v)}" for k, v in value.items())
    return str(value)


@blueprint.post("/geschiedenis/<int:change_id>/ongedaan-maken")
def undo(change_id: int):
    try:
        undo_change(session(), change_id, _actor(), utc_now())
    except DecisionRefused as refused:
        session().rollback()
        flash(translate(refused.code), "error")
        return redirect(url_for("admin_config.history", onderwerp=request.form.get("onderwerp") or None)), 303
    session().commit()
    flash(translate("admin.history.undone"), "success")
    return redirect(url_for("admin_config.history", onderwerp=request.form.get("onderwerp") or None))
