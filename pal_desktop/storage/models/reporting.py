"""What the office writes for a report and what it printed: the narrative drafts and the printed versions.

A printed version keeps the figures and texts exactly as printed (JSON), so that it can be printed again a
month later identically although the records have moved on since.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pal_desktop.storage.models.base import Audited, Base


class ReportDraft(Audited, Base):
    """The staff's texts for a programme's report of one kind ("final"): assessments, conclusions..."""

    __tablename__ = "report_draft"
    __table_args__ = (UniqueConstraint("programme_id", "kind"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    #: JSON object: {"goal:main": text, "goal:<item id>": text, "result:<indicator id>": text,
    #: "conclusions": text, "recommendations": text}.
    narratives: Mapped[str] = mapped_column(Text, default="{}")


class ReportVersion(Audited, Base):
    """One printed report: its number within the programme and kind, period, who printed it and what."""

    __tablename__ = "report_version"
    __table_args__ = (UniqueConstraint("programme_id", "kind", "number"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[int] = mapped_column(Integer)
    date_from: Mapped[dt.date] = mapped_column(Date)
    date_to: Mapped[dt.date] = mapped_column(Date)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    printed_by: Mapped[str] = mapped_column(String(64))
    suppressed: Mapped[bool] = mapped_column(Boolean(create_constraint=True, name="report_suppressed"), default=True)
    #: The figures as printed (suppressed cells as "<3" / "*"), enough to render the PDF again.
    figures: Mapped[str] = mapped_column(Text)
    narratives: Mapped[str] = mapped_column(Text, default="{}")
