"""Attacks told in the sentence before (issue 12, thirteenth round, arguments; coding/antecedents.py): an attack
noun that refers back ("the shelling killed") and an agentless toll ("20 fighters were killed") take the one
attacker the sentence before told; several attackers, an indefinite attack or a victim of the attacker's own
side take nothing.

Every sentence here is written for this test (none is a sample, dev or corpus sentence).
"""

from __future__ import annotations

import pytest
from event_sets import coded

from redline.records import Token
from redline.stages.coding.antecedents import definite_attack_nouns, new_attack_named
from redline.stages.coding.tree import Tree


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # a definite attack noun as subject of a violent verb
    ("Russian forces shelled Kharkiv overnight. The shelling killed eight civilians.",
     ("ASSAULT", ("RUS",), ("UKR",))),
    ("Israel launched airstrikes on Gaza on Tuesday. The strikes killed 12 people, Palestinian officials said.",
     ("ASSAULT", ("ISR",), ("PSE",))),
    ("Turkish warplanes bombed villages in northern Iraq. The bombardment wounded at least nine shepherds.",
     ("ASSAULT", ("TUR",), ("IRQ",))),
    # an agentless toll right after the attack
    ("The U.S. military bombed a militia base in Iraq on Sunday. At least 20 fighters were killed and 30 wounded.",
     ("ASSAULT", ("USA",), ("IRQ",))),
    ("Turkish jets bombed Kurdish positions in Iraq on Friday. Dozens were wounded, local officials said.",
     ("ASSAULT", ("TUR",), ("IRQ",))),
], ids=lambda x: x if isinstance(x, str) else None)
def test_attacker_told_before_acts(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "wrong"), [
    # a victim of the attacker's own side was hit by someone else
    ("Russian troops shelled Kharkiv. Two Russian soldiers were killed.", ("ASSAULT", ("RUS",))),
    # an attack of its own in the sentence: another attack, maybe another attacker
    ("Russian troops shelled Kharkiv. Officials said 14 people were killed in a missile strike on Odesa.",
     ("ASSAULT", ("RUS",))),
    # an indefinite attack noun tells a new attack
    ("Syrian rebels attacked a checkpoint. A rocket struck a nearby school.", ("ASSAULT", ("SYR",))),
    # a fight has every side as actor: whose toll follows is not said
    ("Government troops and Syrian rebels fought near the airport on Friday. Three insurgents were killed in the "
     "clashes.", ("ASSAULT", ("SYR",))),
    # only the sentence right before: one sentence between breaks the chain
    ("Israeli jets struck Gaza on Monday. The cabinet met in Jerusalem on Tuesday. The strikes killed ten people.",
     ("ASSAULT", ("ISR",))),
])
def test_no_attacker_taken_where_the_text_does_not_tell_it(pipeline, text, wrong):
    assert wrong not in _later_acts(pipeline, text)


def _later_acts(pipeline, text: str) -> set[tuple]:
    """(type, actor codes) of the asserted events of every sentence but the first."""
    from redline.api import extract

    return {(e["event"][0], tuple(sorted(a["code"] or "?" for a in e["actor"])))
            for e in extract(text, published="2023-05-10", pipeline=pipeline) if e["text_info"]["sentence"] > 0}


def _t(i, text, lemma, pos, dep, head, tag=""):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head, idx=i * 10)


def test_definite_attack_nouns_hand_parse():
    # "The strikes killed ten people ."
    toks = (_t(0, "The", "the", "DET", "det", 1), _t(1, "strikes", "strike", "NOUN", "nsubj", 2),
            _t(2, "killed", "kill", "VERB", "ROOT", 2, "VBD"), _t(3, "ten", "ten", "NUM", "nummod", 4),
            _t(4, "people", "people", "NOUN", "dobj", 2))
    assert definite_attack_nouns(Tree(toks), [1])
    # "A strike killed ten people .": a new attack
    indefinite = (_t(0, "A", "a", "DET", "det", 1),) + toks[1:]
    assert not definite_attack_nouns(Tree(indefinite), [1])
    # "The officials killed ten people .": no attack noun
    officials = toks[:1] + (_t(1, "officials", "official", "NOUN", "nsubj", 2),) + toks[2:]
    assert not definite_attack_nouns(Tree(officials), [1])
    assert not definite_attack_nouns(Tree(toks), [])


def test_new_attack_named_hand_parse():
    # "Ten people were killed in a raid ."
    toks = (_t(0, "Ten", "ten", "NUM", "nummod", 1), _t(1, "people", "people", "NOUN", "nsubjpass", 3),
            _t(2, "were", "be", "AUX", "auxpass", 3), _t(3, "killed", "kill", "VERB", "ROOT", 3, "VBN"),
            _t(4, "in", "in", "ADP", "prep", 3), _t(5, "a", "a", "DET", "det", 6),
            _t(6, "raid", "raid", "NOUN", "pobj", 4))
    assert new_attack_named(Tree(toks))
    # "Ten people were killed in the raid .": the raid already told
    the = toks[:5] + (_t(5, "the", "the", "DET", "det", 6),) + toks[6:]
    assert not new_attack_named(Tree(the))
    # "Ten people were killed .": no attack named at all
    assert not new_attack_named(Tree(toks[:4]))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "day"), [
    # the toll happened with the attack: the attack's day (stages/tolls.py)
    ("The U.S. military bombed a militia base in Iraq on Sunday. At least 20 fighters were killed and 30 wounded.",
     "2023-05-07"),
    ("Russian forces shelled Kharkiv on Monday. The shelling killed eight civilians.", "2023-05-08"),
])
def test_toll_takes_the_day_of_its_attack(pipeline, text, day):
    from redline.api import extract

    later = [e for e in extract(text, published="2023-05-10", pipeline=pipeline)
             if e["text_info"]["sentence"] == 1 and e["event"][0] == "ASSAULT"]
    assert later and all(e["date"] == day for e in later)
