"""Acts of force first mentioned as the object of a verb, with their doer and their patient named (nineteenth round,
recall): "the issues include Russia's 2014 invasion of Ukraine", "this escalation follows Russia's annexation of
Crimea", "the senators opposed China's seizure of the islands"; also a conjunct of a phrase's object ("after the
riots, and Iran's seizure of the tanker"), which nominal.mentioned_act, taking the phrase's first object, leaves.

The annotation guide (12.2) codes the first mention of an act whose actor is named as background, in whatever phrase
it comes; a later mention in the article refers back to it and is not coded again (the coding stage's
back-references). The nominal rules code such a noun as a subject, in a prepositional phrase, or as the object of a
verb of reaction (nominal.py); as the object of any other verb it coded nothing. Here it is coded when:

- the noun is an act of force or seizure (ASSAULT, COERCE) on an occasion, not a standing state ("Israel's occupation
  of the West Bank", "Russia's aggression") nor a campaign;
- its doer is a country, nationality or organisation named on it ("Russia's", "Turkish"): a person's possessive is as
  often words ("Clinton's attacks against China");
- its patient is named in its own phrase ("of Ukraine", "on the base");
- the verb does not make it undone, feared or a topic ("prevent / fear / discuss / deny China's invasion of Taiwan"),
  and no word on it marks it planned or possible ("any Russian attack on").
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .nominal import (
    FORCE_TYPES,
    ONGOING_NOUNS,
    STATE_NOUNS,
    TOPIC_PREPS,
    UNDONE,
    UNMADE_GOVERNORS,
    _targets,
    named_modifiers,
)
from .tree import Frame, Tree, match_noun

# Standing states, not acts on an occasion (annotation guide 12.12).
STANDING = frozenset({"occupation", "blockade", "siege", "aggression", "interference", "meddling", "presence",
                      "persecution", "repression", "control", "rule", "dominance"})
# Verbs whose object is an act not done, or only talked about, weighed or denied.
UNDONE_GOVERNORS = UNMADE_GOVERNORS | frozenset({
    "discuss", "debate", "consider", "weigh", "plan", "propose", "contemplate", "threaten", "deny", "dispute",
    "doubt", "question", "rule", "imagine", "predict", "forecast", "study", "review", "examine", "authorize",
    "authorise", "approve", "order", "urge", "demand", "seek", "want", "need", "block",
    "prevent", "avert", "forestall", "deter", "warn", "simulate", "rehearse", "practice", "practise", "prepare"})


def object_mentions(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """A frame for each act of force named with its doer and patient as the object of a verb (see the module
    docstring), for nouns no other frame of the sentence has taken."""
    toks = tree.tokens
    taken = {f.trigger[1] - 1 for f in frames}
    out: list[Frame] = []
    for t in toks:
        n = t.i
        if t.pos != "NOUN" or n in taken or t.lemma.lower() not in lex.nouns:
            continue
        first = n
        while toks[first].dep == "conj" and tree.head(first) is not None:
            first = tree.head(first)  # "include North Korea's missile tests and Russia's invasion of Ukraine"
        h = tree.head(first)
        if h is None:
            continue
        if toks[first].dep == "pobj" and first != n:
            # a conjunct of a phrase's object ("after attacks on tankers, as well as Iran's seizure of a ship"):
            # the phrase names each act, as nominal.mentioned_act does the first; a topic phrase names none
            if toks[h].lower in TOPIC_PREPS or toks[h].dep == "agent":
                continue
            h = tree.head(h) if tree.head(h) is not None else h
        elif toks[first].dep != "dobj" or toks[h].pos not in ("VERB", "AUX"):
            continue
        verb = toks[h].lemma.lower()
        if verb in UNDONE_GOVERNORS or verb in lex.cue("future") or verb in lex.cue("hypothetical"):
            continue
        ne = match_noun(tree, n, lex)
        if ne is None or ne.code.event not in FORCE_TYPES or ne.only_with:
            continue
        if ne.words[-1] in STATE_NOUNS | ONGOING_NOUNS | STANDING:
            continue
        if any(toks[k].lower in UNDONE for k in tree.kids[n]):
            continue
        actors = [k for k in named_modifiers(tree, n, ne) if toks[k].ent_type in ("GPE", "NORP", "ORG")]
        targets = [x for x in _targets(tree, n, ne, lex) if x not in actors]
        if not actors or not targets:
            continue
        start = min([n] + [k for k in tree.kids[n] if toks[k].dep in ("compound", "amod") and toks[k].lower in
                           ne.words])
        out.append(Frame(f"nominal-possessor-object:{ne.key}", ne.key, ne.code, (start, n + 1), tuple(actors),
                         tuple(targets), h,
                         notes=("the first mention of an act of force whose doer and patient are named, as a verb's "
                                "object (annotation guide 12.2)",)))
    return out
