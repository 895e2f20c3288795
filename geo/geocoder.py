"""Addresses from PDOK Locatieserver (or a server that answers the same way): a point for typed text, suggestions
while typing, one suggestion's point and address, and the nearest address to a pin.

Off unless a URL is configured: nothing leaves the machine unless told to. Every call has a short timeout, and a
geocoder that is slow, down or answering nonsense is reported as unavailable rather than waited on; callers fall
back to the buurt and the resident's own words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode
from urllib.request import Request, urlopen

MAX_RESPONSE_BYTES = 1024 * 1024
MAX_SUGGESTIONS = 7
NEAREST_ADDRESS_METRES = 100  # a pin in a park is not "at" a house further away than this
POINT = re.compile(r"^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$")
ADDRESS_ID = re.compile(r"^adr-[0-9a-f]{32}$")
ADDRESS_FIELDS = "id,weergavenaam,straatnaam,huis_nlt,postcode,woonplaatsnaam,centroide_ll"
GEMEENTE_FIELDS = "gemeentenaam,gemeentecode,weergavenaam"


class GeocoderUnavailable(Exception):
    pass


@dataclass(frozen=True)
class GeocoderSettings:
    url: str  # the Locatieserver base, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1
    municipality_code: str  # CBS code such as GM0392: matches outside the municipality are not wanted
    timeout: float = 3.0

    @property
    def enabled(self) -> bool:
        return self.url.startswith(("http://", "https://"))

    @property
    def municipality_filter(self) -> tuple[str, str]:
        return ("fq", f"gemeentecode:{self.municipality_code.removeprefix('GM')}")


@dataclass(frozen=True)
class Address:
    """A BAG address as residents and teams read it; house_number carries letter and addition ("12A-2")."""

    street: str
    house_number: str = ""
    postcode: str = ""
    place: str = ""

    @property
    def line(self) -> str:
        """ "Dorpsstraat 1, 1234AB Dorp", the way PDOK and Dutch letters write it."""
        street = f"{self.street} {self.house_number}".strip()
        town = f"{self.postcode} {self.place}".strip()
        return ", ".join(part for part in (street, town) if part)


@dataclass(frozen=True)
class Suggestion:
    id: str
    label: str


@dataclass(frozen=True)
class FoundAddress:
    """An address with the point it stands for (PDOK's centroid, WGS84)."""

    id: str
    address: Address
    lon: float
    lat: float


def locate(settings: GeocoderSettings, address: str) -> tuple[float, float] | None:
    """(lon, lat) of the best address, street or postcode match in the municipality; None when there is none."""
    docs = _docs(
        settings,
        "free",
        [
            ("q", address),
            settings.municipality_filter,
            ("fq", "type:(adres OR weg OR postcode)"),
            ("fl", "centroide_ll,weergavenaam"),
            ("rows", "1"),
        ],
    )
    return parse_point(docs[0].get("centroide_ll", "")) if docs else None


def suggest(settings: GeocoderSettings, text: str) -> list[Suggestion]:
    """Addresses in the municipality that match what has been typed so far, best first."""
    docs = _docs(
        settings,
        "suggest",
        [("q", text), settings.municipality_filter, ("fq", "type:adres"), ("rows", str(MAX_SUGGESTIONS))],
    )
    return [
        Suggestion(doc["id"], str(doc.get("weergavenaam", "")))
        for doc in docs
        if ADDRESS_ID.match(str(doc.get("id", "")))
    ]


def lookup(settings: GeocoderSettings, address_id: str) -> FoundAddress | None:
    """The point and address of one suggestion; None for an id that is not an address or is unknown."""
    if not ADDRESS_ID.match(address_id):
        return None
    docs = _docs(settings, "lookup", [("id", address_id), ("fl", ADDRESS_FIELDS)])
    return found_address(docs[0]) if docs else None


def reverse(settings: GeocoderSettings, lon: float, lat: float) -> FoundAddress | None:
    """The address nearest to a point, within NEAREST_ADDRESS_METRES and in the municipality; None when none is."""
    docs = _docs(
        settings,
        "reverse",
        [
            ("lat", f"{lat:.7f}"),
            ("lon", f"{lon:.7f}"),
            ("type", "adres"),
            ("distance", str(NEAREST_ADDRESS_METRES)),
            settings.municipality_filter,
            ("fl", ADDRESS_FIELDS),
            ("rows", "1"),
        ],
    )
    return found_address(docs[0]) if docs else None


def gemeente_at(settings: GeocoderSettings, lon: float, lat: float) -> str | None:
    """The municipality whose area holds the point, anywhere in the Netherlands (PDOK reverse, type gemeente; no
    municipality filter: this is for pins outside ours). None when PDOK knows none there."""
    params = [("lat", f"{lat:.7f}"), ("lon", f"{lon:.7f}"), ("type", "gemeente"), ("fl", GEMEENTE_FIELDS)]
    docs = _docs(settings, "reverse", [*params, ("rows", "1")])
    if not docs:
        return None
    name = str(docs[0].get("gemeentenaam") or docs[0].get("weergavenaam") or "").strip()
    return name.removeprefix("Gemeente ").strip()[:120] or None


def found_address(doc: dict) -> FoundAddress | None:
    """An address document (lookup, reverse with fl) as an address and its point; None without street or point."""
    point = parse_point(doc.get("centroide_ll", ""))
    street = str(doc.get("straatnaam") or "").strip()
    if point is None or not street:
        return None
    address = Address(
        street=street[:120],
        house_number=str(doc.get("huis_nlt") or "").strip()[:20],
        postcode=str(doc.get("postcode") or "").replace(" ", "")[:7],
        place=str(doc.get("woonplaatsnaam") or "").strip()[:80],
    )
    return FoundAddress(str(doc.get("id", "")), address, point[0], point[1])


def _docs(settings: GeocoderSettings, endpoint: str, params: list[tuple[str, str]]) -> list[dict]:
    """The documents of one answer; GeocoderUnavailable when the geocoder is off, refuses, is slow or talks nonsense."""
    if not settings.enabled:
        raise GeocoderUnavailable("no geocoder configured")
    url = f"{settings.url.rstrip('/')}/{endpoint}?{urlencode(params)}"
    try:
        with urlopen(Request(url, headers={"Accept": "application/json"}), timeout=settings.timeout) as response:
            payload = json.loads(response.read(MAX_RESPONSE_BYTES))
    except (OSError, ValueError) as error:  # refused, timed out, HTTP error status, or not JSON
        raise GeocoderUnavailable(str(error)) from error
    answer = payload.get("response") if isinstance(payload, dict) else None
    docs = answer.get("docs") if isinstance(answer, dict) else None
    return [doc for doc in docs if isinstance(doc, dict)] if isinstance(docs, list) else []


def parse_point(wkt: str) -> tuple[float, float] | None:
    """PDOK's centroide_ll is WKT with the longitude first: "POINT(4.63 52.38)"."""
    match = POINT.match(str(wkt).strip())
    return (float(match.group(1)), float(match.group(2))) if match else None
