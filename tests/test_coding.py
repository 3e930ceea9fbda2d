"""The coding stage: events from sentences + mentions, provenance, skips, and the reference article."""

from __future__ import annotations

import dataclasses

import pytest

from redline.pipeline import Context
from redline.records import Article, Document, Entity, Factuality, Mention, Sentence, Token
from redline.stages.coding import code_events, event_id
from redline.stages.parse import parse_text


def _mentions_for(sentence: Sentence, actors: dict[str, str]) -> list[Mention]:
    """Hand-made actor mentions: every occurrence of a surface form in `actors` -> its code."""
    toks = sentence.tokens
    out = []
    for surface, spec in actors.items():
        code, _, sector = (spec or "").partition("-")  # "KEN-COP": code and sector
        words = surface.split()
        for s in range(len(toks) - len(words) + 1):
            if [t.text for t in toks[s : s + len(words)]] == words:
                e = s + len(words)
                heads = [i for i in range(s, e) if not (s <= toks[i].head < e) or toks[i].head == i]
                out.append(Mention(sentence.index, s, e, heads[-1] if heads else e - 1, surface,
                                   Entity(surface, code or None, sector=sector or None, reason="test")))
    return out


def code_document(ctx: Context, text: str, actors: dict[str, str]) -> Document:
    """Parse `text` with the real model, add hand-made mentions, run the coding stage."""
    sentences = tuple(parse_text(text, ctx))
    mentions = tuple(m for s in sentences for m in _mentions_for(s, actors))
    doc = Document(article=Article(id="t1", text=text, publisher="Test Wire"), sentences=sentences,
                   mentions=mentions)
    return code_events(doc, ctx)


def code_text(ctx: Context, text: str, actors: dict[str, str], *, asserted: bool = True):
    doc = code_document(ctx, text, actors)
    return [e for e in doc.events if not asserted or e.factuality == Factuality.ASSERTED]


def _tok(i, text, lemma, pos, dep, head):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag="", dep=dep, head=head, idx=i * 8)


def _hand_doc(tokens, mentions=(), text="x") -> Document:
    sent = Sentence(index=0, paragraph=0, start=0, end=len(text), text=text, tokens=tuple(tokens))
    return Document(article=Article(id="a1", text=text), sentences=(sent,), mentions=tuple(mentions))


ATTACK = [_tok(0, "Russia", "Russia", "PROPN", "nsubj", 1), _tok(1, "attacked", "attack", "VERB", "ROOT", 1),
          _tok(2, "Ukraine", "Ukraine", "PROPN", "dobj", 1)]
RUS = Mention(0, 0, 1, 0, "Russia", Entity("Russia", "RUS", sector="GOV"))
UKR = Mention(0, 2, 3, 2, "Ukraine", Entity("Ukraine", "UKR"))


def test_code_events_fills_every_field():
    doc = code_events(_hand_doc(ATTACK, [RUS, UKR], "Russia attacked Ukraine"), Context())
    (ev,) = doc.events
    assert (ev.event, ev.cameo, ev.goldstein, ev.quad_code, ev.event_scale) == ("ASSAULT", "190", -10.0, 4, -9.0)
    assert ev.factuality == Factuality.ASSERTED and ev.factuality_reason
    assert [a.code for a in ev.actor] == ["RUS"] and [r.code for r in ev.recipient] == ["UKR"]
    assert (ev.actor_heads, ev.recipient_heads, ev.trigger) == ((0,), (2,), (1, 2))
    assert ev.rule == "svo:verb=attack#ASSAULT/190"
    assert ev.date is None and ev.event_loc is None
    assert ev.id == event_id("a1", 0, (1, 2), "ASSAULT", ev.actor, ev.recipient)


def test_code_events_no_lexicon_match_gives_no_event():
    toks = [_tok(0, "Russia", "Russia", "PROPN", "nsubj", 1), _tok(1, "painted", "paint", "VERB", "ROOT", 1),
            _tok(2, "Ukraine", "Ukraine", "PROPN", "dobj", 1)]
    doc = code_events(_hand_doc(toks, [RUS, UKR]), Context())
    assert doc.events == ()


