"""What the Gantt chart writes about tasks and events: dates, the progress label and the tooltips.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from pal_desktop.services.schedule import EventMark, TaskBar


def date_text(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")



def progress_text(task: TaskBar) -> str:
    """"odbyte/planowane", or a dash when the task has no events planned."""
    return f"{task.held}/{task.planned}" if task.planned or task.held else "—"


def task_tooltip(task: TaskBar) -> str:
    lines = [f"<b>{task.position}. {_html(task.name)}</b>"]
    if task.description:
        lines.append(_html(task.description))
    if task.is_milestone:
        kind = QCoreApplication.translate("GanttView", "Kamień milowy")
    else:
        kind = QCoreApplication.translate("GanttView", "Okres")
    lines.append(f"{kind}: {task.period}")
    if not task.is_milestone:
        lines.append(QCoreApplication.translate("GanttView", "Upłynęło czasu: {percent} %").format(
            percent=round(task.time_progress * 100)))
    if task.planned or task.held:
        lines.append(QCoreApplication.translate(
            "GanttView", "Wydarzenia: odbyło się {held} z {planned} planowanych").format(
            held=task.held, planned=task.planned))
    if task.behind:
        late = QCoreApplication.translate(
            "GanttView", "Zaległe wydarzenia: {count} — zaplanowane przed dziś, nadal mają status „planowane”. "
                         "Uzupełnij ich status w zakładce Wydarzenia.")
        lines.append(f"<span style='color:#c62828'><b>{late.format(count=task.overdue)}</b></span>")
    return "<br>".join(lines)


def event_tooltip(mark: EventMark) -> str:
    when = date_text(mark.date) + (f", {mark.hours}" if mark.hours else "")
    lines = [f"<b>{_html(mark.title)}</b>", when]
    if mark.type_name:
        lines.append(QCoreApplication.translate("GanttView", "Rodzaj: {type}").format(type=_html(mark.type_name)))
    if mark.place:
        lines.append(QCoreApplication.translate("GanttView", "Miejsce: {place}").format(place=_html(mark.place)))
    status = QCoreApplication.translate("GanttView", "Status: {status}").format(
        status=QCoreApplication.translate("Enums", mark.status_label))
    if mark.overdue:
        late = QCoreApplication.translate("GanttView", "zaległe")
        status = f"<span style='color:#c62828'><b>{status} — {late}</b></span>"
    lines.append(status)
    return "<br>".join(lines)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
