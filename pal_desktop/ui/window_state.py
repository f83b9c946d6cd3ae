"""The window as each person left it: maximised on the first start, then its size and place on this PC, and
for each signed-in person the last tab, every list's column widths and order, and where the schedule's
splitter between the task list and the Gantt chart was left.
"""

from __future__ import annotations

from pal_desktop.ui import preferences

GEOMETRY = "geometry"
LAST_TAB = "lastTab"


def _header_key(tab) -> str:
    return f"columns/{tab.tab_id}"


def _splitter_key(tab) -> str:
    return f"splitter/{tab.tab_id}"


def _header(tab):
    """The list's column header: a table's horizontal header or a tree's header (the schedule)."""
    table = getattr(tab, "table", None)
    for name in ("horizontalHeader", "header"):
        if table is not None and hasattr(table, name):
            return getattr(table, name)()
    return None


def show(window) -> None:
    """Show the window where it was last closed on this PC, or maximised the first time."""
    saved = preferences.state(GEOMETRY, per_user=False)
    if saved is not None and window.restoreGeometry(saved):
        window.show()
    else:
        window.showMaximized()


def restore_columns(tab) -> None:
    """The list's column widths and order as this person left them (a list whose columns changed since is
    left as built)."""
    header = _header(tab)
    saved = preferences.state(_header_key(tab))
    if header is not None and saved is not None:
        before = header.saveState()
        if not header.restoreState(saved) or header.count() != header.model().columnCount():
            header.restoreState(before)
    splitter = getattr(tab, "splitter", None)
    saved = preferences.state(_splitter_key(tab))
    if splitter is not None and saved is not None and splitter.restoreState(saved):
        tab.list_width_chosen = True  # the tab does not size it to its contents over the person's choice


def restore_for_user(window) -> None:
    """After sign-in: this person's last tab and the columns of the lists already built."""
    for tab in window.built_tabs():
        restore_columns(tab)
    last = preferences.value(LAST_TAB)
    if isinstance(last, str) and last in window.tab_ids():
        window.select_tab(last)


def save(window) -> None:
    """On close: the window's geometry for this PC, and this person's tab and columns."""
    preferences.set_value(GEOMETRY, window.saveGeometry(), per_user=False)
    tab = window.current_tab()
    if tab is not None:
        preferences.set_value(LAST_TAB, tab.tab_id)
    for built in window.built_tabs():
        header = _header(built)
        if header is not None:
            preferences.set_value(_header_key(built), header.saveState())
        splitter = getattr(built, "splitter", None)
        # A splitter the tab sized to its contents is sized again next time, to the data then.
        if splitter is not None and getattr(built, "list_width_chosen", True):
            preferences.set_value(_splitter_key(built), splitter.saveState())


__all__ = ["restore_columns", "restore_for_user", "save", "show"]
