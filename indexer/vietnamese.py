"""Vietnamese text normalisation: the single place where the engine decides
what "the same text" means.

Everything that compares text (readers, entity extraction, the analyzers at
index and query time, the facet filters) goes through :func:`normalize`, so a
document and a query written in NFD, with the other tone-mark convention or
with odd spacing end up as the same characters.

Tone-mark convention: the engine writes the *traditional* placement used by
most Vietnamese newspapers and keyboards: ``hòa``, ``hòe``, ``thủy``,
``khỏe``, ``lũy``.  The "new" placement (``hoà``, ``thuỷ``, ``khoẻ``) differs
only in open syllables whose vowel nucleus is ``oa``, ``oe`` or ``uy``; those
are rewritten.  Syllables with a final consonant (``hoàng``, ``khuyến``) and
``qu`` + ``y`` (``quý``) are the same in both conventions and stay as they are.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "normalize",
    "normalize_tone_marks",
    "fold",
    "has_diacritics",
    "syllables",
    "SYLLABLE_RE",
]

# Invisible characters that break tokens or equality, and control characters.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Unicode spaces that should be plain spaces, and runs of them.
_ODD_SPACE = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES_RE = re.compile(r"[ " + _ODD_SPACE + r"]{2,}|[" + _ODD_SPACE + r"]")
_EDGE_SPACES_RE = re.compile(r" \n ?|\n ")

# Tone marks on the five plain vowels that can end an "oa/oe/uy" nucleus, in
# NFC, and the same tone on the vowel before it: "à" after "o" becomes "ò".
_TONED = {
    "a": "áàảãạ", "e": "éèẻẽẹ", "y": "ýỳỷỹỵ",
    "A": "ÁÀẢÃẠ", "E": "ÉÈẺẼẸ", "Y": "ÝỲỶỸỴ",
}
_TONED_FIRST = {"o": "óòỏõọ", "u": "úùủũụ", "O": "ÓÒỎÕỌ", "U": "ÚÙỦŨỤ"}
_PLAIN_OF = {ch: (base, i) for base, chars in _TONED.items() for i, ch in enumerate(chars)}
# An open syllable ending in o+toned a/e or u+toned y (new-style placement).
_NEW_STYLE_RE = re.compile(
    r"([oO](?=[" + _TONED["a"] + _TONED["e"] + _TONED["A"] + _TONED["E"] + r"])"
    r"|[uU](?=[" + _TONED["y"] + _TONED["Y"] + r"]))"
    r"([" + "".join(_TONED.values()) + r"])(?![^\W\d_])"
)

#: A run of word characters: how the engine cuts text into syllables.
SYLLABLE_RE = re.compile(r"[^\W_]+")


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.groups()
    if first in "uU" and match.start() > 0 and match.string[match.start() - 1] in "qQ":
        return match.group(0)  # quý: the u belongs to the consonant qu
    base, tone = _PLAIN_OF[second]
    return _TONED_FIRST[first][tone] + base


def normalize_tone_marks(text: str) -> str:
    """Rewrite ``hoà``/``thuỷ`` as ``hòa``/``thủy`` (output NFC)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _NEW_STYLE_RE.sub(_move_tone, text)


def normalize(text: str) -> str:
    """NFC, one tone-mark convention, no invisible or control characters,
    single spaces inside lines.  Newlines are kept (readers need them)."""
    if not text:
        return ""
    text = _INVISIBLE_RE.sub("", text)
    text = _CONTROL_RE.sub(" ", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = normalize_tone_marks(text)
    text = _SPACES_RE.sub(" ", text)
    return _EDGE_SPACES_RE.sub("\n", text).strip(" ")


_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def fold(text: str) -> str:
    """Lower case without any diacritics, ``đ`` as ``d``: what a user types
    on a keyboard without Vietnamese input."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def has_diacritics(text: str) -> bool:
    """True when folding would change more than the case."""
    return fold(text) != text.lower()


def syllables(text: str) -> list[str]:
    """Syllables of normalised text, in order (punctuation dropped)."""
    return SYLLABLE_RE.findall(text)
