"""The index folder: generations, the CURRENT pointer, and the writer lock.

Layout of ``DIR``::

    CURRENT        the name of the live generation ("gen-000003"), replaced atomically
    gen-000003/    a complete Whoosh index, its sidecar arrays and info.json
    gen-000002/    the previous generation, kept for readers still using it
    write.lock     held (flock) by the one process writing

A build writes a new generation beside the live one and only then swaps
CURRENT, so a build killed at any moment leaves the previous index intact and
searchable; the next build removes the half-written folder.  ``flock`` is
released by the kernel when a writer dies, so a killed writer never leaves
a stale lock behind.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "IndexError_",
    "IndexMissing",
    "IndexBusy",
    "IndexDir",
]

CURRENT = "CURRENT"
LOCK = "write.lock"
INFO = "info.json"
_GEN_RE = re.compile(r"^gen-(\d{6})$")

#: Lock descriptors this process holds.  A forked worker (Whoosh's writer
#: processes) must not inherit them: a flock lives as long as any copy of
#: its descriptor, so an orphaned worker would hold the index locked.
_HELD_LOCKS: set[int] = set()


def _after_fork_in_child() -> None:
    for fd in list(_HELD_LOCKS):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to kill a forked worker when its parent dies (a killed
    build must not leave writer processes waiting for work forever)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


os.register_at_fork(after_in_child=_after_fork_in_child)


class IndexError_(Exception):
    """A problem with the index folder, said in words a user can act on."""


class IndexMissing(IndexError_):
    pass


class IndexBusy(IndexError_):
    pass


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write ``data`` so that readers see the old file or the new, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


class IndexDir:
    """One index folder on disk."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # -- reading -----------------------------------------------------------
    def current_name(self) -> str | None:
        try:
            name = (self.path / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise IndexError_(f"cannot read {self.path / CURRENT}: {exc.strerror}") from None
        if not _GEN_RE.match(name):
            raise IndexError_(f"{self.path / CURRENT} is damaged (it names {name[:40]!r})")
        return name

    def current(self) -> Path:
        """The live generation's folder; IndexMissing if there is none."""
        if not self.path.exists():
            raise IndexMissing(f"no index at {self.path}: build one with `python -m indexer build --index {self.path} PATH...`")
        name = self.current_name()
        if name is None:
            raise IndexMissing(f"{self.path} holds no index (no {CURRENT} file): build one with `python -m indexer build`")
        folder = self.path / name
        if not folder.is_dir():
            raise IndexError_(f"the index at {self.path} is damaged: {name} is missing")
        return folder

    def info(self) -> dict[str, Any]:
        try:
            return json.loads((self.current() / INFO).read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def generations(self) -> list[str]:
        if not self.path.is_dir():
            return []
        return sorted(p.name for p in self.path.iterdir() if _GEN_RE.match(p.name) and p.is_dir())

    # -- writing -----------------------------------------------------------
    def check_usable(self) -> None:
        """Refuse to write into a folder that holds something else."""
        if self.path.exists() and not self.path.is_dir():
            raise IndexError_(f"{self.path} is a file, not an index folder")
        if self.path.is_dir():
            foreign = [
                p.name
                for p in self.path.iterdir()
                if not (_GEN_RE.match(p.name) or p.name in (CURRENT, LOCK) or p.name.startswith("."))
            ]
            if foreign:
                raise IndexError_(
                    f"{self.path} holds other files ({', '.join(sorted(foreign)[:3])}); "
                    "choose an empty or new folder for the index"
                )

    @contextmanager
    def write_lock(self, wait: bool = False) -> Iterator[None]:
        """Hold the one-writer lock for the duration of the block."""
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
            try:
                fcntl.flock(fd, flags)
            except OSError as exc:
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                    who = f" (process {holder})" if holder.isdigit() else ""
                    raise IndexBusy(
                        f"another indexer is writing to {self.path}{who}; "
                        "wait for it to finish, or pass --wait"
                    ) from None
                raise
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
            _HELD_LOCKS.add(fd)
            yield
        finally:
            _HELD_LOCKS.discard(fd)
            os.close(fd)  # closing releases the flock

    def new_generation(self) -> Path:
        """A fresh, empty generation folder (caller holds the write lock)."""
        gens = self.generations()
        number = int(gens[-1][4:]) + 1 if gens else 1
        folder = self.path / f"gen-{number:06d}"
        folder.mkdir()
        return folder

    def remove_stale(self) -> list[str]:
        """Delete generations that are neither live nor the one before it:
        leftovers of killed builds and generations no reader needs."""
        live = self.current_name()
        gens = self.generations()
        keep = {live}
        if live in gens:
            index = gens.index(live)
            if index > 0:
                keep.add(gens[index - 1])
        removed = []
        for name in gens:
            if name not in keep:
                shutil.rmtree(self.path / name, ignore_errors=True)
                removed.append(name)
        return removed

    def remove_unfinished(self) -> list[str]:
        """Delete generations newer than the live one (killed builds)."""
        live = self.current_name()
        removed = []
        for name in self.generations():
            if live is None or name > live:
                shutil.rmtree(self.path / name, ignore_errors=True)
                removed.append(name)
        return removed

    def switch_to(self, folder: Path, info: dict[str, Any]) -> None:
        """Make ``folder`` the live generation, atomically."""
        write_json_atomic(folder / INFO, info)
        _fsync_dir(folder)
        tmp = self.path / f".{CURRENT}.{os.getpid()}.tmp"
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(folder.name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path / CURRENT)
        _fsync_dir(self.path)

    def touch_info(self, **changes: Any) -> None:
        folder = self.current()
        info = self.info()
        info.update(changes, updated=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        write_json_atomic(folder / INFO, info)
