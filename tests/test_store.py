"""The index folder: generations, CURRENT, the one-writer lock, clean-up."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from indexer.schema import SCHEMA_VERSION
from indexer.store import CURRENT, LOCK, IndexBusy, IndexDir, IndexError_, IndexMissing, write_json_atomic

HOLD_LOCK = """\
import sys, time
from indexer.store import IndexDir
with IndexDir(sys.argv[1]).write_lock():
    print("held", flush=True)
    sys.stdin.readline()  # hold until told to stop
"""


@pytest.fixture()
def other_writer(tmp_path: Path):
    """Start a process that holds the write lock of a folder until the test ends."""
    procs: list[subprocess.Popen[str]] = []

    def start(folder: Path) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(folder)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        procs.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "held"
        return proc

    yield start
    for proc in procs:
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except BrokenPipeError:
                    pass
        proc.wait(timeout=10)


def release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("\n")
    proc.stdin.flush()


def make_generation(store: IndexDir, live: bool = False) -> Path:
    with store.write_lock():
        folder = store.new_generation()
        (folder / "payload").write_text("x")
        if live:
            store.switch_to(folder, {"articles": 0})
    return folder


# -- reading -----------------------------------------------------------------------
def test_a_missing_folder_is_index_missing_with_the_command_to_run(tmp_path: Path) -> None:
    store = IndexDir(tmp_path / "nope")
    with pytest.raises(IndexMissing, match=r"no index at .*nope: build one with `python -m indexer build"):
        store.current()
    assert store.current_name() is None
    assert store.generations() == []
    with pytest.raises(IndexMissing):
        store.info()


def test_info_of_a_generation_without_info_json_is_empty(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    with store.write_lock():
        folder = store.new_generation()
    (tmp_path / CURRENT).write_text(folder.name + "\n")
    assert store.info() == {}
    (folder / "info.json").write_text("{half")
    assert store.info() == {}


def test_a_folder_without_current_is_index_missing(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="no CURRENT file"):
        IndexDir(tmp_path).current()


@pytest.mark.parametrize("content", ["garbage", "gen-1", "../etc", "gen-0000001", ""])
def test_a_damaged_current_is_reported(tmp_path: Path, content: str) -> None:
    (tmp_path / CURRENT).write_text(content)
    with pytest.raises(IndexError_, match="damaged"):
        IndexDir(tmp_path).current()


def test_current_naming_a_missing_generation_is_reported(tmp_path: Path) -> None:
    (tmp_path / CURRENT).write_text("gen-000007\n")
    store = IndexDir(tmp_path)
    assert store.current_name() == "gen-000007"
    with pytest.raises(IndexError_, match="damaged: gen-000007 is missing"):
        store.current()


def test_the_built_index_has_one_live_generation(index_dir: Path) -> None:
    store = IndexDir(index_dir)
    assert store.current_name() == "gen-000001"
    assert store.current() == index_dir / "gen-000001"
    assert store.generations() == ["gen-000001"]
    info = store.info()
    assert info["schema_version"] == SCHEMA_VERSION
    assert info["articles"] >= 60
    assert {"built", "updated"} <= set(info)


# -- generations ----------------------------------------------------------------------
def test_generations_are_numbered_and_switched_atomically(tmp_path: Path) -> None:
    store = IndexDir(tmp_path / "ix")
    first = make_generation(store, live=True)
    second = make_generation(store)
    assert (first.name, second.name) == ("gen-000001", "gen-000002")
    assert store.current_name() == "gen-000001"  # a new generation is not live until switched
    store.switch_to(second, {"articles": 3})
    assert store.current_name() == "gen-000002"
    assert (store.path / CURRENT).read_text() == "gen-000002\n"
    assert store.info() == {"articles": 3}
    assert not [p for p in store.path.iterdir() if p.name.endswith(".tmp")]
    assert store.generations() == ["gen-000001", "gen-000002"]


def test_generations_ignore_other_names(tmp_path: Path) -> None:
    for name in ("gen-000002", "gen-000010", "gen-12", "generation", ".gen-000003"):
        (tmp_path / name).mkdir()
    (tmp_path / "gen-000004").write_text("a file, not a generation")
    assert IndexDir(tmp_path).generations() == ["gen-000002", "gen-000010"]
    with IndexDir(tmp_path).write_lock():
        assert IndexDir(tmp_path).new_generation().name == "gen-000011"


def test_touch_info_updates_the_live_info(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    make_generation(store, live=True)
    store.touch_info(articles=5)
    info = store.info()
    assert info["articles"] == 5 and "updated" in info


def test_write_json_atomic_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "info.json"
    write_json_atomic(path, {"a": "Ủy ban"})
    write_json_atomic(path, {"b": 1})
    assert path.read_text(encoding="utf-8").replace(" ", "").replace("\n", "") == '{"b":1}'
    assert [p.name for p in tmp_path.iterdir()] == ["info.json"]


def test_remove_unfinished_drops_generations_newer_than_the_live_one(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    make_generation(store)  # gen-1: an old one
    make_generation(store, live=True)  # gen-2: live
    make_generation(store)  # gen-3: a killed build
    make_generation(store)  # gen-4: another
    assert store.remove_unfinished() == ["gen-000003", "gen-000004"]
    assert store.generations() == ["gen-000001", "gen-000002"]
    assert store.current_name() == "gen-000002"


def test_remove_unfinished_without_a_live_generation_drops_all(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    make_generation(store)
    make_generation(store)
    assert store.remove_unfinished() == ["gen-000001", "gen-000002"]
    assert store.generations() == []


def test_remove_stale_keeps_the_live_generation_and_the_one_before(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    for _ in range(3):
        make_generation(store)
    make_generation(store, live=True)  # gen-4
    make_generation(store)  # gen-5, newer than live
    assert store.remove_stale() == ["gen-000001", "gen-000002", "gen-000005"]
    assert store.generations() == ["gen-000003", "gen-000004"]
    assert store.remove_stale() == []


def test_remove_stale_of_the_first_generation_keeps_it(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    make_generation(store, live=True)
    assert store.remove_stale() == []
    assert store.generations() == ["gen-000001"]


# -- check_usable ------------------------------------------------------------------------
def test_check_usable_accepts_new_empty_and_index_folders(tmp_path: Path, index_dir: Path) -> None:
    IndexDir(tmp_path / "new").check_usable()
    IndexDir(tmp_path).check_usable()  # empty
    (tmp_path / ".hidden").write_text("editor swap file")
    IndexDir(tmp_path).check_usable()
    IndexDir(index_dir).check_usable()


def test_check_usable_refuses_a_folder_with_foreign_files(tmp_path: Path) -> None:
    for name in ("notes.txt", "b.jsonl", "c", "d", "e"):
        (tmp_path / name).write_text("mine")
    (tmp_path / "gen-000001").mkdir()
    with pytest.raises(IndexError_, match=r"holds other files \(b.jsonl, c, d\); choose an empty or new folder"):
        IndexDir(tmp_path).check_usable()


def test_check_usable_refuses_a_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("x")
    with pytest.raises(IndexError_, match="is a file, not an index folder"):
        IndexDir(path).check_usable()


# -- the write lock ---------------------------------------------------------------------------
def test_write_lock_creates_the_folder_and_records_its_holder(tmp_path: Path) -> None:
    store = IndexDir(tmp_path / "deep" / "ix")
    with store.write_lock():
        assert (store.path / LOCK).read_text() == str(os.getpid())
    with store.write_lock():  # released on exit: can be taken again
        pass


def test_a_second_lock_in_the_same_process_is_busy(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    with store.write_lock():
        with pytest.raises(IndexBusy) as info:
            with IndexDir(tmp_path).write_lock():
                pytest.fail("two writers at once")
    message = str(info.value)
    assert f"another indexer is writing to {tmp_path} (process {os.getpid()})" in message
    assert "--wait" in message


def test_the_lock_is_released_when_the_block_raises(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    with pytest.raises(RuntimeError):
        with store.write_lock():
            raise RuntimeError("build failed")
    with store.write_lock():
        pass


def test_a_lock_held_by_another_process_is_busy(tmp_path: Path, other_writer) -> None:
    proc = other_writer(tmp_path)
    with pytest.raises(IndexBusy, match=rf"another indexer is writing to .* \(process {proc.pid}\); wait for it"):
        with IndexDir(tmp_path).write_lock():
            pytest.fail("got a lock another process holds")


def test_wait_true_waits_for_the_other_process(tmp_path: Path, other_writer) -> None:
    proc = other_writer(tmp_path)
    timer = threading.Timer(0.4, release, args=(proc,))
    started = time.monotonic()
    timer.start()
    try:
        with IndexDir(tmp_path).write_lock(wait=True):
            waited = time.monotonic() - started
            assert (tmp_path / LOCK).read_text() == str(os.getpid())
    finally:
        timer.cancel()
    assert waited >= 0.3
    proc.wait(timeout=10)


def test_wait_true_waits_for_another_thread(tmp_path: Path) -> None:
    held = threading.Event()
    order: list[str] = []

    def hold() -> None:
        with IndexDir(tmp_path).write_lock():
            held.set()
            time.sleep(0.3)
            order.append("first done")

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    with IndexDir(tmp_path).write_lock(wait=True):
        order.append("second")
    thread.join()
    assert order == ["first done", "second"]


def test_a_killed_writer_leaves_no_stale_lock(tmp_path: Path, other_writer) -> None:
    proc = other_writer(tmp_path)
    proc.kill()
    proc.wait(timeout=10)
    with IndexDir(tmp_path).write_lock():  # the kernel released the flock
        pass
