"""Charts drawn on the server as SVG: they work without JavaScript, print, and cost no library download.

Each chart is an image with a text name (role="img" and a <title>); its numbers are in the data table
that follows it, which is what a screen reader reads. Colours come from a palette that stays apart for
the common forms of colour blindness, and every series also differs by line style or position.
"""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = ("#1f5fa8", "#c45a00", "#2d7d46", "#7b3f98", "#a8323e", "#5b5b5b")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "", "")
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 240, 48, 40, 12


def _legend(names, left: float, baseline: float) -> str:
    """One coloured key per series, in a row."""
    return "".join(
        f'<g transform="translate({left + i * 118},{baseline})"><rect width="12" height="12" y="-10" '
        f'fill="{PALETTE[i % len(PALETTE)]}"/><text x="16">{escape(name)}</text></g>'
        for i, name in enumerate(names)
    )


def _svg(title: str, height: float, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height:.0f}" role="img" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{body}</svg>'
    )


def _frame(title: str, body: str, legend: list[str]) -> Markup:
    return _svg(title, HEIGHT + 14, body + _legend(legend, LEFT, HEIGHT - 10))


def _scale(maximum: float):
    plot = HEIGHT - BOTTOM - TOP
    top = maximum if maximum > 0 else 1
    return lambda value: HEIGHT - BOTTOM - (value / top) * plot


def _axis(maximum: float, as_share: bool) -> str:
    y = _scale(maximum)
    ticks = []
    for step in range(5):
        value = maximum * step / 4
        label = f"{value:.0%}" if as_share else f"{value:.0f}" if maximum >= 4 else f"{value:.1f}"
        ticks.append(
            f'<line x1="{LEFT}" x2="{WIDTH}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>'
            f'<text x="{LEFT - 4}" y="{y(value) + 4:.1f}" text-anchor="end">{label}</text>'
        )
    return "".join(ticks)


