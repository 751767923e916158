"""Errors a user can cause. Each carries one line for the user and, where known, the place."""

from __future__ import annotations


class BoardroomError(Exception):
    """A problem the user can fix; the faces show `str(error)` and nothing more."""

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ValidationProblem(BoardroomError):
    """Input (a file, a flag, a form field) that does not fit the model."""


class NotFound(BoardroomError):
    """A named thing (member, theme, meeting) that the board does not have."""


class Conflict(BoardroomError):
    """A write that would break a rule of the record (a duplicate name, a reused number)."""


class PermissionDenied(BoardroomError):
    """The current user's roles do not allow this."""


class StorageProblem(BoardroomError):
    """The database cannot be opened, written, or is of another version."""
