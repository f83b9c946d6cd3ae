"""The closed lists a participant's EU data is chosen from, stored on the record whatever the funding period.

Each programme belongs to a funding period, which chooses the participant data set (SL2014 for 2014-2020,
SM EFS for 2021-2027). The values below are stored as short codes; each data set prints them with its own
labels (see efs_2021 for 2021-2027's).

Before these lists the "w tym" of the labour-market status and the situation at the end were free text;
``labour_detail_from_text`` and ``end_situation_from_text`` recognise what people typed, and return None
for what they cannot (the migration leaves that text as it was and a service lists it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from pal_desktop.domain.enums import LabelledEnum, LabourStatus
from pal_desktop.messages import QT_TRANSLATE_NOOP


class FundingPeriod(LabelledEnum):
    P2014_2020 = "2014-2020"
    P2021_2027 = "2021-2027"

    @classmethod
    def labels(cls):
        return {cls.P2014_2020: QT_TRANSLATE_NOOP("Enums", "2014-2020 (SL2014)"),
                cls.P2021_2027: QT_TRANSLATE_NOOP("Enums", "2021-2027 (SM EFS)")}


class Citizenship(LabelledEnum):
    POLISH = "polskie"
    EU = "ue"
    NON_EU = "spoza_ue"
    STATELESS = "bezpanstwowiec"

    @classmethod
    def labels(cls):
        return {
            cls.POLISH: QT_TRANSLATE_NOOP("Enums", "Obywatelstwo polskie"),
            cls.EU: QT_TRANSLATE_NOOP("Enums", "Brak polskiego obywatelstwa – obywatel kraju UE"),
            cls.NON_EU: QT_TRANSLATE_NOOP("Enums", "Brak polskiego obywatelstwa lub UE"),
            cls.STATELESS: QT_TRANSLATE_NOOP("Enums", "Bezpaństwowiec"),
        }


class LabourDetail(LabelledEnum):
    """The "w tym" of the labour-market status; which ones fit depends on the status (``DETAILS_BY_STATUS``)."""

    LONG_TERM_UNEMPLOYED = "dlugotrwale_bezrobotna"
    STUDYING = "uczaca_sie"
    NOT_IN_EDUCATION = "nieuczestniczaca_w_ksztalceniu"
    GOVERNMENT = "administracja_rzadowa"
    LOCAL_GOVERNMENT = "administracja_samorzadowa"
    SME = "mmsp"
    NGO = "organizacja_pozarzadowa"
    SELF_EMPLOYED = "dzialalnosc_na_wlasny_rachunek"
    LARGE_ENTERPRISE = "duze_przedsiebiorstwo"
    OTHER = "inne"

    @classmethod
    def labels(cls):
        return {
            cls.LONG_TERM_UNEMPLOYED: QT_TRANSLATE_NOOP("Enums", "Osoba długotrwale bezrobotna"),
            cls.STUDYING: QT_TRANSLATE_NOOP("Enums", "Osoba ucząca się/kształcąca się"),
            cls.NOT_IN_EDUCATION: QT_TRANSLATE_NOOP("Enums", "Osoba nieuczestnicząca w kształceniu lub szkoleniu"),
            cls.GOVERNMENT: QT_TRANSLATE_NOOP("Enums", "Osoba pracująca w administracji rządowej"),
            cls.LOCAL_GOVERNMENT: QT_TRANSLATE_NOOP("Enums", "Osoba pracująca w administracji samorządowej"),
            cls.SME: QT_TRANSLATE_NOOP("Enums", "Osoba pracująca w MMŚP"),
            cls.NGO: QT_TRANSLATE_NOOP("Enums", "Osoba pracująca w organizacji pozarządowej"),
            cls.SELF_EMPLOYED: QT_TRANSLATE_NOOP("Enums", "Osoba prowadząca działalność na własny rachunek"),
            cls.LARGE_ENTERPRISE: QT_TRANSLATE_NOOP("Enums", "Osoba pracująca w dużym przedsiębiorstwie"),
            cls.OTHER: QT_TRANSLATE_NOOP("Enums", "Inne"),
        }


_UNEMPLOYED = (LabourDetail.LONG_TERM_UNEMPLOYED, LabourDetail.OTHER)
#: The "w tym" a status allows. 2021-2027 has no "nieuczestnicząca w kształceniu" (see efs_2021).
DETAILS_BY_STATUS: dict[LabourStatus, tuple[LabourDetail, ...]] = {
    LabourStatus.UNEMPLOYED_REGISTERED: _UNEMPLOYED,
    LabourStatus.UNEMPLOYED_UNREGISTERED: _UNEMPLOYED,
    LabourStatus.INACTIVE: (LabourDetail.STUDYING, LabourDetail.NOT_IN_EDUCATION, LabourDetail.OTHER),
    LabourStatus.EMPLOYED: (LabourDetail.GOVERNMENT, LabourDetail.LOCAL_GOVERNMENT, LabourDetail.SME,
                            LabourDetail.NGO, LabourDetail.SELF_EMPLOYED, LabourDetail.LARGE_ENTERPRISE,
                            LabourDetail.OTHER),
}


class EndSituation(LabelledEnum):
    """The situation at the end of participation (2014-2020's "Sytuacja osoby w momencie zakończenia")."""

    JOB_FOUND = "podjecie_pracy"
    JOB_KEPT = "kontynuacja_zatrudnienia"
    EDUCATION = "podjecie_ksztalcenia"
    JOB_SEEKING = "poszukiwanie_pracy"
    QUALIFICATION = "nabycie_kwalifikacji"
    NO_CHANGE = "brak_zmian"
    OTHER = "inne"

    @classmethod
    def labels(cls):
        return {
            cls.JOB_FOUND: QT_TRANSLATE_NOOP("Enums", "Podjęcie pracy"),
            cls.JOB_KEPT: QT_TRANSLATE_NOOP("Enums", "Kontynuacja zatrudnienia"),
            cls.EDUCATION: QT_TRANSLATE_NOOP("Enums", "Podjęcie kształcenia lub szkolenia"),
            cls.JOB_SEEKING: QT_TRANSLATE_NOOP("Enums", "Poszukiwanie pracy"),
            cls.QUALIFICATION: QT_TRANSLATE_NOOP("Enums", "Nabycie kwalifikacji lub kompetencji"),
            cls.NO_CHANGE: QT_TRANSLATE_NOOP("Enums", "Brak zmian"),
            cls.OTHER: QT_TRANSLATE_NOOP("Enums", "Inne"),
        }


class Occupation(LabelledEnum):
    """SL2014's "Wykonywany zawód" of a person in work (the practitioners' list of the 2014-2020 data set)."""

    VOCATIONAL_INSTRUCTOR = "instruktor_praktycznej_nauki_zawodu"
    GENERAL_TEACHER = "nauczyciel_ksztalcenia_ogolnego"
    PRESCHOOL_TEACHER = "nauczyciel_wychowania_przedszkolnego"
    VOCATIONAL_TEACHER = "nauczyciel_ksztalcenia_zawodowego"
    HEALTH_CARE = "pracownik_ochrony_zdrowia"
    SOCIAL_ASSISTANCE = "pracownik_pomocy_i_integracji_spolecznej"
    LABOUR_MARKET = "pracownik_rynku_pracy"
    HIGHER_EDUCATION = "pracownik_szkolnictwa_wyzszego"
    FAMILY_SUPPORT = "pracownik_wspierania_rodziny"
    SOCIAL_ECONOMY = "pracownik_owes"
    COUNSELLING = "pracownik_poradni_pp"
    FARMER = "rolnik"
    OTHER = "inny"

    @classmethod
    def labels(cls):
        return {
            cls.VOCATIONAL_INSTRUCTOR: QT_TRANSLATE_NOOP("Enums", "Instruktor praktycznej nauki zawodu"),
            cls.GENERAL_TEACHER: QT_TRANSLATE_NOOP("Enums", "Nauczyciel kształcenia ogólnego"),
            cls.PRESCHOOL_TEACHER: QT_TRANSLATE_NOOP("Enums", "Nauczyciel wychowania przedszkolnego"),
            cls.VOCATIONAL_TEACHER: QT_TRANSLATE_NOOP("Enums", "Nauczyciel kształcenia zawodowego"),
            cls.HEALTH_CARE: QT_TRANSLATE_NOOP("Enums", "Pracownik instytucji systemu ochrony zdrowia"),
            cls.SOCIAL_ASSISTANCE: QT_TRANSLATE_NOOP("Enums", "Kluczowy pracownik instytucji pomocy i integracji "
                                                              "społecznej"),
            cls.LABOUR_MARKET: QT_TRANSLATE_NOOP("Enums", "Pracownik instytucji rynku pracy"),
            cls.HIGHER_EDUCATION: QT_TRANSLATE_NOOP("Enums", "Pracownik instytucji szkolnictwa wyższego"),
            cls.FAMILY_SUPPORT: QT_TRANSLATE_NOOP("Enums", "Pracownik instytucji systemu wspierania rodziny i "
                                                           "pieczy zastępczej"),
            cls.SOCIAL_ECONOMY: QT_TRANSLATE_NOOP("Enums", "Pracownik ośrodka wsparcia ekonomii społecznej"),
            cls.COUNSELLING: QT_TRANSLATE_NOOP("Enums", "Pracownik poradni psychologiczno-pedagogicznej"),
            cls.FARMER: QT_TRANSLATE_NOOP("Enums", "Rolnik"),
            cls.OTHER: QT_TRANSLATE_NOOP("Enums", "Inny"),
        }


#: PKD 2007 subclass as the data set writes it, e.g. "88.99.Z".
PKD_PATTERN = re.compile(r"\d{2}\.\d{2}\.[A-Z]")


@dataclass(frozen=True, kw_only=True)  # keyword-only: ParticipantInput's own fields without defaults come first
class Sl2014Fields:
    """The practitioners' columns of the 2014-2020 data set, kept on the record (fields of ParticipantInput).

    ``planned_education_end`` and ``business_start_date`` (in ParticipantInput) serve both periods.
    """

    occupation: Occupation | None = None
    employed_at: str = ""  # "Zatrudniony w": the employer's name
    end_situation_code_2: EndSituation | None = None  # "Sytuacja (2)": a second situation at the end
    business_grant: Decimal | None = None  # "Kwota przyznanych środków na założenie działalności gospodarczej"
    business_pkd: str = ""


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L").casefold())
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in text if not unicodedata.combining(c))).strip()


