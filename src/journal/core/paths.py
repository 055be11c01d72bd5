"""The one place that resolves where things live (platformdirs), lazily.

``JOURNAL_HOME`` (tests, portable use) puts every directory under one folder instead.
Only non-secret things live here: settings, the log, backups (encrypted). Never journal content.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs import PlatformDirs

APP_DIR_NAME = "IncidentJournal"

BACKUP_SUFFIX = ".ijbackup"
# <journal stem>-<YYYYmmdd-HHMMSS>[-<reason>][-<n>].ijbackup
BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[\w-]+))?\.ijbackup$")


def _base_override() -> Path | None:
    value = os.environ.get("JOURNAL_HOME")
    return Path(value) if value else None


def _dirs() -> PlatformDirs:
    from platformdirs import PlatformDirs

    return PlatformDirs(APP_DIR_NAME, appauthor=False)


def data_dir() -> Path:
    base = _base_override()
    return base / "data" if base else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    base = _base_override()
    return base / "config" if base else Path(_dirs().user_config_dir)


def log_dir() -> Path:
    base = _base_override()
    return base / "logs" if base else Path(_dirs().user_log_dir)


def default_journal_path() -> Path:
    return data_dir() / "journal.ijournal"


DEMO_JOURNAL_NAMES = {"zh": "demo.ijournal", "en": "demo-en.ijournal"}


def demo_journal_path(lang: str = "zh") -> Path:
    """Where the window keeps the demo journal told in ``lang`` (never remembered as the user's
    own journal)."""
    name = DEMO_JOURNAL_NAMES["en" if lang.startswith("en") else "zh"]
    return data_dir() / name


def is_demo_journal(path: os.PathLike[str] | str) -> bool:
    """Whether ``path`` is one of the window's demo journals."""
    try:
        target = Path(path).resolve()
        return any(target == (data_dir() / name).resolve() for name in DEMO_JOURNAL_NAMES.values())
    except OSError:
        return False


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def backup_file_name(stem: str, stamp: str, reason: str = "", n: int = 0) -> str:
    """The name of a backup of journal ``stem`` made at ``stamp`` (``YYYYmmdd-HHMMSS``); ``n``
    tells apart backups made in the same second."""
    return (f"{stem}-{stamp}" + (f"-{reason}" if reason else "") + (f"-{n}" if n else "")
            + BACKUP_SUFFIX)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def ensure_private_dir(path: Path) -> Path:
    """Create a directory readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def resources_dir() -> Path:
    # Inside a PyInstaller bundle the data files sit in <bundle>/_internal/journal/resources
    # (packaging/journal.spec puts them there); the package itself is not importable there.
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "journal" / "resources"
    import journal.resources

    return Path(journal.resources.__file__).resolve().parent


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
