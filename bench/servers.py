"""The web servers the HTTP benchmarks start and drive on loopback: start,
warm, a keep-alive client, stop, and the memory of the server's process tree."""

from __future__ import annotations

import http.client
import math
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from common import ROOT


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def web_available() -> bool:
    return (ROOT / "search_web" / "__main__.py").exists()


def start_server(cmd: Sequence[str], port: int, probe: str = "/api/search?q=", timeout: float = 120.0,
                 log: Path | None = None) -> subprocess.Popen[bytes]:
    """Start a loopback HTTP server and wait until ``probe`` answers (any status)."""
    import urllib.error
    import urllib.request

    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(list(cmd), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {' '.join(cmd)}"
                               + (f" (log: {log})" if log else ""))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=30) as resp:
                resp.read()
            return proc
        except urllib.error.HTTPError:
            return proc
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(f"server did not answer on port {port} within {timeout:.0f} s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server this script started (SIGTERM, then SIGKILL)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def tree_rss_mb(pid: int) -> float:
    import psutil

    try:
        root = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]) / 2**20
    except psutil.Error:
        return math.nan


def tree_memory_mb(pid: int) -> dict[str, float]:
    """RSS, USS and PSS of a process tree: RSS counts a file mapped twice
    twice, USS is the private memory, PSS shares pages out fairly."""
    import psutil

    out = {"rss": 0.0, "uss": 0.0, "pss": 0.0}
    try:
        root = psutil.Process(pid)
        for proc in [root, *root.children(recursive=True)]:
            full = proc.memory_full_info()
            for key in out:
                out[key] += getattr(full, key) / 2**20
    except psutil.Error:
        return {k: math.nan for k in out}
    return out


class Client:
    """One keep-alive connection to the loopback server, opened again after
    a failure or when the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str) -> tuple[float, str | None]:
        """Seconds the request took, and what went wrong (None: a 200 with a body)."""
        started = time.perf_counter()
        try:
            self._conn.request("GET", path)
            response = self._conn.getresponse()
            body = response.read()
            error = None if response.status == 200 and body else f"HTTP {response.status}"
            if response.will_close:
                self._reconnect()
        except (OSError, http.client.HTTPException) as exc:
            error = type(exc).__name__
            self._reconnect()
        return time.perf_counter() - started, error

    def _reconnect(self) -> None:
        self._conn.close()
        self._conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def close(self) -> None:
        self._conn.close()


def warm(port: int, paths: Sequence[str], clients: int = 8) -> int:
    """Send the whole mix from each of ``clients`` keep-alive connections,
    so that every worker process (a connection stays with one) has seen
    every query before anything is timed: the figures are of a warm server,
    as a newsroom's would be after its first minutes.  Returns the errors."""
    errors = [0]

    def one(k: int) -> None:
        client = Client(port)
        for i in range(len(paths)):
            _, error = client.get(paths[(i + k * len(paths) // clients) % len(paths)])
            errors[0] += error is not None
        client.close()

    threads = [threading.Thread(target=one, args=(k,)) for k in range(max(0, clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors[0]
