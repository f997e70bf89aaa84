"""Bytes to text for article files, with a clear reason when that fails.

A newsroom's dump holds files saved by many tools: UTF-8 with or without a
byte-order mark, UTF-16 from Windows editors, files cut off by a failed copy,
and binaries that only look like text by their name.  Anything we cannot read
with certainty is refused with a reason the user can act on, never guessed.
"""

from __future__ import annotations

import codecs

__all__ = ["ReadFailure", "decode_bytes"]

#: Files above this size are refused: no article is this long, and reading
#: it would hold the whole batch's memory hostage.
MAX_FILE_BYTES = 64 * 1024 * 1024


class ReadFailure(Exception):
    """A file (or one record of it) that cannot be read; the message says why."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse the rest."""
    if not data.strip():
        raise ReadFailure("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadFailure(
                    f"broken {encoding.upper()} text at byte {exc.start}"
                ) from None
            if not text.strip():
                raise ReadFailure("empty file")
            return text
    if b"\x00" in data[:8192]:
        raise ReadFailure("binary data, not text (NUL bytes and no UTF-16 byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.reason == "unexpected end of data":
            raise ReadFailure("truncated: the file ends in the middle of a UTF-8 character") from None
        controls = sum(1 for b in data[:4096] if b < 9 or 13 < b < 32)
        if controls > 16:
            raise ReadFailure("binary data, not text") from None
        raise ReadFailure(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 or UTF-16 with a byte-order mark"
        ) from None
