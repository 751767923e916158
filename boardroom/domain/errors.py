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


class StaleEdit(Conflict):
    """Someone else changed the row after this user began to edit it (optimistic concurrency).
    Carries who and when (UTC ISO text), and the message in the reader's language (made by
    boardroom.i18n.record.stale_message: the domain knows no language)."""

    def __init__(self, actor: str, at: str, message: str) -> None:
        self.actor = actor
        self.at = at
        super().__init__(message)
