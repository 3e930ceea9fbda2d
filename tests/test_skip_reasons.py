"""Tests that need a browser or the shared reference material say how to point them at one elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pytest(*args: str, **env: str) -> subprocess.CompletedProcess:
    full = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, env=full)


def test_browser_tests_name_the_chromium_override(tmp_path):
    missing = tmp_path / "no-chromium"
    proc = _pytest("tests/test_dashboard.py", CHROMIUM=str(missing))
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert f"Chromium is absent at {missing}" in proc.stdout
    assert "set CHROMIUM=/path/to/chromium" in proc.stdout
    assert " passed" not in proc.stdout


def test_shared_tests_name_the_redline_shared_override(tmp_path):
    missing = tmp_path / "no-shared"
    proc = _pytest("tests/test_gold_floors.py", "-k", "pinned_hash", REDLINE_SHARED=str(missing))
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert f"the shared reference material is absent at {missing}" in proc.stdout
    assert "set REDLINE_SHARED=/path/to/shared" in proc.stdout


def test_redline_shared_points_the_tests_at_a_copy_elsewhere(tmp_path):
    from conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip(f"the shared reference material is absent at {SHARED} (set REDLINE_SHARED=/path/to/shared)")
    elsewhere = tmp_path / "copy-of-shared"
    elsewhere.symlink_to(SHARED, target_is_directory=True)
    proc = _pytest("tests/test_gold_floors.py", "-k", "pinned_hash", REDLINE_SHARED=str(elsewhere))
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert " passed" in proc.stdout and "skipped" not in proc.stdout
