"""What the user sees of running operations: a status-bar strip, or a window-modal dialog for blocking work.

The strip (title, a bar, *Przerwij*, and how many wait) keeps its size while hidden, so nothing in the status
bar shifts when work starts. An operation marked ``modal`` (a restore, an import) shows a progress dialog over
the window instead, after a short delay so that quick work does not flash one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from pal_desktop.ui.operations import Operation, OperationRunner

MODAL_DELAY_MS = 400


class OperationProgress(QWidget):
    """Follows an :class:`OperationRunner` and shows the running operation with its Cancel."""

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.current: Operation | None = None
        self.dialog: QProgressDialog | None = None
        self.setAccessibleName(self.tr("Postęp pracy w tle"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setFixedWidth(220)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(120)
        self.bar.setAccessibleName(self.tr("Postęp"))
        self.cancel_button = QPushButton(self.tr("Przerwij"), self)
        self.cancel_button.setAccessibleName(self.tr("Przerwij pracę w tle"))
        self.cancel_button.clicked.connect(self.cancel_current)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        self.setVisible(False)
        runner.sig_started.connect(self._on_started)
        runner.sig_progress.connect(self._on_progress)
        runner.sig_finished.connect(self._on_finished)

    def cancel_current(self) -> None:
        if self.current is not None:
            self.current.cancel()
            self.label.setText(self.tr("Przerywanie: {title}…").format(title=self.current.title))
            self.cancel_button.setEnabled(False)

    def _on_started(self, operation: Operation) -> None:
        self.current = operation
        if operation.modal:
            self._open_dialog(operation)
            return
        waiting = operation.queued_behind
        text = operation.title if waiting <= 0 else self.tr("{title} (w kolejce: {count})").format(
            title=operation.title, count=waiting)
        self.label.setText(text)
        self.label.setToolTip(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(operation.cancellable)
        self.setVisible(True)

    def _on_progress(self, operation: Operation) -> None:
        if operation is not self.current:
            return
        if self.dialog is not None:
            self.dialog.setMaximum(max(operation.total, 0))
            self.dialog.setValue(min(operation.done, operation.total) if operation.total else 0)
            return
        if operation.total:
            self.bar.setRange(0, operation.total)
            self.bar.setValue(min(operation.done, operation.total))
        else:
            self.bar.setRange(0, 0)

    def _on_finished(self, operation: Operation) -> None:
        if operation is not self.current:
            return
        self.current = None
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        if self.runner.idle():
            self.setVisible(False)

    def _open_dialog(self, operation: Operation) -> None:
        # Over the window the user works in (an import dialog, say), so that it too waits.
        parent = QApplication.activeWindow() or self.window()
        dialog = QProgressDialog(operation.title, self.tr("Przerwij") if operation.cancellable else "", 0, 0, parent)
        dialog.setWindowTitle(self.tr("Proszę czekać"))
        dialog.setAccessibleName(operation.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(MODAL_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not operation.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(operation.cancel)
        self.dialog = dialog
        # Shown by the delay above even if the work never reports progress.
        QTimer.singleShot(MODAL_DELAY_MS, lambda: self.dialog is dialog and dialog.setValue(0))
