"""Nineteenth actors round (issue 12): an armed group named again by what it is ("the militants", "the group", "the
terror group") after the article has named it, whatever countries are named in between.

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import codes_of, mentions


@pytest.mark.slow
@pytest.mark.parametrize("text, sentence, phrase, code", [
    # the group named by its name, then by a plural word of its kind (before: the same word was needed)
    ("Boko Haram burned two schools in the north last week. Soldiers said the militants ambushed a convoy.", 1,
     "the militants", "NGA"),
    ("The Islamic State seized the town of Dalra on Monday. The jihadists later shelled a bridge.", 1,
     "The jihadists", "IMG"),
    # a country named in between no longer competes with the group (before: "not guessing")
    ("Islamic State militants crossed into Syria on Monday, and the militants burned a village.", 0,
     "the militants", "IMG"),
    # "the group" more than three sentences after the group was named, and a described "the Islamic militant group"
    ("Islamic State fighters seized a town in the desert. Residents fled on foot. Officials said the roads were "
     "closed. Aid arrived on Tuesday. The group said it had taken two hostages.", 4, "The group", "IMG"),
    ("The Islamic State seized a town in the desert. Residents fled on foot. The Islamic militant group then "
     "burned the market.", 2, "The Islamic militant group", "IMG"),
    # the same word again, bare, with a country named just before: the group's, not a guess withheld
    ("Al Qaeda militants bombed a hotel in 2001. In Yemen, militants later attacked a warship.", 1, "militants",
     "IMG"),
    ("Islamic State militants seized the city in June. In Iraq on Thursday, militants attacked a checkpoint.", 1,
     "militants", "IMG"),
])
def test_an_armed_group_named_again_by_its_kind_is_that_group(pipeline, text, sentence, phrase, code):
    assert codes_of(mentions(pipeline, text), sentence, phrase) == [code]  # was [None]


@pytest.mark.slow
@pytest.mark.parametrize("text, sentence, phrase", [
    # two armed groups in reach: no guess
    ("Boko Haram and the Islamic State clashed near the lake. The militants later burned a market.", 1,
     "The militants"),
    # rebels named by their country still compete with another country named just before
    ("Syrian rebels shelled the town on Monday. Turkey said the rebels had crossed the border.", 1, "the rebels"),
    # "the rebels" are often another side than the jihadist group: left to the other rules
    ("The Islamic State seized a town on Monday. The rebels said they would retake it.", 1, "The rebels"),
    # "the group" after a rights group as well as an armed group: no guess
    ("The Islamic State seized a town on Monday. Amnesty International said civilians fled. The group said it "
     "would publish a report.", 2, "The group"),
])
def test_an_armed_word_with_no_single_group_in_reach_stays_unplaced(pipeline, text, sentence, phrase):
    found = [c for s, t, c in mentions(pipeline, text) if s == sentence and t == phrase]
    assert found in ([None], [])  # no code, or no mention at all
