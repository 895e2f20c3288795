"""The municipality profile as an administrator saves it in the screens, over the data folder's municipality.json.

Why a layer over the file: the data folder is what the product ships and a developer changes; the profile screen is
what the municipality's own administrators change, without a deploy or a restart. The saved fields live in the
database (models.MunicipalitySettings, one row per data folder's CBS code) and win over the file; every save is a
version of Subject.PROFILE (who, when, before, after), refused on a stale form (EditConflict) and undoable.

Everything that speaks of the municipality asks `current_profile(session)` when it needs it (a page, a mail, the
Open311 discovery), so a saved change shows at the next request in every process.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from geo.loading import read_features, upsert_area
from models import AreaKind, MunicipalitySettings
from triage.kernel.refusals import Problems, SubmissionRejected
from triage.kernel.versions import Subject, expect_version, record_change, register_restorer
from triage.reference.data_folder import DEFAULT_DATA_DIR, PRODUCT_DATA_DIR
from triage.reference.profile import MunicipalityProfile, load_profile

EDITABLE = (
    "name",
    "code",
    "open311_jurisdiction",
    "mail_sender",
    "mail_footer",
    "logo",
    "colour",
    "privacy_url",
    "neighbour_report_urls",
)
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
GEMEENTE_CODE = re.compile(r"^GM\d{4}$")
DOMAIN = re.compile(r"^(?=.{3,120}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")
EMAIL = re.compile(r"^[^@\s<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$")
WEB_ADDRESS = re.compile(r"^https://[^\s/<>\"]+\.[^\s/<>\"]+(?:/[^\s<>\"]*)?$")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text: white text on the house colour (buttons, header)
MAX_NAME, MAX_FOOTER, MAX_URL, MAX_NEIGHBOURS = 80, 200, 300, 30


@dataclass
class ProfileForm:
    """The screen's fields as typed, kept verbatim so a refused form is shown again unchanged."""

    name: str = ""
    code: str = ""
    open311_jurisdiction: str = ""
    mail_sender: str = ""
    footer_nl: str = ""
    footer_en: str = ""
    colour: str = ""
    privacy_url: str = ""
    neighbours: str = ""  # one "Name = https://..." a line
    remove_logo: bool = False

    @classmethod
    def of(cls, profile: MunicipalityProfile) -> ProfileForm:
        lines = "\n".join(f"{name} = {url}" for name, url in profile.neighbour_report_urls.items())
        return cls(
            profile.name,
            profile.code,
            profile.open311_jurisdiction,
            profile.mail_sender,
            profile.mail_footer.get("nl", ""),
            profile.mail_footer.get("en", ""),
            profile.colour,
            profile.privacy_url,
            lines,
        )


_SERVED: list[Path] = []  # the data folder this process serves, when its app said so (serve_data_dir)


def serve_data_dir(data_dir: Path | str) -> None:
    """One process serves one municipality: the app says which folder, so that mails written outside a request
    (the periodic run, a worker) speak of the same municipality as its pages do."""
    _SERVED[:] = [Path(data_dir).resolve()]


def served_data_dir() -> Path:
    return _SERVED[0] if _SERVED else DEFAULT_DATA_DIR


def file_profile(data_dir: Path | str | None = None) -> MunicipalityProfile:
    """The data folder's profile, without what was saved in the screens: its code keys the saved row."""
    return load_profile(data_dir or served_data_dir())


def current_profile(session, data_dir: Path | str | None = None) -> MunicipalityProfile:
    """The profile in force: the data folder's, with what an administrator saved in the screens over it."""
    shipped = file_profile(data_dir)
    row = session.get(MunicipalitySettings, shipped.code)
    return _over(shipped, row.settings) if row is not None else shipped


def _over(shipped: MunicipalityProfile, saved: dict) -> MunicipalityProfile:
    return dataclasses.replace(shipped, **{name: saved[name] for name in EDITABLE if name in saved})


def contrast_with_white(colour: str) -> float | None:
    """WCAG 2.1 contrast ratio of white text on `colour` (#rrggbb), 1 to 21; None for what is not such a colour."""
    if not HEX_COLOUR.match(colour):
        return None

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[index : index + 2]) for index in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


