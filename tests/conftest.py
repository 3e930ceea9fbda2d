"""Shared fixtures: the real pipeline (loaded once per session) and the ../shared folder when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The shared reference material: ../shared beside the checkout, or wherever REDLINE_SHARED points.
SHARED = Path(os.environ.get("REDLINE_SHARED") or ROOT.parent / "shared")
REFERENCE_ARTICLE = SHARED / "examples" / "rferl-2021-06-17-nato-red-line.txt"


@pytest.fixture(scope="session")
def ctx():
    """The real Context: spaCy model, knowledge base, gazetteer (loaded lazily, once), with the learnt veto off:
    rule tests test the rules, and the veto's weights are retrained on merged code (tests/test_veto.py and the
    floors in tests/test_gold_floors.py run with it on)."""
    from redline.pipeline import Context

    return Context(settings={"veto": False})


@pytest.fixture(scope="session")
def pipeline(ctx):
    from redline.pipeline import Pipeline

    return Pipeline(ctx)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared reference material is absent at {SHARED} "
                    "(set REDLINE_SHARED=/path/to/shared to use a copy elsewhere)")
    return SHARED


@pytest.fixture(scope="session")
def reference_text(shared_dir) -> str:
    return (shared_dir / "examples" / "rferl-2021-06-17-nato-red-line.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def serve():
    """`serve(store_path)`: a context manager running the HTTP API and dashboard over that store."""
    from redline.web.bench import serving

    return serving
