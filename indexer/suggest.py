""""Did you mean": diacritics restored to an unaccented query, and spelling.

A reader typing ``khoa hoc cong nghe`` finds the articles (folded fields)
but is shown ``khoa học công nghệ``, the archive's own most frequent
accented form: compound words first (pyvi's words), then syllables.  A query
that finds nothing gets its unknown syllables corrected against the archive's
vocabulary.  The maps are derived from the index's lexicon once per index
generation, saved beside it by the writer and loaded by readers.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from .analysis import fold_term
from .vietnamese import has_diacritics
from .snapshot import Session

__all__ = ["restore_diacritics", "correct_spelling", "write_restore_maps", "RESTORE_FILE"]

RESTORE_FILE = "restore.pickle"
_MAX_WORD = 4


def _best_forms(reader: Any, field: str, key: Any) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for raw, info in reader.iter_field(field):
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        folded = key(text)
        freq = info.doc_frequency()
        if folded not in best or best[folded][0] < freq:
            best[folded] = (freq, text)
    return {k: v for k, (_, v) in best.items() if k != v}


def build_restore_maps(reader: Any) -> tuple[dict[str, str], dict[str, str]]:
    """(folded syllable → accented syllable, folded compound → accented compound)."""
    sylls = _best_forms(reader, "body", fold_term)
    words = _best_forms(reader, "words", lambda w: "_".join(fold_term(p) for p in w.split("_")))
    return sylls, words


def write_restore_maps(folder: Path, reader: Any) -> None:
    tmp = folder / f".{RESTORE_FILE}.tmp"
    with tmp.open("wb") as fh:
        pickle.dump(build_restore_maps(reader), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(folder / RESTORE_FILE)


def _maps(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    memo = session.snapshot.memo
    maps = memo.get("restore")
    if maps is None:
        path = session.snapshot.folder / RESTORE_FILE
        try:
            with path.open("rb") as fh:
                maps = pickle.load(fh)  # noqa: S301 - our own file, written by the indexer
        except (OSError, pickle.UnpicklingError, EOFError):
            maps = build_restore_maps(session.reader)
        memo["restore"] = maps
    return maps


def restore_diacritics(session: Session, syllables: list[str]) -> str | None:
    """The query with its diacritics restored, or None if nothing changes."""
    if not syllables:
        return None
    syll_map, word_map = _maps(session)
    folded = [fold_term(s) for s in syllables]
    out: list[str] = []
    i = 0
    while i < len(folded):
        for size in range(min(_MAX_WORD, len(folded) - i), 1, -1):
            word = word_map.get("_".join(folded[i : i + size]))
            if word:
                out.extend(word.split("_"))
                i += size
                break
        else:
            out.append(syll_map.get(folded[i], syllables[i]))
            i += 1
    restored = " ".join(out)
    return None if restored == " ".join(syllables) else restored


def _nearest(reader: Any, field: str, word: str) -> str | None:
    """The most frequent term of ``field`` one edit from ``word``, else two
    (for longer words): the nearest first, then the most used."""
    for maxdist in (1, 2) if len(word) > 4 else (1,):
        found = list(reader.terms_within(field, word, maxdist, prefix=1))
        if found:
            return max(found, key=lambda t: (reader.doc_frequency(field, t), t))
    return None


def correct_spelling(session: Session, syllables: list[str], accented: bool | None = None) -> str | None:
    """Unknown syllables replaced by the nearest frequent one, or None.

    An accented query is corrected against the exact vocabulary, so the
    reader's diacritics stay; an unaccented one against the folded one.
    """
    if accented is None:
        accented = has_diacritics(" ".join(syllables))
    reader = session.reader
    field = "body" if accented else "body_f"
    changed = False
    out = []
    for syll in syllables:
        term = syll if accented else fold_term(syll)
        if reader.doc_frequency(field, term) > 0 or not term.isalpha():
            out.append(syll)
            continue
        found = _nearest(reader, field, term)
        out.append(found or syll)
        changed = changed or found is not None
    return " ".join(out) if changed else None
