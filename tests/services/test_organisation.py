"""Organisation settings and the logo strip: validated, stored once for every PC."""

from __future__ import annotations

import pytest

from pal_desktop.errors import ValidationError
from pal_desktop.services import organisation as service

PNG_1PX = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
           b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND"
           b"\xaeB`\x82")


def test_settings_are_saved_trimmed_and_read_back(db):
    saved = service.save_organisation(db, service.OrganisationSettings(
        name="  Gminny Ośrodek Pomocy Społecznej w Kłobucku ", address="ul. Rómmla 12", postal_code="42-100",
        city="Kłobuck", volunteer_hour_rate="35,5"))
    assert saved.name == "Gminny Ośrodek Pomocy Społecznej w Kłobucku"
    assert service.get_organisation(db) == saved
    assert saved.volunteer_hour_rate == "35,50"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("postal_code", "42100", "Kod pocztowy"),
    ("email", "gops@kłobuck.pl", "E-mail"),
    ("volunteer_hour_rate", "dużo", "Stawka za godzinę"),
    ("name", "   ", "Nazwa organizacji"),
])
def test_bad_settings_name_the_field_and_change_nothing(db, field, value, message):
    values = {"name": "GOPS Kłobuck", field: value}
    with pytest.raises(ValidationError, match=message) as error:
        service.save_organisation(db, service.OrganisationSettings(**values))
    assert error.value.field == field
    assert service.get_organisation(db).name == ""


def test_the_logo_strip_keeps_order_and_allows_four_signs(db, tmp_path):
    files = []
    for index in range(5):
        path = tmp_path / f"logo{index}.png"
        path.write_bytes(PNG_1PX)
        files.append(service.read_logo_file(path))
    service.replace_logos(db, files[:4])
    assert [logo.file_name for logo in service.list_logos(db)] == ["logo0.png", "logo1.png", "logo2.png", "logo3.png"]
    with pytest.raises(ValidationError, match="najwyżej 4"):
        service.replace_logos(db, files)
    assert len(service.list_logos(db)) == 4


def test_a_logo_must_be_an_image(tmp_path):
    path = tmp_path / "logo.png"
    path.write_text("to nie jest obraz", encoding="utf-8")
    with pytest.raises(ValidationError, match="nie jest obrazem PNG ani JPEG"):
        service.read_logo_file(path)
