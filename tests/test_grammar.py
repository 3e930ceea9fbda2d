"""Grammar cases: hand-built parses (no model) and real parses via the session `ctx` fixture."""

from __future__ import annotations

import pytest

from redline.knowledge.lexicon import load_lexicon
from redline.records import Token
from redline.stages.coding.frames import find_frames
from redline.stages.coding.tree import Tree, subject_of

from test_coding import code_text


def tok(i, text, lemma, pos, dep, head, tag=""):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head, idx=i * 10)


# "Russia attacked Ukraine ."
SVO = (tok(0, "Russia", "Russia", "PROPN", "nsubj", 1), tok(1, "attacked", "attack", "VERB", "ROOT", 1),
       tok(2, "Ukraine", "Ukraine", "PROPN", "dobj", 1), tok(3, ".", ".", "PUNCT", "punct", 1))
# "Ukraine was attacked by Russia ."
PASSIVE = (tok(0, "Ukraine", "Ukraine", "PROPN", "nsubjpass", 2), tok(1, "was", "be", "AUX", "auxpass", 2),
           tok(2, "attacked", "attack", "VERB", "ROOT", 2), tok(3, "by", "by", "ADP", "agent", 2),
           tok(4, "Russia", "Russia", "PROPN", "pobj", 3), tok(5, ".", ".", "PUNCT", "punct", 2))
# "Russia and China blamed each other ."
RECIPROCAL = (tok(0, "Russia", "Russia", "PROPN", "nsubj", 3), tok(1, "and", "and", "CCONJ", "cc", 0),
              tok(2, "China", "China", "PROPN", "conj", 0), tok(3, "blamed", "blame", "VERB", "ROOT", 3),
              tok(4, "each", "each", "DET", "det", 5), tok(5, "other", "other", "ADJ", "dobj", 3),
              tok(6, ".", ".", "PUNCT", "punct", 3))
# "Russia said nothing ." (a speech verb alone is not an event)
SPEECH = (tok(0, "Russia", "Russia", "PROPN", "nsubj", 1), tok(1, "said", "say", "VERB", "ROOT", 1),
          tok(2, "nothing", "nothing", "PRON", "dobj", 1), tok(3, ".", ".", "PUNCT", "punct", 1))


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (SVO, [("ASSAULT", (0,), (2,), False)]),
        (PASSIVE, [("ASSAULT", (4,), (0,), False)]),
        (RECIPROCAL, [("ACCUSE", (0, 2), (), True)]),
        (SPEECH, []),
    ],
)
def test_find_frames_hand_built_parses(tokens, expected):
    frames, _, _ = find_frames(tokens, load_lexicon())
    got = [(f.code.event, f.actors, f.recipients, f.reciprocal) for f in frames]
    assert got == expected


def test_subject_of_inherits_through_conjoined_verbs():
    # "Russia attacked and occupied Crimea ." -> occupied inherits Russia
    toks = (tok(0, "Russia", "Russia", "PROPN", "nsubj", 1), tok(1, "attacked", "attack", "VERB", "ROOT", 1),
            tok(2, "and", "and", "CCONJ", "cc", 1), tok(3, "occupied", "occupy", "VERB", "conj", 1),
            tok(4, "Crimea", "Crimea", "PROPN", "dobj", 3))
    assert subject_of(Tree(toks), 3) == [0]


