"""The 2021-2027 participant data set (SM EFS, CST2021): its columns, dictionaries and age rule.

The registry keeps 2014-2020's finer values (six ISCED levels, registered and unregistered unemployment);
this module says how each prints in 2021-2027's grouped dictionaries, so a record needs no re-typing when
its programme changes period.

Sources: the 2021-2027-only column names and the grouped education and labour-market labels are those of
issue 15 (which checked them against two tools that read and write real 2021-2027 files). The order of the
columns, the citizenship list and the "w tym" lists could not be confirmed against the funder's published
template (none was found in the reference material available) and follow the CST2021 import sheet as it is
commonly described; check them against the current SM EFS template before relying on the order.
"""

from __future__ import annotations

import datetime as dt

from pal_desktop.domain.efs_dictionaries import DETAILS_BY_STATUS, LabourDetail
from pal_desktop.domain.enums import Education, LabourStatus
from pal_desktop.domain.validation import age_on
from pal_desktop.messages import QT_TRANSLATE_NOOP

#: The data set's columns, in the funder's order; one line per form of support the person received.
COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Efs", "Numer projektu"),
    QT_TRANSLATE_NOOP("Efs", "Kraj"),
    QT_TRANSLATE_NOOP("Efs", "Rodzaj uczestnika"),
    QT_TRANSLATE_NOOP("Efs", "Nazwa instytucji"),
    QT_TRANSLATE_NOOP("Efs", "Techniczny identyfikator uczestnika"),
    QT_TRANSLATE_NOOP("Efs", "Imię"),
    QT_TRANSLATE_NOOP("Efs", "Nazwisko"),
    QT_TRANSLATE_NOOP("Efs", "Obywatelstwo"),
    QT_TRANSLATE_NOOP("Efs", "Brak PESEL"),
    QT_TRANSLATE_NOOP("Efs", "PESEL/Inny identyfikator"),
    QT_TRANSLATE_NOOP("Efs", "Płeć"),
    QT_TRANSLATE_NOOP("Efs", "Wiek w chwili przystąpienia do projektu"),
    QT_TRANSLATE_NOOP("Efs", "Wykształcenie"),
    QT_TRANSLATE_NOOP("Efs", "Województwo"),
    QT_TRANSLATE_NOOP("Efs", "Powiat"),
    QT_TRANSLATE_NOOP("Efs", "Gmina"),
    QT_TRANSLATE_NOOP("Efs", "Miejscowość"),
    QT_TRANSLATE_NOOP("Efs", "Kod pocztowy"),
    QT_TRANSLATE_NOOP("Efs", "Obszar według stopnia urbanizacji (DEGURBA)"),
    QT_TRANSLATE_NOOP("Efs", "Telefon kontaktowy"),
    QT_TRANSLATE_NOOP("Efs", "Adres e-mail"),
    QT_TRANSLATE_NOOP("Efs", "Data rozpoczęcia udziału w projekcie"),
    QT_TRANSLATE_NOOP("Efs", "Data zakończenia udziału w projekcie"),
    QT_TRANSLATE_NOOP("Efs", "Status osoby na rynku pracy w chwili przystąpienia do projektu"),
    QT_TRANSLATE_NOOP("Efs", "W tym"),
    QT_TRANSLATE_NOOP("Efs", "Planowana data zakończenia edukacji"),
    QT_TRANSLATE_NOOP("Efs", "Data założenia działalności gospodarczej"),
    QT_TRANSLATE_NOOP("Efs", "Osoba obcego pochodzenia"),
    QT_TRANSLATE_NOOP("Efs", "Obywatel państwa trzeciego"),
    QT_TRANSLATE_NOOP("Efs", "Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności "
                             "marginalizowane)"),
    QT_TRANSLATE_NOOP("Efs", "Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań"),
    QT_TRANSLATE_NOOP("Efs", "Osoba z niepełnosprawnościami"),
    QT_TRANSLATE_NOOP("Efs", "Zakres wsparcia"),
    QT_TRANSLATE_NOOP("Efs", "Zakres wsparcia – w tym"),
    QT_TRANSLATE_NOOP("Efs", "Data rozpoczęcia udziału we wsparciu"),
)

