"""Shared fixtures: a small real index built from the project's own corpus.

Everything is real: pyvi segments, Whoosh indexes, the web app reads the
index through the same API as in production.  Built once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "bao-nam-dinh-2023-07-24.txt"


def needs_shared(path: Path = SHARED) -> pytest.MarkDecorator:
    """Skip a test when the workplace's ../shared data is absent."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (real data lives outside the repository)")


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of corpus/ (and the seed article when ../shared is here)."""
    from indexer import writing

    path = tmp_path_factory.mktemp("index") / "ix"
    sources = [CORPUS] + ([SEED] if SEED.exists() else [])
    writing.build(path, sources, progress=False)
    return path


@pytest.fixture(scope="session")
def index(index_dir: Path):
    """The search API over the corpus index (opened once)."""
    from indexer import open_backend

    backend = open_backend(str(index_dir))
    yield backend
    backend.close()


@pytest.fixture()
def app(index_dir: Path):
    from search_web import create_app

    app = create_app({"INDEX": str(index_dir), "TESTING": True})
    yield app


@pytest.fixture()
def client(app):
    return app.test_client()
