"""Promise: a journal made by every earlier schema version opens and migrates without loss.

``tests/data/journal-v1.ijournal`` was written by schema v1 (tests/data/make_v1_journal.py). This
test must keep passing in every later version: it is the migration test for v1 → current. The
migration mechanism itself is tested with a fake v2 migration registered here.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from journal.core import backup as backups
from journal.core import crypto, schema
from journal.core.codec import entry_to_json, person_to_json
from journal.core.store import Journal

DATA = Path(__file__).resolve().parent.parent / "data"
V1_FILE = DATA / "journal-v1.ijournal"
V1_PASSPHRASE = "v1 journal 第一版 passphrase"  # the passphrase make_v1_journal.py used
V1_AUDIT_RECORDS = 21
V1_HEAD_HASH = "80f92f6c8218586208a5c326977684d87745253411ba6c2dab139e58aecabffe"

# What v1 stored, oldest first (entry JSON without ids and recorded_at): every field must survive.
EXPECTED_ENTRIES: list[dict[str, Any]] = [{'kind': 'contact',
  'occurred_at': '2024-03-05T14:30:00+08:00',
  'precision': 'exact',
  'summary': 'V1 contact 第一次聊天',
  'details': '第一行 line 1\n第二行 line 2',
  'persons': ['张总'],
  'channel': '微信 WeChat',
  'location': '青岛 Qingdao',
  'witnesses': ['室友 room-mate'],
  'tags': ['兼职', 'v1'],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': 'chat',
  'initiated_by': 'them',
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [],
  'revision': 1,
  'deleted': False},
 {'kind': 'request',
  'occurred_at': '2024-03-06T14:30:00+08:00',
  'precision': 'exact',
  'summary': 'V1 request 拍军舰',
  'details': '第一行 line 1\n第二行 line 2',
  'persons': ['张总'],
  'channel': '微信 WeChat',
  'location': '青岛 Qingdao',
  'witnesses': ['室友 room-mate'],
  'tags': ['兼职', 'v1'],
  'amount': '800.50',
  'currency': 'CNY',
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': '拍港口的船',
  'target': '军港 naval port',
  'status': 'refused',
  'medium': None,
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [{'filename': '船 ship.png',
                   'size': 70,
                   'sha256': '4ff6ab670a58c14270e034e2090d9a432caa263a14e0a25785386b0c12f880b5',
                   'media_type': 'image/png',
                   'caption': '截图 screenshot'}],
  'revision': 1,
  'deleted': False},
 {'kind': 'payment',
  'occurred_at': '2024-03-07T14:30:00+08:00',
  'precision': 'day',
  'summary': 'V1 payment 收到报酬',
  'details': '第一行 line 1\n第二行 line 2',
  'persons': ['张总', 'Lily'],
  'channel': '微信 WeChat',
  'location': '青岛 Qingdao',
  'witnesses': ['室友 room-mate'],
  'tags': ['兼职', 'v1'],
  'amount': '1234.56',
  'currency': 'USD',
  'method': 'crypto',
  'direction': 'received',
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': None,
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [{'filename': 'receipt.bin',
                   'size': 10240,
                   'sha256': 'e96760a87768717bcebcfd25ddc7d46b4dbc95a4b0014def080c08539f7d90d0',
                   'media_type': 'application/octet-stream',
                   'caption': ''}],
  'revision': 1,
  'deleted': False},
 {'kind': 'gift',
  'occurred_at': '2024-03-08T00:00:00+08:00',
  'precision': 'approximate',
  'summary': 'V1 gift 手机',
  'details': '第一行 line 1\n第二行 line 2',
  'persons': ['Lily'],
  'channel': '微信 WeChat',
  'location': '青岛 Qingdao',
  'witnesses': ['室友 room-mate'],
  'tags': ['兼职', 'v1'],
  'amount': None,
  'currency': 'CNY',
  'method': None,
  'direction': None,
  'item': '手机 phone',
  'value': '3999',
  'task': None,
  'target': None,
  'status': None,
  'medium': None,
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [],
  'revision': 1,
  'deleted': False},
 {'kind': 'meeting',
  'occurred_at': '2024-03-09T17:30:00+08:00',
  'precision': 'exact',
  'summary': 'V1 meeting 见面',
  'details': '',
  'persons': ['Lily'],
  'channel': '',
  'location': '',
  'witnesses': [],
  'tags': [],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': 'in_person',
  'initiated_by': 'me',
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [],
  'revision': 1,
  'deleted': False},
 {'kind': 'threat',
  'occurred_at': '2024-03-10T14:30:00+08:00',
  'precision': 'exact',
  'summary': 'V1 threat 威胁',
  'details': '要把聊天记录发给学校',
  'persons': ['张总'],
  'channel': '',
  'location': '',
  'witnesses': [],
  'tags': [],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': None,
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [],
  'revision': 1,
  'deleted': False},
 {'kind': 'report',
  'occurred_at': '2024-03-11T14:30:00+08:00',
  'precision': 'exact',
  'summary': 'V1 report 打了12339',
  'details': '',
  'persons': [],
  'channel': '',
  'location': '',
  'witnesses': [],
  'tags': [],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': None,
  'initiated_by': None,
  'reported_to': 'hotline_12339',
  'reference': '12339-2024-0001',
  'officer': '王老师 Teacher Wang',
  'source_entry_id': None,
  'attachments': [],
  'revision': 1,
  'deleted': False},
 {'kind': 'contact',
  'occurred_at': '2024-03-12T14:05:00+08:00',
  'precision': 'exact',
  'summary': 'Chat with 张总: 2 messages',
  'details': '14:05 张总: 你好，兼职拍照有兴趣吗？\n14:06 我: 什么样的照片',
  'persons': ['张总'],
  'channel': '',
  'location': '',
  'witnesses': [],
  'tags': [],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': 'chat',
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [{'filename': 'chat.csv',
                   'size': 183,
                   'sha256': 'b8105ce748add84f9f13a1c7e835d231c56655710d953d20af098b3728c36897',
                   'media_type': 'text/plain',
                   'caption': 'Original CSV export file as imported (3 messages over 2 days)'}],
  'revision': 1,
  'deleted': False},
 {'kind': 'note',
  'occurred_at': '2024-03-12T14:30:00+08:00',
  'precision': 'exact',
  'summary': 'V1 note 备注 (edited)',
  'details': '改过的内容 edited',
  'persons': [],
  'channel': '',
  'location': '',
  'witnesses': [],
  'tags': [],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': None,
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [],
  'revision': 2,
  'deleted': False},
 {'kind': 'contact',
  'occurred_at': '2024-03-13T09:00:00+08:00',
  'precision': 'exact',
  'summary': 'Chat with 张总: 1 messages',
  'details': '09:00 张总: 港口的船，记住暗号：喝茶',
  'persons': ['张总'],
  'channel': '',
  'location': '',
  'witnesses': [],
  'tags': [],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': 'chat',
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [],
  'revision': 1,
  'deleted': False},
 {'kind': 'note',
  'occurred_at': '2024-03-13T14:30:00+08:00',
  'precision': 'exact',
  'summary': 'V1 trashed 已删除',
  'details': '',
  'persons': [],
  'channel': '',
  'location': '',
  'witnesses': [],
  'tags': [],
  'amount': None,
  'currency': None,
  'method': None,
  'direction': None,
  'item': None,
  'value': None,
  'task': None,
  'target': None,
  'status': None,
  'medium': None,
  'initiated_by': None,
  'reported_to': None,
  'reference': None,
  'officer': None,
  'source_entry_id': None,
  'attachments': [],
  'revision': 2,
  'deleted': True}]

EXPECTED_PERSONS: list[dict[str, Any]] = [{'name': 'Lily',
  'aliases': ['莉莉'],
  'role': '',
  'organisation': '',
  'platform': 'Soul',
  'handles': [],
  'notes': '',
  'deleted': False},
 {'name': '张总',
  'aliases': ['Director Zhang', 'Z'],
  'role': '总监 director',
  'organisation': '远洋海事咨询 Ocean Consulting',
  'platform': 'BOSS直聘',
  'handles': [{'kind': 'wechat', 'value': 'ocean_zhang88'},
              {'kind': 'phone', 'value': '+86 139 1234 5678'},
              {'kind': 'email', 'value': 'zhang@example.com'}],
  'notes': '自称在香港 says he is in Hong Kong',
  'deleted': False}]


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "old.ijournal"
    shutil.copyfile(V1_FILE, path)
    return path


def _raw_user_version(path: Path) -> int:
    key = crypto.derive_key(V1_PASSPHRASE, crypto.read_header(path))
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {crypto.sqlcipher_key_literal(key, crypto.read_header(path))}")
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _check_everything(j: Journal) -> None:
    got = []
    for e in j.list_entries(include_deleted=True, newest_first=False):
        d = entry_to_json(e)
        got.append(d)
        assert e.recorded_at is not None
    assert len(got) == len(EXPECTED_ENTRIES)
    for want, have in zip(EXPECTED_ENTRIES, got):
        for key, value in want.items():
            if key == "attachments":
                assert [{k: a[k] for k in w} for a, w in zip(have[key], value)] == value
                assert len(have[key]) == len(value)
            else:
                assert have[key] == value, (want["summary"], key)
    persons = [person_to_json(p) for p in j.list_persons()]
    assert len(persons) == len(EXPECTED_PERSONS)
    for want, have in zip(EXPECTED_PERSONS, persons):
        assert {k: have[k] for k in want} == want
    for e in j.list_entries(include_deleted=True):
        for a in e.attachments:
            assert hashlib.sha256(j.attachment_data(a.id)).hexdigest() == a.sha256
    zhang = j.find_person("张总")
    assert zhang is not None
    photos = j.list_attachments(person_id=zhang.id)
    assert [a.filename for a in photos] == ["头像 avatar.png"]
    note = next(e for e in j.list_entries() if e.summary.startswith("V1 note"))
    history = j.history(note.id)
    assert [(r.revision, r.action) for r in history] == [(1, "create"), (2, "edit")]
    assert history[0].data["summary"] == "V1 note 备注" and history[0].data["details"] == "原来的内容 original"
    trashed = j.list_entries(only_deleted=True)
    assert [e.summary for e in trashed] == ["V1 trashed 已删除"]
    assert j.load_draft("editor:new") == {"kind": "note", "summary": "V1 draft 草稿"}
    imports = j.list_imports()
    assert len(imports) == 1 and imports[0]["messages"] == 3
    texts = [m["text"] for e in j.list_entries(newest_first=False) if e.import_id
             for m in j.messages(e.id)]
    assert texts == ["你好，兼职拍照有兴趣吗？", "什么样的照片", "港口的船，记住暗号：喝茶"]
    # search still finds old content (Chinese two-character words and Latin)
    assert j.search("军舰") and j.search("ocean_zhang88") and j.search("暗号")
    records = j.audit_records()
    assert records[V1_AUDIT_RECORDS - 1].hash == V1_HEAD_HASH, "the v1 audit chain is kept as it was"
    result = j.verify()
    assert result.ok, result.problems


def test_v1_file_is_what_v1_wrote() -> None:
    assert crypto.parse_header(crypto.read_header(V1_FILE)) == crypto.FAST_PARAMS
    assert _raw_user_version(V1_FILE) == 1


def test_v1_journal_opens_migrates_and_keeps_every_field(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    folder = tmp_path / "backups"
    key = Journal.derive(path, V1_PASSPHRASE)
    with Journal.open_with_key(path, key, backup_dir=folder) as j:
        assert j.schema_version() == schema.CURRENT_VERSION
        _check_everything(j)
    made = backups.list_backups(folder)
    if schema.CURRENT_VERSION > 1:
        assert len(made) == 1 and "before-migration-v1" in made[0].name
        assert _raw_user_version(made[0]) == 1
    else:
        assert made == []  # nothing to migrate, no backup needed
    with Journal.open(path, V1_PASSPHRASE) as j:  # opens again, nothing more to do
        _check_everything(j)


def _add_mood(conn: Any) -> None:
    conn.execute("ALTER TABLE entries ADD COLUMN mood TEXT")
    conn.execute("UPDATE entries SET mood = 'calm'")
    conn.execute("CREATE TABLE mood_log (entry_id TEXT, mood TEXT)")


def test_fake_next_migration_backs_up_first_and_keeps_data(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A fake migration to the version after the current one, registered here: the v1 file goes
    through every real migration and then this one."""
    path = _copy(tmp_path)
    version = schema.CURRENT_VERSION
    monkeypatch.setattr(schema, "CURRENT_VERSION", version + 1)
    monkeypatch.setitem(schema.MIGRATIONS, version + 1, _add_mood)
    folder = tmp_path / "backups"
    with Journal.open_with_key(path, Journal.derive(path, V1_PASSPHRASE), backup_dir=folder) as j:
        assert j.schema_version() == version + 1
        assert j.db.conn.execute("SELECT count(*) FROM entries WHERE mood = 'calm'").fetchone()[0] == 11
        _check_everything(j)
        # the migration's record, then the signing key an older journal gets on its first open
        assert [(r.action, r.object_type) for r in j.audit_records()[-2:]] == [
            ("migrate", "journal"), ("create", "signing_key")]
    made = backups.list_backups(folder)
    assert len(made) == 1 and "before-migration-v1" in made[0].name
    assert _raw_user_version(made[0]) == 1, "the backup is the file as it was before migrating"
    assert _raw_user_version(path) == version + 1


