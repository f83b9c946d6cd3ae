"""The first start: the office's name, address and logos asked for once, before the first document prints.

Documents print the office's block from the settings (else from the programme's implementer); an office
that never opened the settings would hand people papers with someone else's data. So, once per PC, a
person allowed to change the settings is shown the settings dialog with a word of welcome.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pal_desktop.domain.permissions import Permission
from pal_desktop.services import organisation
from pal_desktop.services.access_control import may
from pal_desktop.ui import preferences

OFFERED = "officeSetupOffered"


def needs_office_data(db) -> bool:
    return not organisation.get_organisation(db).name.strip()


def offer_office_setup(window, db) -> bool:
    """Open the settings with a welcome when the office's name is empty and it was never offered here;
    True when opened."""
    if preferences.flag(OFFERED, per_user=False) or not may(Permission.SETTINGS) or not needs_office_data(db):
        return False
    preferences.set_value(OFFERED, True, per_user=False)
    window.open_settings()
    dialog = getattr(window, "settings_dialog", None)
    if dialog is not None:
        dialog.show_welcome(QCoreApplication.translate(
            "FirstStart", "Witamy w PAL Desktop! Wpisz nazwę i adres ośrodka oraz dodaj logo: pojawią się na "
                          "każdym dokumencie (listach obecności, porozumieniach, sprawozdaniach). Ustawienia "
                          "zmienisz później w menu Plik → Ustawienia…"))
    return dialog is not None
