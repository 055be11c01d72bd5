"""Evidence packages made from a real journal and checked with the real tools an official would
use: ``sha256sum -c``, ``openssl pkeyutl -verify``, ``bagit.py --validate`` — then tampered with
one byte at a time, with a file added and a file removed."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from journal.core import signing
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import ExportError, InputError
from journal.core.importers.apply import import_file
from journal.core.models import EntryDraft, Handle
from journal.core.package import build_package, verify_package
from journal.core.package.check import PackageFormatError
from journal.core.report import ReportOptions
from journal.core.store import Journal

PASS = "package test passphrase 证据"
IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"
BAGIT = str(Path(sys.executable).parent / "bagit.py")
SIG_CMD = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signing-key.pem", "-rawin",
           "-in", "tagmanifest-sha256.txt", "-sigfile", "tagmanifest-sha256.txt.sig"]
HANDLE = "zhang_sea2024"
PHONE = "13812345678"


@dataclass
class Built:
    journal_path: Path
    zip: Path
    bag: Path  # the unzipped bag folder
    fingerprint: str


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def _make_journal(path: Path) -> Journal:
    j = Journal.create(path, PASS, kdf=FAST_PARAMS)
    zhang = j.add_person("张经理 Zhang", handles=[Handle("wechat", HANDLE), Handle("phone", PHONE)])
    first = j.add_entry(EntryDraft(kind="contact", summary="Zhang added me on WeChat",
                                   details=f"His WeChat is {HANDLE}, phone {PHONE}.",
                                   persons=[zhang.id], channel="WeChat"))
    j.edit_entry(first.id, EntryDraft(summary="Zhang added me on WeChat (edited)"))
    photo = j.add_entry(EntryDraft(kind="request", summary="Asked for photos of the harbour",
                                   persons=[zhang.id]))
    j.add_attachment(entry_id=photo.id, data=_png((200, 30, 30)), filename="港口 harbour.png")
    # two files with the same name, and names that are unsafe on some systems
    j.add_attachment(entry_id=photo.id, data=_png((30, 200, 30)), filename="港口 harbour.png")
    j.add_attachment(entry_id=photo.id, data=b"notes\n", filename="../../etc/passwd")
    j.add_attachment(entry_id=photo.id, data=b"100% sure\n", filename="CON.txt")
    j.add_attachment(person_id=zhang.id, data=_png((30, 30, 200)), filename="avatar.png")
    import_file(j, "whatsapp", IMPORTS / "whatsapp/ios_dmy/_chat.txt", tz="Asia/Shanghai",
                me="Liu", lang="en")
    return j


def _unzip(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(into)
    (bag,) = [p for p in into.iterdir() if p.is_dir()]
    return bag


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("package")
    j = _make_journal(folder / "case.ijournal")
    try:
        stats = build_package(j, folder / "证据包-case.zip", ReportOptions(lang="zh"))
        fingerprint = j.signing_fingerprint()
    finally:
        j.close()
    assert stats.fingerprint == fingerprint
    return Built(folder / "case.ijournal", folder / "证据包-case.zip",
                 _unzip(folder / "证据包-case.zip", folder / "unzipped"), fingerprint)


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def _tools(bag: Path) -> dict[str, int]:
    return {
        "tagmanifest": run(["sha256sum", "-c", "tagmanifest-sha256.txt"], bag).returncode,
        "manifest": run(["sha256sum", "-c", "manifest-sha256.txt"], bag).returncode,
        "signature": run(SIG_CMD, bag).returncode,
        "bagit": run([sys.executable, BAGIT, "--validate", "."], bag).returncode,
    }


def _rezip(bag: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        for path in sorted(bag.rglob("*")):
            if path.is_file():
                zf.write(path, f"{bag.name}/{path.relative_to(bag).as_posix()}")
    return out


# ---------------------------------------------------------------------------- the whole package
def test_package_passes_sha256sum_openssl_and_bagit(built: Built) -> None:
    assert built.bag.name == "证据包-case", "one top-level folder named like the zip"
    assert _tools(built.bag) == {"tagmanifest": 0, "manifest": 0, "signature": 0, "bagit": 0}
    out = run(["sha256sum", "-c", "tagmanifest-sha256.txt"], built.bag).stdout.splitlines()
    assert sorted(out) == sorted(f"{n}: OK" for n in (
        "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "README.txt", "signing-key.pem"))
    assert "Signature Verified Successfully" in run(SIG_CMD, built.bag).stdout


def test_verify_package_accepts_the_untouched_package(built: Built) -> None:
    result = verify_package(built.zip, expect_key=built.fingerprint.lower())
    assert result.ok, result.problems
    assert result.fingerprint == built.fingerprint
    assert result.files == len([p for p in built.bag.rglob("*") if p.is_file()])


def test_bag_layout_and_bag_info(built: Built) -> None:
    names = sorted(p.relative_to(built.bag).as_posix() for p in built.bag.rglob("*") if p.is_file())
    for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                 "tagmanifest-sha256.txt.sig", "README.txt", "signing-key.pem",
                 "data/report.pdf", "data/journal.json", "data/audit.jsonl"):
        assert name in names
    assert (built.bag / "bagit.txt").read_text() == (
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    info = dict(line.split(": ", 1) for line in
                (built.bag / "bag-info.txt").read_text("utf-8").splitlines())
    payload = [p for p in (built.bag / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"
    assert info["Signing-Key-Fingerprint"] == built.fingerprint
    assert info["Redacted"] == "no" and info["Originals-Included"] == "yes"
    audit_lines = (built.bag / "data/audit.jsonl").read_text("utf-8").splitlines()
    assert json.loads(audit_lines[-1]) == {"head_hash": info["Audit-Head-Hash"],
                                           "records": int(info["Audit-Record-Count"])}
    assert len(audit_lines) - 1 == int(info["Audit-Record-Count"])
    with Journal.open(built.journal_path, PASS) as j:
        assert info["Audit-Head-Hash"] == j.head_hash()


def test_originals_round_trip_byte_for_byte_with_unique_safe_names(built: Built) -> None:
    originals = built.bag / "data" / "originals"
    files = {p.name: p.read_bytes() for p in originals.iterdir()}
    with Journal.open(built.journal_path, PASS) as j:
        atts = j.list_attachments()
        # 4 of the request, the avatar, the photo in the chat and the chat export itself
        assert len(atts) == len(files) == 7
        held = sorted(hashlib.sha256(j.attachment_data(a.id)).hexdigest() for a in atts)
        chat = [a for a in atts if a.filename == "_chat.txt"]
        assert len(chat) == 1, "the chat export the import kept"
    assert sorted(hashlib.sha256(b).hexdigest() for b in files.values()) == held
    assert len({n.lower() for n in files}) == len(files)
    for name in files:
        assert "/" not in name and "\\" not in name and ".." not in name and "%" not in name
    assert any(n.endswith("-_CON.txt") for n in files)
    doc = json.loads((built.bag / "data/journal.json").read_text("utf-8"))
    for item in doc["attachments"]:
        data = (built.bag / "data" / item["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item["sha256"] and len(data) == item["size"]
        assert item["media_type"] and (item["entry"] or item["person"])


def test_journal_json_has_every_revision_with_occurred_and_recorded_times(built: Built) -> None:
    doc = json.loads((built.bag / "data/journal.json").read_text("utf-8"))
    edited = next(e for e in doc["entries"] if e["summary"].endswith("(edited)"))
    assert [(r["revision"], r["action"]) for r in edited["history"]] == [(1, "create"),
                                                                         (2, "edit")]
    assert edited["history"][0]["data"]["summary"] == "Zhang added me on WeChat"
    assert edited["occurred_at"] and edited["recorded_at"]
    assert edited["persons"] == ["张经理 Zhang"]
    zhang = next(p for p in doc["persons"] if p["name"] == "张经理 Zhang")
    assert zhang["handles"][0] == {"kind": "wechat", "value": HANDLE}
    assert doc["signing_key_fingerprint"] == built.fingerprint


def test_audit_jsonl_is_a_chain_anyone_can_recompute(built: Built) -> None:
    from journal.core import audit

    lines = [json.loads(x) for x in (built.bag / "data/audit.jsonl").read_text().splitlines()]
    prev = audit.GENESIS
    for r in lines[:-1]:
        assert r["prev_hash"] == prev
        prev = audit.record_hash(prev, r["seq"], r["at"], r["action"], r["object_type"],
                                 r["object_id"], r["digest"])
        assert prev == r["hash"]
    assert lines[-1]["head_hash"] == prev
    key_record = next(r for r in lines[:-1] if r["object_type"] == "signing_key")
    assert key_record["digest"] == built.fingerprint.replace(" ", "").lower()


def test_fingerprint_on_the_pdf_integrity_page_equals_the_key_file(built: Built) -> None:
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", "signing-key.pem", "-outform",
                          "DER"], cwd=built.bag, capture_output=True, check=True).stdout
    from_key_file = hashlib.sha256(der[-32:]).hexdigest()
    text = subprocess.run(["pdftotext", "-layout", "data/report.pdf", "-"], cwd=built.bag,
                          capture_output=True, text=True, check=True).stdout
    assert "签名密钥指纹" in text
    assert signing.readable(from_key_file) in text


def test_readme_gives_the_fingerprint_the_three_commands_and_windows_form(built: Built) -> None:
    readme = (built.bag / "README.txt").read_text("utf-8")
    assert readme.count(built.fingerprint) == 2  # once in Chinese, once in English
    assert "sha256sum -c tagmanifest-sha256.txt" in readme
    assert "sha256sum -c manifest-sha256.txt" in readme
    assert " ".join(SIG_CMD) in readme
    assert "certutil -hashfile" in readme
    assert "签名不能证明什么" in readme and "What the signature does not prove" in readme
    # the README's own command for the key's fingerprint prints the same value
    out = subprocess.run("openssl pkey -pubin -in signing-key.pem -outform DER | tail -c 32 "
                         "| sha256sum", shell=True, cwd=built.bag, capture_output=True,
                         text=True, check=True).stdout
    assert out.split()[0] == built.fingerprint.replace(" ", "").lower()


# ---------------------------------------------------------------------------- tampering
# file → (the standard check that must fail, what verify-package names)
TAMPER = {
    "data/report.pdf": ("manifest", ("changed", "data/report.pdf")),
    "data/journal.json": ("manifest", ("changed", "data/journal.json")),
    "data/audit.jsonl": ("manifest", ("changed", "data/audit.jsonl")),
    "data/originals/*-港口 harbour.png": ("manifest", ("changed", "data/originals/*-港口 harbour.png")),
    "bagit.txt": ("tagmanifest", ("changed", "bagit.txt")),
    "bag-info.txt": ("tagmanifest", ("changed", "bag-info.txt")),
    "manifest-sha256.txt": ("tagmanifest", ("changed", "manifest-sha256.txt")),
    "README.txt": ("tagmanifest", ("changed", "README.txt")),
    "signing-key.pem": ("tagmanifest", ("changed", "signing-key.pem")),
    "tagmanifest-sha256.txt": ("signature", ("bad_signature", "tagmanifest-sha256.txt.sig")),
    "tagmanifest-sha256.txt.sig": ("signature", ("bad_signature", "tagmanifest-sha256.txt.sig")),
}


def _resolve(bag: Path, pattern: str) -> str:
    """``data/originals/*-name`` → the first original of that name in this bag."""
    if "*" not in pattern:
        return pattern
    return min(p.relative_to(bag).as_posix() for p in bag.glob(pattern))


def _flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name", sorted(TAMPER))
def test_one_changed_byte_fails_the_standard_tools_and_verify_package(
        built: Built, tmp_path: Path, name: str) -> None:
    bag = tmp_path / built.bag.name
    shutil.copytree(built.bag, bag)
    tool, (kind, named) = TAMPER[name]
    target = bag / _resolve(bag, name)
    _flip(target, target.stat().st_size // 2)
    problem = (kind, _resolve(bag, named))
    results = _tools(bag)
    assert results[tool] != 0, results
    if name != "tagmanifest-sha256.txt.sig":  # the signature is in no manifest bagit reads
        assert results["bagit"] != 0
    check = verify_package(_rezip(bag, tmp_path / "tampered.zip"))
    assert not check.ok
    assert problem in {(p.kind, p.name) for p in check.problems}


@pytest.mark.parametrize("name", sorted(TAMPER))
def test_verify_package_notices_a_change_at_the_first_and_the_last_byte(
        built: Built, tmp_path: Path, name: str) -> None:
    for at in (0, -1):
        bag = tmp_path / f"{at}" / built.bag.name
        shutil.copytree(built.bag, bag)
        _flip(bag / _resolve(bag, name), at)
        check = verify_package(_rezip(bag, tmp_path / f"t{at}.zip"))
        kind, named = TAMPER[name][1]
        assert (kind, _resolve(bag, named)) in {(p.kind, p.name) for p in check.problems}


def test_a_file_added_to_the_payload_fails_bagit_and_verify_package(built: Built,
                                                                      tmp_path: Path) -> None:
    bag = tmp_path / built.bag.name
    shutil.copytree(built.bag, bag)
    (bag / "data" / "originals" / "planted.png").write_bytes(_png((0, 0, 0)))
    (bag / "notes.txt").write_text("added next to the tag files")
    assert _tools(bag)["bagit"] != 0
    check = verify_package(_rezip(bag, tmp_path / "added.zip"))
    assert {(p.kind, p.name) for p in check.problems} == {
        ("added", "data/originals/planted.png"), ("added", "notes.txt"),
        ("oxum", "bag-info.txt")}


def test_a_file_removed_fails_sha256sum_bagit_and_verify_package(built: Built,
                                                                  tmp_path: Path) -> None:
    bag = tmp_path / built.bag.name
    shutil.copytree(built.bag, bag)
    avatar = _resolve(bag, "data/originals/*-avatar.png")
    (bag / avatar).unlink()
    (bag / "README.txt").unlink()
    results = _tools(bag)
    assert results["manifest"] != 0 and results["tagmanifest"] != 0 and results["bagit"] != 0
    check = verify_package(_rezip(bag, tmp_path / "removed.zip"))
    assert {(p.kind, p.name) for p in check.problems} == {
        ("missing", avatar), ("missing", "README.txt"),
        ("oxum", "bag-info.txt")}


def test_a_removed_signature_is_named(built: Built, tmp_path: Path) -> None:
    bag = tmp_path / built.bag.name
    shutil.copytree(built.bag, bag)
    (bag / "tagmanifest-sha256.txt.sig").unlink()
    check = verify_package(_rezip(bag, tmp_path / "nosig.zip"))
    assert [(p.kind, p.name) for p in check.problems] == [("missing",
                                                           "tagmanifest-sha256.txt.sig")]


def test_a_package_re_signed_with_another_key_fails_only_the_expected_key(
        built: Built, tmp_path: Path) -> None:
    """A forger who changes a file and signs everything again with their own key passes the
    three commands, but not the fingerprint comparison."""
    bag = tmp_path / built.bag.name
    shutil.copytree(built.bag, bag)
    other = Journal.create(tmp_path / "forger.ijournal", "forger passphrase!", kdf=FAST_PARAMS)
    try:
        (bag / "signing-key.pem").write_bytes(signing.public_pem(other.signing_public_key()))
        lines = []
        for line in (bag / "tagmanifest-sha256.txt").read_text().splitlines():
            name = line.split("  ", 1)[1]
            lines.append(f"{hashlib.sha256((bag / name).read_bytes()).hexdigest()}  {name}\n")
        tag = "".join(lines).encode()
        (bag / "tagmanifest-sha256.txt").write_bytes(tag)
        (bag / "tagmanifest-sha256.txt.sig").write_bytes(other.sign(tag))
    finally:
        other.close()
    assert _tools(bag)["signature"] == 0
    forged = _rezip(bag, tmp_path / "forged.zip")
    assert verify_package(forged).ok
    check = verify_package(forged, expect_key=built.fingerprint)
    assert [(p.kind, p.name) for p in check.problems] == [("wrong_key", "signing-key.pem")]
    assert built.fingerprint in check.problems[0].message("en")


# ---------------------------------------------------------------------------- bad packages
def test_not_a_zip_is_refused_as_not_a_package(tmp_path: Path, built: Built) -> None:
    with pytest.raises(PackageFormatError) as caught:
        verify_package(built.journal_path)
    assert caught.value.exit_code == 4
    assert "not a zip file" in caught.value.message("en")
    assert "不是 zip 文件" in caught.value.message("zh")


@pytest.mark.parametrize("evil", ["../outside.txt", "/etc/evil", "bag/../../x", "C:/x.txt",
                                  "bag\\..\\x"])
def test_a_zip_with_a_name_pointing_outside_is_refused_before_reading(
        tmp_path: Path, evil: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("bag/bagit.txt", "BagIt-Version: 1.0\n")
        zf.writestr(evil, "x")
    with pytest.raises(PackageFormatError) as caught:
        verify_package(archive)
    assert caught.value.exit_code == 4 and evil in caught.value.message("en")
    assert not (tmp_path / "outside.txt").exists()


def test_a_zip_without_a_bag_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "plain.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("photo.txt", "x")
    with pytest.raises(PackageFormatError) as caught:
        verify_package(archive)
    assert "not an evidence package" in caught.value.message("en")


def test_a_missing_package_file_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        verify_package(tmp_path / "nothing.zip")
    assert caught.value.exit_code == 1


# ---------------------------------------------------------------------------- redacted
def test_redacted_package_masks_contacts_and_leaves_originals_out(tmp_path: Path) -> None:
    j = _make_journal(tmp_path / "r.ijournal")
    try:
        build_package(j, tmp_path / "masked.zip", ReportOptions(lang="en", redact=True))
    finally:
        j.close()
    bag = _unzip(tmp_path / "masked.zip", tmp_path / "u")
    assert _tools(bag) == {"tagmanifest": 0, "manifest": 0, "signature": 0, "bagit": 0}
    assert not (bag / "data" / "originals").exists()
    for name in ("data/journal.json", "data/audit.jsonl"):
        text = (bag / name).read_text("utf-8")
        assert HANDLE not in text and PHONE not in text
    pdf = subprocess.run(["pdftotext", str(bag / "data/report.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert HANDLE not in pdf and PHONE not in pdf
    key = signing.load_public_pem((bag / "signing-key.pem").read_bytes())
    assert "Signing key fingerprint" in pdf and signing.fingerprint(key) in pdf  # the English page
    doc = json.loads((bag / "data/journal.json").read_text("utf-8"))
    assert doc["redacted"] is True and doc["originals_included"] is False
    assert all(a["file"] is None for a in doc["attachments"]) and doc["attachments"]
    assert "138****5678" in json.dumps(doc, ensure_ascii=False)
    info = (bag / "bag-info.txt").read_text("utf-8")
    assert "Redacted: yes" in info and "Originals-Included: no" in info
    readme = (bag / "README.txt").read_text("utf-8")
    assert "original files (screenshots, chat exports" in readme and "原始文件" in readme
    assert verify_package(tmp_path / "masked.zip").ok


# ---------------------------------------------------------------------------- where it is written
def test_refuses_an_existing_file_and_leaves_it_untouched(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "exists.zip"
    out.write_bytes(b"keep me")
    with pytest.raises(InputError) as caught:
        build_package(journal, out, ReportOptions())
    assert caught.value.key == "error.file_exists"
    assert out.read_bytes() == b"keep me"


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_refuses_the_journal_and_its_working_files(journal: Journal, suffix: str) -> None:
    target = Path(f"{journal.path}{suffix}")
    with pytest.raises(InputError) as caught:
        build_package(journal, target, ReportOptions())
    assert caught.value.key == "error.output_is_journal"


def test_refuses_another_journal_file(journal: Journal, tmp_path: Path) -> None:
    Journal.create(tmp_path / "second.zip", "second passphrase!", kdf=FAST_PARAMS).close()
    with pytest.raises(InputError) as caught:
        build_package(journal, tmp_path / "second.zip", ReportOptions())
    assert caught.value.key == "error.output_is_a_journal"


def test_refuses_a_folder_and_a_missing_folder(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        build_package(journal, tmp_path, ReportOptions())
    assert caught.value.key == "error.output_is_folder"
    with pytest.raises(InputError) as caught:
        build_package(journal, tmp_path / "no such folder" / "p.zip", ReportOptions())
    assert caught.value.key == "error.not_writable"


def test_a_failure_midway_leaves_neither_the_package_nor_a_temporary_file(
        journal: Journal, tmp_path: Path) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="something to export"))

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done > 0:
            raise Stop()

    with pytest.raises(ExportError):
        build_package(journal, tmp_path / "p.zip", ReportOptions(), progress)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(journal.path.name)] == []


@pytest.mark.parametrize("raw", ["../../etc/passwd", "a\\b\\c.png", "x%2Fy.txt", "名字\n二.txt",
                                 ".hidden", "CON.txt", "nul", "what?<>|*:.png", "a" * 300 + ".jpeg"])
def test_file_names_in_the_package_are_safe_everywhere(raw: str) -> None:
    from journal.core.package.build import safe_name

    name = safe_name(raw)
    assert name and len(name) <= 80
    assert not any(c in name for c in '/\\%<>:"|?*\n\r\x00')
    assert ".." not in name and not name.startswith(".")
    assert name.split(".")[0].upper() not in {"CON", "NUL"}
    if raw.endswith(".jpeg"):
        assert name.endswith(".jpeg")


def test_chat_export_is_included_when_the_period_starts_after_its_first_day(
        journal: Journal, tmp_path: Path) -> None:
    result = import_file(journal, "whatsapp", IMPORTS / "whatsapp/ios_dmy/_chat.txt",
                         tz="Asia/Shanghai", me="Liu", lang="en")
    days = sorted(journal.get_entries(result.entry_ids), key=lambda e: e.occurred_at)
    assert len(days) >= 2
    since = days[1].occurred_at.date()
    assert days[0].occurred_at.date() < since  # the entry holding the export is left out
    build_package(journal, tmp_path / "later.zip", ReportOptions(since=since))
    with zipfile.ZipFile(tmp_path / "later.zip") as zf:
        chat = [n for n in zf.namelist() if n.endswith("-_chat.txt")]
        assert len(chat) == 1
        assert zf.read(chat[0]) == (IMPORTS / "whatsapp/ios_dmy/_chat.txt").read_bytes()


def test_report_pdf_in_the_package_is_the_report_export_pdf_makes(built: Built,
                                                                  tmp_path: Path) -> None:
    import re

    from journal.core.report import build_pdf

    with Journal.open(built.journal_path, PASS) as j:
        build_pdf(j, tmp_path / "same.pdf", ReportOptions(lang="zh"))

    def text(path: Path) -> str:
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                             text=True, check=True).stdout
        return re.sub(r"\d{1,2}:\d{2}( UTC)?", "HH:MM", out)  # only the time it was made differs

    assert text(built.bag / "data/report.pdf") == text(tmp_path / "same.pdf")
