"""``python -m search_web``: arguments, and waitress serving the app."""

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
    assert main_module.main(["--index", str(index_dir), "--port", "8123", "--host", "0.0.0.0"]) == 0
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
    assert main_module.main(["--index", str(tmp_path / "none")]) == 0
    assert "warning: no index at" in capsys.readouterr().err


def test_flask_cli_reads_the_index_from_the_environment(index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from search_web import create_app

    monkeypatch.setenv("INDEX", str(index_dir))
    app = create_app()
    assert app.config["INDEX"] == str(index_dir)
    assert app.test_client().get("/").status_code == 200
