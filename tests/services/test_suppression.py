"""Small-cell suppression: 1 and 2 print as "<3", and a total never gives a hidden cell away."""

from __future__ import annotations

from pal_desktop.domain.suppression import count_text, suppress_grid, suppress_line


def test_small_counts_print_as_less_than_three():
    assert count_text(1) == "<3" and count_text(2) == "<3"
    assert count_text(0) == "0" and count_text(3) == "3" and count_text(2, suppress=False) == "2"


def test_a_lone_small_cell_beside_a_total_takes_the_next_smallest_with_it():
    assert suppress_line([2, 7, 4]) == ["<3", "7", "*"]
    assert suppress_line([2, 0, 5]) == ["<3", "0", "*"]       # zero identifies nobody; 5 is hidden instead
    assert suppress_line([1, 2, 9]) == ["<3", "<3", "9"]      # two hidden already: the total tells nothing
    assert suppress_line([2, 7, 4], with_total=False) == ["<3", "7", "4"]
    assert suppress_line([2, 7, 4], suppress=False) == ["2", "7", "4"]
    assert suppress_line([5, 7]) == ["5", "7"]


def test_rows_and_columns_of_a_table_are_both_protected():
    grid = [[1, 5, 6],
            [4, 8, 3]]
    shown = suppress_grid(grid)
    assert shown[0][0] == "<3"
    for row in shown:  # no row and no column with exactly one hidden cell
        assert sum(cell in ("<3", "*") for cell in row) != 1
    for column in zip(*shown, strict=True):
        assert sum(cell in ("<3", "*") for cell in column) != 1
    assert suppress_grid(grid, suppress=False) == [["1", "5", "6"], ["4", "8", "3"]]
