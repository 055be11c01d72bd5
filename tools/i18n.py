#!/usr/bin/env python3
"""Keep the window's Qt translation up to date.

    python tools/i18n.py            # update + fill + compile (the usual call)
    python tools/i18n.py check      # list source strings without a Chinese translation; exit 1 if any

Steps: ``pyside6-lupdate`` extracts every ``self.tr(...)`` / ``QCoreApplication.translate(...)``
from ``src/journal/gui`` into ``resources/translations/journal_zh_CN.ts`` (the Qt source format),
the Chinese texts are filled in from ``resources/translations/zh_CN/*.json`` (one file per feature,
``{"ContextClass": {"English source": "中文"}}``, so features can be translated independently), and
``pyside6-lrelease`` compiles ``journal_zh_CN.qm``, which the app loads.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "src" / "journal" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "journal_zh_CN.ts"
QM = TRANSLATIONS / "journal_zh_CN.qm"
JSON_DIR = TRANSLATIONS / "zh_CN"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it ships with PySide6)")
    return found


def load_catalog() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for path in sorted(JSON_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for context, messages in data.items():
            catalog.setdefault(context, {}).update(messages)
    return catalog


def update() -> None:
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources,
         "-ts", str(TS)],
        check=True,
    )


def fill() -> list[tuple[str, str]]:
    catalog = load_catalog()
    tree = ET.parse(TS)
    root = tree.getroot()
    root.set("language", "zh_CN")
    missing: list[tuple[str, str]] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            text = catalog.get(name, {}).get(source) or catalog.get("*", {}).get(source)
            if text:
                tr.text = text
                tr.attrib.pop("type", None)
            elif not tr.text:
                tr.set("type", "unfinished")
                missing.append((name, source))
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return missing


def compile_qm() -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "all"
    if cmd == "check":
        update()
        missing = fill()
        compile_qm()
        for context, source in missing:
            print(f"untranslated: {context}: {source!r}")
        return 1 if missing else 0
    update()
    missing = fill()
    compile_qm()
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    for context, source in missing[:50]:
        print(f"  {context}: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
