"""Plik → Ustawienia…: the organisation's details, the logo strip and where the data lives.

The organisation's details and logos are stored in the database (every PC sharing it sees them); the
database location is a setting of this PC, kept in the local config file and used at the next start.
A rule broken by what was typed is shown in Polish under the field at fault, and the dialog stays open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop import config, paths
from pal_desktop.errors import PalError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import database as database_service
from pal_desktop.services import office_settings, organisation, ui_queries
from pal_desktop.ui import file_dialogs
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.widgets.form_parts import (
    ButtonText,
    error_label,
    field_column,
    labelled_row,
    save_cancel_buttons,
)

INVALID_STYLE = "QLineEdit { border: 1px solid #b3261e; border-radius: 2px; padding: 2px; }"
THUMBNAIL = QSize(120, 48)


class SettingsDialog(QDialog):
    """Edit and save the settings; ``database_changed`` tells whether the next start uses another database."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.database_changed = False
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Ustawienia"))
        self.setAccessibleName(self.tr("Ustawienia"))
        self.fields: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._logos: list[tuple[str, bytes]] = []
        self._logos_changed = False

        columns = QHBoxLayout()
        columns.addWidget(self._build_organisation_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._build_logo_box())
        right.addWidget(self._build_database_box())
        right.addStretch(1)
        columns.addLayout(right, 1)

        self.general_error = self._error_label("general", self.tr("Błąd ustawień"))
        self.buttons, self.save_button, self.cancel_button, _ = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz ustawienia"), self.tr("Zapisz ustawienia (Ctrl+S)")),
            ButtonText(self.tr("Anuluj"), self.tr("Anuluj zmiany"), self.tr("Zamknij bez zapisywania (Esc)")))

        layout = QVBoxLayout(self)
        self.welcome = QLabel(self)
        self.welcome.setObjectName("welcome")
        self.welcome.setWordWrap(True)
        self.welcome.setAccessibleName(self.tr("Powitanie"))
        self.welcome.hide()
        layout.addWidget(self.welcome)
        layout.addLayout(columns)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(960, 560)
        self._load()

    def show_welcome(self, text: str) -> None:
        """The first start's word of welcome above the fields (shown before the user starts typing)."""
        self.welcome.setText(text)
        self.welcome.show()
        first = self.fields.get("name")
        if first is not None:
            first.setFocus()

    # ---- Building
    def _error_label(self, field: str, name: str) -> QLabel:
        label = error_label(self, f"error_{field}", self.tr("Błąd: {field}").format(field=name), selectable=True)
        self.error_labels[field] = label
        return label

    def _add_field(self, form: QFormLayout, field: str, label_text: str, name: str, *,
                   placeholder: str = "", suffix: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"field_{field}")
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _text, f=field: self._clear_error(f))
        self.fields[field] = edit
        box, column = field_column(self)
        if suffix:
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(QLabel(suffix, self))
            column.addLayout(row)
        else:
            column.addWidget(edit)
        column.addWidget(self._error_label(field, name))
        labelled_row(form, self, label_text, edit, box)
        return edit

    def _build_organisation_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organizacja"), self)
        box.setAccessibleName(self.tr("Dane organizacji"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        note = QLabel(self.tr("Dane organizacji trafiają do nagłówków drukowanych dokumentów."), box)
        note.setWordWrap(True)
        form.addRow(note)
        self._add_field(form, "name", self.tr("&Nazwa organizacji:"), self.tr("Nazwa organizacji"),
                        placeholder=self.tr("np. Gminny Ośrodek Pomocy Społecznej w Kłobucku"))
        self._add_field(form, "address", self.tr("&Adres:"), self.tr("Adres"),
                        placeholder=self.tr("ulica i numer"))
        self._add_field(form, "postal_code", self.tr("&Kod pocztowy:"), self.tr("Kod pocztowy"),
                        placeholder="00-000")
        self._add_field(form, "city", self.tr("&Miejscowość:"), self.tr("Miejscowość"))
        self._add_field(form, "phone", self.tr("&Telefon:"), self.tr("Telefon"))
        self._add_field(form, "email", self.tr("&E-mail:"), self.tr("E-mail"))
        self._add_field(form, "iod_contact", self.tr("&Inspektor ochrony\ndanych (IOD):"),
                        self.tr("Kontakt do inspektora ochrony danych"),
                        placeholder=self.tr("np. iod@gops.pl, tel. 34 317 00 00"))
        self._add_field(form, "volunteer_hour_rate", self.tr("&Stawka za godzinę\nwolontariatu:"),
                        self.tr("Stawka za godzinę wolontariatu"), placeholder=self.tr("np. 35,00"),
                        suffix=self.tr("zł"))
        self.rates_button = QPushButton(self.tr("Stawki według &rodzaju pracy…"), box)
        self.rates_button.setObjectName("volunteerRatesButton")
        self.rates_button.setAccessibleName(self.tr("Stawki wolontariatu według rodzaju pracy (zadania programu)"))
        self.rates_button.clicked.connect(self.edit_task_rates)
        form.addRow("", self.rates_button)
        self._add_field(form, "child_check_months", self.tr("Ponowne sprawdzenie\npracujących z &dziećmi:"),
                        self.tr("Ponowne sprawdzenie osób pracujących z dziećmi"), placeholder="12",
                        suffix=self.tr("mies. (polityka ośrodka)"))
        self._add_field(form, "cash_warning_threshold", self.tr("Próg &ostrzeżenia o\npomocy pieniężnej:"),
                        self.tr("Próg ostrzeżenia o pomocy pieniężnej"), placeholder=self.tr("np. 2000,00"),
                        suffix=self.tr("zł"))
        return box

    def edit_task_rates(self) -> None:
        """The rates per task of the active programme; the single rate above stays their default."""
        from pal_desktop.services.programmes import active_programme
        from pal_desktop.ui.dialogs.volunteer_rates_dialog import VolunteerRatesDialog

        programme = active_programme(self._db)
        if programme is None:
            return
        self.rates_dialog = VolunteerRatesDialog(self._db, programme.id, self)
        self.rates_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rates_dialog.open()  # window-modal without a nested event loop

    def _build_logo_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Logotypy w nagłówku dokumentów"), self)
        box.setAccessibleName(self.tr("Logotypy"))
        self.logo_list = QListWidget(box)
        self.logo_list.setObjectName("logoList")
        self.logo_list.setAccessibleName(self.tr("Lista logotypów, od lewej do prawej"))
        self.logo_list.setIconSize(THUMBNAIL)
        self.logo_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.logo_list.setMinimumHeight(4 * (THUMBNAIL.height() + 8) + 4)
        self.logo_list.currentRowChanged.connect(self._update_logo_buttons)

        self.add_logo_button = QPushButton(self.tr("Dodaj &logo…"), box)
        self.add_logo_button.setAccessibleName(self.tr("Dodaj logo z pliku"))
        self.remove_logo_button = QPushButton(self.tr("&Usuń"), box)
        self.remove_logo_button.setAccessibleName(self.tr("Usuń zaznaczone logo"))
        self.logo_up_button = QPushButton(self.tr("W &górę"), box)
        self.logo_up_button.setAccessibleName(self.tr("Przesuń logo w lewo (w górę listy)"))
        self.logo_down_button = QPushButton(self.tr("W &dół"), box)
        self.logo_down_button.setAccessibleName(self.tr("Przesuń logo w prawo (w dół listy)"))
        self.add_logo_button.clicked.connect(self.add_logos)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.logo_up_button.clicked.connect(lambda: self.move_logo(-1))
        self.logo_down_button.clicked.connect(lambda: self.move_logo(1))

        buttons = QVBoxLayout()
        for button in (self.add_logo_button, self.remove_logo_button, self.logo_up_button, self.logo_down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(self.tr("Do 4 obrazów PNG lub JPEG, drukowanych w jednej linii w tej kolejności "
                              "(pierwszy z lewej)."), box)
        note.setWordWrap(True)

        grid = QGridLayout(box)
        grid.addWidget(self.logo_list, 0, 0)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(note, 1, 0, 1, 2)
        grid.addWidget(self._error_label("logos", self.tr("Logotypy")), 2, 0, 1, 2)
        return box

    def _build_database_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Lokalizacja danych"), self)
        box.setAccessibleName(self.tr("Lokalizacja danych"))
        self.current_database_label = QLabel(box)
        self.current_database_label.setObjectName("currentDatabase")
        self.current_database_label.setWordWrap(True)
        self.current_database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current_database_label.setAccessibleName(self.tr("Obecnie otwarta baza danych"))

        self.database_edit = QLineEdit(box)
        self.database_edit.setObjectName("field_database_url")
        self.database_edit.setAccessibleName(self.tr("Baza danych przy następnym uruchomieniu"))
        self.database_edit.setPlaceholderText(
            self.tr("domyślnie: {path}").format(path=paths.default_database_path()))
        self.database_edit.textEdited.connect(lambda _text: self._clear_error("database_url"))
        self.fields["database_url"] = self.database_edit
        self.choose_file_button = QPushButton(self.tr("&Wybierz plik…"), box)
        self.choose_file_button.setAccessibleName(self.tr("Wybierz plik bazy danych SQLite"))
        self.choose_file_button.clicked.connect(self.choose_database_file)
        self.default_database_button = QPushButton(self.tr("&Przywróć domyślną"), box)
        self.default_database_button.setAccessibleName(self.tr("Przywróć domyślną lokalizację bazy danych"))
        self.default_database_button.clicked.connect(self._use_default_database)

        # The password is typed here, kept by the system's credential store and never shown again.
        self.database_password_edit = QLineEdit(box)
        self.database_password_edit.setObjectName("field_database_password")
        self.database_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.database_password_edit.setAccessibleName(self.tr("Hasło do bazy PostgreSQL"))
        self.database_password_edit.textEdited.connect(lambda _text: self._clear_error("database_url"))
        self.database_edit.textChanged.connect(self._show_password_state)
        password_label = QLabel(self.tr("&Hasło PostgreSQL:"), box)
        password_label.setBuddy(self.database_password_edit)

        label = QLabel(self.tr("&Baza przy następnym uruchomieniu:"), box)
        label.setBuddy(self.database_edit)
        row = QHBoxLayout()
        row.addWidget(self.database_edit, 1)
        row.addWidget(self.choose_file_button)
        password_row = QHBoxLayout()
        password_row.addWidget(password_label)
        password_row.addWidget(self.database_password_edit, 1)
        note = QLabel(self.tr("Plik bazy SQLite na tym komputerze albo adres serwera PostgreSQL, "
                              "np. postgresql://użytkownik@serwer/baza (hasło w polu obok trafia do menedżera poświadczeń systemu, nie do pliku ustawień). Zmiana zacznie obowiązywać "
                              "przy następnym uruchomieniu programu."), box)
        note.setWordWrap(True)
        # A SQLite file on a share runs without WAL and breaks when two PCs write it at once.
        self.network_share_label = QLabel(self.tr(
            "Uwaga: baza leży na dysku sieciowym. Może z niej korzystać tylko jeden komputer naraz (praca kilku "
            "stanowisk jednocześnie może uszkodzić dane). Dla kilku stanowisk użyj bazy PostgreSQL na serwerze."),
            box)
        self.network_share_label.setObjectName("networkShareWarning")
        self.network_share_label.setWordWrap(True)
        self.network_share_label.setStyleSheet("QLabel { color: #8a4b00; font-weight: bold; }")
        self.network_share_label.setAccessibleName(self.tr("Ostrzeżenie: baza na dysku sieciowym"))
        self.network_share_label.setVisible(False)
        self.database_edit.textChanged.connect(self._show_network_share_warning)

        layout = QVBoxLayout(box)
        layout.addWidget(self.current_database_label)
        layout.addWidget(self.network_share_label)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addLayout(password_row)
        layout.addWidget(self._error_label("database_url", self.tr("Baza danych")))
        layout.addWidget(note)
        layout.addWidget(self.default_database_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._add_backup_folder_row(box, layout)
        return box

    def _add_backup_folder_row(self, box: QGroupBox, layout: QVBoxLayout) -> None:
        self.backup_folder_edit = QLineEdit(box)
        self.backup_folder_edit.setObjectName("field_backup_folder")
        self.backup_folder_edit.setAccessibleName(self.tr("Folder kopii zapasowych"))
        self.backup_folder_edit.setPlaceholderText(self.tr("domyślnie: {path}").format(path=paths.backup_dir()))
        self.backup_folder_edit.textEdited.connect(lambda _text: self._clear_error("backup_folder"))
        self.fields["backup_folder"] = self.backup_folder_edit
        self.backup_folder_edit.setText(config.load().backup_folder)
        choose = self.choose_backup_folder_button = QPushButton(self.tr("Wybierz &folder…"), box)
        choose.setAccessibleName(self.tr("Wybierz folder kopii zapasowych"))
        choose.clicked.connect(self.choose_backup_folder)
        label = QLabel(self.tr("Folder &kopii zapasowych (np. dysk sieciowy, dysk USB):"), box)
        label.setBuddy(self.backup_folder_edit)
        row = QHBoxLayout()
        row.addWidget(self.backup_folder_edit, 1)
        row.addWidget(choose)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self._error_label("backup_folder", self.tr("Folder kopii zapasowych")))

    def choose_backup_folder(self) -> None:
        start = self.backup_folder_edit.text().strip() or str(paths.backup_dir())
        name = file_dialogs.folder(self, self.tr("Folder kopii zapasowych"), start)
        if name:
            self.backup_folder_edit.setText(name)
            self._clear_error("backup_folder")

    # ---- Loading
    def _load(self) -> None:
        settings = organisation.get_organisation(self._db)
        for field, edit in self.fields.items():
            if field not in ("database_url", "backup_folder"):
                edit.setText(getattr(settings, field))
        self._logos = [(logo.file_name, logo.content) for logo in organisation.list_logos(self._db)]
        self._show_logos()
        # Never on screen: a password an earlier version left in the file is not shown (nor dropped unasked).
        self._configured_database = office_settings.shown_database_location(config.load().database_url)
        self.database_edit.setText(self._configured_database)
        self._show_password_state(self._configured_database)
        self.current_database_label.setText(
            self.tr("Obecnie otwarta baza: {location}").format(location=self._db.location))
        self._show_network_share_warning(self.database_edit.text())

    def _show_network_share_warning(self, typed: str) -> None:
        shown = database_service.on_network_share(self._db) or database_service.is_network_location(typed)
        self.network_share_label.setVisible(shown)

    # ---- Logos
    def _show_logos(self, select: int | None = None) -> None:
        self.logo_list.clear()
        for file_name, content in self._logos:
            pixmap = QPixmap()
            pixmap.loadFromData(content)
            icon = QIcon(pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)) if not pixmap.isNull() else QIcon()
            item = QListWidgetItem(icon, file_name)
            item.setToolTip(file_name)
            self.logo_list.addItem(item)
        if select is not None and self._logos:
            self.logo_list.setCurrentRow(max(0, min(select, len(self._logos) - 1)))
        self._update_logo_buttons()

    def _update_logo_buttons(self, *_args) -> None:
        row = self.logo_list.currentRow()
        self.add_logo_button.setEnabled(len(self._logos) < organisation.MAX_LOGOS)
        self.remove_logo_button.setEnabled(row >= 0)
        self.logo_up_button.setEnabled(row > 0)
        self.logo_down_button.setEnabled(0 <= row < len(self._logos) - 1)

    def add_logos(self) -> None:
        names = file_dialogs.open_files(
            self, self.tr("Wybierz logo"), str(Path.home()), self.tr("Obrazy PNG i JPEG (*.png *.jpg *.jpeg)"))
        self._clear_error("logos")
        for name in names:
            if len(self._logos) >= organisation.MAX_LOGOS:
                self._show_error(ValidationError(QT_TRANSLATE_NOOP(
                    "SettingsDialog", "Pasek logotypów może mieć najwyżej {max} znaki w jednej linii."),
                    field="logos", context="SettingsDialog", max=organisation.MAX_LOGOS))
                break
            try:
                self._logos.append(organisation.read_logo_file(Path(name)))
            except ValidationError as err:
                self._show_error(err)
                break
            self._logos_changed = True
        self._show_logos(select=len(self._logos) - 1)

    def remove_logo(self) -> None:
        row = self.logo_list.currentRow()
        if row < 0:
            return
        del self._logos[row]
        self._logos_changed = True
        self._show_logos(select=row)

    def move_logo(self, step: int) -> None:
        row = self.logo_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._logos):
            return
        self._logos[row], self._logos[target] = self._logos[target], self._logos[row]
        self._logos_changed = True
        self._show_logos(select=target)

    def logo_names(self) -> list[str]:
        return [file_name for file_name, _content in self._logos]

    # ---- Database location
    def choose_database_file(self) -> None:
        current = self.database_edit.text().strip()
        start = current if current and "://" not in current else str(paths.default_database_path())
        name, _filter = file_dialogs.save_file(
            self, self.tr("Wybierz plik bazy danych"), start,
            self.tr("Bazy danych SQLite (*.sqlite3 *.sqlite *.db);;Wszystkie pliki (*)"), confirm_overwrite=False)
        if name:
            self.database_edit.setText(name)
            self._clear_error("database_url")

    def _use_default_database(self) -> None:
        self.database_edit.clear()
        self._clear_error("database_url")

    # ---- Saving
    def organisation_settings(self):
        values = {field: edit.text() for field, edit in self.fields.items()
                  if field not in ("database_url", "backup_folder")}
        return organisation.OrganisationSettings(**values)

    def save(self) -> bool:
        """Validate and save everything; on a broken rule show it under its field and stay open."""
        self._clear_errors()
        try:
            location = ui_queries.check_database_location(self.database_edit.text())
            from pal_desktop.services import backup

            self.backup_folder_edit.setText(backup.save_backup_folder(self.backup_folder_edit.text()))
            clean = organisation.save_organisation(self._db, self.organisation_settings())
            if self._logos_changed:
                organisation.replace_logos(self._db, self._logos)
                self._logos_changed = False
            password = self.database_password_edit.text()
            if location != self._configured_database or (password and "://" in location):
                self._save_database_location(location, password)
        except ValidationError as err:
            self._show_error(err)
            return False
        except PalError as err:
            error_dialog.show_error(self, err)
            return False
        for field, edit in self.fields.items():
            if field not in ("database_url", "backup_folder"):
                edit.setText(getattr(clean, field))
        self.accept()
        return True

    def _save_database_location(self, location: str, password: str = "") -> None:
        self._configured_database = office_settings.save_database_location(location, password)
        self.database_edit.setText(self._configured_database)
        self.database_password_edit.clear()
        self.database_changed = True

    def _show_password_state(self, text: str) -> None:
        postgres = text.strip().startswith(("postgresql", "postgres://"))
        self.database_password_edit.setEnabled(postgres)
        stored = postgres and office_settings.has_stored_password(text.strip())
        self.database_password_edit.setPlaceholderText(
            self.tr("zapisane w menedżerze poświadczeń; wpisz, aby zmienić") if stored
            else self.tr("wpisz hasło") if postgres else self.tr("tylko dla bazy PostgreSQL"))

    # ---- Errors
    def _show_error(self, error: PalError) -> None:
        label = self.error_labels.get(error.field or "", self.general_error)
        label.setText(error_dialog.error_text(error))
        label.show()
        edit = self.fields.get(error.field or "")
        if edit is not None:
            edit.setStyleSheet(INVALID_STYLE)
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            edit.selectAll()

    def _clear_error(self, field: str) -> None:
        label = self.error_labels.get(field)
        if label is not None:
            label.clear()
            label.hide()
        edit = self.fields.get(field)
        if edit is not None:
            edit.setStyleSheet("")

    def _clear_errors(self) -> None:
        for field in self.error_labels:
            self._clear_error(field)

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when there is none)."""
        label = self.error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
