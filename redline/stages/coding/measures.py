"""Announced measures against a party (ninth round, speech): "China said it would take all necessary measures
against the United States", "the minister said the kingdom was considering additional measures against Canada",
"Iran warned it would take action against Britain", "Beijing will take firm countermeasures". A party that says it
will take, or is weighing, unnamed steps against another threatens it (PLOVER THREATEN; CAMEO 130, with the mode
the sentence's words give: relations for sanctions and costs, violence for force).

The threat is the saying: a speech verb reports the clause (its subject acts) or the sentence stands in a quote
(its speaker acts); the writer's own "the EU is weighing measures against Hungary" reports a deliberation, not a
threat made, and is no event (evaluations.py `make_frame`, the checks of every speech act: negation, "whether", own
words). The measure must be a future one (will, would, 'll, shall, could, "going to") or one being weighed
(consider, weigh, mull, study, prepare); "took measures against" reports a done act, "must take measures against"
demands (speech.py `deontic_frames`), "would not take measures" threatens nothing. The recipient is the
"against / toward" party; a counter-measure or reprisal ("would take countermeasures") is a threat with no
party named (no recipient, no guess); other measures with no party ("measures to help farmers") are none.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Lexicon
from .evaluations import make_frame, threat_code
from .reactions import named_party
from .speech import READY_WORDS
from .tree import PASS_SUBJ, SUBJ, Frame, Tree, subject_of

FUTURE_MODALS = frozenset({"will", "'ll", "wo", "would", "'d", "shall", "could"})
CONDITIONS = frozenset({"if", "should", "unless"})
TARGET_PREPS = ("against", "toward", "towards")  # not "on": "take action on the bill / on climate" is about a matter


def measure_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """A THREATEN frame for each measure noun (`measure_nouns`) that is the object of a verb of taking or weighing
    (`measure_verbs`) announced for the future or weighed now, said by a speaker."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.dep not in ("dobj", "obj") or t.lemma.lower() not in lex.cue("measure_nouns"):
            continue
        v = t.head
        lemma = toks[v].lemma.lower()
        if lemma not in lex.cue("measure_verbs") or any(toks[k].dep == "neg" for k in tree.kids[v] + tree.kids[t.i]):
            continue
        weighing = lemma in lex.cue("weighing_verbs")
        future = future_clause(tree, v)
        if not (weighing or future):
            continue  # "took measures against Russia": a done act; "must take measures": a demand
        targets = [x for _, a in tree.prep_args(t.i, TARGET_PREPS) + tree.prep_args(v, TARGET_PREPS)
                   for x in tree.conjuncts(a)]
        reprisal = t.lemma.lower() in lex.cue("reprisal_nouns") or any(
            toks[k].lemma.lower() in lex.cue("reprisal_modifiers") for k in tree.kids[t.i] if toks[k].dep == "amod")
        if not targets and reprisal:  # "would take countermeasures if Washington approved the sale" (tenth round)
            targets = condition_parties(tree, v)
        if not targets and not reprisal:
            continue  # "new measures to help farmers": no party is warned
        f = make_frame(tree, lex, f"measures:{lemma}+{t.lemma.lower()}", f"{lemma} {t.lemma.lower()}",
                   threat_code(tree, lex), t.i, v, targets,
                   "steps a party says it will take or weighs against another threaten it", need_target=not reprisal)
        ready = _ready_party(tree, v)
        if f is not None and f.speaker_actor and not f.actors and ready:
            # "Turkey said it was ready to take military action against Syria": the speech verb is not found
            # through the adjective, so the party said to be ready is the one that threatens (fifteenth round)
            # ("the readiness is stated now", speech.readiness_frames): the copula carries the factuality
            f = dataclasses.replace(f, actors=tuple(ready), speaker_actor=False, base=tree.head(tree.head(v)))
        if f is not None:
            out.append(f)
    return out


def _ready_party(tree: Tree, v: int) -> list[int]:
    """The subject of "X was ready / prepared / poised to take ...", when v is the adjective's infinitive."""
    toks = tree.tokens
    h = tree.head(v)
    if h is None or toks[v].dep != "xcomp" or toks[h].lower not in READY_WORDS or toks[h].dep != "acomp":
        return []
    cop = tree.head(h)
    return subject_of(tree, cop) if cop is not None else []


def future_clause(tree: Tree, v: int) -> bool:
    """v is said of the future: a future modal on it ("would take"), "going to take", the infinitive of a verb of
    intent ("plans to take", "is ready to take") or of a future "will not hesitate to" (the threat is made)."""
    toks = tree.tokens
    if any(toks[k].dep == "aux" and toks[k].lower in FUTURE_MODALS for k in tree.kids[v]):
        return True
    h = tree.head(v)
    if h is None or h == v or toks[v].dep not in ("xcomp", "conj"):
        return False
    if toks[v].dep == "conj":
        return future_clause(tree, h)
    if toks[h].lemma.lower() == "hesitate":
        # "will not hesitate to take action against X": the negation is on the hesitation, the threat is made
        return any(toks[k].dep == "neg" for k in tree.kids[h]) and future_clause(tree, h)
    return toks[h].lower == "going" or toks[h].lemma.lower() in ("plan", "intend", "vow", "threaten", "ready",
                                                                 "prepared") or toks[h].lower in READY_WORDS \
        or future_clause(tree, h)  # "prepared" parsed as a verb has the lemma "prepare"


def condition_parties(tree: Tree, v: int) -> list[int]:
    """The named subjects of an active condition clause on v ("if NATO deployed troops"); "if attacked" names
    nobody."""
    toks = tree.tokens
    out = []
    for c in tree.children(v, {"advcl"}):
        if not any(toks[k].dep == "mark" and toks[k].lower in CONDITIONS for k in tree.kids[c]):
            continue
        if tree.children(c, PASS_SUBJ):
            continue
        out += [x for s in tree.children(c, SUBJ) for x in tree.conjuncts(s) if named_party(tree, x)]
    return out
