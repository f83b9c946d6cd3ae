"""The participant form's checks of the 2014-2020 practitioner fields (SL2014), refused before saving.

Kept apart from services.participants (which is at its size limit); the export's own check of the same
rules (efs_validation) names the records already stored that the funder would reject.
"""

from __future__ import annotations

from decimal import Decimal

from pal_desktop.domain.efs_dictionaries import PKD_PATTERN
from pal_desktop.domain.enums import LabourStatus
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP


def sl2014_errors(data) -> list[ValidationError]:
    """What is wrong with the record's occupation, employer, second end situation, grant and PKD."""
    errors: list[ValidationError] = []
    working = data.labour_status == LabourStatus.EMPLOYED
    if data.occupation is not None and not working:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Wykonywany zawód” podaje się tylko dla osoby pracującej."), field="occupation"))
    if data.employed_at.strip() and not working:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Zatrudniony w” podaje się tylko dla osoby pracującej."), field="employed_at"))
    if data.end_situation_code_2 is not None and (
            data.end_situation_code is None or data.end_situation_code_2 == data.end_situation_code):
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Sytuacja (2) po zakończeniu” musi być inne niż „Sytuacja (1)” i podane po niej."),
            field="end_situation_code_2"))
    if data.business_grant is not None and Decimal(data.business_grant) < 0:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Kwota przyznanych środków” nie może być ujemne."), field="business_grant"))
    pkd = data.business_pkd.strip()
    if pkd and not PKD_PATTERN.fullmatch(pkd):
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „PKD” ma postać „88.99.Z” (wpisano: „{value}”)."), field="business_pkd", value=pkd))
    if (pkd or data.business_grant is not None) and data.business_start_date is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Kwotę i PKD działalności podaje się z datą założenia działalności gospodarczej."),
            field="business_start_date"))
    return errors


__all__ = ["sl2014_errors"]
