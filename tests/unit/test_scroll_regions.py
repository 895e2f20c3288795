"""A table that may scroll sideways on a phone sits in a region a keyboard can reach and a screen reader names
(axe's scrollable-region-focusable): every .table-scroll in the templates, not only those a browser test opens."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"
SCROLLER = re.compile(r"<div\b[^>]*\bclass=\"table-scroll\"[^>]*>")


def test_every_scrolling_table_is_a_named_region_that_takes_focus():
    scrollers = [(path, tag) for path in TEMPLATES.rglob("*.html") for tag in SCROLLER.findall(path.read_text())]
    assert len(scrollers) > 10  # the pattern still finds them
    unreachable = [
        f"{path.relative_to(TEMPLATES)}: {tag}"
        for path, tag in scrollers
        if 'tabindex="0"' not in tag or 'role="region"' not in tag or not re.search(r"aria-label(ledby)?=", tag)
    ]
    assert unreachable == []
