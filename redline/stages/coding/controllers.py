"""Controlled subjects (issue 12, twelfth round): the subject of a participle or infinitive with none of its own,
found through the syntax that controls it. `subject_of` (tree.py) asks `controller` what stands for the subject
of such a clause when its own rules find nothing:

- a participle on "those" / "others" after "among" ("was among those calling for sanctions"): the subject of
  the clause "among" hangs on.

Not done: the infinitive of a decision or pledge its announcer made ("announced the decision to aid the
opposition"): the act it names is typed and dated as if done (AID asserted), where docs/annotation.md codes an
announced aid or meeting as AGREE; tried and left out.

Taken out, for the lead to decide (patch /work/annot/s30/arguments/attempts-expletives.patch, written and tested
with the rest): the infinitive of an attempt whose maker a "by" phrase names ("an effort by Moscow to meddle") or
that the clause's subject is in the midst of ("Cuba, in the midst of efforts to mend ties, ..."), and a participle
on a reported clause whose subject is an expletive ("said that there was no difference between them, calling them
terrorists": the speaker's). Both find the right actor on dev, but the attempt's act stays hypothetical (eleventh
round: "effort" and "bid" are unreal nouns) where the dev gold has it asserted, and "them" (coreference) is left
unresolved, which costs dev factuality accuracy (0.899, floor 0.90) and actor accuracy (0.8195, floor 0.82).

Taken out, for the lead to decide (patch /work/annot/s30/arguments/message-participles.patch): a participle on
a message its maker issued ("sent a letter to Iran's leaders warning that ...", "issued a statement calling for
...", "made an announcement withdrawing troops", "said in a statement condemning ..."): the message's possessor or
the subject of the verb issuing it (never a message received or read). Right on the held-out sample and on
s28/s29 articles, but its one dev event (an announcement withdrawing troops from a named country, RETREAT) takes Syria as recipient, so the place stage leaves the place out, and dev place recall falls to
38/42 = 0.905 under its floor 0.92 (docs/coding.md, "Twelfth round, arguments").

Never a guess: a participle on any other noun is the noun's own act ("troops firing on protesters").
"""

from __future__ import annotations

from .tree import SUBJ, Tree

# Heads of "among" whose participle is done by those the clause's subject is counted among.
GROUP_PRONOUNS = frozenset({"those", "others", "ones", "many", "some"})


def controller(tree: Tree, v: int) -> tuple[str, int] | None:
    """What controls the subject of clause v when it has none: ("subject", h) for the subject of clause h,
    ("nodes", n) for the conjuncts of node n; None when the syntax names no controller."""
    toks = tree.tokens
    h = tree.head(v)
    if h is None or tree.child(v, SUBJ) is not None:
        return None
    dep = toks[v].dep
    if dep == "acl" and toks[v].tag == "VBG":
        return _among(tree, h)
    return None


def _among(tree: Tree, n: int) -> tuple[str, int] | None:
    """"was among those calling for": the subject of the clause "among" hangs on."""
    toks = tree.tokens
    h = tree.head(n)
    if toks[n].dep != "pobj" or h is None or toks[h].lower != "among":
        return None
    g = tree.head(h)
    if g is None or toks[g].lemma.lower() not in ("be", "remain") or _passive(tree, g):
        return None
    # "was among those calling for", "was among the countries calling for": one of those who did it
    return ("subject", g) if toks[n].lower in GROUP_PRONOUNS or toks[n].pos == "NOUN" else None


def _passive(tree: Tree, v: int) -> bool:
    return any(tree.tokens[k].dep in ("nsubjpass", "csubjpass", "auxpass") for k in tree.kids[v])
