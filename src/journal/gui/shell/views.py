"""The sections of an open journal, in navigation order: one row per view (key, class, icon,
title). The main window's section list, View menu (Alt+1 …) and pages are built from this table.

This module imports every view, and with them the store, the warning-signs engine and reportlab;
the window imports it when a journal is unlocked, not at start-up, so that the unlock screen
comes up at once. A view that cannot be imported stops the unlock with the error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from journal.core.overview import texts as overview_texts
from journal.gui import qtsetup
from journal.gui.help.view import HelpView
from journal.gui.overview.view import OverviewView
from journal.gui.people.view import PeopleView
from journal.gui.report.view import ReportView
from journal.gui.signs.view import SignsView
from journal.gui.timeline.view import TimelineView

# The Qt titles are translated in the ShellNavigation context (translations/zh_CN/shell.json);
# the Overview's comes from the core texts it shares with its export.


def _overview_title() -> str:
    return overview_texts.t("overview.title", qtsetup.current_lang())


@dataclass(frozen=True)
class ViewSpec:
    key: str
    cls: type[QWidget]
    icon: str  # resources/icons/<icon>.svg
    title: Callable[[], str]  # the section's name in the current language


# Navigation order; the first is the page shown after unlocking (the case at a glance).
VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("overview", OverviewView, "actions/overview", _overview_title),
    ViewSpec("timeline", TimelineView, "kinds/note",
             lambda: QCoreApplication.translate("ShellNavigation", "Timeline")),
    ViewSpec("people", PeopleView, "kinds/contact",
             lambda: QCoreApplication.translate("ShellNavigation", "People")),
    ViewSpec("signs", SignsView, "kinds/threat",
             lambda: QCoreApplication.translate("ShellNavigation", "Warning signs")),
    ViewSpec("report", ReportView, "actions/export",
             lambda: QCoreApplication.translate("ShellNavigation", "Report")),
    ViewSpec("help", HelpView, "actions/help",
             lambda: QCoreApplication.translate("ShellNavigation", "Help")),
)
