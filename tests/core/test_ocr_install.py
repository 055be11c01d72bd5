"""The recognition engine as installed: headless OpenCV only, models inside, no download code."""

from __future__ import annotations

import ast
import importlib.util
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

import pytest

NETWORK_MODULES = {"socket", "urllib", "urllib.request", "http", "http.client", "requests",
                   "ftplib", "httpx", "aiohttp", "ssl"}


def test_opencv_is_the_headless_build_without_its_own_qt() -> None:
    with pytest.raises(PackageNotFoundError):
        distribution("opencv-python")  # the GUI build, which ships a second Qt
    assert version("opencv-python-headless")
    import cv2

    folder = Path(cv2.__file__).resolve().parent
    assert not (folder / "qt").exists()
    assert not list(folder.rglob("libQt*")), "OpenCV carries Qt libraries"
    gui = [ln for ln in cv2.getBuildInformation().splitlines() if ln.strip().startswith("GUI:")]
    assert gui and gui[0].split(":", 1)[1].strip() == "NONE"


def test_rapidocr_1_4_4_carries_its_three_models() -> None:
    assert version("rapidocr-onnxruntime") == "1.4.4"
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    assert spec is not None and spec.origin is not None
    models = Path(spec.origin).parent / "models"
    assert sorted(p.name for p in models.glob("*.onnx")) == [
        "ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx",
        "ch_ppocr_mobile_v2.0_cls_infer.onnx"]
    assert all(p.stat().st_size > 100_000 for p in models.glob("*.onnx"))


def test_neither_the_engine_nor_our_recognition_code_imports_anything_for_the_network() -> None:
    import journal.core.ocr

    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    assert spec is not None and spec.origin is not None
    folders = [Path(spec.origin).parent, Path(journal.core.ocr.__file__).parent]
    found: list[str] = []
    for folder in folders:
        for source in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                found += [f"{source.name}: {n}" for n in names
                          if n in NETWORK_MODULES or n.split(".")[0] in NETWORK_MODULES]
    assert found == []
