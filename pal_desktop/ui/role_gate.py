"""What the signed-in role may not do is not offered: the tabs' and the participant page's buttons and actions
are kept disabled, with the reason as their tooltip, whatever the screen's own logic enables (a selection
enables "Usuń"; for a *podgląd* it stays off). The services refuse the same regardless; this is the offer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QWidget

from pal_desktop.actor import current_actor
from pal_desktop.domain.permissions import Permission

_REGISTRY = Permission.EDIT_REGISTRY
#: Object name → the permission its button or action needs.
GATED = {
    # Uczestnicy, Animatorzy, Wolontariusze, Wydarzenia
    "newParticipantButton": _REGISTRY, "importButton": _REGISTRY, "printCardButton": Permission.PRINT_PERSONAL,
    "exportButton": Permission.EXPORT, "newAnimatorButton": _REGISTRY, "deleteAnimatorButton": _REGISTRY,
    "newInitiativeButton": _REGISTRY, "newVolunteerButton": _REGISTRY, "deleteVolunteerButton": _REGISTRY,
    "newAgreementButton": _REGISTRY, "addHoursButton": _REGISTRY, "hoursSummaryButton": Permission.PRINT_PERSONAL,
    "galaButton": Permission.PRINT_PERSONAL, "thanksButton": Permission.PRINT_PERSONAL,
    "documentsButton": Permission.PRINT_PERSONAL, "showFullPesel": Permission.FULL_PESEL,
    "newEventButton": _REGISTRY, "deleteEventButton": _REGISTRY, "enrolButton": _REGISTRY,
    "attendanceButton": _REGISTRY, "staffButton": _REGISTRY, "loadScansButton": _REGISTRY,
    "eventTypesButton": _REGISTRY, "printListButton": Permission.PRINT_PERSONAL,
    # Harmonogram and Raporty
    "addTaskAction": Permission.PROGRAMME, "addMilestoneAction": Permission.PROGRAMME,
    "deleteTaskAction": Permission.PROGRAMME, "icsAction": Permission.EXPORT,
    "printScheduleButton": Permission.REPORTS, "programmeCardButton": Permission.REPORTS,
    "periodicReportButton": Permission.REPORTS, "finalReportButton": Permission.REPORTS,
    # The participant's page
    "editButton": _REGISTRY, "addSupportButton": _REGISTRY, "removeSupportButton": _REGISTRY,
    "saveAsPlannedButton": _REGISTRY, "addInternshipButton": _REGISTRY, "removeInternshipButton": _REGISTRY,
    "internshipMonthButton": _REGISTRY, "fillDocumentsButton": _REGISTRY, "createHouseholdButton": _REGISTRY,
    "addFamilyMemberButton": _REGISTRY, "addParticipantMemberButton": _REGISTRY,
    "removeMemberButton": _REGISTRY, "addCashButton": Permission.CASH, "editCashButton": Permission.CASH,
    "removeCashButton": Permission.CASH, "exportCashAction": Permission.CASH,
    "internshipCertificateButton": Permission.PRINT_PERSONAL, "internshipOpinionButton": Permission.PRINT_PERSONAL,
    "stipendRuleButton": Permission.PROGRAMME,
}


def refusal_tip(permission: Permission) -> str:
    from pal_desktop.ui.account_actions import refusal_tip as tip

    return tip(permission)


class RoleGate(QObject):
    """Watches the gated buttons and actions under ``root``; ``refresh`` after a sign-in applies a new role."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.buttons = [(button, GATED[button.objectName()]) for button in root.findChildren(QAbstractButton)
                        if button.objectName() in GATED]
        self.actions = [(action, GATED[action.objectName()]) for action in root.findChildren(QAction)
                        if action.objectName() in GATED]
        self._tips: dict[int, str] = {}
        for button, _permission in self.buttons:
            button.installEventFilter(self)
        for action, permission in self.actions:
            action.changed.connect(lambda a=action, p=permission: self._hold(a, p))
        self.refresh()

    def refresh(self) -> None:
        for widget, permission in self.buttons + self.actions:
            self._hold(widget, permission)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.EnabledChange:
            permission = GATED.get(watched.objectName())
            if permission is not None:
                self._hold(watched, permission)
        return False

    def _hold(self, widget, permission: Permission) -> None:
        if current_actor.principal().may(permission):
            if id(widget) in self._tips:  # allowed again (another account signed in)
                widget.setToolTip(self._tips.pop(id(widget)))
            return
        if id(widget) not in self._tips:
            self._tips[id(widget)] = widget.toolTip()
        tip = refusal_tip(permission)
        if widget.toolTip() != tip:
            widget.setToolTip(tip)
        if widget.isEnabled():
            widget.setEnabled(False)


__all__ = ["GATED", "RoleGate"]
