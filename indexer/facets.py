"""Facet filters and counts over the snapshot's arrays.

Several values of one facet combine with OR, different facets with AND.
Counts are *disjunctive*: a facet is counted with every filter but its own,
so ticking one agency still shows how many hits the others would add, and a
selected value is always listed with its count.  Year and month are counted
without the date range, so the date chart shows where the range sits.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

import numpy as np

from .dates import VN_TZ
from .model import FacetValue
from .places import location_parent
from .schema import NO_TIME
from .snapshot import FacetIndex, Snapshot
from .synonyms import expand_name
from .analysis import fold_term
from .vietnamese import SYLLABLE_RE, fold, has_diacritics, normalize

__all__ = ["FacetFilters", "facet_counts", "resolve_values", "date_mask", "search_values"]

_FIELD_OF = {"agency": "agency", "location": "location", "source": "source", "category": "category"}


def _syllable_keys(value: str) -> tuple[str, str]:
    """(" exact syllables ", " folded syllables "), lower case, space-padded."""
    sylls = [x.lower() for x in SYLLABLE_RE.findall(normalize(value))]
    return " " + " ".join(sylls) + " ", " " + " ".join(fold_term(x) for x in sylls) + " "


def _name_matches(facet: FacetIndex, name: str, prefix: bool) -> list[int]:
    """Values holding ``name``'s words, whole and in order: with its
    diacritics if it has any, in any of its abbreviation spellings.  With
    ``prefix`` the last word may be unfinished (search as you type)."""
    accented = has_diacritics(name)
    spellings = expand_name(name)
    typed = _syllable_keys(name)[0].strip() if accented else None
    hits = []
    for i, value in enumerate(facet.values):
        exact, folded = _syllable_keys(value)
        for spelling in spellings:
            needle = " " + spelling + ("" if prefix else " ")
            if needle not in folded:
                continue
            if typed and spelling == fold(typed):
                if (" " + typed + ("" if prefix else " ")) not in exact:
                    continue
            hits.append(i)
            break
    return hits


def resolve_values(facet: FacetIndex, wanted: Iterable[str]) -> tuple[list[int], list[str]]:
    """Value ids for the names asked for: the exact name, else the values
    holding its words (``location:Hòa`` is not ``Hoàng Mai``).  Returns
    (ids, names not found)."""
    ids: list[int] = []
    missing: list[str] = []
    for name in wanted:
        name = normalize(name).strip()
        if name in facet.ids:
            ids.append(facet.ids[name])
            continue
        hits = _name_matches(facet, name, prefix=False)
        if hits:
            ids.extend(hits)
        else:
            missing.append(name)
    return list(dict.fromkeys(ids)), missing


def date_mask(snapshot: Snapshot, start: date | None, end: date | None) -> np.ndarray | None:
    if start is None and end is None:
        return None
    lo = int(datetime.combine(start, time.min, VN_TZ).timestamp()) if start else NO_TIME + 1
    hi = int(datetime.combine(end, time.max, VN_TZ).timestamp()) if end else 2**62
    return (snapshot.published >= lo) & (snapshot.published <= hi)


class FacetFilters:
    """The request's facet selections as document masks."""

    def __init__(self, snapshot: Snapshot, selections: dict[str, list[str]]) -> None:
        self.snapshot = snapshot
        self.masks: dict[str, np.ndarray] = {}
        self.selected: dict[str, list[int]] = {}
        self.unknown: list[tuple[str, str]] = []
        for facet_name, names in selections.items():
            if not names:
                continue
            facet = snapshot.facets[_FIELD_OF[facet_name]]
            ids, missing = resolve_values(facet, names)
            self.unknown.extend((facet_name, m) for m in missing)
            mask = np.zeros(snapshot.doc_count_all, dtype=bool)
            for value_id in ids:
                mask[facet.docs_of(value_id)] = True
            self.masks[facet_name] = mask
            self.selected[facet_name] = ids

    def combined(self, base: np.ndarray, skip: str | None = None) -> np.ndarray:
        """``base`` and every selection but ``skip``'s, as a new array."""
        mask = base.copy()
        for name, facet_mask in self.masks.items():
            if name != skip:
                mask &= facet_mask
        return mask


#: Places listed under each province, and under each former province.
_CHILDREN = 5
_GRANDCHILDREN = 3


def _top(counts: np.ndarray, candidates: np.ndarray, k: int) -> list[int]:
    """The ``k`` candidates with the highest counts (ties: first value first)."""
    if len(candidates) > k:
        keep = np.argpartition(-counts[candidates], k - 1)[:k]
        candidates = candidates[keep]
    order = np.lexsort((candidates, -counts[candidates]))
    return [int(i) for i in candidates[order]]


