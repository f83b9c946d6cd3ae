"""Staże → Zasady stypendium: the programme's rule for the internship stipend (services.internship_stipend)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from pal_desktop.ui.dialogs.small_forms import SmallForm, money_text, parse_amount, parse_whole


class StipendRuleDialog(SmallForm):
    """The benefit's amount, the percentage and the hours for the full stipend; an empty field: the default."""

    def __init__(self, db, programme_id: int, parent: QWidget | None = None) -> None:
        from pal_desktop.services import internship_stipend as stipend

        super().__init__(self.tr("Zasady stypendium stażowego"), parent)
        self._db, self.programme_id = db, programme_id
        stored = stipend.stored_rule(db, programme_id)
        base = self.add_field("stipend_base", self.tr("&Kwota zasiłku dla bezrobotnych (zł):"), QLineEdit(self),
                              name=self.tr("Kwota zasiłku dla bezrobotnych"))
        base.setPlaceholderText(money_text(stipend.DEFAULT_BASE))
        percent = self.add_field("stipend_percent", self.tr("&Procent zasiłku:"), QLineEdit(self),
                                 name=self.tr("Procent zasiłku"))
        percent.setPlaceholderText(str(stipend.DEFAULT_PERCENT))
        hours = self.add_field("stipend_full_hours", self.tr("&Godzin w miesiącu dla pełnego stypendium:"),
                               QLineEdit(self), name=self.tr("Godzin w miesiącu dla pełnego stypendium"))
        hours.setPlaceholderText(str(stipend.DEFAULT_FULL_HOURS))
        base.setText(money_text(stored[0]))
        percent.setText("" if stored[1] is None else f"{stored[1].normalize():f}".replace(".", ","))
        hours.setText("" if stored[2] is None else str(stored[2]))
        note = QLabel(self.tr(
            "Puste pole — wartość domyślna: 120% zasiłku dla bezrobotnych (1 721,90 zł od 1.06.2025, obwieszczenie "
            "MRPiPS z 19.05.2025) za co najmniej 160 godzin w miesiącu, za mniej godzin proporcjonalnie, jak "
            "w wytycznych EFS dotyczących staży. Wpisz zasady, które stosuje instytucja finansująca."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.remember_initial()
        self.resize(560, self.sizeHint().height())

    def submit(self) -> None:
        from pal_desktop.services import internship_stipend

        f = self.fields
        internship_stipend.set_stipend_rule(
            self._db, self.programme_id,
            parse_amount(f["stipend_base"].text(), "stipend_base", self.tr("Kwota zasiłku dla bezrobotnych")),
            parse_amount(f["stipend_percent"].text(), "stipend_percent", self.tr("Procent zasiłku")),
            parse_whole(f["stipend_full_hours"].text(), "stipend_full_hours",
                        self.tr("Godzin w miesiącu dla pełnego stypendium")))
