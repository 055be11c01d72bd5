"""Promise (issue 12): every change to the file is detectable — forged or removed revisions, a
changed or emptied search index, an older copy put in place of the journal (rollback warning), and
an earlier report's head checked with ``verify --expect-head``. Also: a re-key leaves no copy that
opens with the old passphrase, and identical attachment bytes are stored once."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from journal.cli import main
from journal.core import chainmemory
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import WrongPassphraseError
from journal.core.models import EntryDraft
from journal.core.store import Journal

from .conftest import PASS, fill

NEW_PASS = "a brand new passphrase 新密码"


def _cli(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--journal", str(path), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "small.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        ids = fill(j)
    return path, ids


def test_a_clean_journal_verifies_with_its_revisions_and_index(small: tuple[Path, dict[str, str]]) -> None:
    path, _ = small
    with Journal.open(path, PASS) as j:
        result = j.verify()
    assert result.ok, result.problems
    assert result.revisions >= 11
    assert set(result.not_covered) == {"drafts", "settings"}


def test_forged_earlier_revision_written_with_the_key_fails_verify(
        small: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = small
    with Journal.open(path, PASS) as j:
        row = j.db.conn.execute("SELECT id, data FROM revisions WHERE object_id = ? AND revision = 1",
                                (ids["note"],)).fetchone()
        data = json.loads(row["data"])
        data["summary"] = "a forged first version"
        j.db.conn.execute("UPDATE revisions SET data = ? WHERE id = ?",
                          (json.dumps(data, ensure_ascii=False), row["id"]))
        j.db.conn.commit()
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    code, _out, err = _cli(capsys, path, "verify")
    assert code == 5
    assert f"revision 1 of entry {ids['note']} was changed outside the app" in err


def test_removed_revision_fails_verify(small: tuple[Path, dict[str, str]]) -> None:
    path, ids = small
    with Journal.open(path, PASS) as j:
        j.db.conn.execute("DELETE FROM revisions WHERE object_id = ? AND revision = 1", (ids["note"],))
        j.db.conn.commit()
        result = j.verify()
    assert not result.ok
    assert any("was removed" in p for p in result.problems)


def test_inserted_unsealed_revision_fails_verify(small: tuple[Path, dict[str, str]]) -> None:
    path, ids = small
    with Journal.open(path, PASS) as j:
        j.db.conn.execute(
            "INSERT INTO revisions(object_type, object_id, revision, saved_at, action, data)"
            " VALUES ('entry', ?, 9, '2024-01-01T00:00:00+00:00', 'edit', '{}')", (ids["note"],))
        j.db.conn.commit()
        result = j.verify()
    assert not result.ok
    assert any("revision 9 of entry" in p and "not in the audit log" in p for p in result.problems)


@pytest.mark.parametrize("how", ["delete one row", "delete every row", "change a row", "add a row"])
def test_tampered_search_index_fails_verify(small: tuple[Path, dict[str, str]], how: str) -> None:
    path, ids = small
    with Journal.open(path, PASS) as j:
        conn = j.db.conn
        seq = conn.execute("SELECT seq FROM entries WHERE id = ?", (ids["request"],)).fetchone()[0]
        if how == "delete one row":
            conn.execute("DELETE FROM entry_fts WHERE rowid = ?", (seq,))
        elif how == "delete every row":
            conn.execute("DELETE FROM entry_fts")
        elif how == "change a row":
            conn.execute("UPDATE entry_fts SET body = 'harmless' WHERE rowid = ?", (seq,))
        else:
            conn.execute("INSERT INTO entry_fts(rowid, body) VALUES (99999, 'ghost')")
        conn.commit()
        result = j.verify()
    assert not result.ok
    assert any("search index" in p for p in result.problems)


def test_expect_head_of_an_earlier_report_passes_and_counts_later_records(
        small: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = small
    with Journal.open(path, PASS) as j:
        seq, head = j.chain_position()
        j.add_entry(EntryDraft(kind="note", summary="added after the report"))
        after = j.chain_position()[0] - seq
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    code, out, _err = _cli(capsys, path, "verify", "--expect-head", head)
    assert code == 0
    words = "record was" if after == 1 else "records were"
    assert f"record {seq} of this chain; {after} {words} added after it" in out
    code, out, _err = _cli(capsys, path, "verify", "--json", "--expect-head", head.upper())
    result = json.loads(out)
    assert code == 0 and result["expected_seq"] == seq and result["records_after"] == after
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _err = _cli(capsys, path, "verify", "--expect-head", head)
    assert code == 0 and f"第 {seq} 条记录" in out


def test_expect_head_unknown_to_the_chain_exits_5(small: tuple[Path, dict[str, str]],
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = small
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    code, _out, err = _cli(capsys, path, "verify", "--expect-head", "ab" * 32)
    assert code == 5
    assert "is NOT a record of this journal's chain" in err


def test_cut_off_tail_is_caught_by_expect_head(small: tuple[Path, dict[str, str]],
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Removing the newest entry with its records, revisions and index row (with the key) leaves
    a consistent file; the head printed in the earlier report no longer is in the chain."""
    path, _ = small
    with Journal.open(path, PASS) as j:
        newest = j.add_entry(EntryDraft(kind="note", summary="will be cut off"))
        _seq, head = j.chain_position()
        conn = j.db.conn
        first = conn.execute("SELECT min(seq) FROM audit WHERE object_type = 'entry' AND object_id = ?",
                             (newest.id,)).fetchone()[0]
        row_seq = conn.execute("SELECT seq FROM entries WHERE id = ?", (newest.id,)).fetchone()[0]
        conn.execute("DELETE FROM audit WHERE seq >= ?", (first,))
        conn.execute("DELETE FROM revisions WHERE object_id = ?", (newest.id,))
        conn.execute("DELETE FROM entry_fts WHERE rowid = ?", (row_seq,))
        conn.execute("DELETE FROM sign_facts WHERE seq = ?", (row_seq,))  # derived, like the index
        conn.execute("DELETE FROM entries WHERE id = ?", (newest.id,))
        conn.commit()
        assert j.verify().ok  # consistent inside: only an outside anchor can tell
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    code, _out, _err = _cli(capsys, path, "verify", "--expect-head", head)
    assert code == 5


