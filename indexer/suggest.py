""""Did you mean": diacritics restored to an unaccented query, and spelling.

A reader typing ``khoa hoc cong nghe`` finds the articles (folded fields)
but is shown ``khoa học công nghệ``, the archive's own accented forms,
chosen in context (its titles' syllable pairs, pyvi's compounds).  A query
that finds nothing gets its unknown syllables corrected against the archive's
vocabulary.  The maps are derived from the index's lexicon once per index
generation, saved beside it by the writer and loaded by readers.
"""

from __future__ import annotations

import math
import pickle
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import fold_term, syllable_spans
from .vietnamese import has_diacritics
from .snapshot import Session

__all__ = ["restore_diacritics", "correct_spelling", "write_restore_maps", "build_restore_maps",
           "load_restore_maps", "restore_maps", "RestoreMaps", "TitlePairs", "RESTORE_FILE"]

RESTORE_FILE = "restore.pickle"
_FORMAT = 2
#: Accented forms considered for each folded syllable.
_FORMS_PER_SYLLABLE = 4
#: Weight of context (a pair of syllables seen in titles, a pyvi compound)
#: against a form's own frequency.
_PAIR_WEIGHT = 3.0
_WORD_BONUS = 4.0
#: The most frequent title pairs kept (a large archive has hundreds of
#: thousands, mostly seen once; loading them all costs the first query).
_MAX_PAIRS = 60_000


@dataclass
class RestoreMaps:
    """What the archive says about accents: frequent forms of each folded
    syllable, its compounds, and pairs of syllables seen in its titles."""

    forms: dict[str, list[tuple[str, int]]]  # "bao" -> [("bảo", 900), ("bão", 300), ...]
    words: dict[str, str]  # "khoa_hoc" -> "khoa_học"
    pairs: dict[str, tuple[str, int]]  # "bao so" -> ("bão số", 42)


def _forms(reader: Any) -> dict[str, list[tuple[str, int]]]:
    forms: dict[str, list[tuple[str, int]]] = {}
    for raw, info in reader.iter_field("body"):  # the marked forms
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        forms.setdefault(fold_term(text), []).append((text, info.doc_frequency()))
    for folded, marked in forms.items():
        # The unmarked form itself ("ma", a ghost) is an option too; the index
        # keeps no exact terms for it, so estimate its use from the folded one.
        unmarked = reader.doc_frequency("body_f", folded) - max(df for _, df in marked)
        if unmarked > 0:
            marked.append((folded, unmarked))
    return {k: sorted(v, key=lambda f: -f[1])[:_FORMS_PER_SYLLABLE] for k, v in forms.items()}


def _words(reader: Any) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for raw, info in reader.iter_field("words"):
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        folded = "_".join(fold_term(p) for p in text.split("_"))
        freq = info.doc_frequency()
        if folded not in best or best[folded][0] < freq:
            best[folded] = (freq, text)
    return {k: v for k, (_, v) in best.items() if k != v}


