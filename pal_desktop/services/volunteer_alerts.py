"""The volunteers' list and what needs attention: checks for work with children missing or running out,
minors without the guardian's consent, agreements ending within 14 days, and hours logged outside any
agreement; the list names the kinds of warnings of each volunteer in its "Uwagi" column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from pal_desktop.domain.text import sort_key
from pal_desktop.domain.volunteering import (
    AGREEMENT_WARN_DAYS,
    Notice,
    _d,
    _decimal,
    check_warnings,
    hours_text,
    is_minor,
)
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Volunteer, VolunteerAgreement, VolunteerHours


@dataclass(frozen=True)
class Alert:
    volunteer_id: int
    #: "Nazwisko Imię".
    name: str
    #: "checks", "minor", "ending" or "outside".
    kind: str
    notice: Notice

    @property
    def text(self) -> str:
        return str(self.notice)


def volunteer_alerts(db: Database, *, today: dt.date | None = None) -> list[Alert]:
    """What needs attention: checks for work with children missing or (about to be) out of date, minors without
    the guardian's consent, agreements ending within 14 days, and hours logged outside any agreement."""
    today = today or dt.date.today()
    alerts: list[Alert] = []
    with db.reading() as session:
        from pal_desktop.services.organisation import child_check_months_in

        months = child_check_months_in(session)
        volunteers = session.execute(select(
            Volunteer.id, Volunteer.first_name, Volunteer.last_name, Volunteer.birth_date,
            Volunteer.works_with_children, Volunteer.register_check_date, Volunteer.criminal_record_date,
            Volunteer.guardian_consent_date, Volunteer.active)).all()
        agreements: dict[int, list[tuple[dt.date, dt.date, str]]] = {}
        for a in session.execute(select(VolunteerAgreement.volunteer_id, VolunteerAgreement.start_date,
                                        VolunteerAgreement.end_date, VolunteerAgreement.number)):
            agreements.setdefault(a.volunteer_id, []).append((a.start_date, a.end_date, a.number))
        covered = select(VolunteerAgreement.id).where(
            VolunteerAgreement.volunteer_id == VolunteerHours.volunteer_id,
            VolunteerAgreement.start_date <= VolunteerHours.work_date,
            VolunteerAgreement.end_date >= VolunteerHours.work_date).exists()
        outside_rows = session.execute(select(VolunteerHours.volunteer_id, VolunteerHours.work_date,
                                              VolunteerHours.hours)
                                       .where(~covered).order_by(VolunteerHours.work_date, VolunteerHours.id)).all()
    names = {v.id: f"{v.last_name} {v.first_name}" for v in volunteers}
    for v in sorted(volunteers, key=lambda v: (sort_key(v.last_name, v.first_name), v.id)):
        own = agreements.get(v.id, [])
        working = any(end >= today for _, end, _ in own)
        if v.works_with_children and (v.active or working):
            for notice in check_warnings(v.register_check_date, v.criminal_record_date, today, months):
                alerts.append(Alert(v.id, names[v.id], "checks", notice))
        if v.birth_date and v.guardian_consent_date is None:
            if any(is_minor(v.birth_date, start) for start, _, _ in own):
                alerts.append(Alert(v.id, names[v.id], "minor", Notice(QT_TRANSLATE_NOOP(
                    "Volunteers", "Porozumienie z osobą niepełnoletnią bez daty zgody przedstawiciela ustawowego."))))
            elif is_minor(v.birth_date, today):
                alerts.append(Alert(v.id, names[v.id], "minor", Notice(QT_TRANSLATE_NOOP(
                    "Volunteers", "Osoba niepełnoletnia bez daty zgody przedstawiciela ustawowego."))))
        for _start, end, number in sorted(own):
            if today <= end <= today + dt.timedelta(days=AGREEMENT_WARN_DAYS):
                if any(s <= end + dt.timedelta(days=1) <= e for s, e, _ in own):
                    continue  # another agreement follows on
                days = (end - today).days
                if days == 0:
                    template = QT_TRANSLATE_NOOP("Volunteers", "Porozumienie nr {number} kończy się dziś ({date}).")
                elif days == 1:
                    template = QT_TRANSLATE_NOOP("Volunteers", "Porozumienie nr {number} kończy się jutro ({date}).")
                else:
                    template = QT_TRANSLATE_NOOP("Volunteers",
                                                 "Porozumienie nr {number} kończy się {date} (za {days} dni).")
                alerts.append(Alert(v.id, names[v.id], "ending",
                                    Notice(template, {"number": number, "date": _d(end), "days": days})))
    outside: dict[int, list[tuple[dt.date, Decimal]]] = {}
    for h in outside_rows:
        outside.setdefault(h.volunteer_id, []).append((h.work_date, _decimal(h.hours)))
    for vid in sorted(outside, key=lambda i: (sort_key(names.get(i, "")), i)):
        entries = outside[vid]
        days = ", ".join(_d(day) for day, _ in entries[:5]) + (" …" if len(entries) > 5 else "")
        total = sum((h for _, h in entries), Decimal(0))
        alerts.append(Alert(vid, names.get(vid, ""), "outside", Notice(QT_TRANSLATE_NOOP(
            "Volunteers", "Godziny poza porozumieniem: {count} wpis(y), razem {hours} godz. ({days})."),
            {"count": len(entries), "hours": hours_text(total), "days": days})))
    return alerts


