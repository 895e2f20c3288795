"""A stand-in for PDOK Locatieserver v3_1 on 127.0.0.1: suggest, lookup and reverse answer in PDOK's documented
JSON format (response.docs), for one address on the Grote Markt. Also a slow one and one that answers nothing.
"""

from __future__ import annotations

import json

from tests.support.servers import Answer, HttpStandIn

ADDRESS_ID = "adr-5f1c0e3a9b7d4c2e8f6a1b0c9d8e7f6a"
ADDRESS_LINE = "Grote Markt 2, 2011RD Haarlem"
ADDRESS_POINT = (4.63683, 52.38118)  # lon, lat: a few metres from the Grote Markt pin of the factories

ADDRESS_DOC = {
    "bron": "BAG",
    "type": "adres",
    "id": ADDRESS_ID,
    "weergavenaam": ADDRESS_LINE,
    "straatnaam": "Grote Markt",
    "huisnummer": 2,
    "huis_nlt": "2",
    "postcode": "2011RD",
    "woonplaatsnaam": "Haarlem",
    "gemeentecode": "0392",
    "gemeentenaam": "Haarlem",
    "centroide_ll": f"POINT({ADDRESS_POINT[0]} {ADDRESS_POINT[1]})",
}


def _json(payload: dict, delay: float = 0.0) -> Answer:
    return Answer(200, "application/json", json.dumps(payload).encode(), delay=delay)


def _found(docs: list[dict]) -> dict:
    return {"response": {"numFound": len(docs), "start": 0, "maxScore": 7.28 if docs else None, "docs": docs}}


AMSTERDAM_GEMEENTE = {  # PDOK's reverse answer of type gemeente for a pin on the Dam
    "type": "gemeente",
    "weergavenaam": "Gemeente Amsterdam",
    "gemeentenaam": "Amsterdam",
    "gemeentecode": "0363",
    "afstand": 0,
}
SUGGESTION = {"type": "adres", "weergavenaam": ADDRESS_LINE, "id": ADDRESS_ID, "score": 9.1}
NEAREST = {**ADDRESS_DOC, "afstand": 4.2, "score": 7.28}


def pdok_stand_in() -> HttpStandIn:
    """Paths: /pdok/* answers, /empty/* finds nothing, /slow/* answers after two seconds, /broken/* is a 500;
    /amsterdam/reverse answers that the point lies in the gemeente Amsterdam (and has no address of ours)."""
    routes = {
        "/pdok/suggest": _json({**_found([SUGGESTION]), "highlighting": {ADDRESS_ID: {"suggest": [ADDRESS_LINE]}}}),
        "/pdok/lookup": _json(_found([ADDRESS_DOC])),
        "/pdok/reverse": _json(_found([NEAREST])),
        "/slow/suggest": _json(_found([SUGGESTION]), delay=2.0),
        "/slow/lookup": _json(_found([ADDRESS_DOC]), delay=2.0),
        "/slow/reverse": _json(_found([NEAREST]), delay=2.0),
        "/broken/reverse": Answer(500, "text/plain", b"oops"),
        "/amsterdam/reverse": _json(_found([AMSTERDAM_GEMEENTE])),
    }
    for endpoint in ("suggest", "lookup", "reverse"):
        routes[f"/empty/{endpoint}"] = _json({"response": {"numFound": 0, "start": 0, "maxScore": None, "docs": []}})
    return HttpStandIn(routes)
