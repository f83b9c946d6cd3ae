"""Nowy animator / Edycja animatora: name, contact, the date chosen, the field of action, and the link to the
animator's participant record (found by typing a name or PESEL; choosing one fills the empty name and contact
fields from the record)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QWidget

from pal_desktop.services import animators
from pal_desktop.ui.widgets.volunteer_form import FormDialog

SEARCH_DELAY_MS = 200


class AnimatorDialog(FormDialog):
    def __init__(self, db, programme_id: int | None, animator_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.programme_id = programme_id
        self.animator_id = animator_id
        self.saved_id: int | None = None
        self._version: int | None = None
        self.setObjectName("animatorDialog")
        self.setWindowTitle(self.tr("Nowy animator") if animator_id is None else self.tr("Edycja animatora"))
        self.setAccessibleName(self.windowTitle())

        link = self.new_form()
        self.participant_search = QLineEdit(self)
        self.participant_search.setObjectName("participantSearch")
        self.participant_search.setAccessibleName(self.tr("Szukaj uczestnika do powiązania"))
        self.participant_search.setPlaceholderText(self.tr("wpisz nazwisko, imię lub PESEL uczestnika…"))
        self.participant_search.setClearButtonEnabled(True)
        self.participant_combo = QComboBox(self)
        self.participant_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.participant_combo.setMinimumContentsLength(34)
        self.participant_combo.addItem(self.tr("(bez powiązania z uczestnikiem)"), None)
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.participant_search, 1)
        row.addWidget(self.participant_combo, 2)
        self.add_row(link, "participant_id", self.tr("&Uczestnik:"), holder, self.tr("Powiązany uczestnik"),
                     hint=self.tr("Animator często jest uczestnikiem programu: wybierz jego rekord, a imię, "
                                  "nazwisko i kontakt uzupełnią się same."))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_participants)
        self.participant_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.participant_combo.activated.connect(self._on_participant_chosen)

        form = self.new_form()
        self.first_name = self.line(form, "first_name", self.tr("&Imię:"), self.tr("Imię"), max_length=100)
        self.last_name = self.line(form, "last_name", self.tr("&Nazwisko:"), self.tr("Nazwisko"), max_length=150)
        self.phone = self.line(form, "phone", self.tr("&Telefon:"), self.tr("Telefon"), max_length=40)
        self.email = self.line(form, "email", self.tr("&E-mail:"), self.tr("E-mail"), max_length=200)
        self.chosen_date = self.date(form, "chosen_date", self.tr("&Data wyboru:"), self.tr("Data wyboru"),
                                     hint=self.tr("kiedy mieszkańcy lub zespół wybrali animatora"))
        self.field_edit = self.line(form, "field", self.tr("&Obszar działania:"), self.tr("Obszar działania"),
                                    placeholder=self.tr("rejon, ulica, tematyka — np. ul. Słowackiego; seniorzy, "
                                                        "kultura"), max_length=300)
        self.active = self.check(form, "active", self.tr("&Aktywny animator"), self.tr("Aktywny animator"))
        self.active.setChecked(True)
        self.notes = self.text(form, "notes", self.tr("U&wagi:"), self.tr("Uwagi"), height=54)
        # For leading events with children (art. 21 of the act of 13 May 2016; services.child_protection)
        checks_box = QGroupBox(self.tr("Prowadzenie zajęć z udziałem dzieci"), self)
        checks = self.new_form()
        checks_box.setLayout(checks)
        self.register_check = self.date(checks, "register_check_date", self.tr("&Rejestr sprawców:"),
                                        self.tr("Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle Seksualnym"))
        self.criminal_record = self.date(checks, "criminal_record_date", self.tr("Informacja z &KRK:"),
                                         self.tr("Informacja z Krajowego Rejestru Karnego"))
        self.residence_statement = self.date(checks, "residence_statement_date",
                                             self.tr("Oświadczenie o krajach (20 &lat):"),
                                             self.tr("Oświadczenie o krajach zamieszkania w ostatnich 20 latach"))
        self.foreign_countries = self.line(checks, "foreign_countries", self.tr("Inne kraje za&mieszkania:"),
                                           self.tr("Inne kraje zamieszkania w ostatnich 20 latach"), max_length=300,
                                           placeholder=self.tr("puste — tylko Polska"))
        self.foreign_record = self.date(checks, "foreign_record_date", self.tr("Rejestry karne obcych &państw:"),
                                        self.tr("Informacja z rejestrów karnych tych krajów"))
        self.finish(link, form, checks_box)
        self.resize(720, 0)

        if animator_id is not None:
            self._load(animators.get_animator(db, animator_id))
        self.first_name.setFocus()

    def _load(self, detail) -> None:
        from pal_desktop.ui.dialogs.conflict_dialog import input_of

        self._version = detail.version
        self._loaded = input_of(animators.AnimatorInput, detail)  # the base a stale save is merged against
        self.programme_id = detail.programme_id
        self.first_name.setText(detail.first_name)
        self.last_name.setText(detail.last_name)
        self.phone.setText(detail.phone)
        self.email.setText(detail.email)
        self.chosen_date.set_date(detail.chosen_date)
        self.field_edit.setText(detail.field)
        self.active.setChecked(detail.active)
        self.notes.setPlainText(detail.notes)
        self.register_check.set_date(detail.register_check_date)
        self.criminal_record.set_date(detail.criminal_record_date)
        self.residence_statement.set_date(detail.residence_statement_date)
        self.foreign_record.set_date(detail.foreign_record_date)
        self.foreign_countries.setText(detail.foreign_countries)
        if detail.participant_id is not None:
            self.participant_combo.addItem(detail.participant_name, detail.participant_id)
            self.participant_combo.setCurrentIndex(1)

    # ---- Linking a participant
    def search_participants(self) -> None:
        """List the participants matching the search text (the current link stays first)."""
        self._search_timer.stop()
        current = self.participant_combo.currentData()
        current_text = self.participant_combo.currentText()
        self.participant_combo.blockSignals(True)
        self.participant_combo.clear()
        self.participant_combo.addItem(self.tr("(bez powiązania z uczestnikiem)"), None)
        if current is not None:
            self.participant_combo.addItem(current_text, current)
        found = animators.find_participants(self._db, self.participant_search.text(), self.programme_id)
        for participant_id, text in found:
            if participant_id != current:
                self.participant_combo.addItem(text, participant_id)
        self.participant_combo.setCurrentIndex(1 if current is not None else 0)
        self.participant_combo.blockSignals(False)
        if found and current is None:
            self.participant_combo.setToolTip(self.tr("Znaleziono: {count}").format(count=len(found)))

    def choose_participant(self, participant_id: int) -> None:
        """Link the participant (must be listed) and fill the empty fields from their record."""
        index = self.participant_combo.findData(participant_id)
        if index >= 0:
            self.participant_combo.setCurrentIndex(index)
            self._on_participant_chosen(index)

    def _on_participant_chosen(self, index: int) -> None:
        participant_id = self.participant_combo.itemData(index)
        self.clear_error("participant_id")
        if participant_id is None:
            return
        facts = animators.participant_facts(self._db, participant_id)
        for edit, value in ((self.first_name, facts.first_name), (self.last_name, facts.last_name),
                            (self.phone, facts.phone), (self.email, facts.email), (self.field_edit, facts.street)):
            if not edit.text().strip() and value:
                edit.setText(value)

    # ---- Saving
    def data(self) -> animators.AnimatorInput:
        return animators.AnimatorInput(
            first_name=self.first_name.text(), last_name=self.last_name.text(), programme_id=self.programme_id,
            participant_id=self.participant_combo.currentData(), phone=self.phone.text(), email=self.email.text(),
            chosen_date=self.date_value("chosen_date"), field=self.field_edit.text(), active=self.active.isChecked(),
            notes=self.notes.toPlainText(), register_check_date=self.date_value("register_check_date"),
            criminal_record_date=self.date_value("criminal_record_date"),
            residence_statement_date=self.date_value("residence_statement_date"),
            foreign_countries=self.foreign_countries.text(), foreign_record_date=self.date_value("foreign_record_date"))

    def submit(self) -> None:
        data = self.data()
        if self.animator_id is None:
            self.saved_id = animators.create_animator(self._db, data)
        else:
            from pal_desktop.ui.dialogs.conflict_dialog import input_of, save_over_version

            def current():
                detail = animators.get_animator(self._db, self.animator_id)
                return input_of(animators.AnimatorInput, detail), detail.version

            save_over_version(self, lambda mine, version: animators.update_animator(
                self._db, self.animator_id, mine, expected_version=version), data, self._loaded, self._version,
                current, {name: QCoreApplication.translate("Fields", text) for name, text in animators.FIELD_LABELS.items()})
            self.saved_id = self.animator_id


class InitiativeDialog(FormDialog):
    """A local initiative an animator leads: title, dates, description and the number of people reached."""

    def __init__(self, db, animator_id: int, initiative_id: int | None = None, parent: QWidget | None = None,
                 animator_name: str = "") -> None:
        super().__init__(parent)
        self._db = db
        self.animator_id = animator_id
        self.initiative_id = initiative_id
        self.saved_id: int | None = None
        self.setObjectName("initiativeDialog")
        title = self.tr("Nowa inicjatywa lokalna") if initiative_id is None else self.tr("Edycja inicjatywy")
        self.setWindowTitle(f"{title} — {animator_name}" if animator_name else title)
        self.setAccessibleName(title)
        form = self.new_form()
        self.title_edit = self.line(form, "title", self.tr("&Tytuł:"), self.tr("Tytuł inicjatywy"), max_length=300,
                                    placeholder=self.tr("np. Dzień Sąsiada na osiedlu"))
        self.start_date = self.date(form, "start_date", self.tr("&Początek:"), self.tr("Początek"))
        self.end_date = self.date(form, "end_date", self.tr("&Koniec:"), self.tr("Koniec"),
                                  hint=self.tr("puste, jeśli inicjatywa trwa"))
        self.description = self.text(form, "description", self.tr("&Opis:"), self.tr("Opis"), height=80,
                                     placeholder=self.tr("co zrobiono, z kim, jakie efekty"))
        self.people = self.line(form, "people_reached", self.tr("&Liczba osób objętych:"),
                                self.tr("Liczba osób objętych"), placeholder=self.tr("np. 40"), max_length=7)
        self.people.setMaximumWidth(120)
        self.people.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.finish(form)
        self.resize(620, 0)
        self.loaded = None
        if initiative_id is not None:
            initiative = animators.get_initiative(db, initiative_id)
            self.loaded = initiative.as_input()
            self.title_edit.setText(initiative.title)
            self.start_date.set_date(initiative.start_date)
            self.end_date.set_date(initiative.end_date)
            self.description.setPlainText(initiative.description)
            self.people.setText("" if initiative.people_reached is None else str(initiative.people_reached))
        self.title_edit.setFocus()

    def submit(self) -> None:
        data = animators.InitiativeInput(
            title=self.title_edit.text(), start_date=self.date_value("start_date"),
            end_date=self.date_value("end_date"), description=self.description.toPlainText(),
            people_reached=animators.parse_people(self.people.text()))
        if self.initiative_id is None:
            self.saved_id = animators.add_initiative(self._db, self.animator_id, data)
        else:
            from pal_desktop.ui.dialogs.conflict_dialog import save_resolving_conflicts

            save_resolving_conflicts(
                self, lambda mine, base: animators.update_initiative(self._db, self.initiative_id, mine, base=base),
                data, self.loaded)
            self.saved_id = self.initiative_id
