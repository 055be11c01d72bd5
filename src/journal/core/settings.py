"""Typed, non-secret preferences stored as JSON outside the journal (readable before unlock).

Never put journal content here: only UI preferences and file locations.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from journal.core import paths
from journal.core.fsutil import write_text_atomic

log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str = "system"  # "system", "zh", "en"
    autolock_minutes: int = 5  # 0 = never
    clipboard_clear_seconds: int = 30  # 0 = never
    last_journal: str = ""  # path of the journal opened last
    recent_journals: list[str] = field(default_factory=list)
    recent_opened: dict[str, str] = field(default_factory=dict)  # path -> when last opened (UTC ISO)
    backup_dir: str = ""  # "" = default backup dir
    backup_keep: int = 5
    backup_on_close: bool = True
    first_run_done: bool = False

    def validate(self) -> None:
        if self.language not in ("system", "zh", "en"):
            self.language = "system"
        self.autolock_minutes = max(0, min(int(self.autolock_minutes), 240))
        self.clipboard_clear_seconds = max(0, min(int(self.clipboard_clear_seconds), 600))
        self.backup_keep = max(1, min(int(self.backup_keep), 100))
        self.recent_journals = [p for p in self.recent_journals if isinstance(p, str)][:10]
        opened = self.recent_opened if isinstance(self.recent_opened, dict) else {}
        self.recent_opened = {p: w for p, w in opened.items()
                              if p in self.recent_journals and isinstance(w, str)}

    def effective_language(self) -> str:
        from journal.core.i18n import system_lang

        return system_lang() if self.language == "system" else self.language

    def effective_backup_dir(self) -> Path:
        return Path(self.backup_dir) if self.backup_dir else paths.default_backup_dir()


def load(path: Path | None = None) -> Settings:
    """Read settings, merging defaults for anything missing or malformed."""
    path = path or paths.settings_path()
    settings = Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings
    except (OSError, ValueError):
        log.warning("settings file unreadable; using defaults")
        return settings
    if isinstance(raw, dict):
        known = {f.name: f for f in fields(Settings)}
        for name, value in raw.items():
            if name in known:
                default = getattr(settings, name)
                if isinstance(default, bool) and not isinstance(value, bool):
                    continue
                if (isinstance(default, int) and not isinstance(default, bool)
                        and (not isinstance(value, int) or isinstance(value, bool))):
                    continue
                if isinstance(default, str) and not isinstance(value, str):
                    continue
                if isinstance(default, list) and not isinstance(value, list):
                    continue
                if isinstance(default, dict) and not isinstance(value, dict):
                    continue
                setattr(settings, name, value)
    settings.validate()
    return settings


def save(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically (temp file in the same folder, then rename)."""
    path = path or paths.settings_path()
    settings.validate()
    paths.ensure_private_dir(path.parent)
    write_text_atomic(path, json.dumps(asdict(settings), ensure_ascii=False, indent=2))
