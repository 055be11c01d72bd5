"""Where the entry editor shows a problem: under the field it concerns (scrolled into view), or
under the form when no field fits."""

from __future__ import annotations

from journal.gui.editor.base import EditorBase

# Where an InputError's field is shown.
ERROR_ROW = {"precision": "occurred_at", "when": "occurred_at", "person": "persons",
             "amount": "money", "value": "money", "currency": "money", "kind": "kind"}


class EditorValidationDisplay(EditorBase):
    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.general_error.clear_message()

    def show_field_error(self, field: str | None, text: str) -> None:
        key = ERROR_ROW.get(field or "", field or "")
        label = self.errors.get(key)
        if label is None:
            label = self.general_error
        label.show_message(text)
        row = self._rows.get(key)
        if row is not None:
            self.scroll_area.ensureWidgetVisible(row)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show every problem found by ``build_draft`` and put the cursor in the first field."""
        for field, text in problems.items():
            self.show_field_error(field, text)
        first = next(k for k in ("summary", "occurred_at", "money") if k in problems)
        {"summary": self.summary, "occurred_at": self.when.edit, "money": self.amount}[first].setFocus()
