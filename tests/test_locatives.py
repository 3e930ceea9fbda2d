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
