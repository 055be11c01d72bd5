"""The ``journal`` program: application set-up and the window.

Kept light so that the unlock screen appears quickly: the store, SQLCipher, reportlab and the
feature views are imported only when a journal is opened.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

import journal

log = logging.getLogger(__name__)


def setup_logging() -> Path | None:
    """A rotating log under the log dir. Only event names and ids are logged, never content."""
    from journal.core import paths

    try:
        log_dir = paths.ensure_private_dir(paths.log_dir())
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir / "journal.log", maxBytes=512 * 1024, backupCount=3, encoding="utf-8")
        path: Path | None = log_dir / "journal.log"
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
        path = None
    from journal.core.logsetup import ContentFreeFormatter  # exceptions without their message

    handler.setFormatter(ContentFreeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_journal_handler", False)]:
        root.removeHandler(old)
    handler._journal_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _excepthook(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    """Log the traceback (code locations only: no exception message, which could hold content)
    and show a short dialog."""
    frames = "".join(traceback.format_tb(tb))
    log.error("uncaught %s\n%s", exc_type.__name__, frames)
    try:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            from journal.gui import dialogs

            dialogs.show_error(QApplication.activeWindow(), RuntimeError("uncaught"))
    except Exception:  # noqa: BLE001 - the hook itself must never raise
        log.error("could not show the error dialog")


def create_application(argv: list[str] | None = None) -> Any:
    """The QApplication with name, icon, bundled font and translators (idempotent for tests)."""
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from journal.core import paths
    from journal.core import settings as settings_mod
    from journal.gui import qtsetup

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QApplication.setApplicationName(journal.APP_NAME)
    QApplication.setApplicationDisplayName(journal.APP_NAME)
    QApplication.setOrganizationName("Incident Journal")
    QApplication.setApplicationVersion(journal.__version__)
    QGuiApplication.setDesktopFileName(journal.APP_ID)
    icon_dir = paths.resources_dir() / "icons" / "app"
    if icon_dir.is_dir():
        icon = QIcon()
        for png in sorted(icon_dir.glob("*.png")):
            icon.addFile(str(png))
        svg = icon_dir / f"{journal.APP_ID}.svg"
        if svg.is_file():
            icon.addFile(str(svg))
        if not icon.isNull():
            QApplication.setWindowIcon(icon)
    qtsetup.apply_default_font(app)
    settings = settings_mod.load()
    qtsetup.install_translators(app, settings.effective_language())
    return app


def _lang() -> str:
    from journal.core import settings as settings_mod
    from journal.core.i18n import normalise_lang

    try:
        return normalise_lang(settings_mod.load().effective_language())
    except Exception:  # noqa: BLE001 - never fail on preferences
        return "en"


def _parse(argv: list[str]) -> argparse.Namespace:
    from journal import clihelp

    lang = _lang()
    zh = lang == "zh"
    parser = argparse.ArgumentParser(
        prog="journal", formatter_class=clihelp.formatter_for(lang),
        description="事件日志：离线、加密的可疑接触记录本。" if zh
        else "Incident Journal: an offline, encrypted journal.")
    parser._optionals.title = clihelp.word("options", lang)
    parser._actions[0].help = clihelp.word("help", lang)
    parser.add_argument("--version", action="version", version=f"journal {journal.__version__}",
                        help=clihelp.word("version", lang))
    parser.add_argument("--self-test", action="store_true",
                        help="检查安装是否完好（加密、字体、PDF）后退出" if zh
                        else "check the installation (encryption, fonts, PDF) and exit")
    parser.add_argument("--journal", metavar="路径" if zh else "PATH",
                        help="打开这个日志文件" if zh else "open this journal file")
    with clihelp.argparse_language(lang):  # argparse's own messages
        args, _qt_args = parser.parse_known_args(argv)
    return args


def main(argv: list[str] | None = None) -> int:
    from journal.core.hardening import harden_process

    harden_process()  # before any passphrase or key exists in this process
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        setup_logging()
        from journal import selftest

        return int(selftest.run())
    setup_logging()
    sys.excepthook = _excepthook
    log.info("starting %s", journal.__version__)
    app = create_application()
    from journal.gui.main_window import MainWindow

    window = MainWindow(journal_path=Path(args.journal).expanduser() if args.journal else None)
    window.show()
    code = app.exec()
    log.info("quit")
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
