"""Create or edit a person: name, aliases, claimed identity, where first met, handles, notes."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import InputError, JournalError
from journal.core.models import HANDLE_KINDS, Handle
from journal.gui import dialogs
from journal.gui.editor import labels
from journal.gui.editor.widgets import field_box, split_list
from journal.gui.fit import fit_to_screen
from journal.gui.forms import FieldError, enter_never_submits
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)


class HandleTable(QWidget):
    """Rows of (kind, value) with Add / Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Account, number or address")])
        self.table.setAccessibleName(self.tr("Handles"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.add_button = QPushButton(self.tr("Add handle"), self)
        self.remove_button = QPushButton(self.tr("Remove handle"), self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)

    def add_row(self, kind: str = "wechat", value: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for k in HANDLE_KINDS:
            combo.addItem(labels.choice_label("handle", k), k)
        combo.setCurrentIndex(max(combo.findData(kind), 0))
        combo.setAccessibleName(self.tr("Kind"))
        edit = QLineEdit(value)
        edit.setAccessibleName(self.tr("Account, number or address"))
        self.table.setCellWidget(row, 0, combo)
        self.table.setCellWidget(row, 1, edit)
        self.table.setCurrentCell(row, 1)
        if not value:
            edit.setFocus()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 and self.table.rowCount():
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)

    def set_handles(self, handles: list[Handle]) -> None:
        self.table.setRowCount(0)
        for h in handles:
            self.add_row(h.kind, h.value)

    def handles(self) -> list[Handle]:
        out = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            edit = self.table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox) and isinstance(edit, QLineEdit)
            value = edit.text().strip()
            if value:
                out.append(Handle(combo.currentData(), value))
        return out


class PersonEditorDialog(QDialog):
    """``person_id=None`` creates a person (``name`` pre-fills the name field)."""

    def __init__(self, journal: Journal, parent: QWidget | None = None,
                 person_id: str | None = None, name: str = "") -> None:
        super().__init__(parent)
        self._journal = journal
        self.person_id = person_id
        self.saved_person_id: str | None = None
        self.setWindowTitle(self.tr("Edit person") if person_id else self.tr("New person"))
        fit_to_screen(self, 620, 600)

        self.name = QLineEdit(name)
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("Other names they use, separated by commas"))
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("What they say they are, e.g. “recruiter”, “magazine editor”"))
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(self.tr("The company or organisation they name"))
        self.platform = QLineEdit()
        self.platform.setPlaceholderText(self.tr("The app or website where you first met"))
        self.handles = HandleTable()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Anything else: how they describe themselves, what "
                                              "does not add up"))
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("&Name"), self.name),
            ("aliases", self.tr("&Also known as"), self.aliases),
            ("role", self.tr("Claimed &role"), self.role),
            ("organisation", self.tr("Claimed &organisation"), self.organisation),
            ("platform", self.tr("&First met on"), self.platform),
            ("handles", self.tr("&Handles"), self.handles),
            ("notes", self.tr("No&tes"), self.notes),
        ]
        for key, text, widget in rows:
            error = FieldError()
            self.errors[key] = error
            label = QLabel(text)
            label.setBuddy(widget.table if widget is self.handles else widget)
            error.clear_when_changed(widget)  # an error goes once the field is fixed
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, field_box(widget, error))
        self.general_error = FieldError()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.addLayout(form, 1)
        lay.addWidget(self.general_error)
        lay.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for b in buttons.buttons():  # Enter in a field must never save a half-filled person
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
                b.setDefault(False)
        enter_never_submits(self, self.save)

        if person_id:
            p = journal.get_person(person_id)
            self.name.setText(p.name)
            self.aliases.setText(", ".join(p.aliases))
            self.role.setText(p.role)
            self.organisation.setText(p.organisation)
            self.platform.setText(p.platform)
            self.handles.set_handles(p.handles)
            self.notes.setPlainText(p.notes)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_journal(self, journal: Journal | None) -> None:
        """``None`` (lock): empty every field and close without saving."""
        if journal is not None:
            return
        for edit in (self.name, self.aliases, self.role, self.organisation, self.platform):
            edit.clear()
        self.notes.clear()
        self.handles.set_handles([])
        QDialog.done(self, QDialog.DialogCode.Rejected)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text().strip(),
            "aliases": split_list(self.aliases.text()),
            "role": self.role.text().strip(),
            "organisation": self.organisation.text().strip(),
            "platform": self.platform.text().strip(),
            "handles": self.handles.handles(),
            "notes": self.notes.toPlainText(),
        }

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.general_error.clear_message()

    def show_input_error(self, exc: InputError) -> None:
        label = self.errors.get(exc.field or "", self.general_error)
        label.show_message(exc.message(current_lang()))

    def save(self) -> bool:
        self._clear_errors()
        values = self.values()
        if not values["name"]:
            self.errors["name"].show_message(InputError("error.name_required", field="name")
                                             .message(current_lang()))
            self.name.setFocus()
            return False
        try:
            if self.person_id:
                person = self._journal.update_person(self.person_id, **values)
            else:
                person = self._journal.add_person(**values)  # type: ignore[arg-type]
        except InputError as exc:
            self.show_input_error(exc)
            return False
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return False
        self.saved_person_id = person.id
        self.accept()
        return True