def test_older_copy_put_in_place_warns_on_stderr_once(small: tuple[Path, dict[str, str]],
                                                      tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = small
    older = tmp_path / "older-copy.ijournal"
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    assert _cli(capsys, path, "list")[0] == 0
    shutil.copyfile(path, older)
    assert _cli(capsys, path, "add", "note", "--summary", "newer entry")[0] == 0
    code, _out, err = _cli(capsys, path, "list")
    assert code == 0 and "older copy" not in err
    shutil.copyfile(older, path)  # the older copy, without the key
    code, _out, err = _cli(capsys, path, "list")
    assert code == 0
    assert "An older copy may have been put in its place" in err
    code, _out, err = _cli(capsys, path, "list")
    assert "older copy" not in err  # said once; what is remembered is now this copy
    stored = json.loads(chainmemory.memory_path().read_text(encoding="utf-8"))
    assert set(next(iter(stored.values()))) == {"seq", "head"}  # no content, only the position


def test_rollback_warning_in_chinese(small: tuple[Path, dict[str, str]], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = small
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    older = tmp_path / "older.ijournal"
    shutil.copyfile(path, older)
    assert _cli(capsys, path, "add", "note", "--summary", "新记录")[0] == 0
    shutil.copyfile(older, path)
    _code, _out, err = _cli(capsys, path, "list")
    assert "它可能被替换成了较旧的副本" in err


def test_opening_a_backup_never_lowers_what_is_remembered(small: tuple[Path, dict[str, str]],
                                                          tmp_path: Path) -> None:
    path, _ = small
    with Journal.open(path, PASS) as j:
        j.rollback_check()
        j.backup(tmp_path / "copy.ijournal")
        j.add_entry(EntryDraft(kind="note", summary="after the copy"))
    Journal.open(tmp_path / "copy.ijournal", PASS).close()  # e.g. checking a backup's passphrase
    with Journal.open(path, PASS) as j:
        assert j.rollback_check() is None


@pytest.mark.parametrize("delete", [False, True])
def test_rekey_leaves_no_backup_that_opens_with_the_old_passphrase(
        small: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, delete: bool) -> None:
    from journal.core import settings

    path, _ = small
    backups = settings.load().effective_backup_dir()
    backups.mkdir(parents=True, exist_ok=True)
    with Journal.open(path, PASS) as j:
        first = j.backup_into(backups, "close")
        second = j.backup_into(backups, "close")
    other = tmp_path / "other.ijournal"
    Journal.create(other, PASS, kdf=FAST_PARAMS).close()
    stranger = backups / "other-20240101-000000-close.ijournal"
    shutil.copyfile(other, stranger)  # another journal's backup, same passphrase: left alone
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("JOURNAL_NEW_PASSPHRASE", NEW_PASS)
    args = ["rekey", "--delete-old-backups"] if delete else ["rekey"]
    code, out, _err = _cli(capsys, path, *args)
    assert code == 0
    for copy in (first, second):
        if delete:
            assert not copy.exists()
        else:
            with pytest.raises(WrongPassphraseError):
                Journal.open(copy, PASS)
            with Journal.open(copy, NEW_PASS) as b:
                assert b.verify().ok
    assert ("2 earlier backups of this journal were deleted" if delete
            else "2 earlier backups of this journal were re-encrypted") in out
    Journal.open(stranger, PASS).close()


def test_identical_attachment_bytes_are_stored_once(tmp_path: Path) -> None:
    path = tmp_path / "dedupe.ijournal"
    data = os.urandom(1 << 20)
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        entry = j.add_entry(EntryDraft(kind="note", summary="same file many times"))
        j.add_attachment(entry_id=entry.id, data=b"x" * 10, filename="warm-up.bin")
        j.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = path.stat().st_size
        atts = [j.add_attachment(entry_id=entry.id, data=data, filename=f"copy{i}.bin")
                for i in range(10)]
        j.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        grown = path.stat().st_size - before
        assert grown < 1.3 * (1 << 20), grown
        j.remove_attachment(atts[0].id)
        assert j.attachment_data(atts[1].id) == data
        assert j.attachment_data(atts[0].id) == data  # removed attachments stay readable for audit
        assert j.verify().ok


def test_a_deliberate_restore_from_a_backup_gives_no_rollback_warning(
        small: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = small
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    older = tmp_path / "older.ijournal"
    assert _cli(capsys, path, "backup", str(older))[0] == 0
    assert _cli(capsys, path, "add", "note", "--summary", "after the backup")[0] == 0
    code, _out, err = _cli(capsys, path, "restore", str(older))
    assert code == 0, err
    code, _out, err = _cli(capsys, path, "list")
    assert code == 0
    assert "older copy" not in err
