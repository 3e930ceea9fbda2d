"""Shared fixtures: the real pipeline (loaded once per session) and the ../shared folder when present."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REFERENCE_ARTICLE = SHARED / "examples" / "rferl-2021-06-17-nato-red-line.txt"


@pytest.fixture(scope="session")
def ctx():
    """The real Context: spaCy model, knowledge base, gazetteer (loaded lazily, once)."""
    from redline.pipeline import Context

    return Context()


@pytest.fixture(scope="session")
def pipeline(ctx):
    from redline.pipeline import Pipeline

    return Pipeline(ctx)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def reference_text(shared_dir) -> str:
    return (shared_dir / "examples" / "rferl-2021-06-17-nato-red-line.txt").read_text(encoding="utf-8")


@contextlib.contextmanager
def serving(store_path: Path) -> Iterator[str]:
    """A uvicorn server (in a thread, on a free port) over the store at `store_path`; yields its base URL."""
    import httpx
    import uvicorn

    from redline.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            if httpx.get(base + "/stats", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    else:
        pytest.fail("the dashboard server did not start")
    try:
        yield base
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve():
    """`serve(store_path)`: a context manager running the HTTP API and dashboard over that store."""
    return serving
