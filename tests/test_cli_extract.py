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


BAD = [
    ("empty.txt", "empty file"),
    ("binary.txt", "binary file"),
    ("latin1.txt", "invalid UTF-8"),
    ("missing_text.jsonl", "missing field 'text'"),
    ("wrong_type.jsonl", "field 'text' has type int"),
    ("nothing", "directory holds no article"),
    ("no-such-file.txt", "no such file"),
]


def test_extract_bad_inputs_name_file_and_reason_and_the_run_goes_on(inputs):
    names = [name for name, _ in BAD]
    out = run("extract", *[str(inputs / n) for n in names], str(inputs / "good.txt"), "--format", "jsonl", "--all")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(BAD), out.stderr
    for (name, reason), line in zip(BAD, errors, strict=True):  # one line per bad input, in input order
        assert name in line and reason in line, line
    assert f"{len(BAD)} input(s) failed" in out.stderr
    assert out.stdout.strip(), "the good input after the bad ones is still coded"


def test_extract_usage_error_exits_2(inputs):
    out = run("extract", str(inputs / "good.txt"), "--published", "yesterday")
    assert out.returncode == 2
    assert "YYYY-MM-DD" in out.stderr


def test_extract_honours_a_user_actor_file(tmp_path):
    actors = tmp_path / "mine.csv"
    actors.write_text("kind,names,code,sector,office,start,end,wikidata,id\n"
                      "person,Ivan Testenko;Testenko,MDA,GOV,Mayor of Testograd,2020-01-01,,,testenko\n",
                      encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("Tue, 09 Mar 2021\n\nIvan Testenko accused Russia of meddling in the election.\n",
                   encoding="utf-8")
    without = run("extract", str(art), "--format", "jsonl")
    with_file = run("extract", str(art), "--format", "jsonl", "--actors", str(actors))
    assert with_file.returncode == 0, with_file.stderr
    rows = [json.loads(line) for line in with_file.stdout.splitlines()]
    assert [(r["event"][0], r["actor"][0]["code"], r["actor"][0]["sector"]) for r in rows] == [("ACCUSE", "MDA", "GOV")]
    assert all(json.loads(line)["actor"][0]["code"] != "MDA" for line in without.stdout.splitlines())


def test_extract_names_each_events_article_and_shows_progress(tmp_path, monkeypatch):
    """Many articles: the table has an article column, and the progress bar (a terminal only) counts articles."""
    from click.testing import CliRunner

    from redline.cli import cli, extract_cmds

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "title": "Kremlin warns Kyiv", "date": "2021-06-17",
                                                  "text": "Russia threatened Ukraine with sanctions on Monday."})
                                      + "\n", encoding="utf-8")
    ticks = []

    class Recorder:
        def update(self, done, total=None):
            ticks.append(done)

        def stop(self):
            ticks.append("stop")

    monkeypatch.setattr(extract_cmds, "progress_bar", lambda label, total=None: Recorder())
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl"), "--format",
                                      "table"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert ticks == [1, 2, "stop"]
    header = next(line for line in result.output.splitlines() if "article" in line)
    assert header.split("┃")[1].strip() == "article"
    assert "Kremlin warns Kyiv" in result.output and "a.txt" in result.output


def test_extract_prints_the_events_of_the_inputs_that_coded_when_one_fails(tmp_path, monkeypatch):
    """One input that fails in the pipeline is named; the others' events are still printed."""
    import datetime as dt

    from click.testing import CliRunner

    from redline import api
    from redline.cli import cli
    from redline.pipeline import Context, Pipeline, stage
    from redline.web.sample import with_one_event

    @stage("stand-in-coding", provides=("events",))
    def code_or_fail(doc, ctx):
        if "POISON" in doc.article.text:
            raise ValueError("stand-in failure")
        return with_one_event(doc, day=dt.date(2021, 3, 8))

    monkeypatch.setattr(api, "default_pipeline", lambda: Pipeline(Context(), stages=[code_or_fail.stage]))
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.replace("Monday", "Monday. POISON"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(GOOD.replace("Avdiivka", "Bakhmut"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                      str(tmp_path / "c.txt"), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 2  # the events of a.txt and c.txt
    assert f"error: {tmp_path / 'b.txt'}: stand-in-coding: ValueError: stand-in failure" in result.stderr
