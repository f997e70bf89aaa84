from __future__ import annotations

import codecs

import pytest

from indexer.readers.decode import ReadFailure, decode_bytes

TEXT = "Sở Khoa học và Công nghệ tỉnh Nam Định"


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT.encode("utf-16"),
     codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_supported_encodings(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (codecs.BOM_UTF8 + b"  ", "empty file"),
        (b"\x00\x01\x02binary\x00\xff" * 20, "binary"),
        ("Bài viết bị cắt ở giữa chữ ạ".encode("utf-8")[:-1], "truncated"),
        (TEXT.encode("cp1258", errors="replace"), "not UTF-8"),
        ("Café".encode("latin-1") + b" and more", "not UTF-8"),
    ],
    ids=["empty", "blank", "bom-only", "binary", "truncated", "cp1258", "latin-1"],
)
def test_refusals_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(ReadFailure, match=reason):
        decode_bytes(data)
