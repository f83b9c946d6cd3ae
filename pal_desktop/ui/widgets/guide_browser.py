"""The user guide as the help window shows it: its chapters listed beside it, its pictures fitted to the
width of the window and framed, so that a 1366-pixel screenshot never makes the reader scroll sideways.

Qt's Markdown reader shows a picture at its own size; here each picture is redrawn at the browser's width
(never enlarged) with a thin frame, and again when the window is resized.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

FRAME = QColor("#9e9e9e")
MARGIN = 24  # room for the document's margins and the scroll bar
MAX_WIDTH = 900
REFIT_STEP = 24  # a resize smaller than this keeps the pictures as they are


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass
class _Picture:
    position: int
    original: QImage
    name: str


class GuideBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self._pictures: list[_Picture] = []
        self._fitted_width = 0
        self._anchor = 0  # the position scroll_to put at the top
        self._reader_scrolled = False
        self.verticalScrollBar().actionTriggered.connect(self._scrolled_by_reader)

    def _scrolled_by_reader(self, _action: int) -> None:
        self._reader_scrolled = True

    def load(self, path: Path) -> None:
        self.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        self._pictures = self._find_pictures(path.parent)
        self._fitted_width = 0
        self.fit_pictures()

    def headings(self) -> list[Heading]:
        """The guide's chapters and sections, in order (the title, level 1, left out)."""
        found = []
        block = self.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level >= 2 and block.text().strip():
                found.append(Heading(level, block.text().strip()))
            block = block.next()
        return found

    def picture_widths(self) -> list[int]:
        """The width each picture is shown at (for tests and for a look at the layout)."""
        widths = []
        for picture in self._pictures:
            cursor = QTextCursor(self.document())
            cursor.setPosition(picture.position + 1)
            widths.append(int(cursor.charFormat().toImageFormat().width()))
        return widths

    def _find_pictures(self, folder: Path) -> list[_Picture]:
        pictures = []
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    name = fragment.charFormat().toImageFormat().name()
                    image = QImage(str(folder / name))
                    if not image.isNull():
                        pictures.append(_Picture(fragment.position(), image, name))
                iterator += 1
            block = block.next()
        return pictures

    def fit_pictures(self) -> None:
        width = max(min(self.viewport().width() - MARGIN, MAX_WIDTH), 200)
        if abs(width - self._fitted_width) < REFIT_STEP and self._fitted_width:
            return
        self._fitted_width = width
        # What the reader is looking at stays at the top: the visible text, or the chapter F1 chose.
        top = self.cursorForPosition(QPoint(0, 0)).position() if self._reader_scrolled else self._anchor
        document = self.document()
        for index, picture in enumerate(self._pictures):
            shown = min(width, picture.original.width())
            image = framed(picture.original, shown)
            resource = QUrl(f"pal-guide:picture-{index}-{shown}.png")  # absolute: not resolved against the file
            document.addResource(QTextDocument.ResourceType.ImageResource, resource, image)
            image_format = QTextImageFormat()
            image_format.setName(resource.toString())
            image_format.setWidth(image.width())
            image_format.setHeight(image.height())
            image_format.setToolTip(picture.name)
            cursor = QTextCursor(document)
            cursor.setPosition(picture.position)
            cursor.setPosition(picture.position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image_format)
        self.scroll_to(top)

    def scroll_to(self, position: int) -> None:
        """Scroll so that the block holding ``position`` starts at the top of the view."""
        self._anchor, self._reader_scrolled = position, False
        block = self.document().findBlock(position)
        self.verticalScrollBar().setValue(int(self.document().documentLayout().blockBoundingRect(block).top()))
        # The view lays the text out anew after a resize; place it again once that is done.
        QTimer.singleShot(0, lambda: self.verticalScrollBar().setValue(
            int(self.document().documentLayout().blockBoundingRect(self.document().findBlock(position)).top())))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_pictures()


def framed(image: QImage, width: int) -> QImage:
    """``image`` scaled to ``width`` pixels (smoothly) with a one-pixel grey frame around it."""
    scaled = image.scaledToWidth(max(width - 2, 1), mode=Qt.TransformationMode.SmoothTransformation)
    result = QImage(scaled.width() + 2, scaled.height() + 2, QImage.Format.Format_RGB32)
    result.fill(FRAME)
    painter = QPainter(result)
    painter.drawImage(1, 1, scaled)
    painter.setPen(QPen(FRAME, 1))
    painter.drawRect(0, 0, result.width() - 1, result.height() - 1)
    painter.end()
    return result


__all__ = ["GuideBrowser", "Heading", "framed"]
