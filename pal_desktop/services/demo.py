"""Realistic synthetic data for demonstrations, training and benchmarks.

Names and streets come from Faker's pl_PL locale; PESEL numbers are valid (checksum and birth date);
everything is drawn from one seeded random generator, so the same seed gives the same database.
Rows are built in memory first and written with executemany in one transaction: 100,000 participants
take seconds, and a failure leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from faker import Faker
from sqlalchemy import Table, func, select

from pal_desktop.domain.calendar import holiday_name
from pal_desktop.domain.efs_dictionaries import Citizenship, end_situation_from_text
from pal_desktop.domain.enums import (
    AttendanceStatus,
    BenefitType,
    CashPurpose,
    DisabilityDegree,
    Education,
    EnrolmentStatus,
    EventStatus,
    LabourStatus,
    LeaderKind,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.domain.permissions import Permission
from pal_desktop.domain.text import fold, sort_key
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import programmes as programme_service
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.maintenance import refresh_statistics
from pal_desktop.storage.models import (
    Animator,
    AnimatorInitiative,
    AreaStreet,
    Attendance,
    AuditEntry,
    CashAssistance,
    Enrolment,
    Event,
    EventType,
    Household,
    HouseholdMember,
    Internship,
    Participant,
    ParticipantReason,
    Programme,
    ScheduleTask,
    Volunteer,
    VolunteerAgreement,
    VolunteerHours,
    current_actor,
)

MAX_PARTICIPANTS = 1_000_000
Progress = Callable[[str, int, int], None]

#: Which schedule tasks (by number in section IX) get which kinds of events in the demo.
EVENT_PLAN = (
    (5, "spotkanie sąsiedzkie", "Spotkanie sąsiedzkie", "Świetlica osiedlowa"),
    (5, "profilaktyka uzależnień", "Warsztaty profilaktyki uzależnień", "Gminny Ośrodek Pomocy Społecznej"),
    (5, "terapia uzależnień", "Grupa wsparcia", "Punkt konsultacyjny"),
    (6, "gala wolontariuszy", "Gala wolontariuszy", "Dom Kultury"),
    (7, "Akademia Lidera", "Akademia Lidera — warsztat", "Centrum Integracji i Aktywności"),
    (7, "trening", "Trening kompetencji społecznych", "Centrum Integracji i Aktywności"),
    (7, "warsztat", "Warsztaty edukacyjno-kulturalne", "Biblioteka Publiczna"),
    (8, "impreza integracyjna", "Piknik rodzinny", "Park miejski"),
    (9, "szkolenie/kurs", "Kurs zawodowy", "Centrum Kształcenia"),
    (9, "doradztwo zawodowe", "Doradztwo zawodowe", "Gminny Ośrodek Pomocy Społecznej"),
)
EMPLOYERS = ("Piekarnia „Kłos”", "Sklep spożywczy „Społem”", "Zakład Usług Komunalnych", "Biblioteka Publiczna",
             "Dom Pomocy Społecznej", "Przedszkole Miejskie nr 2", "Warsztat samochodowy „Auto-Serwis”",
             "Hurtownia budowlana", "Urząd Miejski", "Spółdzielnia Mieszkaniowa")


@dataclass(frozen=True)
class DemoSummary:
    programme_id: int
    counts: dict[str, int]


def _end_code(text: str) -> str | None:
    code = end_situation_from_text(text)
    return code.value if code else None


def _female_surname(surname: str) -> str:
    for ending, female in (("cki", "cka"), ("dzki", "dzka"), ("ski", "ska"), ("ny", "na")):
        if surname.endswith(ending):
            return surname[: -len(ending)] + female
    return surname


def pesel_for(birth: dt.date, serial: int, female: bool) -> str:
    """A valid PESEL for a birth date; ``serial`` (0-4999) picks one of the numbers for that date and sex."""
    month = birth.month + {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[birth.year // 100]
    serial = serial % 5000
    sex_digit = (serial % 5) * 2 + (1 - int(female)) * 1  # even for women, odd for men
    digits = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial // 5:03d}{sex_digit}"
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    check = (10 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10) % 10
    return digits + str(check)


def _working_day(day: dt.date, first: dt.date, last: dt.date) -> dt.date:
    """The nearest weekday that is not a public holiday, within [first, last] (sessions are not held then)."""
    for step in (1, -1):
        candidate = day
        while first <= candidate <= last:
            if candidate.weekday() < 5 and holiday_name(candidate) is None:
                return candidate
            candidate += dt.timedelta(days=step)
    return day


class _Rows:
    """Rows per table, plus a next-id counter per table (ids are set explicitly so rows can refer to each other)."""

    def __init__(self, first_ids: dict[str, int]) -> None:
        self.tables: dict[str, list[dict]] = {}
        self._next = dict(first_ids)

    def add(self, table: str, row: dict) -> int:
        new_id = self._next.get(table, 1)
        self._next[table] = new_id + 1
        row["id"] = new_id
        self.tables.setdefault(table, []).append(row)
        return new_id


@lru_cache(maxsize=20000)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=200000)
def _sorted_name(last: str, first: str) -> str:
    return sort_key(last, first)


def build_demo_rows(programme: dict, tasks: dict[int, dict], event_types: dict[str, int],
                    first_ids: dict[str, int], participants: int, seed: int, *,
                    today: dt.date | None = None, progress: Progress | None = None,
                    events: int | None = None, capacity: int | None = None) -> dict[str, list[dict]]:
    """All demo rows, table by table, in insertion order. Pure: no database access.

    ``events`` and ``capacity`` (the largest group) scale the attendance for benchmarks at city scale:
    20,000 events of up to 66 people give about a million attendance records.
    """
    rng = random.Random(seed)
    faker = Faker("pl_PL")
    faker.seed_instance(seed)
    person = next(p for p in faker.providers if type(p).__module__.endswith("person.pl_PL"))
    address = next(p for p in faker.providers if type(p).__module__.endswith("address.pl_PL"))
    female_first = list(person.first_names_female)
    male_first = list(person.first_names_male)
    surnames = list(person.male_last_names) * 4 + list(person.unisex_last_names)
    street_pool = sorted(set(address.streets))
    today = today or dt.date.today()
    start: dt.date = programme["start"]
    end: dt.date = programme["end"]
    rows = _Rows(first_ids)
    stamp = {"created_by": current_actor.get(), "updated_by": current_actor.get(), "version": 1}

    def report(stage: str, done: int, total: int) -> None:
        if progress:
            progress(stage, done, total)

    # ---- The revitalisation area's streets
    street_count = max(8, min(60, participants // 200 + 8))
    streets = []
    for name in rng.sample(street_pool, street_count):
        code = f"42-{rng.randint(100, 199)}"
        sid = rows.add("area_street", {"programme_id": programme["id"], "name": f"ul. {name}",
                                       "locality": "Kłobuck", "postal_code": code, **stamp})
        streets.append((sid, f"ul. {name}", code))

    #: The masculine form of the last surname person_name() gave: a family's name, which a woman heading
    #: the household carries in its feminine form ("Majewska") and her husband and sons do not.
    family_base = [""]

    def person_name() -> tuple[str, str, bool]:
        female = rng.random() < 0.53
        surname = rng.choice(surnames)
        family_base[0] = surname
        if female:
            return rng.choice(female_first), _female_surname(surname), True
        return rng.choice(male_first), surname, False

    def random_date(lo: dt.date, hi: dt.date) -> dt.date:
        return lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))

    # ---- Households and participants
    used_pesels: set[str] = set()
    statuses = (list(ParticipantStatus), [0.1, 0.55, 0.2, 0.1, 0.05])
    reasons = list(SupportReason)
    reason_weights = [30, 1, 3, 20, 12, 11, 4, 0.2, 3, 9, 1, 0.5, 1, 6, 2, 0.3]
    educations = list(Education)
    labour = list(LabourStatus)
    participant_ids: list[int] = []
    participant_birth: dict[int, dt.date] = {}
    active_ids: list[int] = []
    made = 0
    report("uczestnicy", 0, participants)
    while made < participants:
        size = min(participants - made, rng.choice((1, 1, 2, 2, 3, 4)))
        street_id, street_name, postal = rng.choice(streets)
        house, flat = str(rng.randint(1, 120)), (str(rng.randint(1, 40)) if rng.random() < 0.5 else "")
        head_first, head_last, head_female = person_name()
        family_name = family_base[0]
        household_id = rows.add("household", {
            "name": f"Rodzina {family_name if not head_female else head_last}", "street_name": street_name,
            "house_number": house, "flat_number": flat, "postal_code": postal, "city": "Kłobuck", "notes": "",
            **stamp})
        for member in range(size):
            if member == 0:
                first, last, female = head_first, head_last, head_female
            else:
                female = rng.random() < 0.5
                first = rng.choice(female_first if female else male_first)
                last = _female_surname(family_name) if female else family_name
            birth = random_date(dt.date(1950, 1, 1), dt.date(2006, 12, 31))
            no_pesel = rng.random() < 0.01
            pesel = None
            if not no_pesel:
                while True:
                    pesel = pesel_for(birth, rng.randrange(5000), female)
                    if pesel not in used_pesels:
                        used_pesels.add(pesel)
                        break
            status = rng.choices(*statuses)[0]
            joined = random_date(start, min(end, today))
            left = None
            end_situation = ""
            completed = None
            if status in (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT):
                left = random_date(joined, min(end, today)) if joined < min(end, today) else joined
                completed = TriState.YES if status == ParticipantStatus.COMPLETED else TriState.NO
                end_situation = rng.choice(("podjęcie pracy", "poszukiwanie pracy", "podjęcie nauki",
                                            "kontynuacja wsparcia w innym projekcie", "bierność zawodowa"))
            disability = rng.choices((TriState.NO, TriState.YES, TriState.REFUSED), (85, 12, 3))[0]
            signed = status != ParticipantStatus.CANDIDATE
            pid = rows.add("participant", {
                "programme_id": programme["id"], "status": status.value, "first_name": first, "last_name": last,
                "pesel": pesel, "no_pesel": no_pesel,
                "document_number": f"ABC{rng.randint(100000, 999999)}" if no_pesel else "",
                "birth_date": birth, "sex": (Sex.FEMALE if female else Sex.MALE).value,
                "street_id": street_id, "street_name": street_name, "outside_area_reason": "",
                "house_number": house, "flat_number": flat, "postal_code": postal, "city": "Kłobuck",
                "phone": f"{rng.choice((5, 6, 7, 8))}{rng.randint(10, 99)} {rng.randint(100, 999)} "
                         f"{rng.randint(100, 999)}" if rng.random() < 0.8 else "",
                "email": "", "education": rng.choices(educations, (2, 10, 25, 45, 10, 8))[0].value,
                "labour_status": rng.choices(labour, (35, 15, 35, 15))[0].value, "labour_status_detail": "",
                "disability": disability.value,
                "disability_degree": rng.choice(list(DisabilityDegree)).value
                if disability == TriState.YES else None,
                "minority_or_foreign": rng.choices((TriState.NO, TriState.YES, TriState.REFUSED), (95, 3, 2))[0].value,
                "homeless": rng.choices((TriState.NO, TriState.YES), (97, 3))[0].value,
                "other_disadvantage": rng.choices((TriState.NO, TriState.YES, TriState.REFUSED), (60, 35, 5))[0].value,
                "start_date": joined if signed else None, "end_date": left, "end_situation": end_situation,
                # Derived, not drawn: the same seed keeps giving the same people.
                "end_situation_code": _end_code(end_situation),
                "citizenship": (Citizenship.NON_EU if no_pesel else Citizenship.POLISH).value,
                "third_country_citizen": (TriState.YES if no_pesel else TriState.NO).value,
                "foreign_origin": (TriState.YES if no_pesel else TriState.NO).value,
                "minority": TriState.NO.value,
                "completed_as_planned": completed.value if completed else None,
                "declaration_date": joined if signed else None,
                "data_protection_date": joined if signed else None,
                "image_consent_date": joined if signed and rng.random() < 0.7 else None,
                "individual_plan_date": joined + dt.timedelta(days=rng.randint(0, 30)) if signed else None,
                "notes": "", "anonymised_at": None,
                "search_text": " ".join(filter(None, (_folded(f"{last} {first}"), _folded(f"{first} {last}"),
                                                      pesel or "", _folded(street_name)))),
                "sort_key": _sorted_name(last, first), **stamp})
            participant_ids.append(pid)
            participant_birth[pid] = birth
            if status == ParticipantStatus.ACTIVE or status == ParticipantStatus.COMPLETED:
                active_ids.append(pid)
            for reason in set(rng.choices(reasons, reason_weights, k=rng.choice((1, 1, 2, 2, 3)))):
                rows.add("participant_reason", {"participant_id": pid, "reason": reason.value, **stamp})
            rows.add("household_member", {
                "household_id": household_id, "participant_id": pid, "first_name": first, "last_name": last,
                "birth_date": birth, "relation": "osoba kierująca rodziną" if member == 0 else
                rng.choice(("małżonek", "dziecko", "rodzic", "rodzeństwo")), "is_head": member == 0,
                "sex": (Sex.FEMALE if female else Sex.MALE).value, "search_text": _folded(f"{last} {first}"),
                "covered_by_support": True, **stamp})
            made += 1
            if made % 5000 == 0:
                report("uczestnicy", made, participants)
        # Children who are covered by support but are not participants themselves.
        if rng.random() < 0.35:
            female = rng.random() < 0.5
            first = rng.choice(female_first if female else male_first)
            last = _female_surname(family_name) if female else family_name
            rows.add("household_member", {
                "household_id": household_id, "participant_id": None, "first_name": first, "last_name": last,
                "birth_date": random_date(dt.date(2008, 1, 1), dt.date(2020, 12, 31)), "relation": "dziecko",
                "sex": (Sex.FEMALE if female else Sex.MALE).value, "search_text": _folded(f"{last} {first}"),
                "is_head": False, "covered_by_support": True, **stamp})
    report("uczestnicy", participants, participants)

    # ---- Animators (often participants themselves) and their initiatives
    report("animatorzy i wolontariusze", 0, 1)
    animator_ids = []
    for _ in range(max(5, min(200, participants // 500 + 5))):
        first, last, _female = person_name()
        linked = rng.choice(active_ids) if active_ids and rng.random() < 0.5 else None
        aid = rows.add("animator", {
            "programme_id": programme["id"], "participant_id": linked, "first_name": first, "last_name": last,
            "phone": f"60{rng.randint(1, 9)} {rng.randint(100, 999)} {rng.randint(100, 999)}", "email": "",
            "chosen_date": random_date(tasks[4]["start"], tasks[4]["end"]) if 4 in tasks else start,
            "field": rng.choice(streets)[1] + ", " + rng.choice(("seniorzy", "dzieci i młodzież", "rodziny",
                                                                  "kultura", "sport", "ekologia")),
            "active": True, "notes": "", **stamp})
        animator_ids.append(aid)
        for _ in range(rng.randint(1, 3)):
            begin = random_date(start, end)
            rows.add("animator_initiative", {
                "animator_id": aid, "title": rng.choice(("Sprzątanie podwórka", "Dzień Sąsiada", "Kącik wymiany książek",
                                                         "Wspólne gotowanie", "Turniej szachowy", "Ogródek społeczny",
                                                         "Kino plenerowe", "Klub seniora")),
                "start_date": begin, "end_date": min(end, begin + dt.timedelta(days=rng.randint(0, 60))),
                "description": "", "people_reached": rng.randint(5, 80), **stamp})

    # ---- Volunteers with agreements and hours
    volunteer_ids = []
    volunteer_task = tasks.get(6)
    for _ in range(max(10, min(500, participants // 200 + 10))):
        first, last, _female = person_name()
        birth = random_date(dt.date(1955, 1, 1), dt.date(2007, 12, 31))
        with_children = rng.random() < 0.3
        agreement_start = random_date(volunteer_task["start"] if volunteer_task else start, end)
        vid = rows.add("volunteer", {
            "first_name": first, "last_name": last, "birth_date": birth,
            "phone": f"50{rng.randint(1, 9)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
            "email": f"{_folded(first)}.{_folded(last)}@example.pl".replace(" ", ""),
            "address": f"{rng.choice(streets)[1]} {rng.randint(1, 90)}, Kłobuck",
            "skills": rng.choice(("opieka nad dziećmi", "prace plastyczne", "sport", "pomoc w lekcjach",
                                  "organizacja wydarzeń", "informatyka")),
            "availability": rng.choice(("popołudnia", "weekendy", "wtorki i czwartki")),
            "works_with_children": with_children,
            "register_check_date": agreement_start - dt.timedelta(days=7) if with_children else None,
            "criminal_record_date": agreement_start - dt.timedelta(days=10) if with_children else None,
            # drawn here as before, so that the same seed gives the same people; kept on the agreement
            "travel_cost_waiver": (waiver := rng.random() < 0.6) and False,
            "guardian_consent_date": agreement_start - dt.timedelta(days=3)
            if (agreement_start - birth).days < 18 * 365 else None,
            "active": True, "notes": "", **stamp})
        volunteer_ids.append(vid)
        agreement_end = min(end, agreement_start + dt.timedelta(days=rng.choice((20, 90, 180, 365))))
        agreement_id = rows.add("volunteer_agreement", {
            "volunteer_id": vid, "programme_id": programme["id"], "number": f"W/{agreement_start.year}/{vid:04d}",
            "signed_date": agreement_start, "start_date": agreement_start, "end_date": agreement_end,
            "scope": "pomoc przy organizacji zajęć i wydarzeń programu", "manner": "osobiście, pod nadzorem koordynatora",
            "time_description": "do 10 godzin tygodniowo", "place": "Kłobuck",
            "termination_terms": "za porozumieniem stron lub z 7-dniowym wypowiedzeniem",
            "written_form": True, "nnw_insurance": (short := (agreement_end - agreement_start).days <= 30),
            "health_safety_date": agreement_start, "travel_cost_waiver": waiver, "reimbursed_costs": "",
            "nnw_insurer": "PZU SA" if short else "", "nnw_policy_number": f"NNW/{vid:04d}" if short else "",
            "nnw_from": agreement_start if short else None, "nnw_to": agreement_end if short else None, **stamp})
        for _ in range(rng.randint(3, 25)):
            rows.add("volunteer_hours", {
                "volunteer_id": vid, "agreement_id": agreement_id,
                "task_id": volunteer_task["id"] if volunteer_task else None, "event_id": None,
                "work_date": random_date(agreement_start, agreement_end),
                "hours": Decimal(rng.choice(("1.5", "2", "3", "4", "6"))),
                "activity": rng.choice(("pomoc przy pikniku", "zajęcia z dziećmi", "dyżur w świetlicy",
                                        "przygotowanie gali", "pomoc seniorom")), **stamp})
    report("animatorzy i wolontariusze", 1, 1)

    # ---- Events under the schedule's tasks, with enrolments and attendance
    event_total = events or max(20, min(2000, participants // 50 + 20))
    report("wydarzenia", 0, event_total)
    plans = [p for p in EVENT_PLAN if p[0] in tasks]
    for number in range(event_total):
        task_number, type_name, title, place = plans[number % len(plans)]
        task = tasks[task_number]
        day = _working_day(random_date(task["start"], task["end"]), task["start"], task["end"])
        hour = rng.choice((9, 10, 12, 14, 16, 17))
        held = day <= today
        group = rng.choice((12, 15, 20, 25, 30)) if capacity is None else rng.randint(max(2, capacity // 2), capacity)
        leader_kind = rng.choice(list(LeaderKind))
        event_id = rows.add("event", {
            "programme_id": programme["id"], "task_id": task["id"], "series_id": None,
            "event_type_id": event_types.get(type_name), "title": title, "event_date": day,
            "start_time": dt.time(hour, 0), "end_time": dt.time(hour + 2, 0), "place": place,
            "leader_kind": leader_kind.value,
            "leader_name": "" if leader_kind in (LeaderKind.ANIMATOR, LeaderKind.VOLUNTEER) else
            " ".join(person_name()[:2]),
            "leader_animator_id": rng.choice(animator_ids) if leader_kind == LeaderKind.ANIMATOR else None,
            "leader_volunteer_id": rng.choice(volunteer_ids) if leader_kind == LeaderKind.VOLUNTEER else None,
            "capacity": group, "status": (EventStatus.HELD if held else EventStatus.PLANNED).value, "notes": "",
            **stamp})
        pool = active_ids or participant_ids
        for pid in rng.sample(pool, min(len(pool), rng.randint(group // 2, group))):
            rows.add("enrolment", {"event_id": event_id, "participant_id": pid,
                                   "status": EnrolmentStatus.ENROLLED.value, **stamp})
            if held:
                status = rng.choices(list(AttendanceStatus), (82, 12, 6))[0]
                rows.add("attendance", {"event_id": event_id, "participant_id": pid, "status": status.value,
                                        "walk_in": False, **stamp})
        if (number + 1) % 200 == 0:
            report("wydarzenia", number + 1, event_total)
    report("wydarzenia", event_total, event_total)

    # ---- Internships and cash assistance
    internship_task = tasks.get(9)
    for pid in rng.sample(active_ids or participant_ids, min(len(active_ids or participant_ids), participants // 100)):
        begin = random_date(internship_task["start"] if internship_task else start, end - dt.timedelta(days=90))
        rows.add("internship", {
            "participant_id": pid, "task_id": internship_task["id"] if internship_task else None,
            "employer_name": rng.choice(EMPLOYERS), "employer_address": "Kłobuck",
            "agreement_number": f"S/{begin.year}/{pid}", "agreement_date": begin - dt.timedelta(days=7),
            "supervisor": " ".join(person_name()[:2]), "position_name": rng.choice(("pomocnik", "magazynier",
                                                                                 "sprzedawca", "pracownik biurowy")),
            "start_date": begin, "end_date": begin + dt.timedelta(days=rng.choice((60, 90))),
            "hours_per_week": Decimal("40"), "monthly_stipend": Decimal("1017.40"), "notes": "", **stamp})
    cash_task = tasks.get(10)
    kinds = tuple(CASH_KINDS)
    for pid in rng.sample(participant_ids, min(len(participant_ids), participants // 20)):
        decided = random_date(cash_task["start"] if cash_task else start, end)
        benefit = rng.choices(kinds, [CASH_KINDS[k][0] for k in kinds])[0]
        _weight, purposes, amounts, days, note = CASH_KINDS[benefit]
        # the purpose from the person's number, not the generator: the same seed keeps giving the same data
        purpose = purposes[pid % len(purposes)].value if purposes else None
        rows.add("cash_assistance", {
            "participant_id": pid, "programme_id": programme["id"], "benefit_type": benefit.value, "purpose": purpose,
            "decision_number": f"GOPS.{rng.randint(4000, 4999)}.{rng.randint(1, 999)}.{decided.year}",
            "decision_date": decided, "amount": Decimal(rng.choice(amounts)),
            "period_from": decided, "period_to": decided + dt.timedelta(days=days),
            "payment_date": decided + dt.timedelta(days=rng.randint(1, 14)), "notes": note, **stamp})
    return rows.tables


_P = CashPurpose
#: The act's kinds of cash assistance (art. 37-41 of the social-assistance act) as a centre grants them:
#: (weight, plausible purposes — art. 39 ust. 2 for a celowy, none for okresowy and stały —, amounts in zł,
#: days of the decision's period, note). Weights and amounts are plausible for a small rural centre, not
#: statistics: most are zasiłki celowe for food and fuel, a few periodic, rare the disaster and repayable kinds.
CASH_KINDS: dict[BenefitType, tuple[int, tuple[CashPurpose, ...], tuple[int, ...], int, str]] = {
    BenefitType.PURPOSE: (45, (_P.FOOD, _P.FUEL, _P.MEDICINES, _P.CLOTHING, _P.FOOD, _P.FUEL, _P.HOUSEHOLD,
                               _P.REPAIRS, _P.FUNERAL), (150, 200, 300, 400, 500, 600), 30, ""),
    BenefitType.CONTRACT: (8, (_P.OTHER, _P.CLOTHING, _P.MEDICINES), (200, 300, 400), 30,
                           "kontrakt socjalny: dojazd na szkolenie i rozmowy o pracę, odzież robocza"),
    BenefitType.CHANCE_EVENT: (2, (_P.REPAIRS, _P.HOUSEHOLD, _P.FUEL, _P.CLOTHING), (2000, 3000, 5000, 8000), 60,
                               "po pożarze / podtopieniu budynku (protokół z wywiadu)"),
    BenefitType.SPECIAL: (8, (_P.MEDICINES, _P.FOOD, _P.FUEL), (150, 200, 300), 30,
                          "dochód powyżej kryterium, szczególnie uzasadniony przypadek"),
    BenefitType.REPAYABLE: (2, (_P.REPAIRS, _P.HOUSEHOLD, _P.FUEL), (800, 1000, 1500), 90,
                            "zwrot w 6 ratach od następnego miesiąca"),
    BenefitType.PERIODIC: (30, (), (300, 400, 500, 600), 90, ""),
    BenefitType.PERMANENT: (5, (), (500, 645, 719), 365, ""),
}


#: Insertion order that respects foreign keys.
TABLE_ORDER: tuple[Table, ...] = tuple(model.__table__ for model in (
    AreaStreet, Household, Participant, ParticipantReason, HouseholdMember, Animator, AnimatorInitiative,
    Volunteer, VolunteerAgreement, VolunteerHours, Event, Enrolment, Attendance, Internship, CashAssistance))


def _chunks(rows: list[dict], size: int) -> Iterable[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def generate_demo(db: Database, participants: int, seed: int = 1, *, programme_id: int | None = None,
                  progress: Progress | None = None, today: dt.date | None = None,
                  events: int | None = None, capacity: int | None = None) -> DemoSummary:
    """Fill the database with demo records for a programme (the active one by default), in one transaction."""
    require(Permission.SETTINGS)
    if participants < 1 or participants > MAX_PARTICIPANTS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba uczestników musi być od 1 do {max} (podano {value})."), field="participants",
            max=MAX_PARTICIPANTS, value=participants)
    if programme_id is None:
        active = programme_service.active_programme(db)
        if active is None:
            programme_service.ensure_event_types(db)
            programme_id, _ = programme_service.load_builtin_programme(db)
        else:
            programme_id = active.id
    programme_service.ensure_event_types(db)
    with db.session() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Nie ma programu o numerze {id}."),
                                  field="programme", id=programme_id)
        tasks = {t.position: {"id": t.id, "start": t.start_date, "end": t.end_date}
                 for t in session.scalars(select(ScheduleTask).where(ScheduleTask.programme_id == programme_id))}
        event_types = dict(session.execute(select(EventType.name, EventType.id)).all())
        first_ids = {table.name: (session.scalar(select(func.max(table.c.id))) or 0) + 1
                     for table in TABLE_ORDER if "id" in table.c}
        tables = build_demo_rows({"id": programme.id, "start": programme.start_date, "end": programme.end_date},
                                 tasks, event_types, first_ids, participants, seed, today=today, progress=progress,
                                 events=events, capacity=capacity)
        total = sum(len(tables.get(t.name, [])) for t in TABLE_ORDER)
        written = 0
        if progress:
            progress("zapis do bazy", 0, total)
        connection = session.connection()
        for table in TABLE_ORDER:
            for chunk in _chunks(tables.get(table.name, []), 20000):
                insert_rows(connection, table, chunk)
                written += len(chunk)
                if progress:
                    progress("zapis do bazy", written, total)
        counts = {name: len(rows) for name, rows in tables.items()}
        session.add(AuditEntry(actor=current_actor.get(), action="bulk", table_name="demo", record_id=None,
                               changes=f'{{"participants": {participants}, "seed": {seed}}}'))
        if db.backend == "postgresql":
            _reset_sequences(connection)
    refresh_statistics(db)
    return DemoSummary(programme_id=programme_id, counts=counts)


#: Column types whose values need the dialect's conversion; strings, integers and enum codes go as they are.
_CONVERTED_TYPES = ("DATE", "TIME", "DATETIME", "NUMERIC", "BOOLEAN")


def insert_rows(connection, table: Table, rows: list[dict]) -> None:
    """executemany of ``rows`` into ``table``.

    On SQLite the rows go to the driver as tuples with only dates, times, numbers and booleans converted by
    SQLAlchemy's own bind processors: the generic path builds parameters per row and would triple the time.
    """
    if not rows:
        return
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(table.insert(), rows)
        return
    columns = [c for c in table.columns if c.key in rows[0]]
    processors = []
    for column in columns:
        processor = None
        if type(column.type).__visit_name__.upper() in _CONVERTED_TYPES or \
                column.type._type_affinity.__name__.upper() in ("DATE", "TIME", "DATETIME", "NUMERIC", "BOOLEAN"):
            processor = column.type._cached_bind_processor(dialect)
        processors.append((column.key, processor))
    placeholders = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table.name} ({', '.join(c.name for c in columns)}) VALUES ({placeholders})"
    plain = [key for key, proc in processors if proc is None]
    if len(plain) == len(processors):
        params = [tuple(row[key] for key in plain) for row in rows]
    else:
        params = [tuple(row[key] if proc is None or row[key] is None else proc(row[key])
                        for key, proc in processors) for row in rows]
    connection.exec_driver_sql(sql, params)


def _reset_sequences(connection) -> None:
    """Ids were given explicitly; move PostgreSQL's sequences past them."""
    for table in TABLE_ORDER:
        if "id" not in table.c:
            continue
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table.name}), 1))")
