"""Threats named by a noun with who made them (tenth round, speech): "after threats from Kim to call off the summit",
"the announcement came with threats from a senior Iranian official that the work might grow", "amid repeated
threats by North Korea against Guam". The noun "threat" is a state of affairs more often than an act ("to counter
threats from Iran", "cyber threats from Russia", "the North Korean threat": nominal.py `STATE_NOUNS`), so a plural
"threats" is a threat made (THREATEN, CAMEO 130) only when it names its speaker in a "from / by" phrase and says it
was said: a content clause ("threats ... to call off", "threats ... that ..."), a word of speaking ("repeated",
"bellicose" ...: `spoken_threat_modifiers`), or a place in time of the sentence's act ("after / amid / despite /
following threats from X", "came with / followed threats by X"). A danger word as modifier ("cyber", "security",
"terrorist": `threat_state_modifiers`) keeps it a state. The recipient is the "against / to / toward" party
(none when unnamed: no guess); factuality is the governing clause's."""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .reactions import named_party
from .tree import Frame, Tree

THREAT = Code("THREATEN", None, "130")
TIME_PREPS = frozenset({"after", "amid", "amidst", "despite", "following", "since", "before", "with"})
TIME_VERBS = frozenset({"follow", "come", "unleash", "prompt", "trigger"})
TARGET_PREPS = ("against", "toward", "towards", "to")


def _speakers(tree: Tree, n: int) -> list[int]:
    return [x for _, a in tree.prep_args(n, ("from", "by")) for x in tree.conjuncts(a) if named_party(tree, x)]


def _said(tree: Tree, n: int, lex: Lexicon) -> bool:
    """The threats were made: a content clause, a word of speaking, or a place in time of the sentence's act."""
    toks = tree.tokens
    if any(toks[c].dep in ("acl", "ccomp") and toks[c].pos in ("VERB", "AUX") for c in tree.kids[n]):
        return True
    if any(toks[k].lower in lex.cue("spoken_threat_modifiers") for k in tree.kids[n]):
        return True
    h = tree.head(n)
    if h is None:
        return False
    if toks[n].dep == "pobj" and toks[h].lower in TIME_PREPS:
        if toks[h].lower != "with":
            return True
        g = tree.head(h)  # "came with threats from X": the announcement arrived together with the threats
        return g is not None and toks[g].lemma.lower() in TIME_VERBS
    if toks[n].dep == "pobj" and toks[h].lower == "of":  # "a torrent / series of threats from X"
        q = tree.head(h)
        return q is not None and tree.head(q) is not None and toks[tree.head(q)].lemma.lower() in TIME_VERBS
    return toks[n].dep in ("dobj", "nsubj") and toks[h].lemma.lower() in TIME_VERBS


def threat_mentions(tree: Tree, lex: Lexicon) -> list[Frame]:
    """A THREATEN frame for each plural "threats" said by a named "from / by" party (module docstring)."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() != "threat" or t.tag != "NNS":
            continue
        if any(toks[k].lower in lex.cue("threat_state_modifiers") for k in tree.kids[t.i]):
            continue
        speakers = _speakers(tree, t.i)
        if not speakers or not _said(tree, t.i, lex):
            continue
        targets = [x for p, a in tree.prep_args(t.i, TARGET_PREPS) for x in tree.conjuncts(a)
                   if p != "to" or toks[a].pos == "PROPN" or toks[a].ent_type in ("GPE", "NORP", "ORG")]
        h = tree.head(t.i)
        base = h if h is not None else t.i
        while toks[base].pos == "ADP" and tree.head(base) is not None and base != tree.head(base):
            base = tree.head(base)
        content = tuple(k for c in tree.children(t.i, {"acl", "ccomp"}) for k in tree.subtree(c))
        out.append(Frame("spoken-threat:threat", "threats from", THREAT, (t.i, t.i + 1), tuple(speakers),
                         tuple(targets), base, absorbed=content,
                         notes=("threats named with who made them and said to have been made",)))
    return out
