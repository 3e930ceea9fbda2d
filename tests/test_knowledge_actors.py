"""The actor knowledge base: standalone resolution, dated roles, entity-ruler patterns, user files, data validity."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest

from redline.errors import KnowledgeError
from redline.knowledge.actor_data import DATA_DIR, SECTORS, read_people
from redline.knowledge.actor_names import normalise, tokenize
from redline.knowledge.actors import Knowledge


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.build(places=lambda: None)


D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("text", "date", "code", "sector", "identifier"),
    [
        ("Russian President Vladimir Putin", "2021-06-17", "RUS", "GOV", "Vladimir Putin"),
        ("Kremlin spokesman Dmitry Peskov", "2021-06-17", "RUS", "GOV", "Dmitry Peskov"),
        ("Ukrainian President Volodymyr Zelenskiy", "2021-06-17", "UKR", "GOV", "Volodymyr Zelensky"),
        ("Zelenskyy", "2023-02-01", "UKR", "GOV", "Volodymyr Zelensky"),
        ("the Kremlin", None, "RUS", "GOV", "Kremlin"),
        ("the Pentagon", None, "USA", "MIL", "Pentagon"),
        ("the White House", None, "USA", "GOV", "White House"),
        ("Downing Street", None, "GBR", "GOV", "Downing Street"),
        ("Kyiv", None, "UKR", "GOV", None),
        ("Kiev", None, "UKR", "GOV", None),
        ("Russia", None, "RUS", None, None),
        ("the U.S.", None, "USA", None, None),
        ("Britain", None, "GBR", None, None),
        ("South Korea", None, "KOR", None, None),
        ("Russian troops", None, "RUS", "MIL", None),
        ("Chinese warplanes", None, "CHN", "MIL", None),
        ("a senior Chinese diplomat", None, "CHN", "GOV", None),
        ("Iranian lawmakers", None, "IRN", "LEG", None),
        ("Egyptian police", None, "EGY", "COP", None),
        ("Syrian rebels", None, "SYR", "REB", None),
        ("Ugandan opposition leader", None, "UGA", "OPP", None),
        ("Israeli state media", None, "ISR", "JRN", None),
        ("Afghan rebel leaders", None, "AFG", "REB", None),
        ("NATO warplanes", None, "NATO", "MIL", None),
        ("U.N. Security Council", None, "UNO", "GOV", "UN Security Council"),
        ("the European Union", None, "EUR", None, "European Union"),
        ("president of Armenia", None, "ARM", "GOV", None),
        ("refugees fleeing the fighting in Syria", None, "SYR", "REF", None),
        ("Palestinians", None, "PSE", "CVL", None),
        ("Bosnian Serbs", None, "BIH", "CVL", None),
        ("Hezbollah (Party of God)", None, "LBN", "REB", "Hezbollah"),
        ("former President Barack Obama", "2012-01-01", "USA", "ELI", "Barack Obama"),
        ("Syrian rebel forces", None, "SYR", "REB", None),
        ("rebel forces against the Russian offensive", None, None, "REB", None),
        ("ISIS leader", None, "IMG", "REB", None),
        ("police in Kabul", None, "AFG", "COP", None),
        ("russian troops", None, "RUS", "MIL", None),
    ],
)
def test_resolve_mention_text_codes_country_and_sector(kb, text, date, code, sector, identifier):
    e = kb.resolve(text, date=D(date) if date else None)
    assert (e.code, e.sector, e.identifier_text) == (code, sector, identifier)
    assert e.reason


@pytest.mark.parametrize(
    ("text", "date", "sector", "office"),
    [
        ("Obama", "2014-03-01", "GOV", "President"),
        ("Obama", "2019-03-01", "ELI", "former President"),
        ("Poroshenko", "2016-03-01", "GOV", "President"),
        ("Poroshenko", "2020-03-01", "ELI", "former President"),
        ("Joe Biden", "2010-05-01", "GOV", "Vice President"),
        ("Joe Biden", "2022-05-01", "GOV", "President"),
        ("Sergei Shoigu", "2020-01-01", "GOV", "Defence Minister"),
        ("Sergei Shoigu", "2024-06-01", "GOV", "Secretary of the Security Council"),
    ],
)
def test_resolve_person_office_as_of_date(kb, text, date, sector, office):
    e = kb.resolve(text, date=D(date))
    assert (e.sector, e.office) == (sector, office)


def test_resolve_person_code_follows_office_country(kb):
    assert kb.resolve("Ursula von der Leyen", date=D("2016-01-01")).code == "DEU"
    assert kb.resolve("Ursula von der Leyen", date=D("2021-01-01")).code == "EUR"


@pytest.mark.parametrize(
    ("text", "date", "name"),
    [("President Assad", "1995-01-01", "Hafez al-Assad"), ("President Assad", "2012-01-01", "Bashar al-Assad")],
)
def test_resolve_shared_surname_by_who_held_office_then(kb, text, date, name):
    assert kb.resolve(text, date=D(date)).identifier_text == name


@pytest.mark.parametrize(
    "text",
    ["the committee", "us", "Congolese rebels", ""],
)
def test_resolve_unknown_or_ambiguous_has_no_code_and_a_reason(kb, text):
    e = kb.resolve(text)
    assert e.code is None
    assert e.reason


def test_redate_moves_a_person_to_another_date(kb):
    e = kb.resolve("Petro Poroshenko", date=D("2016-01-01"))
    assert e.sector == "GOV"
    later = kb.redate(e, D("2021-01-01"))
    assert (later.code, later.sector, later.identifier_text) == ("UKR", "ELI", "Petro Poroshenko")
    assert later.reason.startswith("redated")


def test_redate_leaves_non_people_unchanged(kb):
    e = kb.resolve("Russian troops")
    assert kb.redate(e, D("2014-01-01")) is e


@pytest.mark.parametrize(
    ("pattern", "label"),
    [("kyiv", "GPE"), ("kiev", "GPE"), ("the kremlin", "ORG"), ("the white house", "ORG"), ("the pentagon", "ORG"),
     ("ukrainian", "NORP"), ("vladimir putin", "PERSON"), ("nato", "ORG"), ("US", "GPE")],
)
def test_entity_patterns_label_known_names(kb, pattern, label):
    found = [p for p in kb.entity_patterns()
             if p["pattern"] == pattern or p["pattern"] == [{"ORTH": pattern}]]
    assert found and found[0]["label"] == label and found[0]["id"]


@pytest.mark.parametrize("word", ["us", "turkey", "who", "chad", "poles", "trump", "police", "president"])
def test_entity_patterns_keep_common_words_out(kb, word):
    phrases = {p["pattern"] for p in kb.entity_patterns() if isinstance(p["pattern"], str)}
    singles = {p["pattern"][0]["ORTH"] for p in kb.entity_patterns() if isinstance(p["pattern"], list)}
    assert word not in phrases
    assert word not in singles


@pytest.mark.parametrize(("word", "exact"), [("US", "US"), ("Turkey", "Turkey"), ("Poles", "Poles")])
def test_entity_patterns_keep_names_that_are_words_exact_case(kb, word, exact):
    singles = {p["pattern"][0]["ORTH"] for p in kb.entity_patterns() if isinstance(p["pattern"], list)}
    assert exact in singles


@pytest.mark.parametrize(
    ("text", "kinds"),
    [("talks with the US", ["country"]), ("let us talk", []), ("Turkey said", ["country"]),
     ("a turkey farm", []), ("WHO officials", ["igo", "agent"]), ("people who fled", ["agent"])],
)
def test_match_needs_proper_names_capitalised(kb, text, kinds):
    assert [m.kind for m in kb.match(tokenize(text))] == kinds


def test_normalise_folds_case_space_and_apostrophes():
    assert normalise("  Côte  d’Ivoire ") == "côte d'ivoire"


def _write(tmp_path, text, name="actors.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_person_and_wins_conflicts(tmp_path):
    path = _write(tmp_path, "kind,names,code,sector,office,start,end,wikidata,id\n"
                            "person,Ivan Testenko;Testenko,UKR,GOV,Mayor of Testograd,2020-01-01,,,testenko\n"
                            "capital,Kyiv,XKY,GOV,,,,,\n"
                            "agent,drone operators,,MIL,,,,,\n")
    kb = Knowledge.build(actors_file=path, places=lambda: None)
    e = kb.resolve("Testenko", date=D("2021-01-01"))
    assert (e.code, e.sector, e.office) == ("UKR", "GOV", "Mayor of Testograd")
    assert kb.resolve("Kyiv").code == "XKY"
    assert any("Kyiv" in c and "user's entry wins" in c for c in kb.conflicts)
    assert kb.resolve("Russian drone operators").sector == "MIL"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("kind,names,code\nperson,Foo Bar,USA\nplanet,Mars,MRS\n", ":3: unknown kind 'planet'"),
        ("kind,names,code,sector\ncountry,Freedonia,FRE,XXX\n", ":2: unknown sector 'XXX'"),
        ("kind,names,code\ncountry,Freedonia,fre\n", ":2: bad actor code 'fre'"),
        ("kind,names,code,start\nperson,Foo Bar,USA,2020-13-01\n", ":2: bad date '2020-13-01'"),
        ("kind,names,code,colour\ncountry,Freedonia,FRE,red\n", ":1: bad header"),
        ("kind,names,code\ncountry,,FRE\n", ":2: no names given"),
        ("kind,names,code\ncountry,Freedonia,FRE,extra\n", ":2: 4 fields but the header has 3"),
        ("kind,names,code,wikidata\nperson,Foo Bar,USA,42\n", ":2: bad Wikidata id '42'"),
        ("kind,names,code,gender\nperson,Foo Bar,USA,x\n", ":2: bad gender 'x'"),
        ("# only a comment\n", "actor file is empty"),
    ],
)
def test_user_file_errors_name_file_line_and_problem(tmp_path, content, problem):
    path = _write(tmp_path, content)
    with pytest.raises(KnowledgeError) as err:
        Knowledge.build(actors_file=path, places=lambda: None)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_user_file_missing_is_a_knowledge_error(tmp_path):
    with pytest.raises(KnowledgeError, match="not found"):
        Knowledge.build(actors_file=tmp_path / "nope.csv", places=lambda: None)


def test_builtin_country_codes_are_iso_alpha3(kb):
    codes = {e.code for es in kb._index.values() for e in es if e.kind in ("country", "capital", "adjective")}
    unknown = {c for c in codes if pycountry.countries.get(alpha_3=c) is None} - {"XKX"}
    assert not unknown


def test_builtin_people_are_well_formed(kb):
    people = read_people(DATA_DIR / "people.csv")
    assert len(people) >= 300
    for p in people:
        for o in p.offices:
            assert o.sector in SECTORS
            assert pycountry.countries.get(alpha_3=o.code) is not None or kb.is_organisation_code(o.code) \
                or o.code == "XKX", (p.id, o.code)
            assert o.start is not None, (p.id, o.office)


def test_builtin_people_cover_g20_leaders(kb):
    day = D("2021-06-01")
    leaders = ["Joe Biden", "Vladimir Putin", "Xi Jinping", "Angela Merkel", "Emmanuel Macron", "Boris Johnson",
               "Yoshihide Suga", "Narendra Modi", "Jair Bolsonaro", "Recep Tayyip Erdogan", "Justin Trudeau",
               "Scott Morrison", "Mario Draghi", "Andres Manuel Lopez Obrador", "Alberto Fernandez",
               "Cyril Ramaphosa", "Joko Widodo", "King Salman", "Moon Jae-in"]
    for name in leaders:
        e = kb.resolve(name, date=day)
        assert e.sector == "GOV", (name, e.reason)


def test_load_knowledge_honours_context_actors_file_and_caches(tmp_path):
    from redline.knowledge.actors import load_knowledge
    from redline.pipeline import Context

    path = _write(tmp_path, "kind,names,code,sector\ngroup,Testograd Militia,UKR,REB\n")
    ctx = Context(actors_file=str(path))
    kb = load_knowledge(ctx)
    assert load_knowledge(ctx) is kb
    assert kb.resolve("Testograd Militia").code == "UKR"


@pytest.mark.parametrize(("code", "expected"), [("UNO", True), ("NATO", True), ("EUR", True), ("IMG", True),
                                                ("RUS", False), ("USA", False), (None, False)])
def test_is_organisation_code_tells_bodies_from_countries(kb, code, expected):
    assert kb.is_organisation_code(code) is expected


def test_user_file_person_gender_overrides_the_given_name(tmp_path):
    path = _write(tmp_path, "kind,names,code,sector,office,start,end,id,gender\n"
                            "person,Jordan Testova,UKR,GOV,Mayor of Testograd,2020-01-01,,testova,f\n")
    kb = Knowledge.build(actors_file=path, places=lambda: None)
    assert kb.person_gender("testova") == "f"
    assert kb.name_gender("Jordan Testova") is None  # a name used for both is not in the list


def test_given_names_list_names_each_name_once():
    from redline.knowledge.actor_data import split_names

    seen: dict[str, str] = {}
    for line in (DATA_DIR / "given_names.csv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or line.startswith("gender,"):
            continue
        gender, names = line.split(",", 1)
        for name in split_names(names):
            assert seen.setdefault(name.lower(), gender) == gender, name


@pytest.mark.parametrize(("name", "date", "expected"), [
    ("McCain", "2013-02-15", "John McCain"),
    ("John O. Brennan", "2013-02-15", "John Brennan"),
    ("Clinton", "2012-05-01", "Hillary Clinton"),  # the one in office then
])
def test_person_by_family_name_finds_the_one_known_person(kb, name, date, expected):
    pid, why = kb.person_by_family_name(name, D(date))
    assert pid is not None and kb.people[pid].name == expected, why


def test_person_by_family_name_never_guesses_between_namesakes(kb):
    pid, why = kb.person_by_family_name("Bush", D("2015-01-01"))
    assert pid is None and "not guessing" in why
    pid, _ = kb.person_by_family_name("Clinton", D("2012-05-01"), gender="m")
    assert kb.people[pid].name == "Bill Clinton"
