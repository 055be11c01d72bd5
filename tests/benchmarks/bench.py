#!/usr/bin/env python3
"""The performance budget of DESIGN §8, measured on a realistic journal of many years.

    .venv/bin/python tests/benchmarks/bench.py --entries 100000 [--attachments 1000] [--json]
        [--reuse PATH]      build the journal at PATH once and reuse it on later runs
        [--skip-gui] [--skip-pdf] [--skip-ratio] [--skip-ocr] [--cold-start]

It builds a journal through the real store API (mixed kinds, Chinese and English text, persons,
200 KB attachments) in a child process, then measures, in this process:

  kdf_ms            key derivation with the journal's Argon2id parameters (crypto.calibrate())
  open_ms           derived key → Journal.open_with_key + entry_ids() + get_entries(first 200)
  gui_open_ms       derived key → the real TimelineView (lazy TimelineModel) shown and painted
  search_median_ms  entry_ids(search=…) — what the window's search box runs — over fixed queries
  search_p95_ms     (the first search after opening, which also reads the timeline's order, is
                    search_first_ms among the extra figures)
  add_entry_ms      median of adding one entry, each its own durable commit (synchronous=FULL)
  precheck_ms       the pre-write page check (HMAC of every page of the file, before the first
                    write after opening; the window runs it in the background after unlocking)
  peak_rss_mb       ru_maxrss of this process (the build, the PDF step and the SQLite comparison
                    run in child processes)
  sqlcipher_vs_sqlite  the same repository workload on an encrypted and on a plain SQLite file
  pdf_1000_s        build_pdf of a 1,000-entry journal with 50 pictures (child process)
  overview_data_ms  median of overview_data() over the whole journal (the picture's data, signs
                    handed in as the window does: the signs page evaluates them in the background;
                    the people are read after the picture, extra figure overview_people_ms)
  overview_ms       derived key → the Overview page (the first page after unlocking) shown with
                    its picture painted; its narrative arrives later from a thread (not counted)
  ocr_s_per_image   median seconds to read one chat screenshot (bench_ocr.py, child process)
  signs_ms          derived key → open for reading → evaluate_journal() → iter_signs_json()
                    and each sign's JSON text, sign by sign as the command writes it: the
                    work of `journal-cli signs --json` after the passphrase (median of 3, child
                    process; the whole command, key derivation and start-up included, is in
                    the extra figures as signs_cli_s: run with no kept result, it keeps one,
                    pre-write check included). The JSON lists the reasons of the first 20
                    evidence entries of each sign (issue 17); the extras signs_json_cli_*,
                    signs_all_reasons_cli_* (--all-reasons: every reason) and signs_text_cli_*
                    are the whole commands' wall, CPU and peak RSS (also alone: --signs-cli PATH;
                    after signs_child they read the result it left kept)
  signs_rss_mb      peak RSS of that child process
                    (extras signs_eval_ms / signs_eval_cpu_ms / signs_eval_rss_mb: the evaluation
                    alone, stored facts read and the twelve rules, no reasons or JSON; own child;
                    signs_eval_cold_*: the same on a new connection, as a command reads)
  verify_s          `journal-cli verify --json`, the whole command (key derivation included), on a
                    copy of the journal, in its own child process (its CPU time and peak RSS too)
  summary_ms        `journal-cli export text -` (the summary for an online form), whole command,
                    with the signs' result kept in the journal current (summary_stale_ms: not)
                    (its part apart from the signs, in a child process of its own: the extra
                    figures summary_nosigns_zh_ms / _en_ms and their CPU times)
  list_json_rss_mb  peak RSS of `journal-cli list --json` writing every entry (to /dev/null)
  signs_stored_ms   signs_ms's child again once the journal keeps the signs' result (schema v9,
                    kept by an evaluation with the journal writable, as the window's after a
                    save): the kept result read instead of running the rules (extras: its CPU,
                    signs_keep_write_ms: how long keeping it holds the journal, the size kept)
  summary_stale_ms  `journal-cli export text -` when the kept result is out of date (an entry
                    added since): the rules run and the command keeps their result (summary_ms
                    is measured with it current; extras: summary_after_stale_ms, the next run)
  window_open_ms    unlock (derived key) → the main window's first page shown and painted, in a
                    child process (its peak RSS among the extras: window_peak_rss_mb)
  save_refresh_ms   the editor's save committed → timeline row, counts and signs badge refresh
                    done on the window's thread (the same child; the signs come back later from a
                    background thread: save_signs_back_ms)

With --json one object with exactly those keys is printed; extra figures (KDF parameters, the
whole window's open time, per-query times) go to stderr. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

PASSPHRASE = "benchmark passphrase 基准测试"
TZ = timezone(timedelta(hours=8))
PNG_HEADER = b"\x89PNG\r\n\x1a\n"
ATTACHMENT_BYTES = 200 * 1024
BATCH = 1000

# The fixed search set: 2-char Chinese words, longer phrases, Latin words, a name, an amount,
# and the worst case of a common single character.
QUERIES = ["军舰", "港口", "兼职", "拍一些照片", "军港附近的码头", "报酬", "photograph", "harbour",
           "Telegram", "张总", "Director Zhang", "1200.50", "code word", "船"]

ZH_SENTENCES = [
    "他说这是一份很轻松的兼职,只要拍一些照片就行。", "今天让我去港口拍军舰,我没有答应。",
    "对方说报酬会按时打到我的微信上。", "她让我换到一个境外的聊天软件上继续聊。",
    "说好了不要告诉家里人和老师。", "收到了一部新手机,说是工作要用的。",
    "他问我们学校实验室最近在做什么项目。", "让我填一份问卷,问的是军港附近的码头情况。",
    "约我周末在咖啡馆见面,我拒绝了。", "这次给的钱比上次多了很多。", "他说如果我不继续就把聊天记录发出去。",
    "我已经拨打了12339,把情况讲清楚了。", "今天什么都没发生,只是聊了几句天气。",
    "问我住在哪里,说可以帮我付房租。", "让我用暗号联系,说这样更安全。", "照片要拍清楚船身上的编号。",
]
EN_SENTENCES = [
    "She asked me to photograph the ships in the harbour this weekend.",
    "The pay arrived on time again, more than last week.", "He wants to move the chat to Telegram.",
    "Told me not to tell my teacher or my parents about the job.",
    "Offered to pay my rent if I moved closer to the naval base.",
    "Asked for the internal newsletter of my department.", "Sent a new phone by courier.",
    "Use the code word tea when we talk about the task.", "Nothing special, we talked about films.",
    "Refused to do a video call again, said the camera is broken.",
    "He said he works for a marine survey company in Hong Kong.",
    "Threatened to send our chats to my university if I stop.",
]
PERSONS = [
    ("张总", ["Director Zhang", "老张"], "总监", "某海洋调查公司", "BOSS直聘"),
    ("小敏", ["Xiao Min", "Min"], "杂志编辑", "旅游杂志社", "Soul"),
    ("Jason Lee", ["Jay"], "HR manager", "Blue Ocean Consulting", "LinkedIn"),
    ("王姐", ["Sister Wang"], "中介", "兼职群", "QQ"),
    ("Anna", ["安娜"], "student", "", "Tinder"),
    ("刘先生", ["Mr Liu"], "老板", "咨询公司", "微信"),
]
KIND_WEIGHTS = [("contact", 35), ("note", 15), ("request", 14), ("payment", 12), ("meeting", 8),
                ("gift", 5), ("threat", 5), ("report", 6)]


CPU: dict[str, float] = {}  # the same figures in CPU time of this process (the machine may be busy)


def _quiet_qt() -> None:
    """The offscreen platform warns about window hints it ignores: keep the table readable."""
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(lambda *_args: None)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_now_mb() -> float | None:
    """The resident memory now (not the peak): /proc on Linux; None elsewhere."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20))


