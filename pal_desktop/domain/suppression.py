"""Small-cell suppression for documents that leave the office: a count of 1 or 2 people could identify
someone, so it prints as "<3"; where a line's total is printed, one suppressed cell alone could be worked
out from the total, so a second cell of that line is hidden too (the smallest count above zero).
"""

from __future__ import annotations

SMALL = "<3"
#: A cell hidden only so that the small one beside it cannot be computed from the total.
HIDDEN = "*"


def is_small(count: int) -> bool:
    return 0 < count < 3


def count_text(count: int, suppress: bool = True) -> str:
    """One count on its own (no total beside it)."""
    return SMALL if suppress and is_small(count) else str(count)


def _secondary(cells: list[int], hidden: set[int]) -> int | None:
    """The cell to hide next to a lone suppressed one: the smallest non-zero count still shown."""
    candidates = [i for i, value in enumerate(cells) if i not in hidden]
    if not candidates:
        return None
    nonzero = [i for i in candidates if cells[i] > 0]
    pool = nonzero or candidates
    return min(pool, key=lambda i: (cells[i], i))


def suppress_line(cells: list[int], *, with_total: bool = True, suppress: bool = True) -> list[str]:
    """The texts of a breakdown's cells (a total printed beside them when ``with_total``)."""
    return suppress_grid([cells], row_totals=with_total, column_totals=False, suppress=suppress)[0]


def suppress_grid(grid: list[list[int]], *, row_totals: bool = True, column_totals: bool = True,
                  suppress: bool = True) -> list[list[str]]:
    """The texts of a table of counts whose row and/or column totals are printed.

    Primary: every 1 or 2 becomes "<3". Secondary: any row (or column) with a printed total and exactly one
    hidden cell gets a second one hidden ("*"), repeated until no line has a lone hidden cell.
    """
    if not suppress:
        return [[str(value) for value in row] for row in grid]
    hidden = {(r, c) for r, row in enumerate(grid) for c, value in enumerate(row) if is_small(value)}
    primary = set(hidden)
    changed = True
    while changed:
        changed = False
        lines = []
        if row_totals:
            lines += [[(r, c) for c in range(len(row))] for r, row in enumerate(grid)]
        if column_totals and grid:
            width = max(len(row) for row in grid)
            lines += [[(r, c) for r in range(len(grid)) if c < len(grid[r])] for c in range(width)]
        for line in lines:
            if sum(1 for cell in line if cell in hidden) != 1:
                continue
            values = [grid[r][c] for r, c in line]
            taken = {i for i, cell in enumerate(line) if cell in hidden}
            pick = _secondary(values, taken)
            if pick is not None:
                hidden.add(line[pick])
                changed = True
    return [[SMALL if (r, c) in primary else HIDDEN if (r, c) in hidden else str(value)
             for c, value in enumerate(row)] for r, row in enumerate(grid)]
