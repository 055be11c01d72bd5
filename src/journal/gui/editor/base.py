"""What the parts of the entry editor share: for the type checker, the dialog's fields and the
methods one part calls on another. At run time the parts are plain mixins of
``EntryEditorDialog``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QComboBox,
        QDialog,
        QFormLayout,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QScrollArea,
        QWidget,
    )

    from journal.core.models import Entry
    from journal.core.store import Journal
    from journal.gui.attachments.strip import AttachmentStrip
    from journal.gui.editor.kinds import ReportedToCombo
    from journal.gui.editor.widgets import (
        ChoiceCombo,
        CurrencyCombo,
        PersonPicker,
        WhenEdit,
    )
    from journal.gui.forms import FieldError

    _QtBase = QDialog
else:
    _QtBase = object


class EditorBase(_QtBase):
    if TYPE_CHECKING:
        _journal: Journal | None
        entry_id: str | None
        _entry: Entry | None
        _unsaved: bool
        _draft_stale: bool
        _loading: bool
        _source_entry_id: str | None
        draft_key: str
        form: QFormLayout
        errors: dict[str, FieldError]
        general_error: FieldError
        _rows: dict[str, QWidget]
        _row_labels: dict[str, QLabel]
        scroll_area: QScrollArea
        status_label: QLabel
        strip: AttachmentStrip
        kind: QComboBox
        summary: QLineEdit
        when: WhenEdit
        persons: PersonPicker
        task: QLineEdit
        target: QLineEdit
        status: ChoiceCombo
        amount: QLineEdit
        currency: CurrencyCombo
        method: ChoiceCombo
        direction: ChoiceCombo
        item: QLineEdit
        medium: ChoiceCombo
        initiated_by: ChoiceCombo
        reported_to: ReportedToCombo
        reference: QLineEdit
        officer: QLineEdit
        channel: QLineEdit
        location: QLineEdit
        details: QPlainTextEdit
        witnesses: QLineEdit
        tags: QLineEdit

        def _add_row(self, key: str, text: str, widget: QWidget,
                     buddy: QWidget | None = None) -> None: ...
        def _changed(self, *_: object) -> None: ...
        def current_kind(self) -> str: ...
        def _set_kind(self, kind: str) -> None: ...
        def _apply_kind(self) -> None: ...
        def _report_values(self) -> dict[str, str]: ...
        def _restore_held(self, items: Iterable[Any]) -> None: ...
        def _update_status(self, saved: bool = False) -> None: ...
