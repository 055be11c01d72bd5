"""What the parts of the main window share: for the type checker, the window's attributes and
the methods one part calls on another. At run time the parts are plain mixins of ``MainWindow``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QDialog,
        QLabel,
        QListWidget,
        QMainWindow,
        QMenu,
        QStackedWidget,
        QToolBar,
        QToolButton,
        QWidget,
    )

    from journal.gui.lock import ClipboardGuard, IdleLock
    from journal.gui.welcome import WelcomeScreen
    from journal.gui.worker import BackgroundTask

    _QtBase = QMainWindow
else:
    _QtBase = object


class ShellBase(_QtBase):
    if TYPE_CHECKING:
        settings: Any
        locked: Any  # Signal()
        journal: Any
        views: dict[str, QWidget]
        _nav_keys: list[str]
        _nav_titles: dict[str, Callable[[], str]]
        _signs_count: int | None
        _quitting: bool
        offer_drafts_on_unlock: bool
        changeApplied: Any  # Signal()
        _stale: set[str]
        _view_specs: dict[str, Any]
        _chain_seen: tuple[int, str] | None
        _signs_outcome: Any
        _signs_task: BackgroundTask | None
        _signs_again: bool
        _precheck_task: BackgroundTask | None
        _overview_signs: Any
        _closers: list[BackgroundTask]
        idle: IdleLock
        clipboard_guard: ClipboardGuard
        _refresh_timer: QTimer
        stack: QStackedWidget
        welcome: WelcomeScreen
        workspace: QWidget | None
        status_label: QLabel
        demo_banner: QLabel
        nav: QListWidget
        pages: QStackedWidget
        toolbar: QToolBar
        new_button: QToolButton
        menu_view: QMenu
        act_lock: QAction
        act_backups: QAction
        act_new: QAction
        act_import: QAction
        act_trash: QAction
        read_only_bar: QToolBar
        act_passphrase: QAction
        act_integrity: QAction
        kind_actions: dict[str, QAction]
        view_actions: dict[str, QAction]

        def lock(self, show_unlock: bool = True) -> None: ...
        def retranslate(self) -> None: ...
        def _retranslate_nav(self) -> None: ...
        def _update_status(self) -> None: ...
        def _set_unlocked_ui(self, unlocked: bool) -> None: ...
        def _build_workspace(self) -> None: ...
        def view(self, key: str) -> QWidget | None: ...
        def is_read_only(self) -> bool: ...
        def _evaluate_signs(self, after_paint: bool = False) -> None: ...
        def _cancel_signs(self) -> None: ...
        def _signs_view_evaluated(self) -> None: ...
        def _give_overview_signs(self, overview: QWidget) -> None: ...
        def _journal_changed(self) -> None: ...
        def _timeline_changed_journal(self) -> None: ...
        def _apply_write_state(self) -> None: ...
        def _teardown_workspace(self) -> None: ...
        def _close_dialogs(self) -> None: ...
        def current_view(self) -> str | None: ...
        def show_view(self, key: str) -> bool: ...
        def show_entry(self, entry_id: str) -> None: ...
        def new_entry(self, kind: str) -> None: ...
        def refresh_views(self) -> None: ...
        def open_settings(self) -> None: ...
        def change_passphrase(self) -> None: ...
        def check_integrity(self) -> None: ...
        def focus_search(self) -> None: ...
        def show_help(self) -> None: ...
        def show_about(self) -> None: ...
        def open_import(self) -> None: ...
        def open_import_screenshots(self) -> None: ...
        def open_trash(self) -> None: ...
        def open_backups(self) -> None: ...
        def _run_journal_dialog(self, journal: Any, make: Callable[[], QDialog]) -> None: ...
