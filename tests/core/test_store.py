"""The encrypted store, against real SQLCipher files."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
import sqlcipher3

from journal.core.crypto import FAST_PARAMS
from journal.core.errors import InputError, NotAJournalError, NotFoundError, WrongPassphraseError
from journal.core.models import EntryDraft, Handle
from journal.core.store import MAX_ATTACHMENT_BYTES, Journal

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

CST = timezone(timedelta(hours=8))


def every_kind(j: Journal, lang: str) -> dict[str, EntryDraft]:
    zh = lang == "zh"
    p = j.add_person("小敏" if zh else "Xiao Min", aliases=["Min"], role="编辑" if zh else "editor",
                     organisation="某杂志社" if zh else "a magazine", platform="Soul",
                     handles=[Handle("wechat", "xm_2024"), Handle("phone", "+86 138 0000 1234")],
                     notes="说是在深圳" if zh else "says she lives in Shenzhen")
    when = datetime(2024, 3, 5, 14, 30, tzinfo=CST)
    base = {"occurred_at": when, "persons": [p.id], "channel": "微信" if zh else "WeChat",
                "location": "港口" if zh else "the port", "details": ("详情\n第二行" if zh else "details\nline 2"),
                "witnesses": ["室友"] if zh else ["room-mate"], "tags": ["兼职"] if zh else ["part-time"]}
    return {
        "contact": EntryDraft(kind="contact", summary="第一次聊天" if zh else "First chat",
                              medium="chat", initiated_by="them", **base),
        "request": EntryDraft(kind="request", summary="让我拍军舰" if zh else "Asked me to photograph warships",
                              task="拍照" if zh else "photos", target="军港" if zh else "naval port",
                              status="refused", amount=Decimal(500), currency="CNY", **base),
        "payment": EntryDraft(kind="payment", summary="收到报酬" if zh else "Got paid",
                              amount=Decimal("1200.50"), currency="USD", method="alipay",
                              direction="received", **base),
        "gift": EntryDraft(kind="gift", summary="送了手机" if zh else "Gave me a phone",
                           item="手机" if zh else "phone", value=Decimal(3999), currency="CNY", **base),
        "meeting": EntryDraft(kind="meeting", summary="见面" if zh else "Met", medium="in_person",
                              initiated_by="me", **base),
        "threat": EntryDraft(kind="threat", summary="威胁我" if zh else "Threatened me", **base),
        "report": EntryDraft(kind="report", summary="拨打12339" if zh else "Called 12339",
                             reported_to="hotline_12339", reference="A-123",
                             officer="王老师" if zh else "Ms Wang", **base),
        "note": EntryDraft(kind="note", summary="备注" if zh else "A note", **base),
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_round_trip_every_kind_and_field(journal: Journal, journal_path: Path, lang: str) -> None:
    drafts = every_kind(journal, lang)
    ids = {kind: journal.add_entry(d).id for kind, d in drafts.items()}
    journal.close()
    with Journal.open(journal_path, "correct horse 电池 staple") as j:
        for kind, draft in drafts.items():
            e = j.get_entry(ids[kind])
            assert e.kind == kind
            for name in ("summary", "details", "channel", "location", "witnesses", "tags", "amount",
                         "currency", "method", "direction", "item", "value", "task", "target",
                         "status", "medium", "initiated_by", "reported_to", "reference", "officer"):
                assert getattr(e, name) == getattr(draft, name) or (getattr(draft, name) is None and getattr(e, name) in (None, "", [])), name
            assert e.occurred_at == draft.occurred_at and e.occurred_at.utcoffset() == timedelta(hours=8)
            assert e.recorded_at.utcoffset() == timedelta(0)
            assert e.persons == draft.persons and e.person_names
            assert isinstance(e.amount, (Decimal, type(None)))
        persons = j.list_persons()
        assert persons[0].handles[1] == Handle("phone", "+86 138 0000 1234")


def test_file_is_encrypted_and_private(journal: Journal, journal_path: Path) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="MARKER-plaintext-军舰-xyz"))
    journal.close()
    data = journal_path.read_bytes()
    assert b"MARKER" not in data and "军舰".encode() not in data and b"SQLite format" not in data
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600


def test_revisions_trash_restore(journal: Journal) -> None:
    e = journal.add_entry(EntryDraft(kind="note", summary="first"))
    journal.edit_entry(e.id, EntryDraft(summary="second", tags=["a"]))
    journal.edit_entry(e.id, EntryDraft(details="more"))
    history = journal.history(e.id)
    assert [r.revision for r in history] == [1, 2, 3]
    assert [r.data["summary"] for r in history] == ["first", "second", "second"]
    journal.delete_entry(e.id)
    assert journal.count_entries() == 0 and journal.count_entries(only_deleted=True) == 1
    assert journal.search("second") == []
    assert journal.search("second", include_deleted=True) == [e.id]
    with pytest.raises(InputError):
        journal.delete_entry(e.id)
    journal.restore_entry(e.id)
    assert journal.get_entry(e.id).summary == "second" and not journal.get_entry(e.id).deleted
    assert [r.action for r in journal.history(e.id)] == ["create", "edit", "edit", "delete", "restore"]
    with pytest.raises(InputError):
        journal.restore_entry(e.id)


def test_kind_change_drops_foreign_fields(journal: Journal) -> None:
    e = journal.add_entry(EntryDraft(kind="payment", summary="x", amount=Decimal(5), method="cash",
                                     direction="received"))
    e2 = journal.edit_entry(e.id, EntryDraft(kind="note"))
    assert e2.kind == "note" and e2.amount is None and e2.method is None
    assert journal.history(e.id)[0].data["amount"] == "5"  # the old revision keeps it


@pytest.mark.parametrize("draft,field", [
    (EntryDraft(kind="nonsense", summary="x"), "kind"),
    (EntryDraft(kind="note", summary="  "), "summary"),
    (EntryDraft(kind="note", summary="x", amount=Decimal(5)), "amount"),
    (EntryDraft(kind="payment", summary="x", amount=Decimal(-1)), "amount"),
    (EntryDraft(kind="payment", summary="x", currency="ZZZ"), "currency"),
    (EntryDraft(kind="payment", summary="x", method="paypal-ish"), "method"),
    (EntryDraft(kind="request", summary="x", status="maybe"), "status"),
    (EntryDraft(kind="note", summary="x", persons=["nobody"]), "person"),
    (EntryDraft(kind="note", summary="x" * 501), "summary"),
])
def test_bad_input_changes_nothing(journal: Journal, draft: EntryDraft, field: str) -> None:
    head = journal.head_hash()
    with pytest.raises(InputError) as info:
        journal.add_entry(draft)
    assert info.value.field == field
    assert journal.count_entries(include_deleted=True) == 0 and journal.head_hash() == head


def test_transaction_rolls_back_everything(journal: Journal) -> None:
    head = journal.head_hash()
    with pytest.raises(InputError), journal.transaction():
        journal.add_person("Someone")
        e = journal.add_entry(EntryDraft(kind="note", summary="x"))
        journal.add_attachment(entry_id=e.id, path="/nonexistent/file.png")
    assert journal.list_persons() == [] and journal.count_entries() == 0
    assert journal.head_hash() == head


def test_search_chinese_latin_persons_and_captions(journal: Journal) -> None:
    zhang = journal.add_person("张总", aliases=["Director Zhang"], handles=[Handle("qq", "88776655")])
    a = journal.add_entry(EntryDraft(kind="request", summary="让我去码头拍军舰和港口",
                                     persons=[zhang.id], target="军港"))
    b = journal.add_entry(EntryDraft(kind="contact", summary="Asked to switch to TELEGRAM",
                                     details="He wants PHOTOS of the Airbase", amount=None))
    c = journal.add_entry(EntryDraft(kind="payment", summary="收到 WeChat 转账", amount=Decimal(800),
                                     direction="received"))
    journal.add_attachment(entry_id=c.id, data=PNG, filename="转账截图.png", caption="支付宝 receipt")
    assert journal.search("军舰") == [a.id]
    assert journal.search("港口") == [a.id]
    assert journal.search("军") == [a.id]  # one character
    assert journal.search("舰") == [a.id]
    assert set(journal.search("telegram")) == {b.id}
    assert journal.search("photo") == [b.id]  # prefix, any case
    assert journal.search("airbase") == [b.id]
    assert journal.search("director zhang") == [a.id]
    assert journal.search("88776655") == [a.id]
    assert journal.search("张总") == [a.id]
    assert journal.search("receipt") == [c.id] and journal.search("截图") == [c.id]
    assert journal.search("800") == [c.id]
    assert journal.search("wechat 转账") == [c.id]
    assert journal.search("军舰 telegram") == []
    assert journal.search("") == [] and journal.search("!!!") == []
    assert journal.search('"quoted" AND OR NEAR(') == []  # FTS syntax is never interpreted
    # renaming a person re-indexes their entries
    journal.update_person(zhang.id, name="Mr Chang")
    assert journal.search("chang") == [a.id]


def test_attachments(journal: Journal, tmp_path: Path) -> None:
    e = journal.add_entry(EntryDraft(kind="note", summary="x"))
    f = tmp_path / "chat.jpg"
    f.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(1000))
    att = journal.add_attachment(entry_id=e.id, path=f, caption="截图")
    assert att.media_type == "image/jpeg" and att.size == 1004
    assert att.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()
    assert journal.attachment_data(att.id) == f.read_bytes()
    txt = journal.add_attachment(entry_id=e.id, data="你好".encode(), filename="a.png")
    assert txt.media_type == "text/plain"  # sniffed from content, not the name
    assert [a.id for a in journal.get_entry(e.id).attachments] == [att.id, txt.id]
    journal.remove_attachment(txt.id)
    assert [a.id for a in journal.get_entry(e.id).attachments] == [att.id]
    assert journal.attachment_data(txt.id) == "你好".encode()  # bytes kept as evidence
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    for bad in (tmp_path / "missing.png", empty, tmp_path):
        with pytest.raises(InputError):
            journal.add_attachment(entry_id=e.id, path=bad)


def test_attachment_over_limit_is_refused_before_reading(journal: Journal, tmp_path: Path) -> None:
    big = tmp_path / "big.mp4"
    with open(big, "wb") as fh:
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: costs no disk
    e = journal.add_entry(EntryDraft(kind="note", summary="x"))
    with pytest.raises(InputError) as info:
        journal.add_attachment(entry_id=e.id, path=big)
    assert info.value.key == "error.attachment_too_large"
    assert "200" in info.value.message("en") and "200" in info.value.message("zh")
    assert journal.list_attachments() == []


def test_audit_chain_detects_edited_row(journal: Journal, journal_path: Path) -> None:
    e = journal.add_entry(EntryDraft(kind="payment", summary="paid 300", amount=Decimal(300)))
    assert journal.verify().ok
    journal.db.conn.execute("UPDATE entries SET amount = '30' WHERE id = ?", (e.id,))  # tampering
    result = journal.verify()
    assert not result.ok and any(e.id in p for p in result.problems)


def test_audit_chain_detects_altered_record(journal: Journal) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="a"))
    journal.add_entry(EntryDraft(kind="note", summary="b"))
    journal.db.conn.execute("UPDATE audit SET at = '2000-01-01T00:00:00.000000Z' WHERE seq = 2")
    result = journal.verify()
    assert not result.ok and result.first_break_seq == 2


def test_audit_chain_detects_deleted_record(journal: Journal) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="a"))
    journal.add_entry(EntryDraft(kind="note", summary="b"))
    journal.db.conn.execute("DELETE FROM audit WHERE seq = 2")
    assert not journal.verify().ok


def test_audit_chain_detects_swapped_attachment(journal: Journal) -> None:
    e = journal.add_entry(EntryDraft(kind="note", summary="x"))
    att = journal.add_attachment(entry_id=e.id, data=PNG, filename="a.png")
    assert journal.verify().ok
    journal.db.conn.execute("UPDATE blob_store SET data = ? WHERE sha256 = ?", (PNG + b"x", att.sha256))
    assert not journal.verify().ok
    # swapping the bytes AND the recorded hash is still caught by the chain
    new_sha = hashlib.sha256(PNG + b"x").hexdigest()
    journal.db.conn.execute("UPDATE attachments SET sha256 = ? WHERE id = ?", (new_sha, att.id))
    result = journal.verify()
    assert not result.ok and any(att.id in p for p in result.problems)


def test_wrong_passphrase_leaves_bytes_unchanged(journal: Journal, journal_path: Path) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="x"))
    journal.close()
    before = journal_path.read_bytes()
    for wrong in ("wrong passphrase", "", "correct horse 电池 staplE"):
        with pytest.raises(WrongPassphraseError):
            Journal.open(journal_path, wrong)
    assert journal_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"hello", os.urandom(8192), b"SQLite format 3\x00" + bytes(4080)])
def test_not_a_journal(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.ijournal"
    path.write_bytes(content)
    with pytest.raises(NotAJournalError):
        Journal.open(path, "whatever passphrase")
    assert path.read_bytes() == content


def test_plain_sqlite_file_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAJournalError):
        Journal.open(path, "whatever passphrase")


def test_damaged_first_page_is_damage_not_wrong_passphrase(journal: Journal, journal_path: Path) -> None:
    for i in range(30):
        journal.add_entry(EntryDraft(kind="note", summary=f"entry {i}"))
    journal.close()
    data = bytearray(journal_path.read_bytes())
    data[100] ^= 0xFF  # inside page 1, after the header
    journal_path.write_bytes(bytes(data))
    with pytest.raises(NotAJournalError):
        Journal.open(journal_path, "correct horse 电池 staple")
    with pytest.raises(WrongPassphraseError):
        Journal.open(journal_path, "another passphrase")


def test_create_refuses_existing_file_and_short_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "j.ijournal"
    path.write_bytes(b"precious")
    with pytest.raises(InputError):
        Journal.create(path, "long enough passphrase", kdf=FAST_PARAMS)
    assert path.read_bytes() == b"precious"
    with pytest.raises(InputError):
        Journal.create(tmp_path / "new.ijournal", "short", kdf=FAST_PARAMS)
    assert not (tmp_path / "new.ijournal").exists()


def test_backup_is_encrypted_consistent_and_never_overwrites(journal: Journal, tmp_path: Path) -> None:
    e = journal.add_entry(EntryDraft(kind="note", summary="备份测试 backup-marker"))
    out = tmp_path / "b.ijbackup"
    journal.backup(out)
    assert b"backup-marker" not in out.read_bytes()
    with pytest.raises(InputError):
        journal.backup(out)
    with Journal.open(out, "correct horse 电池 staple") as b:
        assert b.get_entry(e.id).summary == "备份测试 backup-marker"
        assert b.verify().ok and b.head_hash() == journal.head_hash()


def test_rekey(journal: Journal, journal_path: Path) -> None:
    e = journal.add_entry(EntryDraft(kind="note", summary="x"))
    journal.rekey("a brand new passphrase", kdf=FAST_PARAMS)
    assert journal.get_entry(e.id).summary == "x" and journal.verify().ok
    journal.close()
    with pytest.raises(WrongPassphraseError):
        Journal.open(journal_path, "correct horse 电池 staple")
    with Journal.open(journal_path, "a brand new passphrase") as j:
        assert j.get_entry(e.id).summary == "x"
    assert [p.name for p in journal_path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_rekey_interrupted_before_rename_keeps_old_file(journal: Journal, journal_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    e = journal.add_entry(EntryDraft(kind="note", summary="x"))

    def boom(*a: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        journal.rekey("a brand new passphrase", kdf=FAST_PARAMS)
    monkeypatch.undo()
    with Journal.open(journal_path, "correct horse 电池 staple") as j:
        assert j.get_entry(e.id).summary == "x" and j.verify().ok


def test_persons(journal: Journal) -> None:
    p = journal.add_person("Xiao Min", aliases=["小敏", "Min"], handles=[Handle("telegram", "@xm")])
    assert journal.find_person("xiao min").id == p.id
    assert journal.find_person("小敏").id == p.id
    assert journal.find_person(p.id).id == p.id
    assert journal.find_person("nobody") is None
    assert journal.person_for_name("New One").name == "New One"
    journal.add_person("Xiao Min")
    with pytest.raises(InputError):
        journal.find_person("Xiao Min")
    with pytest.raises(InputError):
        journal.add_person("  ")
    with pytest.raises(InputError):
        journal.add_person("x", handles=[Handle("myspace", "x")])
    with pytest.raises(NotFoundError):
        journal.update_person("missing", name="x")
    updated = journal.update_person(p.id, role="recruiter")
    assert updated.role == "recruiter" and updated.name == "Xiao Min"
    assert [r.revision for r in journal.person_history(p.id)] == [1, 2]


def test_drafts(journal: Journal) -> None:
    journal.save_draft("editor:new", {"summary": "half-typed 一半", "kind": "request"})
    journal.save_draft("editor:new", {"summary": "half-typed 一半 more"})
    assert journal.load_draft("editor:new") == {"summary": "half-typed 一半 more"}
    assert [k for k, _ in journal.list_drafts()] == ["editor:new"]
    journal.discard_draft("editor:new")
    assert journal.load_draft("editor:new") is None


def test_lazy_listing_and_filters(journal: Journal) -> None:
    p = journal.add_person("P")
    base = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(30):
        journal.add_entry(EntryDraft(kind="payment" if i % 3 == 0 else "note", summary=f"e{i}",
                                     occurred_at=base + timedelta(days=i),
                                     persons=[p.id] if i % 2 == 0 else []))
    ids = journal.entry_ids()
    assert len(ids) == 30 and journal.get_entry(ids[0]).summary == "e29"
    assert journal.entry_ids(limit=5, offset=5) == ids[5:10]
    assert journal.count_entries(kinds=["payment"]) == 10
    assert journal.count_entries(person_id=p.id) == 15
    assert journal.count_entries(since=base + timedelta(days=10), until=base + timedelta(days=19)) == 10
    assert [e.summary for e in journal.get_entries(ids[:3][::-1])] == ["e27", "e28", "e29"]
    with pytest.raises(InputError):
        journal.entry_ids(kinds=["bogus"])


def test_totals_per_currency(journal: Journal) -> None:
    for amount, cur, direction in (("300", "CNY", "received"), ("200", "CNY", "received"),
                                   ("50", "USD", "received"), ("1000", "CNY", "promised")):
        journal.add_entry(EntryDraft(kind="payment", summary="p", amount=Decimal(amount), currency=cur,
                                     direction=direction))
    journal.add_entry(EntryDraft(kind="gift", summary="g", item="phone", value=Decimal("2999.99")))
    totals = journal.totals()
    assert totals["received"] == {"CNY": Decimal(500), "USD": Decimal(50)}
    assert totals["promised"] == {"CNY": Decimal(1000)}
    assert totals["gifts"] == {"CNY": Decimal("2999.99")}


def test_listener_called_after_commit_only(journal: Journal) -> None:
    calls: list[str] = []
    journal.add_listener(lambda what, _id: calls.append(what))
    journal.add_entry(EntryDraft(kind="note", summary="x"))
    assert calls == ["changed"]
    with pytest.raises(InputError):
        journal.add_entry(EntryDraft(kind="note", summary=""))
    assert calls == ["changed"]


def test_locked_journal_refuses_work(journal: Journal) -> None:
    journal.close()
    with pytest.raises(Exception) as info:
        journal.entry_ids()
    assert "locked" in str(info.value)


def test_failed_migration_says_so_and_changes_nothing(journal: Journal, journal_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from journal.core import schema
    from journal.core.errors import JournalError

    journal.add_entry(EntryDraft(kind="note", summary="keep me"))
    journal.close()

    def broken(conn: object) -> None:
        raise RuntimeError("bug in a migration")

    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, schema.CURRENT_VERSION + 1: broken})
    monkeypatch.setattr(schema, "CURRENT_VERSION", schema.CURRENT_VERSION + 1)
    with pytest.raises(JournalError) as info:
        Journal.open_with_key(journal_path, Journal.derive(journal_path, "correct horse 电池 staple"),
                              backup_dir=tmp_path / "backups")
    assert info.value.key == "error.migration_failed" and "backup" in info.value.message("en")
    assert not isinstance(info.value, NotAJournalError)
    monkeypatch.undo()
    with Journal.open(journal_path, "correct horse 电池 staple") as j:
        assert [e.summary for e in j.list_entries()] == ["keep me"]


def test_stray_temporaries_of_dead_writers_are_removed(journal: Journal, journal_path: Path) -> None:
    journal.close()
    dead = journal_path.with_name(f".{journal_path.name}.rekey-999999999-abcd1234.tmp")
    mine = journal_path.with_name(f".{journal_path.name}.rekey-{os.getpid()}-abcd1234.tmp")
    other = journal_path.with_name(".unrelated.tmp")
    for p in (dead, mine, other):
        p.write_bytes(b"encrypted leftovers")
    Journal.open(journal_path, "correct horse 电池 staple").close()
    assert not dead.exists() and mine.exists() and other.exists()
