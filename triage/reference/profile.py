"""The municipality the product serves, from `municipality.json` in its data folder (DATA_DIR).

Everything that names the municipality (pages, refusals, mails, Open311 discovery, the areas it loads) reads
this profile, so a second municipality is another data folder, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from triage.reference.data_folder import DEFAULT_DATA_DIR, read_json

CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")  # the colour goes into a stylesheet as it is: nothing else gets in


@dataclass(frozen=True)
class MunicipalityProfile:
    code: str  # CBS gemeente code, e.g. "GM0392"
    name: str  # as residents say it, in every language
    open311_jurisdiction: str  # Open311 jurisdiction_id: the municipality's domain
    area_files: tuple[str, ...]  # under <data folder>/areas: the boundary, wijken, buurten, neighbours
    mail_sender: str  # From: of every mail
    mail_footer: dict[str, str]  # per language: the line under every mail
    logo: str | None  # a path under web/static, "upload:<key>" for one uploaded in the screen, or None for words
    colour: str  # the house colour, as CSS: "#b3003b"
    privacy_url: str = ""  # the municipality's privacy statement, linked under the form
    # where residents report in a neighbouring municipality: its name as a pin's wrong door names it -> its page
    neighbour_report_urls: dict[str, str] = field(default_factory=dict)

    def footer(self, language: str) -> str:
        return self.mail_footer.get(language) or self.mail_footer["nl"]

    def report_url_of(self, place: str) -> str:
        """The page where residents report in `place`, when the profile knows one ("" otherwise)."""
        wanted = place.casefold()
        return next((url for name, url in self.neighbour_report_urls.items() if name.casefold() == wanted), "")


def load_profile(data_dir: Path | str = DEFAULT_DATA_DIR) -> MunicipalityProfile:
    """The profile in `data_dir`; without an argument, the configured municipality's (DATA_DIR)."""
    return _read_profile(Path(data_dir).resolve())


@cache
def _read_profile(data_dir: Path) -> MunicipalityProfile:
    raw = read_json(data_dir / "municipality.json")
    return MunicipalityProfile(
        code=raw["code"],
        name=raw["name"],
        open311_jurisdiction=raw["open311_jurisdiction"],
        area_files=tuple(raw["area_files"]),
        mail_sender=raw["mail_sender"],
        mail_footer=dict(raw["mail_footer"]),
        logo=raw.get("logo"),
        colour=_css_colour(raw.get("colour", "#b3003b")),
        privacy_url=raw.get("privacy_url", ""),
        neighbour_report_urls=dict(raw.get("neighbour_report_urls", {})),
    )


def _css_colour(value: str) -> str:
    if not CSS_COLOUR.fullmatch(value):
        raise ValueError(f"municipality.json: colour {value!r} is not a CSS hex colour such as #b3003b")
    return value
