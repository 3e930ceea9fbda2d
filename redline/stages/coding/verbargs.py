"""Checks on a verb's arguments (split from verbs.py by concern): whether a subject is a crowd, an object a
place, a reply words, a complement a gathering or an act one can be asked for, an asked party a party at all, a
clause a bare subjunctive."""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import OBJ, SUBJ, Frame, Tree, match_noun, objects_of

CONFLICT_TYPES = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def cooperative_object(tree: Tree, comp: int, lex: Lexicon, offer: bool) -> bool:
    """Whether a promise commits to something: a pledge or vow to act ("promised to democratize the country"),
    to be a cooperative role ("vowed to be a strong supporter", cues.toml `cooperative_roles`; "vowed to be
    relentless" commits to no act), or an offer of cooperation (`cooperative_acts`; "offered to guide the
    visitors" offers a party nothing)."""
    toks = tree.tokens
    lemma = toks[comp].lemma.lower()
    if lemma == "be":
        return any(toks[k].dep in ("attr", "acomp") and toks[k].lemma.lower() in lex.cue("cooperative_roles")
                   for k in tree.kids[comp])
    return not offer or lemma in lex.cue("cooperative_acts")


def addressees(tree: Tree, v: int, lex: Lexicon) -> list[int]:
    """Those a message carrying the speech act was addressed to: "in a letter to X", "in a message (he) sent to X"."""
    out: list[int] = []
    for _, m in tree.prep_args(v, ("in", "via", "through")):
        if tree.tokens[m].lemma.lower() not in lex.cue("messages"):
            continue
        heads = [m] + tree.children(m, {"relcl", "acl"})
        out += [x for h in heads for _, a in tree.prep_args(h, ("to",)) for x in tree.conjuncts(a) if x not in out]
    return out


def crowd_of(tree: Tree, a: int, words: frozenset[str]) -> bool:
    """Subject a is one of `words`, counted or not ("demonstrators", "thousands of protesters")."""
    toks = tree.tokens
    return toks[a].lemma.lower() in words or any(toks[o].lemma.lower() in words for _, o in tree.prep_args(a, ("of",)))


def is_retort(tree: Tree, v: int, actors: list[int], lex: Lexicon) -> bool:
    """'fired back', 'hit back' as words: a that-clause or quote, a speech participle ("hit back, saying ..."), or
    an 'at' person or statement ("hit back at critics"); never with forces as subject or a 'with' weapon."""
    toks = tree.tokens
    if any(toks[a].lemma.lower() in lex.cue("forces") or toks[a].lower in lex.cue("forces") for a in actors):
        return False
    if tree.prep_args(v, ("with",)):
        return False
    if tree.children(v, {"ccomp", "parataxis"}):
        return True
    if any(toks[c].lemma.lower() in lex.cue("speech") or toks[c].lemma.lower() in ("call", "accuse", "blame")
           for c in tree.children(v, {"advcl", "xcomp", "conj"})):
        return True
    words = lex.cue("claims") | lex.cue("audiences") | {"critic", "criticism", "remark", "comment", "statement",
                                                         "accusation", "charge", "opponent", "rival"}
    return any(toks[a].ent_type == "PERSON" or toks[a].lemma.lower() in words for _, a in tree.prep_args(v, ("at",)))


def gathering_object(tree: Tree, comp: int, lex: Lexicon) -> bool:
    """The complement attends or takes part in a gathering ("attend the state dinner", "take part in the
    summit", "participate in the talks"): its object or its in/at phrase is one (`gatherings` in cues.toml)."""
    toks = tree.tokens
    if toks[comp].lemma.lower() not in ("attend", "participate", "join", "take", "appear", "boycott"):
        return False
    heads = objects_of(tree, comp) + [a for _, a in tree.prep_args(comp, ("in", "at"))]
    heads += [a for o in tree.children(comp, OBJ) if toks[o].lower == "part" for _, a in tree.prep_args(o, ("in",))]
    return any(toks[h].lemma.lower() in lex.cue("gatherings") for h in heads)


def expected_act(tree: Tree, comp: int, inner: list[Frame], lex: Lexicon) -> bool:
    """What a party is expected to do is a demand when it is an act it can be asked for (`expected_acts`,
    `cooperative_acts`, a cooperative or conceding event), never a conflictual act (a forecast of a threat)."""
    if inner:
        return inner[0].code.event not in CONFLICT_TYPES | {"THREATEN", "ACCUSE"}
    toks = tree.tokens
    while toks[comp].lemma.lower() in lex.cue("transparent") | {"remain", "stay", "keep"} and \
            tree.child(comp, {"xcomp"}) is not None:  # "expect X to continue to be": judge what X continues
        comp = tree.child(comp, {"xcomp"})
    lemma = toks[comp].lemma.lower()
    if lemma in ("be", "have", "remain", "stay", "become", "grow", "win", "lose", "survive"):
        return False  # a state or a fortune foreseen: "expect the United States to remain the strongest nation"
    return lemma in lex.cue("expected_acts") or lemma in lex.cue("cooperative_acts")


