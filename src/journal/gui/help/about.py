"""About Incident Journal: version, components and their licences."""

from __future__ import annotations

import html
import logging

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import journal
from journal.core import paths
from journal.gui.fit import fit_to_screen
from journal.selftest import component_versions

log = logging.getLogger(__name__)

# (component, licence, note) — what we bundle in the installed app.
LICENCES: list[tuple[str, str, str]] = [
    ("Qt / PySide6", "LGPL-3.0", "The Qt Company; https://www.qt.io/licensing"),
    ("SQLCipher / sqlcipher3", "BSD-style", "Zetetic LLC; sqlcipher3 by Charles Leifer (zlib)"),
    ("SQLite", "Public domain", "https://sqlite.org/copyright.html"),
    ("cryptography", "Apache-2.0 or BSD-3-Clause", "The Python Cryptographic Authority"),
    ("OpenSSL", "Apache-2.0", "bundled inside cryptography and sqlcipher3"),
    ("reportlab", "BSD-3-Clause", "ReportLab Europe Ltd."),
    ("pypdf", "BSD-3-Clause", "Mathieu Fenniak and pypdf contributors"),
    ("platformdirs", "MIT", "platformdirs contributors"),
    ("openpyxl / et-xmlfile", "MIT", "Eric Gazoni, Charlie Clark (reads WeChat Pay .xlsx bills)"),
    ("Python", "PSF-2.0", "Python Software Foundation"),
    ("WenQuanYi Micro Hei", "Apache-2.0 or GPL-3.0+ with font exception",
     "The WenQuanYi Project; full text below"),
    ("RapidOCR (rapidocr-onnxruntime)", "Apache-2.0",
     "RapidAI; reads chat screenshots on this computer"),
    ("PP-OCRv4 text models (PaddleOCR)", "Apache-2.0",
     "PaddlePaddle authors; detection, recognition and direction models inside RapidOCR"),
    ("ONNX Runtime", "MIT", "Microsoft Corporation"),
    ("OpenCV (headless build)", "Apache-2.0", "OpenCV team"),
    ("NumPy", "BSD-3-Clause", "NumPy developers"),
    ("Pillow", "MIT-CMU (HPND)", "Jeffrey A. Clark and contributors"),
    ("pyclipper / Clipper", "MIT / BSL-1.0", "Maxime Chambonnet, Lukas Treyer; Angus Johnson"),
    ("Shapely / GEOS", "BSD-3-Clause / LGPL-2.1", "Sean Gillies and contributors; GEOS project"),
    ("PyYAML", "MIT", "Kirill Simonov, Ingy döt Net"),
    ("six", "MIT", "Benjamin Peterson"),
    ("tqdm", "MPL-2.0 and MIT", "tqdm developers"),
]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Incident Journal"))
        fit_to_screen(self, 620, 500)
        icon_path = paths.resources_dir() / "icons" / "app" / f"{journal.APP_ID}.svg"
        self.setWindowIcon(QIcon(str(icon_path)))

        icon = QLabel(self)
        icon.setPixmap(QIcon(str(icon_path)).pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = self.tr("Incident Journal")
        version = self.tr("Version {version}").format(version=journal.__version__)
        blurb = self.tr("A private, encrypted notebook for recording suspected recruitment "
                        "attempts, offline on your own computer.")
        title = QLabel(
            f"<h2 style='margin:0'>{html.escape(name)}</h2><p>{html.escape(version)}</p>"
            f"<p>{html.escape(blurb)}</p>",
            self,
        )
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)

        self.tabs = QTabWidget(self)
        self.versions_view = self._browser(self._versions_html())
        self.licences_view = self._browser(self._licences_html())
        self.tabs.addTab(self.versions_view, self.tr("Components"))
        self.tabs.addTab(self.licences_view, self.tr("Licences"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _browser(self, text: str) -> QTextBrowser:
        view = QTextBrowser(self)
        view.setOpenExternalLinks(False)
        view.setOpenLinks(False)
        view.setHtml(text)
        return view

    def _versions_html(self) -> str:
        versions = component_versions()
        versions["Qt"] = qVersion()
        versions["PySide6"] = pyside_version
        rows = "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
            for k, v in versions.items()
        )
        note = self.tr("This app never connects to the internet. Your journal stays on this "
                       "computer, encrypted with your passphrase.")
        licence = self.tr("Incident Journal is free software under the GNU General Public "
                          "License, version 3 or later.")
        return (f"<table>{rows}</table><p>{html.escape(note)}</p>"
                f"<p>{html.escape(licence)}</p>")

    def _licences_html(self) -> str:
        intro = self.tr("Incident Journal includes these components:")
        rows = "".join(
            f"<tr><td><b>{html.escape(name)}</b></td><td>&nbsp;&nbsp;{html.escape(lic)}"
            f"<br><span style='color:#666'>&nbsp;&nbsp;{html.escape(note)}</span></td></tr>"
            for name, lic, note in LICENCES
        )
        font_title = self.tr("Licence of the bundled font (WenQuanYi Micro Hei)")
        font_path = paths.resources_dir() / "fonts" / "wqy-microhei-LICENSE.txt"
        try:
            font_text = font_path.read_text(encoding="utf-8")
        except OSError:
            log.warning("font licence file missing")
            font_text = "WenQuanYi Micro Hei: Apache-2.0 or GPL-3.0+ with font exception."
        return (f"<p>{html.escape(intro)}</p><table>{rows}</table>"
                f"<h3>{html.escape(font_title)}</h3>"
                f"<p style='white-space:pre-wrap; font-family:monospace; font-size:small'>"
                f"{html.escape(font_text)}</p>")
