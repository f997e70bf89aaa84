"""``python -m indexer`` build/add/delete/stats/search, through ``main``: the
JSON shapes, the batch mode, and one ``error:`` line (exit status 2) for a
user's mistake, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer import engine as engine_module
from indexer.cli import main
from indexer.store import IndexDir

from .conftest import CORPUS, SEED

HIT_KEYS = {"id", "title", "published", "source", "url", "snippet", "agencies", "locations", "score"}
FACET_KEYS = {"agency", "location", "source", "year", "month"}

FLOOD = {"id": "lu-quet", "title": "Lũ quét ở vùng cao Bát Xát",
         "body": "Mưa lớn gây lũ quét tại huyện Bát Xát, tỉnh Lào Cai. UBND huyện chỉ đạo khắc phục.",
         "published": "2023-08-04T07:45:00+07:00", "source": "Báo Thử"}
DROUGHT = {"id": "han-man", "title": "Hạn mặn ở Cần Thơ",
           "body": "Nhà vườn ở huyện Phong Điền, thành phố Cần Thơ trữ nước ngọt.",
           "published": "2023-03-10T08:00:00+07:00", "source": "Báo Thử"}


def search_json(capsys, index_dir: Path, *args: str) -> dict:
    assert main(["search", "--index", str(index_dir), "--json", *args]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


def one_error(capsys) -> str:
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err and "Traceback" not in out
    return lines[0]


@pytest.fixture()
def small(tmp_path: Path, write_jsonl) -> Path:
    """A small index built through the CLI."""
    src = write_jsonl(tmp_path / "src" / "a.jsonl", [FLOOD, DROUGHT])
    assert main(["build", "--quiet", "--index", str(tmp_path / "ix"), str(src)]) == 0
    return tmp_path / "ix"


# -- search ---------------------------------------------------------------------------------
def test_search_json_shape(capsys, index_dir: Path) -> None:
    data = search_json(capsys, index_dir, "tiêm", "vắc", "xin", "--per-page", "3")
    assert {"query", "total", "page", "per_page", "hits", "facets", "suggestion"} <= set(data)
    assert data["query"] == "tiêm vắc xin"
    assert (data["total"], data["page"], data["per_page"]) == (8, 1, 3)
    assert len(data["hits"]) == 3
    for hit in data["hits"]:
        assert HIT_KEYS <= set(hit)
        assert isinstance(hit["agencies"], list) and isinstance(hit["locations"], list)
        assert isinstance(hit["score"], float) and hit["score"] > 0
        assert hit["published"].startswith("202")
    assert FACET_KEYS <= set(data["facets"])
    for values in data["facets"].values():
        for value in values:
            assert {"value", "count"} <= set(value) <= {"value", "count", "selected", "parent"}
    assert data["suggestion"] is None


def test_search_json_with_filters_sort_and_pages(capsys, index_dir: Path) -> None:
    data = search_json(capsys, index_dir, "--source", "Báo Nghệ An", "--from", "2020-01-01", "--to",
                       "2022-12-31", "--sort", "oldest", "--per-page", "2", "--page", "2", "--no-facets")
    assert data["query"] == ""
    assert (data["total"], data["page"], data["sort"]) == (3, 2, "oldest")
    assert [h["source"] for h in data["hits"]] == ["Báo Nghệ An"]
    assert data["facets"] == {}
    data = search_json(capsys, index_dir, "lũ", "--location", "Huế", "--location", "Lào Cai", "--agency",
                       "UBND tỉnh Lào Cai")
    assert [h["id"] for h in data["hits"]] == ["ebd5c2189919a2c3"]
    assert {v["value"] for v in data["facets"]["location"] if v.get("selected")} == {"Huế", "Lào Cai"}


def test_search_json_suggestion_and_notice(capsys, index_dir: Path) -> None:
    assert search_json(capsys, index_dir, "khoa", "hoc", "cong", "nghe")["suggestion"] == "khoa học công nghệ"
    data = search_json(capsys, index_dir, '"lũ quét')
    assert data["notice"] and "ngoặc kép" in data["notice"]


def test_search_empty_query_lists_the_newest(capsys, index_dir: Path) -> None:
    data = search_json(capsys, index_dir, "--per-page", "1")
    assert data["total"] == 60 + (1 if SEED.exists() else 0)
    assert data["hits"][0]["id"] == "9254b9f288fa3b34"


def test_search_human_output(capsys, index_dir: Path) -> None:
    assert main(["search", "--index", str(index_dir), "lu", "quet"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("1 kết quả")
    assert "Có phải bạn muốn tìm: lũ quét" in out
    assert "1. Lũ quét ở Bát Xát, nhiều ngôi nhà bị vùi lấp  [ebd5c2189919a2c3]" in out
    assert "04/08/2019 07:45 · Thời Sự Việt" in out
    assert "*lũ quét*" in out and "<mark>" not in out
    assert "\nlocation: " in out and "Lào Cai (1)" in out


def test_search_batch_keeps_order_and_opens_the_index_once(capsys, index_dir: Path, monkeypatch) -> None:
    opened: list[str] = []
    real_init = engine_module.Engine.__init__

    def counting_init(self, path, **kwargs):
        opened.append(path)
        real_init(self, path, **kwargs)

    monkeypatch.setattr(engine_module.Engine, "__init__", counting_init)
    queries = ["lũ quét", "", "vắc xin", "khoa hoc cong nghe", "xyzzyq", '"unclosed', "lũ quét"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(q + "\n" for q in queries)))
    assert main(["search", "--index", str(index_dir), "--batch", "--no-facets", "--per-page", "2"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == queries
    assert opened == [str(index_dir)]
    assert lines[0]["hits"][0]["id"] == "ebd5c2189919a2c3"
    assert lines[0] == lines[-1] | {"took_ms": lines[0]["took_ms"]}
    assert lines[4]["total"] == 0
    assert all(line["facets"] == {} and len(line["hits"]) <= 2 for line in lines)


def test_search_batch_reports_an_impossible_page_per_line(capsys, index_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("lũ\nvắc xin\n"))
    assert main(["search", "--index", str(index_dir), "--batch", "--page", "200", "--per-page", "100"]) == 0
    out, _ = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["lũ", "vắc xin"]
    assert all(set(line) == {"query", "error"} and line["error"] for line in lines)


def test_search_an_impossible_page_is_one_error_line(capsys, index_dir: Path) -> None:
    assert main(["search", "--index", str(index_dir), "--page", "200", "--per-page", "100", "lũ"]) == 2
    one_error(capsys)


def test_search_a_missing_index_is_one_error_line(capsys, tmp_path: Path) -> None:
    assert main(["search", "--index", str(tmp_path / "nope"), "lũ"]) == 2
    line = one_error(capsys)
    assert "no index at" in line and "build" in line
    assert main(["stats", "--index", str(tmp_path / "nope")]) == 2
    one_error(capsys)


def test_search_a_folder_that_is_not_an_index(capsys, tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("not a generation")
    assert main(["search", "--index", str(tmp_path), "lũ"]) == 2
    assert "damaged" in one_error(capsys)


def test_bad_arguments_are_argparse_errors(capsys, index_dir: Path) -> None:
    for args in (["--page", "0"], ["--from", "hôm qua"], ["--sort", "random"], ["--per-page", "x"]):
        with pytest.raises(SystemExit) as info:
            main(["search", "--index", str(index_dir), *args, "lũ"])
        assert info.value.code == 2
        _, err = capsys.readouterr()
        assert "Traceback" not in err and "error:" in err


# -- build, add, delete, stats ---------------------------------------------------------------------
def test_build_reports_and_stats_prints_json(capsys, small: Path) -> None:
    _, err = capsys.readouterr()
    assert main(["stats", "--index", str(small)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 2 and stats["generation"] == "gen-000001" and stats["deleted"] == 0
    assert stats["index"] == str(small)


def test_build_summary_line(capsys, tmp_path: Path, write_jsonl) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [FLOOD, DROUGHT])
    assert main(["build", "--quiet", "--index", str(tmp_path / "ix"), str(src)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("build: 2 articles, 0 exact duplicates skipped, 0 errors in 0 files; "
                          "the index holds 2 articles (gen-000001)")


def test_build_with_unreadable_files_reports_them_and_exits_1(capsys, tmp_path: Path, write_jsonl) -> None:
    src = write_jsonl(tmp_path / "src" / "a.jsonl", [FLOOD])
    (tmp_path / "src" / "empty.txt").write_text("")
    assert main(["build", "--quiet", "--index", str(tmp_path / "ix"), str(tmp_path / "src")]) == 1
    _, err = capsys.readouterr()
    assert any(line.startswith("error: ") and "empty.txt" in line for line in err.splitlines())
    assert "the index holds 1 articles" in err


def test_build_with_nothing_readable_is_one_error_line(capsys, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["build", "--quiet", "--index", str(tmp_path / "ix"), str(tmp_path / "empty.txt")]) == 2
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "error: no articles could be read; the index was not changed"


def test_build_into_a_folder_of_other_files_is_one_error_line(capsys, tmp_path: Path, write_jsonl) -> None:
    src = write_jsonl(tmp_path / "src" / "a.jsonl", [FLOOD])
    (tmp_path / "mine.txt").write_text("x")
    assert main(["build", "--quiet", "--index", str(tmp_path), str(src)]) == 2
    assert "holds other files" in one_error(capsys)


def test_add_then_search(capsys, small: Path, tmp_path: Path, write_jsonl) -> None:
    capsys.readouterr()
    new = write_jsonl(tmp_path / "new.jsonl", [{**FLOOD, "id": "moi", "title": "Vắc xin cho trẻ",
                                                "body": "Tiêm vắc xin cho trẻ em ở Hà Nội."}])
    assert main(["add", "--quiet", "--index", str(small), str(new)]) == 0
    _, err = capsys.readouterr()
    assert err.startswith("add: 1 articles") and "the index holds 3 articles" in err
    data = search_json(capsys, small, "vắc", "xin")
    assert [h["id"] for h in data["hits"]] == ["moi"]


def test_delete_reports_unknown_ids(capsys, small: Path) -> None:
    capsys.readouterr()
    assert main(["delete", "--index", str(small), "lu-quet", "khong-co"]) == 1
    _, err = capsys.readouterr()
    assert "error: no article with id 'khong-co'" in err
    assert "delete: 1 deleted; the index holds 1 articles" in err


def test_writers_on_a_missing_index_are_one_error_line(capsys, tmp_path: Path, write_jsonl) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [FLOOD])
    assert main(["add", "--quiet", "--index", str(tmp_path / "nope"), str(src)]) == 2
    line = one_error(capsys)
    assert "no index" in line or "no CURRENT file" in line
    assert main(["delete", "--index", str(tmp_path / "nope2"), "x"]) == 2
    one_error(capsys)


HOLD_LOCK = """\
import sys
from indexer.store import IndexDir
with IndexDir(sys.argv[1]).write_lock():
    print("held", flush=True)
    sys.stdin.readline()
