"""How the contact centre's look-up reads what a caller says: the kind of thing typed, and one phone number in the
ways people write it."""

import pytest

from triage.workflow.caller_lookup import _phone_forms, lookup_kind


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("mor-abcd efgh", "code"),
        ("Bewoner@Example.org", "email"),
        ("06 1234 5678", "phone"),
        ("+31 (0)6-12345678", "phone"),
        ("Grote Markt 2", "address"),
        ("2011 AB", "address"),
    ],
)
def test_the_kind_left_open_is_what_the_text_looks_like(typed, kind):
    assert lookup_kind("", typed) == kind


def test_a_chosen_kind_wins_over_what_the_text_looks_like():
    assert lookup_kind("address", "06 1234 5678") == "address"


@pytest.mark.parametrize(
    "typed", ["0612345678", "06-12 34 56 78", "+31 6 12345678", "+31 (0)6 12345678", "0031612345678", "31612345678"]
)
def test_one_dutch_number_in_every_way_it_is_written(typed):
    assert _phone_forms(typed) == {"0612345678", "31612345678", "0031612345678"}


def test_a_foreign_number_is_compared_as_typed():
    assert _phone_forms("+49 30 1234567") == {"49301234567"}
