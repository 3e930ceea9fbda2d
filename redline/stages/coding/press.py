"""A source's dealings with reporters (eleventh round, issue 12): asking for, granting or refusing anonymity, a
comment or an interview is how a story was sourced, not an act between parties (docs/annotation.md section 2).

- "the official, who requested anonymity to discuss the talks, said ...", "asked not to be named", "sought
  confidentiality": the source asks the reporter to keep his name out.
- "the ministry declined a request for comment", "refused requests for an interview", "did not return a call
  seeking comment", "granted an interview to the paper": reporters ask, the party answers or not.

A request or refusal aimed at a party's comment on something ("demanded that Iran comment on the inspections",
"rejected Russia's comments") names a party as recipient and is not touched: the words of the list must be the
object itself (or what the requested call, email or request is for), with no party named as its owner.
"""

from __future__ import annotations

from .tree import Frame, Tree, first_reason

# What a source asks a reporter for, or a reporter asks a source for.
PRESS_ASKS = frozenset({"anonymity", "comment", "comments", "interview", "interviews", "confidentiality"})
# What one grants, refuses or agrees to with reporters. Not "comments": one withdraws or apologizes for one's comments.
PRESS_GRANTS = frozenset({"anonymity", "interview", "interviews", "confidentiality"})
# Messages and requests that carry a reporter's question: "a request for comment", "an email seeking comment".
PRESS_CARRIERS = frozenset({"request", "requests", "call", "calls", "email", "emails", "message", "messages",
                            "inquiry", "inquiries", "query", "queries", "question", "questions"})
# Verbs of naming a source: "asked not to be named", "requested not to be identified".
NAMING = frozenset({"name", "identify", "quote", "cite"})
DEALINGS = frozenset({"REQUEST", "REJECT", "AGREE", "CONCEDE"})


def _press_word(tree: Tree, o: int, words: frozenset[str] = PRESS_ASKS) -> bool:
    toks = tree.tokens
    if any(toks[k].dep == "poss" for k in tree.kids[o]):
        return False  # "rejected Russia's comments": a party's words
    return toks[o].lower in words


def press_object(tree: Tree, f: Frame) -> bool:
    """The frame's object is anonymity, a comment or an interview, or a request, call or email for one."""
    toks = tree.tokens
    if f.code.event not in DEALINGS:
        return False
    objects = [*f.objects, *tree.children(f.base, {"dobj"})]
    asking = f.code.event == "REQUEST"
    if asking:  # "asked for anonymity"; "apologized for the comments" is a concession
        objects += [a for _, a in tree.prep_args(f.base, ("for",))]
    for o in objects:
        if _press_word(tree, o, PRESS_ASKS if asking else PRESS_GRANTS):
            return True
        if toks[o].lower in PRESS_CARRIERS:
            asked = [a for _, a in tree.prep_args(o, ("for",))]
            asked += [d for v in tree.children(o, {"acl"}) for d in tree.children(v, {"dobj"})]  # "seeking comment"
            if any(_press_word(tree, a) for a in asked):
                return True
    return False


def unnamed_source(tree: Tree, f: Frame) -> bool:
    """'asked not to be named', 'requested not to be identified': a source keeping his name out of the story."""
    toks = tree.tokens
    if f.code.event != "REQUEST":
        return False
    for x in tree.children(f.base, {"xcomp", "ccomp"}):
        if toks[x].lemma.lower() in NAMING and any(toks[k].dep == "auxpass" for k in tree.kids[x]):
            return True
    return False


def press_release(tree: Tree, f: Frame) -> bool:
    """'a White House press release', 'the news release': a statement handed to reporters, no release of anyone."""
    toks = tree.tokens
    n = f.trigger[1] - 1
    return toks[n].lemma.lower() == "release" and toks[n].pos == "NOUN" and any(
        toks[k].dep == "compound" and toks[k].lower in ("press", "news", "media") for k in tree.kids[n])


CHECKS = (
    (press_object, "asking for, granting or refusing anonymity, comment or an interview is a source's dealing "
                   "with reporters, not an act between parties"),
    (unnamed_source, "asking not to be named is a source's dealing with reporters, not a request to a party"),
    (press_release, "a press release is a statement handed to reporters, no release of anyone"),
)


def drop_reason(tree: Tree, f: Frame) -> str:
    return first_reason(CHECKS, tree, f)


__all__ = ["drop_reason"]
