"""Project-level guards: packaging lists every package, translations are complete and current."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "journal_zh_CN.ts"


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    assert found - listed == set(), "add these packages to pyproject's packages list"
    # a folder of modules without __init__.py is a namespace package: an explicit packages list
    # leaves it out of a non-editable install, so every code folder must be a real package
    code_dirs = {p.parent for p in src.rglob("*.py") if "__pycache__" not in p.parts}
    assert {d for d in code_dirs if not (d / "__init__.py").exists()} == set()


def test_one_version_source() -> None:
    import journal

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"]["attr"] == "journal.__version__"
    assert journal.__version__.count(".") == 2


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            text = "" if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") else (tr.text or "")
            out[(name, msg.findtext("source") or "")] = text
    return out


def test_chinese_translation_is_complete() -> None:
    messages = _messages(TS)
    assert len(messages) > 50
    missing = [k for k, v in messages.items() if not v.strip()]
    assert missing == [], f"untranslated: {missing[:20]} — run python tools/i18n.py"


def test_translation_source_is_current(tmp_path: Path) -> None:
    """Every self.tr string in the window's code is in the .ts (run tools/i18n.py after editing)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "journal" / "gui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True, timeout=120)
    stale = set(_messages(fresh)) - set(_messages(TS))
    assert stale == set(), f"not in the .ts: {sorted(stale)[:20]} — run python tools/i18n.py"


def test_compiled_translation_loads() -> None:
    from PySide6.QtCore import QTranslator

    qm = ROOT / "resources" / "translations" / "journal_zh_CN.qm"
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 5
    tr = QTranslator()
    assert tr.load(str(qm))
    (context, source), chinese = next((k, v) for k, v in _messages(TS).items() if v)
    assert tr.translate(context, source) == chinese


def test_chinese_text_uses_full_width_punctuation() -> None:
    """Chinese sentences take ，：；（） — checked in help pages, catalogs and the core's texts."""
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "zh_punct.py")], capture_output=True,
                         text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stdout[-3000:]


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ci in readme.splitlines()
    for step in ("ruff check src tests", "mypy src/journal", "pytest -q"):
        assert step in ci


def test_every_imported_package_is_declared() -> None:
    """Third-party modules imported by the program are dependencies in pyproject.toml."""
    import ast
    import re

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {re.split(r"[<>=;\[ ]", d, maxsplit=1)[0].lower()
                for d in config["project"]["dependencies"]}
    distribution = {"PySide6": "pyside6-essentials", "PIL": "pillow", "cv2": "opencv-python-headless",
                    "yaml": "pyyaml"}
    # installed on its own with --no-deps (its metadata names the GUI OpenCV; see pyproject.toml)
    installed_apart = {"rapidocr_onnxruntime"}
    imported: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names
                   and m not in ("journal", "__future__") and m not in installed_apart}
    missing = {distribution.get(m, m).lower() for m in third_party} - declared
    assert missing == set(), f"declare these in pyproject.toml: {sorted(missing)}"
