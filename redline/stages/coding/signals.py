"""Warnings carried by an act (thirteenth round, recall): a show of force, a test or a sanction said to be a
warning, message or signal to a party threatens that party.

Two shapes. The act as subject of a copula or of 'serve as' / 'be meant as' ("North Korea's missile test was a
warning to Japan", "the Chinese drills served as a message to Taipei"): the actor is the party that names the act
(its possessor, a name compounded on it, a 'by' phrase). The act as a clause the warning is attached to with 'in' or
'as' ("fired two missiles in a warning to Seoul", "deployed bombers as a signal to Beijing"): the actor is the
clause's subject; the clause must code an act of force or move forces or weapons ("flew bombers ... as a warning
to"). Either way the recipient is the 'to' party, required: "a warning to others" or "a message to the
markets" names no party and is dropped by the coder. The act must be one of force, a show of force or a sanction
(the lexicon's code of the noun or of a frame on the verb): "the vote was a message to the leadership", "his speech
was a warning to" are words, which speech.py codes when they are.
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import OBJ, PASS_SUBJ, SUBJ, Frame, Tree, match_noun, names_word, subject_of

SIGNAL_NOUNS = frozenset({"warning", "message", "signal"})
# acts whose performance can carry a warning: force, shows of force, sanctions
CARRIERS = frozenset({"ASSAULT", "MOBILIZE", "SANCTION", "COERCE"})
# acts that are a show of force when said to be a warning ("the drills were a message to Beijing", "the test was a
# warning to"), whatever the lexicon codes them as elsewhere (a joint exercise is cooperation)
SHOWS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "test", "launch", "flight", "flyover", "patrol",
                   "deployment", "buildup", "build-up"})
# verbs whose 'as' phrase says what the subject is taken to be ("served as a warning", "was seen as a message")
AS_VERBS = frozenset({"serve", "mean", "intend", "see", "view", "read", "interpret", "regard", "design", "act", "come"})
NAMING_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
SIGNAL = Code("THREATEN", None, "130")


def signal_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """THREATEN frames for acts of force or sanctions said to be a warning / message / signal to a party."""
    toks = tree.tokens
    out: list[Frame] = []
    for n, t in enumerate(toks):
        if t.lemma.lower() not in SIGNAL_NOUNS or t.pos != "NOUN":
            continue
        h = tree.head(n)
        if h is None:
            continue
        as_phrase = t.dep == "pobj" and toks[h].lower in ("as", "in") and toks[h].dep == "prep"
        gov = tree.head(h) if as_phrase else h
        if gov is None:
            continue
        # the 'to' party, on the noun or, as the parser often hangs it, on the verb ("served as a signal to NATO")
        targets = [x for _, a in tree.prep_args(n, ("to",)) + tree.prep_args(gov, ("to",)) for x in tree.conjuncts(a)]
        if not targets:
            continue
        carrier = None
        if (t.dep == "attr" and toks[h].lemma.lower() == "be") or (
                as_phrase and toks[gov].lemma.lower() in AS_VERBS):
            carrier = tree.child(gov, SUBJ) or tree.child(gov, PASS_SUBJ)
        if carrier is not None:
            ne = match_noun(tree, carrier, lex)
            if (ne is None or ne.code.event not in CARRIERS) and toks[carrier].lemma.lower() not in SHOWS:
                continue
            actors = [x for _, a in tree.prep_args(carrier, ("by",)) for x in tree.conjuncts(a)] or [
                k for k in tree.kids[carrier] if toks[k].dep in NAMING_DEPS
                and (toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos == "PROPN")]
            note = "the act said to be a warning threatens the party it is addressed to; its actor names the act"
        elif as_phrase and toks[gov].pos == "VERB":
            acts = [f for f in frames if f.base == gov and f.code.event in CARRIERS]
            # forces or weapons moved or flown as a warning are a show of force ("flew bombers over the
            # peninsula as a warning to"), though flying warplanes alone is no event (decisions.tsv, 'fly')
            shown = any(names_word(tree, o, lex.cue("forces")) for o in tree.children(gov, OBJ))
            if not acts and not shown:
                continue
            actors = (list(acts[0].actors) if acts else []) or subject_of(tree, gov)
            note = "an act done as a warning to a party threatens it; the act's actor warns"
        else:
            continue
        if not actors:
            continue
        out.append(Frame(f"signal:{t.lemma.lower()}", f"act as {t.lemma.lower()}", SIGNAL, (n, n + 1),
                         tuple(actors), tuple(targets), gov, require_recipient=True, notes=(note,)))
    return out
