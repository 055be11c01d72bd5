"""Forms that forgive: Enter never saves a half-filled dialog (Ctrl+Enter saves), an error goes
as soon as its field is fixed, errors name fields by their label, and every dialog and the menu
bar have unique mnemonics (in English and Chinese)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget, QWidget


# ---------------------------------------------------------------------- person editor
def test_enter_after_a_handle_does_not_close_the_person_editor(qtbot: Any, journal: Any) -> None:
    from journal.gui.people.editor import PersonEditorDialog

    dlg = PersonEditorDialog(journal)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name.setText("Xiao Min")
    qtbot.keyClick(dlg.name, Qt.Key.Key_Return)
    assert dlg.isVisible() and journal.list_persons() == []
    assert dlg.focusWidget() is dlg.aliases  # Enter moved on
    dlg.handles.add_row("wechat", "min_2024")
    edit = dlg.handles.table.cellWidget(0, 1)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dlg.isVisible() and journal.list_persons() == []
    dlg.notes.setPlainText("never shows her face on video")
    qtbot.keyClick(dlg.platform, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (person,) = journal.list_persons()
    assert person.notes == "never shows her face on video"
    assert [h.value for h in person.handles] == ["min_2024"]


def test_person_name_error_goes_as_soon_as_a_name_is_typed(qtbot: Any, journal: Any) -> None:
    from journal.gui.people.editor import PersonEditorDialog

    dlg = PersonEditorDialog(journal)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.save()
    assert dlg.errors["name"].isVisible()
    qtbot.keyClicks(dlg.name, "Z")
    assert not dlg.errors["name"].isVisible()


# ---------------------------------------------------------------------- entry editor
def test_enter_in_the_entry_editor_does_not_save_and_ctrl_enter_does(
        qtbot: Any, journal: Any) -> None:
    from journal.gui.editor.dialog import EntryEditorDialog

    dlg = EntryEditorDialog(journal, kind="note")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    dlg.summary.setFocus()
    qtbot.keyClicks(dlg.summary, "met at the port")
    qtbot.keyClick(dlg.summary, Qt.Key.Key_Return)
    assert dlg.isVisible() and journal.count_entries() == 0
    qtbot.keyClick(dlg.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert journal.count_entries() == 1


def test_entry_editor_errors_go_once_their_field_is_fixed(qtbot: Any, journal: Any) -> None:
    from journal.gui.editor.dialog import EntryEditorDialog

    dlg = EntryEditorDialog(journal, kind="payment")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.amount.setText("three hundred")
    assert not dlg.save()
    assert dlg.errors["summary"].isVisible() and dlg.errors["money"].isVisible()
    qtbot.keyClicks(dlg.summary, "p")
    assert not dlg.errors["summary"].isVisible()
    assert dlg.errors["money"].isVisible()  # only the fixed field's error goes
    qtbot.keyClicks(dlg.amount, "0")
    assert not dlg.errors["money"].isVisible()


@pytest.mark.parametrize(("lang", "text"), [
    ("en", ("Summary is too long: 620 characters, at most 500. Keep one sentence here and move "
           "the rest into “Details”.")),
    ("zh", "概要太长：共 620 个字符，最多 500 个。这里只留一句话，其余内容请移到“详细经过”里。"),
])
def test_a_long_summary_is_refused_by_its_label_with_a_hint_to_move_the_rest(
        qtbot: Any, journal: Any, gui_app: Any, lang: str, text: str) -> None:
    from journal.gui import qtsetup
    from journal.gui.editor.dialog import EntryEditorDialog

    qtsetup.install_translators(gui_app, lang)
    dlg = EntryEditorDialog(journal, kind="note")
    qtbot.addWidget(dlg)
    dlg.summary.setText("x" * 620)
    assert not dlg.save()
    assert dlg.errors["summary"].text() == text
    assert journal.count_entries() == 0


# ---------------------------------------------------------------------- mnemonics
def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def _visible_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every visible labelled control in ``root`` (labels with a buddy,
    buttons, group boxes, tabs)."""
    found: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        texts: list[str] = []
        if isinstance(w, QLabel) and w.buddy() is not None or isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        for text in texts:
            letter = _mnemonic(text)
            if letter:
                found.append((letter, text))
    return found


