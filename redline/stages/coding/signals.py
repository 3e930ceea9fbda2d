"""Warnings carried by an act (thirteenth round, recall): a show of force, a test or a sanction said to be a
warning, message or signal to a party threatens that party.

Two shapes. The act as subject of a copula or of 'serve as' / 'be meant as' ("North Korea's missile test was a
warning to Japan", "the Chinese drills served as a message to Taipei"): the actor is the party that names the act
(its possessor, a name compounded on it, a 'by' phrase). The act as a clause the warning is attached to with 'in' or
'as' ("fired two missiles in a warning to Seoul", "deployed bombers as a signal to Beijing"): the actor is the
clause's subject; the clause must code an act of force or move forces or weapons with a verb that moves or shows
them ("flew bombers ... as a warning to"; "visited the troops" moves nothing). Either way the recipient is the 'to'
party of the noun (of a copula or an 'as' verb when the noun has none; another verb's 'to' is where the forces
went), required: "a warning to others" or "a message to the markets" names no party and is dropped by the coder.
The act must be one of force, a show of force named as military ("naval drills", "the missile test"; "Taiwan's
flight" is none) or a sanction (the lexicon's code of the noun or of a frame on the verb): "the vote was a message
to the leadership", "his speech was a warning to" are words, which speech.py codes when they are.
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
# words that make a show noun military ("naval drills", "a missile test", "exercises by the Chinese army"), with the
# forces, missiles and weapons cues: "Taiwan's flight through New York" is no show of force
MILITARY = frozenset({"military", "naval", "navy", "air", "nuclear", "ballistic", "war", "combat", "live-fire",
                      "artillery", "armed"})
# verbs that move or show forces or weapons: "flew bombers ... as a warning to"; "visited the troops", "praised the
# soldiers" move nothing
SHOWING_VERBS = frozenset({"deploy", "redeploy", "send", "dispatch", "move", "fly", "sail", "station", "base",
                           "position", "mass", "amass", "rush", "parade", "display", "fire", "launch", "test",
                           "mobilize", "mobilise"})
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
        named_act = (t.dep == "attr" and toks[h].lemma.lower() == "be") or (
            as_phrase and toks[gov].lemma.lower() in AS_VERBS)
        # the 'to' party, on the noun or, as the parser often hangs it, on a copula or an 'as' verb ("served as a
        # signal to NATO"); another verb's own 'to' is where it went ("moved troops to Belarus as a signal to NATO")
        targets = [x for _, a in tree.prep_args(n, ("to",)) for x in tree.conjuncts(a)]
        if not targets and named_act:
            targets = [x for _, a in tree.prep_args(gov, ("to",)) for x in tree.conjuncts(a)]
        if not targets:
            continue
        carrier = None
        if named_act:
            carrier = tree.child(gov, SUBJ)
            if carrier is None:
                carrier = tree.child(gov, PASS_SUBJ)
        if carrier is not None:
            ne = match_noun(tree, carrier, lex)
            if (ne is None or ne.code.event not in CARRIERS) and not (
                    toks[carrier].lemma.lower() in SHOWS and _military(tree, carrier, lex)):
                continue
            actors = [x for _, a in tree.prep_args(carrier, ("by",)) for x in tree.conjuncts(a)] or [
                k for k in tree.kids[carrier] if toks[k].dep in NAMING_DEPS
                and (toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos == "PROPN")]
            note = "the act said to be a warning threatens the party it is addressed to; its actor names the act"
        elif as_phrase and toks[gov].pos == "VERB":
            acts = [f for f in frames if f.base == gov and f.code.event in CARRIERS]
            # forces or weapons moved or flown as a warning are a show of force ("flew bombers over the
            # peninsula as a warning to"), though flying warplanes alone is no event (decisions.tsv, 'fly')
            shown = toks[gov].lemma.lower() in SHOWING_VERBS and any(
                names_word(tree, o, lex.cue("forces")) for o in tree.children(gov, OBJ))
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


def _military(tree: Tree, k: int, lex: Lexicon) -> bool:
    """A show noun named as military: a modifier or its 'of' / 'by' party is a military word, forces, missiles or
    weapons ("naval drills", "the missile test", "exercises by the Chinese army")."""
    words = MILITARY | lex.cue("forces") | lex.cue("missiles") | lex.cue("weaponry")
    mods = [c for c in tree.kids[k] if tree.tokens[c].dep in NAMING_DEPS]
    mods += [a for _, a in tree.prep_args(k, ("of", "by"))]
    return any(names_word(tree, m, words) for m in mods)
