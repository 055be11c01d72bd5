"""Promises: after a whole session nothing typed into the journal appears in any file outside
it (data, config, cache, logs, temp, backups, Qt's own files), none appears in the journal's or the
encrypted PDF's raw bytes, and no socket is opened at all.

The session (session_script.py) runs in a fresh process whose HOME, XDG dirs and TMPDIR point into
a temporary tree, under an audit hook installed before anything else is imported.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import PASS

SCRIPT = Path(__file__).with_name("session_script.py")
RARE_CJK = "鲸鳐鲟鲑鳗鲶鳕鲂鳙鲢鲦鲳"


def _markers() -> dict[str, str]:
    names = ["cli_person", "cli_alias", "cli_role", "cli_org", "cli_handle", "cli_phone",
             "cli_notes", "cli_summary", "cli_details", "cli_task", "cli_target", "cli_tag",
             "cli_payment", "cli_edit", "cli_location", "file_text", "file_utf16", "png_text",
             "chat_csv", "chat_wa", "gui_summary", "gui_details", "gui_location", "gui_person",
             "gui_attachment", "gui_pname", "gui_palias", "gui_pnotes", "gui_phandle",
             "gui_clipboard", "gui_draft", "chat_gui", "gui_prepared", "cli_dismiss"]
    out = {}
    for i, name in enumerate(names):
        tag = secrets.token_hex(4)
        cjk = RARE_CJK[i % 12] + RARE_CJK[(i * 5 + 1) % 12] + RARE_CJK[(i * 7 + 2) % 12]
        out[name] = f"MARKER-{tag}-军舰港口{cjk}-zq"
    out["cli_phone"] = "+86 139 " + str(secrets.randbelow(10**8)).zfill(8)
    return out


def _needles(markers: dict[str, str]) -> dict[bytes, str]:
    """Every marker, and its unique Latin tag and Chinese tail alone, in UTF-8 and UTF-16."""
    needles: dict[bytes, str] = {}
    for name, text in markers.items():
        parts = [text]
        if text.startswith("MARKER-"):
            tag = text.split("-")[1]
            tail = text.split("-")[2]
            parts += [f"MARKER-{tag}", tail]
        else:
            parts += [text.replace(" ", "")[-8:]]
        for part in parts:
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                needles[part.encode(enc)] = f"{name} ({enc}: {part})"
    return needles


def _scan(root: Path, needles: dict[bytes, str], skip: set[Path]) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            for needle, what in needles.items():
                if needle in name.encode("utf-8", "surrogateescape"):
                    found.append(f"file name {Path(dirpath) / name}: {what}")
        for name in filenames:
            path = Path(dirpath) / name
            if path in skip or path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            for needle, what in needles.items():
                if needle in data:
                    found.append(f"{path}: {what}")
    return found


def _inputs(folder: Path, m: dict[str, str]) -> None:
    """Files the user already had (outside the scanned tree): an attachment, a chat export."""
    folder.mkdir()
    (folder / "evidence.txt").write_text(f"{m['file_text']}\n", encoding="utf-8")
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c63f8cfc0f01f000500 01ff89993d1d"
                        "0000000049454e44ae426082".replace(" ", ""))
    (folder / "screenshot.png").write_bytes(png + m["png_text"].encode("utf-8")
                                            + m["file_utf16"].encode("utf-16-le"))
    (folder / "chat.csv").write_text(
        "date,person,text\n"
        f"2024-03-12 14:05,{m['cli_person']},\"{m['chat_csv']}\"\n"
        "2024-03-12 14:06,Me,ok\n", encoding="utf-8")
    (folder / "chat.txt").write_text(
        f"2024-03-13 09:00:00 - Recruiter: {m['chat_wa']}\n"
        "2024-03-13 09:01:00 - Me: no\n", encoding="utf-8")
    (folder / "chat-gui.csv").write_text(
        "date,person,text\n"
        f"2024-03-14 10:00,Recruiter Two,\"{m['chat_gui']}\"\n", encoding="utf-8")
    (folder / "passphrase.txt").write_text(PASS + "\n", encoding="utf-8")
    (folder / "pdf-password.txt").write_text("pdf password 7788\n", encoding="utf-8")


@pytest.mark.slow
def test_whole_session_leaves_no_plaintext_and_opens_no_socket(tmp_path: Path) -> None:
    markers = _markers()
    tree = tmp_path / "tree"
    home = tree / "home"
    tmpdir = tree / "tmp"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "JOURNAL_")) and k not in ("HOME", "TMPDIR", "TMP", "TEMP")}
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_RUNTIME_DIR", "run")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    os.chmod(home / "run", 0o700)
    tmpdir.mkdir()
    env.update(TMPDIR=str(tmpdir), TMP=str(tmpdir), TEMP=str(tmpdir), JOURNAL_PASSPHRASE=PASS,
               QT_QPA_PLATFORM="offscreen", LANG="zh_CN.UTF-8", PYTHONDONTWRITEBYTECODE="1")
    inputs = tmp_path / "inputs"
    _inputs(inputs, markers)
    documents = home / "Documents"
    documents.mkdir()
    pdf = documents / "report.pdf"
    start = time.time()
    result = subprocess.run([sys.executable, str(SCRIPT), json.dumps(markers), str(inputs), str(pdf)],
                            check=False, capture_output=True, text=True, env=env, timeout=240,
                            cwd=str(tmp_path))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    assert "Traceback" not in result.stderr, result.stderr[-5000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
    report = json.loads(line[len("RESULT "):])

    # ----- no network: not one socket event, no socket left open
    assert report["events"] == [], report["events"]
    assert report["socket_fds"] == [], report["socket_fds"]

    # ----- every file the session's Python code wrote (even one deleted before the scan) is one
    # the app is meant to write: the journal, its backups, the chosen PDF, settings, logs and the
    # rollback memory
    journal_path = Path(report["journal"])
    gui_pdf = Path(report["gui_pdf"])
    backup_dir = Path(report["backup_dir"])
    unexpected = []
    for written in report["writes"]:
        w = Path(written)
        if w.parent == pdf.parent and w.name.endswith((".pdf", ".part")):
            continue
        if w.parent in (backup_dir, journal_path.parent) and (
                w.name.endswith((".ijbackup", ".tmp", ".ijournal")) or ".ijbackup." in w.name):
            continue
        if w.parent == journal_path.parent and w.name in (journal_path.name + ".lock",
                                                         journal_path.name + ".writer.lock"):
            assert not w.exists() or w.stat().st_size == 0  # the one-writer locks: never content
            continue
        if w.name == "settings.json" or w.name.startswith(".settings.json.") or ".log" in w.name:
            continue
        # the rollback warning's memory: per journal id, the newest chain position (no content)
        if w.name == "chain-heads.json" or w.name.startswith(".chain-heads.json."):
            continue
        unexpected.append(written)
    assert unexpected == [], f"unexpected files written: {unexpected}"

    # ----- the session really happened: the journal holds every marker (decrypted)
    journal = Path(report["journal"])
    from journal.core.store import Journal

    with Journal.open(journal, PASS) as j:
        assert j.verify().ok
        everything = json.dumps([j.get_entry(i).__dict__ for i in j.entry_ids(include_deleted=True)],
                                default=str, ensure_ascii=False)
        everything += json.dumps([p.__dict__ for p in j.list_persons()], default=str, ensure_ascii=False)
        for name in ("cli_summary", "cli_edit", "gui_summary", "gui_details", "gui_person", "gui_pname",
                     "cli_person", "chat_gui", "chat_csv", "chat_wa"):
            assert markers[name] in everything, name
        from journal.core.signs import dismissals

        assert dismissals(j)["WS-UNUSUAL-PAYMENT"].reason == markers["cli_dismiss"]
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    assert reader.is_encrypted and reader.decrypt("pdf password 7788") != 0
    assert markers["cli_summary"] in "".join(page.extract_text() or "" for page in reader.pages)
    if gui_pdf.exists():  # the report page is there: its PDF is encrypted too
        reader = PdfReader(str(gui_pdf))
        assert reader.is_encrypted and reader.decrypt("gui pdf password 99") != 0
        text = "".join(page.extract_text() or "" for page in reader.pages)
        assert markers["gui_summary"] in text and markers["gui_prepared"] in text

    # ----- nothing outside the journal and the chosen PDF holds a marker, in the tree or TMPDIR
    needles = _needles(markers)
    leaks = _scan(tree, needles, skip={journal, pdf, gui_pdf})
    assert leaks == [], "plaintext found outside the journal:\n" + "\n".join(leaks)
    # ... nor in the raw bytes of the journal (or a -wal left beside it) or the encrypted PDF
    for path in (journal, Path(str(journal) + "-wal"), pdf, gui_pdf):
        if path.exists():
            data = path.read_bytes()
            assert [w for n, w in needles.items() if n in data] == [], path
    # ... nor in shared memory files made during the session
    shm = Path("/dev/shm")
    if shm.is_dir():
        fresh = {p for p in shm.iterdir() if p.is_file() and p.stat().st_mtime >= start - 1
                 and os.access(p, os.R_OK)}
        assert _scan(shm, needles, skip={p for p in shm.iterdir()} - fresh) == []
    # the tree holds what we expect to find there, so the scan looked at real files
    names = {p.name for p in tree.rglob("*") if p.is_file()}
    assert "settings.json" in names and any(n.endswith(".log") for n in names)
    assert any(n.endswith("-close.ijbackup") for n in names), "lock and quit make backups"


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The scanner itself: a marker in UTF-8, UTF-16, in part, or in a file name is found."""
    markers = _markers()
    needles = _needles(markers)
    m = markers["gui_summary"]
    (tmp_path / "a.txt").write_bytes(b"xx" + m.encode("utf-16-le") + b"yy")
    (tmp_path / "b.bin").write_bytes(os.urandom(100) + m.split("-")[1].join(["MARKER-", "?"]).encode())
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / (m.split("-")[2] + ".png")).write_bytes(b"")
    (tmp_path / "d.txt").write_bytes(m.encode("utf-16-be"))
    (tmp_path / "clean.txt").write_bytes(b"nothing here MARKER- \xe5")
    found = _scan(tmp_path, needles, skip=set())
    assert {f.split(":")[0].split("/")[-1] for f in found} >= {"a.txt", "b.bin", "d.txt"}
    assert any(f.startswith("file name") for f in found)
    assert not any("clean.txt" in f for f in found)
