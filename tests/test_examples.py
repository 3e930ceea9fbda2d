"""The README's Python example is examples/quickstart.py, and it runs as written; scripts that would start
worker processes from unguarded top-level code are stopped with a message that says how to fix them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = ROOT / "examples" / "quickstart.py"


def _readme_python_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_readme_python_example_is_quickstart_verbatim():
    (block,) = _readme_python_blocks()
    assert block == QUICKSTART.read_text(encoding="utf-8")


@pytest.mark.slow
def test_quickstart_runs_as_written_with_two_workers(tmp_path):
    proc = subprocess.run([sys.executable, str(QUICKSTART)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert "SUPPORT TUR -> SWE" in proc.stdout  # redline.extract: PLOVER dicts
    assert "ingest: coded 13, already stored 0, failed 0" in proc.stdout
    assert "mention(s) | Turkey's parliament" in proc.stdout  # Store.events: the same dicts, with counts
    again = subprocess.run([sys.executable, str(QUICKSTART)], cwd=tmp_path, capture_output=True, text=True,
                           timeout=900)
    assert "ingest: coded 0, already stored 13, failed 0" in again.stdout


UNGUARDED = """\
from redline.ingest import ingest

report = ingest([{corpus!r}], db="unguarded.duckdb", workers=2)
print("stored", report.coded)
"""

GUARDED_IN_FUNCTION = """\
from redline.ingest import ingest


def main():
    ingest([{corpus!r}], db="guarded.duckdb", workers=2)


if __name__ == "__main__":
    main()
"""


def test_unguarded_script_with_workers_is_stopped_before_anything_starts(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED.format(corpus=str(corpus)), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert f'called from {script}:3 outside `if __name__ == "__main__":`' in proc.stderr
    assert "stored" not in proc.stdout
    assert not (tmp_path / "unguarded.duckdb").exists()


@pytest.mark.parametrize("source, line, guarded", [
    ('ingest()\n', 1, False),
    ('if __name__ == "__main__":\n    ingest()\n', 2, True),
    ("if '__main__' == __name__:\n    main()\n", 2, True),
    ('def main():\n    ingest()\n\n\nmain()\n', 5, False),
    ('if True:\n    ingest()\n', 2, False),
])
def test_guard_detection(tmp_path, source, line, guarded):
    from redline.engines.spawn import _guarded

    path = tmp_path / "s.py"
    path.write_text(source, encoding="utf-8")
    assert _guarded(path, line) is guarded


def test_guarded_call_inside_a_function_passes_the_check(tmp_path):
    from redline.engines.spawn import _guarded

    path = tmp_path / "g.py"
    path.write_text(GUARDED_IN_FUNCTION.format(corpus="x"), encoding="utf-8")
    assert _guarded(path, 9) is True  # the main() call under the guard
