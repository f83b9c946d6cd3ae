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
        return {
            cls.POVERTY: QT_TRANSLATE_NOOP("Enums", "ubóstwo"),
            cls.ORPHANHOOD: QT_TRANSLATE_NOOP("Enums", "sieroctwo"),
            cls.HOMELESSNESS: QT_TRANSLATE_NOOP("Enums", "bezdomność"),
            cls.UNEMPLOYMENT: QT_TRANSLATE_NOOP("Enums", "bezrobocie"),
            cls.DISABILITY: QT_TRANSLATE_NOOP("Enums", "niepełnosprawność"),
            cls.ILLNESS: QT_TRANSLATE_NOOP("Enums", "długotrwała lub ciężka choroba"),
            cls.DOMESTIC_VIOLENCE: QT_TRANSLATE_NOOP("Enums", "przemoc domowa"),
            cls.TRAFFICKING: QT_TRANSLATE_NOOP("Enums", "potrzeba ochrony ofiar handlu ludźmi"),
            cls.MATERNITY: QT_TRANSLATE_NOOP("Enums", "potrzeba ochrony macierzyństwa lub wielodzietności"),
            cls.HELPLESSNESS: QT_TRANSLATE_NOOP("Enums", "bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia "
                                         "gospodarstwa domowego"),
            cls.YOUTH_LEAVING_CARE: QT_TRANSLATE_NOOP("Enums", "trudności w przystosowaniu do życia młodzieży opuszczającej "
                                               "placówki"),
            cls.FOREIGNERS: QT_TRANSLATE_NOOP("Enums", "trudności w integracji cudzoziemców"),
            cls.AFTER_PRISON: QT_TRANSLATE_NOOP("Enums", "trudności po opuszczeniu zakładu karnego"),
            cls.ADDICTION: QT_TRANSLATE_NOOP("Enums", "alkoholizm lub narkomania"),
            cls.CRISIS: QT_TRANSLATE_NOOP("Enums", "zdarzenie losowe i sytuacja kryzysowa"),
            cls.DISASTER: QT_TRANSLATE_NOOP("Enums", "klęska żywiołowa lub ekologiczna"),
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
        return {
            cls.NONE: QT_TRANSLATE_NOOP("Enums", "niższe niż podstawowe (ISCED 0)"),
            cls.PRIMARY: QT_TRANSLATE_NOOP("Enums", "podstawowe (ISCED 1)"),
            cls.LOWER_SECONDARY: QT_TRANSLATE_NOOP("Enums", "gimnazjalne (ISCED 2)"),
            cls.UPPER_SECONDARY: QT_TRANSLATE_NOOP("Enums", "ponadgimnazjalne (ISCED 3)"),
            cls.POST_SECONDARY: QT_TRANSLATE_NOOP("Enums", "policealne (ISCED 4)"),
            cls.TERTIARY: QT_TRANSLATE_NOOP("Enums", "wyższe (ISCED 5-8)"),
        }


class LabourStatus(LabelledEnum):
    UNEMPLOYED_REGISTERED = "bezrobotna_zarejestrowana"
    UNEMPLOYED_UNREGISTERED = "bezrobotna_niezarejestrowana"
    INACTIVE = "bierna"
    EMPLOYED = "pracujaca"

    @classmethod
    def labels(cls):
        return {
            cls.UNEMPLOYED_REGISTERED: QT_TRANSLATE_NOOP("Enums", "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy"),
            cls.UNEMPLOYED_UNREGISTERED: QT_TRANSLATE_NOOP("Enums", "osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy"),
            cls.INACTIVE: QT_TRANSLATE_NOOP("Enums", "osoba bierna zawodowo"),
            cls.EMPLOYED: QT_TRANSLATE_NOOP("Enums", "osoba pracująca"),
        }


class TriState(LabelledEnum):
    """Yes / no / refused: the EU data set's answer to the special statuses."""

    YES = "tak"
    NO = "nie"
    REFUSED = "odmowa"

    @classmethod
    def labels(cls):
        return {cls.YES: QT_TRANSLATE_NOOP("Enums", "Tak"), cls.NO: QT_TRANSLATE_NOOP("Enums", "Nie"),
                cls.REFUSED: QT_TRANSLATE_NOOP("Enums", "Odmowa podania informacji")}


class DisabilityDegree(LabelledEnum):
    MILD = "lekki"
    MODERATE = "umiarkowany"
    SEVERE = "znaczny"

    @classmethod
    def labels(cls):
        return {cls.MILD: QT_TRANSLATE_NOOP("Enums", "lekki"), cls.MODERATE: QT_TRANSLATE_NOOP("Enums", "umiarkowany"),
                cls.SEVERE: QT_TRANSLATE_NOOP("Enums", "znaczny")}


class AttendanceStatus(LabelledEnum):
    PRESENT = "obecny"
    ABSENT = "nieobecny"
    EXCUSED = "usprawiedliwiony"

    @classmethod
    def labels(cls):
        return {cls.PRESENT: QT_TRANSLATE_NOOP("Enums", "obecny"), cls.ABSENT: QT_TRANSLATE_NOOP("Enums", "nieobecny"),
                cls.EXCUSED: QT_TRANSLATE_NOOP("Enums", "usprawiedliwiony")}


class EnrolmentStatus(LabelledEnum):
    ENROLLED = "zapisany"
    WAITING = "lista_rezerwowa"
    CANCELLED = "wypisany"

    @classmethod
    def labels(cls):
        return {cls.ENROLLED: QT_TRANSLATE_NOOP("Enums", "zapisany"), cls.WAITING: QT_TRANSLATE_NOOP("Enums", "lista rezerwowa"),
                cls.CANCELLED: QT_TRANSLATE_NOOP("Enums", "wypisany")}


class EventStatus(LabelledEnum):
    PLANNED = "planowane"
    HELD = "odbylo_sie"
    CANCELLED = "odwolane"

    @classmethod
    def labels(cls):
        return {cls.PLANNED: QT_TRANSLATE_NOOP("Enums", "planowane"), cls.HELD: QT_TRANSLATE_NOOP("Enums", "odbyło się"),
                cls.CANCELLED: QT_TRANSLATE_NOOP("Enums", "odwołane")}


class LeaderKind(LabelledEnum):
    STAFF = "pracownik"
    ANIMATOR = "animator"
    VOLUNTEER = "wolontariusz"
    TRAINER = "trener"

    @classmethod
    def labels(cls):
        return {cls.STAFF: QT_TRANSLATE_NOOP("Enums", "pracownik"), cls.ANIMATOR: QT_TRANSLATE_NOOP("Enums", "animator"),
                cls.VOLUNTEER: QT_TRANSLATE_NOOP("Enums", "wolontariusz"), cls.TRAINER: QT_TRANSLATE_NOOP("Enums", "trener zewnętrzny")}


class BenefitType(LabelledEnum):
    """Cash assistance under the social-assistance act (ustawa z dnia 12 marca 2004 r. o pomocy społecznej).

    Art. 37 stały, art. 38 okresowy, art. 39 celowy, art. 39a celowy of a social contract, art. 40 celowy after a
    chance event or disaster, art. 41 pkt 1 specjalny celowy, art. 41 pkt 2 celowy or in kind on condition of
    repayment. The first three codes are the ones stored before revision 0016.
    """

    PURPOSE = "celowy"
    CONTRACT = "celowy_kontrakt"
    CHANCE_EVENT = "celowy_zdarzenie"
    SPECIAL = "celowy_specjalny"
    REPAYABLE = "celowy_zwrotny"
    PERIODIC = "okresowy"
    PERMANENT = "staly"

    @classmethod
    def labels(cls):
        return {
            cls.PURPOSE: QT_TRANSLATE_NOOP("Enums", "zasiłek celowy"),
            cls.CONTRACT: QT_TRANSLATE_NOOP("Enums", "zasiłek celowy w ramach kontraktu socjalnego (art. 39a)"),
            cls.CHANCE_EVENT: QT_TRANSLATE_NOOP(
                "Enums", "zasiłek celowy — zdarzenie losowe, klęska żywiołowa lub ekologiczna (art. 40)"),
            cls.SPECIAL: QT_TRANSLATE_NOOP("Enums", "specjalny zasiłek celowy (art. 41 pkt 1)"),
            cls.REPAYABLE: QT_TRANSLATE_NOOP(
                "Enums", "zasiłek celowy lub pomoc rzeczowa pod warunkiem zwrotu (art. 41 pkt 2)"),
            cls.PERIODIC: QT_TRANSLATE_NOOP("Enums", "zasiłek okresowy"),
            cls.PERMANENT: QT_TRANSLATE_NOOP("Enums", "zasiłek stały"),
        }

    @property
    def is_purpose_kind(self) -> bool:
        """A zasiłek celowy of any kind: granted for a stated need (art. 39 ust. 1), so it needs a purpose."""
        return self not in (BenefitType.PERIODIC, BenefitType.PERMANENT)


class CashPurpose(LabelledEnum):
    """What a zasiłek celowy pays for: the needs art. 39 ust. 2 of the social-assistance act lists, and others."""

    FOOD = "zywnosc"
    MEDICINES = "leki"
    FUEL = "opal"
    CLOTHING = "odziez"
    HOUSEHOLD = "przedmioty"
    REPAIRS = "remonty"
    FUNERAL = "pogrzeb"
    OTHER = "inne"

    @classmethod
    def labels(cls):
        return {
            cls.FOOD: QT_TRANSLATE_NOOP("Enums", "żywność"),
            cls.MEDICINES: QT_TRANSLATE_NOOP("Enums", "leki i leczenie"),
            cls.FUEL: QT_TRANSLATE_NOOP("Enums", "opał"),
            cls.CLOTHING: QT_TRANSLATE_NOOP("Enums", "odzież"),
            cls.HOUSEHOLD: QT_TRANSLATE_NOOP("Enums", "niezbędne przedmioty użytku domowego"),
            cls.REPAIRS: QT_TRANSLATE_NOOP("Enums", "drobne remonty i naprawy w mieszkaniu"),
            cls.FUNERAL: QT_TRANSLATE_NOOP("Enums", "koszty pogrzebu"),
            cls.OTHER: QT_TRANSLATE_NOOP("Enums", "inne"),
        }


class IndicatorKind(LabelledEnum):
    PRODUCT = "produkt"
    RESULT = "rezultat"

    @classmethod
    def labels(cls):
        return {cls.PRODUCT: QT_TRANSLATE_NOOP("Enums", "produkt"), cls.RESULT: QT_TRANSLATE_NOOP("Enums", "rezultat")}


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
        return {
            cls.SPECIFIC_GOAL: QT_TRANSLATE_NOOP("Enums", "cel szczegółowy"),
            cls.DIRECTION: QT_TRANSLATE_NOOP("Enums", "kierunek działań"),
            cls.METHOD: QT_TRANSLATE_NOOP("Enums", "sposób i metoda pracy"),
            cls.PLANNED_ACTION: QT_TRANSLATE_NOOP("Enums", "planowane działanie"),
            cls.IMPLEMENTER: QT_TRANSLATE_NOOP("Enums", "realizator"),
            cls.PARTNER: QT_TRANSLATE_NOOP("Enums", "partner"),
            cls.FUNDING_SOURCE: QT_TRANSLATE_NOOP("Enums", "źródło finansowania"),
        }


class SupportStatus(LabelledEnum):
    """Where a planned form of support on a participant's individual path stands."""

    PLANNED = "planowane"
    IN_PROGRESS = "w_trakcie"
    GIVEN = "zrealizowane"
    INTERRUPTED = "przerwane"

    @classmethod
    def labels(cls):
        return {cls.PLANNED: QT_TRANSLATE_NOOP("Enums", "planowane"), cls.IN_PROGRESS: QT_TRANSLATE_NOOP("Enums", "w trakcie"),
                cls.GIVEN: QT_TRANSLATE_NOOP("Enums", "zrealizowane"), cls.INTERRUPTED: QT_TRANSLATE_NOOP("Enums", "przerwane")}


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
    COORDINATOR = "koordynator"
    STAFF = "pracownik"
    READER = "podglad"

    @classmethod
    def labels(cls):
        return {cls.ADMIN: QT_TRANSLATE_NOOP("Enums", "administrator"),
                cls.COORDINATOR: QT_TRANSLATE_NOOP("Enums", "koordynator"),
                cls.STAFF: QT_TRANSLATE_NOOP("Enums", "pracownik"),
                cls.READER: QT_TRANSLATE_NOOP("Enums", "podgląd")}


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
