"""Every modal question and file dialog goes through here, so tests can answer them.

Tests queue answers with :func:`set_next_answer` / :func:`set_next_file` (like KeePassXC's
``MessageBox::setNextAnswer``) instead of monkeypatching Qt; a dialog that is reached with an
answer queued returns it without showing anything.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from journal.core.errors import JournalError
from journal.gui.qtsetup import current_lang

log = logging.getLogger(__name__)

_answers: deque[Any] = deque()
_files: deque[str] = deque()
shown: list[tuple[str, str]] = []  # (kind, text) of every message shown — tests read it


def set_next_answer(answer: Any) -> None:
    """Queue the answer for the next question/information dialog (True/False or a button)."""
    _answers.append(answer)


def set_next_file(path: str) -> None:
    """Queue the path the next file dialog returns ("" = cancelled)."""
    _files.append(path)


def reset() -> None:
    _answers.clear()
    _files.clear()
    shown.clear()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    shown.append(("info", text))
    if _answers:
        _answers.popleft()
        return
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    shown.append(("warning", text))
    if _answers:
        _answers.popleft()
        return
    QMessageBox.warning(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A yes/no question; returns True for yes."""
    shown.append(("question", text))
    if _answers:
        return bool(_answers.popleft())
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    result = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, default,
    )
    return result == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    """A short dialog in the user's language; the stack trace goes to the log only."""
    if isinstance(error, JournalError):
        text = error.message(current_lang())
        log.info("user-facing error: %s", error.key)
    else:
        from journal.core.logsetup import describe_exception

        log.error("unexpected error: %s", describe_exception(error))  # never the message: content
        text = _tr("Something went wrong. Nothing was changed. Details are in the log file.")
    warn(parent, title or _tr("Incident Journal"), text)


def open_file(parent: QWidget | None, title: str, filter: str = "", directory: str = "") -> str:
    if _files:
        return _files.popleft()
    path, _ = QFileDialog.getOpenFileName(parent, title, directory, filter)
    return path


def open_files(parent: QWidget | None, title: str, filter: str = "", directory: str = "") -> list[str]:
    if _files:
        value = _files.popleft()
        return [p for p in value.split("\n") if p]
    paths, _ = QFileDialog.getOpenFileNames(parent, title, directory, filter)
    return list(paths)


def save_file(parent: QWidget | None, title: str, suggested: str = "", filter: str = "") -> str:
    if _files:
        return _files.popleft()
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter)
    return path


def choose_directory(parent: QWidget | None, title: str, directory: str = "") -> str:
    if _files:
        return _files.popleft()
    return QFileDialog.getExistingDirectory(parent, title, directory)
