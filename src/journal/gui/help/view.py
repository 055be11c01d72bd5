"""The help pages: a topic list and a QTextBrowser, in the window's language.

Pages are simple HTML files in ``resources/help/<lang>/NN-topic.html``; the number orders the
list and the ``<title>`` names the topic. Links to other pages (``href="05-report.html"``) switch
topics; external links are never opened (the app makes no network access).
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from journal.core import paths
from journal.gui import qtsetup

log = logging.getLogger(__name__)

_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HelpTopic:
    id: str  # file stem without the number, e.g. "report"
    title: str
    path: Path


def help_dir(lang: str) -> Path:
    return paths.resources_dir() / "help" / ("zh" if lang == "zh" else "en")


def help_topics(lang: str) -> list[HelpTopic]:
    """The topics of one language, in order."""
    topics: list[HelpTopic] = []
    for path in sorted(help_dir(lang).glob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = _TITLE.search(text)
        title = html.unescape(match.group(1).strip()) if match else path.stem
        topic_id = path.stem.split("-", 1)[1] if "-" in path.stem else path.stem
        topics.append(HelpTopic(topic_id, title, path))
    return topics


class HelpView(QWidget):
    """Topic list on the left, the page on the right. ``show_topic("report")`` jumps to one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = ""
        self._topics: list[HelpTopic] = []
        self.topic_list = QListWidget(self)
        self.topic_list.setObjectName("helpTopics")
        self.topic_list.setMaximumWidth(230)
        self.topic_list.setMinimumWidth(150)
        self.topic_list.setSpacing(3)
        self.topic_list.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)  # we follow internal links ourselves
        self.browser.anchorClicked.connect(self._follow_link)
        self.browser.document().setDocumentMargin(16)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.topic_list)
        layout.addWidget(self.browser, 1)
        self.topic_list.currentRowChanged.connect(self._show_row)
        self.reload()

    # public -------------------------------------------------------------------------------
    def set_journal(self, journal: object | None) -> None:
        """Help shows no journal content; present for the window's common protocol."""

    def topics(self) -> list[HelpTopic]:
        return list(self._topics)

    def current_topic(self) -> str | None:
        row = self.topic_list.currentRow()
        return self._topics[row].id if 0 <= row < len(self._topics) else None

    def show_topic(self, topic_id: str) -> bool:
        for row, topic in enumerate(self._topics):
            if topic.id == topic_id:
                self.topic_list.setCurrentRow(row)
                return True
        log.warning("no help topic %s", topic_id)
        return False

    def reload(self) -> None:
        """(Re)load the pages in the window's current language, keeping the open topic."""
        lang = qtsetup.current_lang()
        if lang == self._lang and self._topics:
            return
        keep = self.current_topic()
        self._lang = lang
        self._topics = help_topics(lang)
        self.topic_list.blockSignals(True)
        self.topic_list.clear()
        for topic in self._topics:
            item = QListWidgetItem(topic.title)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            self.topic_list.addItem(item)
        self.topic_list.blockSignals(False)
        if not (keep and self.show_topic(keep)) and self._topics:
            self.topic_list.setCurrentRow(0)
            self._show_row(0)

    # internals ----------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._topics):
            self.browser.clear()
            return
        self.browser.setHtml(self._topics[row].path.read_text(encoding="utf-8"))

    def _follow_link(self, url: QUrl) -> None:
        if url.scheme() or url.host():
            log.info("external link not opened")  # never the URL itself: keep logs bland
            return
        name = Path(url.path()).stem
        topic_id = name.split("-", 1)[1] if "-" in name else name
        self.show_topic(topic_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reload()
        super().changeEvent(event)
