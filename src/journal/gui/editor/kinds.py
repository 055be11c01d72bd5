"""The kind-specific field groups of the entry editor: the rows shown only for some kinds (task,
target, status, money, method, …, and the report rows), and which of them a kind shows."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from journal.core import paths
from journal.core.models import ANY_KIND_FIELDS, KIND_FIELDS
from journal.gui.editor import labels
from journal.gui.editor.base import EditorBase
from journal.gui.editor.widgets import ChoiceCombo, CurrencyCombo

# Kind-specific rows of the form (the money row serves amount, pay offered and a gift's value).
KIND_ROWS = ("task", "target", "status", "money", "method", "direction", "item", "medium",
             "initiated_by", "reported_to", "reference", "officer")
TEXT_FIELDS = ("task", "target", "item", "reference", "officer")
CHOICE_FIELDS = ("status", "method", "direction", "medium", "initiated_by")


def kind_icon(kind: str) -> QIcon:
    path = paths.resources_dir() / "icons" / "kinds" / f"{kind}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class ReportedToCombo(QComboBox):
    """Report channels as choices, free text allowed (the store keeps any text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for value, text in labels.choices("reported_to"):
            self.addItem(text, value)

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index) or "")
        return text

    def set_value(self, value: str | None) -> None:
        index = self.findData(value or "")
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(value or "")


class EditorKindFields(EditorBase):
    def _build_kind_rows(self) -> None:
        """The kind-specific rows (between the people and the channel rows of the form)."""
        self.task = QLineEdit()
        self.task.setPlaceholderText(self.tr("What they asked you to do"))
        self._add_row("task", self.tr("T&ask asked"), self.task)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("What or where: a port, ships, a base, a document…"))
        self._add_row("target", self.tr("Targ&et or place"), self.target)
        self.status = ChoiceCombo(labels.choices("status"))
        self._add_row("status", self.tr("Stat&us"), self.status)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 500 or 1200.50"))
        self.amount.setAccessibleName(self.tr("Amount"))
        self.currency = CurrencyCombo()
        self.currency.setAccessibleName(self.tr("Currency"))
        money = QWidget()
        money_lay = QHBoxLayout(money)
        money_lay.setContentsMargins(0, 0, 0, 0)
        self.amount.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 24)
        money_lay.addWidget(self.amount, 1)
        money_lay.addWidget(self.currency)
        money_lay.addStretch(1)
        self._add_row("money", self.tr("A&mount"), money, self.amount)
        self.method = ChoiceCombo(labels.choices("method"), blank=self.tr("(not known)"))
        self._add_row("method", self.tr("Paid &by"), self.method)
        self.direction = ChoiceCombo(labels.choices("direction"))
        self._add_row("direction", self.tr("&Direction"), self.direction)
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("e.g. a phone, a camera, a scooter"))
        self._add_row("item", self.tr("&Item"), self.item)
        self.medium = ChoiceCombo(labels.choices("medium"), blank=self.tr("(not known)"))
        self._add_row("medium", self.tr("M&edium"), self.medium)
        self.initiated_by = ChoiceCombo(labels.choices("initiated_by"), blank=self.tr("(not known)"))
        self._add_row("initiated_by", self.tr("Who sta&rted it"), self.initiated_by)
        self.reported_to = ReportedToCombo()
        self._add_row("reported_to", self.tr("&Reported to"), self.reported_to)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Case or reference number, if you were given one"))
        self._add_row("reference", self.tr("Re&ference"), self.reference)
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("Name of the officer or teacher you spoke to"))
        self._add_row("officer", self.tr("&Officer or teacher"), self.officer)

    # ------------------------------------------------------------------ kind
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self._apply_kind()

    def _on_kind_changed(self, _index: int) -> None:
        self._apply_kind()
        self._changed()

    def _visible_kind_rows(self, kind: str) -> set[str]:
        fields = set(KIND_FIELDS.get(kind, ()))
        rows = {f for f in fields if f in KIND_ROWS}
        if {"amount", "value"} & fields:
            rows.add("money")
        if kind == "report" or any(self._report_values().values()):
            rows.update(ANY_KIND_FIELDS)
        return rows

    def _report_values(self) -> dict[str, str]:
        return {"reported_to": self.reported_to.value(), "reference": self.reference.text().strip(),
                "officer": self.officer.text().strip()}

    def _apply_kind(self) -> None:
        kind = self.current_kind()
        visible = self._visible_kind_rows(kind)
        for key in KIND_ROWS:
            self.form.setRowVisible(self._rows[key], key in visible)
        money_label = {"request": self.tr("Pa&y offered"), "gift": self.tr("Estimated &value")}.get(
            kind, self.tr("A&mount"))
        self._row_labels["money"].setText(money_label)
        self.amount.setAccessibleName(money_label.replace("&", ""))
        self.setWindowTitle((self.tr("Edit entry") if self.entry_id else self.tr("New entry"))
                            + " — " + labels.kind_label(kind))
