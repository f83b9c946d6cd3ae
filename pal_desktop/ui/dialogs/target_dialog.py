"""The target of a programme indicator, edited from the Raporty tab."""

from __future__ import annotations

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
        self.finish(form)
        self.resize(460, 0)

    def submit(self) -> None:
        from pal_desktop.services import indicators

        target = indicators.parse_target(self.target_edit.text())
        indicators.set_indicator_target(self._db, self._indicator_id, target)
