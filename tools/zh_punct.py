#!/usr/bin/env python3
"""Find (and with --fix, correct) ASCII punctuation inside Chinese text.

Chinese sentences take full-width punctuation: ，：；？！（） — an ASCII comma between two Chinese
characters looks careless in a report a teacher reads. A mark is changed only when a Chinese
character or Chinese punctuation touches it (so code, numbers, URLs and English are left alone).
Looks in: Chinese help pages, the window's translation catalogs (zh_CN/*.json) and the "zh" texts
of the core's Python catalogs.

    python tools/zh_punct.py          # list the places; exit 1 if any
    python tools/zh_punct.py --fix    # correct them in place
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAN = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e\u201c\u201d"
_AROUND = {
    ",": "，", ":": "：", ";": "；", "?": "？", "!": "！",
}
# an ASCII mark with a Chinese character before it, or right after it (spaces around are dropped)
# ";;" separates Qt file-dialog filters and must stay ASCII
_PATTERN = re.compile(rf"(?<=[{HAN}]) ?(?<!;)([,:;?!])(?!;) ?(?![/\d])|(?<![\w/.;]) ?([,:;?!])(?!;) ?(?=[{HAN}])")
_PAREN = re.compile(r"(.?)\(([^()\n]*)\)")
_HAN_RE = re.compile(f"[{HAN}]")
_ZH_STRING = re.compile(r'"zh":\s*(\(|")')


def fix_text(text: str) -> str:
    text = _PATTERN.sub(lambda m: _AROUND[m.group(1) or m.group(2)], text)

    def paren(m: re.Match[str]) -> str:
        before, inside = m.group(1), m.group(2)
        if _HAN_RE.search(inside) or (before and _HAN_RE.match(before)):
            return f"{before}（{inside}）"
        return m.group(0)

    return _PAREN.sub(paren, text)


def _zh_spans(source: str) -> list[tuple[int, int]]:
    """Spans of the values of "zh": ... in a Python catalog (a string or a parenthesised group)."""
    spans = []
    for m in _ZH_STRING.finditer(source):
        start = m.end() - 1
        if source[start] == "(":
            depth, i = 0, start
            while i < len(source):
                if source[i] == "(":
                    depth += 1
                elif source[i] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                elif source[i] == '"':
                    i = source.index('"', i + 1)
                i += 1
            spans.append((start + 1, i))
        else:
            end = source.index('"', start + 1)
            while source[end - 1] == "\\":
                end = source.index('"', end + 1)
            spans.append((start + 1, end))
    return spans


def files() -> list[Path]:
    out = sorted((ROOT / "resources" / "help" / "zh").glob("*.html"))
    out += sorted((ROOT / "resources" / "translations" / "zh_CN").glob("*.json"))
    out += [p for p in sorted((ROOT / "src" / "journal").rglob("*.py")) if '"zh":' in p.read_text(encoding="utf-8")]
    return out


def process(path: Path, write: bool) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        new, last, parts = [], 0, []
        for a, b in _zh_spans(text):
            parts.append(text[last:a])
            parts.append(fix_text(text[a:b]))
            last = b
        parts.append(text[last:])
        fixed = "".join(parts)
        del new
    elif path.suffix == ".json":
        # only translation values (after the colon that ends a key)
        fixed = re.sub(r'(":\s*")((?:[^"\\]|\\.)*)(")', lambda m: m.group(1) + fix_text(m.group(2)) + m.group(3), text)
    else:
        fixed = re.sub(r">([^<]+)<", lambda m: ">" + fix_text(m.group(1)) + "<", text)
    if fixed == text:
        return []
    changes = [f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}"
               for n, (line, new_line) in enumerate(zip(text.splitlines(), fixed.splitlines()), 1)
               if line != new_line]
    if write:
        path.write_text(fixed, encoding="utf-8")
    return changes


def main(argv: list[str]) -> int:
    write = "--fix" in argv
    found = []
    for path in files():
        found += process(path, write)
    for line in found:
        print(line)
    print(f"{len(found)} lines {'fixed' if write else 'need full-width punctuation'}")
    return 0 if write or not found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
