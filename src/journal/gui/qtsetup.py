"""Application-wide Qt set-up shared by the window, its tests and the screenshots.

- the bundled CJK font is registered so Chinese never shows as boxes;
- Qt's own and our translations are installed for the chosen language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from journal.core import paths

log = logging.getLogger(__name__)

_font_family: str | None = None
_translators: list[QTranslator] = []
_current_lang = "en"


def current_lang() -> str:
    """The window's language, "zh" or "en" (for core texts such as error messages)."""
    return _current_lang


def register_fonts() -> str | None:
    """Register the bundled WenQuanYi Micro Hei once; return its family name."""
    global _font_family
    if _font_family is not None:
        return _font_family
    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    if font_id < 0:
        log.warning("bundled CJK font could not be loaded")
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    _font_family = families[0] if families else None
    return _font_family


def apply_default_font(app: QCoreApplication) -> None:
    """Use the system UI font but fall back to the bundled CJK font for Chinese."""
    family = register_fonts()
    if not family:
        return
    font = QFont(app.font())  # type: ignore[attr-defined]
    # The resolved family, not the alias ("Sans Serif"): with the alias first, Qt may pick the
    # CJK face for Latin punctuation too ("…" drawn as the centred Chinese "⋯").
    base = QFontInfo(font).family()
    families = [base, family] if base and base != family else [family]
    font.setFamilies(families)
    app.setFont(font)  # type: ignore[attr-defined]


def install_translators(app: QCoreApplication, lang: str) -> None:
    """Install Qt's standard-button translations and ours for ``lang`` ("zh" or "en")."""
    global _current_lang
    _current_lang = "zh" if lang == "zh" else "en"
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_tr = QTranslator(app)
    if qt_tr.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _translators.append(qt_tr)
    ours = QTranslator(app)
    qm = paths.resources_dir() / "translations" / "journal_zh_CN.qm"
    if ours.load(str(qm)):
        app.installTranslator(ours)
        _translators.append(ours)
    else:
        log.warning("Chinese translation file missing")
