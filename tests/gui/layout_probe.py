"""Open the main window and every dialog on a screen of a given size and report what does not fit.

Run in its own process (the screen size is fixed when Qt starts), for one or more languages
one after the other (a new window each, as after changing the language and restarting):

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python layout_probe.py LANG[,LANG…] OUT.json [PNG_DIR]

Writes ``{"screen": [w, h], "languages": {lang: {name: [problem, ...]}}}``. The problems looked for: a
window's frame outside the screen, a button (outside a scrolled area) not fully visible, a
single-line label cut off, a wrapped label taller than the room it has, a table column narrower
than its content without a tooltip, a horizontal scroll bar in the navigation, more than one
horizontal scroll bar showing in the main window.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QScrollArea,
    QScrollBar,
    QTableView,
    QTreeView,
    QWidget,
)


def _inside_scroll_area(w: QWidget, top: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None and p is not top:
        if isinstance(p, QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.width() > 0 and w.height() > 0


def _rect_in(w: QWidget, top: QWidget) -> QRect:
    return QRect(w.mapTo(top, w.rect().topLeft()), w.size())


def problems(top: QWidget) -> list[str]:
    out: list[str] = []
    screen = top.screen().availableGeometry()
    frame = top.frameGeometry()
    if not screen.contains(frame):
        out.append(f"frame {frame.width()}x{frame.height()} at {frame.x()},{frame.y()} "
                   f"outside the screen {screen.width()}x{screen.height()}")
    for b in top.findChildren(QAbstractButton):
        if _shown(b, top) and not _inside_scroll_area(b, top) and b.text():
            if not top.rect().contains(_rect_in(b, top)):
                out.append(f"button “{b.text()}” not fully visible")
            elif b.sizeHint().width() > b.width() + 1:
                out.append(f"button text cut off ({b.sizeHint().width()}>{b.width()}): {b.text()!r}")
    for label in top.findChildren(QLabel):
        if not _shown(label, top) or not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if _inside_scroll_area(label, top) and label.wordWrap():
            continue  # scrolled content may be taller than the view
        text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 2:
                out.append(f"wrapped label cut off ({need}>{label.height()}): {text[:40]!r}")
        elif label.textFormat() != Qt.TextFormat.RichText and "<" not in text:
            need = label.fontMetrics().horizontalAdvance(text.split("\n")[0])
            if need > label.contentsRect().width() + 2:
                out.append(f"label cut off ({need}>{label.contentsRect().width()}): {text[:40]!r}")
    for view in top.findChildren(QAbstractItemView):
        if not _shown(view, top) or not isinstance(view, (QTableView, QTreeView)) or view.model() is None:
            continue
        model = view.model()
        for c in range(model.columnCount()):
            if view.isColumnHidden(c):
                continue
            width = view.columnWidth(c)
            rows = min(model.rowCount(), 50)
            for r in range(rows):
                idx = model.index(r, c, QModelIndex())
                text = str(model.data(idx, Qt.ItemDataRole.DisplayRole) or "")
                if not text:
                    continue
                need = view.fontMetrics().horizontalAdvance(text) + 4
                tip = model.data(idx, Qt.ItemDataRole.ToolTipRole)
                if need > width and view.wordWrap() and isinstance(view, QTableView):
                    room = QRect(0, 0, max(1, width - 8), 100000)
                    flags = int(Qt.TextFlag.TextWordWrap)
                    if view.fontMetrics().boundingRect(room, flags, text).height() <= view.rowHeight(r):
                        continue  # wrapped within its row
                if need > width and not tip:
                    out.append(f"column {c} of {view.objectName() or type(view).__name__} "
                               f"{width}px < {need}px for {text[:30]!r} (no tooltip)")
                    break
    return out


def blank_ends(top: QWidget) -> list[str]:
    """Scrolled pages taller than their content: a screen of blank space after the last card."""
    out = []
    for area in top.findChildren(QScrollArea):
        content = area.widget()
        if not _shown(area, top) or content is None or not area.widgetResizable():
            continue
        layout = content.layout()
        if layout is None or not layout.hasHeightForWidth():
            continue
        need = layout.totalHeightForWidth(content.width())
        room = area.viewport().height()
        if content.height() > max(need, room) + 24:
            out.append(f"{area.objectName() or type(area).__name__}: {content.height()}px tall for "
                       f"{need}px of content")
    return out


HAN = "\u3400-\u4dbf\u4e00-\u9fff"
ASCII_MARK = re.compile(rf"[{HAN}\uff08\uff09\u3002\uff0c] ?[,:;?!()]|[,:;?!()] ?[{HAN}]")


def chinese_text_problems(top: QWidget) -> list[str]:
    """In the Chinese window: rule ids (WS-…) and ASCII marks between Chinese characters in any
    text shown, composed ones included (labels, buttons, table cells, window titles)."""
    texts = [top.windowTitle()]
    texts += [w.text() for w in top.findChildren(QLabel) if _shown(w, top)]
    texts += [w.text() for w in top.findChildren(QAbstractButton) if _shown(w, top)]
    for view in top.findChildren(QAbstractItemView):
        model = view.model()
        if not _shown(view, top) or model is None:
            continue
        for r in range(min(model.rowCount(), 50)):
            columns = view.model().columnCount() if isinstance(view, (QTableView, QTreeView)) else 1
            for c in range(columns):
                texts.append(str(model.data(model.index(r, c, QModelIndex())) or ""))
    out = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", "", text)
        if "WS-" in plain:
            out.append(f"rule id shown: {plain[:60]!r}")
        m = ASCII_MARK.search(plain)
        if m:
            out.append(f"ASCII mark in Chinese: …{plain[max(0, m.start() - 10):m.end() + 10]}…")
    return out


def horizontal_bars(top: QWidget) -> list[str]:
    bars = [b for b in top.findChildren(QScrollBar)
            if b.orientation() == Qt.Orientation.Horizontal and _shown(b, top) and b.maximum() > 0]
    return [f"{len(bars)} horizontal scroll bars showing"] if len(bars) > 1 else []


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def main(langs: str, out_path: str, png_dir: str | None) -> None:
    app = QApplication.instance() or QApplication([])
    screen = app.primaryScreen().availableGeometry()
    languages = {lang: probe_language(app, lang, png_dir) for lang in langs.split(",")}
    Path(out_path).write_text(json.dumps({"screen": [screen.width(), screen.height()],
                                          "languages": languages},
                                         ensure_ascii=False, indent=1), encoding="utf-8")


def probe_language(app: QApplication, lang: str, png_dir: str | None) -> dict[str, list[str]]:
    """The main window and every dialog in ``lang``, over a demo journal of its own."""
    from journal.core.crypto import FAST_PARAMS
    from journal.core.demo import build_demo
    from journal.core.settings import Settings
    from journal.gui import app as gui_app
    from journal.gui import qtsetup
    from journal.gui.main_window import MainWindow

    qtsetup.apply_default_font(app)
    qtsetup.install_translators(app, lang)
    _ = gui_app
    screen = app.primaryScreen().availableGeometry()
    report: dict[str, list[str]] = {}

    def look(name: str, w: QWidget) -> None:
        settle()
        report[name] = problems(w) + (chinese_text_problems(w) if lang == "zh" else [])
        if png_dir:
            w.grab().save(str(Path(png_dir) / f"{lang}-{screen.width()}x{screen.height()}-{name}.png"))

    folder = Path(tempfile.mkdtemp())
    journal = build_demo(folder / "demo.ijournal", kdf=FAST_PARAMS)
    window = MainWindow(settings=Settings(language=lang, first_run_done=True, backup_on_close=False),
                        kdf=FAST_PARAMS)
    window.offer_drafts_on_unlock = False
    window.show()
    settle()
    look("welcome", window)
    window.welcome._intro_done()
    look("start", window)
    window.welcome.show_create()
    look("create", window)
    window.welcome.show_unlock(journal.path)
    look("unlock", window)
    window.open_journal(journal)
    window.build_all_views()
    for key in window._nav_keys:
        window.show_view(key)
        look(f"view-{key}", window)
        report[f"view-{key}"] += horizontal_bars(window) + blank_ends(window)
        nav = getattr(window, "nav", None)
        if nav is not None and nav.horizontalScrollBar().isVisible():
            report[f"view-{key}"].append("horizontal scroll bar in the navigation")

    from journal.gui.attachments.viewer import AttachmentViewer
    from journal.gui.backups.dialog import BackupsDialog, PassphrasePrompt
    from journal.gui.editor.dialog import EntryEditorDialog
    from journal.gui.help.about import AboutDialog
    from journal.gui.history.dialogs import HistoryDialog, TrashDialog
    from journal.gui.importer.dialog import ImportDialog
    from journal.gui.people.editor import PersonEditorDialog
    from journal.gui.settings_dialog import SettingsDialog

    entries = journal.list_entries()
    payment = next(e for e in entries if e.kind == "payment")
    person = journal.list_persons()[0]
    picture = next(a.id for e in entries for a in e.attachments if a.media_type.startswith("image/"))
    makers: dict[str, Any] = {
        "editor-new-payment": lambda: EntryEditorDialog(journal, window, kind="payment"),
        "editor-edit": lambda: EntryEditorDialog(journal, window, entry_id=payment.id),
        "person-editor": lambda: PersonEditorDialog(journal, window, person.id),
        "settings": lambda: SettingsDialog(window.settings, window),
        "history": lambda: HistoryDialog(journal, payment.id, window),
        "trash": lambda: TrashDialog(journal, window),
        "import": lambda: ImportDialog(journal, window),
        "about": lambda: AboutDialog(window),
        "new-person": lambda: PersonEditorDialog(journal, window),
        "editor-new-request": lambda: EntryEditorDialog(journal, window, kind="request"),
        "editor-new-report": lambda: EntryEditorDialog(journal, window, kind="report"),
        "attachment-viewer": lambda: AttachmentViewer(journal, picture, window),
        "backups": lambda: BackupsDialog(window, journal.path),
        "backup-passphrase": lambda: PassphrasePrompt(window, journal.path),
    }
    for name, make in makers.items():
        dlg: QDialog = make()
        dlg.show()
        look(name, dlg)
        dlg.reject()
        dlg.deleteLater()
        settle()
    window._quitting = True
    window.lock(show_unlock=False)
    window.wait_for_close()
    journal.close()
    window.deleteLater()
    settle()
    return report


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
