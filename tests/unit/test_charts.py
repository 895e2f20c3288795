"""Server-drawn charts: names from the data are escaped, and every kind of chart has a name for screen readers."""

import pytest

from web import charts

EVIL = '<script>alert("x")</script>'


@pytest.mark.parametrize(
    "draw",
    [
        lambda: charts.line_chart("Titel", ["a", EVIL], {EVIL: [1, 2]}, False),
        lambda: charts.bar_chart("Titel", ["a", EVIL], {EVIL: [0.5, None]}, True),
        lambda: charts.stacked_chart("Titel", ["a", EVIL], {EVIL: [1, 2], "b": [3, None]}),
        lambda: charts.horizontal_bar_chart("Titel", ["a", EVIL], {EVIL: [1, 2]}, False),
    ],
)
def test_every_chart_is_a_named_image_and_escapes_names(draw):
    svg = str(draw())
    assert svg.startswith('<svg class="chart"') and 'role="img"' in svg and "<title>Titel</title>" in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_map_shading_splits_buurten_into_five_equal_groups():
    ranked = sorted(float(n) for n in range(1, 11))
    shades = [charts._quintile_shade(value, ranked) for value in ranked]
    assert [shades.count(colour) for colour in charts.CLASSES] == [2, 2, 2, 2, 2]
    assert shades[0] == charts.CLASSES[0] and shades[-1] == charts.CLASSES[-1]


def test_a_chart_without_data_still_draws_an_empty_frame():
    assert "<title>Leeg</title>" in str(charts.line_chart("Leeg", [], {"x": []}, False))
