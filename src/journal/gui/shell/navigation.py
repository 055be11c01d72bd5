"""The workspace of an open journal: the section list on the left, the views, the View menu and
the status line. Every view follows the protocol ``set_journal(journal_or_None)``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

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
        """The section list and one empty page per section. Only the page shown is built and
        given the journal (the Overview at unlock); every other view is built on its first
        visit (:meth:`view`)."""
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
        self._stale = set()
        self._view_specs = {}
        self._nav_keys = []
        self._nav_titles = {}
        for spec in VIEWS:
            self._view_specs[spec.key] = spec
            self._nav_keys.append(spec.key)
            self._nav_titles[spec.key] = spec.title
            placeholder = QWidget()  # replaced by the view on its first visit
            placeholder.setObjectName(f"{spec.key}Placeholder")
            self.pages.addWidget(placeholder)
            item = QListWidgetItem(self.nav)
            item.setIcon(icon(spec.icon))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.workspace = workspace
        self.stack.addWidget(workspace)
        self._build_view_menu()
        self._retranslate_nav()
        if self.journal is not None:
            self._chain_seen = self._chain_position(self.journal)
            # for the section list's count and the Overview's marks
            self._evaluate_signs(after_paint=True)

    def view(self, key: str) -> QWidget | None:
        """The view of section ``key``, built (and given the journal) on first use; None while
        locked or for an unknown key."""
        view = self.views.get(key)
        if view is not None or self.workspace is None or key not in self._view_specs:
            return view
        spec = self._view_specs[key]
        built: QWidget = spec.cls()
        built.setObjectName(f"{key}View")
        index = self._nav_keys.index(key)
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, built)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.views[key] = built
        self._connect_view(key, built)
        hook = getattr(built, "set_read_only", None)
        if callable(hook) and self.is_read_only():
            hook(True)
        self._fill_view(key, built)
        return built

    def _unbuild_view(self, key: str) -> None:
        """Put the empty stand-in back in place of section ``key``'s view (which drops what it
        shows, as on locking); it is built again on its next visit."""
        view = self.views.pop(key, None)
        if view is None:
            return
        self._stale.discard(key)
        self._set_view_journal(view, None)
        index = self._nav_keys.index(key)
        placeholder = QWidget()
        placeholder.setObjectName(f"{key}Placeholder")
        self.pages.insertWidget(index, placeholder)
        self.pages.removeWidget(view)
        view.hide()
        view.deleteLater()

    def _connect_view(self, key: str, view: QWidget) -> None:
        """The signals of one section's view (connected when it is built)."""
        if key == "timeline":
            timeline = cast("TimelineView", view)
            timeline.copyText.connect(self.clipboard_guard.copy_text)
            timeline.journalChanged.connect(self._timeline_changed_journal)
            timeline.countChanged.connect(lambda _n: self._update_status())
        elif key == "overview":
            overview = cast("OverviewView", view)
            overview.entryActivated.connect(self.show_entry)
            overview.copyText.connect(self.clipboard_guard.copy_text)
        elif key == "people":
            cast("PeopleView", view).entryActivated.connect(self.show_entry)
        elif key == "signs":
            signs = cast("SignsView", view)
            signs.entryActivated.connect(self.show_entry)
            signs.signsChanged.connect(lambda _n: self._signs_view_evaluated())

    def _fill_view(self, key: str, view: QWidget) -> None:
        """Give a view the open journal (and, for the signs and the Overview, the signs the
        window evaluated)."""
        self._stale.discard(key)
        journal = self.journal
        if key == "signs":
            try:
                cast("SignsView", view).show_evaluation(journal, self._signs_outcome)
            except Exception:
                log.exception("the signs could not be shown")
            return
        self._set_view_journal(view, journal)
        if key == "overview" and journal is not None:
            self._overview_signs = None  # set_journal dropped them
            self._give_overview_signs(view)

    def build_all_views(self) -> None:
        """Build every section's view now and give it the journal (tests, the layout probe)."""
        for key in list(self._nav_keys):
            self.view(key)

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
        self._cancel_signs()
        for view in self.views.values():  # only the views that were built hold anything
            self._set_view_journal(view, None)
        self.stack.removeWidget(self.workspace)
        self.workspace.hide()
        self.workspace.deleteLater()
        self.workspace = None
        self.views = {}
        self._stale = set()
        self._view_specs = {}
        self._nav_keys = []
        self._nav_titles = {}
        self._signs_count = None
        self._chain_seen = None
        self._status_total = None
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
            key = self._nav_keys[row]
            view = self.view(key)  # built on the first visit
            if view is not None and key in self._stale:
                self._refresh_view(key)
            elif view is not None and key == "overview":
                self._give_overview_signs(view)  # evaluated while another page was shown
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

    # --- after a change: only what changed, only where it is seen ------------------------------
    @staticmethod
    def _chain_position(journal: Any) -> tuple[int, str] | None:
        try:
            return cast("tuple[int, str]", journal.chain_position())
        except Exception:  # noqa: BLE001 - closed meanwhile: nothing to compare
            return None

    def _journal_changed(self) -> None:
        """A commit happened (the store's listener, after a short delay). Nothing to do when the
        audit chain did not move (an editor's draft was saved) or a view already showed it.
        Otherwise the page shown re-reads now, the other built views when next shown, and the
        counts and the signs follow."""
        journal = self.journal
        if journal is None or self.workspace is None:
            return
        timeline = self.views.get("timeline")
        if QApplication.activeModalWidget() is not None or (
                timeline is not None and cast("TimelineView", timeline).running_dialog):
            self._refresh_timer.start()  # a dialog is at work: whoever ran it shows its change
            return
        position = self._chain_position(journal)
        if position is not None and position == self._chain_seen:
            return
        self._chain_seen = position
        self._stale = set(self.views)
        current = self.current_view()
        if current is not None and current in self.views:
            self._refresh_view(current)
        self._update_status()
        self._evaluate_signs()
        self.changeApplied.emit()

    def _timeline_changed_journal(self) -> None:
        """The timeline saved, trashed or restored an entry and already shows it: the other
        built views re-read when next shown; the counts and the signs follow now."""
        journal = self.journal
        if journal is None or self.workspace is None:
            return
        self._refresh_timer.stop()
        self._chain_seen = self._chain_position(journal)
        self._stale = set(self.views) - {"timeline"}
        self._update_status()
        self._evaluate_signs()
        self.changeApplied.emit()

    def _refresh_view(self, key: str) -> None:
        view = self.views.get(key)
        self._stale.discard(key)
        if view is None:
            return
        if key == "signs":
            return  # the signs are evaluated once for the whole window (_evaluate_signs)
        refresh = getattr(view, "refresh", None)
        if callable(refresh):
            try:
                refresh()
            except Exception:
                log.exception("refresh failed on %s", type(view).__name__)
        if key == "overview":
            self._give_overview_signs(view)

    def refresh_views(self) -> None:
        """The journal was changed outside the views (an import, a dialog): re-read the page
        shown now and the others when next shown; then the counts and the signs."""
        if self.journal is None:
            return
        self._chain_seen = None
        self._journal_changed()

    def _entry_count(self, journal: Any) -> int:
        """The journal's entries (not in the trash), counted again only when the audit chain
        moved: a save asks for it twice (the timeline's count, then the window's)."""
        position = self._chain_position(journal)
        known = self._status_total
        if position is not None and known is not None and known[0] == position:
            return known[1]
        total = int(journal.count_entries())
        self._status_total = None if position is None else (position, total)
        return total

    def _update_status(self) -> None:
        if self.journal is None or self.workspace is None:
            self.status_label.clear()
            return
        timeline = self.views.get("timeline")
        try:
            total = self._entry_count(self.journal)
        except Exception:  # noqa: BLE001 - the status line is not worth an error dialog
            total = timeline.model.rowCount() if timeline is not None else 0  # type: ignore[attr-defined]
        parts = [Path(self.journal.path).name,
                 self.tr("1 entry") if total == 1 else self.tr("{n} entries").format(n=f"{total:,}")]
        minutes = self.settings.autolock_minutes
        if minutes:
            parts.append(self.tr("locks after {n} min without use").format(n=minutes))
        parts.append(self.tr("encrypted, stored only on this computer"))
        self.status_label.setText("  ·  ".join(parts))
