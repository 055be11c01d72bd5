"""``journal --self-test``: check that this installation works, without touching real data.

Prints the versions, checks that the bundled CJK font loads, that a PDF with Chinese text can be
made and read back (in memory), that the window's Qt parts work (platform, SVG icons, font,
translation; only where PySide6 is installed), that a rendered chat picture is read right by the
text recognition (in its child process, as screenshots are), and creates, writes, reads back and verifies a
throw-away journal in a temporary folder (encrypted like any journal, deleted after).
Returns 0 when everything works, else prints what failed and returns 1.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import journal
from journal.core import paths

log = logging.getLogger(__name__)

_MARKER = "self-test 自检 ✓"
_PDF_FONT = "SelfTestCJK"
_qt_app: object | None = None  # kept alive when the self-test had to create the application


def sqlcipher_version() -> str:
    """The SQLCipher library version (e.g. "4.19.0 community"), or "" when it does not say."""
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return str(row[0]) if row and row[0] else ""
    finally:
        conn.close()


def component_versions() -> dict[str, str]:
    """Versions shown by ``--self-test`` and the About dialog (no Qt import here)."""
    versions = {"Incident Journal": journal.__version__, "Python": platform.python_version()}
    versions["SQLCipher"] = sqlcipher_version() or "?"
    for name, module in (("sqlcipher3", "sqlcipher3"), ("cryptography", "cryptography"),
                         ("reportlab", "reportlab"), ("pypdf", "pypdf"),
                         ("platformdirs", "platformdirs")):
        versions[name] = _module_version(module)
    for dist in ("rapidocr-onnxruntime", "onnxruntime", "opencv-python-headless"):
        versions[dist] = _dist_version(dist)
    if "PySide6" in sys.modules:
        versions["PySide6"] = _module_version("PySide6")
    return versions


def _dist_version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def _module_version(module: str) -> str:
    try:
        from importlib.metadata import version

        dist = {"sqlcipher3": "sqlcipher3"}.get(module, module)
        return version(dist)
    except Exception:  # noqa: BLE001 - metadata may be missing in a frozen bundle
        try:
            mod = __import__(module)
            return str(getattr(mod, "__version__", "?"))
        except Exception:  # noqa: BLE001
            return "?"


def _check_font() -> str:
    from reportlab.pdfbase.ttfonts import TTFont

    path = paths.font_path()
    if not path.is_file():
        raise RuntimeError(f"font file missing: {path}")
    font = TTFont("SelfTestCJK", str(path), subfontIndex=0)
    face = font.face
    for ch in "事件日志":
        if ord(ch) not in face.charToGlyph:
            raise RuntimeError(f"font has no glyph for {ch!r}")
    return f"{path.name} ({path.stat().st_size // 1024} KB)"


def _check_pdf() -> str:
    from io import BytesIO

    from pypdf import PdfReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if _PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_PDF_FONT, str(paths.font_path()), subfontIndex=0))
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont(_PDF_FONT, 14)
    pdf.drawString(72, 720, "事件日志 Incident Journal")
    pdf.save()
    text = PdfReader(BytesIO(buffer.getvalue())).pages[0].extract_text() or ""
    if "事件日志" not in text:
        raise RuntimeError("the Chinese text of a PDF could not be read back")
    return f"made and read back in memory ({len(buffer.getvalue()) // 1024} KB, font embedded)"


def _check_qt() -> str:
    global _qt_app
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        no_display = not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY",
                                                          "QT_QPA_PLATFORM"))
        if sys.platform.startswith("linux") and no_display:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # checking needs no screen
        app = _qt_app = QApplication(sys.argv[:1])
    from journal.gui import qtsetup

    base = paths.resources_dir()
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise RuntimeError("the SVG image plug-in is missing")
    if QIcon(str(base / "icons" / "app" / f"{journal.APP_ID}.svg")).pixmap(32, 32).isNull():
        raise RuntimeError("the SVG app icon cannot be drawn")
    family = qtsetup.register_fonts()
    if not family:
        raise RuntimeError("Qt cannot load the bundled font")
    translator = QTranslator()
    if not translator.load(str(base / "translations" / "journal_zh_CN.qm")):
        raise RuntimeError("the Chinese translation cannot be loaded")
    platform_name = app.platformName() if hasattr(app, "platformName") else "?"
    return f"Qt platform {platform_name}, SVG icons, font {family}, Chinese translation"


def _check_journal() -> str:
    from journal.core.crypto import FAST_PARAMS
    from journal.core.models import EntryDraft
    from journal.core.store import Journal

    passphrase = "self-test passphrase 自检"
    with tempfile.TemporaryDirectory(prefix="ij-selftest-") as tmp:
        path = Path(tmp) / "selftest.ijournal"
        j = Journal.create(path, passphrase, kdf=FAST_PARAMS)
        try:
            person = j.add_person("Self-test 自检")
            entry = j.add_entry(EntryDraft(kind="note", summary=_MARKER, persons=[person.id]))
            j.add_attachment(entry_id=entry.id, data=b"\x89PNG self-test", filename="t.png")
        finally:
            j.close()
        if _MARKER.encode() in path.read_bytes():
            raise RuntimeError("journal content found unencrypted in the file")
        j = Journal.open(path, passphrase)
        try:
            back = j.get_entry(entry.id)
            if back.summary != _MARKER or len(back.attachments) != 1:
                raise RuntimeError("the entry read back differs from what was written")
            result = j.verify()
            if not result.ok:
                raise RuntimeError("integrity check failed: " + "; ".join(result.problems))
        finally:
            j.close()
    return "created, written, read back and verified (then deleted)"


def _check_ocr() -> str:
    import time

    from journal.core.ocr.layout import read_layout
    from journal.core.ocr.runner import Recogniser
    from journal.core.ocr.sample import self_test_sample

    sample = self_test_sample()
    started = time.monotonic()
    with Recogniser() as recogniser:
        answer = recogniser.recognise("self-test.png", sample.data)
    seconds = time.monotonic() - started
    picture = read_layout(answer)
    expected = [(b.side, b.text.replace(" ", "")) for b in sample.bubbles if b.side != "time"]
    read = [(b.side, b.text.replace(" ", "")) for b in picture.bubbles]
    if picture.header != sample.header or read != expected:
        raise RuntimeError(f"a rendered chat picture was read wrongly: {picture.header!r} {read!r}")
    return f"a rendered chat picture read right, speakers too ({seconds:.1f} s)"


def _check_resources() -> str:
    base = paths.resources_dir()
    missing = [rel for rel in ("translations/journal_zh_CN.qm", "help/en", "help/zh",
                               f"icons/app/{journal.APP_ID}.svg") if not (base / rel).exists()]
    if missing:
        raise RuntimeError("missing resources: " + ", ".join(missing))
    return str(base)


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("resources", _check_resources),
    ("CJK font", _check_font),
    ("PDF", _check_pdf),
    ("window (Qt)", _check_qt),
    ("journal", _check_journal),
    ("screenshot text recognition", _check_ocr),
]


def run(out: TextIO | None = None) -> int:
    """Run every check, print one line each; 0 when all pass, else 1."""
    stream = out if out is not None else sys.stdout
    versions = component_versions()
    stream.write(f"Incident Journal {journal.__version__}\n")
    stream.write(f"SQLCipher {versions['SQLCipher']}\n")
    stream.write("  " + ", ".join(f"{k} {v}" for k, v in versions.items()
                                  if k not in ("Incident Journal", "SQLCipher")) + "\n")
    failed = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:
            failed += 1
            log.debug("self-test %s failed", name, exc_info=True)
            stream.write(f"FAIL {name}: {type(exc).__name__}: {exc}\n")
        else:
            stream.write(f"ok   {name}: {detail}\n")
    stream.write("self-test passed\n" if not failed else f"self-test FAILED ({failed} check(s))\n")
    stream.flush()
    return 0 if not failed else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
