"""The user's "not this": a warning sign set aside with a reason, kept in the journal, audited,
checked by verify, and carried by a v1 journal after migrating."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import signs_corpus as corpus  # tests/core is on sys.path (pytest rootdir-relative import)

from journal.core import schema
from journal.core.errors import InputError
from journal.core.signs import (
    PRESENT,
    dismiss,
    dismissals,
    evaluate_journal,
    signs_to_json,
    undismiss,
)
from journal.core.signs.dismissals import MAX_REASON
from journal.core.store import Journal

DATA = Path(__file__).resolve().parents[1] / "data"


def _liu_like(journal: Any) -> None:
    j = next(x for x in corpus.load("train") if x.name == "c-mixed-mia-phone")
    corpus.build_in_journal(journal, j)


def test_dismissed_sign_is_kept_audited_and_listed_with_its_reason(journal: Any) -> None:
    _liu_like(journal)
    before = len(journal.audit_records())
    d = dismiss(journal, "ws-device-gift", "  She is my cousin;  the phone was  a birthday gift ")
    assert (d.sign_id, d.reason) == ("WS-DEVICE-GIFT", "She is my cousin; the phone was a birthday gift")
    records = journal.audit_records()
    assert len(records) == before + 1
    assert (records[-1].action, records[-1].object_type, records[-1].object_id) == (
        "dismiss", "dismissal", "WS-DEVICE-GIFT")
    assert journal.verify().ok
    results = {r.id: r for r in evaluate_journal(journal)}
    assert results["WS-DEVICE-GIFT"].level == PRESENT  # still computed and listed
    assert results["WS-DEVICE-GIFT"].dismissed == d
    assert results["WS-SECRECY"].dismissed is None
    data = {x["id"]: x for x in signs_to_json(list(results.values()), "en")}
    assert data["WS-DEVICE-GIFT"]["dismissed"]["reason"] == d.reason
    # a new reason replaces the old one, audited as an edit
    dismiss(journal, "WS-DEVICE-GIFT", "A gift from my cousin")
    assert dismissals(journal)["WS-DEVICE-GIFT"].reason == "A gift from my cousin"
    assert journal.audit_records()[-1].action == "dismiss-edit"
    undismiss(journal, "WS-DEVICE-GIFT")
    assert dismissals(journal) == {}
    assert journal.audit_records()[-1].action == "undismiss"
    assert evaluate_journal(journal)[0].dismissed is None
    assert journal.verify().ok


def test_dismissal_survives_closing_and_reopening(journal_path: Path, journal: Any,
                                                  passphrase: str) -> None:
    _liu_like(journal)
    dismiss(journal, "WS-SECRECY", "我自己不想让爸妈担心，是我要求保密的")
    journal.close()
    with Journal.open(journal_path, passphrase) as again:
        assert dismissals(again)["WS-SECRECY"].reason == "我自己不想让爸妈担心，是我要求保密的"
        assert again.verify().ok


@pytest.mark.parametrize(("sign", "reason", "key"), [
    ("WS-NOTHING", "a reason", "error.sign_unknown"),
    ("", "a reason", "error.sign_unknown"),
    ("WS-SECRECY", "   ", "error.dismiss_reason_empty"),
    ("WS-SECRECY", "x" * (MAX_REASON + 1), "error.dismiss_reason_long"),
])
def test_bad_dismissal_is_refused_in_both_languages_and_changes_nothing(
        journal: Any, sign: str, reason: str, key: str) -> None:
    _liu_like(journal)
    head = journal.head_hash()
    with pytest.raises(InputError) as err:
        dismiss(journal, sign, reason)
    assert err.value.key == key
    zh = err.value.message("zh")
    assert zh != err.value.message("en") and "。" in zh and "." not in zh.replace("journal-cli", "")
    assert journal.head_hash() == head and dismissals(journal) == {}


def test_undismiss_of_a_sign_not_set_aside_is_refused(journal: Any) -> None:
    head = journal.head_hash()
    with pytest.raises(InputError) as err:
        undismiss(journal, "WS-SECRECY")
    assert err.value.key == "error.not_dismissed"
    assert journal.head_hash() == head


def test_verify_notices_a_dismissal_changed_or_added_outside_the_app(journal: Any) -> None:
    _liu_like(journal)
    dismiss(journal, "WS-SECRECY", "my own idea")
    journal.db.conn.execute("UPDATE sign_dismissals SET reason = 'changed behind the back of the app'")
    result = journal.verify()
    assert not result.ok
    assert "dismissal WS-SECRECY was changed outside the app" in result.problems
    journal.db.conn.execute("UPDATE sign_dismissals SET reason = 'my own idea'")
    journal.db.conn.execute("INSERT INTO sign_dismissals VALUES ('WS-PRESSURE', 'sneaked in', 'x')")
    assert journal.verify().problems == ["dismissal WS-PRESSURE is not in the audit log"]


V1_PASSPHRASE = "v1 journal 第一版 passphrase"  # as in tests/data/make_v1_journal.py


def test_a_v1_journal_migrates_to_a_schema_with_dismissals(tmp_path: Path) -> None:
    path = tmp_path / "old.ijournal"
    shutil.copyfile(DATA / "journal-v1.ijournal", path)
    key = Journal.derive(path, V1_PASSPHRASE)
    with Journal.open_with_key(path, key, backup_dir=tmp_path / "backups") as j:
        assert j.schema_version() == schema.CURRENT_VERSION >= 3
        assert dismissals(j) == {}
        dismiss(j, "WS-PHOTO-TASK", "The harbour photos were for my school's art class")
        assert j.verify().ok
    with Journal.open(path, V1_PASSPHRASE) as j:
        assert list(dismissals(j)) == ["WS-PHOTO-TASK"]
