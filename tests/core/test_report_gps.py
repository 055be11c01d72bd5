"""No capture metadata (EXIF, GPS, XMP) leaves the journal inside a picture of a report.

The photos attached here carry EXIF (device, capture time, GPS) and an XMP packet with the same
position; the journal keeps them unchanged (evidence). A redacted PDF and a redacted evidence
package draw no pictures at all (and the package leaves the originals out); a full PDF draws them
re-encoded, and the pictures pypdf extracts back from it hold no EXIF, GPS or XMP either.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader

from journal.core.models import EntryDraft
from journal.core.package import build_package
from journal.core.report.options import ReportOptions
from journal.core.report.pdf import build_pdf

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
       b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="31,14.08N" '
       b'exif:GPSLongitude="121,28.17E"/></rdf:RDF></x:xmpmeta>')


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7"  # model
    exif[0x0132] = "2024:03:05 14:32:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (31.0, 14.0, 5.0), "E", (121.0, 28.0, 10.0)
    return exif


def _photo(fmt: str) -> bytes:
    img = Image.new("RGB", (640, 480), (40, 90, 160))
    for x in range(0, 640, 40):
        img.paste((230, 200, 60), (x, 100, x + 20, 380))
    out = io.BytesIO()
    if fmt == "JPEG":
        img.save(out, "JPEG", exif=_exif(), xmp=XMP, quality=90)
    else:
        img.save(out, "PNG", exif=_exif())
    return out.getvalue()


def _journal_with_photos(journal: Any) -> list[bytes]:
    entry = journal.add_entry(EntryDraft(kind="note", summary="Photos of the harbour"))
    originals = [_photo("JPEG"), _photo("PNG")]
    for i, data in enumerate(originals):
        journal.add_attachment(entry_id=entry.id, data=data,
                               filename=f"photo{i}.{'jpg' if i == 0 else 'png'}")
    return originals


def _has_gps(data: bytes) -> bool:
    return Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825) != {}


def _embedded_pictures(pdf: PdfReader) -> list[bytes]:
    """The bytes of every picture as stored in the PDF (a JPEG's stream is the JPEG file itself;
    pypdf's ``page.images`` re-encodes, which would hide what the file really holds)."""
    out = []
    for page in pdf.pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        for ref in (xobjects.get_object().values() if xobjects else []):
            xobj = ref.get_object()
            if xobj.get("/Subtype") == "/Image":
                filters = xobj.get("/Filter")
                out.append(xobj._data if filters in ("/DCTDecode", ["/DCTDecode"])
                           else xobj.get_data())
    return out


def _assert_clean_pictures(pdf: PdfReader) -> int:
    pictures = _embedded_pictures(pdf)
    for data in pictures:
        with Image.open(io.BytesIO(data)) as img:
            assert not img.getexif(), "EXIF in a picture of the PDF"
            assert "xmp" not in img.info and "exif" not in img.info
        assert b"GPS" not in data and b"Exif" not in data and b"Pixel 7" not in data
    return len(pictures)


def test_the_photos_kept_in_the_journal_still_carry_their_gps(journal: Any) -> None:
    originals = _journal_with_photos(journal)
    kept = [journal.attachment_data(a.id) for a in journal.list_attachments()]
    assert sorted(kept) == sorted(originals)
    assert all(_has_gps(data) for data in kept)


def test_pictures_drawn_in_a_pdf_carry_no_exif_gps_or_xmp(journal: Any, tmp_path: Path) -> None:
    _journal_with_photos(journal)
    out = tmp_path / "report.pdf"
    build_pdf(journal, out, ReportOptions(lang="en"))
    assert _assert_clean_pictures(PdfReader(out)) == 2


def test_a_redacted_pdf_draws_no_picture_and_says_so(journal: Any, tmp_path: Path) -> None:
    _journal_with_photos(journal)
    out = tmp_path / "redacted.pdf"
    build_pdf(journal, out, ReportOptions(lang="en", redact=True))
    reader = PdfReader(out)
    assert _assert_clean_pictures(reader) == 0
    assert b"GPS" not in out.read_bytes()
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    assert "photo0.jpg" in text and "photo1.png" in text  # listed with their SHA-256


def test_pictures_in_the_redacted_evidence_package_carry_no_exif_or_gps(journal: Any,
                                                                       tmp_path: Path) -> None:
    originals = _journal_with_photos(journal)
    out = tmp_path / "package.zip"
    build_package(journal, out, ReportOptions(lang="zh", redact=True))
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        pdfs = [n for n in names if n.endswith(".pdf")]
        assert len(pdfs) == 1
        assert _assert_clean_pictures(PdfReader(io.BytesIO(zf.read(pdfs[0])))) == 0
        for name in names:  # no original photo anywhere in the redacted package
            assert zf.read(name) not in originals
