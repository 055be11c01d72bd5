"""Every modal question and file dialog goes through here, so tests can answer them.

Tests queue answers with :func:`set_next_answer` / :func:`set_next_file` (like KeePassXC's
``MessageBox::setNextAnswer``) instead of monkeypatching Qt; a dialog that is reached with an
answer queued returns it without showing anything. Tests that want to see the messages shown
register a callback with :func:`observe`; this module itself keeps no message text.

File dialogs are Qt's own (never the desktop's), so no desktop "recently used" list learns the
names of attachments or exports, and they are pointed back at the home folder before they are
closed, so that Qt's remembered folder and history say nothing either.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from journal.core.errors import JournalError
from journal.core.i18n import message, register
from journal.gui.qtsetup import current_lang

log = logging.getLogger(__name__)

register({
    "dialogs.look_in": {"en": "Look in:", "zh": "查找范围："},
    "dialogs.file_type": {"en": "Files of type:", "zh": "文件类型："},
})

_answers: deque[Any] = deque()
_files: deque[str] = deque()
_observer: list[Callable[[str, str], None]] = []  # test seam: at most one, see observe()


def set_next_answer(answer: Any) -> None:
    """Queue the answer for the next question/information dialog (True/False or a button)."""
    _answers.append(answer)


def set_next_file(path: str) -> None:
    """Queue the path the next file dialog returns ("" = cancelled)."""
    _files.append(path)


def observe(callback: Callable[[str, str], None] | None) -> None:
    """Have ``callback(kind, text)`` called for every message shown (tests); None stops it.
    Nothing is kept here: what the callback does with the text is the test's business."""
    _observer.clear()
    if callback is not None:
        _observer.append(callback)


def reset() -> None:
    _answers.clear()
    _files.clear()


def _shown(kind: str, text: str) -> None:
    for callback in _observer:
        callback(kind, text)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _shown("info", text)
    if _answers:
        _answers.popleft()
        return
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _shown("warning", text)
    if _answers:
        _answers.popleft()
        return
    QMessageBox.warning(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A yes/no question; returns True for yes."""
    _shown("question", text)
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


def file_dialog(parent: QWidget | None, title: str, directory: str = "", filter: str = "",
                mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
                save: bool = False) -> QFileDialog:
    """Qt's own file dialog (not the desktop's, which records "recently used" files)."""
    dlg = QFileDialog(parent, title, directory, filter)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # two labels Qt's own Chinese catalogue leaves in English
    lang = current_lang()
    dlg.setLabelText(QFileDialog.DialogLabel.LookIn, message("dialogs.look_in", lang))
    dlg.setLabelText(QFileDialog.DialogLabel.FileType, message("dialogs.file_type", lang))
    dlg.setFileMode(mode)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == QFileDialog.FileMode.Directory:
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dlg


def forget(dlg: QFileDialog) -> None:
    """Leave nothing for Qt to remember of this dialog: no history, the home folder as the
    last one visited (Qt saves both when a dialog is closed)."""
    dlg.setDirectory(QDir.homePath())
    dlg.setHistory([])
    dlg.deleteLater()


def _run(dlg: QFileDialog) -> list[str]:
    try:
        accepted = dlg.exec() == QDialog.DialogCode.Accepted
        return list(dlg.selectedFiles()) if accepted else []
    finally:
        forget(dlg)


def open_file(parent: QWidget | None, title: str, filter: str = "", directory: str = "") -> str:
    if _files:
        return _files.popleft()
    chosen = _run(file_dialog(parent, title, directory, filter))
    return chosen[0] if chosen else ""


def open_files(parent: QWidget | None, title: str, filter: str = "", directory: str = "") -> list[str]:
    if _files:
        value = _files.popleft()
        return [p for p in value.split("\n") if p]
    return _run(file_dialog(parent, title, directory, filter,
                            mode=QFileDialog.FileMode.ExistingFiles))


def save_file(parent: QWidget | None, title: str, suggested: str = "", filter: str = "") -> str:
    if _files:
        return _files.popleft()
    chosen = _run(file_dialog(parent, title, suggested, filter,
                              mode=QFileDialog.FileMode.AnyFile, save=True))
    return chosen[0] if chosen else ""


def choose_directory(parent: QWidget | None, title: str, directory: str = "") -> str:
    if _files:
        return _files.popleft()
    chosen = _run(file_dialog(parent, title, directory, mode=QFileDialog.FileMode.Directory))
    return chosen[0] if chosen else ""
