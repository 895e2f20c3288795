"""Addresses without a database or a network: reading PDOK's address documents and the readable location."""

import pytest

from geo.addresses import readable
from geo.geocoder import Address, GeocoderSettings, GeocoderUnavailable, found_address, reverse, suggest
from models import Area, AreaKind

DOC = {
    "id": "adr-521e3fb0b4343d92b2e47f869071ed5e",
    "straatnaam": "Riouwstraat",
    "huis_nlt": "1A-2",
    "postcode": "2022ZJ",
    "woonplaatsnaam": "Haarlem",
    "centroide_ll": "POINT(4.64739941 52.39738762)",
}


def test_an_address_document_gives_the_address_and_its_longitude_first_point():
    found = found_address(DOC)
    assert found.address == Address("Riouwstraat", "1A-2", "2022ZJ", "Haarlem")
    assert (found.lon, found.lat) == (4.64739941, 52.39738762)
    assert found.address.line == "Riouwstraat 1A-2, 2022ZJ Haarlem"


@pytest.mark.parametrize("missing", ["straatnaam", "centroide_ll"])
def test_a_document_without_street_or_point_is_no_address(missing):
    assert found_address({key: value for key, value in DOC.items() if key != missing}) is None


def test_an_off_geocoder_is_unavailable_without_calling_anyone():
    off = GeocoderSettings("", "GM0392")
    with pytest.raises(GeocoderUnavailable):
        suggest(off, "Grote Markt")
    with pytest.raises(GeocoderUnavailable):
        reverse(off, 4.63, 52.38)


def test_the_readable_location_is_the_address_else_the_buurt_and_wijk_with_the_residents_words():
    buurt = Area(kind=AreaKind.BUURT, code="BU03920102", name="Grote Markt")
    wijk = Area(kind=AreaKind.WIJK, code="WK039201", name="Oude Stad")
    assert readable(Address("Riouwstraat", "1", "2022ZJ", "Haarlem"), buurt, wijk, "").line == (
        "Riouwstraat 1, 2022ZJ Haarlem"
    )
    assert readable(None, buurt, wijk, "bij de kerk").line == "Grote Markt, Oude Stad; bij de kerk"
    assert readable(None, None, None, "").line == ""
