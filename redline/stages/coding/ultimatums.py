"""Ultimatums told as a deadline granted (sixteenth round, speech): "the commander gave Riyadh three days to free the
prisoners or face attacks", "the militia circulated a video giving Baghdad 48 hours to withdraw its troops", "the
junta has given the strikers 24 hours to return to work". A party that gives another a span of days or hours to do
something issues an ultimatum: THREATEN by the giver against the party given the time (PLOVER lists "issue an
ultimatum" under THREATEN; CAMEO 139). The mode comes from the sentence's words like every warning's
(evaluations.py `threat_code`).

The frame needs all of: the verb "give" not negated; a named party as its indirect object (dative); a count of
days, hours or weeks as its object ("three days", "48 hours"); and an infinitive saying what must be done ("to
withdraw"), hung on the verb or on the span. "Gave the talks two weeks", "gave him a day off" (no party, no
infinitive) and "gave Ukraine $2 billion to rebuild" (no span of time) are none. The demanded act is not coded on
its own (it is the ultimatum's content). A participle on a noun ("a video giving Baghdad 48 hours") takes the actor
of the clause the noun belongs to ("the militia circulated a video").

Nineteenth round, speech: a demand with its penalty ("the rebels told the soldiers to abandon their posts or face
death", "the council demanded that Iran halt enrichment or face new sanctions", "ordered the reporters to leave or
risk arrest") is an ultimatum too: THREATEN by the asking party against the party asked, beside the REQUEST of the asking verb
(`penalty_frames`; the PLOVER gold codes "must drop its barriers or face penalties" a REQUEST). Only with "or" before a verb of meeting a penalty (face, risk, suffer, incur, meet) whose object is a
punishment, a sanction, an act of force or a coercive act; "told Kenya to decide or risk losing the grant" (a
gerund, a loss) and "asked them to come or stay home" are none.
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .evaluations import threat_code
from .reactions import named_party
from .tree import OBJ, SUBJ, Frame, Tree, match_noun, match_verb, subject_of

# Verbs of meeting a penalty after "or" ("or face sanctions", "or risk arrest") and the penalties met there that are
# no lexicon event noun; a lexicon noun of force, coercion or sanction counts too ("or face attacks").
PENALTY_VERBS = frozenset({"face", "risk", "suffer", "incur", "meet"})
PENALTIES = frozenset({"death", "arrest", "prosecution", "expulsion", "jail", "prison", "execution", "punishment",
                       "consequence", "consequences", "retaliation", "reprisal", "reprisals", "penalty", "penalties",
                       "wrath", "war", "annihilation", "destruction", "sanction", "sanctions", "action", "force"})
PENALTY_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
SPANS = frozenset({"day", "hour", "week", "month", "minute"})
GIVING = frozenset({"give", "grant"})


def _span(tree: Tree, v: int) -> int | None:
    """The object of v that counts days or hours ("three days", "48 hours", "a week")."""
    toks = tree.tokens
    for k in tree.kids[v]:
        if toks[k].dep in ("dobj", "npadvmod", "attr") and toks[k].lemma.lower() in SPANS and any(
                toks[m].dep == "nummod" or (toks[m].dep == "det" and toks[m].lower in ("a", "one"))
                for m in tree.kids[k]):
            return k
    return None


def _demand(tree: Tree, v: int, span: int) -> int | None:
    """The infinitive saying what the party must do ("to withdraw"), on the verb or on the span."""
    toks = tree.tokens
    for h in (v, span):
        for k in tree.kids[h]:
            if toks[k].dep in ("advcl", "xcomp", "acl", "relcl") and toks[k].pos == "VERB" and any(
                    toks[m].dep == "aux" and toks[m].lower == "to" for m in tree.kids[k]):
                return k
    return None


def _givers(tree: Tree, v: int) -> list[int]:
    """Who gives: the verb's subject; for a participle on a noun, the subject of that noun's clause."""
    toks = tree.tokens
    if toks[v].dep == "acl" and tree.child(v, SUBJ) is None:
        noun = tree.head(v)
        clause = tree.head(noun) if noun is not None else None
        if clause is not None and toks[noun].dep in OBJ:
            return subject_of(tree, clause)
        return []
    return subject_of(tree, v)


def ultimatum_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """A THREATEN frame for each deadline one party gives another (module docstring)."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in GIVING or any(toks[k].dep == "neg" for k in tree.kids[t.i]):
            continue
        given = [x for k in tree.kids[t.i] if toks[k].dep == "dative" for x in tree.conjuncts(k) if named_party(tree, x)]
        span = _span(tree, t.i)
        if not given or span is None:
            continue
        demand = _demand(tree, t.i, span)
        if demand is None:
            continue
        givers = _givers(tree, t.i)
        if not givers:
            continue
        out.append(Frame(f"ultimatum:{t.lemma.lower()}+{toks[span].lemma.lower()}", f"{t.lemma.lower()} X time to",
                         threat_code(tree, lex), (t.i, t.i + 1), tuple(givers), tuple(given), t.i,
                         absorbed=tuple(tree.subtree(demand)),
                         notes=("a span of time given to a party to do something is an ultimatum",)))
    return out


