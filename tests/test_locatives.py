"""Locatives (stages/locatives.py) seen through locate_event: issue 13, thirteenth round (legal acts placed by the
court or prosecutors that do them, places visited by an inspection or a patrol, a place hung on a date phrase or
made a compound of one).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.knowledge.gazetteer import load_gazetteer
from redline.stages.places import find_places, locate_event

from test_places import make_event

_QUADS = {"ASSAULT": 4, "SANCTION": 4, "MOBILIZE": 4, "ACCUSE": 3, "REJECT": 3}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def parse(ctx):
    from redline.stages.parse import parse_text

    return lambda text: parse_text(text, ctx)


# (sentence, trigger, actor words, PLOVER type, expected (name, country) or None, reason fragment)
ROWS = [
    # a legal act is done where the court, the jury or the prosecutors that do it sit, even when it is a statement
    ("The activist was indicted by a grand jury in Texas last year.", "indicted", (), "ACCUSE", ("Texas", "USA"),
     "on 'jury'"),
    ("Prosecutors in Kyiv charged the former minister with treason.", "charged", ("Prosecutors",), "ACCUSE",
     ("Kyiv", "UKR"), "on 'Prosecutors'"),
    ("A judge in Lviv convicted the deserter on Friday.", "convicted", ("judge",), "ACCUSE", ("Lviv", "UKR"),
     "in Lviv"),
    # other speakers' seats still only describe them, and a judge's words are no legal act
    ("The ministry in Kyiv accused the former minister of treason.", "accused", ("ministry",), "ACCUSE", None,
     "another part"),
    ("The reporter was criticised by activists in Minsk.", "criticised", (), "ACCUSE", None, "another part"),
    ("A judge in Lviv criticised the new law on Friday.", "criticised", ("judge",), "ACCUSE", None, "another part"),
    # an inspection or a patrol is done in the place it covers
    ("Inspectors from the agency inspected Mariupol on Tuesday.", "inspected", ("Inspectors",), "CONSULT",
     ("Mariupol", "UKR"), "names"),
    ("Soldiers patrolled Kabul after the blast.", "patrolled", ("Soldiers",), "INVESTIGATE", ("Kabul", "AFG"),
     "names"),
    ("The agency criticised Mariupol officials on Tuesday.", "criticised", ("agency",), "ACCUSE", None, "no event"),
    # a locative phrase the parse hangs on a date says where the dated act happened
    ("Officials said the strike, on March 3 in the town of Izium, killed nine people.", "strike", (), "ASSAULT",
     ("Izyum", "UKR"), "in Izium"),
    # the parse makes the place a compound of the day after it ("in Kiev Monday"): still the place's phrase
    ("The vice president arrived in Kiev Monday for a two-day visit.", "arrived", ("president",), "CONSULT",
     ("Kyiv", "UKR"), "in Kiev"),
    ("Putin praised the deal in Vladivostok Thursday at a forum.", "praised", ("Putin",), "PRAISE",
     ("Vladivostok", "RUS"), "in Vladivostok"),
    ("The rebels violated the truce signed on March 3 in Minsk.", "violated", ("rebels",), "REJECT", None,
     "another part"),  # the date and the place are the signing's, not the violation's
]


@pytest.mark.parametrize(("text", "trigger", "actors", "event", "expected", "reason"), ROWS)
def test_locate_event_thirteenth_round(gaz, parse, text, trigger, actors, event, expected, reason):
    sents = parse(text)
    place, why = locate_event(make_event(sents[0], trigger, actor_words=actors, quad=_QUADS.get(event, 1),
                                         event=event), sents[0], find_places(sents, gaz))
    assert ((place.name, place.country_code) if place else None) == expected, why
    assert reason in why


def _tok(i, text, pos, dep, head, lemma=None):
    from redline.records import Token

    return Token(i=i, text=text, lemma=lemma or text.lower(), pos=pos, tag="", dep=dep, head=head, idx=i * 12)


def _sentence(rows):
    return tuple(_tok(i, *row) for i, row in enumerate(rows))


# Parses built by hand (nineteenth round): the small model hangs these phrases where these rows do.
# "The group claimed responsibility for bombings at the airport in Lahore ." ("at" on the claim's noun)
_CLAIMED = _sentence([("The", "DET", "det", 1), ("group", "NOUN", "nsubj", 2), ("claimed", "VERB", "ROOT", 2, "claim"),
                      ("responsibility", "NOUN", "dobj", 2), ("for", "ADP", "prep", 3), ("bombings", "NOUN", "pobj", 4, "bombing"),
                      ("at", "ADP", "prep", 3), ("the", "DET", "det", 8), ("airport", "NOUN", "pobj", 6),
                      ("in", "ADP", "prep", 8), ("Lahore", "PROPN", "pobj", 9), (".", "PUNCT", "punct", 2)])
# "The visit raised hopes of talks , perhaps at the summit in Geneva ." ("at" on the verb of the visit)
_RAISED = _sentence([("The", "DET", "det", 1), ("visit", "NOUN", "nsubj", 2), ("raised", "VERB", "ROOT", 2, "raise"),
                     ("hopes", "NOUN", "dobj", 2), ("of", "ADP", "prep", 3), ("talks", "NOUN", "pobj", 4),
                     (",", "PUNCT", "punct", 2), ("perhaps", "ADV", "advmod", 8), ("at", "ADP", "prep", 2),
                     ("the", "DET", "det", 10), ("summit", "NOUN", "pobj", 8), ("in", "ADP", "prep", 10),
                     ("Geneva", "PROPN", "pobj", 11), (".", "PUNCT", "punct", 2)])
# "In Berlin , police announced the arrest of a man ."
_ANNOUNCED = _sentence([("In", "ADP", "prep", 4), ("Berlin", "PROPN", "pobj", 0), (",", "PUNCT", "punct", 4),
                        ("police", "NOUN", "nsubj", 4), ("announced", "VERB", "ROOT", 4, "announce"), ("the", "DET", "det", 6),
                        ("arrest", "NOUN", "dobj", 4), ("of", "ADP", "prep", 6), ("a", "DET", "det", 9),
                        ("man", "NOUN", "pobj", 7), (".", "PUNCT", "punct", 4)])


@pytest.mark.parametrize(
    ("tokens", "trigger", "material", "inside", "outside"),
    [
        (_CLAIMED, 5, True, {3, 8}, set()),  # the bombings' place hangs on "responsibility"
        (_RAISED, 1, False, set(), {2, 10}),  # what the visit raised is another act, with its own "at"
        (_ANNOUNCED, 6, True, set(), {4}),  # announced in Berlin; the arrest is not placed there
        (_ANNOUNCED, 6, False, {4}, set()),  # an announced statement or sanction is made by the announcing
    ],
)
def test_event_anchors_nineteenth_round(tokens, trigger, material, inside, outside):
    from redline.stages.locatives import event_anchors

    anchors = event_anchors(tokens, trigger, material=material)
    assert inside <= anchors
    assert not outside & anchors
