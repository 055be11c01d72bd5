"""The small exception hierarchy of the core.

Every error carries a message key and parameters so that each face (CLI, window, PDF) can show
it in the user's language with :func:`journal.core.i18n.message`. ``str(error)`` gives English.
Messages never contain journal content beyond what the user just typed as an argument.
"""

from __future__ import annotations

from typing import Any


class JournalError(Exception):
    """Base class. ``key`` names a message in :mod:`journal.core.i18n`; ``exit_code`` is the CLI's."""

    exit_code = 1
    key = "error.generic"

    def __init__(self, key: str | None = None, *, field: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.field = field  # the input field at fault, for the editor to show the message beside it
        self.params = params
        super().__init__(self.key)

    def message(self, lang: str = "en") -> str:
        from journal.core.i18n import message

        return message(self.key, lang, **self.params)

    def __str__(self) -> str:  # English, for logs and developers; no content beyond params
        return self.message("en")


class InputError(JournalError):
    """Bad input from the user: nothing was changed."""

    key = "error.input"


class NotFoundError(InputError):
    key = "error.not_found"


class WrongPassphraseError(JournalError):
    exit_code = 3
    key = "error.wrong_passphrase"


class NotAJournalError(JournalError):
    """The file is not a journal, or it is damaged beyond opening."""

    exit_code = 4
    key = "error.not_a_journal"


class ImportFormatError(InputError):
    key = "error.import_format"


class ExportError(JournalError):
    key = "error.export"