def test_code_events_without_actor_is_skipped_with_reason():
    toks = [_tok(0, "It", "it", "PRON", "nsubj", 1), _tok(1, "attacked", "attack", "VERB", "ROOT", 1),
            _tok(2, "Ukraine", "Ukraine", "PROPN", "dobj", 1)]
    doc = code_events(_hand_doc(toks, [dataclasses.replace(UKR)]), Context())
    assert doc.events == ()
    assert any("no actor" in s for s in doc.skipped)


def test_code_events_agent_noun_without_mention_is_unresolved_entity():
    toks = [_tok(0, "Troops", "troop", "NOUN", "nsubj", 1), _tok(1, "attacked", "attack", "VERB", "ROOT", 1),
            _tok(2, "Ukraine", "Ukraine", "PROPN", "dobj", 1)]
    # the veto off: a hand-built sentence without spaCy's entities is not what the learnt veto was trained on
    (ev,) = code_events(_hand_doc(toks, [UKR]), Context(settings={"veto": False})).events
    assert ev.actor[0].code is None and "agent-like" in ev.actor[0].reason


def test_code_events_long_sentence_is_skipped_with_reason():
    ctx = Context(settings={"max_sentence_tokens": 2})
    doc = code_events(_hand_doc(ATTACK, [RUS, UKR]), ctx)
    assert doc.events == ()
    assert doc.skipped and "max_sentence_tokens" in doc.skipped[0]


def test_event_id_is_stable_and_distinguishes_types():
    a = (Entity("Russia", "RUS"),)
    assert event_id("x", 1, (2, 3), "ASSAULT", a, ()) == event_id("x", 1, (2, 3), "ASSAULT", a, ())
    assert event_id("x", 1, (2, 3), "ASSAULT", a, ()) != event_id("x", 1, (2, 3), "COERCE", a, ())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # PLOVER: future cooperation is an intention -> AGREE
        ("Russia will meet China next week.", ("AGREE", "asserted")),
        # a conflictual act announced by the actor itself, or made conditional, is a threat
        ("Iran said it would expel Israel's diplomats.", ("THREATEN", "asserted")),
        ("Russia would attack Ukraine if Ukraine joined NATO.", ("THREATEN", "asserted")),
        # a plain plan or wish stays what it is, with its factuality
        ("Iran will expel Israel's diplomats.", ("SANCTION", "future")),
        ("Russia wants to attack Ukraine.", ("ASSAULT", "hypothetical")),
        # "would" in reported speech is the future seen from the past; an announced concession or retreat is
        # an intent to yield (CAMEO 035) -> AGREE
        ("Israel announced it would release Syria's prisoners.", ("AGREE", "asserted")),
        ("Syria said it is willing to withdraw its troops from Lebanon.", ("AGREE", "asserted")),
        ("Egypt will lift the curfew in Cairo.", ("AGREE", "asserted")),
        # refusing cooperation is REJECT, not a negated AGREE
        ("Syria will not accept Turkey's demands.", ("REJECT", "asserted")),
        # "X said Y must ..." is X's demand
        ("France said Iran must release Britain's sailors.", ("REQUEST", "asserted")),
    ],
)
def test_code_events_plover_conversions(ctx, sentence, expected):
    from test_grammar import ACTORS

    doc = code_document(ctx, sentence, ACTORS)
    assert (doc.events[0].event, str(doc.events[0].factuality)) == expected


def test_code_events_sets_publication_and_offsets(ctx):
    text = "Russia attacked Ukraine."
    (ev,) = code_text(ctx, text, {"Russia": "RUS", "Ukraine": "UKR"})
    assert ev.publication == "Test Wire"
    assert text[ev.text_info.trigger_start:ev.text_info.trigger_end] == "attacked"
    assert ev.event_text == "attacked"


