"""Raport końcowy from the Raporty tab: a conclusion written beside the figures, saved, printed as version 1;
a stale save refused; version 1 printed again identically; the indicator dialog's goal and result."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.report_data import build
from tests.ui.test_mnemonics import clashes
from tests.ui.typing import type_text


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_write_save_print_and_reprint_the_final_report(qtbot, make_window, app_db, monkeypatch, shown_errors):
    from pal_desktop.services import report_drafts
    from pal_desktop.ui import pdf_output

    pid = build(app_db)
    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    window = make_window(app_db)
    window.select_tab("reports")
    tab = window.tab("reports")
    qtbot.waitUntil(lambda: tab.final_report_button.isEnabled())
    qtbot.mouseClick(tab.final_report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(tab, "dialog", None) is not None)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    assert clashes(dialog) == {}
    assert dialog.suppress_box.isChecked() and dialog.versions.count() == 0
    # The figures stand beside the editors: the volunteering goal shows its hours against the target.
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "usługi wolontariatu: 14,5 / 40 (36 %)" in shown and "zorganizowanie spotkań: 1 szt. z 4 zakładanych" in shown

    type_text(qtbot, dialog.editors["conclusions"], "Frekwencja wysoka; zaległe szkolenie trzeba oznaczyć.")
    goal = next(key for key in dialog.editors if key.startswith("goal:") and key != "goal:main")
    type_text(qtbot, dialog.editors[goal], "Cel osiągnięty w części: 2 z 8 warsztatów.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    draft = report_drafts.get_draft(app_db, pid)
    assert draft.texts["conclusions"] == "Frekwencja wysoka; zaległe szkolenie trzeba oznaczyć." and draft.version == 1

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=15000)
    qtbot.waitUntil(lambda: dialog.versions.count() == 1)
    first = opened[0]
    text = _text(first)
    assert "7. Wnioski Frekwencja wysoka; zaległe szkolenie trzeba oznaczyć." in text
    assert "Cel osiągnięty w części: 2 z 8 warsztatów." in text
    assert "Osoby, które zakończyły udział zgodnie ze ścieżką <3 <3 0 4" in text
    assert dialog.versions.item(0).text().startswith("Wersja 1 — ")

    # Someone else saves the texts meanwhile: this window's next save is refused, nothing overwritten.
    report_drafts.save_draft(app_db, pid, {"conclusions": "Tekst koleżanki."}, draft.version)
    type_text(qtbot, dialog.editors["recommendations"], "Więcej spotkań.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1 and "Ktoś inny zmienił" in str(shown_errors[0])
    assert report_drafts.get_draft(app_db, pid).texts == {"conclusions": "Tekst koleżanki."}
    shown_errors.clear()

    dialog.versions.setCurrentRow(0)
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=15000)
    assert opened[1].read_bytes() == first.read_bytes()
    assert dialog.versions.count() == 1  # a reprint is no new version
    assert shown_errors == []


def test_the_indicator_dialog_chooses_the_goal_and_result(qtbot, window, shown_errors):
    from pal_desktop.services import indicator_links, ui_queries

    window.select_tab("reports")
    tab = window.tab("reports")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    row = next(r for r in ui_queries.indicator_rows(tab._db, tab._programme_id) if r[2] == "zorganizowanie staży")
    tab.edit_target(row[0])
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    # The seed's links: internships support goal 3 and the skills result.
    assert dialog.goal_combo.currentText().startswith("3) podniesienie samooceny")
    assert dialog.result_combo.currentText() == "nabycie przez uczestników umiejętności społecznych i zawodowych"
    dialog.goal_combo.setCurrentIndex(dialog.goal_combo.findText("7)", Qt.MatchFlag.MatchStartsWith))
    dialog.result_combo.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    links = indicator_links.indicator_links(tab._db, row[0])
    assert [g for g in links.goals if g[0] == links.goal_item_id][0][1] == 7 and links.result_id is None
    assert shown_errors == []


def test_an_indicator_target_changed_meanwhile_is_not_overwritten(qtbot, app_db, shown_errors, monkeypatch):
    from decimal import Decimal

    from pal_desktop.ui.dialogs import questions

    monkeypatch.setattr(questions, "ask", lambda *args, **kwargs: True)  # "Porzucić zmiany?" when it closes

    from pal_desktop.services import indicator_links, indicators
    from pal_desktop.services.programmes import active_programme
    from pal_desktop.ui.dialogs.target_dialog import TargetDialog
    from tests.ui.typing import replace_text

    [first, *_] = indicators.indicator_values(app_db, active_programme(app_db).id).indicators
    dialog = TargetDialog(app_db, first.id, first.name, first.unit, "—")
    qtbot.addWidget(dialog)
    dialog.show()
    links = indicator_links.indicator_links(app_db, first.id)  # another PC sets the target to 40 meanwhile
    indicator_links.set_indicator_links(app_db, first.id, links.goal_item_id, links.result_id, target=Decimal(40),
                                        expected_version=links.version)
    replace_text(qtbot, dialog.target_edit, "25")
    assert not dialog.save()
    assert "wartość docelowa teraz: 40" in dialog.general_error.text() + " ".join(map(str, shown_errors))
    assert indicators.indicator_values(app_db, active_programme(app_db).id).indicators[0].target == Decimal(40)
