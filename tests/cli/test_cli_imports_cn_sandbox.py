"""journal-cli import of the new formats goes through the parsing child process (the sandbox):
a QQ chat (with the QQ numbers it shows), a WeChat Pay bill (its rows) and an e-mail with an
attachment (the attachment's bytes) each arrive whole, and the parsers never run in the CLI's own
process (which holds the key)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.store import Journal

PASS = "cli sandbox passphrase 密码"
CLI = str(Path(sys.executable).parent / "journal-cli")
DATA = Path(__file__).resolve().parent.parent / "data" / "imports"

# Loaded at start-up by the CLI and by the child it starts (PYTHONPATH is passed on): in the
# child the three parsers note that they ran; in the CLI itself they refuse to run at all.
SITECUSTOMIZE = textwrap.dedent('''
    import os
    import sys

    _marks = os.environ.get("JOURNAL_TEST_SANDBOX_MARKS")
    if _marks:
        from journal.core.importers import bills, mail, qq

        _child = any("child_main" in a for a in sys.orig_argv)

        def _wrap(module, name):
            original = getattr(module, name)

            def parse(*args, **kwargs):
                if not _child:
                    raise SystemExit(f"{name} ran in the process that holds the key")
                mark = os.path.join(_marks, f"{name}-{os.getpid()}")
                with open(mark, "w", encoding="utf-8") as fh:
                    fh.write(str(os.getppid()))
                return original(*args, **kwargs)

            setattr(module, name, parse)

        for _module, _name in ((qq, "parse_qq"), (bills, "parse_wechatpay"),
                               (mail, "parse_email")):
            _wrap(_module, _name)
''')


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "cli.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    return path


@pytest.fixture
def marks(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    folder = tmp_path / "marks"
    folder.mkdir()
    env = dict(os.environ)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        env.pop(var, None)
    env.update(JOURNAL_PASSPHRASE=PASS, LANGUAGE="en", TZ="Asia/Shanghai",
               JOURNAL_TEST_SANDBOX_MARKS=str(folder),
               PYTHONPATH=os.pathsep.join(filter(None, [str(hook), env.get("PYTHONPATH")])))
    return folder, env


def _import(jpath: Path, env: dict[str, str], *args: str) -> tuple[int, str, str, int]:
    proc = subprocess.Popen([CLI, "--journal", str(jpath), "import", *args], env=env, text=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err, proc.pid


def _parsed_in_child_of(folder: Path, parser: str, cli_pid: int) -> None:
    found = sorted(folder.glob(f"{parser}-*"))
    assert len(found) == 1, f"{parser} did not run in a child process"
    child_pid = int(found[0].name.rsplit("-", 1)[1])
    assert child_pid != cli_pid
    assert int(found[0].read_text(encoding="utf-8")) == cli_pid  # started by this CLI
    found[0].unlink()


def test_qq_wechatpay_and_email_import_through_the_child_process(
        jpath: Path, marks: tuple[Path, dict[str, str]]) -> None:
    folder, env = marks

    code, out, err, pid = _import(jpath, env, "qq", str(DATA / "qq/message_manager_gb18030.txt"),
                                  "--me", "小刘")
    assert code == 0, err
    assert "Traceback" not in err and "Imported 5 messages" in out, out
    _parsed_in_child_of(folder, "parse_qq", pid)
    with Journal.open(jpath, PASS) as j:
        handles = {p.name: [(h.kind, h.value) for h in p.handles] for p in j.list_persons()}
        assert j.count_entries(kinds=["contact"]) == 3
    # ParsedChat.handles crossed the process boundary
    assert handles["张经理"] == [("qq", "123456789")]
    assert handles["王老师"] == [("qq", "987654321")]
    assert "小刘" not in handles

    code, out, err, pid = _import(jpath, env, "auto", str(DATA / "bills/wechatpay.csv"))
    assert code == 0, err
    assert out.strip() == "Recorded 3 payments with 2 counterparts from the bill.", out
    _parsed_in_child_of(folder, "parse_wechatpay", pid)
    with Journal.open(jpath, PASS) as j:
        payments = j.list_entries(kinds=["payment"])
        rows = sorted((e.occurred_at.isoformat(), str(e.amount), e.method, e.direction)
                      for e in payments)
        bill_original = [a for a in j.list_attachments() if a.filename == "wechatpay.csv"]
        assert len(bill_original) == 1
        assert j.attachment_data(bill_original[0].id) == (DATA / "bills/wechatpay.csv").read_bytes()
    # ParsedBill (rows, amounts, Beijing times) crossed the process boundary
    assert rows == [("2024-03-05T14:33:20+08:00", "2000.00", "wechat", "received"),
                    ("2024-03-07T08:00:00+08:00", "200.00", "wechat", "received"),
                    ("2024-03-08T19:30:00+08:00", "100.00", "wechat", "sent")]

    # a journal of its own, so that the sender is a new person who takes the address as a handle
    mail_journal = jpath.with_name("mail.ijournal")
    Journal.create(mail_journal, PASS, kdf=FAST_PARAMS).close()
    code, out, err, pid = _import(mail_journal, env, "email", str(DATA / "email/contract.eml"))
    assert code == 0, err
    assert out.strip() == "Imported 1 message over 1 day (1 attachment) into 1 entry.", out
    _parsed_in_child_of(folder, "parse_email", pid)
    with Journal.open(mail_journal, PASS) as j:
        png = [a for a in j.list_attachments() if a.filename == "contract.png"]
        assert len(png) == 1
        data = j.attachment_data(png[0].id)
        zhang = j.find_person("张经理")
        assert zhang is not None
        assert ("email", "zhang@example.com") in [(h.kind, h.value) for h in zhang.handles]
    # ParsedMessage.data_media (bytes, as base64 in the child's answer) arrived unchanged
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) == 70
