"""Small input widgets of the entry editor: error label, date/time, currency and person pickers."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.core import timeparse
from journal.core.money import COMMON_CURRENCIES, CURRENCIES, DEFAULT_CURRENCY
from journal.gui.forms import FieldError

if TYPE_CHECKING:
    from journal.core.models import Person
    from journal.core.store import Journal

log = logging.getLogger(__name__)



def field_box(widget: QWidget, error: FieldError) -> QWidget:
    """The widget with its error label underneath, as one form row."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(error)
    return box


def split_list(text: str) -> list[str]:
    """Split "a, b，c、d" into items (commas in both scripts, the Chinese enumeration comma, ;)."""
    for sep in ("，", "、", ";", "；"):
        text = text.replace(sep, ",")
    return [part.strip() for part in text.split(",") if part.strip()]


class WhenEdit(QWidget):
    """When it happened, typed as people write it (``2024-03-01 20:15``, ``2024/3/1 20:15``,
    ``3月1日 晚上8点``, ``昨天下午3点``, ``上周二``, ``yesterday 3pm``) and read by the core's
    ``parse_when``; beside it how it was understood, or why it was not. "Date only" and
    "Approximate" say how sure the person is. A time typed without a zone is local time."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("whenText")
        self.edit.setAccessibleName(self.tr("Date and time"))
        self.edit.setPlaceholderText(self.tr("e.g. 2024-03-01 20:15, yesterday 3pm"))
        self.date_only = QCheckBox(self.tr("Date only"), self)
        self.date_only.setToolTip(self.tr("Tick when you do not know the time of day"))
        self.approximate = QCheckBox(self.tr("Approximate"), self)
        self.approximate.setToolTip(self.tr("Tick when you only know roughly when it was"))
        self.understood = QLabel(self)
        self.understood.setObjectName("whenUnderstood")
        self.understood.setWordWrap(True)
        self.understood.setStyleSheet("color: #4a5563;")
        self.problem_label = FieldError(self)
        self.problem_label.setObjectName("whenProblem")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.date_only)
        row.addWidget(self.approximate)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.understood)
        lay.addWidget(self.problem_label)
        self._parsed: tuple[datetime, str] = (timeparse.now(), "exact")
        self._problem = ""
        self.edit.textChanged.connect(self._reparse)
        self.date_only.toggled.connect(self._touched)
        self.approximate.toggled.connect(self._touched)
        self.set_value(timeparse.now(), "exact")

    def _touched(self, *_: Any) -> None:
        self._show()
        self.changed.emit()

    def _reparse(self, text: str) -> None:
        from journal.core.errors import InputError
        from journal.gui.qtsetup import current_lang

        try:
            when, precision = timeparse.parse_when(text, field="occurred_at")
        except InputError as exc:
            self._problem = exc.message(current_lang())
        else:
            self._problem = ""
            self._parsed = (when, precision)
            for box, on in ((self.date_only, precision in ("day", "month", "approximate")),
                            (self.approximate, precision == "approximate" or (
                                self.approximate.isChecked() and precision != "exact"))):
                box.blockSignals(True)
                box.setChecked(on)
                box.blockSignals(False)
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        from journal.gui.qtsetup import current_lang

        if self._problem:
            self.understood.hide()
            self.problem_label.show_message(self._problem)
            return
        self.problem_label.clear_message()
        when, precision = self.value()
        lang = current_lang()
        self.understood.setText(self.tr("Understood as: {when}, {weekday}").format(
            when=timeparse.show_when(when, precision, lang),
            weekday=timeparse.weekday_name(when, lang)))
        self.understood.show()

    def set_value(self, when: datetime, precision: str) -> None:
        when = when if when.tzinfo else timeparse.local_aware(when)
        self.edit.blockSignals(True)
        self.edit.setText(timeparse.input_text(when, precision))
        self.edit.blockSignals(False)
        self._parsed, self._problem = (when, precision), ""
        for box, on in ((self.date_only, precision in ("day", "month", "approximate")),
                        (self.approximate, precision == "approximate")):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self._show()

    def use_error_label(self, label: FieldError) -> None:
        """Show problems in the form's own label under this row instead of a second one."""
        self.problem_label.hide()
        self.problem_label = label
        self._show()

    def problem(self) -> str:
        """Why the typed text was not understood ("" when it was), in the user's language."""
        return self._problem

    def precision(self) -> str:
        if self.approximate.isChecked():
            return "approximate"
        if self._parsed[1] == "month":
            return "month"
        return "day" if self.date_only.isChecked() else "exact"

    def value(self) -> tuple[datetime, str]:
        """The moment last understood (aware, in the zone it was typed in) and its precision."""
        when, _typed = self._parsed
        precision = self.precision()
        if precision == "month":
            when = when.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        elif precision != "exact":
            when = when.replace(hour=0, minute=0, second=0, microsecond=0)
        else:
            when = when.replace(second=0, microsecond=0)
        return when, precision