def _duplicates(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in pairs:
        by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def _dialogs(journal: Any, settings: Any, tmp_path: Path) -> dict[str, Callable[[], QWidget]]:
    from journal.core.models import KINDS, EntryDraft
    from journal.gui.backups.dialog import BackupsDialog, PassphrasePrompt
    from journal.gui.editor.dialog import EntryEditorDialog
    from journal.gui.help.about import AboutDialog
    from journal.gui.history.dialogs import HistoryDialog, TrashDialog
    from journal.gui.importer.dialog import ImportDialog
    from journal.gui.maintenance import ChangePassphraseDialog, IntegrityDialog
    from journal.gui.people.editor import PersonEditorDialog
    from journal.gui.settings_dialog import SettingsDialog

    entry = journal.add_entry(EntryDraft(kind="note", summary="n"))
    backup = Path(journal.backup_into(tmp_path))
    makers: dict[str, Callable[[], QWidget]] = {
        f"entry editor ({kind})": (lambda k=kind: EntryEditorDialog(journal, kind=k))
        for kind in KINDS}
    makers.update({
        "person editor": lambda: PersonEditorDialog(journal),
        "settings": lambda: SettingsDialog(settings),
        "change passphrase": lambda: ChangePassphraseDialog(journal, settings),
        "check integrity": lambda: IntegrityDialog(journal),
        "history": lambda: HistoryDialog(journal, entry.id),
        "trash": lambda: TrashDialog(journal),
        "import": lambda: ImportDialog(journal),
        "backups": lambda: BackupsDialog(None, Path(journal.path)),
        "backup passphrase": lambda: PassphrasePrompt(None, backup),
        "about": lambda: AboutDialog(),
    })
    return makers


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_dialog_has_unique_mnemonics(qtbot: Any, journal: Any, settings: Any,
                                           tmp_path: Path, gui_app: Any, lang: str) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, lang)
    clashes = {}
    for name, make in _dialogs(journal, settings, tmp_path).items():
        dlg = make()
        qtbot.addWidget(dlg)
        dlg.show()
        found = _duplicates(_visible_mnemonics(dlg))
        if found:
            clashes[name] = found
        dlg.close()
    assert clashes == {}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_menu_bar_and_each_menu_have_unique_mnemonics(open_window: Any, gui_app: Any,
                                                      lang: str) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, lang)
    open_window.retranslate()
    bar = open_window.menuBar()
    titles = [(_mnemonic(a.text()), a.text()) for a in bar.actions() if a.isVisible()]
    assert _duplicates([(k, t) for k, t in titles if k]) == {}
    clashes = {}
    for menu in bar.findChildren(QMenu):
        items = [(_mnemonic(a.text()), a.text()) for a in menu.actions()
                 if a.isVisible() and not a.isSeparator()]
        found = _duplicates([(k, t) for k, t in items if k])
        if found:
            clashes[menu.title()] = found
    assert clashes == {}


def test_enter_in_a_single_line_field_closes_no_dialog(qtbot: Any, journal: Any, settings: Any,
                                                       tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLineEdit

    closed = []
    for name, make in _dialogs(journal, settings, tmp_path).items():
        if name == "backup passphrase":
            continue  # one field: Enter there means "open it", nothing is left half-filled
        dlg = make()
        qtbot.addWidget(dlg)
        dlg.show()
        fields = [w for w in dlg.findChildren(QLineEdit)
                  if w.isVisibleTo(dlg) and w.isEnabled() and not w.isReadOnly()
                  and w.parent() is not None and type(w.parent()).__name__ != "QComboBox"]
        for field in fields[:1]:
            field.setFocus()
            qtbot.keyClick(field, Qt.Key.Key_Return)
            if not dlg.isVisible():
                closed.append(name)
        dlg.close()
    assert closed == []


# ---------------------------------------------------------------------- errors beside fields
@pytest.mark.parametrize("field", ["location", "passphrase", "repeat"])
def test_create_page_error_goes_as_soon_as_any_of_its_fields_is_changed(
        window: Any, qtbot: Any, tmp_path: Path, field: str) -> None:
    window.welcome.show_create()
    page = window.welcome.create_page
    page.location.setText(str(tmp_path / "mine.ijournal"))
    page.passphrase.setText("a long enough passphrase")
    page.repeat.setText("a different passphrase")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    assert page.error.isVisible() and "differ" in page.error.text()
    qtbot.keyClicks(getattr(page, field), "x")
    assert not page.error.isVisible()
    assert window.journal is None


def test_change_passphrase_form_error_goes_as_soon_as_a_field_is_changed(
        open_window: Any, journal: Any, settings: Any, qtbot: Any) -> None:
    from journal.gui.maintenance import ChangePassphraseDialog

    dlg = ChangePassphraseDialog(journal, settings, open_window)
    qtbot.addWidget(dlg)
    dlg.show()
    for field in (dlg.old, dlg.new, dlg.repeat):
        dlg.form_error.show_message("The journal could not be re-encrypted.")
        assert dlg.form_error.isVisible()
        qtbot.keyClicks(field, "x")
        assert not dlg.form_error.isVisible()
    dlg.form_error.show_message("The journal could not be re-encrypted.")
    qtbot.mouseClick(dlg.delete_copies, Qt.MouseButton.LeftButton)
    assert not dlg.form_error.isVisible()


@pytest.mark.parametrize(("repeat", "red"), [
    ("shorty", ""), ("other", "The two passphrases differ")])
def test_create_page_says_too_short_once_under_the_meter_and_names_a_mismatch_in_red(
        window: Any, qtbot: Any, tmp_path: Path, repeat: str, red: str) -> None:
    window.welcome.show_create()
    page = window.welcome.create_page
    page.location.setText(str(tmp_path / "mine.ijournal"))
    page.passphrase.setText("shorty")
    page.repeat.setText(repeat)
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    assert "Too short: at least 8 characters." in page.strength.hint.text()
    assert "at least 8 characters" not in page.error.text()
    assert page.error.text().startswith(red) and page.error.isVisible() == bool(red)
    assert window.journal is None and not (tmp_path / "mine.ijournal").exists()
