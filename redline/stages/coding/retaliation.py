"""Retaliation announced (tenth round, speech): "China warned it would retaliate if the United States sent
warships", "the Russian minister warned that Moscow would respond if NATO deployed troops", "North Korea said it
would strike back", "Ankara will respond firmly, the Turkish president said". A party that says it will answer
another's act threatens it (PLOVER THREATEN; CAMEO 130, the mode from the sentence's words as for every warning).

The answer must be said of the future (will, would, 'll, shall, "going to": measures.py `future_clause`) and reported by
a speaker (evaluations.py `make_frame`: the writer's own "Iran will retaliate" forecasts; negation, denial and "whether"
leave it unsaid). Retaliating, avenging and striking / hitting back are an answer by themselves; "respond", "react"
and "answer" only with a condition on another party ("if NATO deployed troops") or a forceful manner ("respond
firmly / decisively / militarily": `forceful_manners`): "would respond to the letter" is none. The recipient is the
party the answer is aimed at ("retaliate against Washington", "respond to Greece") or, else, the named subject of
the condition ("if the United States sent warships"); none when unnamed ("retaliate against any attack": no guess).
"Vowed / pledged to retaliate" is speech.py `vowed_force`; "ready to retaliate", `readiness_frames`.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Lexicon
from .evaluations import make_frame, threat_code
from .measures import CONDITIONS, condition_parties, future_clause
from .reactions import named_party
from .tree import OBJ, Frame, Tree, subject_of

ANSWERS = frozenset({"retaliate", "avenge"})
BACK_ANSWERS = frozenset({"strike", "hit", "fight"})
RESPONSES = frozenset({"respond", "react", "answer"})
AIM_PREPS = ("against", "on", "at", "to")


def _conditioned(tree: Tree, v: int) -> bool:
    toks = tree.tokens
    return any(toks[k].dep == "mark" and toks[k].lower in CONDITIONS
               for c in tree.children(v, {"advcl"}) for k in tree.kids[c])


def retaliation_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """A THREATEN frame for each answer a speaker says a party will give (module docstring); the verb's own frame
    (respond, answer as lexicon acts) is replaced."""
    toks = tree.tokens
    out: list[Frame] = []
    answers: set[int] = set()
    for t in toks:
        lemma = t.lemma.lower()
        if t.pos != "VERB" or any(toks[k].dep == "neg" for k in tree.kids[t.i]):
            continue
        back = lemma in BACK_ANSWERS and any(toks[k].lower == "back" for k in tree.kids[t.i])
        manner = any(toks[k].lower in lex.cue("forceful_manners") for k in tree.kids[t.i])
        if not (lemma in ANSWERS or back or (lemma in RESPONSES and (manner or _conditioned(tree, t.i)))):
            continue
        if not future_clause(tree, t.i) or toks[t.i].dep == "xcomp":
            continue  # a done act reports; "vowed / ready to retaliate" are the commitment and readiness rules'
        aimed = [x for o in tree.children(t.i, OBJ) for x in tree.conjuncts(o) if named_party(tree, x)] + [
            x for _, a in tree.prep_args(t.i, AIM_PREPS) for x in tree.conjuncts(a) if named_party(tree, x)]
        targets = aimed or condition_parties(tree, t.i)
        f = make_frame(tree, lex, f"retaliation:{lemma}", f"will {lemma}", threat_code(tree, lex), t.i, t.i, targets,
                   "a party said to answer another's act threatens it", need_target=False,
                   absorbed=tuple(k for c in tree.children(t.i, {"advcl"}) for k in tree.subtree(c)))
        if f is not None:
            # a speaker the actors stage does not resolve ("spokesman Bahram Qasemi said") leaves the party that
            # will answer as the one that threatens
            out.append(dataclasses.replace(f, actor_fallback=tuple(subject_of(tree, t.i))))
            answers.add(t.i)
    if not out:
        return frames
    return [f for f in frames if f.trigger[0] not in answers and f.base not in answers] + out
