"""The participant form's Adres group and how it behaves: the area's streets, the postal code, the town.

The street is chosen from the programme's revitalisation area (``dialog._streets``, typed with completion)
or typed; an area street fills the postal code and the town where they are still empty. A street outside the
area enables "Uzasadnienie adresu spoza obszaru" and an amber note says the address will be saved with it.
Five digits typed into the postal code get their dash.

The texts keep the translation context "ParticipantForm" they had when this group was built by the form.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QGroupBox, QLabel

from pal_desktop.domain.text import street_key
from pal_desktop.domain.validation import postal_code_with_dash
from pal_desktop.ui.dialogs.participant_form_rows import WARNING_STYLE


def build_address(dialog) -> QGroupBox:
    box, form = dialog._group(QCoreApplication.translate("ParticipantForm", "Adres"))
    street = QComboBox(dialog)
    street.setEditable(True)
    street.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    street.setMaxVisibleItems(15)
    street.addItem("", None)
    for option in dialog._streets:
        street.addItem(option.name, option.id)
    completer = QCompleter([s.name for s in dialog._streets], street)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    street.setCompleter(completer)
    street.lineEdit().setPlaceholderText(
        QCoreApplication.translate("ParticipantForm", "wybierz z listy ulic obszaru albo wpisz"))
    street.currentTextChanged.connect(lambda _text: dialog._changed("street_name"))
    street.activated.connect(dialog._street_chosen)
    dialog.street_combo = street
    dialog.street_warning = QLabel(dialog)
    dialog.street_warning.setObjectName("streetWarning")
    dialog.street_warning.setStyleSheet(WARNING_STYLE)
    dialog.street_warning.setWordWrap(True)
    dialog.street_warning.hide()
    dialog._row(form, "street_name", QCoreApplication.translate("ParticipantForm", "U&lica:"), street,
                below=(dialog.street_warning,), name=QCoreApplication.translate("ParticipantForm", "Ulica"))
    dialog._row(form, "outside_area_reason",
                QCoreApplication.translate("ParticipantForm", "Uzasadnienie adresu\nspoza obszaru:"),
                dialog._line("outside_area_reason", placeholder=QCoreApplication.translate(
                    "ParticipantForm", "tylko dla ulicy spoza obszaru rewitalizacji")),
                name=QCoreApplication.translate("ParticipantForm", "Uzasadnienie adresu spoza obszaru"))
    house = dialog._line("house_number")
    house.setMaximumWidth(90)
    flat = dialog._line("flat_number")
    flat.setMaximumWidth(90)
    flat.setObjectName("field_flat_number")
    flat.setAccessibleName(QCoreApplication.translate("ParticipantForm", "Nr mieszkania"))
    dialog.editors["flat_number"] = flat
    flat_label = QLabel(QCoreApplication.translate("ParticipantForm", "Nr &mieszkania:"), dialog)
    flat_label.setBuddy(flat)
    dialog._row(form, "house_number", QCoreApplication.translate("ParticipantForm", "Nr &domu:"), house,
                extras=(flat_label, flat), name=QCoreApplication.translate("ParticipantForm", "Nr domu"))
    postal = dialog._line("postal_code", placeholder="00-000", max_length=6)
    postal.setMaximumWidth(90)
    postal.textEdited.connect(dialog._tidy_postal_code)
    city = dialog._line("city")
    city_label = QLabel(QCoreApplication.translate("ParticipantForm", "Miejs&cowość:"), dialog)
    city_label.setBuddy(city)
    dialog._row(form, "postal_code", QCoreApplication.translate("ParticipantForm", "&Kod pocztowy:"), postal,
                extras=(city_label, city), name=QCoreApplication.translate("ParticipantForm", "Kod pocztowy"))
    city.setObjectName("field_city")
    city.setAccessibleName(QCoreApplication.translate("ParticipantForm", "Miejscowość"))
    dialog.editors["city"] = city
    return box


def street_option(dialog):
    """The area street matching what is typed in the street field, or None."""
    return dialog._street_by_key.get(street_key(dialog.street_combo.currentText()))


def is_outside_area(dialog) -> bool:
    text = dialog.street_combo.currentText().strip()
    return bool(text) and bool(dialog._streets) and street_option(dialog) is None


def update_outside_area(dialog) -> None:
    """The reason is asked only for a street outside the area; the amber note says so (unless the red message
    under the reason already does)."""
    outside = dialog.is_outside_area()
    dialog.editors["outside_area_reason"].setEnabled(outside)
    if outside:
        dialog.street_warning.setText(QCoreApplication.translate(
            "ParticipantForm",
            "Ulicy „{street}” nie ma na liście ulic obszaru rewitalizacji tego programu — adres zostanie "
            "zapisany z uzasadnieniem.").format(street=dialog.street_combo.currentText().strip()))
    dialog.street_warning.setVisible(outside and "outside_area_reason" not in dialog._errors)


def street_chosen(dialog) -> None:
    """A street of the area fills the postal code and the town, where they are still empty."""
    option = dialog.street_option()
    if option is None:
        return
    if option.postal_code and not dialog.editors["postal_code"].text():
        dialog.editors["postal_code"].setText(option.postal_code)
    if option.locality and not dialog.editors["city"].text():
        dialog.editors["city"].setText(option.locality)


def tidy_postal_code(dialog, text: str) -> None:
    tidied = postal_code_with_dash(text)
    if tidied != text:
        dialog.editors["postal_code"].setText(tidied)


__all__ = ["build_address", "is_outside_area", "street_chosen", "street_option", "tidy_postal_code",
           "update_outside_area"]
