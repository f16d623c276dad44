"""One error hierarchy; the CLI turns it into messages and exit codes in one place."""

from collections.abc import Sequence


class RelataError(Exception):
    """Something relata cannot do, with a message meant for the user."""


class DataFileError(RelataError):
    """Problems found when one of relata's word files was loaded, each naming its file and
    line; `what` names the file's kind in the message."""

    what = "a data file"

    def __init__(self, problems: Sequence[object]):
        self.problems = list(problems)
        super().__init__(f"problems in {self.what}:\n  " + "\n  ".join(
            map(str, self.problems)))


class StageError(RelataError):
    def __init__(self, stage: str, origin: str, cause: BaseException):
        self.stage, self.origin, self.cause = stage, origin, cause
        super().__init__(f"{origin}: stage {stage!r} failed: {type(cause).__name__}: {cause}")


class StoreError(RelataError):
    """The database cannot be opened or used as asked. The message names the file; `reason`
    says what is wrong without naming it, for those who should not see where it lies (the
    clients of the HTTP API)."""

    def __init__(self, message: str, reason: str = "the database cannot be opened"):
        super().__init__(message)
        self.reason = reason


class StoreBusyError(StoreError):
    """Another process has the database open: DuckDB lets one process write a file, and no
    other open it meanwhile."""


class EvaluationError(RelataError, ValueError):
    """An evaluation that cannot give a figure: no documents, no gold in them, or gold that
    cannot be read (a ValueError too, as a malformed gold line always was)."""
