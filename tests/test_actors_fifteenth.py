"""Fifteenth actors round (issue 12): US party labels place unknown politicians, office words that end a person's
name are family names, "Sen." and "Rep." match as titles inside a parsed sentence, "the premier" is the prime
minister named before, and a city or region the gazetteer knows inside an agent's own phrase is its home.

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import codes_of, mentions


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, code", [
    # a story about Iraq and Syria: the United States does not dominate, so the title alone placed no one
    ("Iraq and Syria fought on. Iraq shelled Syria. Sen. Jane Ormond, R-Utah, criticized Baghdad on Monday.",
     "Sen. Jane Ormond", "USA"),
    ("Iraq and Syria fought on. Iraq shelled Syria. Rep. Tom Belcastro (D-Calif.) urged Iraq to stop.",
     "Rep. Tom Belcastro", "USA"),
    ("Iraq and Syria fought on. Iraq shelled Syria. Sen. Lara Quist (D., Minn.) urged Syria to stop.",
     "Sen. Lara Quist", "USA"),
    ("Iraq and Syria fought on. Iraq shelled Syria. Tom Belcastro, an Ohio Republican, condemned Iraq.",
     "Tom Belcastro", "USA"),
    ("Iraq and Syria fought on. The United States named an envoy. Democrat Ann Velder condemned Iraq.",
     "Democrat Ann Velder", "USA"),
    ("The call was echoed by Rep. Walt Heddon, R-New York.", "Rep. Walt Heddon", "USA"),
])
def test_a_us_party_label_places_an_unknown_politician(pipeline, text, phrase, code):
    found = mentions(pipeline, text)
    assert codes_of(found, 2 if text.startswith("Iraq") else 0, phrase) == [code]  # was None


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    # a label whose state part is no US state places nobody; a bare party word needs the United States named
    ("Iraq and Syria fought on. Iraq shelled Syria. Jane Ormond, R-Bavaria, criticized Baghdad.", "Jane Ormond"),
    ("Iraq and Syria fought on. Iraq shelled Syria. Republican Ann Velder condemned Iraq.", "Republican Ann Velder"),
])
def test_a_label_that_names_no_us_state_places_nobody(pipeline, text, phrase):
    assert codes_of(mentions(pipeline, text), 2, phrase) == [None]


@pytest.mark.slow
def test_an_office_word_ending_a_name_is_a_family_name(pipeline):
    found = mentions(pipeline, "Rep. Walt King, R-Texas, criticized the Democrats. King also condemned Iran.")
    assert codes_of(found, 0, "Rep. Walt King") == ["USA"]  # was None, read as the office "king"
    assert codes_of(found, 1, "King") == ["USA"]  # the same man named again, not a monarch


@pytest.mark.slow
def test_a_monarch_before_a_name_is_still_the_office(pipeline):
    found = mentions(pipeline, "Jordan's King Abdullah met the envoy. The King praised the plan.")
    assert codes_of(found, 1, "The King") == ["JOR"]


@pytest.mark.slow
def test_sen_and_rep_are_titles_inside_a_sentence():
    from redline.knowledge.actors import Knowledge

    kb = Knowledge.build()
    found = kb.match([("Sen.", " "), ("Tim", " "), ("Nolder", "")])
    assert [(m.start, m.entries[0].sector) for m in found] == [(0, "LEG")]  # was no match: "Sen." is one token


@pytest.mark.slow
def test_the_premier_is_the_prime_minister_named_before(pipeline):
    found = mentions(pipeline, "Prime Minister Benjamin Netanyahu toured the north. The premier's visit angered "
                     "Tehran.")
    assert codes_of(found, 1, "The premier") == ["ISR"]  # was None: "premier" is not in "Prime Minister"


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, code", [
    ("A Florida-based company sued the Iranian government.", "A Florida-based company", "USA"),
    ("Indiana National Guard troops arrested the looters.", "Indiana National Guard troops", "USA"),
    ("Sinaloa cartel gunmen killed five officers.", "Sinaloa cartel gunmen", "MEX"),
    ("Militants based in Dagestan attacked a checkpoint.", "Militants", "RUS"),
])
def test_a_place_in_an_agents_own_phrase_is_its_home(pipeline, text, phrase, code):
    assert codes_of(mentions(pipeline, text), 0, phrase) == [code]  # was None



@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, code", [
    ("Hamas fired rockets at Israel. The militant group also shelled Israeli towns.", "The militant group", "PSE"),
    ("The Islamic State seized the town. Families were forced out by the terror group.", "the terror group", "IMG"),
    ("NATO warned Moscow. The military alliance said Russia violated the treaty.", "The military alliance", "NATO"),
])
def test_a_described_kind_word_names_the_one_party_of_its_kind_again(pipeline, text, phrase, code):
    assert codes_of(mentions(pipeline, text), 1, phrase) == [code]  # was None: only a bare "the group" counted


@pytest.mark.slow
def test_a_rival_group_is_not_the_group_named_before(pipeline):
    found = mentions(pipeline, "Hamas fired rockets at Israel. The rival group also shelled Israeli towns.")
    assert (1, "The rival group", "PSE") not in found


