"""The closed vocabularies of the PAL domain (DOMAIN.md), each with its Polish label.

Values are short ASCII codes stored in the database; labels are the Polish source texts shown to users,
marked for translation. The order of members is the order shown in lists.
"""

from __future__ import annotations

from enum import StrEnum

from pal_desktop.messages import QT_TRANSLATE_NOOP


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a Polish label in ``LABELS``."""

    @property
    def label(self) -> str:
        return type(self).labels()[self]

    @classmethod
    def labels(cls) -> dict[LabelledEnum, str]:  # overridden by every subclass
        raise NotImplementedError

    @classmethod
    def from_label(cls, label: str) -> LabelledEnum:
        wanted = label.strip().casefold()
        for member, text in cls.labels().items():
            if text.casefold() == wanted or member.value == wanted:
                return member
        raise ValueError(label)


class ParticipantStatus(LabelledEnum):
    CANDIDATE = "kandydat"
    ACTIVE = "uczestnik"
    COMPLETED = "zakonczyl"
    DROPPED_OUT = "przerwal"
    RESERVE = "rezerwa"

    @classmethod
    def labels(cls):
        return {
            cls.CANDIDATE: QT_TRANSLATE_NOOP("Enums", "kandydat"),
            cls.ACTIVE: QT_TRANSLATE_NOOP("Enums", "uczestnik"),
            cls.COMPLETED: QT_TRANSLATE_NOOP("Enums", "zakończył"),
            cls.DROPPED_OUT: QT_TRANSLATE_NOOP("Enums", "przerwał"),
            cls.RESERVE: QT_TRANSLATE_NOOP("Enums", "rezerwa"),
        }


class Sex(LabelledEnum):
    FEMALE = "K"
    MALE = "M"

    @classmethod
    def labels(cls):
        return {cls.FEMALE: QT_TRANSLATE_NOOP("Enums", "kobieta"), cls.MALE: QT_TRANSLATE_NOOP("Enums", "mężczyzna")}


class SupportReason(LabelledEnum):
    """Reasons for social assistance, art. 7 of the social-assistance act."""

    POVERTY = "ubostwo"
    ORPHANHOOD = "sieroctwo"
    HOMELESSNESS = "bezdomnosc"
    UNEMPLOYMENT = "bezrobocie"
    DISABILITY = "niepelnosprawnosc"
    ILLNESS = "choroba"
    DOMESTIC_VIOLENCE = "przemoc"
    TRAFFICKING = "handel_ludzmi"
    MATERNITY = "macierzynstwo"
    HELPLESSNESS = "bezradnosc"
    YOUTH_LEAVING_CARE = "opuszczenie_placowki"
    FOREIGNERS = "cudzoziemcy"
    AFTER_PRISON = "zaklad_karny"
    ADDICTION = "uzaleznienie"
    CRISIS = "zdarzenie_losowe"
    DISASTER = "kleska"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {
            cls.POVERTY: t("Enums", "ubóstwo"),
            cls.ORPHANHOOD: t("Enums", "sieroctwo"),
            cls.HOMELESSNESS: t("Enums", "bezdomność"),
            cls.UNEMPLOYMENT: t("Enums", "bezrobocie"),
            cls.DISABILITY: t("Enums", "niepełnosprawność"),
            cls.ILLNESS: t("Enums", "długotrwała lub ciężka choroba"),
            cls.DOMESTIC_VIOLENCE: t("Enums", "przemoc domowa"),
            cls.TRAFFICKING: t("Enums", "potrzeba ochrony ofiar handlu ludźmi"),
            cls.MATERNITY: t("Enums", "potrzeba ochrony macierzyństwa lub wielodzietności"),
            cls.HELPLESSNESS: t("Enums", "bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia "
                                         "gospodarstwa domowego"),
            cls.YOUTH_LEAVING_CARE: t("Enums", "trudności w przystosowaniu do życia młodzieży opuszczającej "
                                               "placówki"),
            cls.FOREIGNERS: t("Enums", "trudności w integracji cudzoziemców"),
            cls.AFTER_PRISON: t("Enums", "trudności po opuszczeniu zakładu karnego"),
            cls.ADDICTION: t("Enums", "alkoholizm lub narkomania"),
            cls.CRISIS: t("Enums", "zdarzenie losowe i sytuacja kryzysowa"),
            cls.DISASTER: t("Enums", "klęska żywiołowa lub ekologiczna"),
        }


class Education(LabelledEnum):
    """Education by ISCED band, as the EU participant data set asks."""

    NONE = "isced0"
    PRIMARY = "isced1"
    LOWER_SECONDARY = "isced2"
    UPPER_SECONDARY = "isced3"
    POST_SECONDARY = "isced4"
    TERTIARY = "isced5_8"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {
            cls.NONE: t("Enums", "brak (ISCED 0)"),
            cls.PRIMARY: t("Enums", "podstawowe (ISCED 1)"),
            cls.LOWER_SECONDARY: t("Enums", "gimnazjalne (ISCED 2)"),
            cls.UPPER_SECONDARY: t("Enums", "ponadgimnazjalne (ISCED 3)"),
            cls.POST_SECONDARY: t("Enums", "policealne (ISCED 4)"),
            cls.TERTIARY: t("Enums", "wyższe (ISCED 5-8)"),
        }


class LabourStatus(LabelledEnum):
    UNEMPLOYED_REGISTERED = "bezrobotna_zarejestrowana"
    UNEMPLOYED_UNREGISTERED = "bezrobotna_niezarejestrowana"
    INACTIVE = "bierna"
    EMPLOYED = "pracujaca"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {
            cls.UNEMPLOYED_REGISTERED: t("Enums", "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy"),
            cls.UNEMPLOYED_UNREGISTERED: t("Enums", "osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy"),
            cls.INACTIVE: t("Enums", "osoba bierna zawodowo"),
            cls.EMPLOYED: t("Enums", "osoba pracująca"),
        }


class TriState(LabelledEnum):
    """Yes / no / refused: the EU data set's answer to the special statuses."""

    YES = "tak"
    NO = "nie"
    REFUSED = "odmowa"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.YES: t("Enums", "Tak"), cls.NO: t("Enums", "Nie"),
                cls.REFUSED: t("Enums", "Odmowa podania informacji")}


