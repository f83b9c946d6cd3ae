"""The baseline for bench/bench_bundle.py: the smallest PySide6 window shaped like PAL Desktop's.

A QMainWindow with six tabs of empty QTableViews. On its first paint it prints
``PAL_PROBE first_paint <time.time()>`` (the same probe line as the app) and quits. Frozen with
build_spec/minimal_window.spec, the same way as the app (same Qt excludes and trimming).
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget

TABS = ("Uczestnicy", "Animatorzy", "Wolontariusze", "Harmonogram", "Wydarzenia", "Raporty")


class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print("PAL_PROBE first_paint", f"{time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = Window()
    tabs = QTabWidget()
    for title in TABS:
        view = QTableView()
        view.setModel(QStandardItemModel(0, 6, view))
        tabs.addTab(view, title)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
