"""Questions put as requests (twelfth round, issue 12): "ask" is a REQUEST only when someone is asked to do
something. The first rule (`questioning_clause`) reads an if/whether or wh-clause that is the verb's own complement;
two wordings slip past it:

- **"Asked if ..."** with the if-clause parsed deeper ("asked if she's concerned the navy will see it as a
  provocation", "asked whether he's worried Iran will retaliate"): the word right after the verb, or after the
  person asked, is "if" or "whether".
- **A quoted or reported direct question** ("the senator asked the general, should the troops stay?"): the
  sentence ends with a question mark and the asked clause opens with its auxiliary.

"Asked the UN to send inspectors" (a to-complement) is a request and is never touched.
"""

from __future__ import annotations

from .tree import Frame, Tree

QUESTION_VERBS = frozenset({"ask", "question", "inquire", "enquire", "wonder", "query"})
AUXES = frozenset({"should", "would", "will", "can", "could", "do", "does", "did", "is", "are", "was", "were",
                   "must", "may", "might", "has", "have", "had", "shall"})


def questioning_clause(tree: Tree, v: int) -> bool:
    """'asked the spokesman if he could confirm ...', 'asked why the general met ...': the verb asks a question
    (a clause with 'if'/'whether' or a wh-word) and nobody is asked to do anything (no to-complement)."""
    toks = tree.tokens
    if toks[v].lemma.lower() not in QUESTION_VERBS or tree.child(v, {"xcomp"}) is not None:
        return False
    for c in tree.children(v, {"ccomp", "advcl"}):
        if any(toks[k].lower in ("if", "whether") and toks[k].dep == "mark" for k in tree.kids[c]) or any(
                toks[k].tag in ("WP", "WRB", "WDT", "WP$") and k < c for k in tree.kids[c]):
            return True
    return False


def asked_question(tree: Tree, f: Frame) -> bool:
    toks = tree.tokens
    v = f.base
    if f.code.event != "REQUEST" or toks[v].lemma.lower() not in QUESTION_VERBS or tree.child(v, {"xcomp"}) is not None:
        return False
    after = v + 1
    for o in tree.children(v, {"dobj", "dative"}):  # "asked the minister if ..."
        after = max(after, max(tree.subtree(o)) + 1)
    while after < len(toks) and toks[after].pos == "PUNCT" and toks[after].text != "?":
        after += 1
    if after < len(toks) and toks[after].lower in ("if", "whether"):
        return True
    if toks[-1].text == "?" or (len(toks) > 1 and toks[-2].text == "?"):
        return after < len(toks) and toks[after].lower in AUXES and toks[after].pos == "AUX"
    return False


def drop_reason(tree: Tree, f: Frame) -> str:
    """Why the REQUEST asks a question, or ""."""
    if asked_question(tree, f):
        return "asking if or whether something is so, or putting a direct question, is no request to act"
    return ""
