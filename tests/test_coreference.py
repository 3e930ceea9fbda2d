"""Coreference in the actors stage on parsed text: gender agreement, subject 'it', family names, home places,
conjoined countries in a prepositional phrase, national bodies named like international ones."""

from __future__ import annotations

import datetime as dt

import pytest

from redline.knowledge.actors import Knowledge
from redline.stages.actors import Memory, sentence_mentions


@pytest.fixture(scope="module")
def kb(ctx) -> Knowledge:
    from redline.knowledge.actors import load_knowledge

    return load_knowledge(ctx)


def _mentions(ctx, kb, text: str, *, date=dt.date(2019, 6, 1), memory: Memory | None = None):
    """Parse a short text and resolve its mentions sentence by sentence, with one coreference memory."""
    from redline.stages.parse import parse_text

    memory = memory or Memory()
    out = []
    for s in parse_text(text, ctx):
        out.extend((s.index, m) for m in sentence_mentions(s, kb, date=date, memory=memory))
    return out


def _find(found, text: str, sentence: int | None = None):
    hits = [m for i, m in found if m.text == text and (sentence is None or i == sentence)]
    assert hits, [(i, m.text) for i, m in found]
    return hits


def test_she_and_he_agree_in_gender_with_their_antecedents(ctx, kb):
    found = _mentions(ctx, kb, "Angela Merkel met Vladimir Putin in Sochi on Monday. "
                               "She said the talks were useful, and he agreed.")
    assert _find(found, "She")[0].entity.code == "DEU"
    assert _find(found, "he")[0].entity.code == "RUS"


def test_she_skips_a_man_named_later(ctx, kb):
    found = _mentions(ctx, kb, "The opposition spokeswoman, Maria Elvstrand, met the British ambassador and Boris "
                               "Johnson on Friday. She said the meeting was cordial.")
    she = _find(found, "She")[0]
    assert she.entity.code is None  # the only woman named is unknown: no code, and not Johnson's
    assert "Johnson" not in she.entity.reason


def test_honorific_picks_the_namesake_of_that_gender(ctx, kb):
    found = _mentions(ctx, kb, "Mrs. Clinton and Mr. Clinton arrived in Dublin.", date=dt.date(2012, 5, 1))
    assert _find(found, "Mrs. Clinton")[0].entity.identifier_text == "Hillary Clinton"
    assert _find(found, "Mr. Clinton")[0].entity.identifier_text == "Bill Clinton"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Mr. Lavrov rejected the offer.", "Mr. Lavrov", "Sergei Lavrov"),
        ("Sen. Graham criticised the decision.", "Sen. Graham", "Lindsey Graham"),
        ("John O. Brennan defended the agency.", "John O. Brennan", "John Brennan"),
    ],
)
def test_family_name_resolves_to_the_one_known_person(ctx, kb, text, mention, name):
    found = _mentions(ctx, kb, text, date=dt.date(2015, 3, 1))
    assert _find(found, mention)[0].entity.identifier_text == name


def test_a_lone_given_name_is_nobody_we_know(ctx, kb):
    found = _mentions(ctx, kb, "Paul said the vote would pass.", date=dt.date(2015, 3, 1))
    assert all(m.entity.code is None for _, m in found)


def test_a_senator_of_a_state_takes_its_country(ctx, kb):
    found = _mentions(ctx, kb, "Senator Jane Ostrowe of Oregon criticised the plan.")
    m = _find(found, "Senator Jane Ostrowe")[0]
    assert (m.entity.code, m.entity.sector) == ("USA", "LEG")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Moscow rejected the offer. On Friday it banned imports of Moldovan wine.", "RUS"),
        ("Tehran denied the charge, though it seized two tankers in the Gulf.", "IRN"),
        ("The European Union condemned the vote and said it would impose new sanctions.", "EUR"),
    ],
)
def test_subject_it_continues_the_subject_of_the_clause_before(ctx, kb, text, code):
    found = _mentions(ctx, kb, text)
    (it,) = [m for _, m in found if m.text.lower() == "it"]
    assert it.entity.code == code and "continues the subject" in it.entity.reason


