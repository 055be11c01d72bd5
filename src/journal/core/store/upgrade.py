"""The first open after an update of the program, step by step, with its progress.

An older journal is brought up to date when it is opened for writing: a backup of the file as it
was, the schema steps, then what is derived from the entries and was made by another version (the
search index, the overview's aggregates, the warning-sign facts). :class:`UpgradePlan` lists the
steps this open runs and reports each one as an :class:`UpgradeStep` ("step n of N", with figures
where the step has them) to whoever opened the journal: the window shows a progress page, the
command line prints lines on stderr.

Each step is whole or not at all (the backup is a finished file before the schema changes; the
others are transactions), so an open stopped anywhere — the window closed, the process killed, a
progress callback raising to cancel — leaves the journal as after the last finished step, and the
next open does what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from journal.core.i18n import message, register

BACKUP, SCHEMA, SEARCH_INDEX, OVERVIEW, SIGN_FACTS = (
    "backup", "schema", "search_index", "overview", "sign_facts")
STEPS = (BACKUP, SCHEMA, SEARCH_INDEX, OVERVIEW, SIGN_FACTS)
_BYTES = {BACKUP}  # the other steps with figures count entries

register({
    "upgrade.title": {
        "en": "Updating your journal to this version",
        "zh": "正在把你的日志升级到这个版本",
    },
    "upgrade.explain": {
        "en": "This happens once, after the program was updated. A backup of the journal as it "
              "was is kept first. You can close the window at any time: nothing is lost, and the "
              "update starts again the next time you open the journal.",
        "zh": "程序更新后只需进行一次。升级前会先保留一份日志原样的备份。你随时可以关闭窗口："
              "不会丢失任何内容，下次打开日志时会继续升级。",
    },
    "upgrade.explain.derived": {
        "en": "This happens once, after the program was updated: only what the program works out "
              "from your entries is made again; the entries themselves are not changed. You can "
              "close the window at any time: nothing is lost, and it starts again the next time "
              "you open the journal.",
        "zh": "程序更新后只需进行一次：只重新整理程序根据你的记录算出的内容，记录本身不会被改动。"
              "你随时可以关闭窗口：不会丢失任何内容，下次打开日志时会继续。",
    },
    "upgrade.file": {"en": "Journal file: {path}", "zh": "日志文件：{path}"},
    "upgrade.step": {"en": "Step {n} of {count}: {what}", "zh": "第 {n} 步（共 {count} 步）：{what}"},
    "upgrade.step.backup": {"en": "keeping a backup of the journal as it was",
                            "zh": "保留一份日志原样的备份"},
    "upgrade.step.schema": {"en": "updating how the journal is stored",
                            "zh": "更新日志的存储结构"},
    "upgrade.step.search_index": {"en": "rebuilding the search index", "zh": "重建搜索索引"},
    "upgrade.step.overview": {"en": "counting the entries for the overview",
                              "zh": "重新统计概览中的记录"},
    "upgrade.step.sign_facts": {"en": "updating what each entry contributes to the warning signs",
                                "zh": "更新每条记录的警示信号数据"},
    "upgrade.figures.entries": {"en": "{done} of {total} entries",
                                "zh": "已完成 {done} / {total} 条记录"},
    "upgrade.figures.bytes": {"en": "{done} of {total} MB", "zh": "已完成 {done} / {total} MB"},
})


@dataclass(frozen=True)
class UpgradeStep:
    """Where an upgrade is: step ``number`` of ``count`` (1-based), ``key`` one of
    :data:`STEPS`; ``done``/``total`` its figures (bytes for the backup, entries otherwise;
    ``total`` 0 when the step has none)."""

    key: str
    number: int
    count: int
    done: int = 0
    total: int = 0
    backup_kept: bool = False  # whether this open keeps a backup first (a schema change)

    def title(self, lang: str) -> str:
        """"Step 2 of 3: updating how the journal is stored" in ``lang``."""
        return message("upgrade.step", lang, n=self.number, count=self.count,
                       what=message(f"upgrade.step.{self.key}", lang))

    def explain(self, lang: str) -> str:
        """What the whole upgrade does, in a few calm sentences: the backup is promised only when
        this open keeps one."""
        return message("upgrade.explain" if self.backup_kept else "upgrade.explain.derived", lang)

    def figures(self, lang: str) -> str:
        """"40,000 of 100,000 entries" / "120 of 580 MB", or "" when the step has no figures."""
        if self.total <= 0:
            return ""
        if self.key in _BYTES:
            mb = 1 << 20
            return message("upgrade.figures.bytes", lang, done=f"{self.done // mb:,}",
                           total=f"{max(1, -(-self.total // mb)):,}")
        return message("upgrade.figures.entries", lang, done=f"{self.done:,}",
                       total=f"{self.total:,}")


OnUpgrade = Callable[[UpgradeStep], None]


class UpgradePlan:
    """The steps one open runs, in :data:`STEPS` order, and the callback told about them. A
    callback that raises stops the upgrade there (the step under way is rolled back)."""

    def __init__(self, keys: Sequence[str], report: OnUpgrade | None = None) -> None:
        self.keys = [k for k in STEPS if k in keys]
        self._report = report

    def __bool__(self) -> bool:
        return bool(self.keys)

    def start(self, key: str) -> Callable[[int, int], None]:
        """Say that step ``key`` begins; returns its ``progress(done, total)``."""
        number = self.keys.index(key) + 1 if key in self.keys else len(self.keys)
        count = len(self.keys)

        def progress(done: int, total: int) -> None:
            if self._report is not None:
                self._report(UpgradeStep(key, number, count, int(done), int(total),
                                         BACKUP in self.keys))

        progress(0, 0)
        return progress