REFERENCE_ACTORS = {
    "U.S. President Joe Biden": "USA", "Russian President Vladimir Putin": "RUS", "Biden": "USA", "Putin": "RUS",
    "Russia": "RUS", "Kremlin": "RUS", "Ukrainian President Volodymyr Zelenskiy": "UKR", "Zelenskiy": "UKR",
    "The United States": "USA", "Ukraine": "UKR", "Kyiv": "UKR", "Moscow": "RUS", "Washington": "USA",
    "Peskov": "RUS", "Kremlin spokesman Dmitry Peskov": "RUS", "Ryabkov": "RUS", "Western": "WST",
    "the United States": "USA", "Ukraine's": "UKR", "Antonov": "RUS", "Ambassador Anatoly Antonov": "RUS",
    "we": "RUS", "us": "RUS", "he": "UKR", "the two countries": "RUS", "separatists": "UKR",
}


def test_reference_article_events(ctx, reference_text):
    from redline.stages.clean import clean_text

    art = clean_text(reference_text)
    doc = code_document(ctx, art.text, REFERENCE_ACTORS)
    asserted = {(e.event, tuple(sorted(a.code for a in e.actor)), tuple(r.code for r in e.recipient))
                for e in doc.events if e.factuality == Factuality.ASSERTED}
    for want in [("CONSULT", ("RUS", "USA"), ()), ("AID", ("USA",), ("UKR",)), ("COERCE", ("RUS",), ("UKR",)),
                 ("MOBILIZE", ("RUS",), ("UKR",)), ("RETREAT", ("RUS",), ()), ("THREATEN", ("RUS",), ("UKR",)),
                 ("AGREE", ("RUS", "USA"), ()), ("SANCTION", ("RUS",), ("USA",)), ("ACCUSE", ("WST",), ("RUS",))]:
        assert want in asserted, f"missing {want}"
    # the red-line warnings are asserted threats (test_factuality covers the conditional they warn about)
    warnings = [e for e in doc.events if e.event_text == "red line"]
    assert len(warnings) == 2 and all(e.factuality == Factuality.ASSERTED for e in warnings)
    assert all("SEE ALSO" not in e.text and "Copyright" not in e.text for e in doc.events)


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        # no target named: the country of the place where the act happens
        ("The army shelled villages near Kandahar.", {"army": "AFG", "Kandahar": "AFG"}, ("ASSAULT", "AFG", "AFG")),
        ("Chilean soldiers fired on trucks in Bolivia.", {"Chilean soldiers": "CHL", "Bolivia": "BOL"},
         ("ASSAULT", "CHL", "BOL")),
        # a place the actor knowledge base does not know comes from the gazetteer
        ("Chilean troops fired on a convoy near Cochabamba.", {"Chilean troops": "CHL"}, ("ASSAULT", "CHL", "BOL")),
        # a nationality inside the unresolved target names its country
        ("Chilean troops attacked a camp for Bolivian refugees.", {"Chilean troops": "CHL"},
         ("ASSAULT", "CHL", "BOL")),
        # ... or inside the act's object phrase ("warrants for two Peruvian men")
        ("Chilean police issued arrest warrants for two Peruvian men.", {"Chilean police": "CHL"},
         ("COERCE", "CHL", "PER")),
        # no place either: a domestic act is aimed at the actor's own country
        ("Kenyan police arrested forty students on Tuesday.", {"Kenyan police": "KEN-COP"}, ("COERCE", "KEN", "KEN")),
        # a named target is kept
        ("Chile attacked Peru near Arica.", {"Chile": "CHL", "Peru": "PER", "Arica": "CHL"},
         ("ASSAULT", "CHL", "PER")),
    ],
)
def test_code_events_unnamed_target_defaults(ctx, sentence, actors, expected):
    events = code_text(ctx, sentence, actors)
    assert (events[0].event, events[0].actor[0].code, events[0].recipient[0].code) == expected


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        # meetings and cooperation get no default target
        ("Chilean diplomats held talks in Lima.", {"Chilean diplomats": "CHL", "Lima": "PER"}),
        # the place of the reporting clause is not the place of the act
        ("Chile welcomed the plan, officials in Lima said.", {"Chile": "CHL", "Lima": "PER"}),
    ],
)
def test_code_events_no_default_target(ctx, sentence, actors):
    events = code_text(ctx, sentence, actors)
    assert all(not e.recipient or e.recipient[0].code != "PER" for e in events)


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        # an unresolved crowd takes the country of the place it acts in
        ("Hundreds of students protested in Quito on Friday.", {"students": "-EDU", "Quito": "ECU"}, ("PROTEST", "ECU")),
        # a resolved actor keeps its own country
        ("Peruvian farmers protested in Quito on Friday.", {"Peruvian farmers": "PER", "Quito": "ECU"},
         ("PROTEST", "PER")),
    ],
)
def test_code_events_unresolved_actor_takes_place_country(ctx, sentence, actors, expected):
    events = code_text(ctx, sentence, actors)
    assert (events[0].event, events[0].actor[0].code) == expected


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        # an unresolved group takes the countries of its coordinated modifiers
        ("Chilean and Peruvian activists staged a protest in Quito.",
         {"Chilean": "CHL", "Peruvian": "PER", "activists": "-OPP"}, {"CHL", "PER"}),
    ],
)
def test_code_events_unresolved_actor_takes_modifier_countries(ctx, sentence, actors, expected):
    events = code_text(ctx, sentence, actors)
    assert events[0].event == "PROTEST" and {a.code for a in events[0].actor} == expected


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        # "engage X in <fighting noun>": the object of the light verb is the target
        ("Chilean troops engaged Peruvian soldiers in heavy fighting.",
         {"Chilean troops": "CHL", "Peruvian soldiers": "PER"}, ("ASSAULT", "CHL", "PER")),
        ("Chilean troops engaged Peruvian soldiers in a firefight on Monday.",
         {"Chilean troops": "CHL", "Peruvian soldiers": "PER"}, ("ASSAULT", "CHL", "PER")),
        # without an object the particle noun is the event as before ("engaged in talks")
        # talks: every party is an actor (PLOVER CONSULT), so Peru joins Chile on the actor side
        ("Chile engaged in talks with Peru.", {"Chile": "CHL", "Peru": "PER"}, ("CONSULT", "CHL", None)),
        # a particle light verb keeps its direct-object noun ("carried out attacks")
        ("Chilean troops carried out attacks on Peru.", {"Chilean troops": "CHL", "Peru": "PER"},
         ("ASSAULT", "CHL", "PER")),
    ],
)
def test_code_events_light_verb_with_object_and_particle(ctx, sentence, actors, expected):
    events = code_text(ctx, sentence, actors)
    recipient = events[0].recipient[0].code if events[0].recipient else None
    assert (events[0].event, events[0].actor[0].code, recipient) == expected


