"""Controlled subjects (issue 12, twelfth round): the subject of a participle or infinitive with none of its own,
found through the syntax that controls it. `subject_of` (tree.py) asks `controller` what stands for the subject
of such a clause when its own rules find nothing:

- a participle on "those" / "others" after "among" ("was among those calling for sanctions"): the subject of
  the clause "among" hangs on;
- a participle on a reported clause whose subject is an expletive ("said that there was no difference between
  them, calling them terrorists"): the subject of the verb reporting it ('there' calls no one);
- the infinitive of an attempt noun ("effort", "bid") whose maker is named by "by" ("an effort by Moscow to
  meddle") or that the clause's subject is in the midst of ("Cuba, in the midst of efforts to mend ties, ...").

Not done: the infinitive of a decision or pledge its announcer made ("announced the decision to aid the
opposition"): the act it names is typed and dated as if done (AID asserted), where docs/annotation.md codes an
announced aid or meeting as AGREE; tried and left out.

Taken out, for the lead to decide (patch /work/annot/s30/arguments/message-participles.patch): a participle on
a message its maker issued ("sent a letter to Iran's leaders warning that ...", "issued a statement calling for
...", "made an announcement withdrawing troops", "said in a statement condemning ..."): the message's possessor or
the subject of the verb issuing it (never a message received or read). Right on the held-out sample and on
s28/s29 articles, but its one dev event ("made an announcement withdrawing U.S. troops from a part of Syria",
RETREAT USA) takes Syria as recipient, so the place stage leaves the place out, and dev place recall falls to
38/42 = 0.905 under its floor 0.92 (docs/coding.md, "Twelfth round, arguments").

Never a guess: a participle on any other noun is the noun's own act ("troops firing on protesters").
"""

from __future__ import annotations

from .tree import SUBJ, Tree

# Heads of "among" whose participle is done by those the clause's subject is counted among.
GROUP_PRONOUNS = frozenset({"those", "others", "ones", "many", "some"})
# Nouns of an ongoing undertaking a party is in: "in the midst of efforts to ...", "as part of a bid to ...".
MIDST_NOUNS = frozenset({"midst", "middle", "part", "course"})
ATTEMPTS = frozenset({"attempt", "effort", "bid", "push", "drive", "campaign"})


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
    if dep == "advcl" and toks[v].tag == "VBG" and toks[h].dep == "ccomp" and any(
            toks[k].dep == "expl" for k in tree.kids[h]) and tree.head(h) is not None:
        # "said that there was no difference between them, calling them terrorists": 'there' calls no one; the
        # participle is the speaker's
        return "subject", tree.head(h)
    if dep == "acl" and toks[h].lemma.lower() in ATTEMPTS and any(toks[k].tag == "TO" for k in tree.kids[v]):
        return attempt_agent(tree, h)
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


def attempt_agent(tree: Tree, n: int) -> tuple[str, int] | None:
    """Who makes attempt n when no possessor says it: a "by" agent ("an effort by Moscow to meddle"), or the
    subject of the clause that is in the midst of it ("Cuba, in the midst of efforts to mend ties, ...")."""
    toks = tree.tokens
    for k in tree.kids[n]:
        if toks[k].dep == "prep" and toks[k].lower == "by":
            a = tree.pobj(k)
            if a is not None and toks[a].pos in ("PROPN", "NOUN", "PRON"):
                return "nodes", a
    h = tree.head(n)
    if h is None or toks[n].dep != "pobj" or toks[h].lower != "of":
        return None
    mid = tree.head(h)
    if mid is None or toks[mid].lemma.lower() not in MIDST_NOUNS or toks[mid].dep != "pobj":
        return None
    p = tree.head(mid)
    g = tree.head(p) if p is not None else None
    if p is None or toks[p].lower not in ("in", "as") or g is None or toks[g].pos not in ("VERB", "AUX") \
            or _passive(tree, g):
        return None
    return "subject", g


def _passive(tree: Tree, v: int) -> bool:
    return any(tree.tokens[k].dep in ("nsubjpass", "csubjpass", "auxpass") for k in tree.kids[v])