class DisabilityDegree(LabelledEnum):
    MILD = "lekki"
    MODERATE = "umiarkowany"
    SEVERE = "znaczny"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.MILD: t("Enums", "lekki"), cls.MODERATE: t("Enums", "umiarkowany"),
                cls.SEVERE: t("Enums", "znaczny")}


class AttendanceStatus(LabelledEnum):
    PRESENT = "obecny"
    ABSENT = "nieobecny"
    EXCUSED = "usprawiedliwiony"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.PRESENT: t("Enums", "obecny"), cls.ABSENT: t("Enums", "nieobecny"),
                cls.EXCUSED: t("Enums", "usprawiedliwiony")}


class EnrolmentStatus(LabelledEnum):
    ENROLLED = "zapisany"
    WAITING = "lista_rezerwowa"
    CANCELLED = "wypisany"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.ENROLLED: t("Enums", "zapisany"), cls.WAITING: t("Enums", "lista rezerwowa"),
                cls.CANCELLED: t("Enums", "wypisany")}


class EventStatus(LabelledEnum):
    PLANNED = "planowane"
    HELD = "odbylo_sie"
    CANCELLED = "odwolane"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.PLANNED: t("Enums", "planowane"), cls.HELD: t("Enums", "odbyło się"),
                cls.CANCELLED: t("Enums", "odwołane")}


class LeaderKind(LabelledEnum):
    STAFF = "pracownik"
    ANIMATOR = "animator"
    VOLUNTEER = "wolontariusz"
    TRAINER = "trener"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.STAFF: t("Enums", "pracownik"), cls.ANIMATOR: t("Enums", "animator"),
                cls.VOLUNTEER: t("Enums", "wolontariusz"), cls.TRAINER: t("Enums", "trener zewnętrzny")}


class BenefitType(LabelledEnum):
    """Cash assistance under the social-assistance act."""

    PURPOSE = "celowy"
    PERIODIC = "okresowy"
    PERMANENT = "staly"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.PURPOSE: t("Enums", "zasiłek celowy"), cls.PERIODIC: t("Enums", "zasiłek okresowy"),
                cls.PERMANENT: t("Enums", "zasiłek stały")}


