"""Which buurt and wijk a pin lies in, and where it lies when it is not in Haarlem."""

import pytest

from geo.areas import place_point
from tests.factories import AMSTERDAM_DAM, GROTE_MARKT, HEEMSTEDE


def test_pin_on_grote_markt_lies_in_its_buurt_and_wijk(session):
    placement = place_point(session, *GROTE_MARKT, "GM0392")
    assert placement.inside
    assert placement.buurt.code.startswith("BU039201")
    assert placement.wijk.code == "WK039201"
    assert placement.wijk.name == "Oude Stad"


def test_pin_in_heemstede_is_named_as_heemstede(session):
    placement = place_point(session, *HEEMSTEDE, "GM0392")
    assert not placement.inside
    assert placement.elsewhere == "Heemstede"
    assert placement.buurt is None


def test_pin_far_away_is_named_by_its_province(session):
    placement = place_point(session, 5.1214, 52.0907, "GM0392")  # Utrecht, Domplein
    assert not placement.inside
    assert placement.elsewhere == "Utrecht"


@pytest.mark.parametrize("lon_lat", [(0.0, 0.0), (-73.98, 40.75)])
def test_pin_outside_every_known_area_is_outside_without_a_name(session, lon_lat):
    placement = place_point(session, *lon_lat, "GM0392")
    assert not placement.inside
    assert placement.elsewhere is None


def test_amsterdam_is_outside(session):
    assert not place_point(session, *AMSTERDAM_DAM, "GM0392").inside
