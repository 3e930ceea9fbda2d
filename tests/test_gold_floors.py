"""The evaluation gate (trafilatura style): `redline eval` must stay at or above the pinned floors.

Floors and the sha256 of each gold file live in redline/gold/floors.toml, so the gold and its floors only
change together in a reviewed diff. The public gold files run only when ../shared is present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.evaluate import check_floors, file_sha256, load_floors, run_eval
from redline.evaluate import builtin_gold_path

pytestmark = pytest.mark.slow

FLOORS = load_floors()


def gold_path(name: str, shared: Path | None = None) -> Path:
    spec = FLOORS[name]
    return builtin_gold_path().parent / spec["path"] if shared is None else shared / spec["path"]


@pytest.fixture(scope="module")
def reports(pipeline):
    """Lazily computed eval reports, one per gold file, shared by the tests of this module."""
    cache: dict[str, dict] = {}

    def get(name: str, path: Path) -> dict:
        if name not in cache:
            cache[name] = run_eval(path, fmt=FLOORS[name]["format"], pipeline=pipeline)
        return cache[name]

    return get


def test_floors_file_pins_every_gold_file():
    assert set(FLOORS) == {"redline", "plover", "petrarch"}
    for spec in FLOORS.values():
        assert len(spec["sha256"]) == 64 and spec["floors"]


def test_our_gold_matches_its_pinned_hash():
    assert file_sha256(gold_path("redline")) == FLOORS["redline"]["sha256"], (
        "redline/gold/sentences.jsonl changed: review the change, re-measure, then update sha256 and floors "
        "in redline/gold/floors.toml in the same commit"
    )


def test_our_gold_meets_its_floors(reports):
    report = reports("redline", gold_path("redline"))
    assert check_floors(report, FLOORS["redline"]["floors"], FLOORS["redline"]["ceilings"]) == []
    assert not report["skipped"]


@pytest.mark.parametrize("name", ["plover", "petrarch"])
def test_public_gold_matches_its_pinned_hash(shared_dir, name):
    assert file_sha256(gold_path(name, shared_dir)) == FLOORS[name]["sha256"]


@pytest.mark.parametrize("name", ["plover", "petrarch"])
def test_public_gold_meets_its_floors(shared_dir, reports, name):
    report = reports(name, gold_path(name, shared_dir))
    assert check_floors(report, FLOORS[name]["floors"], FLOORS[name]["ceilings"]) == []