class CurrencyCombo(QComboBox):
    """ISO 4217 codes: CNY first, the common ones next, then all; typing a code also works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(COMMON_CURRENCIES))
        self.insertSeparator(self.count())
        self.addItems([c for c in CURRENCIES if c not in COMMON_CURRENCIES])
        self.setMaxVisibleItems(20)
        completer = self.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.set_currency(DEFAULT_CURRENCY)
        self.setMinimumContentsLength(5)

    def currency(self) -> str:
        return self.currentText().strip()

    def set_currency(self, code: str | None) -> None:
        code = code or DEFAULT_CURRENCY
        index = self.findText(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)


class ChoiceCombo(QComboBox):
    """A fixed choice with stored values behind translated texts; optionally a blank first item."""

    def __init__(self, pairs: list[tuple[str, str]], *, blank: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, "")
        for value, text in pairs:
            self.addItem(text, value)

    def value(self) -> str | None:
        data = self.currentData()
        return data or None

    def set_value(self, value: str | None) -> None:
        index = self.findData(value or "")
        if index < 0 and value:
            self.addItem(value, value)  # a value from a newer version: keep it, do not lose it
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class _NameEdit(QLineEdit):
    """The picker's line edit: Enter adds the typed name instead of accepting the dialog."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PersonPicker(QWidget):
    """Choose several persons by name or alias (with completion); unknown names become new
    persons when the entry is saved; "New person…" opens the full person editor.
    """

    changed = Signal()
    newPersonRequested = Signal(str)

    NEW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._persons: list[Person] = []
        self.name_edit = _NameEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Type a name or alias, then press Enter"))
        self.name_edit.setAccessibleName(self.tr("Add a person"))
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.new_button = QPushButton(self.tr("New person…"), self)
        self.chosen = QListWidget(self)
        self.chosen.setAccessibleName(self.tr("People in this entry"))
        self.chosen.setFlow(QListWidget.Flow.LeftToRight)
        self.chosen.setWrapping(True)
        self.chosen.setSpacing(3)
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.setFixedHeight(self.fontMetrics().height() * 2 + 14)
        self.chosen.setToolTip(self.tr("Select a name and press Delete to remove it"))
        self.remove_button = QPushButton(self.tr("Remove"), self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name_edit, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.chosen, 1)
        bottom.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addLayout(bottom)

        self.name_edit.submitted.connect(self.add_typed)
        completer.activated.connect(lambda _text: self.add_typed())
        self.add_button.clicked.connect(self.add_typed)
        self.new_button.clicked.connect(
            lambda: self.newPersonRequested.emit(self.name_edit.text().strip()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.chosen.installEventFilter(self)
        self.setFocusProxy(self.name_edit)
        self._update_buttons()

    # --- data -------------------------------------------------------------------------------
    def set_persons_source(self, persons: list[Person]) -> None:
        self._persons = list(persons)
        words: list[str] = []
        for p in self._persons:
            words.append(p.name)
            words.extend(a for a in p.aliases if a)
        self._completion.setStringList(sorted(set(words), key=str.casefold))
        # refresh display names of chosen ids (a person may have been renamed)
        for i in range(self.chosen.count()):
            item = self.chosen.item(i)
            pid = item.data(Qt.ItemDataRole.UserRole)
            if pid:
                item.setText(self._name_of(pid))

    def _name_of(self, person_id: str) -> str:
        for p in self._persons:
            if p.id == person_id:
                return p.name
        return person_id

    def _match(self, text: str) -> Person | None:
        folded = text.casefold()
        for p in self._persons:
            if p.name.casefold() == folded:
                return p
        for p in self._persons:
            if any(a.casefold() == folded for a in p.aliases):
                return p
        return None

    def add_typed(self) -> None:
        text = self.name_edit.text().strip()
        if not text:
            return
        person = self._match(text)
        if person is not None:
            self.add_person_id(person.id)
        else:
            self.add_new_name(text)
        self.name_edit.clear()

    def add_person_id(self, person_id: str) -> None:
        if person_id in self.person_ids():
            return
        item = QListWidgetItem(self._name_of(person_id))
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        self.chosen.addItem(item)
        self._after_change()

    def add_new_name(self, name: str) -> None:
        if any(n.casefold() == name.casefold() for n in self.new_names()):
            return
        item = QListWidgetItem(self.tr("%1 (new)").replace("%1", name))
        item.setData(Qt.ItemDataRole.UserRole, "")
        item.setData(self.NEW_ROLE, name)
        item.setToolTip(self.tr("This person is added to the journal when you save"))
        self.chosen.addItem(item)
        self._after_change()

    def remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self._after_change()

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if (obj is self.chosen and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self.remove_selected()
            return True
        return super().eventFilter(obj, event)

    def _after_change(self) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.chosen.count() > 0)

    def person_ids(self) -> list[str]:
        ids = []
        for i in range(self.chosen.count()):
            pid = self.chosen.item(i).data(Qt.ItemDataRole.UserRole)
            if pid:
                ids.append(pid)
        return ids

    def new_names(self) -> list[str]:
        names = []
        for i in range(self.chosen.count()):
            name = self.chosen.item(i).data(self.NEW_ROLE)
            if name:
                names.append(name)
        return names

    def set_chosen(self, person_ids: list[str], new_names: list[str] | None = None) -> None:
        self.chosen.clear()
        for pid in person_ids:
            self.add_person_id(pid)
        for name in new_names or []:
            self.add_new_name(name)
        self._update_buttons()

    def resolve(self, journal: Journal) -> list[str]:
        """Ids of every chosen person; names typed for new persons are created now."""
        ids = self.person_ids()
        for i in range(self.chosen.count()):
            item = self.chosen.item(i)
            name = item.data(self.NEW_ROLE)
            if not name:
                continue
            person = journal.person_for_name(name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(self.NEW_ROLE, None)
            item.setText(person.name)
            item.setToolTip("")
            if person.id not in ids:
                ids.append(person.id)
        return ids

    def clear_all(self) -> None:
        self._persons = []
        self._completion.setStringList([])
        self.chosen.clear()
        self.name_edit.clear()
        self._update_buttons()
