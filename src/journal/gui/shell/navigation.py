"""The workspace of an open journal: the section list on the left, the views, the View menu and
the status line. Every view follows the protocol ``set_journal(journal_or_None)``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from journal.gui import qtsetup
from journal.gui.shell.base import ShellBase
from journal.gui.shell.registry import icon

if TYPE_CHECKING:
    from journal.gui.overview.view import OverviewView
    from journal.gui.people.view import PeopleView
    from journal.gui.signs.view import SignsView
    from journal.gui.timeline.view import TimelineView

log = logging.getLogger(__name__)


class ShellNavigation(ShellBase):
    def _build_workspace(self) -> None:
        from journal.gui.shell.views import VIEWS  # at unlock, not at start-up (see that module)

        self._teardown_workspace()
        workspace = QWidget()
        workspace.setObjectName("workspace")
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget#navigation { background: palette(window); padding: 6px; }"
                               " QListWidget#navigation::item { padding: 8px 10px; }")
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.views = {}
        self._nav_keys = []
        self._nav_titles = {}
        for spec in VIEWS:
            view = spec.cls()
            view.setObjectName(f"{spec.key}View")
            self.views[spec.key] = view
            self._nav_keys.append(spec.key)
            self._nav_titles[spec.key] = spec.title
            self.pages.addWidget(view)
            item = QListWidgetItem(self.nav)
            item.setIcon(icon(spec.icon))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
        timeline = cast("TimelineView", self.views["timeline"])
        timeline.copyText.connect(self.clipboard_guard.copy_text)
        timeline.journalChanged.connect(self._refresh_timer.start)
        timeline.countChanged.connect(lambda _n: self._update_status())
        overview = cast("OverviewView", self.views["overview"])
        overview.entryActivated.connect(self.show_entry)
        overview.copyText.connect(self.clipboard_guard.copy_text)
        cast("PeopleView", self.views["people"]).entryActivated.connect(self.show_entry)
        signs = cast("SignsView", self.views["signs"])
        signs.entryActivated.connect(self.show_entry)
        signs.signsChanged.connect(self._signs_changed)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.workspace = workspace
        self.stack.addWidget(workspace)
        self._build_view_menu()
        self._retranslate_nav()
        # The timeline first, so the first content appears at once; the other views get the
        # journal one per event-loop turn right after (each may read much of the journal).
        self._set_view_journal(timeline, self.journal)
        self._pending_views = [v for k, v in self.views.items() if k != "timeline"]
        if self.journal is not None:
            journal = self.journal
            QTimer.singleShot(0, lambda: self._attach_next_view(journal))

    def _attach_next_view(self, journal: Any) -> None:
        """Give the next waiting view the journal (unless it was locked or switched meanwhile)."""
        if self.journal is not journal or not self._pending_views:
            self._pending_views = []
            return
        view = self._pending_views.pop(0)
        self._set_view_journal(view, journal)
        if self._pending_views:
            QTimer.singleShot(0, lambda: self._attach_next_view(journal))

    def attach_all_views(self) -> None:
        """Give every waiting view the journal now (tests, or before showing one of them)."""
        journal = self.journal
        while self._pending_views and journal is not None:
            self._set_view_journal(self._pending_views.pop(0), journal)

    def _fit_nav_width(self) -> None:
        """Wide enough for the longest section name (with its count) in the current language:
        its text, icon, the item padding (2 × 10 px) and the list's (2 × 6 px), plus spacing."""
        metrics = self.nav.fontMetrics()
        texts = [self.nav.item(row).text() for row in range(self.nav.count())]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        width = max(170, widest + self.nav.iconSize().width() + 2 * 10 + 2 * 6 + 24)
        self.nav.setFixedWidth(width)

    def _build_view_menu(self) -> None:
        self.menu_view.clear()
        for a in self.view_actions.values():
            self.removeAction(a)
        self.view_actions = {}
        for n, key in enumerate(self._nav_keys, start=1):
            a = QAction(self)
            a.setObjectName(f"actView_{key}")
            a.setShortcut(QKeySequence(f"Alt+{n}"))
            a.triggered.connect(lambda _c=False, k=key: self.show_view(k))
            self.addAction(a)
            self.menu_view.addAction(a)
            self.view_actions[key] = a

    def _nav_text(self, key: str) -> str:
        title = self._nav_titles.get(key)
        text = title() if title is not None else key
        if key == "signs" and self._signs_count:
            count = self._signs_count  # full-width brackets in Chinese: 警示信号（11）
            text += f"（{count}）" if qtsetup.current_lang() == "zh" else f" ({count})"
        return text

    def _retranslate_nav(self) -> None:
        if self.workspace is None:
            return
        self.nav.setAccessibleName(self.tr("Sections"))
        for row, key in enumerate(self._nav_keys):
            item = self.nav.item(row)
            if item is not None:
                item.setText(self._nav_text(key))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self._nav_text(key))
            action = self.view_actions.get(key)
            if action is not None:
                action.setText(self._nav_text(key))
        self._fit_nav_width()

    def _teardown_workspace(self) -> None:
        if self.workspace is None:
            return
        pending = self._pending_views
        self._pending_views = []
        for view in self.views.values():
            if view not in pending:  # a view that never got the journal holds nothing
                self._set_view_journal(view, None)
        self.stack.removeWidget(self.workspace)
        self.workspace.hide()
        self.workspace.deleteLater()
        self.workspace = None
        self.views = {}
        self._nav_keys = []
        self._nav_titles = {}
        self._signs_count = None
        self.menu_view.clear()
        for a in self.view_actions.values():
            self.removeAction(a)
            a.deleteLater()
        self.view_actions = {}

    @staticmethod
    def _set_view_journal(view: QWidget, journal: Any) -> None:
        try:
            view.set_journal(journal)  # type: ignore[attr-defined]
        except Exception:
            log.exception("set_journal failed on %s", type(view).__name__)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self._nav_keys):
            view = self.views.get(self._nav_keys[row])
            if view in self._pending_views and self.journal is not None:
                self._pending_views.remove(view)
                self._set_view_journal(view, self.journal)
            self.pages.setCurrentIndex(row)

    def current_view(self) -> str | None:
        if self.workspace is None:
            return None
        row = self.nav.currentRow()
        return self._nav_keys[row] if 0 <= row < len(self._nav_keys) else None

    def show_view(self, key: str) -> bool:
        if self.workspace is None or key not in self._nav_keys:
            return False
        self.nav.setCurrentRow(self._nav_keys.index(key))
        return True

    def _signs_changed(self, count: int) -> None:
        self._signs_count = count
        self._retranslate_nav()
        overview, signs = self.views.get("overview"), self.views.get("signs")
        if overview is not None and signs is not None:  # (none while the window locks)
            cast("OverviewView", overview).set_signs(cast("SignsView", signs).results)

    def refresh_views(self) -> None:
        """Re-read the journal in every view (after a change)."""
        if self.journal is None:
            return
        pending = list(self._pending_views)
        self.attach_all_views()  # (set_journal reads everything, no refresh needed after it)
        for view in self.views.values():
            if view in pending:
                continue
            refresh = getattr(view, "refresh", None)
            if callable(refresh):
                try:
                    refresh()
                except Exception:
                    log.exception("refresh failed on %s", type(view).__name__)
        self._update_status()

    def _update_status(self) -> None:
        if self.journal is None or self.workspace is None:
            self.status_label.clear()
            return
        timeline = self.views.get("timeline")
        try:
            total = self.journal.count_entries()
        except Exception:  # noqa: BLE001 - the status line is not worth an error dialog
            total = timeline.model.rowCount() if timeline is not None else 0  # type: ignore[attr-defined]
        parts = [Path(self.journal.path).name,
                 self.tr("1 entry") if total == 1 else self.tr("{n} entries").format(n=f"{total:,}")]
        minutes = self.settings.autolock_minutes
        if minutes:
            parts.append(self.tr("locks after {n} min without use").format(n=minutes))
        parts.append(self.tr("encrypted, stored only on this computer"))
        self.status_label.setText("  ·  ".join(parts))
