"""The participant form's EU data-set fields chosen from the funder's lists.

"W tym" and the situation at the end serve both funding periods; the 2021-2027 group (citizenship, foreign
origin, minority, the planned end of education...) is shown only when the programme is funded from
2021-2027, so an office on 2014-2020 money is not asked what its data set has no column for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox

from pal_desktop.domain.efs_dictionaries import Citizenship, EndSituation, FundingPeriod, LabourDetail
from pal_desktop.domain.enums import TriState
from pal_desktop.services import efs_export
from pal_desktop.ui.dialogs.participant_fields import enum_combo, set_combo_value

COMBO_FIELDS = ("labour_detail", "end_situation_code", "citizenship", "foreign_origin", "third_country_citizen",
                "minority")
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
    form._row(rows_2021, "planned_education_end", QCoreApplication.translate("ParticipantForm", "Planowane zakończenie\nedukacji:"),
              form._date("planned_education_end"), name=QCoreApplication.translate("ParticipantForm", "Planowana data zakończenia edukacji"))
    form._row(rows_2021, "business_start_date", QCoreApplication.translate("ParticipantForm", "Założenie działalności\ngospodarczej:"),
              form._date("business_start_date"), name=QCoreApplication.translate("ParticipantForm", "Data założenia działalności gospodarczej"))
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
    form.editors["technical_id"].setText(getattr(data, "technical_id", "") or "")


def values(form) -> dict:
    found = {name: form.editors[name].currentData() for name in COMBO_FIELDS}
    found.update({name: form.editors[name].date() for name in DATE_FIELDS})
    found["technical_id"] = form.editors["technical_id"].text()
    return found


__all__ = ["build_groups", "set_values", "show_for_programme", "values"]