@pytest.mark.parametrize(
    "text",
    [
        "Moscow signed the deal. The deal collapsed. It was a blow to the talks.",  # the subject before is a thing
        "Russia said it is time to act.",  # "it is time": expletive
        "Putin spoke on Friday. It seems the talks will resume.",
    ],
)
def test_it_with_no_party_subject_before_is_no_mention(ctx, kb, text):
    found = _mentions(ctx, kb, text)
    assert not [m for _, m in found if m.text.lower() == "it"]


def test_conjoined_countries_of_an_agent_give_one_mention_each(ctx, kb):
    found = _mentions(ctx, kb, "The leaders of Britain, Germany and France vowed to rescue the accord.")
    assert sorted(m.entity.code for m in _find(found, "The leaders")) == ["DEU", "FRA", "GBR"]


def test_title_of_an_unknown_body_borrows_no_article_country(ctx, kb):
    memory = Memory()
    memory.countries.update({"GRC": 6})
    found = _mentions(ctx, kb, "Zollverband President Pieter Van Aalst criticised the vote.", memory=memory)
    m = [m for _, m in found if m.text.endswith("Van Aalst")][0]
    assert m.entity.code is None


def test_a_nationality_before_an_international_body_name_makes_it_national(kb):
    assert kb.resolve("the Iraqi National Security Council").code == "IRQ"
    assert kb.resolve("Russia's Security Council").code == "RUS"
    assert kb.resolve("the UN Security Council").code == "UNO"


def test_cities_the_story_names_fix_the_country_of_its_police(ctx, kb):
    found = _mentions(ctx, kb, "Officers searched homes in Watertown and Cambridge, Massachusetts, on Friday. "
                               "Police arrested two men.")
    police = _find(found, "Police")[0]
    assert (police.entity.code, police.entity.sector) == ("USA", "COP")
    assert "country this article is about" in police.entity.reason


def test_a_story_naming_no_place_leaves_its_police_unplaced(ctx, kb):
    found = _mentions(ctx, kb, "Officers searched several homes on Friday. Police arrested two men.")
    assert _find(found, "Police")[0].entity.code is None


def test_possessive_his_is_the_subject_of_its_clause(ctx, kb):
    found = _mentions(ctx, kb, "Joe Biden praised the Indian prime minister, Narendra Modi, and blamed his own "
                               "party for the delay.")
    his = _find(found, "his")[0]
    assert his.entity.code == "USA" and "subject of its clause" in his.entity.reason


def test_object_him_is_not_the_subject_of_its_own_clause(ctx, kb):
    found = _mentions(ctx, kb, "Xi Jinping met Vladimir Putin in Moscow. Putin thanked him.")
    assert _find(found, "him")[0].entity.code == "CHN"


def test_pronoun_in_a_relative_clause_is_not_bound_to_the_main_subject(ctx, kb):
    found = _mentions(ctx, kb, "Obama spoke, recalling John F. Kennedy's 1963 address, in which he urged "
                               "Berliners to resist.", date=dt.date(2013, 6, 19))
    assert _find(found, "he")[0].entity.identifier_text == "John F. Kennedy"


def test_a_courtesy_title_makes_a_country_name_a_surname(ctx, kb):
    found = _mentions(ctx, kb, "Mr. Jordan said the committee would vote.", date=dt.date(2019, 4, 1))
    m = _find(found, "Mr. Jordan")[0]
    assert m.entity.identifier_text == "Jim Jordan" and m.entity.code == "USA"


def test_a_body_named_like_an_international_one_is_not_it(ctx, kb):
    found = _mentions(ctx, kb, "The mission asked the Supreme Security Council for help. The Security Council met.")
    assert _find(found, "the Supreme Security Council")[0].entity.code is None
    assert _find(found, "The Security Council")[0].entity.code == "UNO"


