"""The whoosh-reloaded fix: a missing column is looked up once, not per posting."""

from __future__ import annotations

from pathlib import Path

from whoosh.codec.whoosh3 import W3PerDocReader

from indexer import whoosh_patches


def test_patch_is_applied_on_import() -> None:
    assert W3PerDocReader._cached_reader is whoosh_patches._cached_reader


def test_missing_column_is_remembered(index_dir: Path, monkeypatch) -> None:
    from whoosh import index as whoosh_index

    from indexer import store

    ix = whoosh_index.open_dir(str(store.IndexDir(index_dir).current()))
    with ix.reader() as reader:
        seg = reader.leaf_readers()[0][0]
        perdoc = seg._perdoc
        calls = []
        original = type(perdoc).has_column

        def counting(self, fieldname):
            calls.append(fieldname)
            return original(self, fieldname)

        monkeypatch.setattr(type(perdoc), "has_column", counting)
        column = ix.schema["body"].column_type
        first = [perdoc._cached_reader("no_such_field", column) for _ in range(50)]
        assert first == [None] * 50
        assert calls == ["no_such_field"]