class IndicatorKind(LabelledEnum):
    PRODUCT = "produkt"
    RESULT = "rezultat"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.PRODUCT: t("Enums", "produkt"), cls.RESULT: t("Enums", "rezultat")}


class ProgrammeItemKind(LabelledEnum):
    """The listed parts of a programme document, each kept as an ordered list of texts."""

    SPECIFIC_GOAL = "cel_szczegolowy"
    DIRECTION = "kierunek_dzialan"
    METHOD = "metoda"
    PLANNED_ACTION = "planowane_dzialanie"
    IMPLEMENTER = "realizator"
    PARTNER = "partner"
    FUNDING_SOURCE = "zrodlo_finansowania"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {
            cls.SPECIFIC_GOAL: t("Enums", "cel szczegółowy"),
            cls.DIRECTION: t("Enums", "kierunek działań"),
            cls.METHOD: t("Enums", "sposób i metoda pracy"),
            cls.PLANNED_ACTION: t("Enums", "planowane działanie"),
            cls.IMPLEMENTER: t("Enums", "realizator"),
            cls.PARTNER: t("Enums", "partner"),
            cls.FUNDING_SOURCE: t("Enums", "źródło finansowania"),
        }


class SupportStatus(LabelledEnum):
    """Where a planned form of support on a participant's individual path stands."""

    PLANNED = "planowane"
    IN_PROGRESS = "w_trakcie"
    GIVEN = "zrealizowane"
    INTERRUPTED = "przerwane"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.PLANNED: t("Enums", "planowane"), cls.IN_PROGRESS: t("Enums", "w trakcie"),
                cls.GIVEN: t("Enums", "zrealizowane"), cls.INTERRUPTED: t("Enums", "przerwane")}


#: Forms of support a participant's individual path is made of (the EU data set's "Rodzaj wsparcia").
SUPPORT_FORMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Enums", "praca socjalna"),
    QT_TRANSLATE_NOOP("Enums", "spotkania sąsiedzkie"),
    QT_TRANSLATE_NOOP("Enums", "Akademia Lidera"),
    QT_TRANSLATE_NOOP("Enums", "warsztaty i treningi"),
    QT_TRANSLATE_NOOP("Enums", "szkolenie/kurs zawodowy"),
    QT_TRANSLATE_NOOP("Enums", "doradztwo zawodowe"),
    QT_TRANSLATE_NOOP("Enums", "staż"),
    QT_TRANSLATE_NOOP("Enums", "profilaktyka uzależnień"),
    QT_TRANSLATE_NOOP("Enums", "terapia uzależnień"),
    QT_TRANSLATE_NOOP("Enums", "imprezy integracyjne"),
    QT_TRANSLATE_NOOP("Enums", "pomoc pieniężna"),
    QT_TRANSLATE_NOOP("Enums", "wolontariat"),
)


class UserRole(LabelledEnum):
    ADMIN = "administrator"
    STAFF = "pracownik"
    READER = "odczyt"

    @classmethod
    def labels(cls):
        t = QT_TRANSLATE_NOOP
        return {cls.ADMIN: t("Enums", "administrator"), cls.STAFF: t("Enums", "pracownik"),
                cls.READER: t("Enums", "tylko odczyt")}


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    ANONYMISE = "anonymise"
    BULK = "bulk"


#: The event types an office starts with; the list is editable (stored in its own table).
DEFAULT_EVENT_TYPES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Enums", "spotkanie sąsiedzkie"),
    QT_TRANSLATE_NOOP("Enums", "warsztat"),
    QT_TRANSLATE_NOOP("Enums", "trening"),
    QT_TRANSLATE_NOOP("Enums", "szkolenie/kurs"),
    QT_TRANSLATE_NOOP("Enums", "doradztwo zawodowe"),
    QT_TRANSLATE_NOOP("Enums", "profilaktyka uzależnień"),
    QT_TRANSLATE_NOOP("Enums", "terapia uzależnień"),
    QT_TRANSLATE_NOOP("Enums", "impreza integracyjna"),
    QT_TRANSLATE_NOOP("Enums", "Akademia Lidera"),
    QT_TRANSLATE_NOOP("Enums", "gala wolontariuszy"),
    QT_TRANSLATE_NOOP("Enums", "inne"),
)
