"""Questions put as requests (twelfth round, issue 12): "ask" is a REQUEST only when someone is asked to do
something. The first rule (`questioning_clause`) reads an if/whether or wh-clause that is the verb's own complement;
two wordings slip past it:

- **"Asked if ..."** with the if-clause parsed deeper ("asked if she's concerned the navy will see it as a
  provocation", "asked whether he's worried Iran will retaliate"): the word right after the verb, or after the
  person asked, is "if" or "whether".
- **A quoted or reported direct question** ("the senator asked the general, should the troops stay?"): the
  sentence ends with a question mark and the asked clause opens with its auxiliary.

- **Asking about, asking questions, asking with no content** (fifteenth round, fresh sample A): "asked the envoy
  about the treaty", "asked pointed questions of the minister", "she asked him, according to a transcript".

"Asked the UN to send inspectors" (a to-complement) is a request and is never touched.
"""

from __future__ import annotations

from .tree import Frame, Tree, names_word

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


# What a question is about or what it asks: "asked the minister about the talks", "asked pointed questions".
QUESTION_WORDS = frozenset({"question", "questions", "query", "queries"})


def question_asked(tree: Tree, f: Frame) -> bool:
    """'asked the envoy about the fate of the treaty', 'asked the minister pointed questions', 'she asked him,
    according to a transcript': asking about something, asking questions or asking with no content (the
    question follows in a quote) is a question, no request of a party (fifteenth round, fresh sample A);
    'asked him to resign', 'asked for help', 'asked that the charges be read' stay requests."""
    toks = tree.tokens
    if f.code.event != "REQUEST" or toks[f.base].lemma.lower() != "ask" or not f.rule.startswith(("svo", "passive")):
        return False
    if any(toks[c].pos in ("VERB", "AUX") for c in tree.children(f.base, {"xcomp", "ccomp", "advcl"})):
        return False
    if tree.prep_args(f.base, ("for", "to")):
        return False
    objects = tree.children(f.base, {"dobj", "dative"})
    if any(names_word(tree, o, QUESTION_WORDS) for o in objects) or tree.prep_args(f.base, ("about",)):
        return True
    return bool(objects) and all(toks[o].ent_type == "PERSON" or toks[o].pos == "PRON" for o in objects)


def drop_reason(tree: Tree, f: Frame) -> str:
    """Why the REQUEST asks a question, or ""."""
    if asked_question(tree, f):
        return "asking if or whether something is so, or putting a direct question, is no request to act"
    if question_asked(tree, f):
        return "asking about something or asking questions is a question, no request of a party"
    return ""
