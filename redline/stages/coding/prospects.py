"""Nouns that frame an act as a prospect, a debate or something unseen: "the threat of an attack", "divisions over
conceding", "no sign of troops being trained". Part of the factuality stage (factuality.py calls `framing_noun`)."""

from __future__ import annotations

from ...records import Factuality
from .tree import Tree

# Nouns whose "of"/"for" act is feared, asked for or planned, not done (ninth round): "the threat of a North
# Korean attack", "the president's call for American strikes", "the risk of war", "plans for an invasion".
PROSPECT_NOUNS = frozenset({"threat", "risk", "danger", "fear", "possibility", "prospect", "chance", "specter",
                            "spectre", "likelihood", "call", "demand", "plan", "proposal", "request", "plea", "appeal",
                            "ultimatum", "bid", "option"})

# Nouns of evidence: "no sign of", "little evidence of" an act says it was not seen to happen.
SIGN_NOUNS = frozenset({"sign", "evidence", "indication", "trace", "proof", "hint"})

SCANT = frozenset({"no", "little", "scant", "scarce"})

# Nouns of debate whose "over"/"about" gerund is argued about, not done ("divisions over conceding the right").
DEBATE_NOUNS = frozenset({"division", "debate", "dispute", "row", "argument", "disagreement", "split", "rift",
                          "controversy", "wrangling", "quarrel"})


# Adjectives that put a meeting, a visit or an act ahead (twelfth round): "hosting an upcoming meeting", "the
# forthcoming summit", "the next round of talks". "The next day Russia attacked" modifies a day, not the act.
UPCOMING = frozenset({"upcoming", "forthcoming", "impending", "future", "next"})
# Gatherings a verb's object may name ("hosting an upcoming meeting"); "abandoned the proposed partnership" is done.
GATHERINGS = frozenset({"meeting", "meetings", "summit", "summits", "talks", "conference", "visit", "round", "session",
                        "negotiations", "exercise", "exercises", "drill", "drills", "vote", "election", "trip"})


def upcoming(tree: Tree, n: int, *, gathering: bool = False) -> bool:
    """Node n (an event noun, or with `gathering` the object of the event verb, which must name a gathering) is
    named as still ahead: 'an upcoming meeting'."""
    toks = tree.tokens
    if gathering and toks[n].lower not in GATHERINGS:
        return False
    return any(toks[k].dep == "amod" and toks[k].lower in UPCOMING for k in tree.kids[n]) or (
        toks[n].lower in GATHERINGS and (ahead_of(tree, n) or prepared_for(tree, n)))


# Nineteenth round, meetings: a gathering one prepares for, or whose possibility or prospect is named, is not held
# yet: "as she prepares for her summit with the Chilean president", "in preparation for the talks", "held out the
# possibility of talks with the Kenyan envoy". (A meeting held "in preparation for" another is held: only the noun
# after "for".)
PREPARING = frozenset({"prepare", "preparation", "ready", "gear"})
PROSPECTS = frozenset({"possibility", "prospect", "chance", "likelihood", "hope"})


def prepared_for(tree: Tree, n: int) -> bool:
    """Gathering noun n is what a party prepares for, or what a possibility or prospect is of."""
    toks = tree.tokens
    p = tree.head(n)
    g = tree.head(p) if p is not None and toks[n].dep == "pobj" else None
    if g is None:
        return False
    gl = toks[g].lemma.lower()
    return toks[p].lower == "for" and gl in PREPARING or (
        toks[p].lower == "of" and gl in PROSPECTS and toks[g].pos == "NOUN")


def ahead_of(tree: Tree, n: int) -> bool:
    """Noun n is what the clause is told ahead of (seventeenth round, meetings): "ahead of his meeting with",
    "on the eve of the summit", "leading up to his talks with", "in the run-up to the visit"."""
    toks = tree.tokens
    p = tree.head(n)
    g = tree.head(p) if p is not None and toks[n].dep == "pobj" else None
    if g is None:
        return False
    if toks[p].lower == "of":
        return toks[g].lower in ("ahead", "eve")
    return toks[p].lower == "to" and (toks[g].lower == "run-up" or toks[g].lemma.lower() == "lead" and any(
        toks[k].lower == "up" for k in tree.kids[g]) or toks[g].lower == "up" and tree.head(g) is not None
        and toks[tree.head(g)].lemma.lower() == "lead")


def before_present(tree: Tree, base: int) -> bool:
    """'it is only weeks before Tehran strikes back', 'until Iran attacks': a present tense under
    'before' or 'until' speaks of what has not happened yet (twelfth round, sample W)."""
    toks = tree.tokens
    return toks[base].tag in ("VBZ", "VBP") and any(toks[k].dep == "mark" and toks[k].lower in ("before", "until", "till")
                                                   for k in tree.kids[base])


def framing_noun(tree: Tree, i: int) -> tuple[Factuality, str] | None:
    """Node i is the object of "of"/"for" under a noun of prospect or of evidence: "the threat of a North Korean
    attack" (hypothetical), "little sign of Americans being trained" (negated)."""
    toks = tree.tokens
    p = tree.head(i)
    if toks[i].dep not in ("pobj", "pcomp") or p is None:
        return None
    g = tree.head(p)
    if g is None or toks[p].dep != "prep":
        return None
    if toks[p].lower in ("over", "about") and toks[i].tag == "VBG" and any(  # "divisions run deep over conceding"
            toks[n].lemma.lower() in DEBATE_NOUNS for n in [g, *tree.children(g, {"nsubj"})]):
        return Factuality.HYPOTHETICAL, f"'{toks[i].text}' is argued about, not done"
    if toks[g].pos not in ("NOUN", "PROPN"):
        return None
    gl = toks[g].lemma.lower()
    if toks[p].lower not in ("of", "for"):
        return None
    if gl in PROSPECT_NOUNS:
        return Factuality.HYPOTHETICAL, f"'{toks[i].text}' is what the {toks[g].text} is of or for, not a fact"
    if gl in SIGN_NOUNS and any(toks[k].lower in SCANT and toks[k].dep in ("det", "amod") for k in tree.kids[g]):
        return Factuality.NEGATED, f"'{toks[i].text}': little or no {toks[g].text} of it"
    return None
