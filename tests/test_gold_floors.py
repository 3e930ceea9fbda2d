"""The evaluation gate (trafilatura style): `redline eval` must stay at or above the pinned floors.

Floors and the sha256 of each gold file live in redline/gold/floors.toml, so the gold and its floors only
change together in a reviewed diff. Our own gold files ship with the package (`package = true`); the public gold
files, and the corpus our real-article gold points into, are read from ../shared and run only when it is present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.evaluate import builtin_gold_path, check_floors, file_sha256, load_floors, run_eval

pytestmark = pytest.mark.slow

FLOORS = load_floors()
PACKAGED = sorted(name for name, spec in FLOORS.items() if spec.get("package"))
PUBLIC = sorted(name for name, spec in FLOORS.items() if not spec.get("package"))
NEEDS_SHARED = sorted(name for name, spec in FLOORS.items() if not spec.get("package") or spec.get("corpus"))
SELF_CONTAINED = sorted(set(FLOORS) - set(NEEDS_SHARED))


def gold_path(name: str, shared: Path | None = None) -> Path:
    spec = FLOORS[name]
    return builtin_gold_path().parent / spec["path"] if spec.get("package") else shared / spec["path"]


@pytest.fixture(scope="module")
def reports():
    """Lazily computed eval reports, one per gold file, shared by the tests of this module (the shipped
    configuration: the learnt veto on, unlike the conftest pipeline)."""
    from redline.pipeline import Context, Pipeline

    pipeline = Pipeline(Context())
    cache: dict[str, dict] = {}

    def get(name: str, shared: Path | None) -> dict:
        if name not in cache:
            spec = FLOORS[name]
            corpus = shared / spec["corpus"] if spec.get("corpus") else None
            cache[name] = run_eval(gold_path(name, shared), fmt=spec["format"], pipeline=pipeline, corpus=corpus,
                                   split=spec.get("split"))
        return cache[name]

    return get


def test_floors_file_pins_every_gold_set():
    assert {"redline", "realnews-dev", "realnews-test", "plover", "petrarch", "case2021", "ipe", "ngec-dev",
            "ngec-test"} <= set(FLOORS)
    for name, spec in FLOORS.items():
        assert len(spec["sha256"]) == 64 and spec["floors"], name
        assert spec["format"] != "realnews" or spec.get("corpus"), f"{name}: a realnews gold needs its corpus"
        assert spec["format"] != "ngec-synthetic" or spec.get("split") in ("dev", "test"), f"{name}: needs its split"


@pytest.mark.parametrize("name", PACKAGED)
def test_our_gold_matches_its_pinned_hash(name):
    assert file_sha256(gold_path(name)) == FLOORS[name]["sha256"], (
        f"redline/gold/{FLOORS[name]['path']} changed: review the change, re-measure, then update sha256 and "
        "floors in redline/gold/floors.toml in the same commit"
    )


@pytest.mark.parametrize("name", SELF_CONTAINED)
def test_self_contained_gold_meets_its_floors(reports, name):
    report = reports(name, None)
    assert check_floors(report, FLOORS[name]["floors"], FLOORS[name]["ceilings"]) == []
    assert not report["skipped"]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_gold_matches_its_pinned_hash(shared_dir, name):
    assert file_sha256(gold_path(name, shared_dir)) == FLOORS[name]["sha256"]


@pytest.mark.parametrize("name", NEEDS_SHARED)
def test_gold_on_shared_meets_its_floors(shared_dir, reports, name):
    report = reports(name, shared_dir)
    assert check_floors(report, FLOORS[name]["floors"], FLOORS[name]["ceilings"]) == []
    assert not report["skipped"], report["skipped"][:3]
