"""The volunteering act's rules on age, costs and insurance, for the volunteer and the agreement services.

Sources:
- no minimum age: the act of 24 April 2003 on public-benefit activity and volunteering (art. 2 pkt 3, art. 42-46)
  sets none. A minor from 13 has limited capacity and concludes the agreement with the legal representative's
  consent; under 13 a child has no capacity and the representative concludes it on the child's behalf (Kodeks
  cywilny art. 12, 15, 17, 20). So under 13 is a warning asking for the representative's signature, not a refusal;
- travel costs and allowances: the organisation pays them on the terms for employees, unless the volunteer
  waives them in the agreement (art. 45 ust. 1 pkt 4); other necessary costs may be reimbursed (art. 45 ust. 3):
  both are terms of the agreement, so they are kept on it;
- accident insurance (NNW): a volunteer working 30 days or less is insured by the organisation (art. 46 ust. 4);
  the policy is recorded with its insurer, number and period.
"""

from __future__ import annotations

import datetime as dt

from pal_desktop.domain import validation as rules
from pal_desktop.domain.volunteering import Notice, _d
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP

#: Under this age a child has no capacity to act (Kodeks cywilny art. 12): the representative signs.
NO_CAPACITY_AGE = 13


def is_under_13(birth: dt.date | None, day: dt.date | None) -> bool:
    return birth is not None and day is not None and birth <= day and rules.age_on(birth, day) < NO_CAPACITY_AGE


def under_13_notice(name: str, birth: dt.date, day: dt.date) -> Notice:
    return Notice(QT_TRANSLATE_NOOP(
        "Volunteers", "{name} ma {age} lat (poniżej 13): porozumienie zawiera w imieniu dziecka przedstawiciel "
                      "ustawowy — wydrukowane porozumienie ma miejsce na jego podpis."),
        {"name": name, "age": rules.age_on(birth, day)})


def agreement_errors(data) -> list[ValidationError]:
    """The NNW policy's period in order (the rest of the policy only warns)."""
    if data.nnw_from and data.nnw_to and data.nnw_to < data.nnw_from:
        return [ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Polisa NNW nie może kończyć się ({end}) wcześniej, niż się zaczyna ({start})."),
            field="nnw_to", start=_d(data.nnw_from), end=_d(data.nnw_to))]
    return []


def agreement_warnings(data, volunteer) -> list[Notice]:
    """Under 13 at the start, an NNW policy without its data or not covering the agreement's period."""
    notices = []
    if is_under_13(volunteer.birth_date, data.start_date):
        notices.append(under_13_notice(f"{volunteer.first_name} {volunteer.last_name}", volunteer.birth_date,
                                       data.start_date))
    if data.nnw_insurance:
        if not (data.nnw_insurer or "").strip() or not (data.nnw_policy_number or "").strip():
            notices.append(Notice(QT_TRANSLATE_NOOP(
                "Volunteers", "Zaznaczono ubezpieczenie NNW, ale nie wpisano ubezpieczyciela i numeru polisy.")))
        if data.start_date and data.end_date and (
                (data.nnw_from and data.nnw_from > data.start_date) or (data.nnw_to and data.nnw_to < data.end_date)):
            notices.append(Notice(QT_TRANSLATE_NOOP(
                "Volunteers", "Polisa NNW ({start} – {end}) nie obejmuje całego okresu porozumienia."),
                {"start": _d(data.nnw_from) or "…", "end": _d(data.nnw_to) or "…"}))
    return notices
