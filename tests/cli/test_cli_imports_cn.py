"""journal-cli import for QQ, WeChat, bills, Telegram HTML and e-mail, in English and Chinese."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.store import Journal

PASS = "cli import passphrase 密码"
CLI = str(Path(sys.executable).parent / "journal-cli")
DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
EN = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}


def run(jpath: Path, *args: str, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ)
    full.update({"JOURNAL_PASSPHRASE": PASS, "TZ": "Asia/Shanghai"})
    full.update(env or EN)
    return subprocess.run([CLI, "--journal", str(jpath), *args], capture_output=True, text=True,
                          env=full, timeout=120, stdin=subprocess.DEVNULL, check=False)


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "cli.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    return path


def entries(jpath: Path) -> list[dict[str, object]]:
    out = run(jpath, "list", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_import_wechatpay_default_then_again_adds_nothing(jpath: Path) -> None:
    out = run(jpath, "import", "wechatpay", str(DATA / "bills/wechatpay.csv"), "--tz", "Asia/Shanghai")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Recorded 3 payments with 2 counterparts from the bill."
    listed = entries(jpath)
    assert sorted((e["occurred_at"], e["amount"], e["method"], e["direction"]) for e in listed) == [
        ("2024-03-05T14:33:20+08:00", "2000.00", "wechat", "received"),
        ("2024-03-07T08:00:00+08:00", "200.00", "wechat", "received"),
        ("2024-03-08T19:30:00+08:00", "100.00", "wechat", "sent")]
    again = run(jpath, "import", "auto", str(DATA / "bills/wechatpay.csv"), env=ZH)
    assert again.returncode == 0 and again.stdout.strip() == "这个文件之前已经导入过，没有添加任何内容。"
    assert len(entries(jpath)) == 3


def test_import_alipay_with_repeated_counterpart_in_chinese(jpath: Path) -> None:
    out = run(jpath, "import", "alipay", str(DATA / "bills/alipay.csv"), "--counterpart", "李先生",
              "--counterpart", "学校食堂", env=ZH)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "已从账单记录 3 笔付款，涉及 2 个交易对方。"
    assert sorted(e["amount"] for e in entries(jpath)) == ["20.00", "50.00", "500.00"]


@pytest.mark.parametrize(("rel", "kind"), [
    ("qq/message_manager_gb18030.txt", "qq"), ("qq/qce_v5.json", "qq"),
    ("wechat/messages.csv", "wechat"), ("wechat/张经理.html", "wechat"),
    ("telegram/html/messages.html", "telegram"), ("email/contract.eml", "email"),
])
def test_import_auto_and_by_kind_read_each_chat_format(jpath: Path, rel: str, kind: str,
                                                       tmp_path: Path) -> None:
    out = run(jpath, "import", "auto", str(DATA / rel))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Imported ")
    other = tmp_path / "other.ijournal"
    Journal.create(other, PASS, kdf=FAST_PARAMS).close()
    by_kind = run(other, "import", kind, str(DATA / rel))
    assert by_kind.returncode == 0, by_kind.stderr
    assert by_kind.stdout == out.stdout


def test_import_qq_me_leaves_the_user_out(jpath: Path) -> None:
    out = run(jpath, "import", "qq", str(DATA / "qq/message_manager_gb18030.txt"), "--me", "小刘")
    assert out.returncode == 0, out.stderr
    people = {p for e in entries(jpath) for p in e["persons"]}  # type: ignore[attr-defined]
    assert people == {"张经理", "王老师"}


@pytest.mark.parametrize(("args", "env", "expected"), [
    (("alipay", "bills/wechatpay.csv"), ZH, "“wechatpay.csv”不是支付宝账单。"),
    (("qq", "bills/wechatpay.xlsx"), EN, "“wechatpay.xlsx” is not a text file"),
    (("wechatpay", "bills/wechatpay.csv", "--counterpart", "Nobody"), ZH,
     "账单中没有“Nobody”。"),
    (("email", "qq/qce_v5.json"), EN, "“qce_v5.json” is not an e-mail file."),
])
def test_bad_input_exits_1_with_a_message_in_the_users_language(
        jpath: Path, args: tuple[str, ...], env: dict[str, str], expected: str) -> None:
    kind, rel, *rest = args
    out = run(jpath, "import", kind, str(DATA / rel), *rest, env=env)
    assert out.returncode == 1
    assert out.stderr.startswith(expected)
    assert "Traceback" not in out.stderr
    assert entries(jpath) == []


def test_truncated_bill_and_unreadable_encoding_exit_1_and_change_nothing(jpath: Path,
                                                                         tmp_path: Path) -> None:
    data = (DATA / "bills/alipay.csv").read_bytes()
    cut = tmp_path / "alipay.csv"
    cut.write_bytes(data[:data.index("2024-03-06 12:30:00".encode("gb18030")) + 25])
    out = run(jpath, "import", "alipay", str(cut), env=ZH)
    assert out.returncode == 1 and "第 18 行无法读取" in out.stderr and "Traceback" not in out.stderr
    garbled = tmp_path / "chat.txt"
    garbled.write_bytes("消息记录".encode("gb18030") + b"\x81\x30\xff\xfe\n")
    out = run(jpath, "import", "qq", str(garbled), env=ZH)
    assert out.returncode == 1 and "文字编码无法识别" in out.stderr
    assert entries(jpath) == []


def test_import_help_lists_every_kind(jpath: Path) -> None:
    out = run(jpath, "import", "--help")
    for kind in ("auto", "qq", "wechat", "email", "wechatpay", "alipay", "telegram"):
        assert kind in out.stdout


@pytest.mark.parametrize(("env", "expected"), [
    (ZH, "无法识别“微信聊天.txt”的格式"), (EN, "The format of “微信聊天.txt” was not recognised")])
def test_import_auto_of_an_unrecognised_text_file_names_the_formats_not_whatsapp(
        jpath: Path, tmp_path: Path, env: dict[str, str], expected: str) -> None:
    chat = tmp_path / "微信聊天.txt"
    chat.write_text("张总：帮我拍几张照片\n我：好的\n", encoding="utf-8")
    out = run(jpath, "import", "auto", str(chat), env=env)
    assert out.returncode == 1
    assert expected in out.stderr
    assert "journal-cli import qq" in out.stderr
    assert "WhatsApp 中使用" not in out.stderr and "not a WhatsApp" not in out.stderr
    assert entries(jpath) == []