"""


@pytest.mark.parametrize("command", ["build", "add", "delete"])
def test_a_busy_writer_is_one_error_line(capsys, small: Path, tmp_path: Path, write_jsonl, command: str) -> None:
    capsys.readouterr()
    src = write_jsonl(tmp_path / "b.jsonl", [FLOOD])
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(small)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert holder.stdout.readline().strip() == "held"
        args = {"build": ["build", "--quiet", "--index", str(small), str(src)],
                "add": ["add", "--quiet", "--index", str(small), str(src)],
                "delete": ["delete", "--index", str(small), "lu-quet"]}[command]
        assert main(args) == 2
        line = one_error(capsys)
        assert f"another indexer is writing to {small} (process {holder.pid})" in line
        assert "--wait" in line
    finally:
        holder.stdin.close()
        holder.stdout.close()
        holder.wait(timeout=10)
    assert IndexDir(small).generations() == ["gen-000001"]


def test_search_while_a_writer_holds_the_lock_still_works(capsys, small: Path) -> None:
    capsys.readouterr()
    with IndexDir(small).write_lock():
        data = search_json(capsys, small, "lũ", "quét")
    assert [h["id"] for h in data["hits"]] == ["lu-quet"]


def test_the_module_runs_as_a_program(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "indexer", "search", "--index", str(tmp_path / "nope"), "lũ"],
                          capture_output=True, text=True, cwd=CORPUS.parent, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: no index at") and "Traceback" not in proc.stderr
