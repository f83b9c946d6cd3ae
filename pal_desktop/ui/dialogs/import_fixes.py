"""What the import preview offers for the rows it would skip: one value for many selected rows
(``import_edits``), add the sheet's streets to the programme's area, and keep the skipped rows as a sheet to
fix and import again.

An office whose programme has a street list sees most of its sheet refused ("Ulica … nie należy do obszaru
rewitalizacji") when the list is short; one click adds the streets the sheet names (after saying which), and
the preview is checked again. Rows still refused are not lost: they go to a sheet with a "Błędy" column.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from pal_desktop.services.formatting import format_count
from pal_desktop.ui.dialogs import import_edits, questions
from pal_desktop.ui.operations import runner_for
from pal_desktop.ui.widgets.buttons import action_button


def build(dialog, parent: QWidget) -> QHBoxLayout:
    """The buttons under the preview (``fill_rows_button``, ``add_streets_button``, ``save_rejected_button``)."""
    dialog.add_streets_button = action_button(
        parent, "addStreetsButton", QCoreApplication.translate("ImportFixes", "Dodaj &ulice do obszaru…"),
        QCoreApplication.translate("ImportFixes", "Dodaj ulice z arkusza do obszaru programu"),
        lambda: add_streets(dialog))
    dialog.save_rejected_button = action_button(
        parent, "saveRejectedButton", QCoreApplication.translate("ImportFixes", "Zapisz &pominięte wiersze…"),
        QCoreApplication.translate("ImportFixes", "Zapisz pominięte wiersze do arkusza"),
        lambda: save_rejected(dialog))
    dialog.fill_rows_button = action_button(
        parent, "fillRowsButton", QCoreApplication.translate("ImportFixes", "Uzupełnij &zaznaczone…"),
        QCoreApplication.translate("ImportFixes", "Wpisz jedną wartość w zaznaczonych wierszach"),
        lambda: import_edits.fill_selected(dialog))
    line = QHBoxLayout()
    line.addWidget(dialog.fill_rows_button)
    line.addWidget(dialog.add_streets_button)
    line.addWidget(dialog.save_rejected_button)
    line.addStretch(1)
    update(dialog)
    return line


def update(dialog) -> None:
    """Enable what applies to the preview on screen (the buttons keep their place either way)."""
    from pal_desktop.services import import_preview

    preview = dialog.preview
    streets = import_preview.unknown_streets(preview) if preview is not None else []
    dialog.add_streets_button.setEnabled(bool(streets))
    dialog.add_streets_button.setToolTip(
        QCoreApplication.translate("ImportFixes", "Ulice spoza listy obszaru: {names}").format(
            names=", ".join(s.name for s in streets)) if streets
        else QCoreApplication.translate("ImportFixes", "Wszystkie ulice arkusza są na liście obszaru."))
    skipped = len(preview.error_rows) if preview is not None else 0
    dialog.fill_rows_button.setEnabled(preview is not None and bool(preview.rows))
    dialog.fill_rows_button.setToolTip(QCoreApplication.translate(
        "ImportFixes", "Jedna wartość (np. uzasadnienie adresu spoza obszaru) dla wszystkich zaznaczonych wierszy; "
                       "zaznacz wiersze z Ctrl lub Shift."))
    dialog.save_rejected_button.setEnabled(skipped > 0)
    dialog.save_rejected_button.setToolTip(
        QCoreApplication.translate("ImportFixes", "Pominięte wiersze ({count}) trafią do arkusza z kolumną "
                                                  "„Błędy”; po poprawieniu można je zaimportować ponownie.").format(
            count=format_count(skipped)))


def add_streets(dialog) -> None:
    """Ask, then add the sheet's unknown streets to the area in one transaction and show the new preview."""
    from pal_desktop.services import import_preview

    preview = dialog.preview
    streets = import_preview.unknown_streets(preview) if preview is not None else []
    if not streets:
        return
    listing = "\n".join(
        QCoreApplication.translate("ImportFixes", "{street} ({locality}) — wierszy: {rows}").format(
            street=s.name, locality=s.locality or "—", rows=format_count(len(s.rows))) for s in streets)
    if not questions.ask(dialog, QCoreApplication.translate("ImportFixes", "Dodać ulice do obszaru?"),
                         QCoreApplication.translate(
                             "ImportFixes", "Te ulice z arkusza nie są na liście obszaru programu. Dodać je?"),
                         informative=listing, yes=QCoreApplication.translate("ImportFixes", "Dodaj ulice"),
                         no=QCoreApplication.translate("ImportFixes", "Anuluj")):
        return
    db = dialog.db
    dialog.add_streets_button.setEnabled(False)

    def added(new_preview) -> None:
        dialog.show_new_preview(new_preview)
        dialog.say(QCoreApplication.translate("ImportFixes", "Dodano ulice do obszaru: {count}.").format(
            count=format_count(len(streets))))

    def failed(error: BaseException) -> None:
        update(dialog)
        dialog.show_fix_error(error)

    runner_for(dialog, db).submit(
        QCoreApplication.translate("ImportFixes", "Dodawanie ulic do obszaru"),
        lambda progress: import_preview.add_streets_to_area(db, preview), added, on_error=failed)


def save_rejected(dialog) -> None:
    """Write the skipped rows to a sheet the user names (XLSX or CSV); the export is logged."""
    from pal_desktop.services import import_rejected
    from pal_desktop.ui.dialogs import transfer

    preview = dialog.preview
    if preview is None or not preview.error_rows:
        return
    path = transfer.choose_save_file(
        dialog, QCoreApplication.translate("ImportFixes", "Zapisz pominięte wiersze"),
        import_rejected.rejected_path_for(dialog.path).name,
        QCoreApplication.translate("ImportFixes", "Arkusz Excel (*.xlsx);;Plik CSV (*.csv)"))
    if not path:
        return
    db = dialog.db

    def saved(count: int) -> None:
        dialog.say(QCoreApplication.translate("ImportFixes", "Zapisano pominięte wiersze ({count}): {path}").format(
            count=format_count(count), path=path))

    runner_for(dialog, db).submit(
        QCoreApplication.translate("ImportFixes", "Zapisywanie pominiętych wierszy"),
        lambda progress: import_rejected.save_rejected(db, preview, path), saved, on_error=dialog.show_fix_error)


__all__ = ["add_streets", "build", "save_rejected", "update"]
