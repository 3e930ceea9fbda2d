"""Factuality of an event named by a noun ("Russia's invasion of Ukraine", "a meeting between X and Y"): whether
the noun presents the act as a fact, or as negated, planned, asked for or still ahead. Part of the factuality stage:
`factuality.classify` calls `classify_noun` for an event noun its verb governs, and the coder calls it for nominal
frames (split from factuality.py, twelfth round; behaviour unchanged).
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from ...records import Factuality
from .prospects import framing_noun, upcoming
from .tree import Tree

LEMMA_FIXES = {"hoped": "hope", "hoping": "hope", "hopes": "hope"}


def lemma(tree: Tree, i: int) -> str:
    """The lemma of token i, with the parser's known lemmatizer slips mended ("hoped" is 'hope', not 'hop')."""
    t = tree.tokens[i]
    return LEMMA_FIXES.get(t.lower, t.lemma.lower())


# Verbs whose object noun names an act that has not happened (or is not asserted) yet.
UNREAL_GOVERNORS = {"plan", "prepare", "threaten", "consider", "propose", "want", "seek", "fear", "expect", "prevent",
                    "avoid", "deter", "rule", "risk", "warn", "urge", "demand", "call", "order", "authorize",
                    "authorise", "approve", "debate", "weigh", "contemplate", "oppose", "reject", "deny", "push",
                    "press", "advocate"}


def framed(tree: Tree, n: int) -> bool:
    """Event noun n is what a noun of prospect is of or for ("the threat of a military conflict between China and
    Taiwan", "the risk of a war between Russia and NATO"), through prepositions, conjuncts and compounds."""
    toks = tree.tokens
    i = n
    while toks[i].dep in ("pobj", "prep", "conj", "appos", "compound") and tree.head(i) is not None:
        if framing_noun(tree, i):
            return True
        i = tree.head(i)
    return False


def unreal_object(tree: Tree, n: int) -> bool:
    """Event noun n is the object of a verb that plans, asks for or pushes it ("is pushing a meeting between")."""
    h = tree.head(n)
    return tree.tokens[n].dep in ("dobj", "nsubjpass") and h is not None and lemma(tree, h) in UNREAL_GOVERNORS


def classify_noun(tree: Tree, n: int, lex: Lexicon) -> tuple[Factuality, str]:
    """Factuality of an event named by a noun with its own actor ("Russia's invasion of Ukraine"): the noun
    presents the act as a fact unless it is negated ("no attack"), the object of a verb that plans, fears,
    forbids or asks for it ("threatened a Turkish offensive"), or the subject of a modal clause ("a Russian
    invasion would ..."). Other governing verbs ("condemned", "stopped") do not undo the act."""
    toks = tree.tokens
    if any(toks[k].dep == "det" and toks[k].lower == "no" for k in tree.kids[n]):
        return Factuality.NEGATED, f"'no' determines '{toks[n].text}'"
    if any(toks[k].dep == "det" and toks[k].lower == "any" for k in tree.kids[n]):
        return Factuality.HYPOTHETICAL, f"'any {toks[n].text}' names no particular act"
    if upcoming(tree, n):
        return Factuality.FUTURE, f"'{toks[n].text}' names a meeting or an act still ahead"
    i = n
    while toks[i].dep in ("pobj", "prep", "conj", "appos", "compound") and tree.head(i) is not None:
        hit = framing_noun(tree, i)
        if hit:
            return hit
        i = tree.head(i)
    h = tree.head(i)
    if h is None:
        return Factuality.ASSERTED, f"'{toks[n].text}' names the act with its actor"
    hl = lemma(tree, h)
    if toks[i].dep in ("dobj", "nsubjpass", "xcomp") and hl in UNREAL_GOVERNORS:
        return Factuality.HYPOTHETICAL, f"'{toks[n].text}' is what '{toks[h].text}' is about, not an act that happened"
    if toks[i].dep in ("nsubj", "nsubjpass"):
        for k in tree.kids[h]:
            if toks[k].dep == "aux" and toks[k].lower in lex.cue("possible_modals") | lex.cue("hypothetical_modals") \
                    | lex.cue("future_modals"):
                return Factuality.HYPOTHETICAL, f"modal '{toks[k].text}' on the clause of '{toks[n].text}'"
        if any(toks[k].dep == "neg" for k in tree.kids[h]):
            return Factuality.NEGATED, f"negation on the clause of '{toks[n].text}'"
    return Factuality.ASSERTED, f"'{toks[n].text}' names the act with its actor"
