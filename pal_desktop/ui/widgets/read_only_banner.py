"""The notice that the database opened read-only: at the toolbar's right end, after a spacer that was there
from the start, so that showing it moves none of the controls."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QWidget

STYLE = ("QLabel { background: #fff4ce; color: #5c3c00; border: 1px solid #c19c00; border-radius: 3px; "
         "padding: 1px 8px; font-weight: bold; }")


class ReadOnlyBanner(QLabel):
    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(self.tr("Baza tylko do odczytu: zmiany nie zostaną zapisane"), toolbar)
        self.setObjectName("readOnlyBanner")
        self.setAccessibleName(self.tr("Baza danych otwarta tylko do odczytu"))
        self.setStyleSheet(STYLE)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self._action = toolbar.addWidget(self)  # a toolbar shows and hides its widgets through their actions
        self._action.setVisible(False)

    def show_for(self, location: str, read_only: bool) -> None:
        self._action.setVisible(read_only)
        self.setToolTip(self.tr(
            "Plik bazy {location} jest tylko do odczytu: możesz przeglądać i drukować dane, ale nic nie zostanie "
            "zapisane. Aby pracować, zdejmij atrybut „tylko do odczytu” albo poproś o prawo zapisu i uruchom "
            "program ponownie.").format(location=location) if read_only else "")

    def is_shown(self) -> bool:
        return self._action.isVisible()
