"""The kind-specific rows of the entry editor, built from the field table of
:mod:`journal.core.fields`: one row per field (the money row serves amount, pay offered, a gift's
value and the currency), shown only for the kinds that have it.

A new field in the table gets a row here without a change: a line edit for text, a combo box for
a choice, a text box for several lines. Only a new *type* of field needs a new widget.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from journal.core import fields, paths
from journal.gui.editor import labels
from journal.gui.editor.base import EditorBase
from journal.gui.editor.widgets import ChoiceCombo, CurrencyCombo
from journal.gui.qtsetup import current_lang

MONEY_FIELDS = {"amount", "value", "currency"}
KIND_SPECS: tuple[fields.Field, ...] = tuple(f for f in fields.FIELD_TABLE if not f.common)
# Kind-specific rows of the form, in table order; "money" stands for the money fields.
KIND_ROWS: tuple[str, ...] = tuple(dict.fromkeys(
    "money" if f.name in MONEY_FIELDS else f.name for f in KIND_SPECS))
TEXT_FIELDS = tuple(f.name for f in KIND_SPECS if f.type in (fields.TEXT, fields.MULTILINE))
CHOICE_FIELDS = tuple(f.name for f in KIND_SPECS if f.type == fields.CHOICE)


def kind_icon(kind: str) -> QIcon:
    path = paths.resources_dir() / "icons" / "kinds" / f"{kind}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class OpenChoiceCombo(QComboBox):
    """A choice field that also takes free text (e.g. where a report was made)."""

    def __init__(self, pairs: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for value, text in pairs:
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


ReportedToCombo = OpenChoiceCombo  # the name the editor's type declarations use


class _PlainText(QPlainTextEdit):
    """A several-line text field with the ``text()``/``setText()`` of a line edit."""

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # the name of QLineEdit.setText
        self.setPlainText(text)


class EditorKindFields(EditorBase):
    def _build_kind_rows(self) -> None:
        """The kind-specific rows (between the people and the channel rows of the form)."""
        lang = current_lang()
        self.kind_widgets: dict[str, QWidget] = {}
        for spec in KIND_SPECS:
            if spec.name in MONEY_FIELDS:
                if "money" not in self._rows:
                    self._build_money_row()
                continue
            widget: Any
            if spec.type == fields.CHOICE and spec.open:
                widget = OpenChoiceCombo(labels.choices(spec.name))
                widget.currentTextChanged.connect(self._changed)
            elif spec.type == fields.CHOICE:
                blank = None if spec.default else self.tr("(not known)")
                widget = ChoiceCombo(labels.choices(spec.name), blank=blank)
                widget.currentIndexChanged.connect(self._changed)
            elif spec.type == fields.MULTILINE:
                widget = _PlainText()
                widget.setTabChangesFocus(True)
                widget.setPlaceholderText(spec.help(lang))
                widget.textChanged.connect(self._changed)
            else:
                widget = QLineEdit()
                widget.setPlaceholderText(spec.help(lang))
                widget.textChanged.connect(self._changed)
            widget.setToolTip(spec.help(lang))
            setattr(self, spec.name, widget)
            self.kind_widgets[spec.name] = widget
            self._add_row(spec.name, self._field_text(spec.name), widget)

    def _build_money_row(self) -> None:
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 500 or 1200.50"))
        self.amount.setAccessibleName(fields.field_label("amount", current_lang()))
        self.amount.textChanged.connect(self._changed)
        self.currency = CurrencyCombo()
        self.currency.setAccessibleName(fields.field_label("currency", current_lang()))
        self.currency.currentTextChanged.connect(self._changed)
        money = QWidget()
        money_lay = QHBoxLayout(money)
        money_lay.setContentsMargins(0, 0, 0, 0)
        self.amount.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 24)
        money_lay.addWidget(self.amount, 1)
        money_lay.addWidget(self.currency)
        money_lay.addStretch(1)
        self._add_row("money", self._field_text("amount"), money, self.amount)

    # ------------------------------------------------------------------ labels
    def _field_text(self, name: str, kind: str | None = None) -> str:
        """A row's label: the field's name in the window's language (journal.core.fields);
        :meth:`assign_mnemonics` adds the Alt+letter shortcuts once the form is built."""
        return fields.field_label(name, current_lang(), kind)

    def assign_mnemonics(self) -> None:
        """Give each visible row label an Alt+letter: the first letter of its English name not
        taken by an earlier row (in Chinese the letter follows in brackets, as elsewhere)."""
        lang = current_lang()
        used = {"k"}  # the Kind row's own (translated) mnemonic
        for key, label in self._row_labels.items():
            if key == "kind":
                continue
            text = label.text().replace("&", "")
            text = re.sub(r"（[A-Z]）$", "", text)
            if not self.form.isRowVisible(self._rows[key]):
                label.setText(text)
                continue
            name = "amount" if key == "money" else key
            english = fields.field_label(name, "en", self.current_kind()) if name in fields.FIELDS \
                else text
            if key == "money" and "value" in fields.KIND_FIELDS.get(self.current_kind(), ()):
                english = fields.field_label("value", "en")
            letter = next((c for c in english if c.isascii() and c.isalpha()
                           and c.lower() not in used), None)
            if letter is None:
                label.setText(text)
                continue
            used.add(letter.lower())
            if lang == "zh":
                label.setText(f"{text}（&{letter.upper()}）")
            else:
                i = text.index(letter)
                label.setText(text[:i] + "&" + text[i:])

    # ------------------------------------------------------------------ kind
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self._apply_kind()

    def _on_kind_changed(self, _index: int) -> None:
        self._apply_kind()
        self._changed()

    def shown_fields(self, kind: str) -> set[str]:
        """The kind-specific fields the form shows (and saves) for ``kind``: the kind's own, and
        the report fields on any kind once one of them is filled."""
        return {f.name for f in fields.shown_fields(kind, any(self._report_values().values()))
                if not f.common}

    def _visible_kind_rows(self, kind: str) -> set[str]:
        shown = self.shown_fields(kind)
        rows = shown - MONEY_FIELDS
        if MONEY_FIELDS & shown:
            rows.add("money")
        return rows

    def _report_values(self) -> dict[str, str]:
        return {name: self.field_value(name) for name in fields.ANY_KIND_FIELDS}

    def field_value(self, name: str) -> str:
        """What a kind-specific text or choice row holds ("" when empty)."""
        widget = getattr(self, name)
        if name in CHOICE_FIELDS:
            return widget.value() or ""
        return str(widget.text()).strip()

    def _apply_kind(self) -> None:
        kind = self.current_kind()
        lang = current_lang()
        visible = self._visible_kind_rows(kind)
        for key in KIND_ROWS:
            self.form.setRowVisible(self._rows[key], key in visible)
        money = "value" if "value" in fields.KIND_FIELDS.get(kind, ()) else "amount"
        self._row_labels["money"].setText(self._field_text(money, kind))
        self.amount.setAccessibleName(fields.field_label(money, lang, kind))
        self.assign_mnemonics()
        self.setWindowTitle((self.tr("Edit entry") if self.entry_id else self.tr("New entry"))
                            + " — " + labels.kind_label(kind))
