"""Pomoc: a short guide to the window, and "O programie"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from pal_desktop import paths


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pomoc — PAL Desktop"))
        self.setAccessibleName(self.tr("Pomoc"))
        self.resize(860, 680)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Pomoc"))
        self.guide = QTextBrowser(self)
        self.guide.setAccessibleName(self.tr("Podręcznik użytkownika"))
        self.guide.setOpenExternalLinks(False)
        guide = paths.user_guide()
        if guide.is_file():
            self.guide.setSource(QUrl.fromLocalFile(str(guide)), QTextDocument.ResourceType.MarkdownResource)
        else:
            self.guide.setPlainText(self.tr("Nie znaleziono podręcznika ({path}).").format(path=str(guide)))
        browser = QTextBrowser(self)
        browser.setAccessibleName(self.tr("Treść pomocy"))
        browser.setOpenExternalLinks(False)
        browser.setHtml(self.help_html())
        self.tabs.addTab(self.guide, self.tr("&Podręcznik"))
        self.tabs.addTab(browser, self.tr("&Skróty i zakładki"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Zamknij"))
        close.setAccessibleName(self.tr("Zamknij pomoc"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

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
            ("Ctrl+F", self.tr("szukanie na bieżącej liście")),
            ("Ctrl+,", self.tr("ustawienia organizacji i lokalizacja bazy danych")),
            ("F1", self.tr("ta pomoc")),
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