def test_code_events_lone_actor_of_joint_noun_gets_place_target(ctx):
    # "exercises" is a joint-act noun, but with one actor the act is aimed at the place it happens in
    events = code_text(ctx, "Chile is conducting military exercises in Bolivia.", {"Chile": "CHL", "Bolivia": "BOL"})
    assert [(e.event, e.actor[0].code, e.recipient[0].code) for e in events] == [("MOBILIZE", "CHL", "BOL")]


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        # a subjectless -ing clause of the same type adding no party is the same act, coded once
        ("Rebels shelled the town, killing eight people.", {"Rebels": "-REB"}, [("ASSAULT", (None,), ())]),
        # eighteenth round: so is a participle conjoined to it ("killing eight and wounding twenty")
        ("Rebels shelled the town, killing eight people and wounding twenty.", {"Rebels": "-REB"},
         [("ASSAULT", (None,), ())]),
        ("Rebels bombed a school on Sunday, killing four pupils and injuring more than thirty.", {"Rebels": "-REB"},
         [("ASSAULT", (None,), ())]),
        # ... and with no target of its own it takes none: a state's violence is not assumed to be at home
        ("Chile shelled Arica, killing eight people.", {"Chile": "CHL", "Arica": "PER"},
         [("ASSAULT", ("CHL",), ("PER",))]),
        # a different type is its own event; police coercion with no target named stays at home
        ("Chilean police fired on Peruvian protesters, arresting twelve.",
         {"Chilean police": "CHL-COP", "Peruvian protesters": "PER"},
         [("ASSAULT", ("CHL",), ("PER",)), ("COERCE", ("CHL",), ("CHL",))]),
    ],
)
def test_code_events_participle_of_same_event_coded_once(ctx, sentence, actors, expected):
    events = code_text(ctx, sentence, actors)
    got = sorted((e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in events)
    assert got == expected