def _window_step(steps: dict[str, Any], name: str) -> None:
    """The window child's memory after one step: RSS now and the peak so far (stderr and JSON)."""
    now, peak = _rss_now_mb(), round(_peak_rss_mb())
    steps[name] = [now, peak]
    print(f"window: {name}: RSS {now} MB, peak {peak} MB", file=sys.stderr)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


# --------------------------------------------------------------------------- building
def _draft(rnd: random.Random, i: int, when: datetime, people: list[str]) -> Any:
    from journal.core.models import EntryDraft

    kind = rnd.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
    zh = rnd.random() < 0.6
    pool = ZH_SENTENCES if zh else EN_SENTENCES
    summary = rnd.choice(pool)[:60]
    roll = rnd.random()
    if roll < 0.6:  # most entries: a few sentences
        details = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 4)))
    elif roll < 0.95:
        details = ""
    else:  # a pasted chat transcript
        details = "\n".join(f"{when:%H:%M} {rnd.choice(['我', 'Me', '他'])}: {rnd.choice(pool)}"
                            for _ in range(rnd.randint(20, 80)))
    extra: dict[str, Any] = {}
    if kind == "payment":
        extra = {"amount": Decimal(rnd.choice(["300", "800", "1200.50", "2000", "5000"])),
                 "currency": rnd.choice(["CNY", "CNY", "CNY", "USD"]),
                 "method": rnd.choice(["wechat", "alipay", "bank", "cash", "crypto"]),
                 "direction": rnd.choice(["received", "received", "sent", "promised"])}
    elif kind == "gift":
        extra = {"item": rnd.choice(["手机", "a drone", "电动车", "camera"]), "value": Decimal("1999.90"),
                 "currency": "CNY"}
    elif kind == "request":
        extra = {"task": rnd.choice(["拍照", "photos of the harbour", "填问卷", "collect documents"]),
                 "target": rnd.choice(["军港", "North pier", "机场", "学校实验室"]),
                 "status": rnd.choice(["asked", "refused", "done", "partly"]),
                 "amount": Decimal(rnd.choice(["300", "500", "1000"])), "currency": "CNY"}
    elif kind in ("contact", "meeting"):
        extra = {"medium": rnd.choice(["chat", "call", "video", "in_person"]),
                 "initiated_by": rnd.choice(["them", "me"])}
    elif kind == "report":
        extra = {"reported_to": rnd.choice(["hotline_12339", "online_platform", "school"]),
                 "reference": f"R-{i:06d}", "officer": rnd.choice(["王老师", "Officer Chen"])}
    persons = rnd.sample(people, rnd.choice([1, 1, 1, 2]))
    return EntryDraft(kind=kind, summary=summary or "…", details=details, occurred_at=when,
                      precision=rnd.choice(["exact"] * 8 + ["day", "approximate"]),
                      persons=persons, channel=rnd.choice(["微信", "WeChat", "Telegram", "QQ", "电话"]),
                      location=rnd.choice(["", "", "港口", "the harbour", "学校", "咖啡馆"]),
                      tags=rnd.sample(["兼职", "photos", "money", "可疑", "urgent"], rnd.randint(0, 2)),
                      witnesses=["室友"] if rnd.random() < 0.05 else [], **extra)