#: Grouped ISCED levels, in the list's order.
EDUCATION_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Efs", "Brak lub niepełne podstawowe (ISCED 0)"),
    QT_TRANSLATE_NOOP("Efs", "Podstawowe (ISCED 1) lub gimnazjalne (ISCED 2)"),
    QT_TRANSLATE_NOOP("Efs", "Ponadgimnazjalne (ISCED 3) lub policealne (ISCED 4)"),
    QT_TRANSLATE_NOOP("Efs", "Wyższe (ISCED 5–8)"),
)
_EDUCATION = {
    Education.NONE: 0, Education.PRIMARY: 1, Education.LOWER_SECONDARY: 1, Education.UPPER_SECONDARY: 2,
    Education.POST_SECONDARY: 2, Education.TERTIARY: 3,
}

LABOUR_LABELS: dict[LabourStatus, str] = {
    LabourStatus.UNEMPLOYED_REGISTERED: QT_TRANSLATE_NOOP("Efs", "Osoba bezrobotna"),
    LabourStatus.UNEMPLOYED_UNREGISTERED: QT_TRANSLATE_NOOP("Efs", "Osoba bezrobotna"),
    LabourStatus.INACTIVE: QT_TRANSLATE_NOOP("Efs", "Osoba bierna zawodowo"),
    LabourStatus.EMPLOYED: QT_TRANSLATE_NOOP("Efs", "Osoba pracująca"),
}

#: 2021-2027 dropped "nieuczestnicząca w kształceniu lub szkoleniu" from the inactive's "w tym".
DETAILS_2021: dict[LabourStatus, tuple[LabourDetail, ...]] = {
    status: tuple(d for d in details if d is not LabourDetail.NOT_IN_EDUCATION)
    for status, details in DETAILS_BY_STATUS.items()
}

#: The age bands of the common indicators (EFS+): under 18, 18-29, 30-54, 55 or more.
AGE_BANDS_2021: tuple[tuple[int, int | None, str], ...] = (
    (0, 17, QT_TRANSLATE_NOOP("Efs", "poniżej 18 lat")),
    (18, 29, QT_TRANSLATE_NOOP("Efs", "18-29 lat")),
    (30, 54, QT_TRANSLATE_NOOP("Efs", "30-54 lata")),
    (55, None, QT_TRANSLATE_NOOP("Efs", "55 lat lub więcej")),
)
#: 2014-2020's bands: under 25, 25-53, 54 or more.
AGE_BANDS_2014: tuple[tuple[int, int | None, str], ...] = (
    (0, 24, QT_TRANSLATE_NOOP("Efs", "poniżej 25 lat")),
    (25, 53, QT_TRANSLATE_NOOP("Efs", "25-53 lata")),
    (54, None, QT_TRANSLATE_NOOP("Efs", "54 lata lub więcej")),
)


def education_label(education: Education | None) -> str:
    return EDUCATION_LABELS[_EDUCATION[education]] if education else ""


def labour_label(status: LabourStatus | None) -> str:
    return LABOUR_LABELS[status] if status else ""


def detail_fits(status: LabourStatus | None, detail: LabourDetail | None) -> bool:
    """Whether the "w tym" is one the 2021-2027 list offers under the status (none is always allowed)."""
    return detail is None or (status is not None and detail in DETAILS_2021[status])


def age_at_start(birth: dt.date, start: dt.date) -> int:
    """Full years on the day the person started in the project (the data set's rule, both periods)."""
    return age_on(birth, start)


def age_band(age: int, bands=AGE_BANDS_2021) -> str:
    for low, high, label in bands:
        if age >= low and (high is None or age <= high):
            return label
    return ""


__all__ = ["AGE_BANDS_2014", "AGE_BANDS_2021", "COLUMNS", "DETAILS_2021", "EDUCATION_LABELS", "LABOUR_LABELS",
           "age_at_start", "age_band", "detail_fits", "education_label", "labour_label"]
