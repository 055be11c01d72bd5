"""Media type of an attachment, sniffed from its first bytes (never trusted from the name)."""

from __future__ import annotations

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"%PDF-", 0, "application/pdf"),
    (b"PK\x03\x04", 0, "application/zip"),
    (b"ID3", 0, "audio/mpeg"),
    (b"OggS", 0, "audio/ogg"),
    (b"\x1aE\xdf\xa3", 0, "video/webm"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"\x00\x00\x01\x00", 0, "image/x-icon"),
    (b"SQLite format 3\x00", 0, "application/vnd.sqlite3"),
)


def sniff(data: bytes) -> str:
    head = data[:64]
    for magic, offset, media in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            return media
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"hevc"):
            return "image/heic"
        if brand.startswith(b"M4A"):
            return "audio/mp4"
        return "video/mp4"
    sample = data[:4096]
    if b"\x00" not in sample:
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            # a multi-byte character cut at the sample's end is still text
            if exc.start < len(sample) - 4:
                return "application/octet-stream"
            text = sample[: exc.start].decode("utf-8")
        stripped = text.lstrip("\ufeff \t\r\n")
        if stripped.startswith(("{", "[")):
            return "application/json"
        if stripped[:5].lower() == "<?xml" or stripped[:4].lower() == "<svg":
            return "image/svg+xml" if "<svg" in stripped[:512].lower() else "application/xml"
        if stripped[:9].lower() == "<!doctype" or stripped[:5].lower() == "<html":
            return "text/html"
        return "text/plain"
    return "application/octet-stream"


def is_image(media_type: str) -> bool:
    return media_type in ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp")
