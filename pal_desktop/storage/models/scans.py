"""Signed attendance lists as scanned: the evidence an auditor of an EU project asks for, kept with events.

A page is stored once (a series' monthly grid serves every session on it) and linked to each event it
records. The image lives in the database, so every backup carries it.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pal_desktop.storage.models.base import Audited, Base


class ScannedListPage(Audited, Base):
    __tablename__ = "scanned_list_page"

    #: The page's code as printed (which list, its version, page and rows).
    code: Mapped[str] = mapped_column(String(120))
    page: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    #: The file the page came from, and its page in it.
    source_name: Mapped[str] = mapped_column(String(260), default="")
    source_page: Mapped[int] = mapped_column(Integer, default=1)
    #: The page as a grey JPEG, and the SHA-256 of what was scanned (a page read twice is found by it).
    image: Mapped[bytes] = mapped_column(LargeBinary)
    mime_type: Mapped[str] = mapped_column(String(40), default="image/jpeg")
    sha256: Mapped[str] = mapped_column(String(64), index=True)


class ScannedListEvent(Audited, Base):
    """Which events a scanned page records."""

    __tablename__ = "scanned_list_event"
    __table_args__ = (UniqueConstraint("page_id", "event_id"),)

    page_id: Mapped[int] = mapped_column(ForeignKey("scanned_list_page.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
