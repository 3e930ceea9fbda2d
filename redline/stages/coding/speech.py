"""Speech rules: who reports a clause (claim source), reported obligations ("Y must ...") and the content of
speech acts, demands and protests, which is not coded as events of its own."""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import (
    Frame,
    Tree,
    subject_of,
)
from .verbs import _refine


def claim_source(tree: Tree, base: int, speech: frozenset[str]) -> tuple[int | None, list[int]]:
    """The speech verb reporting the clause of `base` (if any) and its subject heads."""
    toks = tree.tokens
    i = base
    for _ in range(8):
        for k in tree.kids[i]:
            if toks[k].dep in ("parataxis", "ccomp") and toks[k].lemma.lower() in speech and k != base and k > base:
                return k, subject_of(tree, k)
        h = tree.head(i)
        if h is None:
            return None, []
        if toks[h].lemma.lower() in speech and toks[i].dep in ("ccomp", "parataxis"):
            return h, subject_of(tree, h)
        if toks[i].dep not in ("conj", "xcomp", "ccomp", "parataxis", "dobj", "pobj", "prep", "attr", "acl"):
            return None, []
        i = h
    return None, []


DEONTIC_MODALS = ("must", "should", "ought")
DEONTIC_HEADS = ("have", "need")


def _obligation(tree: Tree, v: int) -> tuple[int, str] | None:
    """(token carrying the obligation, its words) when clause v is obliged: "must/should/ought to do",
    "has to / needs to do" (v is then the complement of have/need)."""
    toks = tree.tokens
    for k in tree.kids[v]:
        if toks[k].dep == "aux" and toks[k].lower in DEONTIC_MODALS:
            return v, toks[k].lower
    h = tree.head(v)
    if h is not None and toks[v].dep == "xcomp" and toks[h].lemma.lower() in DEONTIC_HEADS and any(
            toks[k].tag == "TO" for k in tree.kids[v]):
        return h, f"{toks[h].lemma.lower()} to"
    return None


def deontic_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'X said Y must / should / has to / needs to do Z': a REQUEST from the speaker X to Y (refined by Z
    when Z is an event verb). Unreported obligations (the writer's own view) are no event."""
    toks = tree.tokens
    out = []
    by_trigger = {f.trigger[0]: f for f in frames}
    for t in toks:
        if t.pos not in ("VERB", "AUX"):
            continue
        hit = _obligation(tree, t.i)
        if hit is None:
            continue
        carrier, words = hit
        verb, speakers = claim_source(tree, carrier, lex.cue("speech"))
        if verb is None or not speakers:
            continue
        obliged = subject_of(tree, carrier)
        if not obliged or set(obliged) & set(speakers):
            continue  # "we must act", "Russia said it must respond": a statement of intent, not a demand
        if any(toks[o].pos == "PRON" and toks[o].lower in ("we", "i", "it", "he", "she") for o in obliged):
            continue
        code = Code("REQUEST", None, "100")
        inner = by_trigger.get(t.i)
        if inner is not None:
            code = _refine(code, inner.code)
        out.append(Frame(f"deontic:{words.replace(' ', '-')}+{t.lemma}", f"{words} {t.lemma}", code,
                         (t.i, t.i + 1), tuple(speakers), tuple(obliged), verb, absorbed=(t.i,),
                         notes=(f"a reported '{words}' is the speaker's demand",)))
    return out


def _content_of(tree: Tree, frames: list[Frame], lex: Lexicon) -> set[int]:
    """Tokens whose events are the content of another event, not events of their own.

    The topic of a protest ("rallied to demand reforms", manual: not coded separately) and what a demand,
    accusation or speech-event verb is about ("accused X of attacking Y", "demanded that Y cancel ...").
    """
    toks = tree.tokens
    out: set[int] = set()
    for f in frames:
        if not f.rule.startswith(("svo", "passive", "light")):
            continue
        v = f.base
        if f.code.event == "PROTEST":
            for c in tree.children(v, {"advcl", "xcomp", "prep", "ccomp"}):
                out.update(tree.subtree(c))
        elif f.code.event in ("REQUEST", "ACCUSE", "THREATEN") and not f.rule.startswith("light"):
            own = set(range(*f.trigger)) | set(f.recipients)
            for c in tree.kids[v]:
                if toks[c].dep in ("ccomp", "xcomp", "dobj", "prep", "pcomp", "advcl"):
                    out.update(i for i in _clause_tokens(tree, c) if i not in own)
    return out


def _clause_tokens(tree: Tree, i: int) -> list[int]:
    """The subtree of i without relative clauses (those describe their antecedent, not the content)."""
    out = [i]
    for c in tree.kids[i]:
        if tree.tokens[c].dep != "relcl":
            out.extend(_clause_tokens(tree, c))
    return out
