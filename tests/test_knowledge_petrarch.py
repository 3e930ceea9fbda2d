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
        import_petrarch(src, tmp_path / "out.csv", kind="actors", strict=True)
    assert str(src) in str(err.value) and problem in str(err.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("COAST_WATCHER [MIL]\n[~GOV] x\n", "lacks '~'"), ("HARBOUR!SAILOR! [~LAB]\n", "!SAILOR! is used before")],
)
def test_import_malformed_agents_names_file_and_line(tmp_path, text, problem):
    src = tmp_path / "bad.agents.txt"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=":1: ") as err:
        import_petrarch(src, tmp_path / "out.csv", kind="agents", strict=True)
    assert problem in str(err.value)


def test_import_lenient_skips_and_reports_bad_lines(tmp_path):
    src = tmp_path / "mixed.actors.txt"
    src.write_text(ACTORS + "BROKEN_\n\t[FRDGOV 9008223-911221]\n\t[FRDGOV >911221]\n", encoding="utf-8")
    report = import_petrarch(src, tmp_path / "out.csv")  # lenient is the default
    assert any("bad date '9008223'" in s for s in report.skipped)
    broken = [r for r in report.rows if r["names"] == "Broken"]
    assert [(r["start"], r["end"]) for r in broken] == [("1991-12-21", "")]  # the entry keeps its good lines
    with pytest.raises(KnowledgeError, match="bad date '9008223'"):
        import_petrarch(src, tmp_path / "strict.csv", strict=True)


@pytest.mark.parametrize("raw, person, name", [
    ("JOE_BIDEN_", True, "Joe Biden"),
    ("VICE_PRESIDENT_JOE_BIDEN", True, "Vice President Joe Biden"),
    ("LEVON_TER-PETROSYAN_", True, "Levon Ter-Petrosyan"),
    ("ABDULLAH_BIN_ZAYED_AL_NAHYAN_", True, "Abdullah bin Zayed al Nahyan"),
    ("BANK_OF_AMERICA_", False, "Bank of America"),
    ("SECRETARY_OF_STATE", False, "Secretary of State"),
    ("UN_SECURITY_COUNCIL_", False, "UN Security Council"),
    ("U.S._ARMY_", False, "U.S. Army"),
    ("Kremlin_", False, "Kremlin"),
    ("MARTIN_O'NEILL_", True, "Martin O'Neill"),
    ("AL_JABHAH_ASH_SHA'BIYAH", False, "Al Jabhah ash Sha'biyah"),
    ("THE_GRAVEYARD_OF_EMPIRES", False, "The Graveyard of Empires"),
])
def test_import_names_are_cased_like_names(raw, person, name):
    from redline.knowledge.actor_petrarch import _phrase

    assert _phrase(raw, person=person) == name


def test_import_person_office_is_the_role_in_words_not_the_code(tmp_path):
    src = tmp_path / "test.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    rows = _rows_of(import_petrarch(src, tmp_path / "out.csv"))
    firefly = [r for r in rows if r["kind"] == "person"]
    assert [r["office"] for r in firefly] == ["elite (former official or public figure)", "government",
                                              "elite (former official or public figure)"]
    assert firefly[0]["names"] == "Rufus T. Firefly"
    assert not any(r.get("office", "").isupper() for r in rows)


def test_import_leaves_out_what_the_built_in_base_knows(tmp_path):
    src = tmp_path / "known.actors.txt"
    src.write_text("RUSSIA_ [RUS]\n+FREEDONIA_\nKREMLIN_ [RUSGOV]\nJOE_BIDEN_\n+VICE_PRESIDENT_BIDEN_\n"
                   "\t[USAGOV >090120]\nRUFUS_FIREFLY_\n\t[FRDGOV >330101]\n", encoding="utf-8")
    kb = Knowledge.build(places=lambda: None)
    report = import_petrarch(src, tmp_path / "out.csv", known=kb)
    assert [(r["kind"], r["names"]) for r in report.rows] == [("country", "Freedonia"), ("person", "Rufus Firefly")]
    assert any("'Russia' is built in (RUS)" in k for k in report.known)
    assert any("person 'Joe Biden' is built in (USA)" in k for k in report.known)
    everything = import_petrarch(src, tmp_path / "all.csv")
    assert len(everything.rows) == 4


def _rows_of(report):
    return report.rows


@pytest.mark.parametrize(
    ("code", "expected"),
    [("USAGOV", ("USA", "GOV")), ("AFG", ("AFG", None)), ("IGOUNO", ("UNO", None)), ("~MIL", (None, "MIL")),
     ("~GOVFRM", (None, "GOV")), ("~CHRCPT", (None, "REL")), ("CIVGOV", ("CIV", "GOV")), ("NGO~", ("NGO", None))],
)
def test_split_code_separates_actor_and_sector(code, expected):
    assert split_code(code) == expected


@pytest.mark.slow
def test_real_phoenix_countries_import_is_usable(shared_dir, reference_text, pipeline, tmp_path):
    """The README's example: the real dictionary converts without --strict (its broken lines listed), the names
    read like names, and loading the result leaves the reference article's events as they were."""
    from redline.pipeline import Context, Pipeline
    from redline.plover import event_dict
    from redline.stages.clean import clean_text

    src = shared_dir / "anchors" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"
    out = tmp_path / "countries.csv"
    report = import_petrarch(src, out, known=Knowledge.build(places=lambda: None))
    assert len(report.rows) > 20_000 and report.skipped and report.known
    assert any("Phoenix.Countries.actors.txt:2039: bad date '9008223'" in s for s in report.skipped)
    people = {n for r in report.rows if r["kind"] == "person" for n in r["names"].split(";")}
    assert not [n for n in people if any(len(w) > 1 and w.isupper() and "." not in w for w in n.split())][:3]
    stop = {"OF", "THE", "AND", "FOR"}
    assert not [n for r in report.rows for n in r["names"].split(";") if stop & set(n.split()[1:])][:3]
    assert not any(r.get("office", "").isupper() and r.get("office") for r in report.rows)

    def coded(p):
        doc = p.run_one(clean_text(reference_text))
        return sorted(json_key(event_dict(e)) for e in doc.events)

    assert coded(Pipeline(Context(actors_file=str(out)))) == coded(pipeline)


def json_key(d: dict) -> tuple:
    return (d["text"], d["event"][0], tuple((a["code"], a["sector"]) for a in d["actor"]),
            tuple((a["code"], a["sector"]) for a in d["recipient"]), d["factuality"])
