"""`redline eval --format petrarch-unit`: PETRARCH2's unit-test records with their own dictionaries imported."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import InputError, UsageError
from redline.evaluate.petrarch_unit import actor_key, read_unit_records, run_petrarch_unit

pytestmark = pytest.mark.slow

RECORDS = """<Validation>
<Environment>
    <Verbfile>Test.verbs.txt</Verbfile>
    <Actorfile>Test.actors.txt</Actorfile>
    <Agentfile>Test.agents.txt</Agentfile>
    <Discardfile>Test.discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="20200105" id="T-01" category="VERB" sentence="true">
<EventCoding sourcecode="FRD" targetcode="LTV" eventcode="111"></EventCoding>
<Text>
Freedonia pestered Latveria on Monday.
</Text>
</Sentence>
<Sentence date="20200105" id="T-02" category="PATTERN" sentence="true">
<EventCoding sourcecode="FRD" targetcode="LTV" eventcode="0874"></EventCoding>
<Text>
Freedonia abandoned its outpost in Latveria.
</Text>
</Sentence>
<Sentence date="20200105" id="T-03" category="PATTERN" sentence="true">
<EventCoding sourcecode="FRD" targetcode="LTV" eventcode="345"></EventCoding>
<Text>
Freedonia abandoned its efforts with Latveria.
</Text>
</Sentence>
<Sentence date="20200105" id="T-04" category="DEMO" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>
The weather in the capital was fine.
</Text>
</Sentence>
</Sentences>
</Validation>
"""
VERBS = """--- PESTER [111] ---
PESTER
--- ABANDON [080] ---
ABANDON
- * OUTPOST IN + [0874]
- * EFFORTS [345]
"""


@pytest.fixture
def unit_file(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "dictionaries").mkdir()
    (tmp_path / "dictionaries" / "Test.verbs.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "dictionaries" / "Test.actors.txt").write_text("FREEDONIA_ [FRD]\nLATVERIA_ [LTV]\n",
                                                              encoding="utf-8")
    (tmp_path / "dictionaries" / "Test.agents.txt").write_text("MINISTER [~GOV]\n", encoding="utf-8")
    path = tmp_path / "text" / "Test.records.xml"
    path.write_text(RECORDS, encoding="utf-8")
    return path


def test_reader_keeps_expected_triples_and_expectations(unit_file):
    env, records = read_unit_records(unit_file)
    assert env["Verbfile"] == "Test.verbs.txt"
    assert [(r.id, r.category, r.expects) for r in records] == [
        ("T-01", "VERB", "events"), ("T-02", "PATTERN", "events"), ("T-03", "PATTERN", "events"),
        ("T-04", "DEMO", "no events")]
    assert records[0].expected == (("FRD", "LTV", "111"),) and records[0].text == "Freedonia pestered Latveria on Monday."
    assert records[0].published.isoformat() == "2020-01-05"


@pytest.mark.parametrize(("code", "key"), [("ARNGOV", ("ARN", "GOV")), ("---GOV", (None, "GOV")), ("---", (None, None)),
                                           ('"INJURY TOLL"', ('text:"INJURY TOLL"', None))])
def test_actor_key_reads_petrarch_codes(code, key):
    assert actor_key(code) == key


def test_run_imports_the_named_dictionaries_and_counts_by_category(unit_file):
    report = run_petrarch_unit(unit_file, with_mistakes=True)
    assert report["records"] == 4
    assert report["by_category"]["VERB"] == {"records": 1, "passed": 1, "passed_loose": 1}
    assert report["by_category"]["PATTERN"]["passed"] == 1  # the outpost pattern; 345 is no CAMEO code
    assert report["by_category"]["DEMO"]["passed"] == 1
    assert report["passed"] == 3
    assert report["failures_by_cause"] == {"expects a code outside the CAMEO table (a WEIS or test code)": 1}
    assert report["dictionaries"]["verbs"]["patterns"] == {"converted": 1, "skipped": 1}
    assert [m["id"] for m in report["mistakes"]] == ["T-03"]


def test_eval_command_prints_categories(unit_file):
    result = CliRunner().invoke(cli, ["eval", str(unit_file), "--format", "petrarch-unit", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["records"], report["passed"]) == (4, 3)


def test_missing_dictionaries_are_a_usage_error(tmp_path):
    path = tmp_path / "Alone.records.xml"
    path.write_text(RECORDS, encoding="utf-8")
    with pytest.raises(UsageError, match="cannot find the dictionaries"):
        run_petrarch_unit(path)


def test_bad_records_file_names_the_file(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("<Validation><Sentences><Sentence id='x'>", encoding="utf-8")
    with pytest.raises(InputError, match="bad.xml"):
        read_unit_records(path)


@pytest.mark.shared
def test_petrarch2_unit_records_floor(shared_dir):
    """The 284 records of PETRARCH2 with its PETR.Validate dictionaries: the count measured in docs/evaluation.md,
    less a margin for coder changes; categories that cannot pass by design are explained there."""
    report = run_petrarch_unit(shared_dir / "anchors" / "petrarch2" / "text" / "PETR.UnitTest.records.xml")
    assert report["records"] == 284
    assert report["passed"] >= 55, report["by_category"]
    assert report["failures_by_cause"]["expects a code outside the CAMEO table (a WEIS or test code)"] >= 70
