"""journal-cli through its real entry point, in a subprocess, against real journal files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.store import Journal

PASS = "cli test passphrase 密码"
CLI = str(Path(sys.executable).parent / "journal-cli")


def run(*args: str, env: dict[str, str] | None = None, passphrase: str | None = PASS,
        journal: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("JOURNAL_PASSPHRASE", None)
    if passphrase is not None:
        full_env["JOURNAL_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    cmd = [CLI] + (["--journal", str(journal)] if journal else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=120, check=False,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "cli.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    return path


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_entry_point_exists() -> None:
    assert Path(CLI).exists(), "install the package (pip install -e .) so journal-cli exists"
    assert "journal-cli" in ok(run("--version", passphrase=None))


def test_init_then_refuses_existing(tmp_path: Path) -> None:
    path = tmp_path / "new.ijournal"
    out = ok(run("init", journal=path, env={"JOURNAL_NEW_PASSPHRASE": "a good new passphrase"}))
    assert "cannot be recovered" in out
    with Journal.open(path, "a good new passphrase") as j:
        from journal.core.crypto import parse_header

        params = parse_header(j.file_header)
        assert params.memory_kib >= 64 * 1024
    before = path.read_bytes()
    result = run("init", journal=path, env={"JOURNAL_NEW_PASSPHRASE": "another passphrase!"})
    assert result.returncode == 1 and "already exists" in result.stderr
    assert path.read_bytes() == before


def test_init_refuses_short_passphrase_and_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "new.ijournal"
    result = run("init", journal=path, env={"JOURNAL_NEW_PASSPHRASE": "short"})
    assert result.returncode == 1 and not path.exists()
    result = run("init", journal=path, passphrase=None)  # no tty to ask on
    assert result.returncode == 1 and not path.exists()


def test_keep_a_journal(jpath: Path, tmp_path: Path) -> None:
    pid = ok(run("person", "add", "Director Zhang", "--alias", "张总", "--role", "Director",
                 "--organisation", "海洋调查公司", "--platform", "job app", "--handle", "wechat:zhang_2024",
                 journal=jpath)).strip()
    persons = json.loads(ok(run("person", "list", "--json", journal=jpath)))
    assert persons[0]["id"] == pid and persons[0]["handles"] == [{"kind": "wechat", "value": "zhang_2024"}]
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 50)
    rid = ok(run("add", "request", "--summary", "让我去港口拍军舰", "--when", "2024-03-05 14:30+08:00",
                 "--person", "张总", "--task", "拍照", "--target", "军港", "--status", "asked",
                 "--amount", "800", "--attach", str(shot), "--tag", "兼职", journal=jpath)).strip()
    pay = ok(run("add", "payment", "--summary", "Paid for the photos", "--when", "2024-03-06",
                 "--person", "Director Zhang", "--amount", "1,200.50", "--currency", "usd",
                 "--method", "alipay", "--direction", "received", journal=jpath)).strip()
    gift = ok(run("add", "gift", "--summary", "A new phone", "--item", "phone", "--value", "3999",
                  "--person", "New Person", journal=jpath)).strip()
    entries = json.loads(ok(run("list", "--json", journal=jpath)))
    assert [e["id"] for e in entries] == [gift, pay, rid]  # newest first
    r = next(e for e in entries if e["id"] == rid)
    assert r["persons"] == ["Director Zhang"] and r["amount"] == "800" and r["currency"] == "CNY"
    assert r["occurred_at"] == "2024-03-05T14:30:00+08:00" and r["tags"] == ["兼职"]
    assert r["attachments"][0]["filename"] == "shot.png" and len(r["attachments"][0]["sha256"]) == 64
    assert isinstance(r["id"], str) and r["deleted"] is False
    for key in ("id", "kind", "occurred_at", "recorded_at", "summary", "details", "persons", "channel",
                "location", "tags", "amount", "currency", "method", "direction", "item", "value",
                "task", "target", "status", "attachments", "deleted"):
        assert key in r
    p = next(e for e in entries if e["id"] == pay)
    assert p["amount"] == "1200.50" and p["currency"] == "USD"
    assert [x["name"] for x in json.loads(ok(run("person", "list", "--json", journal=jpath)))] == [
        "Director Zhang", "New Person"]
    # search, including a two-character Chinese word
    assert [e["id"] for e in json.loads(ok(run("search", "军舰", "--json", journal=jpath)))] == [rid]
    assert [e["id"] for e in json.loads(ok(run("search", "ALIPAY", "--json", journal=jpath)))] == []
    assert [e["id"] for e in json.loads(ok(run("search", "photos", "--json", journal=jpath)))] == [pay]
    # filters
    assert [e["id"] for e in json.loads(ok(run("list", "--kind", "payment", "--json", journal=jpath)))] == [pay]
    assert len(json.loads(ok(run("list", "--since", "2024-03-06", "--until", "2024-03-06", "--json",
                                 journal=jpath)))) == 1
    assert len(json.loads(ok(run("list", "--person", "张总", "--json", journal=jpath)))) == 2
    # edit replaces persons and tags, keeps the rest, adds a revision
    ok(run("edit", rid, "--status", "refused", "--tag", "拒绝", "--person", "New Person", journal=jpath))
    shown = json.loads(ok(run("show", rid, "--history", "--json", journal=jpath)))
    assert shown["status"] == "refused" and shown["tags"] == ["拒绝"] and shown["persons"] == ["New Person"]
    assert shown["task"] == "拍照" and [h["revision"] for h in shown["history"]] == [1, 2]
    # delete / restore
    ok(run("delete", rid, journal=jpath))
    assert rid not in [e["id"] for e in json.loads(ok(run("list", "--json", journal=jpath)))]
    listed = json.loads(ok(run("list", "--include-deleted", "--json", journal=jpath)))
    assert next(e for e in listed if e["id"] == rid)["deleted"] is True
    ok(run("restore", rid, journal=jpath))
    assert not json.loads(ok(run("show", rid, "--json", journal=jpath)))["deleted"]
    # human output
    table = ok(run("list", journal=jpath))
    assert "让我去港口拍军舰" in table and "Summary" in table
    zh = ok(run("list", journal=jpath, env={"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}))
    assert "概要" in zh
    verify = json.loads(ok(run("verify", "--json", journal=jpath)))
    assert verify["ok"] and verify["attachments"] == 1 and len(verify["head_hash"]) == 64


def _head_and_count(path: Path) -> tuple[str, int]:
    """The audit-chain head and the number of entries (trash included), read in this process:
    one journal-cli start per case is the command under test, not the checks around it."""
    with Journal.open(path, PASS) as j:
        return j.head_hash(), j.count_entries(include_deleted=True)


@pytest.mark.parametrize("args,needle", [
    (["add", "paymnt", "--summary", "x"], "Unknown kind"),
    (["add", "note"], "summary"),
    (["add", "payment", "--summary", "x", "--amount", "-5"], "not an amount"),
    (["add", "payment", "--summary", "x", "--amount", "lots"], "not an amount"),
    (["add", "payment", "--summary", "x", "--amount", "5", "--currency", "XYZ"], "currency"),
    (["add", "note", "--summary", "x", "--when", "2024-13-45"], "not a date"),
    (["add", "note", "--summary", "x", "--when", "the tuesday after next"], "not a date"),
    (["add", "note", "--summary", "x", "--attach", "/nonexistent/shot.png"], "no file"),
    (["add", "note", "--summary", "x", "--amount", "5"], "does not belong"),
    (["add", "request", "--summary", "x", "--status", "maybe"], "not allowed"),
    (["person", "add", "x", "--handle", "nocolon"], "handle"),
    (["show", "ffffffffffff"], "No entry"),
    (["edit", "ffffffffffff", "--summary", "x"], "No entry"),
    (["delete", "ffffffffffff"], "No entry"),
])
def test_bad_input_exit_1_changes_nothing(jpath: Path, args: list[str], needle: str) -> None:
    before = _head_and_count(jpath)
    assert before[1] == 0
    result = run(*args, journal=jpath)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert needle.lower() in result.stderr.lower() and "Traceback" not in result.stderr
    assert _head_and_count(jpath) == before


def test_oversized_attachment_exit_1(jpath: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with open(big, "wb") as fh:
        fh.truncate(200 * 1024 * 1024 + 1)
    result = run("add", "note", "--summary", "x", "--attach", str(big), journal=jpath)
    assert result.returncode == 1 and "200 MB" in result.stderr
    assert json.loads(ok(run("list", "--json", journal=jpath))) == []


def test_wrong_passphrase_exit_3_bytes_unchanged(jpath: Path) -> None:
    before = jpath.read_bytes()
    result = run("list", journal=jpath, passphrase="not the passphrase")
    assert result.returncode == 3 and "passphrase is not correct" in result.stderr
    assert jpath.read_bytes() == before
    zh = run("list", journal=jpath, passphrase="not the passphrase", env={"LANG": "zh_CN.UTF-8"})
    assert zh.returncode == 3 and "密码不正确" in zh.stderr


@pytest.mark.parametrize("content", [b"", b"plain text file", os.urandom(10000)])
def test_not_a_journal_exit_4(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.ijournal"
    path.write_bytes(content)
    result = run("list", journal=path)
    assert result.returncode == 4 and "not an Incident Journal" in result.stderr
    assert "Traceback" not in result.stderr and path.read_bytes() == content


@pytest.mark.parametrize(("env", "expected", "backup"), [
    ({}, "This file is not an Incident Journal file", "backup"),
    ({"LANG": "zh_CN.UTF-8"}, "这个文件不是事件日志文件", "备份")])
def test_a_file_that_is_not_a_journal_says_to_check_the_path_not_to_open_a_backup(
        tmp_path: Path, env: dict[str, str], expected: str, backup: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("shopping list\n", encoding="utf-8")
    result = run("signs", journal=path, env=env)
    assert result.returncode == 4 and expected in result.stderr
    assert ".ijournal" in result.stderr and backup not in result.stderr


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "This journal file is damaged"), ({"LANG": "zh_CN.UTF-8"}, "这个日志文件已损坏")])
def test_a_journal_header_with_damage_keeps_the_damaged_wording(
        jpath: Path, env: dict[str, str], expected: str) -> None:
    data = bytearray(jpath.read_bytes())
    data[2] ^= 0xFF  # the format version byte of a real journal header
    jpath.write_bytes(bytes(data))
    result = run("list", journal=jpath, env=env)
    assert result.returncode == 4 and expected in result.stderr


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "There is no journal at"), ({"LANG": "zh_CN.UTF-8"}, "处还没有日志")])
def test_a_command_without_a_journal_says_how_to_create_one_or_name_one(
        tmp_path: Path, env: dict[str, str], expected: str) -> None:
    path = tmp_path / "none.ijournal"
    result = run("signs", journal=path, env=env)
    assert result.returncode == 1 and expected in result.stderr and str(path) in result.stderr
    assert "journal-cli init" in result.stderr and "journal-cli --journal" in result.stderr
    assert not path.exists()


def test_usage_errors_exit_2(jpath: Path) -> None:
    assert run(journal=jpath).returncode == 2
    assert run("frobnicate", journal=jpath).returncode == 2
    assert run("list", "--bogus", journal=jpath).returncode == 2


def test_passphrase_file(jpath: Path, tmp_path: Path) -> None:
    f = tmp_path / "pass.txt"
    f.write_text(PASS + "\n", encoding="utf-8")
    ok(run("--passphrase-file", str(f), "list", journal=jpath, passphrase=None))
    result = run("--passphrase-file", str(tmp_path / "missing"), "list", journal=jpath, passphrase=None)
    assert result.returncode == 1


def test_backup_and_restore(jpath: Path, tmp_path: Path) -> None:
    eid = ok(run("add", "note", "--summary", "before backup", journal=jpath)).strip()
    out = tmp_path / "copy.ijbackup"
    ok(run("backup", str(out), journal=jpath))
    before = out.read_bytes()
    result = run("backup", str(out), journal=jpath)
    assert result.returncode == 1 and out.read_bytes() == before  # never overwrites
    ok(run("delete", eid, journal=jpath))
    ok(run("restore", str(out), journal=jpath))
    assert [e["id"] for e in json.loads(ok(run("list", "--json", journal=jpath)))] == [eid]
    assert list(tmp_path.glob("cli.ijournal.before-restore-*"))  # the replaced file is kept
    # a backup restored with the wrong passphrase changes nothing
    current = jpath.read_bytes()
    result = run("restore", str(out), journal=jpath, passphrase="wrong passphrase")
    assert result.returncode == 3 and jpath.read_bytes() == current


def test_rekey(jpath: Path) -> None:
    ok(run("add", "note", "--summary", "x", journal=jpath))
    ok(run("rekey", journal=jpath, env={"JOURNAL_NEW_PASSPHRASE": "the next passphrase"}))
    assert run("list", journal=jpath).returncode == 3
    assert len(json.loads(ok(run("list", "--json", journal=jpath, passphrase="the next passphrase")))) == 1
    result = run("rekey", journal=jpath, passphrase="the next passphrase",
                 env={"JOURNAL_NEW_PASSPHRASE": "short"})
    assert result.returncode == 1


def test_verify_exit_5_after_tampering(jpath: Path) -> None:
    eid = ok(run("add", "payment", "--summary", "x", "--amount", "300", journal=jpath)).strip()
    with Journal.open(jpath, PASS) as j:
        j.db.conn.execute("UPDATE entries SET amount = '3' WHERE id = ?", (eid,))
    result = run("verify", journal=jpath)
    assert result.returncode == 5 and eid in result.stderr


def test_export_text_to_a_file_ends_with_a_newline(jpath: Path, tmp_path: Path) -> None:
    ok(run("add", "contact", "--summary", "Mr Zhang added me on WeChat", journal=jpath))
    out = tmp_path / "summary.txt"
    ok(run("export", "text", str(out), "--lang", "en", journal=jpath))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Summary of suspicious contacts")
    assert text.endswith("\n") and not text.endswith("\n\n")