def test_a_backer_is_never_the_country_lent_by_the_article(ctx, kb):
    memory = Memory()
    memory.countries.update({"RUS": 6})
    found = _mentions(ctx, kb, "Moscow-backed rebels shelled the town.", memory=memory)
    rebels = _find(found, "Moscow-backed rebels")[0]
    assert rebels.entity.code is None and "backer" in rebels.entity.reason


def test_legislators_borrow_no_article_country(ctx, kb):
    memory = Memory()
    memory.countries.update({"IRN": 6})
    found = _mentions(ctx, kb, "Lawmakers criticised the deal.", memory=memory)
    assert _find(found, "Lawmakers")[0].entity.code is None


@pytest.mark.parametrize(("text", "mention"), [("Democratic senators objected to the deal.", "Democratic senators"),
                                               ("Republican Sen. Jane Roe objected.", "Republican Sen. Jane Roe")])
def test_us_party_labels_before_a_legislator_place_them(ctx, kb, text, mention):
    m = _find(_mentions(ctx, kb, text), mention)[0]
    assert (m.entity.code, m.entity.sector) == ("USA", "LEG")


def test_a_foreign_ministry_title_borrows_no_article_country(ctx, kb):
    memory = Memory()
    memory.countries.update({"PRK": 6})
    found = _mentions(ctx, kb, "Beijing expressed regret, said Foreign Ministry Spokesman Li Wenming. "
                               "Prime Minister Pak Sok Chol spoke.", memory=memory)
    assert [m for _, m in found if m.text.endswith("Li Wenming")][0].entity.code is None
    assert [m for _, m in found if m.text.endswith("Pak Sok Chol")][0].entity.code == "PRK"


def test_a_pronoun_continues_a_main_clause_subject_not_a_relative_clause_one(ctx, kb):
    found = _mentions(ctx, kb, "President Emmanuel Macron spoke in Warsaw, recalling the 1970 visit of Willy "
                               "Brandt, during which he knelt at the ghetto memorial. He said on Friday that "
                               "France would pay for repairs.", date=dt.date(2019, 6, 1))
    he = _find(found, "He", sentence=1)[0]
    assert he.entity.identifier_text == "Emmanuel Macron" and he.entity.code == "FRA"


@pytest.mark.parametrize(("text", "mention", "name"), [
    ("Sen. John McCain spoke first. Later the veteran senator said the bill was dead.",
     "the veteran senator", "John McCain"),
    ("Rep. Ileana Ros-Lehtinen met the mayor. The congresswoman then criticized the plan.", "The congresswoman",
     "Ileana Ros-Lehtinen"),
])
def test_a_definite_member_word_is_the_member_named_before(ctx, kb, text, mention, name):
    found = _mentions(ctx, kb, text, date=dt.date(2013, 6, 1))
    assert _find(found, mention)[0].entity.identifier_text == name


def test_a_member_word_with_no_member_named_stays_a_group(ctx, kb):
    found = _mentions(ctx, kb, "President Trump spoke in Ohio. The senator said the bill was dead.",
                      date=dt.date(2019, 6, 1))
    senator = _find(found, "The senator")[0]
    assert senator.entity.identifier_text is None and not senator.entity.reason.startswith("coreference")


def test_a_courtesy_titled_unknown_person_takes_a_dominant_article_country(ctx, kb):
    text = ("Officials in Brazil said on Monday that Brazil would appeal. Brazil's central bank and Brazilian "
            "courts disagreed. Ms. Carvalho, a teacher, told reporters she had lost her savings.")
    found = _mentions(ctx, kb, text)
    ms = _find(found, "Ms. Carvalho")[0]
    assert ms.entity.code == "BRA" and ms.entity.sector is None
    assert "courtesy title" in ms.entity.reason


