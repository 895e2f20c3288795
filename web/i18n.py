"""Dutch first, English available: message catalogues in web/translations/*.json and the language choice.

A catalogue maps a message key to text with {placeholders}; the same keys name refusals from triage/,
so a field's problem reads the same on the form and in the API. {municipality} is always the configured
municipality's name, so no text names one.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from flask import current_app, g, request
from geoalchemy2.shape import to_shape

from triage.kernel import LOCAL_TIME_ZONE, Problem

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
CATALOGUES = Path(__file__).parent / "translations"


@cache
def catalogue(language: str) -> dict[str, str]:
    """The language's main catalogue (nl.json) merged with its parts per product area (nl.dashboard.json, ...).

    Parts keep each area's texts together; a key may live in one file only, so no part silently overrides another.
    """
    merged: dict[str, str] = {}
    for path in [CATALOGUES / f"{language}.json", *sorted(CATALOGUES.glob(f"{language}.*.json"))]:
        with path.open(encoding="utf-8") as handle:
            part = json.load(handle)
        repeated = merged.keys() & part.keys()
        if repeated:
            raise ValueError(f"{path.name} repeats keys of another catalogue part: {sorted(repeated)}")
        merged.update(part)
    return merged


def translate(key: str, language: str | None = None, **params) -> str:
    text = catalogue(language or current_language()).get(key) or catalogue(DEFAULT_LANGUAGE).get(key, key)
    if "{municipality}" in text:
        params.setdefault("municipality", current_app.config["MUNICIPALITY_NAME"])
    return text.format(**params) if params else text


def problem_text(problem: Problem, language: str | None = None) -> str:
    return translate(problem.code, language, **problem.params)


def choose_language() -> str:
    """?lang= wins (and is remembered in a cookie), then the cookie, then Dutch: the public is Dutch first."""
    asked = request.args.get("lang") or request.form.get("language") or request.cookies.get("lang")
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    language = g.get("language")
    if language is None:
        language = g.language = choose_language()
    return language


def _page_translator() -> dict:
    """A page calls _() some hundreds of times (a work list of 50 rows, 200): the page's language is looked up
    once, when it is rendered, not in the request's context at every text. Macros imported without context use
    the global _(), which looks it up itself."""
    language = current_language()
    return {"_": lambda key, **params: translate(key, language, **params)}


def remember_language(response):
    if request.args.get("lang") in LANGUAGES:
        response.set_cookie("lang", request.args["lang"], max_age=365 * 24 * 3600, samesite="Lax")
    return response


def init_app(app) -> None:
    app.jinja_env.globals.update(_=translate, current_language=current_language, problem_text=problem_text)
    app.jinja_env.filters["local_datetime"] = local_datetime
    app.jinja_env.filters["point"] = to_shape
    app.context_processor(_page_translator)
    app.after_request(remember_language)


@cache
def _months(language: str) -> list[str]:
    return translate("months", language).split(",")


def local_datetime(moment) -> str:
    """A moment as people here read it: Amsterdam time, month in words, 24-hour clock."""
    local = moment.astimezone(LOCAL_TIME_ZONE)
    month = _months(current_language())[local.month - 1]
    return f"{local.day} {month} {local.year}, {local:%H:%M}"
