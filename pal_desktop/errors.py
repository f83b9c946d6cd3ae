"""Errors a user can understand and act on (as opposed to bugs).

Every ``PalError`` carries a Polish message (the translation source text) with ``{placeholders}``, its
translation context, the values for the placeholders and, for validation errors, the name of the field.
The command line prints ``str(error)``; the UI translates ``error.message`` first.
"""

from __future__ import annotations

from typing import Any


class PalError(Exception):
    """A known, expected failure: bad input or a problem in the environment."""

    context = "Errors"

    def __init__(self, message: str, /, *, field: str | None = None, context: str | None = None,
                 **params: Any) -> None:
        self.message = message
        self.field = field
        self.params = params
        if context is not None:
            self.context = context
        super().__init__(self.text())

    def __reduce__(self):
        # Errors cross from the worker process pickled; rebuilt from their parts, not from the formatted text.
        return _rebuild, (type(self), self.message, self.field, self.context, self.params)

    def text(self, template: str | None = None) -> str:
        """The message with its placeholders filled; ``template`` may be a translation of it."""
        template = self.message if template is None else template
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template


def _rebuild(cls: type[PalError], message: str, field: str | None, context: str, params: dict) -> PalError:
    error = cls.__new__(cls)
    error.message, error.field, error.context, error.params = message, field, context, params
    Exception.__init__(error, error.text())
    return error


class ValidationError(PalError):
    """Input that breaks a rule; ``field`` names the field at fault."""

    context = "Validation"


class DatabaseError(PalError):
    """The database cannot be opened, read or written (wrong file, newer version, full disk...)."""

    context = "Database"


class DatabaseMissingError(DatabaseError):
    """The database's folder or file is not there (a pulled USB stick, a lost share): at start the window
    offers to try again, to choose another database or to open the default one."""


class NotFoundError(PalError):
    """A record asked for by its id does not exist."""


class ConflictError(PalError):
    """Somebody else changed the record in the meantime (optimistic locking)."""


class PermissionDeniedError(PalError):
    """The signed-in role may not do this (the service refuses; the window does not offer it)."""


class SignInError(PalError):
    """A sign-in was refused: wrong login or password, a disabled account, or a pause after failures."""