def test_a_courtesy_titled_person_takes_no_country_when_two_are_named(ctx, kb):
    text = ("Brazil and Argentina signed the accord in Brasilia and Buenos Aires. Argentina's minister praised "
            "Brazil. Mr. Oliveira, a farmer, said prices would fall.")
    found = _mentions(ctx, kb, text)
    assert _find(found, "Mr. Oliveira")[0].entity.code is None


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Egypt's army removed the president. On Monday the interim government banned the protests.",
     "the interim government", "EGY"),
    ("Fighting spread in Syria. Syria's army shelled Homs. Damascus blamed the West. Syrian officials said rebel "
     "forces were to blame.", "rebel forces", "SYR"),
])
def test_a_qualified_agent_bridges_like_its_last_word(ctx, kb, text, mention, code):
    found = _mentions(ctx, kb, text, date=dt.date(2013, 7, 10))
    assert _find(found, mention)[0].entity.code == code


def test_a_qualified_agent_takes_no_country_when_two_are_named(ctx, kb):
    found = _mentions(ctx, kb, "Egypt and Libya traded charges. The interim government banned the protests.",
                      date=dt.date(2013, 7, 10))
    assert _find(found, "The interim government")[0].entity.code is None


def test_the_countrys_president_is_the_country_just_named_and_names_the_person(ctx, kb):
    found = _mentions(ctx, kb, "Floods hit Malawi in March. Lazarus Chakwera, the country's president, declared "
                               "a disaster.", date=dt.date(2023, 3, 20))
    assert _find(found, "the country's president")[0].entity.code == "MWI"
    person = _find(found, "Lazarus Chakwera")[0].entity
    assert (person.code, person.sector) == ("MWI", "GOV")


def test_the_countrys_army_takes_no_country_when_two_were_just_named(ctx, kb):
    found = _mentions(ctx, kb, "Malawi and Zambia signed a border pact. The country's army will patrol it.",
                      date=dt.date(2023, 3, 20))
    assert _find(found, "The country's army")[0].entity.code is None


@pytest.mark.parametrize(("text", "mention", "code"), [
    ('"Nobody wants escalation," the spokesman, Dmitry Peskov, told reporters.', "the spokesman", "RUS"),
    ("The foreign minister, Sergei Lavrov, arrived in Ankara on Tuesday.", "The foreign minister", "RUS"),
])
def test_a_title_is_the_known_person_in_apposition_after_it(ctx, kb, text, mention, code):
    found = _mentions(ctx, kb, text, date=dt.date(2021, 6, 17))
    title = _find(found, mention)[0]
    assert title.entity.code == code and title.kind == "title"


def test_a_title_before_an_unknown_name_stays_unresolved(ctx, kb):
    found = _mentions(ctx, kb, "The spokesman, Ivan Testenko, told reporters the talks failed.",
                      date=dt.date(2021, 6, 17))
    assert _find(found, "The spokesman")[0].entity.code is None


@pytest.mark.parametrize(("text", "mention"), [
    ("Lula met with world leaders in Peru for the summit.", "world leaders"),
    ("Foreign journalists in Moscow were expelled on Friday.", "Foreign journalists"),
    ("Western diplomats in Kabul criticized the ban.", "Western diplomats"),
])
def test_people_from_elsewhere_take_no_country_from_where_they_are(ctx, kb, text, mention):
    found = _mentions(ctx, kb, text, date=dt.date(2014, 11, 12))
    assert _find(found, mention)[0].entity.code is None


def test_an_agent_in_a_place_still_takes_its_country(ctx, kb):
    found = _mentions(ctx, kb, "Local journalists in Moscow were detained on Friday.", date=dt.date(2014, 11, 12))
    assert _find(found, "Local journalists")[0].entity.code == "RUS"


def test_foreign_inside_an_agent_phrase_is_no_visitor(ctx, kb):
    found = _mentions(ctx, kb, "Foreign ministers of Russia and China met in Beijing.", date=dt.date(2023, 3, 1))
    assert {m.entity.code for m in _find(found, "Foreign ministers")} == {"RUS", "CHN"}
