"""Holders of a stated view (issue 12, thirteenth round, arguments; coding/holders.py): a demand, a backing or a
label that is the "that" clause of a noun of stance is its owner's ("the French position that Iran must ...").

Every sentence here is written for this test (none is a sample, dev or corpus sentence).
"""

from __future__ import annotations

import pytest
from event_sets import coded

from redline.records import Token
from redline.stages.coding.holders import stance_holder
from redline.stages.coding.tree import Tree


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("The diplomat stressed the French position that Iran must release the prisoners.",
     ("REQUEST", ("FRA",), ("IRN",))),
    ("Beijing's stance that Japan should apologize for the war has not changed.", ("REQUEST", ("CHN",), ("JPN",))),
    ("The envoy restated Moscow's view that the onus was on Kyiv to stop the shelling.",
     ("REQUEST", ("RUS",), ("UKR",))),
    ("The aide restated the American view that Taiwan has every right to defend itself.",
     ("SUPPORT", ("USA",), ("TWN",))),
    # a second "that" clause of the same view
    ("The aide restated the American view that Taiwan has every right to defend itself and that the onus is on "
     "Beijing to halt the drills.", ("REQUEST", ("USA",), ("CHN",))),
], ids=lambda x: x if isinstance(x, str) else None)
def test_holder_of_the_view_acts(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # a view nobody is said to hold
    "The position that Iran must release the prisoners is widely shared.",
    # a relative clause on the noun ("that" is its object) is no content of the view
    "The French position that Iran must accept has angered Tehran.",
])
def test_no_holder_without_an_owner_or_content(pipeline, text):
    assert not any(t == "REQUEST" for t, _, _ in coded(pipeline, text))


def _t(i, text, lemma, pos, dep, head, tag="", ent=""):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head, idx=i * 10, ent_type=ent)


def test_stance_holder_hand_parse():
    # "Chile 's view that Peru must pay ."
    toks = (_t(0, "Chile", "Chile", "PROPN", "poss", 2, "NNP", "GPE"), _t(1, "'s", "'s", "PART", "case", 0),
            _t(2, "view", "view", "NOUN", "ROOT", 2, "NN"), _t(3, "that", "that", "SCONJ", "mark", 6),
            _t(4, "Peru", "Peru", "PROPN", "nsubj", 6, "NNP", "GPE"), _t(5, "must", "must", "AUX", "aux", 6, "MD"),
            _t(6, "pay", "pay", "VERB", "acl", 2, "VB"))
    assert stance_holder(Tree(toks), 6) == [0]
    # "Chile 's view which Peru must pay": no "that" of content, no holder
    relative = toks[:3] + (_t(3, "which", "which", "PRON", "dobj", 6, "WDT"),) + toks[4:]
    assert stance_holder(Tree(relative), 6) == []
    # "Chile 's ship that Peru must pay": not a noun of stance
    ship = toks[:2] + (_t(2, "ship", "ship", "NOUN", "ROOT", 2, "NN"),) + toks[3:]
    assert stance_holder(Tree(ship), 6) == []


@pytest.mark.slow
@pytest.mark.parametrize(("text", "yields"), [
    # a demand that a party stop, halt or end what it does asks it to yield (asked.py)
    ("The French president urged Russia to stop the shelling of Ukrainian cities.", True),
    ("The German chancellor said Iran must halt its enrichment program.", True),
    ("The envoy restated Moscow's view that the onus was on Kyiv to stop the shelling.", True),
    # asking to go on, or to do something else, is no demand to yield
    ("The German chancellor said Iran must not stop the talks.", False),
    ("The German chancellor urged Iran to join the talks.", False),
])
def test_demand_to_stop_is_a_demand_to_yield(pipeline, text, yields):
    from redline.api import extract

    modes = {(e["mode"] or [None])[0] for e in extract(text, published="2023-05-10", pipeline=pipeline)
             if e["event"][0] == "REQUEST"}
    assert modes and ("yield" in modes) == yields
