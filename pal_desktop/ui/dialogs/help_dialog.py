"""Pomoc: a short guide to the window, and "O programie"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pal_desktop import __version__, paths
from pal_desktop.ui.widgets.guide_browser import GuideBrowser

#: The guide's heading each tab's F1 opens at (the text after the number, as in docs/podrecznik.md).
CHAPTERS = {
    "participants": "Rejestracja uczestnika",
    "animators": "Codzienna praca",
    "volunteers": "Godziny wolontariuszy",
    "schedule": "Harmonogram i raporty",
    "events": "Wydarzenia i lista obecności",
    "reports": "Harmonogram i raporty",
}


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, tab_id: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pomoc — PAL Desktop"))
        self.setAccessibleName(self.tr("Pomoc"))
        self.resize(1000, 700)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Pomoc"))
        self.guide = GuideBrowser(self)
        self.guide.setAccessibleName(self.tr("Podręcznik użytkownika"))
        self.contents = QListWidget(self)
        self.contents.setObjectName("guideContents")
        self.contents.setAccessibleName(self.tr("Spis treści podręcznika"))
        self.contents.setToolTip(self.tr("Spis treści: Enter albo kliknięcie otwiera rozdział"))
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        guide = paths.user_guide()
        if guide.is_file():
            self.guide.load(guide)
            for heading in self.guide.headings():
                item = QListWidgetItem(("    " if heading.level > 2 else "") + heading.text, self.contents)
                item.setData(Qt.ItemDataRole.UserRole, heading.text)
        else:
            self.guide.setPlainText(self.tr("Nie znaleziono podręcznika ({path}).").format(path=str(guide)))
        self.contents.itemActivated.connect(lambda item: self.open_chapter(item.data(Qt.ItemDataRole.UserRole)))
        self.contents.itemClicked.connect(lambda item: self.open_chapter(item.data(Qt.ItemDataRole.UserRole)))
        guide_page = QSplitter(Qt.Orientation.Horizontal, self)
        guide_page.setChildrenCollapsible(False)
        guide_page.addWidget(self.contents)
        guide_page.addWidget(self.guide)
        guide_page.setStretchFactor(1, 1)
        guide_page.setSizes([240, 760])
        browser = QTextBrowser(self)
        browser.setAccessibleName(self.tr("Treść pomocy"))
        browser.setOpenExternalLinks(False)
        browser.setHtml(self.help_html())
        self.tabs.addTab(guide_page, self.tr("&Podręcznik"))
        self.tabs.addTab(browser, self.tr("&Skróty i zakładki"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Zamknij"))
        close.setAccessibleName(self.tr("Zamknij pomoc"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.chapter = ""
        if tab_id in CHAPTERS and guide.is_file():
            self.open_chapter(CHAPTERS[tab_id])

    def open_chapter(self, heading: str) -> bool:
        """Scroll the guide so that ``heading`` stands at the top (F1 on a tab opens its chapter)."""
        self.guide.moveCursor(QTextCursor.MoveOperation.Start)
        document = self.guide.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading in block.text():
                self._select_in_contents(block.text().strip())
                self.guide.setTextCursor(QTextCursor(block))
                self.guide.scroll_to(block.position())
                self.chapter = block.text()
                return True
            block = block.next()
        return False

    def _select_in_contents(self, heading: str) -> None:
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == heading:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                return

    def help_html(self) -> str:
        rows = (
            (self.tr("Uczestnicy"), self.tr("osoby objęte programem: dane, status, data rozpoczęcia")),
            (self.tr("Animatorzy"), self.tr("animatorzy lokalni i ich inicjatywy")),
            (self.tr("Wolontariusze"), self.tr("wolontariusze, porozumienia i przepracowane godziny")),
            (self.tr("Harmonogram"), self.tr("zadania programu z datami; ◆ oznacza kamień milowy")),
            (self.tr("Wydarzenia"), self.tr("spotkania, warsztaty i imprezy z liczbą zapisanych i obecnych")),
            (self.tr("Raporty"), self.tr("wskaźniki programu i dokumenty do wydruku")),
        )
        keys = (
            ("Ctrl+1 … Ctrl+6", self.tr("przejście do zakładki")),
            ("Ctrl+N", self.tr("nowy rekord na bieżącej zakładce (uczestnik, wydarzenie, zadanie…)")),
            ("Enter, F2", self.tr("otwarcie lub zmiana zaznaczonego rekordu")),
            ("Delete", self.tr("usunięcie zaznaczonego rekordu (program zawsze pyta)")),
            ("Ctrl+S", self.tr("zapisanie formularza")),
            ("Esc", self.tr("zamknięcie formularza (program pyta, gdy coś wpisano)")),
            ("Ctrl+P", self.tr("wydruk: lista obecności, karta uczestnika, harmonogram, sprawozdanie")),
            ("Ctrl+Shift+O", self.tr("wczytanie skanów podpisanych list obecności (Wydarzenia)")),
            ("Ctrl+Z, Ctrl+Y", self.tr("cofnięcie i ponowienie zmiany harmonogramu")),
            ("Ctrl+F", self.tr("szukanie na bieżącej liście")),
            ("Ctrl+E", self.tr("zmiana danych osoby na jej stronie")),
            ("Ctrl+L", self.tr("zablokowanie programu na czas odejścia od komputera")),
            ("Ctrl+,", self.tr("ustawienia organizacji i lokalizacja bazy danych")),
            ("F1", self.tr("ta pomoc, otwarta na rozdziale bieżącej zakładki")),
            ("Ctrl+Q", self.tr("zakończenie pracy")),
        )
        tabs = "".join(f"<li><b>{name}</b> — {text}</li>" for name, text in rows)
        shortcuts = "".join(f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{text}</td></tr>" for key, text in keys)
        return (
            "<h2>" + self.tr("PAL Desktop — jak zacząć") + "</h2>"
            "<p>" + self.tr("Program prowadzi ewidencję Programu Aktywności Lokalnej: uczestników, animatorów, "
                            "wolontariuszy, harmonogram, wydarzenia i raporty. Program, nad którym pracujesz, "
                            "wybierasz na pasku narzędzi u góry okna albo w menu Program.") + "</p>"
            "<h3>" + self.tr("Zakładki") + "</h3><ul>" + tabs + "</ul>"
            "<h3>" + self.tr("Skróty klawiszowe") + "</h3><table>" + shortcuts + "</table>"
            "<p>" + self.tr("Każde polecenie menu ma też podkreśloną literę: naciśnij Alt i tę literę.") + "</p>"
            "<h3>" + self.tr("Dane") + "</h3>"
            "<p>" + self.tr("Miejsce bazy danych widać na pasku stanu na dole okna. Zmienisz je w menu "
                            "Plik → Ustawienia…; przed każdą aktualizacją programu baza jest kopiowana do "
                            "folderu kopii zapasowych.") + "</p>"
        )



def show_help(window) -> HelpDialog:
    """F1: the guide, open at the chapter of the tab in front."""
    tab = window.current_tab()
    dialog = HelpDialog(window, tab_id=tab.tab_id if tab is not None else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.help_dialog = dialog
    return dialog


def show_about(window) -> None:
    QMessageBox.about(window, QCoreApplication.translate("HelpDialog", "O programie"), (
        f"<h3>PAL Desktop {__version__}</h3><p>"
        + QCoreApplication.translate(
            "HelpDialog", "Ewidencja Programu Aktywności Lokalnej dla ośrodków pomocy społecznej (GOPS/MOPS): "
                          "uczestnicy, animatorzy, wolontariusze, harmonogram, wydarzenia i raporty.")
        + "</p><p>"
        + QCoreApplication.translate(
            "HelpDialog", "Działa bez dostępu do internetu. Dane pozostają w bazie wskazanej w ustawieniach.")
        + "</p>"))
