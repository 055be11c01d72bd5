"""How the window holds an evaluation of the warning signs for as long as it shows it.

A sign of a large journal rests on many entries (at 100,000 entries the twelve signs list about
193,000 evidence ids). As a list, every id is a small string object of its own, made while the
rules' temporary rows were made beside it; once those are freed, the ids are scattered over the
memory the evaluation used, and Python cannot give that memory back while one id lives in it
(measured at 100,000 entries: 105 MB of Python's memory held for 31 MB of objects). The window
therefore keeps each sign's evidence as :class:`PackedIds`: every id in one string, read back
one at a time when asked for. The evaluation's memory is then freed as a whole (the same
journal: 182 → 123 MB after one evaluation).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from journal.core.signs import SignResult


class PackedIds(Sequence[str]):
    """Ids of one width in one string, in their order: a read-only sequence of ``str`` that
    compares equal to any sequence of the same ids (a list among them)."""

    __slots__ = ("_count", "_text", "_width")

    def __init__(self, ids: Sequence[str], width: int) -> None:
        self._width = width
        self._count = len(ids)
        self._text = "".join(ids)
        if len(self._text) != width * self._count:
            raise ValueError("ids of another width")

    @classmethod
    def pack(cls, ids: Sequence[str]) -> Sequence[str]:
        """``ids`` packed when they all have one width (every id this program makes has 12
        characters); as they are otherwise, or when there are too few to matter."""
        if isinstance(ids, PackedIds) or len(ids) < 2:
            return ids
        width = len(ids[0])
        if width == 0 or any(len(i) != width for i in ids):
            return ids
        return cls(ids, width)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        w, text = self._width, self._text
        if isinstance(index, slice):
            return [text[i * w:(i + 1) * w] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("evidence index out of range")
        return text[index * w:(index + 1) * w]

    def __iter__(self) -> Iterator[str]:
        w, text = self._width, self._text
        return (text[i:i + w] for i in range(0, len(text), w))

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and any(i == value for i in self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedIds):
            return self._width == other._width and self._text == other._text
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._count and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list

    def __repr__(self) -> str:
        return f"PackedIds({self._count} ids)"


def hold(results: list[SignResult]) -> list[SignResult]:
    """``results`` as the window keeps them: each sign's evidence packed (in place; the lists
    the evaluation made are let go)."""
    for result in results:
        result.evidence = PackedIds.pack(result.evidence)
    return results
