"""The Warning signs page words the reasons of the entries its cards list, no more (issue 17),
and shows the small test journals exactly as before (cards compared with the digests of
tests/data/signs/, see tests/core/signs_outputs.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from journal.core.signs import REASONS_LISTED, reasons
from journal.core.store import Journal
from journal.gui.signs.view import EVIDENCE_SHOWN, SignsView


def _module(name: str) -> Any:
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent.parent / "core" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_cards_of_the_small_journals_are_as_before_in_english_and_chinese(
        gui_app: Any, tmp_path: Path) -> None:
    so = _module("signs_outputs")
    before = so.before()
    for name, make in so.small_journals():
        path = tmp_path / f"{name}.ijournal"
        make(path).close()
        with so.keys_once():
            now = so.window_outputs(path)
        for face, text in now.items():
            assert so.digest(text) == before[name][face], (name, face, text)


def test_cards_word_the_reasons_of_the_entries_they_list_alone(
        gui_app: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    so = _module("signs_outputs")  # (puts tests/core on sys.path)
    many = _module("test_signs_reasons_on_request")
    assert EVIDENCE_SHOWN == REASONS_LISTED == 20
    j = Journal.create(tmp_path / "many.ijournal", so.PASS, kdf=so.FAST_PARAMS)
    try:
        many.build_many(j)
        made: list[reasons.Reason] = []
        real = reasons.Reason

        def counted(*a: Any, **k: Any) -> reasons.Reason:
            made.append(real(*a, **k))
            return made[-1]

        monkeypatch.setattr(reasons, "Reason", counted)
        view = SignsView()
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.signsChanged):
            view.set_journal(j)  # a small journal: evaluated at once
        entry_reasons = [r for r in made if r.entry_id is not None]
        big = [c for c in view.cards if len(c.result.evidence) > EVIDENCE_SHOWN]
        assert len(big) >= 3
        # the reasons of the entries the cards list, none for those a card only counts
        listed = {i for c in view.cards for i in c.result.evidence[:EVIDENCE_SHOWN]}
        assert {r.entry_id for r in entry_reasons} == listed
        worded = len(entry_reasons)
        assert worded == sum(x.entry_id is not None for c in view.cards
                             for x in c.result.first_reasons(EVIDENCE_SHOWN))
        for card in big:
            assert card.reasons is not None
            assert card.reasons.text().count("<li>") == EVIDENCE_SHOWN
            assert len(card.evidence_buttons) == EVIDENCE_SHOWN
            more = card.findChild(QLabel, "moreEvidence")
            assert more is not None
            hidden = len(card.result.evidence) - EVIDENCE_SHOWN
            assert more.text() == f"… and {hidden} more entries (the PDF report lists them all)."
        view.set_journal(None)
    finally:
        j.close()
