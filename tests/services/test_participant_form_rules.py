"""The participant form's Qt-free rules: matching a typed street, the dash of a postal code."""

from __future__ import annotations

from pal_desktop.domain.text import street_key
from pal_desktop.domain.validation import postal_code_with_dash


def test_a_street_matches_with_or_without_ul_and_polish_letters():
    assert street_key("ul. Łąkowa ") == street_key("lakowa") == "lakowa"
    assert street_key("") == street_key(None) == ""


def test_five_digits_get_their_dash_and_anything_else_stays_as_typed():
    assert postal_code_with_dash("42100") == "42-100"
    assert postal_code_with_dash("4-2100") == "42-100"
    assert postal_code_with_dash("42-100") == "42-100"
    assert postal_code_with_dash("4210") == "4210"
    assert postal_code_with_dash("42a00") == "42a00"
