"""A small, forgiving HTML reader for chat exports (standard library only).

Exports written as web pages (Telegram Desktop's default, WechatExporter) are read into a flat
list of elements with their parent links, so that no hostile nesting depth can exhaust the stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area", "base"}
MAX_ELEMENTS = 2_000_000


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """The text inside, with <br> as a line break (iterative: any depth is fine)."""
        out: list[str] = []
        stack: list[Element | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                out.append(node)
            elif node.tag == "br":
                out.append("\n")
            elif node.tag not in ("script", "style"):
                stack.extend(reversed(node.children))
        return tidy("".join(out))

    def find_all(self, predicate: object) -> list[Element]:
        found: list[Element] = []
        stack: list[Element | str] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                continue
            if predicate(node):  # type: ignore[operator]
                found.append(node)
            stack.extend(reversed(node.children))
        return found

    def first(self, cls: str) -> Element | None:
        stack: list[Element | str] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                continue
            if cls in node.classes:
                return node
            stack.extend(reversed(node.children))
        return None


def tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r", "").split("\n")]
    return "\n".join(lines).strip()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.current = self.root
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise ValueError("too many elements")
        el = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(el)
        if tag not in VOID:
            self.current = el

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(text: str) -> Element:
    """The document's root element. Raises ValueError for a document too big to hold."""
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root




def looks_like_html(text: str) -> bool:
    head = text[:200].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html"))