ACTORS = {"Russia": "RUS", "China": "CHN", "Ukraine": "UKR", "Kyiv": "UKR", "the United States": "USA",
          "Washington": "USA", "Iran": "IRN", "Israel": "ISR", "Syria": "SYR", "Moscow": "RUS", "Turkey": "TUR",
          "France": "FRA", "Germany": "DEU", "Britain": "GBR", "Japan": "JPN", "NATO": "NATO", "Serbia": "SRB",
          "Poland": "POL", "Egypt": "EGY", "Russian troops": "RUS", "Ukrainian forces": "UKR", "India": "IND",
          "Pakistan": "PAK", "the EU": "EU", "Lebanon": "LBN", "Western": "WST", "Georgia": "GEO"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # subject-verb-object
        ("Russia attacked Ukraine on Monday.", {("ASSAULT", ("RUS",), ("UKR",))}),
        # prepositional recipients
        ("China sent aid to Iran.", {("AID", ("CHN",), ("IRN",))}),
        ("France imposed sanctions on Syria.", {("SANCTION", ("FRA",), ("SYR",))}),
        ("Israel launched an offensive against Lebanon.", {("ASSAULT", ("ISR",), ("LBN",))}),
        ("Japan met with Germany in Tokyo.", {("CONSULT", ("JPN", "DEU"), ())}),  # both parties act (PLOVER)
        # passive
        ("Ukraine was attacked by Russia.", {("ASSAULT", ("RUS",), ("UKR",))}),
        # compound actors and recipients
        ("Russia and China condemned Turkey.", {("ACCUSE", ("RUS", "CHN"), ("TUR",))}),
        ("Britain criticized Iran and Syria.", {("ACCUSE", ("GBR",), ("IRN", "SYR"))}),
        # reciprocal: both actors, no recipient
        ("India and Pakistan blamed each other for the violence.", {("ACCUSE", ("IND", "PAK"), ())}),
        # light verbs and nominal events
        ("Russia and China held a summit in Beijing.", {("CONSULT", ("RUS", "CHN"), ())}),
        ("Russia announced a pullback from the border.", {("RETREAT", ("RUS",), ())}),
        # xcomp chains: the matrix event verb decides the type
        ("Iran threatened to expel Israel.", {("THREATEN", ("IRN",), ("ISR",))}),
        ("Syria refused to release Turkey's soldiers.", {("REJECT", ("SYR",), ("TUR",))}),
        # conjoined verbs share the subject
        ("Russia attacked and occupied Georgia.", {("ASSAULT", ("RUS",), ("GEO",)), ("COERCE", ("RUS",), ("GEO",))}),
        # reported events: the reported act is coded, the speaker is the claim source
        ("Kyiv said Russian troops shelled Ukrainian forces.", {("ASSAULT", ("RUS",), ("UKR",))}),
        # relative clause: the antecedent is the actor
        ("Serbia condemned Russian troops, who shelled Kyiv.",
         {("ACCUSE", ("SRB",), ("RUS",)), ("ASSAULT", ("RUS",), ("UKR",))}),
        # a list the parser took for an apposition is still a list
        ("Russia, China, and Iran met in Tehran.", {("CONSULT", ("RUS", "CHN", "IRN"), ())}),
        # a passive conjoined verb takes the first verb's subject as its patient; conjoined passives share the
        # agent named on the last one
        ("Turkey's soldiers were captured and later released by Syria.",
         {("ASSAULT", ("SYR",), ("TUR",)), ("RETREAT", ("SYR",), ("TUR",))}),
        # speech verbs alone are not events
        ("Russia said the weather was fine.", set()),
    ],
)
def test_grammar_real_parse(ctx, sentence, expected):
    events = code_text(ctx, sentence, ACTORS)
    got = {(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in events}
    assert got == expected


def test_reported_event_records_claim_source(ctx):
    events = code_text(ctx, "Kyiv said Russian troops shelled Ukrainian forces.", ACTORS)
    assert [tuple(c.code for c in e.claim_source) for e in events] == [("UKR",)]


@pytest.mark.parametrize(
    ("text", "wrong_lemma", "expected"),
    [
        ("staged", "stag", "stage"),  # a wrong lemma whose regular stem is a light verb
        ("shelled", "shelle", "shell"),
        ("bombs", "bomb", "bomb"),  # a lemma already in the lexicon is kept
        ("walked", "walk", "walk"),  # nothing in the lexicon: unchanged
    ],
)
def test_repair_lemmas_regular_stem(text, wrong_lemma, expected):
    from redline.knowledge.lexicon import load_lexicon
    from redline.records import Token
    from redline.stages.coding.frames import repair_lemmas

    tok = Token(i=0, text=text, lemma=wrong_lemma, pos="VERB", tag="", dep="ROOT", head=0, idx=0)
    assert repair_lemmas((tok,), load_lexicon())[0].lemma == expected