def test_failing_migration_leaves_the_file_at_v1_unchanged(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The real migrations succeed, then a fake last one fails half-way: all of it is undone."""
    path = _copy(tmp_path)
    before = path.read_bytes()

    def half_done(conn: Any) -> None:
        conn.execute("ALTER TABLE entries ADD COLUMN mood TEXT")
        conn.execute("UPDATE entries SET summary = 'overwritten'")
        raise sqlcipher3.OperationalError("simulated failure in the middle of a migration")

    version = schema.CURRENT_VERSION
    monkeypatch.setattr(schema, "CURRENT_VERSION", version + 1)
    monkeypatch.setitem(schema.MIGRATIONS, version + 1, half_done)
    folder = tmp_path / "backups"
    key = Journal.derive(path, V1_PASSPHRASE)
    with pytest.raises(Exception):  # noqa: B017 - whatever the migration raised
        Journal.open_with_key(path, key, backup_dir=folder)
    assert len(backups.list_backups(folder)) == 1, "the backup is made before migrating"
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    monkeypatch.undo()
    assert _raw_user_version(path) == 1
    with Journal.open_with_key(path, key, backup_dir=folder) as j:  # and it migrates fine later
        _check_everything(j)


def test_newer_journal_is_refused_unchanged(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    key = Journal.derive(path, V1_PASSPHRASE)
    with Journal.open_with_key(path, key) as j:
        j.db.conn.execute(f"PRAGMA user_version = {schema.CURRENT_VERSION + 1}")
    before = path.read_bytes()
    from journal.core.errors import JournalError

    with pytest.raises(JournalError) as info:
        Journal.open_with_key(path, key)
    assert info.value.key == "error.journal_newer"
    assert path.read_bytes() == before
