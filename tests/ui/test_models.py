"""The table models on their own: Qt's model checks, paging and the search filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.paged_table_model import PagedTableModel
from pal_desktop.ui.models.row_table_model import ID_ROLE, Column, RowTableModel
from pal_desktop.ui.models.search_filter import SearchFilterModel

COLUMNS = (Column(QT_TRANSLATE_NOOP("Columns", "Nazwisko"), 1), Column(QT_TRANSLATE_NOOP("Columns", "Imię"), 2),
           Column(QT_TRANSLATE_NOOP("Columns", "Godziny"), 3, numeric=True))
ROWS = [(1, "Łukaszewska", "Żaneta", 12), (2, "Nowak", "Anna", 0), (3, "Kowalski", "Łukasz", 3)]


def people(offset: int, limit: int, total: int = 450, after: tuple | None = None) -> list[tuple]:
    return [(i, f"Nazwisko {i}", f"Imię {i}", i) for i in range(offset, min(total, offset + limit))]


def test_row_model_passes_qt_model_checks(qtmodeltester):
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    qtmodeltester.check(model, force_py=True)


def test_row_model_shows_values_ids_and_alignment():
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nazwisko"
    assert model.index(0, 0).data() == "Łukaszewska"
    assert model.index(1, 2).data() == 0
    assert model.index(2, 0).data(ID_ROLE) == 3
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_paged_model_passes_qt_model_checks(qtmodeltester):
    model = PagedTableModel(COLUMNS, page_size=50)
    model.set_source(120, lambda offset, limit, after: people(offset, limit, 120))
    qtmodeltester.check(model, force_py=True)


def test_paged_model_reads_one_page_at_a_time():
    calls = []

    def fetch(offset, limit, after):
        calls.append((offset, limit, after[0] if after else None))
        return people(offset, limit)

    model = PagedTableModel(COLUMNS)
    model.set_source(450, fetch)
    assert model.rowCount() == 200 and model.total == 450
    assert calls == [(0, 200, None)]
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    # Each page is asked for after the last row read, so that the service can read it by keyset.
    assert calls == [(0, 200, None), (200, 200, 199), (400, 50, 399)]
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert model.index(449, 0).data() == "Nazwisko 449"


def test_paged_model_stops_when_the_list_got_shorter():
    model = PagedTableModel(COLUMNS, page_size=100)
    model.set_source(300, lambda offset, limit, after: people(offset, limit, total=150))  # 150 left since counting
    model.fetchMore()
    assert model.rowCount() == 150
    assert not model.canFetchMore()


def test_paged_model_cleared():
    model = PagedTableModel(COLUMNS)
    model.set_source(10, lambda offset, limit, after: people(offset, limit, 10))
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_search_filter_ignores_polish_letters_and_case(qtmodeltester):
    source = RowTableModel(COLUMNS)
    source.set_rows(ROWS)
    proxy = SearchFilterModel()
    proxy.setSourceModel(source)

    def shown():
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    proxy.set_query("lukasz")
    assert shown() == ["Łukaszewska", "Kowalski"]
    proxy.set_query("ŁUKASZ kow")
    assert shown() == ["Kowalski"]
    proxy.set_query("[a-z]+")  # taken literally, not as a pattern
    assert shown() == []
    proxy.set_query("  ")
    assert len(shown()) == 3
    source.set_rows(ROWS + [(4, "Łuczak", "Ewa", 1)])
    proxy.set_query("łuczak")
    assert shown() == ["Łuczak"]
    qtmodeltester.check(proxy, force_py=True)