def _labels(labels: list[str], slot: float) -> str:
    every = max(1, -(-len(labels) // 8))  # at most eight labels under the axis; the table has them all
    return "".join(
        f'<text x="{LEFT + slot * (i + 0.5):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">'
        f"{escape(label)}</text>"
        for i, label in enumerate(labels)
        if i % every == 0
    )


def line_chart(title: str, labels: list[str], series: dict[str, list[float | None]], as_share: bool) -> Markup:
    maximum = 1.0 if as_share else max([v for values in series.values() for v in values if v is not None] or [1])
    y, slot = _scale(maximum), (WIDTH - LEFT) / max(len(labels), 1)
    lines = []
    for i, values in enumerate(series.values()):
        points = [f"{LEFT + slot * (n + 0.5):.1f},{y(v):.1f}" for n, v in enumerate(values) if v is not None]
        lines.append(
            f'<polyline fill="none" stroke="{PALETTE[i % len(PALETTE)]}" stroke-width="2.5" '
            f'stroke-dasharray="{DASHES[i % len(DASHES)]}" points="{" ".join(points)}"/>'
        )
    return _frame(title, _axis(maximum, as_share) + "".join(lines) + _labels(labels, slot), list(series))


def bar_chart(title: str, labels: list[str], series: dict[str, list[float | None]], as_share: bool) -> Markup:
    maximum = 1.0 if as_share else max([v for values in series.values() for v in values if v is not None] or [1])
    y, slot = _scale(maximum), (WIDTH - LEFT) / max(len(labels), 1)
    width = slot * 0.8 / max(len(series), 1)
    bars = []
    for i, values in enumerate(series.values()):
        for n, value in enumerate(values):
            if value is None:
                continue
            x = LEFT + slot * n + slot * 0.1 + width * i
            bars.append(
                f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{width:.1f}" '
                f'height="{HEIGHT - BOTTOM - y(value):.1f}" fill="{PALETTE[i % len(PALETTE)]}"/>'
            )
    return _frame(title, _axis(maximum, as_share) + "".join(bars) + _labels(labels, slot), list(series))


def stacked_chart(title: str, labels: list[str], series: dict[str, list[float | None]]) -> Markup:
    totals = [sum(v or 0 for v in column) for column in zip(*series.values(), strict=True)] or [1]
    maximum = max(totals) or 1
    y, slot = _scale(maximum), (WIDTH - LEFT) / max(len(labels), 1)
    bars, base = [], [0.0] * len(labels)
    for i, values in enumerate(series.values()):
        for n, value in enumerate(values):
            top = base[n] + (value or 0)
            bars.append(
                f'<rect x="{LEFT + slot * n + slot * 0.2:.1f}" y="{y(top):.1f}" width="{slot * 0.6:.1f}" '
                f'height="{y(base[n]) - y(top):.1f}" fill="{PALETTE[i % len(PALETTE)]}"/>'
            )
            base[n] = top
    return _frame(title, _axis(maximum, False) + "".join(bars) + _labels(labels, slot), list(series))


CLASSES = ("#eef3fa", "#c6d8ee", "#8fb3dc", "#4f86c2", "#1f5fa8")  # light to dark: denser is darker


def _quintile_shade(density: float, ranked: list[float]) -> str:
    """Five classes with as many buurten each (quintiles of reports per km²), so the map shows contrast
    whatever the spread; a buurt without reports stays white."""
    below = sum(1 for value in ranked if value < density)
    return CLASSES[min(below * len(CLASSES) // max(len(ranked), 1), len(CLASSES) - 1)]


def choropleth(title: str, areas, hotspots, link, label) -> Markup:
    """Buurten shaded by reports per km² in five classes; hotspots outlined. `link(area)` gives the
    drill-down URL and `label(area)` the tooltip. The map is for the eye and the mouse; keyboard and screen
    reader users get the same numbers and links in the table beside it, so the map stays out of their way."""
    if not areas:
        return Markup("")
    xs = [x for a in areas for ring in a.outline.rings for x, _ in ring]
    ys = [y for a in areas for ring in a.outline.rings for _, y in ring]
    scale = (WIDTH - 20) / max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    height = (max(ys) - min(ys)) * scale + 20
    ranked = sorted(a.per_square_km for a in areas if a.count)
    hot = {id(a) for a in hotspots}
    shapes = []
    for area in areas:
        path = " ".join(
            "M" + " L".join(f"{(x - min(xs)) * scale + 10:.1f},{(max(ys) - y) * scale + 10:.1f}" for x, y in ring) + "Z"
            for ring in area.outline.rings
        )
        shade = _quintile_shade(area.per_square_km, ranked) if area.count else "#ffffff"
        outline = ' class="hotspot"' if id(area) in hot else ""
        shapes.append(
            f'<a href="{escape(link(area))}" tabindex="-1"><path d="{path}" fill="{shade}"'
            f"{outline}><title>{escape(label(area))}</title></path></a>"
        )
    return Markup(
        f'<svg class="area-map" viewBox="0 0 {WIDTH} {height:.0f}" aria-hidden="true" data-title="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}</svg>'
    )


def horizontal_bar_chart(
    title: str, labels: list[str], series: dict[str, list[float | None]], as_share: bool
) -> Markup:
    """Bars across, one row per group: long names (categories, teams) stay readable beside their bar."""
    values = [v for column in series.values() for v in column if v is not None]
    maximum = 1.0 if as_share else max(values or [1]) or 1
    label_width, row, bar = 230, 10 + 8 * len(series), 8
    height = row * len(labels) + 24
    plot = WIDTH - label_width - 50
    parts = []
    for n, label in enumerate(labels):
        y = n * row + 4
        shown = label if len(label) <= 32 else label[:31] + "…"
        parts.append(f'<text x="{label_width - 6}" y="{y + row / 2 + 3:.1f}" text-anchor="end">{escape(shown)}</text>')
        for i, column in enumerate(series.values()):
            value = column[n]
            if value is None:
                continue
            width = value / maximum * plot
            text = f"{value:.0%}" if as_share else f"{value:g}"
            parts.append(
                f'<rect x="{label_width}" y="{y + 4 + i * bar:.1f}" width="{width:.1f}" height="{bar - 1}" '
                f'fill="{PALETTE[i % len(PALETTE)]}"/><text x="{label_width + width + 4:.1f}" '
                f'y="{y + 4 + i * bar + bar - 1:.1f}">{text}</text>'
            )
    return _svg(title, height + 6, "".join(parts) + _legend(series, label_width, height - 4))
