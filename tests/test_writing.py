"""Writing the index: build a new generation, add to it, delete from it,
while readers keep answering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer import writing
from indexer.engine import Engine
from indexer.errors import IndexUnavailable
from indexer.model import SearchRequest
from indexer.store import CURRENT, IndexBusy, IndexDir, IndexError_, IndexMissing

LONG = (
    " Lực lượng chức năng đã huy động người và phương tiện hỗ trợ người dân di dời tài sản đến nơi an toàn,"
    " đồng thời kiểm tra các khu vực có nguy cơ sạt lở để cảnh báo kịp thời."
)

FLOOD = {
    "id": "lu-quet",
    "title": "Lũ quét ở vùng cao Bát Xát",
    "body": "Mưa lớn kéo dài gây lũ quét tại huyện Bát Xát, tỉnh Lào Cai." + LONG,
    "published": "2023-08-04T07:45:00+07:00",
    "source": "Báo Thử",
}
DROUGHT = {
    "id": "han-man",
    "title": "Hạn mặn đe dọa vườn cây ăn trái",
    "body": "Nhiều nhà vườn ở huyện Phong Điền, thành phố Cần Thơ chủ động trữ nước ngọt." + LONG,
    "published": "2023-03-10T08:00:00+07:00",
    "source": "Báo Thử",
}
VACCINE = {
    "id": "vac-xin",
    "title": "Tiêm vắc xin cho công nhân khu công nghiệp",
    "body": "Sở Y tế tỉnh Nghệ An tổ chức tiêm vắc xin cho công nhân các khu công nghiệp." + LONG,
    "published": "2021-08-14T18:25:00+07:00",
    "source": "Báo Thử",
}


def ids(results) -> list[str]:
    return [h.id for h in results.hits]


def search(engine: Engine, query: str) -> list[str]:
    return ids(engine.search(SearchRequest(query=query, per_page=100, facets=False)))


@pytest.fixture()
def sources(tmp_path: Path, write_jsonl):
    """JSON Lines files of one article each, by name."""
    return {
        name: write_jsonl(tmp_path / "src" / f"{name}.jsonl", [record])
        for name, record in (("flood", FLOOD), ("drought", DROUGHT), ("vaccine", VACCINE))
    }


@pytest.fixture()
def ix(tmp_path: Path, sources) -> Path:
    """An index of the flood and drought articles."""
    path = tmp_path / "ix"
    writing.build(path, [sources["flood"], sources["drought"]], progress=False)
    return path


# -- build ---------------------------------------------------------------------------------
def test_build_then_search(tmp_path: Path, sources) -> None:
    path = tmp_path / "ix"
    result = writing.build(path, [sources["flood"], sources["drought"]], progress=False)
    assert result.report.articles == 2 and result.report.errors == []
    assert result.index_articles == 2
    assert result.generation == "gen-000001"
    assert result.seconds > 0
    store = IndexDir(path)
    assert store.current_name() == "gen-000001"
    assert store.info()["articles"] == 2
    engine = Engine(str(path))
    try:
        assert search(engine, "lũ quét") == ["lu-quet"]
        assert search(engine, "han man") == ["han-man"]
        article = engine.get("lu-quet")
        assert article is not None and article.title == FLOOD["title"]
        assert "Lào Cai" in article.provinces
    finally:
        engine.close()


def test_building_again_keeps_the_old_index_live_until_the_switch(ix: Path, sources, monkeypatch) -> None:
    old = Engine(str(ix), refresh_seconds=3600)
    assert search(old, "vắc xin") == []
    seen_before_switch: dict[str, object] = {}
    real_switch = IndexDir.switch_to

    def spy(self: IndexDir, folder: Path, info: dict) -> None:
        # The new generation is complete on disk but not live yet: a reader
        # opening the index now still gets the old one.
        seen_before_switch["current"] = self.current_name()
        fresh = Engine(str(ix))
        try:
            seen_before_switch["flood"] = search(fresh, "lũ quét")
            seen_before_switch["vaccine"] = search(fresh, "vắc xin")
        finally:
            fresh.close()
        real_switch(self, folder, info)

    monkeypatch.setattr(IndexDir, "switch_to", spy)
    result = writing.build(ix, [sources["vaccine"]], progress=False)
    assert result.generation == "gen-000002"
    assert seen_before_switch == {"current": "gen-000001", "flood": ["lu-quet"], "vaccine": []}
    try:
        # The open engine keeps its snapshot (the old generation is kept for it)...
        assert IndexDir(ix).generations() == ["gen-000001", "gen-000002"]
        assert search(old, "lũ quét") == ["lu-quet"]
        assert old.get("lu-quet") is not None
        # ...and sees the new index once it refreshes.
        old.refresh_seconds = 0
        assert search(old, "vắc xin") == ["vac-xin"]
        assert search(old, "lũ quét") == []
        assert old.get("lu-quet") is None
        assert old.stats()["generation"] == "gen-000002"
    finally:
        old.close()


def test_a_third_build_removes_the_oldest_generation(ix: Path, sources) -> None:
    writing.build(ix, [sources["vaccine"]], progress=False)
    writing.build(ix, [sources["flood"]], progress=False)
    assert IndexDir(ix).generations() == ["gen-000002", "gen-000003"]
    assert IndexDir(ix).current_name() == "gen-000003"


@pytest.mark.parametrize("bad", ["empty", "binary", "nothing"])
def test_build_with_no_readable_article_raises_and_changes_nothing(ix: Path, tmp_path: Path, bad: str) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    if bad == "empty":
        (folder / "empty.txt").write_text("")
    elif bad == "binary":
        (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 30)
    before = sorted(p.name for p in ix.iterdir())
    engine = Engine(str(ix), refresh_seconds=0)
    try:
        with pytest.raises(IndexError_, match="no articles could be read; the index was not changed"):
            writing.build(ix, [folder], progress=False)
        assert sorted(p.name for p in ix.iterdir()) == before
        assert IndexDir(ix).current_name() == "gen-000001"
        assert search(engine, "lũ quét") == ["lu-quet"]
    finally:
        engine.close()


def test_build_with_no_readable_article_into_a_new_folder_makes_no_index(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    path = tmp_path / "ix"
    with pytest.raises(IndexError_):
        writing.build(path, [tmp_path / "empty.txt"], progress=False)
    assert IndexDir(path).current_name() is None
    assert IndexDir(path).generations() == []
    with pytest.raises(IndexUnavailable, match="no CURRENT file"):
        Engine(str(path))


def test_a_build_that_fails_half_way_leaves_the_old_index(ix: Path, sources, monkeypatch) -> None:
    real_ingest = writing.ingest

    def ingest_then_die(*args, **kwargs):
        for n, article in enumerate(real_ingest(*args, **kwargs)):
            if n == 1:
                raise KeyboardInterrupt  # Ctrl-C in the middle of the build
            yield article

    monkeypatch.setattr(writing, "ingest", ingest_then_die)
    with pytest.raises(KeyboardInterrupt):
        writing.build(ix, [sources["vaccine"], sources["flood"]], progress=False)
    assert IndexDir(ix).generations() == ["gen-000001"]
    assert IndexDir(ix).current_name() == "gen-000001"
    engine = Engine(str(ix))
    try:
        assert search(engine, "lũ quét") == ["lu-quet"]
    finally:
        engine.close()


def test_a_killed_builds_leftover_is_removed_by_the_next_build(ix: Path, sources) -> None:
    leftover = ix / "gen-000002"
    leftover.mkdir()
    (leftover / "half-written.seg").write_bytes(b"\x00" * 10)
    result = writing.build(ix, [sources["vaccine"]], progress=False)
    assert result.generation == "gen-000002"
    assert not (ix / "gen-000002" / "half-written.seg").exists()
    assert IndexDir(ix).current_name() == "gen-000002"


def test_build_refuses_a_folder_holding_other_files(tmp_path: Path, sources) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(IndexError_, match="holds other files"):
        writing.build(tmp_path, [sources["flood"]], progress=False)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert not (tmp_path / CURRENT).exists()


def test_build_while_another_writer_holds_the_lock_is_busy(ix: Path, sources) -> None:
    with IndexDir(ix).write_lock():
        with pytest.raises(IndexBusy):
            writing.build(ix, [sources["vaccine"]], progress=False)
        with pytest.raises(IndexBusy):
            writing.add(ix, [sources["vaccine"]], progress=False)
        with pytest.raises(IndexBusy):
            writing.delete(ix, ["lu-quet"])
    assert IndexDir(ix).generations() == ["gen-000001"]


def test_build_drops_exact_duplicate_bodies_unless_asked(tmp_path: Path, write_jsonl) -> None:
    copy = {**FLOOD, "id": "lu-quet-copy", "title": "Lũ quét (bản đăng lại)"}
    src = write_jsonl(tmp_path / "dup.jsonl", [FLOOD, copy])
    result = writing.build(tmp_path / "a", [src], progress=False)
    assert (result.report.articles, result.report.duplicates, result.index_articles) == (1, 1, 1)
    result = writing.build(tmp_path / "b", [src], progress=False, keep_duplicates=True)
    assert (result.report.articles, result.report.duplicates, result.index_articles) == (2, 0, 2)


def test_build_indexes_one_document_per_id(tmp_path: Path, write_jsonl) -> None:
    src = write_jsonl(tmp_path / "src" / "a.jsonl", [FLOOD, DROUGHT])
    result = writing.build(tmp_path / "ix", [src.parent, src], progress=False)
    engine = Engine(str(tmp_path / "ix"))
    try:
        assert search(engine, "lũ quét") == ["lu-quet"]
        assert result.index_articles == 2
    finally:
        engine.close()


# -- add ----------------------------------------------------------------------------------
def test_add_of_a_new_article_is_seen_by_an_open_engine_after_refresh(ix: Path, sources) -> None:
    engine = Engine(str(ix), refresh_seconds=3600)
    try:
        assert search(engine, "vắc xin") == []
        result = writing.add(ix, [sources["vaccine"]], progress=False)
        assert (result.report.articles, result.index_articles, result.generation) == (1, 3, "gen-000001")
        assert search(engine, "vắc xin") == []  # not refreshed yet
        engine.refresh_seconds = 0
        assert search(engine, "vắc xin") == ["vac-xin"]
        assert search(engine, "lũ quét") == ["lu-quet"]
        assert engine.stats()["articles"] == 3
        assert IndexDir(ix).info()["articles"] == 3
    finally:
        engine.close()


def test_add_is_idempotent_by_id(ix: Path, sources) -> None:
    first = writing.add(ix, [sources["vaccine"]], progress=False)
    second = writing.add(ix, [sources["vaccine"], sources["flood"]], progress=False)
    third = writing.add(ix, [sources["vaccine"], sources["flood"]], progress=False)
    assert first.index_articles == second.index_articles == third.index_articles == 3
    assert second.report.duplicates == 0  # the same article again is a replacement, not a duplicate
    assert IndexDir(ix).info()["articles"] == 3


def test_an_index_with_replaced_articles_can_be_searched(ix: Path, sources) -> None:
    writing.add(ix, [sources["flood"]], progress=False)  # replaces lu-quet
    engine = Engine(str(ix))
    try:
        assert search(engine, "lũ quét") == ["lu-quet"]
        assert engine.stats()["articles"] == 2
    finally:
        engine.close()


def test_add_a_replacement_with_new_text(ix: Path, tmp_path: Path, write_jsonl) -> None:
    changed = write_jsonl(tmp_path / "changed.jsonl", [{**FLOOD, "title": "Lũ quét và sạt lở ở Bát Xát"}])
    result = writing.add(ix, [changed], progress=False)
    assert result.index_articles == 2


def test_add_skips_a_known_body_under_another_id(ix: Path, tmp_path: Path, write_jsonl) -> None:
    copy = write_jsonl(tmp_path / "copy.jsonl", [{**FLOOD, "id": "lu-quet-dang-lai", "title": "Đăng lại"}])
    result = writing.add(ix, [copy], progress=False)
    assert (result.report.articles, result.report.duplicates) == (0, 1)
    assert result.index_articles == 2
    engine = Engine(str(ix))
    try:
        assert engine.get("lu-quet-dang-lai") is None
        assert search(engine, "lũ quét") == ["lu-quet"]
    finally:
        engine.close()


def test_short_bodies_are_never_duplicates(ix: Path, tmp_path: Path, write_jsonl) -> None:
    briefs = [{"id": f"tin-{n}", "title": f"Tin vắn số {n}", "body": "Mưa lớn.", "published": "2023-08-05"}
              for n in range(2)]
    result = writing.add(ix, [write_jsonl(tmp_path / "briefs.jsonl", briefs)], progress=False)
    assert (result.report.articles, result.report.duplicates, result.index_articles) == (2, 0, 4)


def test_add_to_a_missing_index_is_index_missing(tmp_path: Path, sources) -> None:
    with pytest.raises(IndexMissing):
        writing.add(tmp_path / "nope", [sources["flood"]], progress=False)


def test_add_to_a_missing_index_creates_nothing(tmp_path: Path, sources) -> None:
    with pytest.raises(IndexMissing):
        writing.add(tmp_path / "nope", [sources["flood"]], progress=False)
    assert not (tmp_path / "nope").exists()


def test_add_to_an_index_of_another_version_is_refused(ix: Path, sources) -> None:
    info_path = IndexDir(ix).current() / "info.json"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info_path.write_text(json.dumps({**info, "schema_version": 999}), encoding="utf-8")
    with pytest.raises(IndexError_, match="another version"):
        writing.add(ix, [sources["vaccine"]], progress=False)


def test_many_adds_merge_segments(ix: Path, tmp_path: Path, write_jsonl) -> None:
    for n in range(writing.MAX_SEGMENTS + 1):
        record = {"id": f"tin-{n}", "title": f"Tin số {n} về mưa lũ", "body": f"Bản tin số {n}.",
                  "published": "2023-08-05"}
        writing.add(ix, [write_jsonl(tmp_path / f"t{n}.jsonl", [record])], progress=False)
    engine = Engine(str(ix))
    try:
        assert engine.stats()["segments"] <= writing.MAX_SEGMENTS
        assert engine.stats()["articles"] == 2 + writing.MAX_SEGMENTS + 1
        assert len(search(engine, "tin")) == writing.MAX_SEGMENTS + 1
    finally:
        engine.close()


# -- delete -------------------------------------------------------------------------------
def test_delete_by_id_reports_unknown_ids(ix: Path) -> None:
    result = writing.delete(ix, ["lu-quet", "khong-co", "cung-khong-co"])
    assert result.deleted == 1
    assert result.missing == ("khong-co", "cung-khong-co")
    assert result.index_articles == 1
    assert IndexDir(ix).info()["articles"] == 1


def test_delete_of_unknown_ids_only_changes_nothing(ix: Path) -> None:
    result = writing.delete(ix, ["khong-co"])
    assert (result.deleted, result.missing, result.index_articles) == (0, ("khong-co",), 2)
    engine = Engine(str(ix))  # no deletion: the index still opens
    try:
        assert sorted(search(engine, "")) == ["han-man", "lu-quet"]
    finally:
        engine.close()


def test_delete_from_a_missing_index_is_index_missing(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing):
        writing.delete(tmp_path / "nope", ["x"])


def test_a_deleted_article_disappears_from_an_open_engine(ix: Path) -> None:
    engine = Engine(str(ix), refresh_seconds=0)
    try:
        assert search(engine, "lũ quét") == ["lu-quet"]
        writing.delete(ix, ["lu-quet"])
        assert search(engine, "lũ quét") == []
        assert engine.get("lu-quet") is None
        assert engine.search(SearchRequest()).total == 1
        assert engine.stats()["deleted"] == 1
    finally:
        engine.close()
