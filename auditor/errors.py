"""One error hierarchy for the engine.

The engine raises these; the command line and the desktop app turn each into one clear
sentence for a person (``str(error)``) and, on the command line, an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass


class AuditorError(Exception):
    """Base of every error the engine raises on purpose."""

    exit_code = 1


class UsageError(AuditorError):
    """The command was called the wrong way (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell, row or file of an import."""

    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


class InputError(AuditorError):
    """Input data is invalid; nothing was written (exit code 3)."""

    exit_code = 3

    def __init__(self, source: str, problems: list[Problem], total: int | None = None):
        self.source = source
        self.problems = problems
        self.total = count = max(total or 0, len(problems))
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{source}: {count} {noun}, nothing was imported.")


class ProjectError(AuditorError):
    """The project file cannot be used (exit code 4)."""

    exit_code = 4


class ProjectMissing(ProjectError):
    pass


class NotAProject(ProjectError):
    pass


class ProjectCorrupt(ProjectError):
    pass


class ProjectLocked(ProjectError):
    pass


class ProjectTooNew(ProjectError):
    pass


class Cancelled(AuditorError):
    """The person cancelled a long task; nothing was changed."""
