"""Recognition at arm's length: the parent side of :mod:`journal.core.ocr.child`.

A :class:`Recogniser` starts one child process (a fresh interpreter without the passphrase
variables, one ONNX Runtime thread, an address-space limit) and hands it one picture at a time.
The parent waits for each answer with a time limit, polls ``cancelled()`` while it waits and
kills the child on cancel, time-out or a stop; a crash, a limit or an answer that is not the
expected JSON becomes an :class:`~journal.core.errors.ImportFormatError` in the user's language.
Pictures travel through a pipe: nothing is written to disk.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import IO, Any, Self

from journal.core.childproc import NO_CONSOLE
from journal.core.errors import ImportFormatError, JournalError
from journal.core.i18n import register

log = logging.getLogger(__name__)

CHILD_FLAG = "--journal-ocr-child"  # the frozen app runs the child when given this
SECRET_VARIABLES = ("JOURNAL_PASSPHRASE", "JOURNAL_NEW_PASSPHRASE")

register({
    "ocr.not_image": {
        "en": "“{name}” is not a picture that can be read (it may be damaged or cut short). "
        "Choose the screenshot file itself. Nothing was added to the journal.",
        "zh": "“{name}”不是可以读取的图片（可能已损坏或不完整）。请选择截图文件本身。"
        "日志中没有添加任何内容。",
    },
    "ocr.too_large": {
        "en": "“{name}” is too large to read ({limit} million pixels at most; a phone screenshot "
        "has a few million). Choose the screenshot itself. Nothing was added to the journal.",
        "zh": "“{name}”太大，无法读取（最多 {limit} 百万像素；手机截图通常只有几百万像素）。"
        "请选择截图本身。日志中没有添加任何内容。",
    },
    "ocr.memory": {
        "en": "Reading “{name}” needed more than {limit_mb} MB of memory and was stopped. The "
        "picture may be damaged or made to harm the app. Nothing was added to the journal.",
        "zh": "读取“{name}”需要超过 {limit_mb} MB 的内存，已被停止。这张图片可能已损坏，或是被故意"
        "制作来损害本应用。日志中没有添加任何内容。",
    },
    "ocr.timeout": {
        "en": "Reading “{name}” took longer than {seconds} seconds and was stopped. The picture "
        "may be damaged or made to harm the app. Nothing was added to the journal.",
        "zh": "读取“{name}”超过了 {seconds} 秒，已被停止。这张图片可能已损坏，或是被故意制作来"
        "损害本应用。日志中没有添加任何内容。",
    },
    "ocr.crashed": {
        "en": "Reading “{name}” failed: the text recognition stopped unexpectedly. The picture "
        "may be damaged. Nothing was added to the journal.",
        "zh": "读取“{name}”失败：文字识别意外停止。这张图片可能已损坏。日志中没有添加任何内容。",
    },
    "ocr.unavailable": {
        "en": "Text recognition cannot start: its engine (rapidocr-onnxruntime) is missing or "
        "broken in this installation. Reinstall Incident Journal. Nothing was added to the journal.",
        "zh": "文字识别无法启动：本安装中缺少识别引擎（rapidocr-onnxruntime）或它已损坏。"
        "请重新安装“事件日志”。日志中没有添加任何内容。",
    },
    "ocr.cancelled": {
        "en": "Reading the screenshots was cancelled. Nothing was added to the journal.",
        "zh": "已取消读取截图。日志中没有添加任何内容。",
    },
})


class OcrCancelled(JournalError):
    key = "ocr.cancelled"


@dataclass(frozen=True)
class OcrLimits:
    memory_bytes: int = 2 * 1024**3  # the engine needs 0.5–0.8 GB per screenshot
    seconds: float = 120.0  # per picture (about 1 s on an idle core)
    start_seconds: float = 120.0  # loading the models

    @classmethod
    def from_environment(cls) -> OcrLimits:
        """The defaults, lowered (never raised) by JOURNAL_OCR_MEMORY_MB / JOURNAL_OCR_SECONDS."""
        base = cls()
        try:
            mb = int(os.environ.get("JOURNAL_OCR_MEMORY_MB", "0"))
            seconds = float(os.environ.get("JOURNAL_OCR_SECONDS", "0"))
        except ValueError:
            return base
        return cls(
            memory_bytes=min(base.memory_bytes, mb * 2**20) if mb > 0 else base.memory_bytes,
            seconds=min(base.seconds, seconds) if seconds > 0 else base.seconds,
            start_seconds=base.start_seconds,
        )


def child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG]
    return [sys.executable, "-m", "journal.core.ocr.child"]


def child_environment(limits: OcrLimits) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
    env.update({"JOURNAL_OCR_MEMORY_BYTES": str(limits.memory_bytes), "OMP_NUM_THREADS": "1",
                "PYTHONIOENCODING": "utf-8"})
    return env


class Recogniser:
    """One recognition child; ``with Recogniser() as r: r.recognise(name, data)``."""

    def __init__(self, limits: OcrLimits | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.limits = limits or OcrLimits.from_environment()
        self._cancelled = cancelled or (lambda: False)
        self._proc: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[bytes | None] = queue.Queue()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _start(self, name: str) -> subprocess.Popen[bytes]:
        try:
            proc = subprocess.Popen(
                child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, env=child_environment(self.limits),
                creationflags=NO_CONSOLE,
            )
        except OSError:
            log.exception("recognition child could not start")
            raise ImportFormatError("ocr.unavailable") from None
        assert proc.stdout is not None and proc.stderr is not None
        threading.Thread(target=self._pump, args=(proc.stdout,), daemon=True).start()
        threading.Thread(target=_drain, args=(proc.stderr,), daemon=True).start()
        self._proc = proc
        ready = self._wait(name, self.limits.start_seconds)
        if ready is None or not ready.startswith(b'{"ready"'):
            code = self._stop()
            log.error("recognition child did not start (exit %s)", code)
            raise ImportFormatError("ocr.unavailable")
        return proc

    def _pump(self, stream: IO[bytes]) -> None:
        for line in iter(stream.readline, b""):
            self._answers.put(line)
        self._answers.put(None)

    def _wait(self, name: str, seconds: float) -> bytes | None:
        waited = 0.0
        while True:
            if self._cancelled():
                self._stop()
                raise OcrCancelled()
            try:
                return self._answers.get(timeout=0.1)
            except queue.Empty:
                waited += 0.1
                if waited >= seconds:
                    self._stop()
                    raise ImportFormatError("ocr.timeout", name=name,
                                            seconds=int(seconds)) from None

    def _stop(self, graceful: bool = False) -> int | None:
        """End the child: on ``graceful``, by closing its input (it then exits by itself)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if graceful and proc.stdin is not None:
            try:
                proc.stdin.close()
                proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        if proc.poll() is None:
            proc.kill()
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        self._answers = queue.Queue()
        return code

    @property
    def pid(self) -> int | None:
        """The running child's process id (None when no child runs)."""
        return self._proc.pid if self._proc is not None else None

    def close(self) -> None:
        self._stop(graceful=True)

    def recognise(self, name: str, data: bytes) -> dict[str, Any]:
        """The child's answer for one picture: ``{"width", "height", "lines": [...]}``."""
        proc = self._proc or self._start(name)
        assert proc.stdin is not None
        try:
            proc.stdin.write(struct.pack(">Q", len(data)) + data)
            proc.stdin.flush()
        except OSError:
            pass  # the child died; its exit is read below
        line = self._wait(name, self.limits.seconds)
        if line is None:
            code = self._stop()
            log.error("recognition child stopped (exit %s)", code)
            if code is not None and code in (-9, 137) or code == -6:
                raise ImportFormatError("ocr.memory", name=name,
                                        limit_mb=self.limits.memory_bytes // 2**20)
            raise ImportFormatError("ocr.crashed", name=name)
        try:
            answer = json.loads(line)
        except ValueError:
            self._stop()
            raise ImportFormatError("ocr.crashed", name=name) from None
        return _checked(answer, name)


def _checked(answer: Any, name: str) -> dict[str, Any]:
    """The child is trusted no further than its JSON: check every field."""
    if not isinstance(answer, dict):
        raise ImportFormatError("ocr.crashed", name=name)
    if answer.get("ok") is not True:
        error = answer.get("error")
        if error == "too_large":
            raise ImportFormatError("ocr.too_large", name=name, limit=40)
        if error == "memory":
            raise ImportFormatError("ocr.memory", name=name, limit_mb=0)
        raise ImportFormatError("ocr.not_image", name=name)
    width, height, lines = answer.get("width"), answer.get("height"), answer.get("lines")
    if not (isinstance(width, int) and isinstance(height, int) and isinstance(lines, list)):
        raise ImportFormatError("ocr.crashed", name=name)
    clean: list[dict[str, Any]] = []
    for item in lines:
        try:
            text = item["text"]
            box = [int(v) for v in item["box"]]
            colour = [int(v) for v in item["colour"]]
            score = float(item["score"])
        except (KeyError, TypeError, ValueError):
            raise ImportFormatError("ocr.crashed", name=name) from None
        if not isinstance(text, str) or len(box) != 4 or len(colour) != 3:
            raise ImportFormatError("ocr.crashed", name=name)
        clean.append({"text": text[:2000], "box": box, "colour": colour, "score": score})
    exif: dict[str, Any] = {}
    raw = answer.get("exif")
    if isinstance(raw, dict):
        if isinstance(raw.get("time"), str):
            exif["time"] = raw["time"][:40]
        if isinstance(raw.get("device"), str):
            exif["device"] = raw["device"][:100]
        gps = raw.get("gps")
        if (isinstance(gps, list) and len(gps) == 2
                and all(isinstance(v, (int, float)) for v in gps)
                and -90 <= gps[0] <= 90 and -180 <= gps[1] <= 180):
            exif["gps"] = [float(gps[0]), float(gps[1])]
    return {"width": width, "height": height, "lines": clean, "exif": exif}


def _drain(stream: IO[bytes]) -> None:
    """Read the child's standard error and drop it (it may quote a picture's text)."""
    for _ in iter(lambda: stream.read(4096), b""):
        pass
