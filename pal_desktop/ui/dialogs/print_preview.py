"""Podgląd wydruku: every document the program makes is shown here before it goes to paper.

The pages are drawn by PDFium on the operations runner (a 40-page report does not stop the window); *Drukuj…*
asks the system's print dialog for the printer and the copies, then paints each page on the runner too
(QPainter may paint on a QPrinter outside the GUI thread). *Zapisz jako…* copies the PDF where the user wants
it; the printouts folder and the system's PDF viewer are a click away.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import OperationCancelled, report
from pal_desktop.ui.widgets.buttons import action_button

#: Pages are drawn at this many pixels per PDF point for the screen (A4: 714 px wide).
PREVIEW_SCALE = 1.2
#: The printer gets pages drawn at no more than this resolution: sharp text, a page at a time in memory.
PRINT_DPI = 300


def _qimage(bitmap) -> QImage:
    image = bitmap.to_pil().convert("RGB")
    return QImage(image.tobytes("raw", "RGB"), image.width, image.height, 3 * image.width,
                  QImage.Format.Format_RGB888).copy()


def render_pages(path: Path, scale: float, progress=None) -> list[QImage]:
    """Every page of the PDF as an image (QImage may be made off the GUI thread, unlike QPixmap)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        images = []
        for number in range(len(document)):
            report(progress, number, len(document))
            images.append(_qimage(document[number].render(scale=scale)))
        report(progress, len(document), len(document))
        return images
    finally:
        document.close()


def paint_on_printer(path: Path, printer: QPrinter, progress=None) -> int:
    """Draw the PDF's pages (those the print dialog chose) on ``printer``; returns the pages sent."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PalError(QT_TRANSLATE_NOOP(
                "PrintPreview", "Nie udało się rozpocząć drukowania. Sprawdź, czy drukarka jest włączona."))
        first = max(1, printer.fromPage() or 1)
        last = min(len(document), printer.toPage() or len(document))
        dpi = min(PRINT_DPI, printer.resolution())
        area = painter.viewport()
        for number in range(first, last + 1):
            if progress is not None and progress(number - first, last - first + 1) is False:
                printer.abort()
                raise OperationCancelled()
            if number > first:
                printer.newPage()
            image = _qimage(document[number - 1].render(scale=dpi / 72))
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(),
                                    size.height()), image)
        report(progress, last - first + 1, last - first + 1)
        return last - first + 1
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """The system's print dialog (the printer, pages and copies); module-level so tests can answer it."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_copy_path(parent: QWidget, suggested: Path) -> str:
    from pal_desktop.ui.dialogs.transfer import choose_save_file

    return choose_save_file(parent, PrintPreviewDialog.tr("Zapisz wydruk jako"), str(suggested),
                            PrintPreviewDialog.tr("Dokument PDF (*.pdf)"))


