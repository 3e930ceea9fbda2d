"""`redline demo`: codes the bundled samples into a store; running it again adds nothing."""

import subprocess
import sys

import pytest

from redline.store import Store

pytestmark = pytest.mark.slow


def test_demo_codes_samples_and_is_idempotent(tmp_path):
    db = tmp_path / "demo.duckdb"
    first = subprocess.run([sys.executable, "-m", "redline", "demo", "--db", str(db)], capture_output=True,
                           text=True, timeout=900)
    assert first.returncode == 0, first.stderr
    assert "0 failed" in first.stdout and "already stored" in first.stdout
    with Store(str(db), read_only=True) as store:
        n_events = store.count_events(factuality=None)
        types = {r["event"][0] for r in store.events(factuality="asserted", limit=10_000)}
    assert n_events > 20
    assert len(types) >= 12
    second = subprocess.run([sys.executable, "-m", "redline", "demo", "--db", str(db)], capture_output=True,
                            text=True, timeout=900)
    assert second.returncode == 0, second.stderr
    assert "0 article(s) coded now" in second.stdout
    with Store(str(db), read_only=True) as store:
        assert store.count_events(factuality=None) == n_events
