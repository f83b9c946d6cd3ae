"""The people indicators by sex as the reports print them, small counts suppressed for documents that leave
the office (domain/suppression.py): rows of women, men, sex not recorded and the total."""

from __future__ import annotations

from pal_desktop.domain.suppression import count_text, suppress_grid
from pal_desktop.services.report_figures import NOT_GIVEN, PeopleFigures

#: (attribute of PeopleFigures, the line's label), in the order printed.
PEOPLE_LINES = (
    ("covered", "Osoby objęte wsparciem (narastająco)"),
    ("joined", "Osoby, które przystąpiły w okresie"),
    ("left", "Osoby, które zakończyły udział w okresie"),
    ("completed_as_planned", "Osoby, które zakończyły udział zgodnie ze ścieżką"),
    ("not_as_planned", "Osoby, które zakończyły udział niezgodnie ze ścieżką"),
    ("dropped_out", "Osoby, które przerwały udział"),
)
SEX_HEADINGS = ("Kobiety", "Mężczyźni", "Płeć nieznana", "Razem")


def people_rows(figures: PeopleFigures | None, suppress: bool = True) -> list[tuple[str, list[str]]]:
    """Each people indicator: (label, [women, men, unknown, total]) as printed.

    Each line is suppressed on its own with its total printed: a hidden cell gets a second one hidden.
    The total itself is one count: 1 or 2 prints as "<3"."""
    if figures is None:
        return []
    rows = []
    for name, label in PEOPLE_LINES:
        split = getattr(figures, name)
        cells = suppress_grid([split.cells()], row_totals=True, column_totals=False, suppress=suppress)[0]
        rows.append((label, cells + [count_text(split.total, suppress)]))
    return rows


def age_rows(figures: PeopleFigures, suppress: bool = True) -> list[tuple[str, list[str]]]:
    """The people covered by age band (rows) and sex (columns), with the totals of both printed."""
    bands = [(label, split) for label, split in figures.by_age if split.total or label != NOT_GIVEN]
    grid = [split.cells() for _label, split in bands]
    texts = suppress_grid(grid, row_totals=True, column_totals=True, suppress=suppress)
    rows = [(label, cells + [count_text(split.total, suppress)])
            for (label, split), cells in zip(bands, texts, strict=True)]
    columns = [sum(column) for column in zip(*grid, strict=True)] if grid else [0, 0, 0]
    # The totals row is the people covered by sex: suppressed as that line is in people_rows, so that the
    # two tables hide the same cells (one showing what the other hides would undo both).
    totals = suppress_grid([columns], row_totals=True, column_totals=False, suppress=suppress)[0]
    rows.append(("Razem", totals + [count_text(sum(columns), suppress)]))
    return rows