#: Words people type for each value, folded (lower-case ASCII); the first list that matches wins, so the
#: more specific come first ("pozarzad" and "samorzad" before "rzad").
_DETAIL_WORDS: tuple[tuple[LabourDetail, tuple[str, ...]], ...] = (
    (LabourDetail.LONG_TERM_UNEMPLOYED, ("dlugotrwal",)),
    (LabourDetail.NOT_IN_EDUCATION, ("nieuczestnicz", "nie uczestnicz", "nie uczy")),
    (LabourDetail.STUDYING, ("uczaca", "uczen", "student", "ksztalc", "uczy sie")),
    (LabourDetail.LOCAL_GOVERNMENT, ("samorzad", "gmin", "ops", "urzad miejski")),
    (LabourDetail.NGO, ("pozarzad", "ngo", "fundacj", "stowarzysz")),
    (LabourDetail.GOVERNMENT, ("rzad",)),
    (LabourDetail.SME, ("mmsp", "msp", "mikro", "mal", "sredni")),
    (LabourDetail.SELF_EMPLOYED, ("wlasny rachunek", "dzialalnosc", "samozatrud")),
    (LabourDetail.LARGE_ENTERPRISE, ("duz",)),
    (LabourDetail.OTHER, ("inne", "inna")),
)

_END_WORDS: tuple[tuple[EndSituation, tuple[str, ...]], ...] = (
    (EndSituation.JOB_KEPT, ("kontynuacja zatrudnienia", "kontynuacja pracy", "nadal pracuje", "dalej pracuje")),
    (EndSituation.JOB_SEEKING, ("poszukiw", "szuka")),
    (EndSituation.JOB_FOUND, ("podjecie pracy", "podjal prac", "podjela prac", "zatrudni", "praca")),
    (EndSituation.EDUCATION, ("ksztalc", "szkoleni", "nauk")),
    (EndSituation.QUALIFICATION, ("kwalifikac", "kompetenc")),
    (EndSituation.NO_CHANGE, ("brak zmian", "bez zmian")),
    (EndSituation.OTHER, ("inne", "inna")),
)


def _match(text: str, table):
    folded = _folded(text)
    if not folded:
        return None
    for member, words in table:
        if folded == _folded(member.label) or any(word in folded for word in words):
            return member
    return None


def labour_detail_from_text(text: str, status: LabourStatus | None) -> LabourDetail | None:
    """The "w tym" the typed text means, if it is one the status allows; else None."""
    member = _match(text, _DETAIL_WORDS)
    if member is None or status is None or member not in DETAILS_BY_STATUS[status]:
        return None
    return member


def end_situation_from_text(text: str) -> EndSituation | None:
    return _match(text, _END_WORDS)


__all__ = ["DETAILS_BY_STATUS", "PKD_PATTERN", "Citizenship", "EndSituation", "FundingPeriod", "LabourDetail",
           "Occupation", "Sl2014Fields",
           "end_situation_from_text", "labour_detail_from_text"]
