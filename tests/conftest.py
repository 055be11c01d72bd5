"""Shared fixtures: every test gets its own HOME, XDG dirs and JOURNAL_HOME; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

PASSPHRASE = "correct horse 电池 staple"


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests by their fixtures
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files that hold a test marked ``slow`` run first, each file's tests kept together and
    in order: spread over cores (``pytest -n auto``), the longest tests then start at once
    instead of leaving one core working alone at the end."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)  # stable: the order stays within


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("JOURNAL_HOME", str(home / "journal-home"))
    monkeypatch.delenv("JOURNAL_PASSPHRASE", raising=False)
    monkeypatch.delenv("JOURNAL_NEW_PASSPHRASE", raising=False)
    return home


@pytest.fixture(autouse=True)
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """``dialogs.shown``: (kind, text) of the messages the window showed in this test. The app
    keeps no such list; the test collects it through the dialogs' observer seam."""
    from journal.gui import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "shown", shown, raising=False)
    dialogs.observe(lambda kind, text: shown.append((kind, text)))
    reset = dialogs.reset

    def reset_and_forget() -> None:  # tests expect reset() to start the list afresh
        reset()
        shown.clear()

    monkeypatch.setattr(dialogs, "reset", reset_and_forget)
    yield shown
    dialogs.observe(None)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "test.ijournal"


@pytest.fixture
def journal(journal_path: Path):  # type: ignore[no-untyped-def]
    """A new, empty journal with cheap (test-only) KDF parameters."""
    from journal.core.crypto import FAST_PARAMS
    from journal.core.store import Journal

    j = Journal.create(journal_path, PASSPHRASE, kdf=FAST_PARAMS)
    yield j
    j.close()