# Penalties that say the threat's mode: costs to relations or force.
RELATIONS_PENALTIES = frozenset({"sanction", "sanctions", "isolation", "expulsion"})
FORCE_PENALTIES = frozenset({"death", "war", "annihilation", "destruction", "force", "execution"})


def _penalty(tree: Tree, v: int, lex: Lexicon) -> Code | None:
    """The threat verb v makes when it meets a penalty ("face death", "risk arrest", "face new sanctions", "face
    attacks"), its mode from the penalty (relations for sanctions, violence for force), else from the sentence."""
    toks = tree.tokens
    if toks[v].lemma.lower() not in PENALTY_VERBS:
        return None
    for o in tree.children(v, OBJ):
        ne = match_noun(tree, o, lex)
        words = {toks[o].lemma.lower(), toks[o].lower}
        if words & RELATIONS_PENALTIES or ne is not None and ne.code.event == "SANCTION":
            return Code("THREATEN", "relations", "130")
        if words & FORCE_PENALTIES or ne is not None and ne.code.event == "ASSAULT":
            return Code("THREATEN", "violence", "138")
        if words & PENALTIES or ne is not None and ne.code.event in PENALTY_TYPES:
            return threat_code(tree, lex)
    return None


# Verbs of asking whose demand can carry a penalty (the lexicon's REQUEST verbs are asked too).
WARNING_VERBS = frozenset({"warn", "tell", "order", "demand", "urge", "instruct", "command", "call"})


def penalty_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """A THREATEN frame for each demand with an "or" penalty (module docstring): by the asking verb's subject,
    against the party asked (the verb's object before an infinitive, or the subject of its that-clause). The
    REQUEST of the asking verb stays (the PLOVER gold codes "must drop barriers or face penalties" a REQUEST)."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.dep != "conj" or (code := _penalty(tree, t.i, lex)) is None:
            continue
        h = tree.head(t.i)
        if h is None or not any(toks[m].dep == "cc" and toks[m].lower == "or" for m in tree.kids[t.i] + tree.kids[h]):
            continue
        g = tree.head(h)
        if g is None or toks[h].dep not in ("xcomp", "ccomp") or toks[g].pos not in ("VERB", "AUX"):
            continue
        m = match_verb(tree, g, lex)
        if toks[g].lemma.lower() not in WARNING_VERBS and (m is None or m[0].code.event != "REQUEST"):
            continue
        asked = tree.children(g, OBJ) if toks[h].dep == "xcomp" else tree.children(h, SUBJ)
        asked = [x for a in asked for x in tree.conjuncts(a)]
        askers = subject_of(tree, g)
        if not asked or not askers:
            continue
        out.append(Frame(f"ultimatum:or+{t.lemma.lower()}", f"or {t.lemma.lower()}", code, (t.i, t.i + 1),
                         tuple(askers), tuple(asked), g,
                         notes=("a demand with a penalty for refusing it is an ultimatum",)))
    return out
