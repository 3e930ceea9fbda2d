"""Reactions a party's act met (tenth round, speech): "the speech was met with outrage by Russian officials", "the
Chinese proposal was greeted with skepticism by Japan", "a plan that was received with criticism from Berlin". The
reacting party (the "by" or "from" party) disapproves of, threatens or backs the one whose act the subject is: the
event is the reaction noun's (ACCUSE/disapprove for outrage, skepticism, criticism; SUPPORT for praise, applause;
THREATEN for threats), its actor the reacting party, its recipient the subject (a party, or an act whose named
owner the actors stage resolves: "the Chinese proposal" -> China; "the speech" names nobody: no recipient).

The same reactions drawn by an active verb ("the Russian proposal triggered outrage from Germany", "earned praise
from Washington", "came in for criticism from India", `drawing_verbs`; "drew condemnation from X" was already the
light verbs' and is coded the same way here, with the reaction words the lexicon lacks). "came under fire / drew
fire from X" is criticism when what came under it is a person, an official or a policy (`criticisable`), not a
place or forces ("the convoy came under fire from militants" is an attack: the light verbs' rule).

The "with" phrase of meet / greet / receive is then a reaction, not a meeting ("met with" is CONSULT only with a
party): the verb's own frame is dropped, as is the noun's own frame. A reaction with no named reacting party ("was
met with skepticism", "sparked outrage in Jordan") is no event (no guess); factuality is the verb's ("would be met
with outrage" is hypothetical).
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import PASS_SUBJ, Frame, Tree, match_noun, subject_of

REACTION_VERBS = frozenset({"meet", "greet", "receive"})
# The lexicon's event nouns a reaction may be ("met with condemnation", "greeted with praise", "met with threats").
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "THREATEN"})
DISAPPROVE = Code("ACCUSE", "disapprove", "111")
APPROVE = Code("SUPPORT", None, "051")


def _code(tree: Tree, n: int, lex: Lexicon) -> tuple[Code, str] | None:
    """The event a reaction noun names: an evaluations.toml reaction word, else a lexicon event noun of a
    reaction type."""
    word = tree.tokens[n].lemma.lower()
    if word in lex.cue("disapproving_reactions") or tree.tokens[n].lower in lex.cue("disapproving_reactions"):
        return DISAPPROVE, word
    if word in lex.cue("approving_reactions") or tree.tokens[n].lower in lex.cue("approving_reactions"):
        return APPROVE, word
    ne = match_noun(tree, n, lex)
    if ne is not None and ne.code.event in REACTION_TYPES:
        return ne.code, ne.key
    return None


def _subject(tree: Tree, v: int) -> list[int]:
    """What met the reaction: the passive subject, or the noun a relative or reduced clause hangs on ("a proposal
    which was greeted with incredulity", "the plan, met with skepticism by ...")."""
    toks = tree.tokens
    subj = [x for s in tree.children(v, PASS_SUBJ) for x in tree.conjuncts(s)]
    if subj and toks[subj[0]].tag in ("WDT", "WP") and toks[v].dep == "relcl":
        return tree.conjuncts(toks[v].head)
    if not subj and toks[v].dep in ("acl", "relcl"):
        return tree.conjuncts(toks[v].head)
    return subj


def named_party(tree: Tree, i: int) -> bool:
    """A reacting party is named: a name, or a word with a name or a nationality ("Russian officials", "Democrats in
    Congress"); "the assembled diplomats", "critics" name nobody (no guess)."""
    toks = tree.tokens
    return toks[i].pos == "PROPN" or toks[i].ent_type in ("GPE", "NORP", "ORG", "PERSON") or any(
        toks[k].ent_type in ("GPE", "NORP", "ORG") or toks[k].pos == "PROPN"
        for k in tree.kids[i] if toks[k].dep in ("amod", "compound", "poss"))


def _criticisable(tree: Tree, i: int, lex: Lexicon) -> bool:
    """What may come under (verbal) fire: a person, an official, a body or a policy; not a place or forces."""
    toks = tree.tokens
    word = toks[i].lemma.lower()
    if word in lex.cue("forces") or word in lex.cue("targets") or toks[i].ent_type in ("GPE", "LOC", "FAC"):
        return False
    return toks[i].ent_type in ("PERSON", "ORG") or word in lex.cue("agents") or word in lex.cue("criticisable")


def _drawn(tree: Tree, v: int) -> list[int]:
    """The nouns an active verb of drawing a reaction governs: its object, or the noun of "come under / in for",
    "meet with"."""
    toks = tree.tokens
    lemma = toks[v].lemma.lower()
    if lemma == "come":
        return [a for p, a in tree.prep_args(v, ("under", "for"))
                if p == "under" or any(toks[k].lower == "in" and toks[k].dep == "prt" for k in tree.kids[v])]
    if lemma == "meet":
        return [a for _, a in tree.prep_args(v, ("with",))]
    return tree.children(v, {"dobj"})


def reaction_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """The frames of a sentence with each reaction a passive meet / greet / receive reports, or an active verb of
    drawing a reaction, added, and the verb's own frame ("met with" as a meeting) and the noun's own ("criticism
    from Japan" with no recipient) replaced."""
    toks = tree.tokens
    added: list[Frame] = []
    for v, t in enumerate(toks):
        lemma = t.lemma.lower()
        if t.pos not in ("VERB", "AUX"):
            continue
        passive = lemma in REACTION_VERBS and t.tag == "VBN" and (
            bool(tree.children(v, {"auxpass"})) or toks[v].dep == "acl")
        if passive:
            nouns, subject = [a for _, a in tree.prep_args(v, ("with",))], _subject(tree, v)
        elif lemma in lex.cue("drawing_verbs") and not tree.children(v, {"auxpass"}):
            nouns, subject = _drawn(tree, v), subject_of(tree, v)
        else:
            continue
        for n in nouns:
            hit = _code(tree, n, lex)
            if hit is None and not passive and toks[n].lower == "fire" and subject and all(
                    _criticisable(tree, x, lex) for x in subject):
                hit = DISAPPROVE, "fire"  # "came under fire from the opposition": criticism
            if hit is None:
                continue
            code, key = hit
            reactors = [x for _, a in tree.prep_args(v, ("by", "from")) + tree.prep_args(n, ("by", "from"))
                        for x in tree.conjuncts(a) if named_party(tree, x)]
            if not reactors:
                continue
            added.append(Frame(f"reaction:{lemma}+{key}", f"{lemma} {key}", code, (n, n + 1), tuple(reactors),
                               tuple(subject), v,
                               notes=("a reaction a party's act met is the reacting party's act toward it",)))
    if not added:
        return frames
    # the light verbs' own frame of the same noun stands ("winning support from Moscow": its subject rules reach
    # further); a meeting or a bare noun frame is replaced
    light = {f.trigger[1] - 1 for f in frames if f.rule.startswith("light:")}
    added = [f for f in added if f.trigger[0] not in light]
    nouns_hit = {f.trigger[0] for f in added}
    verbs = {f.base for f in added}
    kept = [f for f in frames if f.trigger[0] not in nouns_hit and (f.trigger[1] - 1) not in nouns_hit
            and not (f.base in verbs and f.trigger[0] in verbs)]
    return kept + added
