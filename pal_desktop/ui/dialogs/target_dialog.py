"""The target of a programme indicator, and the goal and result it supports, edited from the Raporty tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from pal_desktop.ui.widgets.volunteer_form import FormDialog


class TargetDialog(FormDialog):
    """The target of one indicator: a number (0 or more) or empty for none."""

    def __init__(self, db, indicator_id: int, name: str, unit: str, target: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("targetDialog")
        title = self.tr("Wartość docelowa wskaźnika")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._db, self._indicator_id = db, indicator_id
        form = self.new_form()
        label = QLabel(name, self)
        label.setWordWrap(True)
        form.addRow(self.tr("Wskaźnik:"), label)
        self.target_edit = self.line(form, "target_value", self.tr("&Wartość docelowa:"),
                                     self.tr("Wartość docelowa"), placeholder=self.tr("np. 12"),
                                     hint=self.tr("Jednostka: {unit}. Puste pole — bez wartości docelowej.").format(
                                         unit=unit or "—"))
        self.target_edit.setText("" if target == "—" else target)
        from pal_desktop.services import indicator_links

        links = indicator_links.indicator_links(db, indicator_id)
        self._version = links.version
        self.goal_combo = self.combo(form, "goal_item_id", self.tr("&Cel (rozdział V):"),
                                     self.tr("Cel, który wskaźnik wspiera"))
        self.goal_combo.addItem(self.tr("tylko cel główny"), None)
        for goal_id, position, text in links.goals:
            self.goal_combo.addItem(f"{position}) {text}", goal_id)
            self.goal_combo.setItemData(self.goal_combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.goal_combo.setCurrentIndex(max(0, self.goal_combo.findData(links.goal_item_id)))
        self.result_combo = None
        if links.results:
            self.result_combo = self.combo(form, "result_id", self.tr("&Rezultat (rozdział X):"),
                                           self.tr("Rezultat, który produkt wspiera"))
            self.result_combo.addItem(self.tr("żaden"), None)
            for result_id, name in links.results:
                self.result_combo.addItem(name, result_id)
            self.result_combo.setCurrentIndex(max(0, self.result_combo.findData(links.result_id)))
        self.finish(form)
        self.resize(460, 0)

    def submit(self) -> None:
        from pal_desktop.services import indicators

        target = indicators.parse_target(self.target_edit.text())
        from pal_desktop.services import indicator_links

        indicator_links.set_indicator_links(
            self._db, self._indicator_id, self.goal_combo.currentData(),
            self.result_combo.currentData() if self.result_combo is not None else None, target=target,
            expected_version=self._version)
