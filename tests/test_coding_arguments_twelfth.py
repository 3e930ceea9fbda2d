"""Controlled subjects and possessive relatives (issue 12, twelfth round, arguments): triggers the coder found and
dropped for want of an actor, whose actor the syntax names (controllers.py, tree.subject_of,
arguments.whose_antecedent).

Every sentence here is written for this test (none is a sample, dev or corpus sentence). Rows run through the
whole pipeline and look at the asserted events (type, actor codes, recipient codes).
"""

from __future__ import annotations

import pytest
from event_sets import coded

from redline.records import Token
from redline.stages.coding.tree import Tree, subject_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # one of those counted "among" the subject's group
    ("The German chancellor was among those calling for new sanctions on Russia.", ("REQUEST", ("DEU",), ("RUS",))),
    ("Britain was among those demanding that Iran release the sailors.", ("REQUEST", ("GBR",), ("IRN",))),
    ("Japan was among the countries calling for sanctions on North Korea.", ("REQUEST", ("JPN",), ("PRK",))),
    # the infinitive of an adjective conjoined with a predicate adjective
    ("The Israeli prime minister was ready and determined to strike Hamas.", ("THREATEN", ("ISR",), ("PSE",))),
    # a possessive relative: the noun 'whose' stands for
    ("The agent contacted the F.B.I. field office, whose cyber unit opened an investigation into the hackers.",
     ("ACCUSE", ("USA",), ())),
    ("Reporters called the Egyptian foreign ministry, whose spokesman condemned the attack on the embassy.",
     ("ACCUSE", ("EGY",), ())),
    # a document's maker named by its "by" phrase or the "by" agent of a participle of making (makers.py)
    ("The report by the House Foreign Affairs Committee faults the Egyptian government for the crackdown.",
     ("ACCUSE", ("USA",), ("EGY",))),
    ("A study published by the Senate foreign relations committee faulted the State Department.",
     ("ACCUSE", ("USA",), ("USA",))),
    ("A letter signed by the Japanese foreign minister urged China to release the fishermen.",
     ("REQUEST", ("JPN",), ("CHN",))),
    ("The Japanese parliament approved a resolution that would force the government to expel Russian diplomats.",
     ("COERCE", ("JPN",), ())),
    # eighteenth round, speech: decrees, messages and tweets stand for their makers too; the subject of circulating
    # or posting one makes it
    ("The Kenyan court issued a decree demanding that the Ugandan ministry release the files.",
     ("REQUEST", ("KEN",), ("UGA",))),
    ("The Ghanaian president posted a tweet urging Togo to reopen the border.", ("REQUEST", ("GHA",), ("TGO",))),
    ("The Malian junta circulated a note calling on Niger to close its border.",
     ("REQUEST", ("MLI",), ("NER",))),
    # a weapon fired from a place: the place's party
    ("A rocket fired from Gaza landed on a school in southern Israel.", ("ASSAULT", ("PSE",), ("ISR",))),
    ("Mortars launched from Syria hit a Turkish border town.", ("ASSAULT", ("SYR",), ("TUR",))),
], ids=lambda x: x if isinstance(x, str) else None)
def test_controlled_actor_is_found(pipeline, text, expected):
    # what a resolution "would" do is no asserted act (factuality): those rows look at every event
    got = _every(pipeline, text) if "would" in text else coded(pipeline, text, published="2023-05-10")
    assert expected in got


def _every(pipeline, text: str) -> set[tuple]:
    from redline.api import extract

    return {(e["event"][0], tuple(sorted(a["code"] or "?" for a in e["actor"])),
             tuple(sorted({r["code"] or "?" for r in e["recipient"]})))
            for e in extract(text, published="2023-05-10", pipeline=pipeline, all=True)}


@pytest.mark.parametrize(("text", "wrong"), [
    # a participle on any other noun is the noun's own act, not the verb's subject's
    ("Police arrested protesters carrying signs denouncing the Iranian government.", ("ACCUSE", ("?",))),
    # "among" a place's crowd is no membership
    ("The Iraqi minister walked among the soldiers guarding the border.", ("MOBILIZE", ("IRQ",))),
    # a document with no maker in its phrase, a weapon fired at (not from) a place: no party
    ("The report faults the Egyptian government for the crackdown.", ("ACCUSE", ("EGY",))),
    ("A rocket fired at Gaza struck a house.", ("ASSAULT", ("PSE",))),
    # a document as the object of the verb adopting it is no party: voting on one's own resolution is no act
    ("The Japanese parliament approved a resolution that would force the government to expel Russian diplomats.",
     ("SUPPORT", ("JPN",))),
    # a document that only comes or follows is a date: a participle on that clause is not its makers'
    ("The statement by the French presidency comes a day before the summit opens in Beijing, seeking to mend ties "
     "with China.", ("AGREE", ("FRA",))),
    # "sent a message to ratify" is a signal, no document made (eighteenth round)
    ("The Danish parliament cannot send a message to ratify the Swedish plan.", ("SUPPORT", ("DNK",))),
    # a resolution debated, not adopted, is nobody's act yet
    ("The Turkish parliament debated a resolution that would punish Israel.", ("SANCTION", ("TUR",))),
    ("The Turkish parliament debated a resolution that would punish Israel.", ("COERCE", ("TUR",))),
])
def test_no_controller_where_the_syntax_names_none(pipeline, text, wrong):
    assert wrong not in {(t, a) for t, a, _ in _every(pipeline, text)}


def _t(i, text, lemma, pos, dep, head, tag=""):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head, idx=i * 10)


def test_subject_of_among_those_hand_parse():
    # "Chile was among those calling for talks ."
    toks = (_t(0, "Chile", "Chile", "PROPN", "nsubj", 1), _t(1, "was", "be", "AUX", "ROOT", 1, "VBD"),
            _t(2, "among", "among", "ADP", "prep", 1), _t(3, "those", "those", "PRON", "pobj", 2, "DT"),
            _t(4, "calling", "call", "VERB", "acl", 3, "VBG"), _t(5, "for", "for", "ADP", "prep", 4),
            _t(6, "talks", "talk", "NOUN", "pobj", 5))
    assert subject_of(Tree(toks), 4) == [0]
    # "Chile stood among those calling for talks .": standing among a crowd is no membership of it
    stood = toks[:1] + (_t(1, "stood", "stand", "VERB", "ROOT", 1, "VBD"),) + toks[2:]
    assert subject_of(Tree(stood), 4) == [3]
