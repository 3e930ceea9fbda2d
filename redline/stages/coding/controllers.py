"""Controlled subjects (issue 12, twelfth round): the subject of a participle or infinitive with none of its own,
found through the syntax that controls it. `subject_of` (tree.py) asks `controller` what stands for the subject
of such a clause before its other rules:

- a participle on "those" / "others" after "among" ("was among those calling for sanctions"): the subject of
  the clause "among" hangs on.

Not done: the infinitive of a decision or pledge its announcer made ("announced the decision to aid the
opposition"): the act it names is typed and dated as if done (AID asserted), where docs/annotation.md codes an
announced aid or meeting as AGREE; tried and left out.

Tried and left out (each broke a dev floor; docs/coding.md, "Twelfth round, arguments"): the infinitive of an
attempt whose maker a "by" phrase names ("an effort by Moscow to meddle": the attempt's act stays hypothetical where
the dev gold has it asserted), a participle on a reported clause whose subject is an expletive ("said that there
was no difference, calling them terrorists"), and a participle on a message its maker issued ("sent a letter
warning that ...", "made an announcement withdrawing troops": the withdrawal's country becomes its recipient where
the dev gold places it).

Never a guess: a participle on any other noun is the noun's own act ("troops firing on protesters").
"""

from __future__ import annotations

from .tree import SUBJ, Tree

# Heads of "among" whose participle is done by those the clause's subject is counted among.
GROUP_PRONOUNS = frozenset({"those", "others", "ones", "many", "some"})


def controller(tree: Tree, v: int) -> int | None:
    """The clause whose subject is the subject of clause v when v has none of its own; None when the syntax names
    no controller."""
    toks = tree.tokens
    h = tree.head(v)
    if h is None or tree.child(v, SUBJ) is not None:
        return None
    if toks[v].dep == "acl" and toks[v].tag == "VBG":
        return _among(tree, h)
    return None


def _among(tree: Tree, n: int) -> int | None:
    """"was among those calling for": the subject of the clause "among" hangs on."""
    toks = tree.tokens
    h = tree.head(n)
    if toks[n].dep != "pobj" or h is None or toks[h].lower != "among":
        return None
    g = tree.head(h)
    if g is None or toks[g].lemma.lower() not in ("be", "remain") or _passive(tree, g):
        return None
    # "was among those calling for", "was among the countries calling for": one of those who did it
    return g if toks[n].lower in GROUP_PRONOUNS or toks[n].pos == "NOUN" else None


def _passive(tree: Tree, v: int) -> bool:
    return any(tree.tokens[k].dep in ("nsubjpass", "csubjpass", "auxpass") for k in tree.kids[v])