# Nineteenth round (fresh sample A of round 37): fortunes a party is wished, which no one can be asked to bring
# about ("we want Tunisia to prosper", "he said he wanted the nationalists to win").
FORTUNES = frozenset({"win", "lose", "succeed", "prevail", "triumph", "thrive", "prosper", "flourish", "survive",
                      "fail"})


def wished_fortune(tree: Tree, comp: int) -> bool:
    """The act a party is wanted to do is a fortune ('wanted X to win'): a wish, no request."""
    return tree.tokens[comp].lemma.lower() in FORTUNES


def party_like(tree: Tree, a: int, lex: Lexicon, pronouns: frozenset[str] | None = None) -> bool:
    """Node a can name a party: a name of a place, people, body or person, a pronoun (any, or only those of
    `pronouns`), or an agent noun."""
    t = tree.tokens[a]
    pronoun = t.pos == "PRON" if pronouns is None else t.lower in pronouns
    return t.ent_type in ("GPE", "NORP", "ORG", "PERSON") or t.pos == "PROPN" or pronoun or \
        t.lemma.lower() in lex.cue("agents")


def generic_party(tree: Tree, a: int, lex: Lexicon) -> bool:
    """An asked 'party' that is no party: the world, the international community, everyone."""
    toks = tree.tokens
    if toks[a].lemma.lower() in ("world", "everyone", "everybody", "all", "nation", "country", "community"):
        mods = {toks[k].lower for k in tree.kids[a]}
        return toks[a].lemma.lower() not in ("nation", "country", "community") or bool(
            mods & (lex.cue("regional_constructs") | {"all", "every"}))
    return False


def is_subjunctive(tree: Tree, c: int) -> bool:
    """Clause c is a bare subjunctive: a base-form verb with its own singular subject and no auxiliary
    ("suggested he return", "recommended that Serbia recognize Kosovo")."""
    toks = tree.tokens
    subj = tree.child(c, SUBJ)
    if subj is None or any(toks[k].dep in ("aux", "auxpass") for k in tree.kids[c]):
        return False
    if toks[c].tag == "VB":
        return True
    singular = toks[subj].lower in ("he", "she", "it") or toks[subj].tag in ("NN", "NNP")
    return toks[c].tag == "VBP" and singular


def place_arg(tree: Tree, p: int, lex: Lexicon) -> bool:
    """Argument p is a place: a named country, city or region, or a place word ("the town", "the base")."""
    toks = tree.tokens
    return toks[p].lemma.lower() in lex.cue("targets") or any(
        toks[k].ent_type in ("GPE", "LOC", "FAC") for k in [p] + [c for c in tree.kids[p] if toks[c].dep == "compound"])


# Dependencies that stay inside the topic's noun phrase ("the future of arms control with Putin"); a clause of its
# own (relcl, ccomp, advcl, and a gerund: "the idea of creating a group with Putin") may be what is done with the
# person, not the discussion.
_TOPIC_DEPS = frozenset({"dobj", "obj", "prep", "pobj", "compound", "amod", "conj"})


def topic_partners(tree: Tree, v: int) -> list[int]:
    """The person a topic was discussed with when the parser hangs "with" inside the topic's phrase: "discussed
    nuclear non-proliferation with Russian President Vladimir Putin", "discussed the future of arms control with
    Putin". Only a named person: "discussed the deal with Iran" may be the deal that is with Iran."""
    toks = tree.tokens
    out: list[int] = []
    todo = [k for k in tree.kids[v] if toks[k].dep in OBJ]
    seen: set[int] = set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        for k in tree.kids[n]:
            if toks[k].dep == "prep" and toks[k].lower == "with":
                a = tree.pobj(k)
                if a is not None and toks[a].ent_type == "PERSON":
                    out += [x for x in tree.conjuncts(a) if x not in out]
            elif toks[k].dep in _TOPIC_DEPS:
                todo.append(k)
    return out


def setting_code(tree: Tree, v: int, lex: Lexicon) -> Code | None:
    """The code of the typed attack an agentless harm passive happened in: "were killed in a gas attack",
    "civilians wounded in a suicide bombing" take the attack's mode (ASSAULT/unconventional, ...), as the noun
    alone would."""
    for _, n in tree.prep_args(v, ("in", "during")):
        ne = match_noun(tree, n, lex)
        if ne is not None and ne.code.event == "ASSAULT" and ne.code.mode is not None and not ne.only_with:
            return ne.code
    return None
