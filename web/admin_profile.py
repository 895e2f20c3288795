"""The municipality profile screen (role admin): name, logo, house colour, mail sender and footer, privacy
statement, the gemeente whose boundary and areas are loaded, the Open311 jurisdiction and the neighbours' report
pages. A save is a version (who, when, before, after); a stale form is a conflict, not an overwrite; the latest
change can be undone here or on the history page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from models import Role
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
from triage.reference import (
    LogoRejected,
    ProfileForm,
    check_profile,
    contrast_with_white,
    file_profile,
    prepare_logo,
    save_profile,
    shipped_municipalities,
)
from web.auth import require_roles
from web.database import session
from web.i18n import translate
from web.municipality import logo_store, municipality, refresh_municipality

blueprint = Blueprint("admin_profile", __name__, url_prefix="/beheer/gemeente")
blueprint.before_request(require_roles({Role.ADMIN}))
TEXT_FIELDS = ("name", "code", "open311_jurisdiction", "mail_sender", "footer_nl", "footer_en", "colour")
MORE_FIELDS = ("privacy_url", "neighbours")


def _data_dir() -> str:
    return current_app.config["DATA_DIR"]


def _key() -> str:
    return file_profile(_data_dir()).code


@blueprint.get("/")
def profile_page():
    form = ProfileForm.of(municipality())
    return _page(form, Problems(), current_version(session(), Subject.PROFILE, _key()))


@blueprint.post("/")
def save():
    form = _typed_form()
    problems = check_profile(form, _data_dir())
    logo = _uploaded_logo(problems)
    if problems:
        return _page(form, problems, request.form.get("version", "")), 400
    logo_key = logo_store().save(logo) if logo else None
    try:
        save_profile(
            session(),
            form,
            request.form.get("version"),
            current_user.user.email,
            datetime.now(UTC),
            logo_key=logo_key,
            data_dir=_data_dir(),
        )
    except SubmissionRejected as refusal:
        return _page(form, refusal.problems, request.form.get("version", "")), 400
    except EditConflict as conflict:
        session().rollback()
        return _conflict(form, conflict.current)
    try:
        session().commit()
    except IntegrityError:  # another save took the same version number at the same moment
        session().rollback()
        return _conflict(form, current_version(session(), Subject.PROFILE, _key()))
    refresh_municipality()
    flash(translate("profile.saved"), "success")
    return redirect(url_for("admin_profile.profile_page"))


def _conflict(form: ProfileForm, latest: int):
    """What was typed is shown again on top of the latest version, with what happened; nothing was saved."""
    problems = Problems()
    problems.add("form", "profile.conflict")
    return _page(form, problems, str(latest)), 409


@blueprint.post("/ongedaan-maken")
def undo():
    """Undo the latest change of the profile, if the one the administrator saw is still the latest."""
    try:
        undo_change(session(), int(request.form.get("change_id", "0")), current_user.user.email, datetime.now(UTC))
    except (DecisionRefused, ValueError):
        session().rollback()
        problems = Problems()
        problems.add("form", "profile.undo_refused")
        form = ProfileForm.of(municipality())
        return _page(form, problems, current_version(session(), Subject.PROFILE, _key())), 409
    session().commit()
    refresh_municipality()
    flash(translate("profile.undone"), "success")
    return redirect(url_for("admin_profile.profile_page"))


def _typed_form() -> ProfileForm:
    values = {name: request.form.get(name, "") for name in (*TEXT_FIELDS, *MORE_FIELDS)}
    return ProfileForm(**values, remove_logo=request.form.get("remove_logo") == "1")


def _uploaded_logo(problems: Problems) -> bytes | None:
    upload = request.files.get("logo")
    if upload is None or not upload.filename:
        return None
    try:
        return prepare_logo(upload.read())
    except LogoRejected as refusal:
        problems.add("logo", refusal.code, **refusal.params)
        return None
    finally:
        upload.close()


def _page(form: ProfileForm, problems: Problems, version) -> str:
    shown = municipality()
    history = change_history(session(), Subject.PROFILE, _key(), limit=10)
    return render_template(
        "admin/profile.html",
        form=form,
        problems=problems,
        version=version,
        profile=shown,
        municipalities=shipped_municipalities(_data_dir()),
        history=history,
        contrast=contrast_with_white(form.colour.strip()),
    )