def _values(facet: FacetIndex, counts: np.ndarray, selected: list[int], limit: int,
            name: str, parent_ids: np.ndarray | None) -> list[FacetValue]:
    picked = set(selected)
    nonzero = np.flatnonzero(counts)
    if name != "location" or parent_ids is None:
        chosen = _top(counts, nonzero, limit)
        chosen += [i for i in selected if i not in chosen]
        return [FacetValue(facet.values[i], int(counts[i]), i in picked) for i in chosen]
    # Provinces first, each followed by the places inside it (two levels:
    # a former province, then its districts and communes).
    out: list[FacetValue] = []
    # The rest: "show more" asks facet_search, or a larger facet_limit.
    children_shown = (max(_CHILDREN, limit // 6), max(_GRANDCHILDREN, limit // 10))
    has_parent = parent_ids[nonzero]

    def emit(i: int, depth: int) -> None:
        parent = int(parent_ids[i])
        out.append(FacetValue(facet.values[i], int(counts[i]), i in picked,
                              facet.values[parent] if parent >= 0 else None))
        if depth < 2:
            for child in _top(counts, nonzero[has_parent == i], children_shown[depth]):
                emit(child, depth + 1)

    for i in _top(counts, nonzero[parent_ids[nonzero] < 0], limit):
        emit(i, 0)
    shown = {v.value for v in out}
    for i in selected:
        if facet.values[i] not in shown:
            parent = int(parent_ids[i])
            out.append(FacetValue(facet.values[i], int(counts[i]), True,
                                  facet.values[parent] if parent >= 0 else None))
    return out


def location_parent_ids(snapshot: Snapshot) -> np.ndarray:
    """For each location value, the index of its parent value (-1: none),
    from the writer's saved parents (else the gazetteer), once per snapshot."""

    def make() -> np.ndarray:
        facet = snapshot.facets["location"]
        found = np.full(len(facet.values), -1, dtype=np.int64)
        for i, value in enumerate(facet.values):
            known = snapshot.location_parents.get(value)
            parent = (known or None) if known is not None else location_parent(value)
            if parent is not None and parent in facet.ids:
                found[i] = facet.ids[parent]
        return found

    return snapshot.memoized("location_parent_ids", make)


def _month_label(month_index: int) -> str:
    return f"{1970 + month_index // 12:04d}-{month_index % 12 + 1:02d}"


def facet_counts(
    snapshot: Snapshot,
    query_mask: np.ndarray,
    filters: FacetFilters,
    dates: np.ndarray | None,
    limit: int,
    date_from: date | None,
    date_to: date | None,
) -> dict[str, tuple[FacetValue, ...]]:
    """Every facet's values and counts for the hits of ``query_mask``."""
    with_dates = query_mask if dates is None else (query_mask & dates)
    out: dict[str, tuple[FacetValue, ...]] = {}
    for name in ("agency", "location", "source", "category"):
        facet = snapshot.facets[_FIELD_OF[name]]
        mask = filters.combined(with_dates, skip=name)
        docs = np.flatnonzero(mask) if mask.sum() * 8 < len(facet.pair_docs) else None
        counts = facet.counts(mask, docs)
        parents = location_parent_ids(snapshot) if name == "location" else None
        out[name] = tuple(_values(facet, counts, filters.selected.get(name, []), limit, name, parents))
    undated = filters.combined(query_mask) & snapshot.has_time
    months = snapshot.month_index[undated]
    if len(months):
        lo = int(months.min())
        month_counts = np.bincount(months - lo)
    else:
        lo, month_counts = 0, np.zeros(0, dtype=np.int64)
    lo_sel = date_from.year * 12 + date_from.month - 1 - 1970 * 12 if date_from else None
    hi_sel = date_to.year * 12 + date_to.month - 1 - 1970 * 12 if date_to else None
    years: dict[int, int] = {}
    month_values = []
    for offset, count in enumerate(month_counts.tolist()):
        if not count:
            continue
        index = lo + offset
        years[1970 + index // 12] = years.get(1970 + index // 12, 0) + count
        inside = (lo_sel is None or index >= lo_sel) and (hi_sel is None or index <= hi_sel)
        month_values.append(FacetValue(_month_label(index), count, inside and dates is not None))
    year_values = []
    for year, count in sorted(years.items()):
        inside = (date_from is None or year >= date_from.year) and (date_to is None or year <= date_to.year)
        year_values.append(FacetValue(f"{year:04d}", count, inside and dates is not None))
    out["year"] = tuple(year_values)
    out["month"] = tuple(month_values)
    return out


def search_values(snapshot: Snapshot, name: str, mask: np.ndarray, text: str, limit: int) -> list[FacetValue]:
    """Values of facet ``name`` whose name contains ``text`` (any spelling of
    it: ``UBND`` finds ``Ủy ban nhân dân ...``), with counts under ``mask``."""
    facet = snapshot.facets[_FIELD_OF[name]]
    if not SYLLABLE_RE.search(text):
        return []
    ids = _name_matches(facet, text, prefix=True)
    if not ids:
        return []
    counts = facet.counts(mask)
    ids = [i for i in ids if counts[i] > 0]
    ids.sort(key=lambda i: (-int(counts[i]), facet.values[i]))
    return [FacetValue(facet.values[i], int(counts[i])) for i in ids[:limit]]
