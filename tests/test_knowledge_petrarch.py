"""PETRARCH2 actor/agent dictionaries -> redline actor files, and their errors."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from redline.errors import KnowledgeError
from redline.knowledge.actor_petrarch import import_petrarch, split_code
from redline.knowledge.actors import Knowledge

# A small dictionary written for this test in PETRARCH's documented format (not copied from any shipped file).
ACTORS = """# test actors
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREEDONIA_CITY_

RUFUS_T._FIREFLY_  ; a leader
\t[FRDELI 19200101-330101]
\t[FRDGOV 330101-350101]
\t[FRDELI >350101]

SYLVANIA_ARMY_ [SYLMIL]
"""

AGENTS = """!PERSON! = MAN, MEN, WOMAN, WOMEN
COAST_WATCHER [~MIL] # a test agent
HARBOUR!PERSON! {} [~LAB]
PEACE_CAMPAIGNER {PEACE_CAMPAIGNERS} [~OPP]
CHARITY_BOARD  [NGO~]
"""


def _rows(path):
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_import_actors_writes_people_and_countries(tmp_path):
    src = tmp_path / "test.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    out = tmp_path / "actors.csv"
    report = import_petrarch(src, out)
    assert report.kind == "actors" and not report.skipped
    rows = _rows(out)
    country = [r for r in rows if r["kind"] == "country"]
    assert country[0]["code"] == "FRD" and "Freedonian" in country[0]["names"]
    firefly = [r for r in rows if r["kind"] == "person"]
    assert [(r["sector"], r["start"], r["end"]) for r in firefly] == [
        ("ELI", "1920-01-01", "1933-01-01"), ("GOV", "1933-01-01", "1935-01-01"), ("ELI", "1935-01-01", "")]
    assert [r for r in rows if r["kind"] == "group"][0]["sector"] == "MIL"


def test_imported_actor_file_resolves_by_date(tmp_path):
    src = tmp_path / "test.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    out = tmp_path / "actors.csv"
    import_petrarch(src, out)
    kb = Knowledge.build(actors_file=out, places=lambda: None)
    assert kb.resolve("Rufus T. Firefly", date=dt.date(1934, 1, 1)).sector == "GOV"
    assert kb.resolve("Rufus T. Firefly", date=dt.date(1940, 1, 1)).sector == "ELI"
    assert kb.resolve("Freedonian soldiers").code == "FRD"


def test_import_agents_expands_plurals_and_substitutions(tmp_path):
    src = tmp_path / "test.agents.txt"
    src.write_text(AGENTS, encoding="utf-8")
    out = tmp_path / "agents.csv"
    report = import_petrarch(src, out)
    assert report.kind == "agents"
    rows = {r["names"]: (r["sector"], r["code"]) for r in _rows(out)}
    assert rows["coast watcher"] == ("MIL", "")
    assert rows["harbourman;harbourmen;harbourwoman;harbourwomen"] == ("LAB", "")
    assert rows["peace campaigner;peace campaigners"] == ("OPP", "")
    assert rows["charity board"] == ("SOC", "NGO")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("+FREEDONIAN_\n", ":1: synonym '+FREEDONIAN_' before any actor phrase"),
        ("\t[FRDGOV 330101-350101]\n", ":1: code restriction"),
        ("FIREFLY_\n\t[FRDGOV 19331301-350101]\n", ":2: bad date '19331301'"),
        ("FIREFLY_\n\t[FRDGOV 350101-330101]\n", ":2: date restriction '350101-330101' ends before it starts"),
        ("FIREFLY_\n\t[FRDGOV 330101~350101]\n", ":2: bad date restriction"),
        ("FIREFLY_ [FRD\n", ":1: malformed actor line"),
    ],
)
def test_import_malformed_actors_names_file_and_line(tmp_path, text, problem):
    src = tmp_path / "bad.actors.txt"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        import_petrarch(src, tmp_path / "out.csv", kind="actors")
    assert str(src) in str(err.value) and problem in str(err.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("COAST_WATCHER [MIL]\n[~GOV] x\n", "lacks '~'"), ("HARBOUR!SAILOR! [~LAB]\n", "!SAILOR! is used before")],
)
def test_import_malformed_agents_names_file_and_line(tmp_path, text, problem):
    src = tmp_path / "bad.agents.txt"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=":1: ") as err:
        import_petrarch(src, tmp_path / "out.csv", kind="agents")
    assert problem in str(err.value)


def test_import_lenient_skips_and_reports_bad_lines(tmp_path):
    src = tmp_path / "mixed.actors.txt"
    src.write_text(ACTORS + "BROKEN_\n\t[FRDGOV 19331301-350101]\n", encoding="utf-8")
    report = import_petrarch(src, tmp_path / "out.csv", strict=False)
    assert report.rows
    assert any("bad date" in s for s in report.skipped)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("USAGOV", ("USA", "GOV")), ("AFG", ("AFG", None)), ("IGOUNO", ("UNO", None)), ("~MIL", (None, "MIL")),
     ("~GOVFRM", (None, "GOV")), ("~CHRCPT", (None, "REL")), ("CIVGOV", ("CIV", "GOV")), ("NGO~", ("NGO", None))],
)
def test_split_code_separates_actor_and_sector(code, expected):
    assert split_code(code) == expected
