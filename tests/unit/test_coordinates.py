import pytest

from triage.intake.submission import parse_coordinates


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("52.3812", "4.6368", (52.3812, 4.6368)),
        ("52,3812", "4,6368", (52.3812, 4.6368)),
        (" 52.1 ", "4", (52.1, 4.0)),
    ],
)
def test_coordinates_as_typed_are_read(lat, lon, expected):
    assert parse_coordinates(lat, lon) == expected


@pytest.mark.parametrize(("lat", "lon"), [("abc", "4.6"), ("52.3", ""), ("nan", "4.6"), ("52", "inf"), ("1e999", "4")])
def test_coordinates_that_are_not_numbers_are_refused(lat, lon):
    assert parse_coordinates(lat, lon) is None
