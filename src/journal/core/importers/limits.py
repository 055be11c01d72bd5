"""How much one import may add to a journal: :class:`ImportLimits` and the :class:`Budget` that
checks a chat's planned bytes before anything is written and counts them while writing (media
files, archive members, e-mail attachments and the original itself all count)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from journal.core.errors import ImportFormatError
from journal.core.i18n import register

from .common import ParsedChat

register({
    "import.too_much": {
        "en": "Importing “{name}” would add {size} to the journal; one import may add at "
        "most {limit_mb} MB. Export a shorter period or fewer media files. "
        "Nothing was added to the journal.",
        "zh": "导入“{name}”会向日志添加 {size}，而一次导入最多只能添加 {limit_mb} MB。"
        "请导出较短的时间段或较少的媒体文件。日志中没有添加任何内容。",
    },
    "import.expands": {
        "en": "“{name}” and its media files take {input_size} but would take {size} in the "
        "journal: the export names the same files again and again, which a real chat export "
        "does not do. It was refused. Nothing was added to the journal.",
        "zh": "“{name}”及其媒体文件共 {input_size}，导入后却会占用 {size}：这个导出文件反复"
        "引用同样的文件，真正的聊天导出不会这样。已拒绝导入。日志中没有添加任何内容。",
    },
})


@dataclass(frozen=True)
class ImportLimits:
    """How much one import may add to a journal.

    ``total_bytes``: the export file plus every media file, archive member and attachment
    carried inside it (an e-mail's) that it attaches; for a payment bill, the bill itself.
    ``expansion``: how many times the bytes read from disk (the export and the distinct media
    files beside it) the journal may grow; applied above ``expansion_floor`` bytes only, so that
    a small, well-compressed chat text is never refused.
    """

    total_bytes: int = 1024 * 1024 * 1024
    expansion: int = 20
    expansion_floor: int = 64 * 1024 * 1024


DEFAULT_LIMITS = ImportLimits()


def _size(size: int) -> str:
    if size < 2**20:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 2**20:.1f} MB" if size < 10 * 2**20 else f"{size / 2**20:.0f} MB"


class Budget:
    """Bytes an import will add, checked before anything is written and again while writing."""

    def __init__(self, limits: ImportLimits, name: str) -> None:
        self.limits = limits
        self.name = name
        self.used = 0

    def refuse_total(self, size: int) -> ImportFormatError:
        return ImportFormatError("import.too_much", name=self.name, size=_size(size),
                                 limit_mb=self.limits.total_bytes // 2**20)

    def plan(self, parsed: ParsedChat, original: bytes, zf: zipfile.ZipFile | None) -> None:
        sizes: dict[Path, int] = {}
        members: dict[str, int] = {}
        if zf is not None:
            members = {i.filename: i.file_size for i in zf.infolist()}
        stored = len(original)
        for m in parsed.messages:
            for path in m.media:
                if path not in sizes:
                    try:
                        sizes[path] = path.stat().st_size
                    except OSError:
                        sizes[path] = 0
                stored += sizes[path]
            for member in m.archive_media:
                stored += members.get(member, 0)
            for _name, data in m.data_media:  # e-mail attachments: inside the export file
                stored += len(data)
        read = len(original) + sum(sizes.values())
        if stored > self.limits.total_bytes:
            raise self.refuse_total(stored)
        if stored > self.limits.expansion_floor and stored > self.limits.expansion * read:
            raise ImportFormatError("import.expands", name=self.name, input_size=_size(read),
                                    size=_size(stored))

    def spend(self, size: int) -> None:
        """Count bytes as they are written; over the limit, the import's transaction is undone."""
        self.used += size
        if self.used > self.limits.total_bytes:
            raise self.refuse_total(self.used)
