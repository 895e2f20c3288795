"""A point for an address typed as text, from PDOK Locatieserver (or a server that answers the same way).

Off unless a URL is configured: nothing leaves the machine unless told to. Every call has a timeout, and a
geocoder that is slow or down is reported as unavailable rather than waited on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode
from urllib.request import Request, urlopen

MAX_RESPONSE_BYTES = 1024 * 1024
POINT = re.compile(r"^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$")


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


def locate(settings: GeocoderSettings, address: str) -> tuple[float, float] | None:
    """(lon, lat) of the best address, street or postcode match in the municipality; None when there is none."""
    query = urlencode(
        [
            ("q", address),
            ("fq", f"gemeentecode:{settings.municipality_code.removeprefix('GM')}"),
            ("fq", "type:(adres OR weg OR postcode)"),
            ("fl", "centroide_ll,weergavenaam"),
            ("rows", "1"),
        ]
    )
    request = Request(f"{settings.url.rstrip('/')}/free?{query}", headers={"Accept": "application/json"})
    try:
        with urlopen(request, timeout=settings.timeout) as response:
            payload = json.loads(response.read(MAX_RESPONSE_BYTES))
    except (OSError, ValueError) as error:  # refused, timed out, HTTP error status, or not JSON
        raise GeocoderUnavailable(str(error)) from error
    docs = payload.get("response", {}).get("docs", []) if isinstance(payload, dict) else []
    return parse_point(docs[0].get("centroide_ll", "")) if docs and isinstance(docs[0], dict) else None


def parse_point(wkt: str) -> tuple[float, float] | None:
    """PDOK's centroide_ll is WKT with the longitude first: "POINT(4.63 52.38)"."""
    match = POINT.match(str(wkt).strip())
    return (float(match.group(1)), float(match.group(2))) if match else None
