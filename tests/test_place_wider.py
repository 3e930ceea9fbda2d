"""Places the parse does not attach to the trigger (stages/place_wider.py) and a leader speaking for his state
(stages/place_speaker.py): issue 13, twelfth round. Sentences written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from redline.knowledge.gazetteer import load_gazetteer
from redline.records import Article, Document, Entity, Mention
from redline.stages.place_speaker import state_speakers
from redline.stages.places import find_places, locate_event, place_events

from test_places import make_event

_QUADS = {"ASSAULT": 4, "COERCE": 4, "MOBILIZE": 4, "PROTEST": 4, "AID": 2, "RETREAT": 2}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def parse(ctx):
    from redline.stages.parse import parse_text

    return lambda text: parse_text(text, ctx)


# (sentence, trigger, actor words, PLOVER type, expected (name, country) or None, reason fragment)
WIDER = [
    # an act in an occasion's "in which" / "at which" clause is done where the occasion is
    ("The minister held talks with her counterpart in Vienna, in which she urged Tehran to return to the deal.",
     "urged", ("she",), "REQUEST", ("Vienna", "AUT"), "'in which' clause on 'talks'"),
    ("The president flew to Hanoi for a summit with Kim, at which he demanded the closure of a missile site.",
     "demanded", ("he",), "DEMAND", ("Hanoi", "VNM"), "held where 'flew' went"),
    ("The envoy signed the Paris accord, in which countries agreed to cut emissions.", "agreed", ("countries",),
     "AGREE", None, "no event"),  # an agreement is not an occasion
    ("The senator gave an interview to the BBC, in which he criticized the ban.", "criticized", ("he",), "ACCUSE",
     None, "no"),  # an occasion with no place
    # an act closing a stay is done there
    ("A senior official wrapped up a three-day trip to Pyongyang on Friday after meeting with party leaders.",
     "meeting", ("official",), "CONSULT", ("Pyongyang", "PRK"), "that 'wrapped' ends"),
    ("The foreign minister ended her visit to Kyiv by laying a wreath at a memorial.", "laying", ("minister",),
     "CONSULT", ("Kyiv", "UKR"), "that 'ended' ends"),
    ("The minister wrapped up a visit to Moscow after talks with the president.", "talks", ("minister",), "CONSULT",
     ("Moscow", "RUS"), "visit 'to Moscow'"),
    ("The foreign minister announced a trip to Kyiv after meeting with the president.", "meeting", ("minister",),
     "CONSULT", None, "no event"),  # a trip announced, not made
    ("The senator began his trip to Kyiv after meeting with the president.", "meeting", ("senator",), "CONSULT",
     None, "no event"),  # the meeting came before the trip
    # an earlier conjunct whose object is an occasion or the act itself shares its phrases with a later one
    ("Italy had broken ranks in Brussels and demanded a softer budget rule.", "demanded", ("Italy",), "DEMAND",
     ("Brussels", "BEL"), "on 'ranks'"),
    ("The chancellor held talks in Warsaw and promised more aid to Ukraine.", "promised", ("chancellor",), "AGREE",
     ("Warsaw", "POL"), "on 'talks'"),
    ("The president gave a speech in Warsaw and called for more sanctions.", "called", ("president",), "REQUEST",
     ("Warsaw", "POL"), "in Warsaw"),
    ("Russia recognised the government in Minsk and demanded new elections.", "demanded", ("Russia",), "DEMAND",
     None, "no event"),  # the object is a thing described by its phrase
    ("The minister met the rebels in Idlib and demanded a ceasefire.", "demanded", ("minister",), "DEMAND", None,
     "no event"),
    ("Protesters attacked the embassy in Cairo and demanded the ambassador leave.", "demanded", ("Protesters",),
     "DEMAND", None, "no event"),
]


@pytest.mark.parametrize(("text", "trigger", "actors", "event", "expected", "reason"), WIDER)
def test_locate_event_wider_places_twelfth_round(gaz, parse, text, trigger, actors, event, expected, reason):
    sents = parse(text)
    place, why = locate_event(make_event(sents[0], trigger, actor_words=actors, quad=_QUADS.get(event, 1),
                                         event=event), sents[0], find_places(sents, gaz))
    assert ((place.name, place.country_code) if place else None) == expected, why
    assert reason in why


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two leaders met at Mar-a-Lago on Friday.", ["Mar-a-Lago"]),
        ("The two leaders met at Mar-a-lago on Friday.", ["Mar-a-Lago"]),  # the spelling of some outlets
        ("The leaders spoke at the Kim-Moon summit.", []),  # joined names that are not a place
        ("A bomb exploded near the Erawan Shrine on Monday.", ["Erawan Shrine"]),
    ],
)
def test_find_places_hyphen_joined_names(gaz, parse, text, expected):
    assert [m.place.name for m in find_places(parse(text), gaz) if m.place] == expected


def _person(sentence: int, head: int, code: str, sector: str | None, text: str) -> Mention:
    return Mention(sentence=sentence, start=head, end=head + 1, head=head, text=text,
                   entity=Entity(entity_text=text, code=code, sector=sector, identifier_text=text), kind="name")


@pytest.mark.parametrize(
    ("speaker_sector", "tense", "expected"),
    [
        ("GOV", "rejected", ("Ankara", "TUR")),  # the president speaks for Turkey
        (None, "rejected", None),  # a person of that country who is not its government does not
        ("GOV", "had rejected", None),  # a past act reported, not the statement itself
    ],
)
def test_place_events_leader_speaking_for_his_state(ctx, parse, speaker_sector, tense, expected):
    text = f"In Ankara, President Erdogan said Turkey {tense} the proposal."
    sents = parse(text)
    toks = sents[0].tokens
    speaker = next(t.i for t in toks if t.text == "Erdogan")
    state = next(t.i for t in toks if t.text == "Turkey")
    ev = make_event(sents[0], "rejected", actor_words=("Turkey",), quad=3, event="REJECT")
    ev = dataclasses.replace(ev, actor=(Entity(entity_text="Turkey", code="TUR"),))
    mentions = (_person(0, speaker, "TUR", speaker_sector, "Erdogan"),
                Mention(sentence=0, start=state, end=state + 1, head=state, text="Turkey",
                        entity=Entity(entity_text="Turkey", code="TUR")))
    doc = Document(article=Article(id="a1", text=text), sentences=tuple(sents), events=(ev,), mentions=mentions)
    got = place_events(doc, ctx).events[0]
    assert ((got.event_loc.name, got.event_loc.country_code) if got.event_loc else None) == expected, got.loc_reason


def test_state_speakers_only_for_a_state_actor(parse):
    sents = parse("President Erdogan said the army rejected the proposal.")
    ev = make_event(sents[0], "rejected", quad=3, event="REJECT")
    army = Entity(entity_text="army", code="TUR", sector="MIL")
    ev = dataclasses.replace(ev, actor=(army,))
    mentions = (_person(0, 1, "TUR", "GOV", "Erdogan"),)
    assert state_speakers(mentions, 0, ev) == frozenset()  # the army is not the state speaking
    state = dataclasses.replace(ev, actor=(Entity(entity_text="Turkey", code="TUR"),))
    assert state_speakers(mentions, 0, state) == frozenset({1})
    assert state_speakers(mentions, 1, state) == frozenset()  # another sentence
