"""Qt's own dialogs speak the window's language: message-box buttons and the file dialog's labels
and buttons are Chinese when the interface is Chinese (Qt's qtbase_zh_CN catalogue is loaded)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton

HAN = re.compile(r"[\u4e00-\u9fff]")


def _button_texts(widget: Any) -> list[str]:
    return [b.text().replace("&", "") for b in widget.findChildren(QPushButton) if b.text()]


def test_message_box_buttons_are_chinese_in_the_chinese_interface(gui_app: Any, qtbot: Any) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, "zh")
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "要继续吗？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = _button_texts(box)
    assert len(texts) == 3
    assert all(HAN.search(t) for t in texts), texts
    assert any("取消" in t for t in texts)


def test_message_box_buttons_are_english_in_the_english_interface(gui_app: Any, qtbot: Any) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Title", "Go on?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert sorted(_button_texts(box)) == ["Cancel", "Yes"]


def test_file_dialog_labels_and_buttons_are_chinese_in_the_chinese_interface(gui_app: Any, qtbot: Any,
                                                                           tmp_path: Any) -> None:
    from journal.gui import dialogs, qtsetup

    qtsetup.install_translators(gui_app, "zh")
    dlg = dialogs.file_dialog(None, "选择文件", str(tmp_path), "PDF 文件 (*.pdf)", save=True)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    box = dlg.findChild(QDialogButtonBox)
    buttons = [b.text().replace("&", "") for b in box.buttons()]
    assert buttons and all(HAN.search(t) for t in buttons), buttons
    labels = [lab.text().replace("&", "") for lab in dlg.findChildren(QLabel) if lab.isVisible() and lab.text()]
    english = [t for t in labels if re.search(r"[A-Za-z]{3,}", t) and not HAN.search(t)]
    assert labels and english == [], labels
