"""The pages of the welcome screen: intro, start choices, create, unlock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.gui.forms import FieldError
from journal.gui.strength import PassphraseStrength


def _title_font(widget: QWidget, scale: float) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


def _para(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _button(name: str, on_click: Any, *, default: bool = False, auto_default: bool = True,
            link: bool = False) -> QPushButton:
    """A push button named ``name`` that calls (or emits) ``on_click``; ``link``: a flat one
    that Enter never presses."""
    button = QPushButton()
    button.setObjectName(name)
    if link:
        button.setFlat(True)
    if default:
        button.setDefault(True)
    if not auto_default or link:
        button.setAutoDefault(False)
    button.clicked.connect(on_click)
    return button


class _Page(QWidget):
    """A centred column of limited width: calm and readable on a wide screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(620)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.body = QVBoxLayout(column)
        self.body.setSpacing(12)
        outer.addWidget(column, 4)
        outer.addStretch(1)

    def _add_busy(self) -> None:
        """A hidden busy bar with its line of text (shown by :meth:`_show_busy`)."""
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.busy_label = _para()
        self.busy_label.hide()
        self.body.addWidget(self.busy)
        self.body.addWidget(self.busy_label)

    def _show_busy(self, busy: bool, controls: tuple[QWidget, ...]) -> None:
        """Show the busy bar and disable ``controls`` while busy (or the other way round)."""
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        for w in controls:
            w.setEnabled(not busy)

    def _add_title(self, scale: float = 1.5, wrap: bool = False) -> QLabel:
        """The page's bold title, added to the column."""
        title = QLabel()
        title.setFont(_title_font(self, scale))
        title.setWordWrap(wrap)
        self.body.addWidget(title)
        return title

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass


class IntroPage(_Page):
    """What the app is for, where the data stays, and the language choice up front."""

    languageChosen = Signal(str)
    startClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        langs = QHBoxLayout()
        langs.addStretch(1)
        self.zh_button = QPushButton("简体中文")
        self.zh_button.setObjectName("langZh")
        self.zh_button.setAccessibleName("简体中文 (Chinese)")
        self.zh_button.clicked.connect(lambda: self.languageChosen.emit("zh"))
        self.en_button = QPushButton("English")
        self.en_button.setObjectName("langEn")
        self.en_button.setAccessibleName("English (英语)")
        self.en_button.clicked.connect(lambda: self.languageChosen.emit("en"))
        for b in (self.zh_button, self.en_button):
            b.setCheckable(True)
            b.setAutoDefault(False)
            langs.addWidget(b)
        self.body.addLayout(langs)
        self.body.addStretch(1)
        self.title = self._add_title(1.8, wrap=True)
        self.lead = _para()
        self.body.addWidget(self.lead)
        self.points = [_para() for _ in range(3)]
        for p in self.points:
            p.setIndent(12)
            self.body.addWidget(p)
        self.start = _button("introStart", self.startClicked, default=True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start)
        self.body.addLayout(row)
        self.body.addStretch(2)
        self.retranslate()

    def set_language(self, lang: str) -> None:
        self.zh_button.setChecked(lang == "zh")
        self.en_button.setChecked(lang != "zh")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Incident Journal"))
        self.lead.setText(self.tr(
            "A private notebook for when an online friend, partner or recruiter asks for things "
            "that worry you: photos of ships or bases, documents, secrecy, moving to another app. "
            "Write down each contact, request, payment and gift, keep the screenshots, see the "
            "warning signs, and make a report to take to a teacher or the authorities."))
        self.points[0].setText("•  " + self.tr(
            "Everything stays on this computer. The app never connects to the internet."))
        self.points[1].setText("•  " + self.tr(
            "Your journal is one encrypted file, opened with a passphrase that you choose."))
        self.points[2].setText("•  " + self.tr(
            "Nobody can recover a forgotten passphrase — not us, not anyone. Write it down and "
            "keep it somewhere safe."))
        self.start.setText(self.tr("&Get started"))


