"""The address line of the participant page, as services.formatting.format_address writes it."""

from __future__ import annotations

from pal_desktop.services.formatting import format_address


def test_the_parts_given_are_joined_with_the_flat_after_a_slash():
    assert format_address("ul. Polna", "5", "2", "42-100", "Kłobuck") == "ul. Polna 5/2, 42-100 Kłobuck"
    assert format_address("ul. Polna", "5", "", "", "Kłobuck") == "ul. Polna 5, Kłobuck"
    assert format_address("", "", "", "42-100", "") == "42-100"
    assert format_address("", "", "", "", "") == ""
