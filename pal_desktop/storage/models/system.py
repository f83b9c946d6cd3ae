"""The application's own records: users, organisation settings and the audit log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pal_desktop.domain.enums import UserRole
from pal_desktop.storage.models.base import Audited, Base, enum_column, utcnow
from pal_desktop.storage.models.people import flag


class User(Audited, Base):
    __tablename__ = "app_user"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole, "user_role"), default=UserRole.STAFF)
    active: Mapped[bool] = flag("user_active", default=True)
    show_full_pesel: Mapped[bool] = flag("show_full_pesel")
    #: A *pracownik* sees cash assistance only with this separate permission.
    cash_permission: Mapped[bool] = flag("user_cash")
    must_change_password: Mapped[bool] = flag("user_must_change")
    #: Failed sign-ins in a row; each one makes the next attempt wait longer (services.sign_in).
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Setting(Audited, Base):
    """One organisation-wide setting, shared by every PC that uses the database."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")


class LogoImage(Audited, Base):
    """A logo for the document header strip (funders' signs; at most four are printed in one line)."""

    __tablename__ = "logo_image"

    position: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    content: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEntry(Base):
    """Who changed, viewed, printed or exported what and when; append-only and hash-chained
    (pal_desktop.storage.audit_chain), with triggers refusing UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[str] = mapped_column(Text, default="")
    #: The participants concerned, as ",12,45," (empty when none or not a person's record).
    subject_ids: Mapped[str] = mapped_column(Text, default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    #: SHA-256 of ``changes`` as first written: the hash covers it, so masking the values keeps the chain.
    changes_digest: Mapped[str] = mapped_column(String(64), default="", server_default="")
    #: When an anonymisation masked the values in ``changes`` (None: the entry is as written).
    redacted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
