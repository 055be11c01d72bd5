"""The warning signs of the open journal, evaluated once for the whole window: the count beside
"Warning signs" in the section list, the Overview's marks and the Warning signs page all show the
same evaluation, whether or not that page was ever opened.

A journal of up to ``SYNC_LIMIT`` entries is evaluated at once; a larger one in a background task
(:mod:`journal.gui.worker`), so a save never waits for it. A newer change, a lock or a switch of
journal drops an evaluation still running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QTimer

from journal.gui.shell.base import ShellBase
from journal.gui.shell.memory import give_back_free_memory
from journal.gui.worker import run_in_background

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from journal.gui.overview.view import OverviewView
    from journal.gui.signs.view import Evaluation, SignsView

log = logging.getLogger(__name__)

# How far the window's evaluations (its signs, the Overview's narrative of a small journal) may
# enlarge the journal's page cache (KiB; set on opening): not at all, the connection's own 16 MB.
# The store's 64 MB saves the evaluation some decryption, but in the window it sits on top of
# everything the window holds: at 100,000 entries the peak after a save was 299 MB with it,
# 281 MB without, for about 0.4 s more CPU in the background thread.
WINDOW_EVALUATION_CACHE_KIB = 0


class ShellSigns(ShellBase):
    def _evaluate_signs(self, after_paint: bool = False) -> None:
        """Evaluate the journal's signs again (after unlocking and after each change). With
        ``after_paint`` the evaluation starts on the next turn of the event loop, once the page
        just shown is painted, and not before the pre-write check has passed (reading every entry
        of a damaged file would fail, and the pages shown would fail after it)."""
        from journal.gui.signs.view import SYNC_LIMIT, evaluate

        if self._signs_task is not None and self._signs_task.is_running():
            # (a thread cannot be stopped mid-way: rather than a second one beside it, its
            # outcome is dropped and the evaluation starts again when it ends)
            self._signs_again = True
            return
        self._cancel_signs()
        journal = self.journal
        if journal is None or self.workspace is None:
            return
        if after_paint:
            QTimer.singleShot(0, lambda: self._evaluate_signs() if self.journal is journal else None)
            return
        if journal.read_only_reason == "damaged":
            return
        if self._precheck_task is not None and not self._kept_signs_current(journal):
            # after the pre-write check (_precheck_done): running the rules reads every entry,
            # and a damaged page would fail it. A kept result is read from a few pages (each
            # authenticated as it is read), so it is shown at once.
            self._signs_after_precheck = True
            return
        self._signs_after_precheck = False
        try:
            rebuild = journal.writable and not journal.sign_facts_current()
            if not rebuild and self._entry_count(journal) <= SYNC_LIMIT:
                self._signs_evaluated(journal, evaluate(journal))
                return
        except Exception:  # e.g. a damaged page (the journal opens read-only): no count shown
            log.exception("the warning signs could not be evaluated")
            return
        self._let_go_of_shown_signs()  # (before the evaluation takes its memory)
        signs = self.views.get("signs")
        if signs is not None and self.current_view() == "signs":
            cast("SignsView", signs).show_evaluation(journal, None)  # "Checking …"
        def work(progress: Callable[[int, int], None]) -> Evaluation:
            outcome = evaluate(journal, progress)
            give_back_free_memory()  # what the evaluation used for a while (its thread's arena)
            return outcome

        self._signs_task = run_in_background(
            work, self.workspace,
            done=lambda outcome: self._signs_evaluated(journal, outcome),
            failed=lambda exc: self._signs_failed(journal, exc), name="warning-signs")
        self._signs_task.progressed.connect(self._signs_rebuilding)  # stored facts rebuilt

    @staticmethod
    def _kept_signs_current(journal: Any) -> bool:
        current = getattr(journal, "sign_results_current", None)
        try:
            return bool(current is not None and current())
        except Exception:  # e.g. a damaged page: wait for the pre-write check
            log.exception("whether the kept warning signs are current could not be read")
            return False

    def _let_go_of_shown_signs(self) -> None:
        """A large journal's signs are evaluated again: the pages out of sight let go of the
        older evaluation now, so that it is not held beside the new one while that is made
        (at 100,000 entries the evaluation needs about 150 MB for a while, the results tens of
        MB). The Overview forgets them (it gets the new ones when shown); the signs page, whose
        cards show nothing but those results, is built again on its next visit. A page in
        sight keeps showing what it shows until the new evaluation arrives."""
        current = self.current_view()
        overview = self.views.get("overview")
        if overview is not None and current != "overview":
            self._overview_signs = None
            cast("OverviewView", overview).forget_signs()
        if "signs" in self.views and current != "signs":
            # on the next turn of the event loop: emptying a page of cards takes tens of ms at
            # 100,000 entries, which a save's refresh should not wait for
            journal = self.journal
            QTimer.singleShot(0, lambda: self._unbuild_signs_out_of_sight(journal))

    def _unbuild_signs_out_of_sight(self, journal: Any) -> None:
        if self.journal is journal and "signs" in self.views and self.current_view() != "signs":
            self._unbuild_view("signs")

    def _signs_rebuilding(self, done: int, total: int) -> None:
        signs = self.views.get("signs")
        if signs is not None:
            cast("SignsView", signs).show_rebuilding(done, total)

    def _cancel_signs(self) -> None:
        self._signs_again = False
        task, self._signs_task = self._signs_task, None
        if task is not None:
            task.cancel()  # its outcome is dropped
        self._signs_outcome = None
        self._overview_signs = None

    def _signs_failed(self, journal: Any, exc: BaseException) -> None:
        if self.journal is journal:
            self._signs_task = None
            log.warning("the warning signs could not be evaluated (%s)", type(exc).__name__)
            if self._signs_again:
                self._evaluate_signs()

    def _signs_evaluated(self, journal: Any, outcome: Evaluation) -> None:
        if self.journal is not journal or self.workspace is None:
            return  # locked or switched meanwhile
        self._signs_task = None
        if self._signs_again:  # the journal changed while it ran: that outcome is out of date
            self._signs_again = False
            self._evaluate_signs()
            return
        self._signs_outcome = outcome
        signs = self.views.get("signs")
        if signs is not None:
            cast("SignsView", signs).show_evaluation(journal, outcome)
        self._show_signs_count()
        overview = self.views.get("overview")
        if overview is not None and self.current_view() == "overview":
            self._give_overview_signs(overview)
        elif overview is not None:  # out of sight: it gets these when shown again
            self._overview_signs = None
            cast("OverviewView", overview).forget_signs()

    def _signs_view_evaluated(self) -> None:
        """The signs page evaluated by itself (the user set a sign aside or counted it again)."""
        signs = self.views.get("signs")
        if signs is None or self.journal is None:
            return
        page = cast("SignsView", signs)
        if self._signs_outcome is not None and page.results is self._signs_outcome[0]:
            return  # what the window handed it
        self._signs_outcome = (page.results, page.evidence_entries())
        self._show_signs_count()

    def _show_signs_count(self) -> None:
        outcome = self._signs_outcome
        self._signs_count = None if outcome is None else sum(r.dismissed is None for r in outcome[0])
        self._retranslate_nav()

    def _give_overview_signs(self, overview: QWidget) -> None:
        """The Overview marks where each sign first shows (only when they changed)."""
        outcome = self._signs_outcome
        if outcome is None or self._overview_signs is outcome[0]:
            return
        self._overview_signs = outcome[0]
        try:
            cast("OverviewView", overview).set_signs(outcome[0])
        except Exception:
            log.exception("the overview could not take the signs")
