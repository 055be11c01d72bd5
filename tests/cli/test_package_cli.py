"""``journal-cli export package`` and ``journal-cli verify-package`` through the real entry point,
in English and Chinese, with good and bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft
from journal.core.store import Journal

PASS = "cli package passphrase 证据"
CLI = str(Path(sys.executable).parent / "journal-cli")
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}


def run(*args: str, env: dict[str, str] | None = None, journal: Path | None = None,
        passphrase: str | None = PASS) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("JOURNAL_PASSPHRASE", None)
    if passphrase is not None:
        full_env["JOURNAL_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    cmd = [CLI] + (["--journal", str(journal)] if journal else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=180,
                          stdin=subprocess.DEVNULL, check=False)


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "cli.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        e = j.add_entry(EntryDraft(kind="contact", summary="first contact 第一次联系"))
        j.add_attachment(entry_id=e.id, data=b"chat log\n", filename="chat.txt")
    return path


def _fingerprint(path: Path) -> str:
    with Journal.open(path, PASS) as j:
        return j.signing_fingerprint()


def test_export_then_verify_in_english(jpath: Path, tmp_path: Path) -> None:
    out = tmp_path / "evidence.zip"
    made = run("export", "package", str(out), "--lang", "en", journal=jpath)
    assert made.returncode == 0, made.stderr
    fingerprint = _fingerprint(jpath)
    assert f"Signing key fingerprint: {fingerprint}" in made.stdout
    assert "1 entry, 1 original file," in made.stdout
    checked = run("verify-package", str(out), "--expect-key", fingerprint, passphrase=None)
    assert checked.returncode == 0, checked.stderr
    assert "The package is unchanged" in checked.stdout and fingerprint in checked.stdout


def test_export_then_verify_in_chinese(jpath: Path, tmp_path: Path) -> None:
    out = tmp_path / "证据.zip"
    made = run("export", "package", str(out), "--lang", "zh", "--redact", journal=jpath, env=ZH)
    assert made.returncode == 0, made.stderr
    assert "已写入证据包" in made.stdout and "这是遮盖副本：没有包含原始文件。" in made.stdout
    checked = run("verify-package", str(out), passphrase=None, env=ZH)
    assert checked.returncode == 0, checked.stderr
    assert "证据包没有被改动" in checked.stdout


def test_export_honours_since_and_until(jpath: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty-period.zip"
    made = run("export", "package", str(out), "--since", "2001-01-01", "--until", "2001-12-31",
               journal=jpath)
    assert made.returncode == 0, made.stderr
    assert "0 entries, 0 original files" in made.stdout


def test_export_refuses_an_existing_file_and_the_journal(jpath: Path, tmp_path: Path) -> None:
    out = tmp_path / "exists.zip"
    out.write_bytes(b"keep")
    refused = run("export", "package", str(out), journal=jpath)
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert out.read_bytes() == b"keep"
    before = jpath.read_bytes()
    refused = run("export", "package", str(jpath), journal=jpath, env=ZH)
    assert refused.returncode == 1 and "就是日志本身或它自己的文件，写入会毁掉日志" in refused.stderr
    assert jpath.read_bytes() == before
    assert "Traceback" not in refused.stderr


def test_export_with_a_bad_date_is_bad_input(jpath: Path, tmp_path: Path) -> None:
    refused = run("export", "package", str(tmp_path / "p.zip"), "--since", "yesterday-ish",
                  journal=jpath)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert not (tmp_path / "p.zip").exists()


def test_size_is_printed_before_writing_a_package_over_the_limit(
        jpath: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from journal import cli
    from journal.core import package

    monkeypatch.setattr(package, "SIZE_NOTICE_BYTES", 1000)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    code = cli.main(["--journal", str(jpath), "export", "package", str(tmp_path / "big.zip")])
    assert code == 0
    captured = capsys.readouterr()
    assert "The package will be about" in captured.err


def test_verify_package_names_each_changed_file_and_exits_5(jpath: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.zip"
    assert run("export", "package", str(out), journal=jpath).returncode == 0
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(("data/journal.json", "README.txt")):
                data = data.replace(b"e", b"E", 1)
            dst.writestr(info, data)
    result = run("verify-package", str(tampered), passphrase=None)
    assert result.returncode == 5
    assert "changed: data/journal.json" in result.stderr
    assert "changed: README.txt" in result.stderr
    zh = run("verify-package", str(tampered), passphrase=None, env=ZH)
    assert zh.returncode == 5 and "已被改动：data/journal.json" in zh.stderr


def test_verify_package_bad_input_exit_codes(jpath: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.zip"
    assert run("export", "package", str(out), journal=jpath).returncode == 0
    # not a zip: 4
    result = run("verify-package", str(jpath), passphrase=None)
    assert result.returncode == 4 and "not a zip file" in result.stderr
    # a name pointing outside the package: 4
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("p/bagit.txt", "BagIt-Version: 1.0\n")
        zf.writestr("../../escape.txt", "x")
    result = run("verify-package", str(evil), passphrase=None, env=ZH)
    assert result.returncode == 4 and "指向证据包文件夹之外" in result.stderr
    # no such file, or a fingerprint that is not one: 1
    assert run("verify-package", str(tmp_path / "none.zip"), passphrase=None).returncode == 1
    result = run("verify-package", str(out), "--expect-key", "1234", passphrase=None)
    assert result.returncode == 1 and "not a key fingerprint" in result.stderr
    # a different key than expected: 5
    result = run("verify-package", str(out), "--expect-key", "ab" * 32, passphrase=None)
    assert result.returncode == 5 and "signed by a different key" in result.stderr
    # the signature removed: 5
    nosig = tmp_path / "nosig.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(nosig, "w") as dst:
        for info in src.infolist():
            if not info.filename.endswith(".sig"):
                dst.writestr(info, src.read(info))
    result = run("verify-package", str(nosig), passphrase=None)
    assert result.returncode == 5 and "missing: tagmanifest-sha256.txt.sig" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_into_a_folder_the_user_cannot_write_is_refused(tmp_path: Path) -> None:
    """As root, the command runs as nobody (root may write anywhere); otherwise as the user, with
    the folder made read-only."""
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="package-perm-", dir="/tmp"))
    try:
        readonly = home / "readonly"
        readonly.mkdir()
        journal = home / "j.ijournal"
        Journal.create(journal, PASS, kdf=FAST_PARAMS).close()
        prefix: list[str] = []
        if os.geteuid() == 0:
            home.chmod(0o755)
            os.chown(home, 65534, 65534)
            os.chown(journal, 65534, 65534)
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        else:
            readonly.chmod(0o555)
        env = dict(os.environ, JOURNAL_PASSPHRASE=PASS, HOME=str(home),
                   XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".data"),
                   XDG_STATE_HOME=str(home / ".state"), XDG_CACHE_HOME=str(home / ".cache"),
                   JOURNAL_HOME=str(home / ".jh"))
        result = subprocess.run([*prefix, CLI, "--journal", str(journal), "export", "package",
                                 str(readonly / "p.zip")], capture_output=True, text=True,
                                env=env, timeout=180, stdin=subprocess.DEVNULL, check=False)
        assert result.returncode == 1, result.stderr
        assert "Cannot write to" in result.stderr and "Traceback" not in result.stderr
        assert list(readonly.iterdir()) == []
    finally:
        readonly.chmod(0o755)
        shutil.rmtree(home, ignore_errors=True)
