"""Promise (nothing leaked): an unexpected error never writes what the user typed into the log.

Exception messages can carry content (``KeyError('<a name>')``, a parser quoting its input), so the
log gets the exception's type and the code locations only, as the window's excepthook does."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from journal.cli import main
from journal.core.crypto import FAST_PARAMS
from journal.core.store import Journal

from .conftest import PASS

MARKER = "LOGMARK-5d1c-军舰港口鲟-zq"


def test_cli_unexpected_error_logs_no_content(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              caplog: pytest.LogCaptureFixture,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)

    def broken_search(self: Journal, text: str, **_kw: Any) -> list[str]:
        raise KeyError(text)  # a bug somewhere, whose message quotes the user's text

    monkeypatch.setattr(Journal, "search", broken_search)
    with caplog.at_level(logging.INFO):
        code = main(["--journal", str(path), "search", MARKER])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and MARKER not in err
    assert "KeyError" in caplog.text and "broken_search" in caplog.text  # still debuggable
    assert MARKER not in caplog.text
    assert MARKER.split("-")[1] not in caplog.text


def test_window_error_dialog_logs_no_content(qapp: Any, caplog: pytest.LogCaptureFixture) -> None:
    from journal.gui import dialogs

    dialogs.reset()
    try:
        raise ValueError(f"could not parse {MARKER}")
    except ValueError as exc:
        error = exc
    dialogs.set_next_answer(None)
    with caplog.at_level(logging.INFO):
        dialogs.show_error(None, error)
    assert "ValueError" in caplog.text
    assert MARKER not in caplog.text and MARKER not in dialogs.shown[-1][1]
    dialogs.reset()


def test_log_files_never_get_exception_messages(tmp_path: Path) -> None:
    """Every ``log.exception(...)`` in the app goes through the log file's formatter, which keeps
    the exception's type and code locations and drops its message."""
    from journal.core.logsetup import ContentFreeFormatter

    out = tmp_path / "app.log"
    handler = logging.FileHandler(out, encoding="utf-8")
    handler.setFormatter(ContentFreeFormatter("%(levelname)s %(name)s: %(message)s"))
    other = logging.Handler()  # a handler that formats first and caches the full text
    other.setFormatter(logging.Formatter())
    other.emit = lambda record: other.format(record)  # type: ignore[method-assign]
    logger = logging.getLogger("journal.test.contentfree")
    logger.propagate = False
    logger.addHandler(other)
    logger.addHandler(handler)
    try:
        try:
            {}[MARKER]
        except KeyError:
            logger.exception("listener failed")
    finally:
        logger.removeHandler(handler)
        logger.removeHandler(other)
        handler.close()
    text = out.read_text(encoding="utf-8")
    assert "listener failed" in text and "KeyError" in text and "test_no_content_in_logs" in text
    assert MARKER not in text and MARKER.encode("utf-8") not in out.read_bytes()


def test_both_log_setups_use_the_content_free_formatter() -> None:
    import inspect

    from journal.core import logsetup
    from journal.gui import app

    assert "ContentFreeFormatter(" in inspect.getsource(logsetup.setup_logging)
    assert "ContentFreeFormatter(" in inspect.getsource(app.setup_logging)
