"""Every face of the warning signs (``journal-cli signs --json``, ``journal-cli signs``, the
report's signs section) of the small test journals, in English and Chinese, as text that does
not depend on the random entry ids or the computer's time zone.

The small journals are those whose signs rest on at most 20 evidence entries each: the demo (in
both languages), the article cases and the labelled and innocent journals of
``tests/data/signs/``. ``tests/data/signs/outputs-before-reasons-on-request.json`` holds the
SHA-256 of each of these outputs as the program made them before the reasons were worked out on
request (main at 0c76c76, written by ``python tests/core/signs_outputs.py --write``); the tests
compare today's outputs with them.

Entry ids are written ``E<n>`` (n: the entry's place in time, from 0), and the date of an
evidence line ``<when>`` (it is shown in the computer's time zone).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script
    sys.path.insert(0, str(HERE))

import signs_corpus as corpus
from test_signs_cases import CASES, build_in_journal

from journal.core.crypto import FAST_PARAMS
from journal.core.demo import build_demo
from journal.core.store import Journal
from journal.core.timeparse import show_when

GOLDEN = HERE.parent / "data" / "signs" / "outputs-before-reasons-on-request.json"
PASS = "signs outputs 警示信号"
LANGS = ("en", "zh")


def small_journals() -> Iterator[tuple[str, Callable[[Path], Journal]]]:
    """(name, make(path) -> an open journal) for every small test journal."""
    for lang in LANGS:
        yield f"demo-{lang}", lambda p, lang=lang: build_demo(p, PASS, kdf=FAST_PARAMS, lang=lang)
    for case in CASES:
        def make_case(p: Path, case: Any = case) -> Journal:
            j = Journal.create(p, PASS, kdf=FAST_PARAMS)
            build_in_journal(j, case)
            return j
        yield f"case-{case.name}", make_case
    for split in ("train", "heldout", "fresh"):
        for labelled in corpus.load(split):
            def make_labelled(p: Path, labelled: Any = labelled) -> Journal:
                j = Journal.create(p, PASS, kdf=FAST_PARAMS)
                corpus.build_in_journal(j, labelled)
                return j
            yield f"{split}-{labelled.name}", make_labelled


class Names:
    """Entry ids → E<n>, and the evidence lines' dates → <when>."""

    def __init__(self, j: Journal) -> None:
        ids = j.entry_ids(newest_first=False, include_deleted=True)
        self.ids = {eid: f"E{n}" for n, eid in enumerate(ids)}
        self.when_of = {(e.id, lang): show_when(e.occurred_at, e.precision, lang)
                        for e in j.get_entries(ids) for lang in LANGS}

    def text(self, text: str, lang: str) -> str:
        for eid, name in self.ids.items():
            text = text.replace(f"{eid}  {self.when_of[(eid, lang)]}  ", f"{name}  <when>  ")
            text = text.replace(eid, name)
        return text

    def ids_in(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.ids.get(value, value)
        if isinstance(value, list):
            return [self.ids_in(x) for x in value]
        if isinstance(value, dict):
            return {k: self.ids_in(x) for k, x in value.items()}
        return value


@contextlib.contextmanager
def keys_once() -> Iterator[None]:
    """Each journal's key derived once however often it is opened (the CLI derives it at every
    command: most of the time these outputs take). The keys are bytes, never wiped."""
    real = Journal.__dict__["derive"]
    memo: dict[tuple[str, str], bytes] = {}

    def derive(cls: type[Journal], path: Any, passphrase: str) -> bytes:
        key = (str(path), passphrase)
        if key not in memo:
            memo[key] = real.__func__(cls, path, passphrase)
        return memo[key]

    Journal.derive = classmethod(derive)  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        Journal.derive = real  # type: ignore[method-assign]


def cli(path: Path, lang: str, *argv: str) -> str:
    """What ``journal-cli --journal PATH ARGV…`` prints, run in this process."""
    from journal.cli import COMMANDS
    from journal.cli.parser import build_parser

    args = build_parser(lang).parse_args(["--journal", str(path), *argv])
    out = io.StringIO()
    old = os.environ.get("JOURNAL_PASSPHRASE")
    os.environ["JOURNAL_PASSPHRASE"] = PASS
    try:
        with contextlib.redirect_stdout(out):
            assert COMMANDS[args.command](args, lang) == 0
    finally:
        if old is None:
            del os.environ["JOURNAL_PASSPHRASE"]
        else:
            os.environ["JOURNAL_PASSPHRASE"] = old
    return out.getvalue()


def report_signs(j: Journal, lang: str) -> str:
    """The report's signs section as data (what the PDF draws), every entry selected."""
    from journal.core.report.data import load_signs

    selected = set(j.entry_ids(newest_first=False))
    return json.dumps([asdict(v) for v in load_signs(j, lang, selected)], ensure_ascii=False,
                      indent=1)


def window(path: Path, lang: str) -> str:
    """The Warning signs page's cards (every label and button, in order), built offscreen in
    ``lang`` (a QApplication must exist)."""
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

    from journal.gui import qtsetup
    from journal.gui.signs.view import SignsView

    qtsetup.install_translators(QApplication.instance(), lang)  # type: ignore[arg-type]
    view = SignsView()
    try:
        with Journal.open(path, PASS) as j:
            names = Names(j)
            view.set_journal(j)  # a small journal is evaluated at once
            lines = []
            for card in view.cards:
                lines.append(f"[{card.result.id}]")
                for w in card.findChildren(QWidget):
                    if not isinstance(w, (QLabel, QAbstractButton)):
                        continue
                    eid = w.property("entryId")
                    text = w.text()
                    if eid:
                        text = text.replace(names.when_of[(eid, lang)], "<when>", 1)
                        text = f"{names.ids[eid]}: {text}"
                    lines.append(f"{w.objectName()}: {text}")
            view.set_journal(None)
    finally:
        view.deleteLater()
    return names.text("\n".join(lines), lang)


def outputs(path: Path) -> dict[str, str]:
    """Every face of the signs of the journal at ``path`` (closed), ids and dates normalised."""
    out: dict[str, str] = {}
    with keys_once(), Journal.open(path, PASS) as j:
        names = Names(j)
        for lang in LANGS:
            out[f"report-{lang}"] = names.text(report_signs(j, lang), lang)
        for lang in LANGS:
            out[f"json-{lang}"] = names.text(cli(path, lang, "signs", "--json"), lang)
            out[f"text-{lang}"] = names.text(cli(path, lang, "signs"), lang)
    return out


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def before() -> dict[str, dict[str, str]]:
    """The digests of the outputs before the reasons were worked out on request."""
    return dict(json.loads(GOLDEN.read_text(encoding="utf-8")))


def all_outputs(folder: Path, faces: Callable[[Path], dict[str, str]] = outputs
                ) -> dict[str, dict[str, str]]:
    result = {}
    for name, make in small_journals():
        path = folder / f"{name}.ijournal"
        make(path).close()
        result[name] = faces(path)
    return result


def window_outputs(path: Path) -> dict[str, str]:
    return {f"window-{lang}": window(path, lang) for lang in LANGS}


if __name__ == "__main__":  # pragma: no cover - writes the reference once
    import tempfile

    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: signs_outputs.py --write")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication


    app = QApplication([])  # the widgets need it
    with tempfile.TemporaryDirectory() as tmp:
        data = all_outputs(Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        for name, faces in all_outputs(Path(tmp), window_outputs).items():
            data[name].update(faces)
    digests = {name: {face: digest(text) for face, text in faces.items()}
               for name, faces in data.items()}
    GOLDEN.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data)} journals written to {GOLDEN}")
