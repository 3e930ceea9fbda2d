"""`redline actor` and `redline actors ...`: thin commands over the knowledge base."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import KnowledgeError, UsageError


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["actor", "Russian President Vladimir Putin", "--date", "2021-06-17"],
         {"code": "RUS", "sector": "GOV", "identifier_text": "Vladimir Putin", "identifier_id": "Q7747",
          "office": "President"}),
        (["actor", "Obama", "--date", "2019-05-01"],
         {"code": "USA", "sector": "ELI", "office": "former President"}),
        (["actor", "Chinese", "warplanes"], {"code": "CHN", "sector": "MIL"}),
        (["actor", "the committee"], {"code": None, "sector": None}),
    ],
)
def test_actor_command_prints_entity_as_json(runner, args, expected):
    result = runner.invoke(cli, args + ["--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert {k: row[k] for k in expected} == expected
    assert row["reason"]


def test_actor_command_table_has_the_columns(runner):
    result = runner.invoke(cli, ["actor", "the Pentagon"])
    assert result.exit_code == 0
    for column in ("code", "sector", "identifier_text", "office", "reason"):
        assert column in result.output


def test_actor_command_bad_date_is_a_usage_error(runner):
    result = runner.invoke(cli, ["actor", "Putin", "--date", "2019-99-01"])
    assert isinstance(result.exception, UsageError)


def test_actor_command_honours_user_file(runner, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("kind,names,code,sector\ngroup,Testograd Militia,UKR,REB\n", encoding="utf-8")
    result = runner.invoke(cli, ["actor", "Testograd Militia", "--actors", str(path), "--format", "json"])
    assert json.loads(result.stdout)[0]["code"] == "UKR"


def test_actor_command_malformed_user_file_names_line(runner, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("kind,names,code\nplanet,Mars,MRS\n", encoding="utf-8")
    result = runner.invoke(cli, ["actor", "Mars", "--actors", str(path)])
    assert isinstance(result.exception, KnowledgeError)
    assert f"{path}:2" in str(result.exception)


def test_import_petrarch_command_writes_file(runner, tmp_path):
    src = tmp_path / "d.actors.txt"
    src.write_text("FREEDONIA_ [FRD]\n+FREEDONIAN_\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(cli, ["actors", "import-petrarch", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("country,Freedonia;Freedonian,FRD")


def test_import_petrarch_command_exits_1_when_lines_are_skipped(runner, tmp_path):
    src = tmp_path / "d.actors.txt"
    src.write_text("FREEDONIA_ [FRD]\nFIREFLY_\n\t[FRDGOV 19331301-350101]\n", encoding="utf-8")
    result = runner.invoke(cli, ["actors", "import-petrarch", str(src), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert "bad date" in result.output and "2 line(s) skipped" in result.output
    assert (tmp_path / "o.csv").read_text(encoding="utf-8").count("\n") == 2  # header and Freedonia
    strict = runner.invoke(cli, ["actors", "import-petrarch", str(src), "-o", str(tmp_path / "s.csv"), "--strict"])
    assert strict.exit_code == 1 and not (tmp_path / "s.csv").exists()


def test_import_petrarch_command_leaves_out_built_in_names_unless_asked(runner, tmp_path):
    src = tmp_path / "d.actors.txt"
    src.write_text("FREEDONIA_ [FRD]\nRUSSIA_ [RUS]\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(cli, ["actors", "import-petrarch", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 name(s) left out: the built-in knowledge base has them" in result.output
    assert "Russia" not in out.read_text(encoding="utf-8")
    kept = runner.invoke(cli, ["actors", "import-petrarch", str(src), "-o", str(out), "--keep-known"])
    assert kept.exit_code == 0 and "Russia" in out.read_text(encoding="utf-8")


def test_actors_check_lists_overrides(runner, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("kind,names,code,sector\ncapital,Kyiv,XKY,GOV\n", encoding="utf-8")
    result = runner.invoke(cli, ["actors", "check", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert "Kyiv" in json.loads(result.stdout)[0]["conflict"]