class PrintPreviewDialog(QDialog):
    """The pages of ``path`` with *Drukuj…*, *Zapisz jako…*, *Otwórz w przeglądarce PDF*, *Folder wydruków*."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None, *, copies: int = 1,
                 db=None, print_now: bool = False) -> None:
        super().__init__(parent)
        self.path, self.copies, self._db = Path(path), max(1, copies), db
        self._print_when_shown = print_now
        self.pages: list[QImage] = []
        self._labels: list[QLabel] = []
        self.zoom = 1.0
        self.printed = 0
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(self.tr("Podgląd wydruku: {title}").format(title=title))
        self.setAccessibleName(self.tr("Podgląd wydruku"))
        self.resize(860, 900)

        self.pages_widget = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewPages")
        self.scroll.setAccessibleName(self.tr("Strony wydruku"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_widget)
        self.scroll.setStyleSheet("QScrollArea { background: #6b6b6b; }")

        # One line in a fixed place, its height reserved: a message never moves the buttons.
        self.status = QLabel(self.tr("Przygotowuję podgląd…"), self)
        self.status.setObjectName("previewStatus")
        self.status.setAccessibleName(self.tr("Stan wydruku"))
        self.status.setMinimumHeight(self.status.fontMetrics().height() * 2)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.print_button = self._button("printButton", self.tr("&Drukuj…"), self.tr("Drukuj na drukarce"),
                                         self.print_document)
        self.print_button.setDefault(True)
        self.save_button = self._button("saveAsButton", self.tr("Zapisz &jako…"),
                                        self.tr("Zapisz wydruk jako plik PDF"), self.save_copy)
        self.viewer_button = self._button("viewerButton", self.tr("Otwórz w &przeglądarce PDF"),
                                          self.tr("Otwórz w przeglądarce PDF"), self.open_in_viewer)
        self.folder_button = self._button("folderButton", self.tr("&Folder wydruków"),
                                          self.tr("Otwórz folder wydruków"), self.open_folder)
        self.zoom_in = self._button("zoomIn", self.tr("Powiększ"), self.tr("Powiększ podgląd"),
                                    lambda: self.set_zoom(self.zoom * 1.25))
        self.zoom_out = self._button("zoomOut", self.tr("Pomniejsz"), self.tr("Pomniejsz podgląd"),
                                     lambda: self.set_zoom(self.zoom / 1.25))
        close = self._button("closeButton", self.tr("Zamknij"), self.tr("Zamknij podgląd"), self.reject)
        for shortcut, slot in ((QKeySequence.StandardKey.Print, self.print_document),
                               (QKeySequence.StandardKey.Save, self.save_copy),
                               (QKeySequence.StandardKey.ZoomIn, self.zoom_in.click),
                               (QKeySequence.StandardKey.ZoomOut, self.zoom_out.click)):
            QShortcut(QKeySequence(shortcut), self, activated=slot)

        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.viewer_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.zoom_out, self.zoom_in, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._set_busy(True)
        self._runner().submit(self.tr("Podgląd wydruku"), lambda progress: render_pages(
            self.path, PREVIEW_SCALE, progress), self._show_pages, on_error=self._failed)

    def _button(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        return action_button(self, name, text, accessible, slot)

    def _runner(self):
        from pal_desktop.ui.operations import runner_for

        return runner_for(self.parentWidget() or self, self._db)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.zoom_in, self.zoom_out):
            button.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(str(error))

    # ---- the pages
    def _show_pages(self, pages: list[QImage]) -> None:
        self.pages = pages
        self._set_busy(False)
        self.set_zoom(self.zoom)
        self.status.setText(self.tr("Stron: {count}. Plik: {path}").format(count=len(pages), path=self.path))
        self.print_button.setFocus()
        if self._print_when_shown:
            self._print_when_shown = False
            self.print_document()

    def page_labels(self) -> list[QLabel]:
        return list(self._labels)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(3.0, max(0.4, zoom))
        for label in self._labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self._labels = []
        for number, image in enumerate(self.pages, start=1):
            label = QLabel(self.pages_widget)
            label.setObjectName("previewPage")
            label.setAccessibleName(self.tr("Strona {number} z {count}").format(number=number, count=len(self.pages)))
            pixmap = QPixmap.fromImage(image)
            if self.zoom != 1.0:
                pixmap = pixmap.scaledToWidth(round(image.width() * self.zoom),
                                              Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            self.pages_layout.addWidget(label)
            self._labels.append(label)

    # ---- the actions
    def print_document(self) -> None:
        if not self.pages:
            return
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(self.path.stem)
        self.printer.setCopyCount(self.copies)
        self.printer.setFromTo(1, len(self.pages))
        if not ask_printer(self, self.printer):
            return
        self._set_busy(True)
        self.status.setText(self.tr("Drukuję…"))
        printer = self.printer
        self._runner().submit(self.tr("Drukowanie"), lambda progress: paint_on_printer(self.path, printer, progress),
                              self._printed, on_error=self._failed)

    def _printed(self, pages: int) -> None:
        self.printed += pages
        self._set_busy(False)
        self.status.setText(self.tr("Wysłano do drukarki stron: {count}.").format(count=pages))

    def save_copy(self) -> str:
        from pal_desktop import paths

        name = choose_copy_path(self, Path.home() / self.path.name)
        if not name:
            return ""
        target = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            self.status.setText(self.tr("Nie udało się zapisać pliku {path}: {reason}").format(
                path=target, reason=error.strerror or error))
            return ""
        paths.make_private(target)
        self.status.setText(self.tr("Zapisano kopię: {path}").format(path=target))
        return str(target)

    def open_in_viewer(self) -> None:
        from pal_desktop.ui import pdf_output

        if not pdf_output.open_file(self.path):
            self.status.setText(self.tr("Nie ma programu do otwierania plików PDF. Plik: {path}").format(path=self.path))

    def open_folder(self) -> None:
        from pal_desktop.ui import pdf_output

        pdf_output.open_file(self.path.parent)


__all__ = ["PrintPreviewDialog", "ask_printer", "paint_on_printer", "render_pages"]
