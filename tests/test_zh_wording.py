"""Every Chinese text the app can show — rendered, not only the literals — reads as Chinese:
full-width punctuation between Chinese characters, no English words outside a short list, no raw
field or rule ids in the window or the PDF, and the glossary's words (docs/GLOSSARY.md).

Sources: the core message catalog (with sample values for every placeholder), the field table,
the window's Qt catalogs, the Chinese help pages, ``journal-cli --help``, and composed output of a
real Chinese demo journal: warning signs with their reasons, the CLI's tables, the text summary and
the PDF read back with pdftotext.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal import cli, clitext
from journal.core import fields, glossary, i18n, paths
from journal.core.crypto import FAST_PARAMS
from journal.core.demo import build_demo

ROOT = Path(__file__).resolve().parent.parent
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
CJK_PUNCT = "\u3000-\u303f\uff01-\uff5e\u201c\u201d\u2014\u2026"
ASCII_PUNCT = re.compile(rf"[{HAN}{CJK_PUNCT}] ?[,:;?!()]|[,:;?!()] ?[{HAN}]")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'-]*[A-Za-z0-9]|[A-Za-z]")
RULE_ID = re.compile(r"WS-[A-Z]")
ALLOWED = {
    "WeChat", "QQ", "Telegram", "WhatsApp", "Signal", "LINE", "Alipay", "PDF", "CNY", "USD", "EUR",
    "UTC", "CSV", "JSON", "BagIt", "ZIP", "SHA", "AES", "Argon2id", "Ed25519", "OpenSSL", "ISO",
    "Ctrl", "Enter", "Esc", "Shift", "Tab", "Alt", "F", "txt", "json", "csv", "zip", "pdf", "png",
    "jpg", "ijournal", "www", "gov", "cn", "com", "B", "KB", "MB", "GB", "PNG", "JPEG", "iPhone", "GNU", "README",
    "U", "Delete", "SHA-256", "GB18030", "UTF-8", "HTML", "html", "mbox", "eml", "xlsx",
    "QQChatExporter", "WechatExporter", "SVG", "svg", "EXIF", "GPS", "OCR", "Android", "Windows", "macOS", "Linux",
}
# messages that show the syntax of what is typed on the command line (ids, kinds, handles)
INPUT_SYNTAX_KEYS = {"error.bad_handle", "error.sign_unknown", "import.unknown_kind", "import.bad_date_order",
                     "error.signing_key_mismatch", "import.unrecognised", "import.not_wechat"}
# a sample value for each placeholder name ({name}, %1): Chinese where the user would type Chinese
SAMPLES = {"path": "/home/xm/日志.ijournal", "name": "王经理", "names": "王经理、李先生",
           "title": "要求保密", "date": "2024年3月1日", "label": "摘要", "field": "摘要",
           "kinds": "付款、礼物", "kind": "付款", "reason": "这是我自己的同学",
           "lat": "31.23", "lon": "121.47"}


def _sample(name: str) -> str:
    if name in SAMPLES:
        return SAMPLES[name]
    return "12" if re.fullmatch(r"\d+|n|count|.*(seq|count|size|records|after|pages?|found|max|limit|rev|total)",
                                name) else "样例"


def render(text: str) -> str:
    names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
    try:
        text = text.format(**{n: _sample(n) for n in names})
    except (KeyError, IndexError, ValueError):
        pass
    return re.sub(r"%(\d)", lambda m: _sample(m.group(1)), text)


def _strip_technical(text: str) -> str:
    """Leave out what is rightly not Chinese: commands, URLs, file names, hashes, placeholders."""
    text = re.sub(r"\(\*[^)]*\)|;;|Ctrl\+\w+|\.before-restore\S*|[A-Z][a-z]+/[A-Za-z_]+", " ", text)
    text = re.sub(r"（[ -~]+）", " ", text)  # another app's English menu name, given beside the Chinese
    text = re.sub(r"`[^`]*`|journal-cli[ a-z\-]*(WS-[A-Z-]+)?", " ", text)
    text = re.sub(r"\S+\.(ijournal|json|txt|zip|csv|pdf|png|jpg|html|pem)\b|www\.[\w./]+|https?://\S+", " ", text)
    text = re.sub(r"“[ -~]+”", " ", text)  # a quoted English label of another app's menu
    text = re.sub(r"（&[A-Za-z]）|&(?=[A-Za-z])", "", text)
    return re.sub(r"\b[0-9a-f]{16,}\b|sha256:\S+", " ", text)


# ------------------------------------------------------------------------------ the sources
def catalog_texts() -> Iterator[tuple[str, str]]:
    import importlib
    import pkgutil

    import journal.core
    import journal.gui.dialogs  # its texts are core messages too

    for mod in pkgutil.walk_packages(journal.core.__path__, "journal.core."):
        importlib.import_module(mod.name)  # every module's register({...}) runs

    for key in i18n.catalog_keys():
        raw = i18n.message(key, "zh")
        if raw == i18n.message(key, "en") and not re.search(f"[{HAN}]", raw):
            continue  # no Chinese text of its own (e.g. a file name)
        if key in INPUT_SYNTAX_KEYS:
            continue
        names = {f for _, f, _, _ in string.Formatter().parse(raw) if f}
        yield f"message {key}", i18n.message(key, "zh", **{n: _sample(n) for n in names})


def field_texts() -> Iterator[tuple[str, str]]:
    for k in fields.KIND_TABLE:
        yield f"kind {k.id}", k.zh
    for spec in fields.FIELD_TABLE:
        yield f"field {spec.name}", spec.label("zh")
        yield f"field help {spec.name}", spec.help("zh")
        for c in spec.choices:
            yield f"choice {spec.name}.{c.id}", c.zh


def qt_catalog_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "resources" / "translations" / "zh_CN").glob("*.json")):
        for context, table in json.loads(path.read_text(encoding="utf-8")).items():
            for en, zh in table.items():
                yield f"{path.name} {context}: {en[:40]}", render(zh)


def help_page_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "resources" / "help" / "zh").glob("*.html")):
        body = re.sub(r"<[^>]+>", "\n", path.read_text(encoding="utf-8"))
        for n, line in enumerate(html.unescape(body).splitlines()):
            if line.strip():
                yield f"help {path.name}:{n}", line


def cli_help_texts() -> Iterator[tuple[str, str]]:
    parser = cli.build_parser("zh")
    yield "cli --help", parser.format_help()
    from journal import clihelp

    for command in clihelp.command_paths(parser):
        child = parser
        for part in command.split():
            child = next(a for a in child._actions if a.__class__.__name__ == "_SubParsersAction").choices[part]
        yield f"cli {command} --help", child.format_help()


@pytest.fixture(scope="module")
def demo_outputs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """Composed Chinese output of a real demo journal: signs, CLI tables, text summary, PDF."""
    from journal.core import signs
    from journal.core.report import ReportOptions, build_pdf, build_text

    out: list[tuple[str, str]] = []
    folder = tmp_path_factory.mktemp("zh")
    journal = build_demo(folder / "demo.ijournal", kdf=FAST_PARAMS)
    try:
        results = signs.evaluate_journal(journal)
        for r in signs.signs_to_json(results, "zh"):
            out.append((f"signs {r['id']} title", r["title"]))
            out.extend((f"signs {r['id']} reason", x["text"]) for x in r["reasons"])
        for r in results:
            out.append((f"signs {r.id} level", r.level_label("zh")))
            out.append((f"signs {r.id} explanation", r.explanation("zh")))
            out.extend((f"signs {r.id} advice", step) for step in r.advice_steps("zh"))
        entries = journal.list_entries()
        out.append(("cli list", clitext.entries_table(entries, "zh")))
        out.append(("cli person list", clitext.persons_table(journal.list_persons(), "zh")))
        out.extend((f"cli show {e.kind}", clitext.entry_details(e, "zh")) for e in entries)
        out.append(("text summary", build_text(journal, ReportOptions(lang="zh"))))
        pdf = folder / "report.pdf"
        build_pdf(journal, pdf, ReportOptions(lang="zh", prepared_by="刘洋"))
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        out.extend((f"pdf page {n + 1}", page) for n, page in enumerate(text.split("\f")))
        from journal.core.codec import entry_to_json, person_to_json

        content = json.dumps([entry_to_json(e) for e in entries]
                             + [person_to_json(p) for p in journal.list_persons()], ensure_ascii=False)
        out.append(("journal content", content))
    finally:
        journal.close()
    return out


def _all_static() -> list[tuple[str, str]]:
    return [*catalog_texts(), *field_texts(), *qt_catalog_texts(), *help_page_texts(), *cli_help_texts()]


def _punct_problems(texts: list[tuple[str, str]]) -> list[str]:
    bad = []
    for where, text in texts:
        for line in _strip_technical(text).splitlines():
            m = ASCII_PUNCT.search(line)
            if m:
                bad.append(f"{where}: …{line[max(0, m.start() - 12):m.end() + 12]}…")
    return bad


def _english_problems(texts: list[tuple[str, str]], *, ids_allowed: bool) -> list[str]:
    bad = []
    for where, text in texts:
        if not re.search(f"[{HAN}]", text):
            continue
        stripped = _strip_technical(text)
        if ids_allowed:
            stripped = re.sub(r"WS-[A-Z-]+", " ", stripped)
        words = [w for w in WORD.findall(stripped) if w not in ALLOWED]
        if words:
            bad.append(f"{where}: {sorted(set(words))[:6]}")
    return bad


# ------------------------------------------------------------------------------ the tests
def test_every_static_chinese_text_uses_full_width_punctuation() -> None:
    assert _punct_problems(_all_static()) == []


def test_static_chinese_texts_hold_no_english_words_or_raw_ids() -> None:
    window_and_pdf = [*catalog_texts(), *field_texts(), *qt_catalog_texts(), *help_page_texts()]
    assert _english_problems(window_and_pdf, ids_allowed=False) == []
    from journal import clihelp

    commands = r"\b(" + "|".join(sorted({p.split()[-1] for p in clihelp.COMMAND_HELP}, key=len, reverse=True)) + r")\b"
    typed = r"\b(zh|en)\b|wechat:\w+"  # values the user types after an option
    cli_lines = [(f"clihelp {k}", re.sub(commands, " ", re.sub(typed, " ", v[1])))
                 for k, v in {**clihelp.COMMAND_HELP, **clihelp.OPTION_HELP}.items()]
    assert _english_problems(cli_lines, ids_allowed=True) == []


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


@needs_poppler
def test_composed_chinese_output_of_a_demo_journal_uses_full_width_punctuation(
        demo_outputs: list[tuple[str, str]]) -> None:
    assert _punct_problems(demo_outputs) == []


@needs_poppler
def test_composed_chinese_output_holds_no_english_words_and_no_rule_ids_outside_the_cli(
        demo_outputs: list[tuple[str, str]]) -> None:
    window_and_pdf = [(w, t) for w, t in demo_outputs if not w.startswith("cli ")]
    assert [w for w, t in window_and_pdf if RULE_ID.search(t)] == []
    # the app's own sentences (the entries themselves quote English chats, names and handles)
    ours = [(w, re.sub(r"“[^”]*”", " ", t)) for w, t in demo_outputs if w.startswith("signs ")]
    assert _english_problems(ours, ids_allowed=False) == []


@needs_poppler
def test_every_pdf_page_carries_the_private_notice_and_no_secrecy_level(
        demo_outputs: list[tuple[str, str]]) -> None:
    pages = [re.sub(r"\s+", "", t) for w, t in demo_outputs if w.startswith("pdf page") and t.strip()]
    assert len(pages) > 5
    assert all("个人材料，请妥善保管" in p for p in pages)
    assert not any("机密" in p for p in pages)
    assert any("如国家安全机关" in p for p in pages)


@needs_poppler
def test_the_chinese_pdf_holds_no_english_beyond_what_the_user_wrote(
        demo_outputs: list[tuple[str, str]]) -> None:
    content = dict(demo_outputs)["journal content"]
    written = set(WORD.findall(content))
    pdf = " ".join(t for w, t in demo_outputs if w.startswith("pdf page"))
    # then attachment labels (A1), hash digits and the verify command broken over two lines
    pdf = re.sub(r"\bA\d+\b|\b[0-9A-F]{3,}\b|\bverify\b|\bexpect-head\b", " ", _strip_technical(pdf))
    words = {w for w in WORD.findall(pdf) if w not in ALLOWED and w not in written}
    assert words == set()


def test_no_avoided_variant_of_a_glossary_word_appears_anywhere() -> None:
    avoided = glossary.avoided()
    found = [f"{where}: {bad} → {good}" for where, text in _all_static()
             for bad, good in avoided.items() if bad in text]
    assert found == []


def test_the_glossary_document_lists_every_term_in_both_languages() -> None:
    doc = (ROOT / "docs" / "GLOSSARY.md").read_text(encoding="utf-8")
    for t in glossary.TERMS:
        assert f"| {t.en} | {t.zh} |" in doc, t.id


def test_the_render_check_catches_ascii_marks_in_composed_text() -> None:
    assert _punct_problems([("x", render("已添加人物 {name}({id})。"))]) != []
    assert _punct_problems([("x", "已添加人物 王经理（样例）。")]) == []
    assert _english_problems([("x", "请填写 summary 字段")], ids_allowed=False) != []
    assert paths.font_path().exists()


def test_sign_levels_use_the_glossary_words_in_window_pdf_and_core() -> None:
    from journal.core import signs
    from journal.core.report.texts import tr

    qt = json.loads((ROOT / "resources" / "translations" / "zh_CN" / "signs.json").read_text(encoding="utf-8"))
    qt_words = {en: zh for table in qt.values() for en, zh in table.items()}
    for level in ("present", "possible"):
        word = glossary.term(f"sign_{level}", "zh")
        assert signs.level_label(level, "zh") == word
        assert tr(f"report.signs.level.{level}", "zh") == word
        assert qt_words[level.capitalize()] == word
