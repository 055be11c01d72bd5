"""The Warning signs page: reasons in plain words, and the user's "not this" (set aside with a
reason, greyed, counted again), offscreen over a real journal, in English and Chinese."""

from __future__ import annotations

import html
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from journal.core.signs import dismiss, dismissals
from journal.gui import qtsetup
from journal.gui.signs.view import SignCard, SignsView

SHOTS = os.environ.get("SIGNS_SCREENSHOTS")  # a folder outside the repo, to look at the page


def _corpus() -> Any:
    name = "signs_corpus_for_gui"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent.parent / "core" / "signs_corpus.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def view(qtbot: Any) -> SignsView:
    qtsetup.install_translators(QApplication.instance(), "en")  # type: ignore[arg-type]
    if SHOTS:
        qtsetup.apply_default_font(QApplication.instance())  # type: ignore[arg-type]
    v = SignsView()
    qtbot.addWidget(v)
    v.resize(860, 900)
    return v


@pytest.fixture
def mia(journal: Any) -> Any:
    corpus = _corpus()
    corpus.build_in_journal(journal, next(x for x in corpus.load("train")
                                          if x.name == "c-mixed-mia-phone"))
    return journal


def _card(view: SignsView, sign_id: str) -> SignCard:
    return next(c for c in view.cards if c.result.id == sign_id)


def _texts(widget: Any) -> str:
    return "\n".join(lbl.text() for lbl in widget.findChildren(QLabel) if lbl.isVisibleTo(widget))


def _shot(view: SignsView, name: str) -> None:
    if SHOTS:
        content = view.scroll_area.widget()  # the whole page, not only the visible part
        assert content is not None
        content.grab().save(str(Path(SHOTS) / f"signs-{name}.png"))
        for card in view.cards:
            if card.result.dismissed is not None or card.dismiss_error.isVisibleTo(card):
                card.grab().save(str(Path(SHOTS) / f"signs-{name}-{card.result.id}.png"))


def test_each_card_says_why_in_plain_words(view: SignsView, mia: Any) -> None:
    view.set_journal(mia)
    card = _card(view, "WS-DEVICE-GIFT")
    assert card.reasons is not None and card.reasons.isVisibleTo(card)
    assert "'iPhone' given by Mia (entry of 9 March 2025)" in html.unescape(card.reasons.text())
    intimacy = _card(view, "WS-FAST-INTIMACY").reasons
    assert intimacy is not None
    assert "'第二天她就说我们在一起吧' in the entry of 3 March 2025" in html.unescape(intimacy.text())


def test_not_this_sets_the_sign_aside_greyed_with_the_reason(qtbot: Any, view: SignsView,
                                                             mia: Any) -> None:
    view.set_journal(mia)
    _shot(view, "en-before")
    card = _card(view, "WS-FAST-INTIMACY")
    assert not card.reason_edit.isVisibleTo(card)
    qtbot.mouseClick(card.dismiss_button, Qt.MouseButton.LeftButton)
    assert card.reason_edit.isVisibleTo(card)
    qtbot.keyClicks(card.reason_edit, "We met at school years ago")
    with qtbot.waitSignal(view.signsChanged) as blocker:
        qtbot.mouseClick(card.confirm_button, Qt.MouseButton.LeftButton)
    assert dismissals(mia)["WS-FAST-INTIMACY"].reason == "We met at school years ago"
    assert blocker.args == [len(view.results) - 1]  # the badge no longer counts it
    assert mia.verify().ok
    aside = _card(view, "WS-FAST-INTIMACY")
    assert aside.property("dismissed") is True
    assert view.cards[-1] is aside  # moved to the end, under its own heading
    assert aside.dismissed_label is not None
    assert aside.dismissed_label.text() == "You set this aside: “We met at school years ago”"
    assert aside.chip.text() == "Set aside by you"
    assert "Set aside by you — not counted" in _texts(view)
    assert not aside.advice.isVisibleTo(aside)
    assert view.overview.buttons["WS-FAST-INTIMACY"].property("level") == "dismissed"
    _shot(view, "en-set-aside")
    with qtbot.waitSignal(view.signsChanged):
        qtbot.mouseClick(aside.undismiss_button, Qt.MouseButton.LeftButton)
    assert dismissals(mia) == {}
    assert _card(view, "WS-FAST-INTIMACY").property("dismissed") is False


def test_an_empty_reason_is_refused_on_the_card_in_chinese(qtbot: Any, view: SignsView,
                                                           mia: Any) -> None:
    app = QApplication.instance()
    try:
        qtsetup.install_translators(app, "zh")  # type: ignore[arg-type]
        QApplication.processEvents()  # LanguageChange: the page retranslates
        view.set_journal(mia)
        card = _card(view, "WS-SECRECY")
        assert card.dismiss_button.text() == "不适用……"
        qtbot.mouseClick(card.dismiss_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(card.reason_edit, "   ")
        qtbot.keyClick(card.reason_edit, Qt.Key.Key_Return)
        assert card.dismiss_error.isVisibleTo(card)
        assert card.dismiss_error.text() == "请简短写明这个信号为什么不符合你的情况。"
        assert dismissals(mia) == {}
        text = _texts(view)
        assert "警示信号" in text and "How to report" not in text
        assert "为什么会显示" in text
        assert "2025年3月9日的记录：Mia送的“iPhone”" in text
        assert "WS-" not in text
        _shot(view, "zh-error")
        dismiss(mia, "WS-DEVICE-GIFT", "这是我表哥送的旧手机，不是对方")
        view.refresh()
        aside = _card(view, "WS-DEVICE-GIFT")
        assert aside.dismissed_label is not None
        assert aside.dismissed_label.text() == "你已标为不适用，理由：“这是我表哥送的旧手机，不是对方”"
        assert aside.undismiss_button.text() == "重新计入"
        assert "WS-" not in _texts(view)
        _shot(view, "zh-set-aside")
    finally:
        qtsetup.install_translators(app, "en")  # type: ignore[arg-type]