@dataclass(frozen=True)
class ShippedMunicipality:
    """A municipality whose boundary the product ships (any data folder's areas), with its wijken and buurten."""

    code: str
    name: str
    wijken: int
    buurten: int


def shipped_municipalities(data_dir: Path | str | None = None) -> dict[str, ShippedMunicipality]:
    """By code: every municipality the profile's code may name, because its boundary can be loaded."""
    features = _shipped_features(_area_files(Path(data_dir or served_data_dir()).resolve()))
    gemeenten = {f["properties"]["code"]: f["properties"]["name"] for f in features if _kind(f) == "gemeente"}
    wijk_of = {f["properties"]["code"]: f["properties"]["parent_code"] for f in features if _kind(f) == "wijk"}
    result = {}
    for code, name in sorted(gemeenten.items(), key=lambda item: item[1]):
        wijken = {wijk for wijk, parent in wijk_of.items() if parent == code}
        buurten = sum(1 for f in features if _kind(f) == "buurt" and f["properties"]["parent_code"] in wijken)
        result[code] = ShippedMunicipality(code, name, len(wijken), buurten)
    return result


def load_municipality_areas(session, code: str, data_dir: Path | str | None = None) -> int:
    """Load (upsert) the boundary, wijken and buurten of `code` from the shipped area files; how many were loaded.

    The most precise copy wins: a municipality's own folder (its 2024 boundary) over a neighbour's file (2015)."""
    features = _shipped_features(_area_files(Path(data_dir or served_data_dir()).resolve()))
    boundary = [f for f in features if _kind(f) == "gemeente" and f["properties"]["code"] == code][:1]
    wijken = [f for f in features if _kind(f) == "wijk" and f["properties"]["parent_code"] == code]
    wijk_codes = {f["properties"]["code"] for f in wijken}
    buurten = [f for f in features if _kind(f) == "buurt" and f["properties"]["parent_code"] in wijk_codes]
    for feature in boundary + wijken + buurten:
        upsert_area(session, feature)
    session.flush()
    return len(boundary + wijken + buurten)


def _kind(feature: dict) -> str:
    return feature["properties"].get("kind", "")


def _area_files(data_dir: Path) -> tuple[Path, ...]:
    """The configured folder's area files first, then every other shipped folder's (own boundaries first)."""
    folders = [data_dir, *sorted(p for p in PRODUCT_DATA_DIR.iterdir() if p.is_dir() and p.resolve() != data_dir)]
    files = [path for folder in folders for path in sorted((folder / "areas").glob("*.geojson"))]
    return tuple(sorted(files, key=lambda path: (path.parents[1] != data_dir, "buurgemeenten" in path.name)))


@cache
def _shipped_features(paths: tuple[Path, ...]) -> list[dict]:
    return [feature for path in paths for feature in read_features(path) if _kind(feature) != AreaKind.PROVINCIE]


def check_profile(form: ProfileForm, data_dir: Path | str | None = None) -> Problems:
    """Every problem with the typed profile, per field; empty when it may be saved."""
    problems = Problems()
    _check_text(problems, "name", form.name, MAX_NAME)
    if form.code.strip() not in shipped_municipalities(data_dir):
        problems.add("code", "profile.code.unknown")
    if not DOMAIN.match(form.open311_jurisdiction.strip()):
        problems.add("open311_jurisdiction", "profile.open311_jurisdiction.invalid")
    if not EMAIL.match(form.mail_sender.strip()) or len(form.mail_sender.strip()) > 254:
        problems.add("mail_sender", "profile.mail_sender.invalid")
    _check_text(problems, "footer_nl", form.footer_nl, MAX_FOOTER)
    _check_text(problems, "footer_en", form.footer_en, MAX_FOOTER)
    _check_colour(problems, form.colour.strip())
    privacy = form.privacy_url.strip()
    if privacy and (len(privacy) > MAX_URL or not WEB_ADDRESS.match(privacy)):
        problems.add("privacy_url", "profile.url.invalid")
    _parse_neighbours(form.neighbours, problems)
    return problems