#: Short notes of the list's "Uwagi" column, per kind of warning (the full texts are in the tooltip).
SHORT_NOTES = {
    "inactive": QT_TRANSLATE_NOOP("Volunteers", "nieaktywny"),
    "checks": QT_TRANSLATE_NOOP("Volunteers", "KRK / rejestr sprawców"),
    "minor": QT_TRANSLATE_NOOP("Volunteers", "zgoda opiekuna"),
    "ending": QT_TRANSLATE_NOOP("Volunteers", "koniec porozumienia"),
    "outside": QT_TRANSLATE_NOOP("Volunteers", "godziny poza porozumieniem"),
}


def volunteer_rows(db: Database, *, today: dt.date | None = None) -> list[tuple]:
    """(id, Nazwisko, Imię, Telefon, Praca z dziećmi (bool), Porozumienie do, Godziny łącznie, Uwagi, warnings) in
    Polish alphabetical order; "Uwagi" is a tuple of SHORT_NOTES source texts (context "Volunteers"), the last
    element the volunteer's Alerts: the window says both in its language."""
    return volunteer_list(db, today=today)[0]


def volunteer_list(db: Database, *, today: dt.date | None = None) -> tuple[list[tuple], list[Alert]]:
    """The rows of ``volunteer_rows`` and the warnings of ``volunteer_alerts``, read once for the tab."""
    today = today or dt.date.today()
    alerts: dict[int, list[Alert]] = {}
    every_alert = volunteer_alerts(db, today=today)
    for alert in every_alert:
        alerts.setdefault(alert.volunteer_id, []).append(alert)
    with db.reading() as session:
        hours = dict(session.execute(select(VolunteerHours.volunteer_id, func.sum(VolunteerHours.hours))
                                     .group_by(VolunteerHours.volunteer_id)).all())
        agreement_end = dict(session.execute(select(VolunteerAgreement.volunteer_id,
                                                    func.max(VolunteerAgreement.end_date))
                                             .group_by(VolunteerAgreement.volunteer_id)).all())
        volunteers = session.execute(select(Volunteer.id, Volunteer.last_name, Volunteer.first_name, Volunteer.phone,
                                            Volunteer.works_with_children, Volunteer.active)).all()
    rows = []
    for v in sorted(volunteers, key=lambda v: (sort_key(v.last_name, v.first_name), v.id)):
        own = alerts.get(v.id, [])
        notes = ([SHORT_NOTES["inactive"]] if not v.active else []) + list(
            dict.fromkeys(SHORT_NOTES[a.kind] for a in own))
        rows.append((v.id, v.last_name, v.first_name, v.phone, bool(v.works_with_children),
                     _d(agreement_end.get(v.id)), hours_text(hours.get(v.id)), tuple(notes), tuple(own)))
    return rows, every_alert


__all__ = ["SHORT_NOTES", "Alert", "volunteer_alerts", "volunteer_list", "volunteer_rows"]