class TitlePairs:
    """Syllable pairs of titles, counted as articles go by (the writer sees
    every title anyway; reading them back from the index costs more)."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}

    def observe(self, title: str) -> None:
        sylls = [x for x, _, _ in syllable_spans(title)]
        for a, b in zip(sylls, sylls[1:]):
            key = fold_term(a) + " " + fold_term(b)
            self.counts.setdefault(key, Counter())[a + " " + b] += 1

    def add_known(self, pairs: dict[str, tuple[str, int]]) -> None:
        """Count pairs already in a saved map (an ``add`` extends them)."""
        for key, (pair, count) in pairs.items():
            self.counts.setdefault(key, Counter())[pair] += count

    def best(self) -> dict[str, tuple[str, int]]:
        best = {}
        for key, seen in self.counts.items():
            pair, count = seen.most_common(1)[0]
            if pair != key:
                best[key] = (pair, count)
        if len(best) > _MAX_PAIRS:
            best = dict(sorted(best.items(), key=lambda item: -item[1][1])[:_MAX_PAIRS])
        return best


def _title_pairs(reader: Any) -> dict[str, tuple[str, int]]:
    pairs = TitlePairs()
    for docnum in range(reader.doc_count_all()):
        if not reader.is_deleted(docnum):
            pairs.observe(reader.stored_fields(docnum).get("title", ""))
    return pairs.best()


def build_restore_maps(reader: Any) -> RestoreMaps:
    return RestoreMaps(_forms(reader), _words(reader), _title_pairs(reader))


def write_restore_maps(folder: Path, reader: Any, titles: TitlePairs | None = None,
                       extends: RestoreMaps | None = None) -> None:
    """Save the maps of the index ``reader`` reads.

    ``titles`` are the pairs of the titles just written: with them, a build
    need not read every title back.  An ``add`` passes the maps it
    ``extends``: the syllable forms are read again (a second or two), the
    compounds kept (reading them all costs ten), the title pairs counted on.
    """
    if extends is not None and titles is not None:
        titles.add_known(extends.pairs)
        maps = RestoreMaps(_forms(reader), extends.words, titles.best())
    elif titles is not None:
        maps = RestoreMaps(_forms(reader), _words(reader), titles.best())
    else:
        maps = build_restore_maps(reader)
    tmp = folder / f".{RESTORE_FILE}.tmp"
    with tmp.open("wb") as fh:
        pickle.dump((_FORMAT, maps), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(folder / RESTORE_FILE)


def load_restore_maps(folder: Path) -> RestoreMaps | None:
    """The maps the writer saved in ``folder``, or None."""
    try:
        with (folder / RESTORE_FILE).open("rb") as fh:
            version, maps = pickle.load(fh)  # noqa: S301 - our own file, written by the indexer
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    return maps if version == _FORMAT and isinstance(maps, RestoreMaps) else None


def restore_maps(session: Session) -> RestoreMaps:
    """The snapshot's did-you-mean maps: saved by the writer, else built."""
    snapshot = session.snapshot
    return snapshot.memoized("restore", lambda: load_restore_maps(snapshot.folder)
                             or build_restore_maps(session.reader))


def restore_diacritics(session: Session, syllables: list[str]) -> str | None:
    """The query with its diacritics restored, or None if nothing changes.

    A small Viterbi search: each syllable may take any of its frequent
    accented forms; a form scores by its frequency, a pair of forms by how
    often the archive's titles put them side by side, and by pyvi compounds
    (``bao so 3`` → ``bão số 3``, not the more frequent syllables ``bảo sở``).
    """
    if not syllables:
        return None
    maps = restore_maps(session)
    folded = [fold_term(s) for s in syllables]
    options: list[list[tuple[str, float]]] = []
    for typed, key in zip(syllables, folded):
        forms = maps.forms.get(key) or [(typed, 1)]
        options.append([(form, math.log1p(df)) for form, df in forms])
    # best[i][j]: (score, back pointer) of form j at position i
    best: list[list[tuple[float, int]]] = [[(score, -1) for _, score in options[0]]]
    for i in range(1, len(options)):
        row = []
        for form, own in options[i]:
            candidates = []
            for j, (prev, _) in enumerate(options[i - 1]):
                link = 0.0
                pair = maps.pairs.get(folded[i - 1] + " " + folded[i])
                if pair and pair[0] == prev + " " + form:
                    link += _PAIR_WEIGHT * math.log1p(pair[1])
                if maps.words.get(folded[i - 1] + "_" + folded[i]) == prev + "_" + form:
                    link += _WORD_BONUS
                candidates.append((best[i - 1][j][0] + own + link, j))
            row.append(max(candidates))
        best.append(row)
    j = max(range(len(best[-1])), key=lambda k: best[-1][k][0])
    chosen = []
    for i in range(len(options) - 1, -1, -1):
        chosen.append(options[i][j][0])
        j = best[i][j][1]
    restored = " ".join(reversed(chosen))
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
    changed = False
    out = []
    for syll in syllables:
        folded = fold_term(syll)
        if reader.doc_frequency("body_f", folded) > 0 or not folded.isalpha():
            out.append(syll)
            continue
        # A typo with diacritics is corrected among the exact (marked) forms,
        # so the reader's diacritics stay; one without, among folded forms.
        marked = accented and folded != syll
        found = _nearest(reader, "body" if marked else "body_f", syll if marked else folded)
        out.append(found or syll)
        changed = changed or found is not None
    return " ".join(out) if changed else None
