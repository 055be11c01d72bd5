"""The preview of a parsed chat: who is in it, who "you" are, the other person's name in the
journal, the time zone and date order of its times, and the first messages as they will be
recorded.

Nothing is written here; ``zone()``, ``order()``, ``me()`` and ``person()`` give what
``import_chat`` (and a parse again, on ``optionsChanged``) needs.
"""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core import i18n
from journal.core.importers import ParsedChat
from journal.core.importers.common import system_tz_name
from journal.core.timeparse import show_when
from journal.gui.importer.common import plain

PREVIEW_ROWS = 50
COMMON_ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Macau", "Asia/Singapore",
                "Asia/Tokyo", "Asia/Seoul", "Europe/London", "Europe/Berlin", "Europe/Paris",
                "America/New_York", "America/Los_Angeles", "Australia/Sydney", "UTC")


def _zones() -> list[str]:
    """This computer's zone, the common ones, then every other area zone by name."""
    system = system_tz_name()
    zones = [system, *[z for z in COMMON_ZONES if z != system]]
    return zones + sorted(z for z in available_timezones() if z not in zones and "/" in z
                          and not z.startswith(("Etc/", "SystemV/", "posix/", "right/")))


class ChatPreview(QWidget):
    """``set_chat(chat, persons, lang)``; a changed zone or date order emits ``optionsChanged``
    (the file is parsed again with them)."""

    optionsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat: ParsedChat | None = None
        self._lang = "en"
        self.file_label = plain(QLabel())
        self.format_label = plain(QLabel())
        self.count_label = plain(QLabel())
        self.senders_label = plain(QLabel())
        self.me_combo = QComboBox()
        self.me_combo.currentIndexChanged.connect(self._update_persons)
        self.person_combo = QComboBox()
        self.person_combo.setEditable(True)
        self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tz_combo = QComboBox()
        self.tz_combo.setEditable(True)
        self.tz_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tz_combo.addItems(_zones())
        self.tz_combo.activated.connect(self.optionsChanged)
        self.tz_combo.lineEdit().editingFinished.connect(  # type: ignore[union-attr]
            self.optionsChanged)
        self.order_combo = QComboBox()
        self.order_combo.addItem(self.tr("Day first (31/12/2024)"), "DMY")
        self.order_combo.addItem(self.tr("Month first (12/31/2024)"), "MDY")
        self.order_combo.addItem(self.tr("Year first (2024/12/31)"), "YMD")
        self.order_combo.activated.connect(self.optionsChanged)
        self.order_label = QLabel(self.tr("Dates:"))
        self.warnings_label = plain(QLabel())
        self.warnings_label.setStyleSheet("color: #8a5a00;")
        self.status = plain(QLabel())  # what went wrong with the last change or the import
        self.status.setStyleSheet("color: #a40000;")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("Recognised as:"), self.format_label)
        form.addRow(self.tr("Messages:"), self.count_label)
        form.addRow(self.tr("People in the chat:"), self.senders_label)
        form.addRow(self.tr("You are:"), self.me_combo)
        self.me_hint = plain(QLabel(self.tr(
            "Choose your own name in this chat, so that you are not recorded as one of the people.")))
        self.me_hint.setStyleSheet("color: #8a5a00;")
        form.addRow("", self.me_hint)
        self.person_label = QLabel(self.tr("Record the other person as:"))
        form.addRow(self.person_label, self.person_combo)
        form.addRow(self.tr("Time zone of the times:"), self.tz_combo)
        form.addRow(self.order_label, self.order_combo)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("From"), self.tr("Message"),
                                              self.tr("Chat")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table_title = plain(QLabel())

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.status)
        layout.addWidget(self.table_title)
        layout.addWidget(self.table, 1)

    # ------------------------------------------------------------------ what was chosen
    def zone(self) -> str | None:
        return self.tz_combo.currentText().strip() or None

    def set_zone(self, name: str) -> None:
        self.tz_combo.setCurrentText(name)

    def order(self) -> str | None:
        """The date order chosen, when the chat's dates need one."""
        order: str | None = self.order_combo.currentData() if self.order_combo.isEnabled() \
            else None
        return order

    def me(self) -> str | None:
        me: str | None = self.me_combo.currentData()
        return me

    def select_me(self, name: str) -> None:
        index = self.me_combo.findData(name)
        if index >= 0:
            self.me_combo.setCurrentIndex(index)

    def person(self) -> str | None:
        """The name to record the one other person under (None: as named in the chat)."""
        if not self.person_combo.isVisibleTo(self):
            return None
        return self.person_combo.currentText().strip() or None

    # ------------------------------------------------------------------ showing a chat
    def set_chat(self, chat: ParsedChat, persons: list[str], lang: str) -> None:
        """Show ``chat``; ``persons``: the journal's people, offered for the other side."""
        self.chat = chat
        self._lang = lang
        if chat.pages:  # a chat exported as several pages: all of them are read, in order
            self.file_label.setText(self.tr("%1 (%2 pages, read in order as one chat)")
                                    .replace("%1", "、".join(n for n, _ in chat.pages)
                                             if lang == "zh" else
                                             ", ".join(n for n, _ in chat.pages))
                                    .replace("%2", str(len(chat.pages))))
        else:
            self.file_label.setText(chat.source_path.name if chat.source_path else "")
        self.format_label.setText(chat.format_text(lang))
        self.count_label.setText(i18n.fill(self.tr("{n} {n:message|messages} on {d} {d:day|days}"),
                                           n=len(chat.messages), d=chat.days))
        self.senders_label.setText(self._join(chat.senders) or self.tr("(none)"))

        self.me_combo.blockSignals(True)
        self.me_combo.clear()
        self.me_combo.addItem(self.tr("Not in this chat / I don't know"), None)
        for name in chat.senders:
            self.me_combo.addItem(name, name)
        if chat.self_name and chat.self_name in chat.senders:
            self.me_combo.setCurrentIndex(self.me_combo.findData(chat.self_name))
        self.me_combo.blockSignals(False)

        self.person_combo.clear()
        self.person_combo.addItem("")
        self.person_combo.addItems(persons)
        self.person_combo.setCurrentIndex(0)
        self.person_combo.lineEdit().setPlaceholderText(  # type: ignore[union-attr]
            self.tr("as named in the chat"))

        self.set_zone(chat.tz_name)
        has_order = chat.date_order is not None
        self.order_label.setVisible(has_order)
        self.order_combo.setVisible(has_order)
        self.order_combo.setEnabled(has_order)
        if has_order:
            self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(chat.date_order)))
        self.order_combo.setStyleSheet("background: #fff3c4;" if chat.date_order_ambiguous else "")

        self.warnings_label.setText("\n".join("⚠ " + w.message(lang) for w in chat.warnings))
        self.warnings_label.setVisible(bool(chat.warnings))
        self._fill_table(chat)
        self._update_persons()

    def _fill_table(self, chat: ParsedChat) -> None:
        shown = chat.messages[:PREVIEW_ROWS]
        self.table_title.setText(self.tr("The first %1 of %2 messages, as they will be recorded:")
                                 .replace("%1", str(len(shown)))
                                 .replace("%2", str(len(chat.messages))))
        self.table.setRowCount(len(shown))
        for row, m in enumerate(shown):
            when = QTableWidgetItem(show_when(m.sent_at, "exact", self._lang))
            who = QTableWidgetItem(m.sender or self.tr("(system)"))
            text = m.text.replace("\n", " ⏎ ")
            if m.forwarded_from:
                text = self.tr("[forwarded from %1]").replace("%1", m.forwarded_from) + " " + text
            if m.media_note:
                text = (text + " " if text else "") + f"[{m.media_note}]"
            body = QTableWidgetItem(text)
            body.setToolTip(m.text[:2000])
            if m.is_service:
                for item in (when, who, body):
                    item.setForeground(Qt.GlobalColor.darkGray)
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, who)
            self.table.setItem(row, 2, body)
            self.table.setItem(row, 3, QTableWidgetItem(m.conversation))
        self.table.setColumnHidden(3, len(chat.conversations) <= 1)

    def _join(self, names: list[str]) -> str:
        return ("、" if self._lang == "zh" else ", ").join(names)

    def _update_persons(self) -> None:
        if self.chat is None:
            return
        me = self.me()
        self.me_hint.setVisible(me is None and len(self.chat.senders) > 1)
        others = [s for s in self.chat.senders if s != me]
        single = len(others) == 1 and len(self.chat.conversations) <= 1
        self.person_label.setVisible(single)
        self.person_combo.setVisible(single)
        if not single:
            self.person_combo.setCurrentIndex(0)
        text = self._join(others) or self.tr("(none)")
        self.senders_label.setText(
            self.tr("%1 — will be recorded as people in the journal").replace("%1", text))
