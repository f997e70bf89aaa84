"""The location facet's hierarchy: today's 34 provinces at the top, a former
province (before the 2025 reorganisation) inside the one it joined, and the
districts, communes and wards inside their province.

Indexing an article under every level it belongs to is what lets a reader
choose today's Ninh Bình and also find the 2023 articles about Nam Định.
"""

from __future__ import annotations

from functools import lru_cache

from .model import Article

__all__ = ["location_values", "location_parent"]


def location_values(article: Article) -> list[str]:
    """The location facet terms of an article: its places and every province
    they roll up to."""
    from .entities import location_province, province_rollup

    values: dict[str, None] = {}
    for place in [*article.locations, *article.provinces]:
        values[place] = None
        province = location_province(place)
        if province:
            values[province] = None
            values[province_rollup(province)] = None
    return list(values)


@lru_cache(maxsize=65536)
def location_parent(value: str) -> str | None:
    """The facet value one level up, or None for a top-level province."""
    from .entities import location_province, province_rollup

    province = location_province(value)
    if province is None:
        return None
    if province != value:
        return province
    current = province_rollup(value)
    return None if current == value else current
