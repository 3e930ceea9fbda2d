"""Fifteenth actors round (issue 12): "the premier" is the prime minister named before, a described kind word ("the
militant group") names again the one group in reach, and a city or region the gazetteer knows inside an agent's own
phrase is its home.

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import codes_of, mentions


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


