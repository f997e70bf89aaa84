"""``python -m search_web``: arguments, waitress for one process, gunicorn
with a worker per core (a real server process, driven over loopback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from search_web import __main__ as main_module


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INDEX", raising=False)
    args = main_module._parser().parse_args([])
    assert (args.index, args.host, args.port) == ("var/index", "127.0.0.1", 8000)
    monkeypatch.setenv("INDEX", "/srv/index")
    assert main_module._parser().parse_args([]).index == "/srv/index"


def test_serves_with_waitress_and_closes(index_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import waitress

    seen = {}

    def serve(app, **options):
        seen["app"], seen["options"] = app, options
        seen["status"] = app.test_client().get("/?q=l%C5%A9").status_code

    monkeypatch.setattr(waitress, "serve", serve)
    assert main_module.main(["--index", str(index_dir), "--port", "8123", "--host", "0.0.0.0", "--workers", "1"]) == 0
    assert seen["status"] == 200
    assert seen["options"]["port"] == 8123 and seen["options"]["host"] == "0.0.0.0"
    assert seen["app"].config["INDEX"] == str(index_dir)
    assert "articles" in capsys.readouterr().err
    holder = seen["app"].extensions["vnnews_backend"]
    assert holder.backend is None  # closed on the way out


def test_serves_even_without_an_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    import waitress

    monkeypatch.setattr(waitress, "serve", lambda app, **options: None)
    assert main_module.main(["--index", str(tmp_path / "none"), "--workers", "1"]) == 0
    assert "warning: no index at" in capsys.readouterr().err


def test_flask_cli_reads_the_index_from_the_environment(index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from search_web import create_app

    monkeypatch.setenv("INDEX", str(index_dir))
    app = create_app()
    assert app.config["INDEX"] == str(index_dir)
    assert app.test_client().get("/").status_code == 200


def test_gunicorn_serves_with_a_worker_per_core(index_dir: Path) -> None:
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "search_web", "--index", str(index_dir), "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=l%C5%A9", timeout=5) as response:
                    body = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.2)
        assert body is not None and body["total"] > 0
        import psutil

        workers = psutil.Process(server.pid).children()
        assert len(workers) == 2
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err