def build_journal(path: Path, n: int, attachments: int, kdf: Any) -> dict[str, float]:
    """A journal of ``n`` entries over ten years and ``attachments`` 200 KB files."""
    from journal.core.models import Handle
    from journal.core.store import Journal

    rnd = random.Random(20240305)
    t0 = time.perf_counter()
    j = Journal.create(path, PASSPHRASE, kdf=kdf)
    people: list[str] = []
    for k in range(30):
        name, aliases, role, org, platform = PERSONS[k % len(PERSONS)]
        if k >= len(PERSONS):
            name = f"{name}{k}"
        people.append(j.add_person(
            name, aliases=aliases, role=role, organisation=org, platform=platform,
            handles=[Handle("wechat", f"wx_{k:03d}"), Handle("phone", f"+86 138 0000 {k:04d}")],
            notes="说是在深圳工作" if k % 2 else "says he lives abroad").id)
    start = datetime(2016, 1, 1, 9, 0, tzinfo=TZ)
    step = timedelta(days=3650) / max(n, 1)
    attach_every = max(1, n // attachments) if attachments else 0
    added_att = 0
    for lo in range(0, n, BATCH):
        with j.transaction():
            for i in range(lo, min(n, lo + BATCH)):
                when = start + step * i + timedelta(minutes=rnd.randint(0, 59))
                e = j.add_entry(_draft(rnd, i, when, people))
                if attach_every and i % attach_every == 0 and added_att < attachments:
                    data = PNG_HEADER + os.urandom(ATTACHMENT_BYTES - len(PNG_HEADER))
                    j.add_attachment(entry_id=e.id, data=data, filename=f"screenshot-{i}.png",
                                     caption=rnd.choice(["聊天截图", "transfer receipt", ""]))
                    added_att += 1
        if lo and lo % 20000 == 0:
            print(f"  built {lo} entries in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    j.close()
    return {"build_s": round(time.perf_counter() - t0, 1), "attachments": added_att,
            "size_mb": round(path.stat().st_size / 1e6, 1), "build_peak_rss_mb": round(_peak_rss_mb())}


# --------------------------------------------------------------------------- measuring
def measure_kdf(path: Path) -> tuple[float, bytes, dict[str, Any]]:
    """Key derivation with the default parameters crypto.calibrate() picks on this machine now
    (what a new journal gets), and the key of the benchmark journal (its own parameters)."""
    from journal.core import crypto
    from journal.core.store import Journal

    params = crypto.calibrate()
    header = crypto.make_header(params)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        crypto.derive_key(PASSPHRASE, header)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    key = Journal.derive(path, PASSPHRASE)
    own = crypto.parse_header(crypto.read_header(path))
    return (_ms(statistics.median(times)), key,
            {"memory_mib": params.memory_kib // 1024, "iterations": params.iterations,
             "lanes": params.lanes, "journal_file_params": f"{own.memory_kib // 1024} MiB, "
             f"t={own.iterations}, p={own.lanes}: {_ms(time.perf_counter() - t0)} ms"})


def measure_open(path: Path, key: bytes, runs: int = 5) -> tuple[float, float, int]:
    """First open (cold cache of this process) and the median of the following ones."""
    from journal.core.store import Journal

    times = []
    cpu = []
    total = 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        j = Journal.open_with_key(path, key)
        ids = j.entry_ids()
        page = j.get_entries(ids[:200])
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        total = len(ids)
        assert len(page) == min(200, total)
        j.close()
    CPU["open_cpu_ms"] = _ms(statistics.median(cpu[1:] or cpu))
    return _ms(times[0]), _ms(statistics.median(times[1:] or times)), total


def _evict_from_os_cache(path: Path) -> None:
    """Drop the journal's pages from the OS page cache (as after a reboot): a "cold" open."""
    for suffix in ("", "-wal", "-shm"):
        try:
            fd = os.open(str(path) + suffix, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def measure_open_cold(path: Path, key: bytes, runs: int = 3) -> float:
    """Like open_ms, but with the file's pages evicted from the OS cache first."""
    from journal.core.store import Journal

    times = []
    for _ in range(runs):
        _evict_from_os_cache(path)
        t0 = time.perf_counter()
        j = Journal.open_with_key(path, key)
        j.get_entries(j.entry_ids()[:200])
        times.append(time.perf_counter() - t0)
        j.close()
    return _ms(statistics.median(times))


def measure_search_first(j: Any) -> float:
    """The first search after opening (or after any change): it also reads the time order of
    the live entries, which later searches reuse until the journal changes."""
    t0 = time.perf_counter()
    j.entry_ids(search="军舰")
    return _ms(time.perf_counter() - t0)


def measure_search(j: Any, reps: int = 5) -> tuple[float, float, dict[str, tuple[int, float]]]:
    per_query: dict[str, tuple[int, float]] = {}
    all_times: list[float] = []
    all_cpu: list[float] = []
    for q in QUERIES:
        times = []
        hits = 0
        for _ in range(reps):
            t0, c0 = time.perf_counter(), time.process_time()
            hits = len(j.entry_ids(search=q))
            times.append(time.perf_counter() - t0)
            all_cpu.append(time.process_time() - c0)
        all_times.extend(times)
        per_query[q] = (hits, _ms(statistics.median(times)))
    CPU["search_cpu_median_ms"] = _ms(statistics.median(all_cpu))
    all_times.sort()
    p95 = all_times[min(len(all_times) - 1, round(0.95 * (len(all_times) - 1)))]
    return _ms(statistics.median(all_times)), _ms(p95), per_query


def measure_precheck(path: Path, key: bytes, runs: int = 3) -> float:
    """The pre-write page check on a freshly opened journal (median of ``runs`` opens)."""
    from journal.core.store import Journal

    times = []
    for _ in range(runs):
        j = Journal.open_with_key(path, key)
        t0 = time.perf_counter()
        j.wait_precheck()
        times.append(time.perf_counter() - t0)
        assert j.writable, "the pre-write check found damage in the benchmark journal"
        j.close()
    return _ms(statistics.median(times))


def measure_add(j: Any, count: int = 30) -> float:
    from journal.core.models import EntryDraft

    rnd = random.Random(99)
    person = j.list_persons()[0].id
    times = []
    cpu = []
    for i in range(count):
        d = EntryDraft(kind="note", summary=f"基准测试 benchmark add {i}", details=rnd.choice(ZH_SENTENCES),
                       persons=[person], tags=["bench-add"])
        t0, c0 = time.perf_counter(), time.process_time()
        j.add_entry(d)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    CPU["add_entry_cpu_ms"] = _ms(statistics.median(cpu))
    return _ms(statistics.median(times))


def measure_gui(path: Path, key: bytes) -> dict[str, float] | None:
    """Derived key → timeline view shown and painted; then the whole main window."""
    try:
        from journal.gui.timeline.view import TimelineView
    except ImportError:
        return None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from journal.core.store import Journal
    from journal.gui.app import create_application

    _quiet_qt()
    app = create_application([])  # noqa: F841 - keeps the application alive
    out: dict[str, float] = {}
    times = []
    cpus = []
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        j = Journal.open_with_key(path, key)
        view = TimelineView()
        view.resize(1180, 760)
        view.set_journal(j)
        view.show()
        QApplication.processEvents()
        view.grab()
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        assert view.model.rowCount() > 0 and view.model.pages_fetched >= 1
        # the search box, as typed (the view's debounce timer skipped)
        t1 = time.perf_counter()
        view.search.setText("军舰")
        view.reload()
        QApplication.processEvents()
        out["gui_search_ms"] = _ms(time.perf_counter() - t1)
        view.set_journal(None)
        view.close()
        view.deleteLater()
        QApplication.processEvents()
        j.close()
    out["gui_open_ms"] = _ms(statistics.median(times))
    out["gui_open_cpu_ms"] = _ms(statistics.median(cpus))
    return out


def measure_overview_data(j: Any, runs: int = 5) -> float:
    from journal.core.overview import overview_data

    times = []
    cpu = []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        data = overview_data(j, "zh", signs=[], people=False)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        assert data.total > 0 and data.buckets
    CPU["overview_data_cpu_ms"] = _ms(statistics.median(cpu))
    return _ms(statistics.median(times))


def measure_overview_people(j: Any, runs: int = 3) -> float:
    """The Overview page's people (read in a thread after the picture of a large journal)."""
    from journal.core.overview import overview_people

    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        people = overview_people(j, "zh")
        times.append(time.perf_counter() - t0)
        assert people
    return _ms(statistics.median(times))


def measure_overview(path: Path, key: bytes) -> float | None:
    """Derived key → the Overview page shown and its picture painted."""
    try:
        from journal.gui.overview.view import OverviewView
    except ImportError:
        return None
    from PySide6.QtWidgets import QApplication

    from journal.core.store import Journal

    times = []
    cpu = []  # of this (the UI) thread: the people and narrative threads start after the paint
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.thread_time()
        j = Journal.open_with_key(path, key)
        view = OverviewView()
        view.resize(1180, 760)
        view.set_journal(j)
        view.show()
        QApplication.processEvents()
        view.picture.grab()
        times.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        assert view.data is not None and view.data.total > 0
        view.set_journal(None)
        view.close()
        view.deleteLater()
        QApplication.processEvents()
        j.close()
    CPU["overview_cpu_ms"] = _ms(statistics.median(cpu))
    return _ms(statistics.median(times))


def _forget_kept_signs(path: Path, key: bytes) -> None:
    """No kept warning-sign result in the journal (schema v9): the next evaluation runs the
    rules, as for a user whose journal changed since the last one."""
    from journal.core.store import Journal

    with Journal.open_with_key(path, key) as j, j.transaction():
        j.db.conn.execute("DELETE FROM sign_results")


def signs_child(path: Path) -> dict[str, Any]:
    """The warning signs of the whole journal as `journal-cli signs --json` computes them, in a
    process of their own (its peak RSS is theirs), then the whole command once, timed from
    outside (start-up and key derivation included). The journal's kept result is forgotten
    first (signs_ms: the rules run); then kept, and the same measured again reading it
    (signs_stored_ms, measure_signs_kept)."""
    from journal.core.signs import evaluate_journal, iter_signs_json
    from journal.core.store import READ, Journal

    key = Journal.derive(path, PASSPHRASE)
    _forget_kept_signs(path, key)
    times, cpus = [], []
    found: list[tuple[str, str, list[str]]] = []
    for _ in range(3):
        found = []  # the last run's results freed: the peak is one run's
        t0, c0 = time.perf_counter(), time.process_time()
        with Journal.open_with_key(path, key, mode=READ) as j:
            # as journal-cli signs --json writes it: sign by sign, each sign's text once made
            size = 0
            for item in iter_signs_json(evaluate_journal(j), "zh"):
                size += len(json.dumps(item, ensure_ascii=False, indent=2))
                found.append((item["id"], item["level"], item["evidence"]))
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        assert size
    out: dict[str, Any] = {"signs_ms": _ms(statistics.median(times)),
                           "signs_cpu_ms": _ms(statistics.median(cpus)),
                           "signs_rss_mb": round(_peak_rss_mb()),
                           "signs_found": len(found),
                           "signs_evidence": sum(len(ev) for _, _, ev in found)}
    cli = Path(sys.executable).with_name("journal-cli")
    if cli.exists():
        t0 = time.perf_counter()
        res = subprocess.run([str(cli), "--journal", str(path), "signs", "--json"],
                             capture_output=True, check=True,
                             env={**os.environ, "JOURNAL_PASSPHRASE": PASSPHRASE})
        out["signs_cli_s"] = round(time.perf_counter() - t0, 2)
        cli_found = [(s["id"], s["level"], s["evidence"]) for s in json.loads(res.stdout)]
        out["signs_cli_same"] = cli_found == found
    out.update(measure_signs_kept(path, key, found))
    return out


def measure_signs_kept(path: Path, key: bytes,
                       cold: list[tuple[str, str, list[str]]]) -> dict[str, Any]:
    """The warning signs kept in the journal (issue 17, signskept): an evaluation by a writer
    (as the window's after a save) keeps its result — the time its write holds the journal
    (signs_keep_write_ms: what the window's thread may wait) — and the evaluation as
    signs_child measures it, reading the kept result instead of running the rules
    (signs_stored_ms, median of 3, and its CPU), whose JSON must be the cold one's."""
    from journal.core.signs import evaluate_journal, iter_signs_json
    from journal.core.store import READ, Journal, signresults

    writes: list[float] = []
    real_write = signresults.SignResults._write

    def timed_write(self: Any, data: bytes, generation: int) -> bool:
        t0 = time.perf_counter()
        try:
            return real_write(self, data, generation)
        finally:
            writes.append(time.perf_counter() - t0)

    _forget_kept_signs(path, key)  # (the whole command above kept its own)
    signresults.SignResults._write = timed_write  # type: ignore[method-assign]
    try:
        with Journal.open_with_key(path, key) as j:
            j.wait_precheck()  # (the window's evaluation starts after it)
            t0 = time.perf_counter()
            evaluate_journal(j)
            keep_ms = _ms(time.perf_counter() - t0)
            assert j.sign_results_current(), "the writer did not keep its result"
            size = int(j.db.one("SELECT length(data) FROM sign_results")[0])
    finally:
        signresults.SignResults._write = real_write  # type: ignore[method-assign]
    times, cpus = [], []
    found: list[tuple[str, str, list[str]]] = []
    for _ in range(3):
        found = []
        t0, c0 = time.perf_counter(), time.process_time()
        with Journal.open_with_key(path, key, mode=READ) as j:
            for item in iter_signs_json(evaluate_journal(j), "zh"):
                json.dumps(item, ensure_ascii=False, indent=2)
                found.append((item["id"], item["level"], item["evidence"]))
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return {"signs_stored_ms": _ms(statistics.median(times)),
            "signs_stored_cpu_ms": _ms(statistics.median(cpus)),
            "signs_stored_same": found == cold,
            "signs_keep_eval_ms": keep_ms, "signs_keep_write_ms": _ms(writes[0]) if writes else None,
            "signs_kept_bytes": size}


def summary_child(path: Path) -> dict[str, Any]:
    """The summary's own work, apart from the warning signs (which signs_child measures): derived
    key → open for reading → ``build_text`` with the signs handed in empty, in Chinese and in
    English (median of 3 each, the first run of the process counted too: a command runs once)."""
    from journal.core.report import ReportOptions, build_text
    from journal.core.store import READ, Journal

    key = Journal.derive(path, PASSPHRASE)
    out: dict[str, Any] = {}
    with Journal.open_with_key(path, key, mode=READ) as j:
        for lang in ("zh", "en"):
            times, cpus = [], []
            for _ in range(3):
                t0, c0 = time.perf_counter(), time.process_time()
                text = build_text(j, ReportOptions(lang=lang), signs=[])
                times.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
                assert text
            out[f"summary_nosigns_{lang}_ms"] = _ms(statistics.median(times))
            out[f"summary_nosigns_{lang}_cpu_ms"] = _ms(statistics.median(cpus))
            out[f"summary_nosigns_{lang}_first_cpu_ms"] = _ms(cpus[0])
    out["summary_child_rss_mb"] = round(_peak_rss_mb())
    return out


def signs_eval_child(path: Path) -> dict[str, Any]:
    """The evaluation alone (issue 17, signseval): the stored facts read and the twelve rules
    (``fastrules.find``), without reasons or JSON, in a process of its own (its peak RSS is the
    key derivation's baseline plus this); median of 3, wall and CPU: ``signs_eval_*`` on a
    connection that has read the facts once (warm page cache), ``signs_eval_cold_*`` on a new
    connection as a command opens it (signsfast)."""
    from journal.core.signs import fastrules
    from journal.core.store import READ, Journal

    key = Journal.derive(path, PASSPHRASE)
    figures: dict[str, list[float]] = {}
    evidence = 0
    for _ in range(3):
        with Journal.open_with_key(path, key, mode=READ) as j:
            assert j.sign_facts_current(), "facts of other rules: open the journal for writing"
            persons = j.list_persons()
            for name in ("signs_eval_cold", "signs_eval"):
                t0, c0 = time.perf_counter(), time.process_time()
                with j.sign_fact_table() as table:  # as evaluate_journal() reads
                    found = fastrules.find(table, persons)
                figures.setdefault(f"{name}_ms", []).append(time.perf_counter() - t0)
                figures.setdefault(f"{name}_cpu_ms", []).append(time.process_time() - c0)
                evidence = sum(len(ids) for _, ids in found.values())
                del found
    out: dict[str, Any] = {k: _ms(statistics.median(v)) for k, v in figures.items()}
    out.update(signs_eval_rss_mb=round(_peak_rss_mb()), signs_eval_evidence=evidence)
    return out


def window_child(path: Path) -> dict[str, Any]:
    """The main window on the journal, in its own process so that its memory is its own:

    window_open_ms   unlock (derived key) → the first page (the Overview) shown and painted
    save_refresh_ms  the editor's save committed → the timeline row, the counts and the signs
                     re-evaluation under way (the window's ``changeApplied``), on the window's
                     thread; its CPU time is that thread's (``time.thread_time``)
    and, as extras: every section visited once, the window's peak RSS, the signs count back
    after the save (evaluated in a background thread), and locking."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from journal.core.store import Journal
    from journal.gui.app import create_application
    from journal.gui.editor.dialog import EntryEditorDialog
    from journal.gui.main_window import MainWindow

    steps: dict[str, Any] = {}
    key = Journal.derive(path, PASSPHRASE)
    _quiet_qt()
    app = create_application([])
    t0 = time.perf_counter()
    window = MainWindow()
    window.offer_drafts_on_unlock = False
    window.settings.autolock_minutes = 0  # no input for minutes while the signs are evaluated
    window.show()
    QApplication.processEvents()
    window._prewarm.join()  # the core imports done while the passphrase is typed
    t1, c1, tc1 = time.perf_counter(), time.process_time(), time.thread_time()
    j = Journal.open_with_key(path, key)
    window.open_journal(j)
    QApplication.processEvents()
    window.grab()  # the first page painted
    out: dict[str, Any] = {"window_open_ms": _ms(time.perf_counter() - t1),
                           "window_open_cpu_ms": _ms(time.process_time() - c1),
                           "window_open_thread_cpu_ms": _ms(time.thread_time() - tc1),
                           "welcome_window_ms": _ms(t1 - t0),
                           "window_open_rss_mb": round(_peak_rss_mb()),
                           "window_views_built_at_open": len(window.views)}
    _window_step(steps, "unlocked (overview painted)")
    while window._signs_count is None:  # the section list's count: signs evaluated (a thread)
        QApplication.processEvents()
        time.sleep(0.005)
    out["window_signs_ready_ms"] = _ms(time.perf_counter() - t1)
    print(f"window: signs ready after {out['window_signs_ready_ms']} ms", file=sys.stderr)
    out["window_signs_ready_rss_mb"] = round(_peak_rss_mb())
    _window_step(steps, "signs ready")
    t2, c2 = time.perf_counter(), time.process_time()
    for key_ in window._nav_keys:  # every section visited once, as a user looking around
        print(f"window: showing {key_}", file=sys.stderr)
        window.show_view(key_)
        QApplication.processEvents()
        window.grab()
        _window_step(steps, f"shown {key_}")
    out["window_every_view_ms"] = _ms(time.perf_counter() - t2)
    out["window_every_view_cpu_ms"] = _ms(time.process_time() - c2)

    # a save in the editor, from the timeline
    window.show_view("timeline")
    QApplication.processEvents()
    timeline = window.views["timeline"]
    marks: dict[str, float] = {}

    def committed(*_a: Any) -> None:
        if "t" not in marks:
            marks["t"], marks["cpu"] = time.perf_counter(), time.thread_time()

    def applied() -> None:
        if "t" in marks and "done" not in marks:
            marks["done"], marks["done_cpu"] = time.perf_counter(), time.thread_time()

    def type_and_save() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, EntryEditorDialog) and w.isVisible())
        dlg.summary.setText("benchmark: saved in the window 窗口保存")
        j.add_listener(committed)
        if not dlg.save():  # (refused: say why rather than wait for ever)
            marks["refused"] = 1
            dlg.done(0)

    window.changeApplied.connect(applied)
    count_before = window._signs_count
    QTimer.singleShot(0, type_and_save)
    print("window: saving in the editor", file=sys.stderr)
    timeline.new_entry("note")
    if "refused" in marks:
        raise SystemExit("the editor did not save")
    while "done" not in marks:
        QApplication.processEvents()
    out["save_refresh_ms"] = _ms(marks["done"] - marks["t"])
    out["save_refresh_cpu_ms"] = _ms(marks["done_cpu"] - marks["cpu"])
    while window._signs_task is not None:  # the badge: signs evaluated in the background
        QApplication.processEvents()
        time.sleep(0.005)
    out["save_signs_back_ms"] = _ms(time.perf_counter() - marks["t"])
    out["save_signs_count"] = [count_before, window._signs_count]
    _window_step(steps, "saved, signs back")
    out["window_peak_rss_mb"] = round(_peak_rss_mb())
    out["window_rss_steps_mb"] = steps  # [RSS now, peak so far] after each step
    t3 = time.perf_counter()
    window.lock(show_unlock=False)  # includes the backup made on closing, when that is on
    out["window_lock_ms"] = _ms(time.perf_counter() - t3)
    window.close()
    app.processEvents()
    return out


def upgrade_child(path: Path) -> dict[str, Any]:
    """The window unlocking a journal of an older schema (``path`` is changed: give it a copy):
    the passphrase typed and Unlock pressed, then the key derivation and the upgrade (backup,
    schema steps, indexes) in the background with the upgrade page shown. A 20 ms timer on the
    window's thread measures how long the window ever went without handling events.

    window_upgrade_s               Unlock pressed → the journal shown (wall; CPU of the process)
    window_upgrade_longest_stall_ms  the longest gap between two timer ticks meanwhile
    window_upgrade_steps           each step's key and its wall seconds"""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="bench-upgrade-home-"))  # the backup goes there
    os.environ["JOURNAL_HOME"] = str(home)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from journal.core.settings import Settings
    from journal.gui.app import create_application
    from journal.gui.main_window import MainWindow

    _quiet_qt()
    app = create_application([])
    window = MainWindow(settings=Settings(language="en", first_run_done=True,
                                          backup_on_close=False, autolock_minutes=0))
    window.offer_drafts_on_unlock = False
    window.show()
    QApplication.processEvents()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    # (ticks until the journal is shown: building the first page after it is the window's open)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()) if window.journal is None
                          else None)
    page = window.welcome.upgrade_page
    steps: list[list[Any]] = []
    window.welcome.show_unlock(path)
    window.welcome.unlock.passphrase.setText(PASSPHRASE)
    t0, c0 = time.perf_counter(), time.process_time()
    timer.start()
    window.welcome.unlock.submit.click()
    while window.journal is None:
        QApplication.processEvents()
        step = page.step
        if step is not None and (not steps or steps[-1][0] != step.key):
            steps.append([step.key, time.perf_counter()])
            print(f"upgrade: {step.title('en')}", file=sys.stderr)
        if window.welcome.unlock.error.text():
            raise SystemExit("the upgrade failed: " + window.welcome.unlock.error.text())
        time.sleep(0.005)
    t1, c1 = time.perf_counter(), time.process_time()
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    out: dict[str, Any] = {
        "window_upgrade_s": round(t1 - t0, 2), "window_upgrade_cpu_s": round(c1 - c0, 2),
        "window_upgrade_longest_stall_ms": _ms(max(gaps)) if gaps else None,
        "window_upgrade_ticks": len(ticks),
        "window_upgrade_steps": [[k, round((steps[i + 1][1] if i + 1 < len(steps) else t1) - t, 2)]
                                 for i, (k, t) in enumerate(steps)],
        "window_upgrade_schema": window.journal.schema_version(),
        "window_upgrade_rss_mb": round(_peak_rss_mb())}
    window.lock(show_unlock=False)
    window.close()
    app.processEvents()
    shutil.rmtree(home, ignore_errors=True)
    return out


# --------------------------------------------------------------------------- SQLCipher vs SQLite
def _plain_journal_class() -> Any:
    """Journal on an unencrypted SQLite file: exists only here, for the comparison."""
    import sqlite3

    from journal.core.store import Journal

    class PlainJournal(Journal):
        @classmethod
        def _connect(cls, path: Path, key: bytes, header: bytes, check: bool = False) -> Any:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA cache_size = -16000")
            conn.execute("PRAGMA secure_delete = ON")
            conn.row_factory = sqlite3.Row
            return conn

    return PlainJournal


def repository_workload(cls: Any, path: Path, n: int) -> tuple[float, float]:
    """Inserts (batched and single durable commits), timeline pages, filters and searches."""
    from journal.core.crypto import FAST_PARAMS

    rnd = random.Random(7)
    j = cls.create(path, PASSPHRASE, kdf=FAST_PARAMS)
    t0, c0 = time.perf_counter(), time.process_time()
    people = [j.add_person(p[0], aliases=p[1], role=p[2]).id for p in PERSONS]
    start = datetime(2020, 1, 1, tzinfo=TZ)
    for lo in range(0, n, 250):
        with j.transaction():
            for i in range(lo, min(n, lo + 250)):
                j.add_entry(_draft(rnd, i, start + timedelta(hours=5 * i), people))
    for i in range(20):
        j.add_entry(_draft(rnd, n + i, start + timedelta(hours=5 * (n + i)), people))
    for _ in range(3):
        ids = j.entry_ids()
        for k in range(0, len(ids), 200):
            j.get_entries(ids[k:k + 200])
        j.count_entries(kinds=["payment"])
        j.entry_ids(person_id=people[0])
        j.totals()
        for q in QUERIES:
            j.entry_ids(search=q)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    j.close()
    return elapsed, cpu


def measure_ratio(folder: Path, n: int = 3000, rounds: int = 4) -> dict[str, float]:
    from journal.core.store import Journal

    plain = _plain_journal_class()
    enc_t = plain_t = enc_c = plain_c = 0.0
    for r in range(rounds):
        for cls, name in ((Journal, "enc"), (plain, "plain")) if r % 2 == 0 else \
                ((plain, "plain"), (Journal, "enc")):
            p = folder / f"ratio-{name}-{r}.db"
            t, c = repository_workload(cls, p, n)
            if name == "enc":
                enc_t += t
                enc_c += c
            else:
                plain_t += t
                plain_c += c
            for suffix in ("", "-wal", "-shm"):
                Path(str(p) + suffix).unlink(missing_ok=True)
    return {"sqlcipher_vs_sqlite": round(enc_t / plain_t, 2), "ratio_enc_s": round(enc_t, 2),
            "ratio_plain_s": round(plain_t, 2), "ratio_cpu": round(enc_c / plain_c, 2)}


# --------------------------------------------------------------------------- PDF
def _small_png(i: int) -> bytes:
    import io

    from PIL import Image, ImageDraw

    rnd = random.Random(i)
    img = Image.new("RGB", (540, 1170), (237, 237, 237))
    draw = ImageDraw.Draw(img)
    y = 100
    while y < 1100:
        w = rnd.randint(150, 400)
        x = 30 if rnd.random() < 0.5 else 510 - w
        draw.rounded_rectangle([x, y, x + w, y + 60], 10, fill=(255, 255, 255))
        draw.line([x + 15, y + 30, x + w - 15, y + 30], fill=(40, 40, 40), width=6)
        y += 85
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (0 where there is no getrusage)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def pdf_child(folder: Path) -> dict[str, Any]:
    """A 1,000-entry journal with 50 pictures (built first, not timed), then the timed export."""
    from journal.core.crypto import FAST_PARAMS
    from journal.core.store import Journal

    try:
        from journal.core.report import ReportOptions, build_pdf
    except ImportError:
        return {"pdf_1000_s": None}
    path = folder / "pdf-1000.ijournal"
    rnd = random.Random(1000)
    j = Journal.create(path, PASSPHRASE, kdf=FAST_PARAMS)
    people = [j.add_person(p[0], aliases=p[1], role=p[2], organisation=p[3]).id for p in PERSONS]
    start = datetime(2024, 1, 1, 9, tzinfo=TZ)
    with j.transaction():
        for i in range(1000):
            e = j.add_entry(_draft(rnd, i, start + timedelta(hours=8 * i), people))
            if i % 20 == 0:
                j.add_attachment(entry_id=e.id, data=_small_png(i), filename=f"chat-{i}.png")
    out = folder / "report.pdf"
    kids0 = _children_cpu()
    t0, c0 = time.perf_counter(), time.process_time()
    stats = build_pdf(j, out, ReportOptions(lang="zh"))
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    helper_cpu = _children_cpu() - kids0  # the picture helper process (ended by build_pdf)
    j.close()
    return {"pdf_1000_s": round(seconds, 2), "pdf_cpu_s": round(cpu, 2),
            "pdf_helper_cpu_s": round(helper_cpu, 2), "pdf_pages": stats.pages, "pdf_images": stats.images,
            "pdf_entries": stats.entries, "pdf_mb": round(stats.bytes / 1e6, 1),
            "pdf_peak_rss_mb": round(_peak_rss_mb())}


# --------------------------------------------------------------------------- cold start
COLD_START = r"""
import os, sys, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from journal.gui.app import create_application
app = create_application([])
t1 = time.perf_counter()
from journal.gui.main_window import MainWindow
w = MainWindow()
w.show()
app.processEvents()
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.0f} {(t2 - t0) * 1000:.0f}")
"""


def measure_cold_start(runs: int = 3) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    walls, apps, windows = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env.update(HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home,
                       XDG_STATE_HOME=home, JOURNAL_HOME=home)
            t0 = time.perf_counter()
            res = subprocess.run([sys.executable, "-c", COLD_START], env=env, capture_output=True,
                                 text=True, check=True)
            walls.append(time.perf_counter() - t0)
            a, w = res.stdout.split()
            apps.append(float(a))
            windows.append(float(w))
        imports = subprocess.run([sys.executable, "-X", "importtime", "-c", COLD_START], env=env,
                                 capture_output=True, text=True, check=True).stderr
    top = []
    for line in imports.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            top.append((int(parts[1]), parts[2].rstrip()))
    top.sort(reverse=True)
    return {"cold_wall_ms": round(statistics.median(walls) * 1000),
            "cold_app_ms": round(statistics.median(apps)),
            "cold_window_ms": round(statistics.median(windows)),
            "cold_imports": [(us // 1000, name) for us, name in top[:12]]}


# --------------------------------------------------------------------------- main
BUDGET = {"open_ms": 300, "gui_open_ms": 300, "search_median_ms": 50, "add_entry_ms": 20,
          "peak_rss_mb": 300, "pdf_1000_s": 5, "sqlcipher_vs_sqlite": 1.5,
          "overview_data_ms": 100, "overview_ms": 200, "verify_s": 3, "summary_ms": 2000,
          "list_json_rss_mb": 300}
KEYS = ["kdf_ms", "open_ms", "gui_open_ms", "search_median_ms", "search_p95_ms", "add_entry_ms",
        "precheck_ms", "pdf_1000_s", "peak_rss_mb", "sqlcipher_vs_sqlite", "overview_data_ms",
        "overview_ms", "ocr_s_per_image", "signs_ms", "signs_rss_mb", "verify_s", "summary_ms",
        "list_json_rss_mb", "window_open_ms", "save_refresh_ms", "signs_stored_ms",
        "summary_stale_ms"]


def run_cli(path: Path, *args: str) -> dict[str, Any]:
    """One real `journal-cli` command on ``path`` in its own child process (output thrown away):
    wall seconds, CPU seconds and peak RSS (MB) of that process alone (os.wait4), exit code."""
    cli = Path(sys.executable).with_name("journal-cli")
    env = dict(os.environ, JOURNAL_PASSPHRASE=PASSPHRASE)
    start = time.perf_counter()
    proc = subprocess.Popen([str(cli), "--journal", str(path), *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = ""
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        cpu: float | None = round(usage.ru_utime + usage.ru_stime, 2)
        rss: float | None = round(usage.ru_maxrss / 1024)
    else:  # Windows: no per-process rusage here; wall time only
        code, cpu, rss = proc.wait(), None, None
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if code != 0:
        raise SystemExit(f"journal-cli {' '.join(args)} failed ({code}): {err[-500:]}")
    return {"wall_s": round(wall, 2), "cpu_s": cpu, "rss_mb": rss}


def measure_stream17(path: Path, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """verify_s, summary_ms and list_json_rss_mb, each the real command in its own process, on a
    copy of the journal (a command may migrate or back it up; the measured file stays as built)."""
    copy = folder / "stream17.ijournal"
    shutil.copyfile(path, copy)
    try:
        opening = run_cli(copy, "person", "list")  # start, key derivation, open: in each figure
        verify = run_cli(copy, "verify", "--json")
        keep_signs(copy)  # summary_ms: with the signs' result kept current (signskept)
        summary = run_cli(copy, "export", "text", "-", "--lang", "zh")
        listing = run_cli(copy, "list", "--json")
        stale = measure_summary_stale(copy)
    finally:
        for p in folder.glob("stream17.ijournal*"):
            p.unlink()
    r = {"verify_s": verify["wall_s"], "summary_ms": round(summary["wall_s"] * 1000),
         "list_json_rss_mb": listing["rss_mb"], "summary_stale_ms": stale.pop("summary_stale_ms")}
    extra = {"cli_open_s": opening["wall_s"], "cli_open_cpu_s": opening["cpu_s"],
             "verify_cpu_s": verify["cpu_s"], "verify_rss_mb": verify["rss_mb"],
             "summary_cpu_ms": None if summary["cpu_s"] is None else round(summary["cpu_s"] * 1000),
             "summary_rss_mb": summary["rss_mb"],
             "list_json_s": listing["wall_s"], "list_json_cpu_s": listing["cpu_s"], **stale}
    return r, extra


def keep_signs(path: Path) -> None:
    """Evaluate the warning signs once with the journal writable, as the window does after a
    save: the result is kept in the journal for the next evaluation to read."""
    from journal.core.signs import evaluate_journal
    from journal.core.store import Journal

    with Journal.open(path, PASSPHRASE) as j:
        evaluate_journal(j)
        assert j.sign_results_current()


def measure_summary_stale(path: Path) -> dict[str, Any]:
    """summary_stale_ms: `journal-cli export text -` when the kept signs describe an earlier
    state (an entry added since, as by `journal-cli add`): the command runs the rules, and,
    nobody else writing the journal, keeps their result (the pre-write check beside the rules,
    the write when it closes). Then the same command once more, reading what it kept."""
    from journal.core.models import EntryDraft
    from journal.core.store import Journal

    with Journal.open(path, PASSPHRASE) as j:
        j.add_entry(EntryDraft(kind="note", summary="bench: one more entry"))
        assert not j.sign_results_current()
    stale = run_cli(path, "export", "text", "-", "--lang", "zh")
    again = run_cli(path, "export", "text", "-", "--lang", "zh")
    return {"summary_stale_ms": round(stale["wall_s"] * 1000),
            "summary_stale_cpu_ms": None if stale["cpu_s"] is None else round(stale["cpu_s"] * 1000),
            "summary_after_stale_ms": round(again["wall_s"] * 1000),
            "summary_after_stale_cpu_ms":
                None if again["cpu_s"] is None else round(again["cpu_s"] * 1000)}


def measure_signs_cli(path: Path) -> dict[str, Any]:
    """The whole `journal-cli signs` commands, each in its own process (start-up and key
    derivation included): the JSON with the reasons of the first 20 evidence entries of each
    sign (the default), with every reason (`--all-reasons`, the output before issue 17's bounded
    reasons) and the text form. Wall and CPU seconds, peak RSS (MB)."""
    out: dict[str, Any] = {}
    for key, args in (("signs_json_cli", ("signs", "--json")),
                      ("signs_all_reasons_cli", ("signs", "--json", "--all-reasons")),
                      ("signs_text_cli", ("signs",))):
        run = run_cli(path, *args)
        out[f"{key}_s"], out[f"{key}_cpu_s"], out[f"{key}_rss_mb"] = \
            run["wall_s"], run["cpu_s"], run["rss_mb"]
    return out


def _child(args: list[str]) -> dict[str, Any]:
    res = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         env=os.environ.copy(), check=False)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        raise SystemExit(f"child {args[0]} failed")
    sys.stderr.write(res.stderr)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--attachments", type=int, default=None, help="default: entries / 100")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--reuse", metavar="PATH", help="journal to build once and reuse")
    ap.add_argument("--skip-gui", action="store_true")
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--skip-ratio", action="store_true")
    ap.add_argument("--skip-ocr", action="store_true")
    ap.add_argument("--skip-cli", action="store_true",
                    help="no verify_s, summary_ms, list_json_rss_mb (journal-cli commands)")
    ap.add_argument("--only-cli", action="store_true",
                    help="only verify_s, summary_ms, list_json_rss_mb")
    ap.add_argument("--cold-start", action="store_true", help="also time the window's start-up")
    ap.add_argument("--build-only", action="store_true", help="build the --reuse journal and stop")
    ap.add_argument("--child-build", nargs=6, help=argparse.SUPPRESS)
    ap.add_argument("--child-pdf", help=argparse.SUPPRESS)
    ap.add_argument("--child-ratio", help=argparse.SUPPRESS)
    ap.add_argument("--child-window", help=argparse.SUPPRESS)
    ap.add_argument("--child-signs", help=argparse.SUPPRESS)
    ap.add_argument("--child-summary", help=argparse.SUPPRESS)
    ap.add_argument("--child-signs-eval", help=argparse.SUPPRESS)
    ap.add_argument("--child-upgrade", metavar="COPY",
                    help="only the window unlocking an older journal (COPY is upgraded: a copy)")
    ap.add_argument("--signs-cli", metavar="PATH",
                    help="only the journal-cli signs commands on this journal (measure_signs_cli)")
    ap.add_argument("--skip-window", action="store_true", help="do not open the whole main window")
    args = ap.parse_args()

    if args.child_build:
        from journal.core.crypto import KdfParams

        path, n, m, mem, it, lanes = args.child_build
        kdf = KdfParams(memory_log2=int(mem), iterations=int(it), lanes=int(lanes))
        print(json.dumps(build_journal(Path(path), int(n), int(m), kdf)))
        return 0
    if args.child_pdf:
        print(json.dumps(pdf_child(Path(args.child_pdf))))
        return 0
    if args.child_window:
        print(json.dumps(window_child(Path(args.child_window))))
        return 0
    if args.child_upgrade:
        print(json.dumps(upgrade_child(Path(args.child_upgrade))))
        return 0
    if args.child_signs:
        print(json.dumps(signs_child(Path(args.child_signs))))
        return 0
    if args.child_signs_eval:
        print(json.dumps(signs_eval_child(Path(args.child_signs_eval))))
        return 0
    if args.signs_cli:
        print(json.dumps({"load": os.getloadavg() if hasattr(os, "getloadavg") else None,
                          **measure_signs_cli(Path(args.signs_cli))}))
        return 0
    if args.child_ratio:
        print(json.dumps(measure_ratio(Path(args.child_ratio))))
        return 0
    if args.child_summary:
        print(json.dumps(summary_child(Path(args.child_summary))))
        return 0

    n = args.entries
    m = args.attachments if args.attachments is not None else n // 100
    folder = Path(tempfile.mkdtemp(prefix="journal-bench-"))
    # settings, log and automatic backups of every step (and child) stay in the temporary folder
    os.environ["JOURNAL_HOME"] = str(folder / "home")
    extra: dict[str, Any] = {"entries": n, "attachments": m,
                             "load_before": round(os.getloadavg()[0], 1)}
    try:
        path = Path(args.reuse) if args.reuse else folder / "bench.ijournal"
        if not path.exists():
            from journal.core import crypto

            kdf = crypto.calibrate()
            print(f"building {n} entries, {m} attachments into {path} …", file=sys.stderr)
            extra.update(_child(["--child-build", str(path), str(n), str(m), str(kdf.memory_log2),
                                 str(kdf.iterations), str(kdf.lanes)]))
        else:
            extra["reused"] = str(path)
        if args.build_only:
            print(json.dumps(extra))
            return 0
        r: dict[str, Any] = {}
        if args.only_cli:  # the three journal-cli figures alone
            cli, cli_extra = measure_stream17(path, folder)
            extra.update(cli_extra, load_after=round(os.getloadavg()[0], 1))
            print(json.dumps(cli))
            print(json.dumps(extra, ensure_ascii=False), file=sys.stderr)
            return 0
        r["kdf_ms"], key, extra["kdf_params"] = measure_kdf(path)
        first_open, r["open_ms"], total = measure_open(path, key)
        extra["open_first_ms"] = first_open
        extra["open_cold_disk_ms"] = measure_open_cold(path, key)
        extra["live_entries"] = total
        from journal.core.store import Journal

        r["precheck_ms"] = measure_precheck(path, key)
        extra["file_mb"] = round(path.stat().st_size / 1e6, 1)
        j = Journal.open_with_key(path, key)
        j.wait_precheck()  # not part of add_entry_ms: measured on its own above
        extra["search_first_ms"] = measure_search_first(j)
        r["search_median_ms"], r["search_p95_ms"], extra["queries"] = measure_search(j)
        t0 = time.perf_counter()
        j.search("军舰", limit=200)
        extra["search_first_200_ms"] = _ms(time.perf_counter() - t0)
        r["add_entry_ms"] = measure_add(j)
        r["overview_data_ms"] = measure_overview_data(j)
        extra["overview_people_ms"] = measure_overview_people(j)
        j.close()
        signs = _child(["--child-signs", str(path)])
        r["signs_ms"], r["signs_rss_mb"] = signs.pop("signs_ms"), signs.pop("signs_rss_mb")
        r["signs_stored_ms"] = signs.pop("signs_stored_ms")
        extra.update(signs)
        extra.update(_child(["--child-signs-eval", str(path)]))
        extra.update(measure_signs_cli(path))
        gui = None if args.skip_gui else measure_gui(path, key)
        r["gui_open_ms"] = gui.pop("gui_open_ms") if gui else None
        extra.update(gui or {})
        r["overview_ms"] = None if args.skip_gui else measure_overview(path, key)
        r["peak_rss_mb"] = round(_peak_rss_mb())
        if not (args.skip_gui or args.skip_window):
            window = _child(["--child-window", str(path)])
            r["window_open_ms"] = window.pop("window_open_ms")
            r["save_refresh_ms"] = window.pop("save_refresh_ms")
            extra.update(window)
        if args.skip_ratio:
            r["sqlcipher_vs_sqlite"] = None
        else:
            ratio = _child(["--child-ratio", str(folder)])
            r["sqlcipher_vs_sqlite"] = ratio.pop("sqlcipher_vs_sqlite")
            extra.update(ratio)
        if args.skip_pdf:
            r["pdf_1000_s"] = None
        else:
            pdf = _child(["--child-pdf", str(folder)])
            r["pdf_1000_s"] = pdf.pop("pdf_1000_s")
            extra.update(pdf)
        if args.skip_ocr:
            r["ocr_s_per_image"] = None
        else:  # screenshots read by the recognition child (bench_ocr.py)
            res = subprocess.run([sys.executable, str(Path(__file__).with_name("bench_ocr.py")),
                                  "--json"], capture_output=True, text=True, check=True)
            ocr = json.loads(res.stdout.strip().splitlines()[-1])
            r["ocr_s_per_image"] = ocr.pop("ocr_s_per_image")
            extra["ocr_peak_mb"] = ocr["ocr_peak_mb"]
        if args.skip_cli:
            r.update(verify_s=None, summary_ms=None, list_json_rss_mb=None, summary_stale_ms=None)
        else:
            cli, cli_extra = measure_stream17(path, folder)
            r.update(cli)
            extra.update(cli_extra)
            extra.update(_child(["--child-summary", str(path)]))
        if args.cold_start:
            extra.update(measure_cold_start())
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    extra.update(CPU)
    extra["load_after"] = round(os.getloadavg()[0], 1)
    result = {k: r.get(k) for k in KEYS}
    if args.json:
        print(json.dumps(result))
        print(json.dumps(extra, ensure_ascii=False), file=sys.stderr)
        return 0
    print(f"\nIncident Journal benchmark: {n:,} entries, {extra.get('attachments', m):,} attachments")
    p = extra["kdf_params"]
    print(f"Argon2id: {p['memory_mib']} MiB, t={p['iterations']}, p={p['lanes']}")
    print(f"{'figure':<22}{'value':>10}  {'budget':>8}  met")
    for k in KEYS:
        v = result[k]
        b = BUDGET.get(k)
        met = "" if b is None or v is None else ("yes" if v < b else "NO")
        print(f"{k:<22}{'—' if v is None else v:>10}  {'' if b is None else '< ' + str(b):>8}  {met}")
    print("\nper query (matches, median ms):")
    for q, (hits, ms) in extra.pop("queries").items():
        print(f"  {q:<16} {hits:>7} {ms:>8}")
    for k, v in extra.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
