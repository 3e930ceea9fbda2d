"""Controlled subjects (issue 12, twelfth round): the subject of a participle or infinitive with none of its own,
found through the syntax that controls it. `subject_of` (tree.py) asks `controller` what stands for the subject
of such a clause when its own rules find nothing:

- a participle on a message its maker issued ("sent a letter to Iran's leaders warning that ...", "issued a
  statement calling for ...", "made an announcement withdrawing troops", "said in a statement condemning ..."):
  the maker of the message, i.e. the message's possessor or the subject of the verb issuing it;
- a participle on "those" / "others" after "among" ("was among those calling for sanctions"): the subject of
  the clause "among" hangs on;
- the infinitive of an attempt noun ("effort", "bid") whose maker is named by "by" ("an effort by Moscow to
  meddle") or that the clause's subject is in the midst of ("Cuba, in the midst of efforts to mend ties, ...").

Never a guess: a message received, read or reported on ("received a letter warning") says nothing of its
maker, and a participle on any other noun is the noun's own act ("troops firing on protesters").
"""

from __future__ import annotations

from .tree import OBJ, SUBJ, Tree

# Nouns naming a message, a statement or a text a party issues: a participle on one says what its maker does.
MESSAGE_NOUNS = frozenset({
    "letter", "message", "note", "email", "e-mail", "memo", "cable", "telegram", "missive", "communique",
    "statement", "announcement", "declaration", "proclamation", "speech", "address", "tweet", "post", "video",
    "resolution", "motion", "op-ed", "editorial", "decree", "order", "executive order", "notice", "ultimatum",
    "appeal", "plea", "petition",
})
# Verbs whose subject makes the message that is their object: a message received or read has another maker.
ISSUING_VERBS = frozenset({
    "send", "issue", "make", "release", "write", "pen", "post", "publish", "deliver", "give", "sign", "put",
    "circulate", "draft", "pass", "adopt", "approve", "introduce", "file", "tweet", "broadcast", "air", "lodge",
    "submit", "dispatch", "fire", "launch",
})
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
        return _message_maker(tree, h) or _among(tree, h)
    if dep == "advcl" and toks[v].tag == "VBG" and toks[h].dep == "ccomp" and any(
            toks[k].dep == "expl" for k in tree.kids[h]) and tree.head(h) is not None:
        # "said that there was no difference between them, calling them terrorists": 'there' calls no one; the
        # participle is the speaker's
        return "subject", tree.head(h)
    if dep == "acl" and toks[h].lemma.lower() in ATTEMPTS and any(toks[k].tag == "TO" for k in tree.kids[v]):
        return attempt_agent(tree, h)
    return None


def _message_maker(tree: Tree, n: int) -> tuple[str, int] | None:
    """The maker of message n: its possessor, the subject of the verb issuing it, or the subject of the verb
    whose "in" phrase it is ("said in a statement calling for")."""
    toks = tree.tokens
    if toks[n].lemma.lower() not in MESSAGE_NOUNS and toks[n].lower not in MESSAGE_NOUNS:
        return None
    poss = tree.child(n, {"poss"})
    if poss is not None:
        return None if toks[poss].tag in ("WP$",) else ("nodes", poss)
    h = tree.head(n)
    if h is None:
        return None
    if toks[n].dep in OBJ and toks[h].pos in ("VERB", "AUX") and toks[h].lemma.lower() in ISSUING_VERBS \
            and not _passive(tree, h):
        return "subject", h
    g = tree.head(h)
    if toks[n].dep == "pobj" and toks[h].lower in ("in", "via", "through") and g is not None \
            and toks[g].pos in ("VERB", "AUX") and not _passive(tree, g):
        return "subject", g
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
