"""The one fix this project makes to whoosh-reloaded 2.7.5 (pinned, and no
longer maintained), applied when the core is imported.

``W3PerDocReader._cached_reader`` caches the column readers it finds but not
the columns it does not: for a field without stored lengths (all our text
fields: ranking keeps its own), every posting Whoosh writes asks the file
system whether the column exists, one ``stat`` call each, a quarter of an
index build's time.  The patched method remembers the answer either way.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3PerDocReader

__all__ = ["apply"]

_MISSING = object()


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def apply() -> None:
    W3PerDocReader._cached_reader = _cached_reader


apply()