class StartPage(_Page):
    """Create, open, unlock the last one, or try the demo."""

    createClicked = Signal()
    openClicked = Signal()
    lastClicked = Signal()
    demoClicked = Signal()
    recentChosen = Signal(str)  # path of a recent journal to unlock
    forgetRequested = Signal(str)  # path to take off the list (the file stays)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.addStretch(1)
        self.title = self._add_title()
        self.lead = _para()
        self.body.addWidget(self.lead)
        self.recent_label = QLabel()
        self.recent = QTreeWidget()
        self.recent.setObjectName("recentJournals")
        self.recent.setRootIsDecorated(False)
        self.recent.setColumnCount(3)
        self.recent.setMaximumHeight(int(self.fontMetrics().height() * 9))
        self.recent.itemActivated.connect(lambda _item, _col: self._open_recent())
        self.recent_label.setBuddy(self.recent)
        self.recent_open = _button("recentOpen", self._open_recent)
        self.recent_forget = _button("recentForget", self._forget_recent, link=True)
        recent_buttons = QHBoxLayout()
        recent_buttons.addWidget(self.recent_open)
        recent_buttons.addWidget(self.recent_forget)
        recent_buttons.addStretch(1)
        self.body.addWidget(self.recent_label)
        self.body.addWidget(self.recent)
        self.body.addLayout(recent_buttons)
        self._recent: list[tuple[Path, str]] = []
        self.last_button = _button("startLast", self.lastClicked)
        self.create_button = _button("startCreate", self.createClicked)
        self.open_button = _button("startOpen", self.openClicked)
        self.demo_button = _button("startDemo", self.demoClicked)
        for b in (self.last_button, self.create_button, self.open_button, self.demo_button):
            b.setMinimumHeight(int(self.fontMetrics().height() * 2.4))
            self.body.addWidget(b)
        self.demo_hint = _para()
        self.demo_hint.setStyleSheet("color: palette(dark);")
        self.body.addWidget(self.demo_hint)
        self.body.addStretch(2)
        self._last: Path | None = None
        self.retranslate()

    def set_recent(self, journals: list[tuple[Path, str]]) -> None:
        """The recent journals, in order: (path, when last opened as shown text)."""
        self._recent = list(journals)
        self.recent.clear()
        for path, opened in self._recent:
            item = QTreeWidgetItem([path.name, str(path.parent), opened])
            item.setData(0, Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(1, str(path))
            self.recent.addTopLevelItem(item)
        first = self.recent.topLevelItem(0)
        if first is not None:
            self.recent.setCurrentItem(first)
        for w in (self.recent_label, self.recent, self.recent_open, self.recent_forget):
            w.setVisible(bool(self._recent))
        for column in (0, 1, 2):
            self.recent.resizeColumnToContents(column)

    def recent_paths(self) -> list[str]:
        return [str(path) for path, _opened in self._recent]

    def _chosen_recent(self) -> str | None:
        item = self.recent.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def _open_recent(self) -> None:
        path = self._chosen_recent()
        if path:
            self.recentChosen.emit(path)

    def _forget_recent(self) -> None:
        path = self._chosen_recent()
        if path:
            self.forgetRequested.emit(path)

    def set_last(self, path: Path | None) -> None:
        self._last = path
        self.last_button.setVisible(path is not None)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your journal"))
        self.lead.setText(self.tr("Start a new journal, or open one you already have."))
        self.recent_label.setText(self.tr("&Recent journals"))
        self.recent.setHeaderLabels([self.tr("Journal"), self.tr("Folder"), self.tr("Last opened")])
        self.recent_open.setText(self.tr("&Unlock the chosen journal"))
        self.recent_forget.setText(self.tr("&Forget this one"))
        self.recent_forget.setToolTip(self.tr(
            "Takes the journal off this list. The file itself is not touched."))
        if self._last is not None:
            self.last_button.setText(self.tr("Unlock “{name}”").format(name=self._last.name))
        self.create_button.setText(self.tr("&Create a new journal"))
        self.open_button.setText(self.tr("&Open an existing journal…"))
        self.demo_button.setText(self.tr("Try the &demo journal"))
        self.demo_hint.setText(self.tr(
            "The demo journal holds an invented example case so you can look around safely."))


class _PassphraseField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                                 | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhSensitiveData)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no copy of a passphrase