def _check_text(problems: Problems, name: str, value: str, maximum: int) -> None:
    text = value.strip()
    if not text:
        problems.add(name, "profile.text.required")
    elif len(text) > maximum:
        problems.add(name, "profile.text.too_long", max=maximum, length=len(text))
    elif any(ch in text for ch in "\r\n\t\x00<>"):
        problems.add(name, "profile.text.one_line")


def _check_colour(problems: Problems, colour: str) -> None:
    if not HEX_COLOUR.match(colour):
        problems.add("colour", "profile.colour.invalid")
    elif (ratio := contrast_with_white(colour)) < MIN_CONTRAST:
        problems.add("colour", "profile.colour.contrast", ratio=f"{ratio:.1f}", minimum=MIN_CONTRAST)


def _parse_neighbours(text: str, problems: Problems) -> dict[str, str]:
    """ "Heemstede = https://www.heemstede.nl/melding" lines into {name: url}; a bad line is refused with its number."""
    result: dict[str, str] = {}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_NEIGHBOURS:
        problems.add("neighbours", "profile.neighbours.too_many", max=MAX_NEIGHBOURS)
        return result
    for number, line in enumerate(lines, start=1):
        name, _, url = (part.strip() for part in line.partition("="))
        if not name or len(name) > MAX_NAME or not WEB_ADDRESS.match(url) or len(url) > MAX_URL:
            problems.add("neighbours", "profile.neighbours.line", line=number)
        else:
            result[name] = url
    return result


def save_profile(
    session,
    form: ProfileForm,
    seen_version: str | None,
    actor: str,
    now: datetime,
    *,
    logo_key: str | None = None,
    data_dir: Path | str | None = None,
) -> MunicipalityProfile:
    """Save the typed profile as the next version; SubmissionRejected (per field) or EditConflict change nothing.

    `logo_key` is a newly uploaded logo in the logo store; without it the logo stays, unless the form removes it.
    A code that names another municipality loads that municipality's boundary and areas from the shipped data."""
    problems = check_profile(form, data_dir)
    if problems:
        raise SubmissionRejected(problems)
    key = file_profile(data_dir).code
    expect_version(session, Subject.PROFILE, key, seen_version)
    before = current_profile(session, data_dir)
    logo = f"upload:{logo_key}" if logo_key else (None if form.remove_logo else before.logo)
    after = {
        "name": form.name.strip(),
        "code": form.code.strip(),
        "open311_jurisdiction": form.open311_jurisdiction.strip(),
        "mail_sender": form.mail_sender.strip(),
        "mail_footer": {"nl": form.footer_nl.strip(), "en": form.footer_en.strip()},
        "logo": logo,
        "colour": form.colour.strip().lower(),
        "privacy_url": form.privacy_url.strip(),
        "neighbour_report_urls": _parse_neighbours(form.neighbours, Problems()),
    }
    if after["code"] != before.code:
        load_municipality_areas(session, after["code"], data_dir)
    row = session.get(MunicipalitySettings, key)
    saved_before = row.settings if row else None
    record_change(session, Subject.PROFILE, key, saved_before, after, actor, now, _summary(before, after))
    _put(session, key, after, now)
    return current_profile(session, data_dir)


def _summary(before: MunicipalityProfile, after: dict) -> str:
    changed = [name for name in EDITABLE if getattr(before, name) != after[name]]
    return "profile: " + (", ".join(changed) if changed else "saved unchanged")


def _put(session, key: str, settings: dict | None, now: datetime) -> None:
    row = session.get(MunicipalitySettings, key)
    if settings is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(MunicipalitySettings(municipality_code=key, settings=settings, updated_at=now))
    else:
        row.settings, row.updated_at = settings, now
    session.flush()


def _restore(session, key: str, settings: dict | None, actor: str, now: datetime) -> None:
    """Undo: the saved fields as they were; None = nothing saved, the data folder's file alone again."""
    _put(session, key, settings, now)


register_restorer(Subject.PROFILE, _restore)
