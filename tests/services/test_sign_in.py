"""Signing in: the first administrator, wrong passwords and the growing pause, disabled accounts, the log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from pal_desktop.actor import current_actor
from pal_desktop.domain.enums import UserRole
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import PermissionDeniedError, SignInError, ValidationError
from pal_desktop.services import sign_in, users
from pal_desktop.services.access_control import may
from pal_desktop.storage.models import AuditEntry, User

T0 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def admin(db):
    users.create_first_administrator(db, "admin", "Anna Administratorka", "Tajne-haslo-1")
    return db


def _log(db, action):
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_the_first_account_is_the_administrator_and_only_once(db):
    assert not users.has_accounts(db)
    with pytest.raises(ValidationError, match="administratora"):
        users.create_user(db, "ala", "", "dlugiehaslo", UserRole.STAFF)
    first = users.create_first_administrator(db, "Admin", "Anna", "Tajne-haslo-1")
    assert first.role is UserRole.ADMIN and users.has_accounts(db)
    with pytest.raises(ValidationError, match="są już konta"):
        users.create_first_administrator(db, "drugi", "", "Tajne-haslo-2")


def test_signing_in_sets_who_acts_and_logs_it(admin):
    signed = sign_in.sign_in(admin, "ADMIN ", "Tajne-haslo-1", now=T0)
    assert current_actor.get() == "admin" and signed.principal.role is UserRole.ADMIN
    assert may(Permission.USERS)
    [entry] = _log(admin, "sign_in")
    assert entry.actor == "admin" and entry.record_id == signed.user.id


def test_a_wrong_password_says_nothing_about_which_part_and_is_logged(admin):
    with pytest.raises(SignInError, match="Nieprawidłowy login lub hasło") as wrong:
        sign_in.sign_in(admin, "admin", "zle-haslo", now=T0)
    with pytest.raises(SignInError) as unknown:
        sign_in.sign_in(admin, "nikt", "Tajne-haslo-1", now=T0)
    assert str(wrong.value) == str(unknown.value)
    assert [e.actor for e in _log(admin, "sign_in_failed")] == ["admin", "nikt"]
    assert current_actor.principal().unrestricted  # nobody signed in


def test_twenty_wrong_passwords_make_the_next_attempts_wait_longer(admin):
    now = T0
    waits = []
    for _ in range(20):
        try:
            sign_in.check_credentials(admin, "admin", "zle-haslo", now=now)
        except SignInError as error:
            waits.append(error.params.get("seconds", 0))
        now += dt.timedelta(seconds=sign_in.LONGEST_PAUSE_S + 1)  # each attempt after its pause
    with admin.reading() as session:
        assert session.scalar(select(User.failed_sign_ins)) == 20
    # Right password, but too soon after the 20th failure: refused without checking it.
    just_after = now - dt.timedelta(seconds=sign_in.LONGEST_PAUSE_S)
    with pytest.raises(SignInError, match="Spróbuj ponownie za 299 s"):
        sign_in.check_credentials(admin, "admin", "Tajne-haslo-1", now=just_after)
    assert [sign_in.pause_after(n) for n in (1, 2, 3, 4, 5, 9, 20)] == [0, 0, 5, 10, 20, 300, 300]
    signed = sign_in.sign_in(admin, "admin", "Tajne-haslo-1", now=now)
    assert signed.user.login == "admin"
    with admin.reading() as session:
        assert session.scalar(select(User.failed_sign_ins)) == 0


def test_a_disabled_account_cannot_sign_in(admin):
    sign_in.sign_in(admin, "admin", "Tajne-haslo-1")
    users.create_user(admin, "jan", "Jan Nowak", "haslo-jana-1", UserRole.STAFF)
    users.update_user(admin, "jan", active=False)
    with pytest.raises(SignInError, match="wyłączone"):
        sign_in.check_credentials(admin, "jan", "haslo-jana-1")


def test_the_last_administrator_cannot_be_disabled_or_demoted(admin):
    sign_in.sign_in(admin, "admin", "Tajne-haslo-1")
    with pytest.raises(ValidationError, match="jedyny czynny administrator"):
        users.update_user(admin, "admin", active=False)
    with pytest.raises(ValidationError, match="jedyny czynny administrator"):
        users.update_user(admin, "admin", role=UserRole.STAFF)


def test_only_an_administrator_manages_accounts(admin, act_as):
    act_as(UserRole.COORDINATOR)
    with pytest.raises(PermissionDeniedError, match="zarządzanie kontami"):
        users.create_user(admin, "ola", "", "haslo-oli-12", UserRole.STAFF)
    with pytest.raises(PermissionDeniedError):
        users.list_users(admin)
    with pytest.raises(PermissionDeniedError):
        users.reset_password(admin, "admin", "nowe-haslo-1")


def test_a_reset_password_must_be_changed_and_the_old_one_is_asked_for(admin):
    sign_in.sign_in(admin, "admin", "Tajne-haslo-1")
    users.create_user(admin, "jan", "Jan Nowak", "haslo-jana-1", UserRole.STAFF)
    users.reset_password(admin, "jan", "tymczasowe-1")
    signed = sign_in.sign_in(admin, "jan", "tymczasowe-1")
    assert signed.must_change_password and not signed.principal.may(Permission.USERS)
    with pytest.raises(SignInError):
        sign_in.change_own_password(admin, "zle-haslo", "nowe-haslo-jana")
    with pytest.raises(ValidationError, match="Powtórz hasło"):
        sign_in.change_own_password(admin, "tymczasowe-1", "nowe-haslo-jana", "inne")
    sign_in.change_own_password(admin, "tymczasowe-1", "nowe-haslo-jana", "nowe-haslo-jana")
    assert not sign_in.check_credentials(admin, "jan", "nowe-haslo-jana").must_change_password


def test_after_sign_out_every_service_refuses(admin):
    from pal_desktop.services import participants

    sign_in.sign_in(admin, "admin", "Tajne-haslo-1")
    sign_in.sign_out(admin)
    with pytest.raises(PermissionDeniedError):
        participants.create_participant(admin, participants.ParticipantInput(first_name="Jan", last_name="Nowak"))
    assert _log(admin, "sign_out")[0].actor == "admin"