class CreatePage(_Page):
    createRequested = Signal(str, str, str)  # path, passphrase, repeat
    backClicked = Signal()
    browseClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self._add_title()

        self.where_label = QLabel()
        self.location = QLineEdit()
        self.location.setObjectName("createLocation")
        self.where_label.setBuddy(self.location)
        self.browse = _button("createBrowse", self.browseClicked, auto_default=False)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(self.browse)
        self.body.addWidget(self.where_label)
        self.body.addLayout(row)

        self.pass_label = QLabel()
        self.passphrase = _PassphraseField()
        self.passphrase.setObjectName("createPassphrase")
        self.pass_label.setBuddy(self.passphrase)
        self.body.addWidget(self.pass_label)
        self.body.addWidget(self.passphrase)
        self.strength = PassphraseStrength(self.passphrase)
        self.body.addWidget(self.strength)

        self.repeat_label = QLabel()
        self.repeat = _PassphraseField()
        self.repeat.setObjectName("createRepeat")
        self.repeat_label.setBuddy(self.repeat)
        self.repeat.returnPressed.connect(self._submit)
        self.body.addWidget(self.repeat_label)
        self.body.addWidget(self.repeat)
        self.show_box = QCheckBox()
        self.show_box.setObjectName("createShow")
        self.show_box.toggled.connect(self._toggle_show)
        self.body.addWidget(self.show_box)

        self.warning = _para()
        self.warning.setObjectName("noRecoveryWarning")
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setStyleSheet(
            "QLabel { background: #fff4e5; color: #5a3b00; border: 1px solid #e0b15a;"
            " border-radius: 4px; padding: 8px; }")
        self.body.addWidget(self.warning)
        # (what went wrong goes as soon as the place or a passphrase is changed)
        self.error = FieldError().clear_when_changed(self.location, self.passphrase, self.repeat)
        self.body.addWidget(self.error)

        self._add_busy()

        buttons = QHBoxLayout()
        self.back = _button("createBack", self.backClicked, auto_default=False)
        self.submit = _button("createSubmit", self._submit, default=True)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        for a, b in ((self.location, self.browse), (self.browse, self.passphrase),
                     (self.passphrase, self.repeat), (self.repeat, self.show_box),
                     (self.show_box, self.submit), (self.submit, self.back)):
            QWidget.setTabOrder(a, b)
        self.retranslate()

    def _toggle_show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.createRequested.emit(self.location.text().strip(), self.passphrase.text(),
                                      self.repeat.text())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self._show_busy(busy, (self.location, self.browse, self.passphrase, self.repeat,
                               self.show_box, self.submit, self.back))

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.show_box.setChecked(False)
        self.show_error("")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Create a new journal"))
        self.where_label.setText(self.tr("&Where to keep the journal file"))
        self.location.setAccessibleName(self.tr("Journal file location"))
        self.browse.setText(self.tr("&Browse…"))
        self.pass_label.setText(self.tr("&Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat_label.setText(self.tr("&Repeat the passphrase"))
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.show_box.setText(self.tr("&Show what I type"))
        self.warning.setText(self.tr(
            "Important: there is no way to recover a forgotten passphrase. Without it the journal "
            "cannot be opened by anyone, including you. Write it down on paper and keep it "
            "somewhere safe, away from this computer."))
        self.busy_label.setText(self.tr("Creating and encrypting the journal…"))
        self.back.setText(self.tr("Back"))
        self.submit.setText(self.tr("Create &journal"))


class UnlockPage(_Page):
    unlockRequested = Signal(str)  # passphrase
    openOtherClicked = Signal()
    createClicked = Signal()
    demoClicked = Signal()
    restoreBackupClicked = Signal()
    recentClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.addStretch(1)
        self.title = self._add_title()
        self.file_label = _para()
        self.file_label.setObjectName("unlockFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.file_label)
        self.pass_label = QLabel()
        self.passphrase = _PassphraseField()
        self.passphrase.setObjectName("unlockPassphrase")
        self.pass_label.setBuddy(self.passphrase)
        self.passphrase.returnPressed.connect(self._submit)
        self.submit = _button("unlockSubmit", self._submit, default=True)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.submit)
        self.body.addWidget(self.pass_label)
        self.body.addLayout(row)
        self.error = FieldError().clear_when_changed(self.passphrase)
        self.error.setObjectName("unlockError")
        self.body.addWidget(self.error)
        self.demo_passphrase = _para()
        self.demo_passphrase.setObjectName("demoPassphrase")
        self.demo_passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_passphrase.hide()
        self.body.addWidget(self.demo_passphrase)
        self._add_busy()
        self.body.addSpacing(16)
        links = QHBoxLayout()
        self.open_other = _button("unlockOpenOther", self.openOtherClicked, link=True)
        self.create_link = _button("unlockCreate", self.createClicked, link=True)
        self.demo = _button("unlockDemo", self.demoClicked, link=True)
        self.restore_backup = _button("unlockRestoreBackup", self.restoreBackupClicked, link=True)
        self.recent_link = _button("unlockRecent", self.recentClicked, link=True)
        recent_row = QHBoxLayout()  # a row of its own: the links below already fill theirs
        recent_row.addWidget(self.recent_link)
        recent_row.addStretch(1)
        self.body.addLayout(recent_row)
        # two rows of two: four links side by side do not fit the column in English
        links.addWidget(self.open_other)
        links.addWidget(self.create_link)
        links.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.demo)
        more.addWidget(self.restore_backup)
        more.addStretch(1)
        self.body.addLayout(links)
        self.body.addLayout(more)
        self.body.addStretch(2)
        self._path: Path | None = None
        self._demo_pass: str | None = None
        self.retranslate()

    def set_path(self, path: Path, demo_passphrase: str | None = None) -> None:
        self._path = path
        self._demo_pass = demo_passphrase
        self.demo_passphrase.setVisible(demo_passphrase is not None)
        self.passphrase.clear()
        if demo_passphrase is not None:  # nobody should need a Chinese input method to look around
            self.passphrase.setText(demo_passphrase)
        self.show_error("")
        self.retranslate()

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.unlockRequested.emit(self.passphrase.text())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self._show_busy(busy, (self.passphrase, self.submit, self.open_other, self.create_link,
                               self.demo, self.restore_backup))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Unlock your journal"))
        if self._path is not None:
            self.file_label.setText(self.tr("Journal file: {path}").format(path=str(self._path)))
        self.pass_label.setText(self.tr("&Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.submit.setText(self.tr("&Unlock"))
        if self._demo_pass is not None:
            self.demo_passphrase.setText(
                self.tr("This is the demo journal. Its passphrase ({p}) is already filled in: "
                        "press Unlock.").format(p=self._demo_pass))
        self.busy_label.setText(self.tr("Unlocking… this takes about a second."))
        self.open_other.setText(self.tr("&Open another journal…"))
        self.create_link.setText(self.tr("&Create a new journal"))
        self.demo.setText(self.tr("Try the &demo journal"))
        self.restore_backup.setText(self.tr("&Restore from a backup…"))
        self.recent_link.setText(self.tr("Recent &journals…"))


class UpgradePage(_Page):
    """Shown while the first open after an update of the program brings the journal up to date
    (in the background; the window keeps responding): what is happening, that a backup was kept
    first, that closing the window is safe, and "step n of N" with a bar. The wording is the
    core's (``journal.core.store.upgrade``), which the command line prints too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.addStretch(1)
        self.title = self._add_title(1.4, wrap=True)
        self.title.setObjectName("upgradeTitle")
        self.file_label = _para()
        self.file_label.setObjectName("upgradeFile")
        self.body.addWidget(self.file_label)
        self.explain = _para()
        self.explain.setObjectName("upgradeExplain")
        self.body.addWidget(self.explain)
        self.body.addSpacing(8)
        self.step_label = _para()
        self.step_label.setObjectName("upgradeStep")
        self.body.addWidget(self.step_label)
        self.bar = QProgressBar()
        self.bar.setObjectName("upgradeBar")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        self.body.addWidget(self.bar)
        self.figures = _para()
        self.figures.setObjectName("upgradeFigures")
        self.body.addWidget(self.figures)
        self.body.addStretch(2)
        self._path: Path | None = None
        self.step: Any = None  # the newest core UpgradeStep shown
        self.retranslate()

    def set_path(self, path: Path) -> None:
        self._path = path
        self.step = None
        self.bar.setRange(0, 0)
        self.retranslate()

    def show_step(self, step: Any) -> None:
        """Show ``step`` (a ``journal.core.store.upgrade.UpgradeStep``): the bar follows the
        step's figures (as the line under it says them), or moves to and fro for a step that
        has none."""
        self.step = step
        if step.total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, round(1000 * step.done / step.total)))
        else:
            self.bar.setRange(0, 0)
        self.retranslate()

    def retranslate(self) -> None:
        from journal.core.i18n import message
        from journal.gui.qtsetup import current_lang

        lang = current_lang()
        self.title.setText(message("upgrade.title", lang))
        step = self.step
        self.explain.setText(message("upgrade.explain", lang) if step is None
                             else step.explain(lang))
        if self._path is not None:
            self.file_label.setText(message("upgrade.file", lang, path=str(self._path)))
        self.step_label.setText(step.title(lang) if step is not None else "")
        self.figures.setText(step.figures(lang) if step is not None else "")
        self.bar.setAccessibleName(self.step_label.text())
