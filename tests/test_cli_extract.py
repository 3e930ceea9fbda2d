"""`redline extract`: bad inputs get one clear line naming the file and reason; the run goes on; exit 1."""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

GOOD = "Tue, 09 Mar 2021\n\nRussian troops shelled the Ukrainian town of Avdiivka on Monday, officials said.\n"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "redline", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "missing_text.jsonl").write_text(json.dumps({"id": "x1", "title": "t"}) + "\n", encoding="utf-8")
    (tmp_path / "wrong_type.jsonl").write_text(json.dumps({"id": "x2", "text": 42}) + "\n", encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "image.png").write_bytes(b"\x89PNG")
    return tmp_path


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("latin1.txt", "invalid UTF-8"),
        ("missing_text.jsonl", "missing field 'text'"),
        ("wrong_type.jsonl", "field 'text' has type int"),
        ("nothing", "directory holds no articles"),
        ("no-such-file.txt", "no such file"),
    ],
)
def test_extract_bad_input_names_file_and_reason_and_goes_on(inputs, name, reason):
    out = run("extract", str(inputs / name), str(inputs / "good.txt"), "--format", "jsonl", "--all")
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, out.stderr
    assert name in errors[0] and reason in errors[0]
    assert "Traceback" not in out.stderr


def test_extract_usage_error_exits_2(inputs):
    out = run("extract", str(inputs / "good.txt"), "--published", "yesterday")
    assert out.returncode == 2
    assert "YYYY-MM-DD" in out.stderr
