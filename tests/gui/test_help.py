"""Help pages and the About dialog, in both languages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl

import journal
from journal.gui import qtsetup
from journal.gui.help.about import AboutDialog
from journal.gui.help.view import HelpView, help_topics


def test_help_view_lists_topics_and_shows_the_first(gui_app: Any, qtbot: Any) -> None:
    view = HelpView()
    qtbot.addWidget(view)
    assert view.topic_list.count() == len(help_topics("en")) >= 5
    assert view.current_topic() == "start"
    assert "Getting started" in view.browser.toPlainText()
    assert not view.browser.openExternalLinks()


def test_help_view_switches_topics_and_follows_internal_links(gui_app: Any, qtbot: Any) -> None:
    view = HelpView()
    qtbot.addWidget(view)
    assert view.show_topic("report")
    assert "12339" in view.browser.toPlainText()
    view.browser.anchorClicked.emit(QUrl("02-record.html"))
    assert view.current_topic() == "record"
    view.browser.anchorClicked.emit(QUrl("https://example.com/"))  # never opened, nothing changes
    assert view.current_topic() == "record"
    assert not view.show_topic("no-such-topic")
    assert view.current_topic() == "record"


def test_help_view_in_chinese_keeps_the_topic(gui_app: Any, qtbot: Any) -> None:
    view = HelpView()
    qtbot.addWidget(view)
    view.show_topic("safety")
    qtsetup.install_translators(gui_app, "zh")
    view.reload()
    assert view.current_topic() == "safety"
    assert view.topic_list.item(0).text() == "开始使用"
    assert "不要删聊天记录" in view.browser.toPlainText()
    view.set_journal(None)  # the common protocol: nothing to drop


def test_about_dialog_shows_versions_and_licences(gui_app: Any, qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    versions = dialog.versions_view.toPlainText()
    assert journal.__version__ in versions
    assert "SQLCipher" in versions and "4." in versions
    licences = dialog.licences_view.toPlainText()
    for text in ("LGPL-3.0", "BSD", "Apache-2.0", "MIT", "WenQuanYi", "GPL-3+ with Font exception"):
        assert text in licences, text


def test_about_dialog_in_chinese(gui_app: Any, qtbot: Any) -> None:
    qtsetup.install_translators(gui_app, "zh")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于事件日志"
    assert dialog.tabs.tabText(1) == "许可协议"
