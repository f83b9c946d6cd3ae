"""The participant form's EU data-set fields chosen from the funder's lists.

"W tym", the situation at the end, the occupation and employer of a person in work, the planned end of
education and the business started serve both funding periods (SL2014's practitioner columns; SM EFS has the
dates); the 2021-2027 group (citizenship, foreign origin, minority...) is shown only when the programme is
funded from 2021-2027, so an office on 2014-2020 money is not asked what its data set has no column for.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGroupBox

from pal_desktop.domain.efs_dictionaries import (
    Citizenship,
    EndSituation,
    FundingPeriod,
    LabourDetail,
    Occupation,
)
from pal_desktop.domain.enums import TriState
from pal_desktop.services import efs_export
from pal_desktop.ui.dialogs.participant_fields import enum_combo, set_combo_value

COMBO_FIELDS = ("labour_detail", "occupation", "end_situation_code", "end_situation_code_2", "citizenship",
                "foreign_origin", "third_country_citizen", "minority")
TEXT_FIELDS = ("employed_at", "business_pkd", "technical_id")
DATE_FIELDS = ("planned_education_end", "business_start_date")


def build_groups(form) -> tuple[QGroupBox, QGroupBox]:
    """The dictionary fields of both periods, and the 2021-2027 group (hidden until the period says so)."""
    not_given = QCoreApplication.translate("ParticipantForm", "— nie podano —")
    box, rows = form._group(QCoreApplication.translate("ParticipantForm", "Słowniki danych EFS"))
    form._row(rows, "labour_detail", QCoreApplication.translate("ParticipantForm", "Status — w tym\n(ze słownika):"),
              enum_combo(form._combo("labour_detail"), LabourDetail, not_given),
              name=QCoreApplication.translate("ParticipantForm", "Status na rynku pracy — w tym, ze słownika"))
    form._row(rows, "end_situation_code", QCoreApplication.translate("ParticipantForm", "Sytuacja po\nzakończeniu:"),
              enum_combo(form._combo("end_situation_code"), EndSituation, not_given),
              name=QCoreApplication.translate("ParticipantForm", "Sytuacja w chwili zakończenia, ze słownika"))
    form._row(rows, "end_situation_code_2", QCoreApplication.translate("ParticipantForm", "Sytuacja (2) po\nzakończeniu:"),
              enum_combo(form._combo("end_situation_code_2"), EndSituation, not_given),
              name=QCoreApplication.translate("ParticipantForm", "Druga sytuacja w chwili zakończenia, ze słownika"))
    form._row(rows, "occupation", QCoreApplication.translate("ParticipantForm", "Wykonywany zawód:"),
              enum_combo(form._combo("occupation"), Occupation, not_given),
              name=QCoreApplication.translate("ParticipantForm", "Wykonywany zawód (osoba pracująca), ze słownika"))
    form._row(rows, "employed_at", QCoreApplication.translate("ParticipantForm", "Zatrudniony w:"),
              form._line("employed_at", placeholder=QCoreApplication.translate("ParticipantForm", "nazwa pracodawcy"), max_length=200),
              name=QCoreApplication.translate("ParticipantForm", "Zatrudniony w — nazwa pracodawcy"))
    form._row(rows, "planned_education_end", QCoreApplication.translate("ParticipantForm", "Planowane zakończenie\nedukacji:"),
              form._date("planned_education_end"), name=QCoreApplication.translate("ParticipantForm", "Planowana data zakończenia edukacji"))
    form._row(rows, "business_start_date", QCoreApplication.translate("ParticipantForm", "Założenie działalności\ngospodarczej:"),
              form._date("business_start_date"), name=QCoreApplication.translate("ParticipantForm", "Data założenia działalności gospodarczej"))
    grant = form._line("business_grant", placeholder=QCoreApplication.translate("ParticipantForm", "np. 23 050,00"), max_length=16)
    # Only digits and one decimal separator can be typed, so the form always has an amount to send (or none).
    grant.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,12}([.,][0-9]{0,2})?"), grant))
    form._row(rows, "business_grant", QCoreApplication.translate("ParticipantForm", "Kwota środków na\ndziałalność (zł):"),
              grant, name=QCoreApplication.translate("ParticipantForm", "Kwota przyznanych środków na założenie działalności gospodarczej"))
    form._row(rows, "business_pkd", QCoreApplication.translate("ParticipantForm", "PKD działalności:"),
              form._line("business_pkd", placeholder=QCoreApplication.translate("ParticipantForm", "np. 88.99.Z"), max_length=10),
              name=QCoreApplication.translate("ParticipantForm", "PKD założonej działalności gospodarczej"))
    box_2021, rows_2021 = form._group(QCoreApplication.translate("ParticipantForm", "Dane EFS+ 2021-2027"))
    form._row(rows_2021, "citizenship", QCoreApplication.translate("ParticipantForm", "Obywatelstwo:"),
              enum_combo(form._combo("citizenship"), Citizenship, not_given))
    form._row(rows_2021, "foreign_origin", QCoreApplication.translate("ParticipantForm", "Osoba obcego\npochodzenia:"),
              enum_combo(form._combo("foreign_origin"), TriState, not_given), name=QCoreApplication.translate("ParticipantForm", "Osoba obcego pochodzenia"))
    form._row(rows_2021, "third_country_citizen", QCoreApplication.translate("ParticipantForm", "Obywatel państwa\ntrzeciego:"),
              enum_combo(form._combo("third_country_citizen"), TriState, not_given),
              name=QCoreApplication.translate("ParticipantForm", "Obywatel państwa trzeciego"))
    form._row(rows_2021, "minority", QCoreApplication.translate("ParticipantForm", "Mniejszość narodowa\nlub etniczna:"),
              enum_combo(form._combo("minority"), TriState, not_given),
              name=QCoreApplication.translate("ParticipantForm", "Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)"))
    form._row(rows_2021, "technical_id", QCoreApplication.translate("ParticipantForm", "Identyfikator\ntechniczny:"),
              form._line("technical_id", placeholder=QCoreApplication.translate("ParticipantForm", "pusty: PAL-numer rekordu"), max_length=40),
              name=QCoreApplication.translate("ParticipantForm", "Techniczny identyfikator uczestnika"))
    box_2021.setObjectName("efs2021Group")
    box_2021.hide()
    return box, box_2021


def show_for_programme(form, db, programme_id: int | None) -> None:
    period = efs_export.period_of(db, programme_id) if programme_id is not None else None
    form.findChild(QGroupBox, "efs2021Group").setVisible(period == FundingPeriod.P2021_2027)


def set_values(form, data) -> None:
    for name in COMBO_FIELDS:
        set_combo_value(form.editors[name], getattr(data, name, None))
    for name in DATE_FIELDS:
        form.editors[name].set_date(getattr(data, name, None))
    for name in TEXT_FIELDS:
        form.editors[name].setText(getattr(data, name, "") or "")
    grant = getattr(data, "business_grant", None)
    form.editors["business_grant"].setText(f"{grant:.2f}".replace(".", ",") if grant is not None else "")


def _amount(text: str) -> Decimal | None:
    cleaned = "".join(text.split()).replace(",", ".")
    try:
        return Decimal(cleaned) if cleaned.strip(".") else None
    except InvalidOperation:  # the validator lets nothing else through
        return None


def values(form) -> dict:
    found = {name: form.editors[name].currentData() for name in COMBO_FIELDS}
    found.update({name: form.editors[name].date() for name in DATE_FIELDS})
    found.update({name: form.editors[name].text() for name in TEXT_FIELDS})
    found["business_grant"] = _amount(form.editors["business_grant"].text())
    return found


__all__ = ["build_groups", "set_values", "show_for_programme", "values"]
