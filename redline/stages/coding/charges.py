"""Formal charges and investigations with no accuser named, and investigations a party is under (fourteenth round,
verbal).

Agentless charges (`agentless_charge`, read by the coder): "he was charged with fraud", "was indicted", "faces
bribery charges", "stood trial", "is under investigation" are brought by the prosecutors of the place or of the
charged party's country, as an agentless arrest (sector JUD). "was accused of", "faces allegations" or "faces a
lawsuit" name no accuser (anyone may accuse or sue) and stay unnamed; a duty one is "charged with" ("is charged
with investigating the links") is no charge; a charge under a modal ("cannot be indicted", "should be
prosecuted") is an opinion on what may happen, left out.

Under: "three officials are under investigation for fraud",
"the death of the trader is under investigation", "the ministry came under a federal probe". The manual's ACCUSE
'investigate' covers any investigation; the party under it is the recipient (the subject of the state verb) and
the investigating authorities are not named: the coder reads the frame as an agentless charge
(`agentless_charge`: the prosecutors of the place or of the party's country, as an agentless arrest). An
investigation's noun must be the lexicon's ACCUSE/investigate noun; "under review", "under discussion" are none.
A party placed or put under investigation is investigated by the subject that placed it ("French police placed the
mayor under investigation": France); a possible charge ("faces possible charges") is no charge brought.
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .reactions import named_party
from .tree import Frame, Tree, match_noun, subject_of

CHARGE_VERBS = frozenset({"charge", "indict", "prosecute"})
UNDERGONE_CHARGES = frozenset({"charge", "indictment", "prosecution", "trial", "investigation", "probe", "inquiry",
                               "enquiry"})
UNDERGONE_RULES = ("light:face+", "light:stand+", "under:")
# People named only by where they live or what they are: anyone's courts may charge them.
PLAIN_PEOPLE = frozenset({"resident", "citizen", "national", "people", "person", "man", "woman", "men", "women",
                          "youth", "teenager", "individual", "migrant", "tourist", "foreigner"})
# Duties one is charged with ("is charged with investigating / overseeing / protecting"): a task, not a charge.
DUTIES = frozenset({"investigate", "oversee", "lead", "run", "protect", "ensure", "implement", "coordinate",
                    "manage", "draft", "monitor", "enforce", "review", "supervise", "handle", "develop", "prepare",
                    "organize", "organise", "maintain", "guard", "keep", "defend", "find", "write", "determine",
                    "assess", "examine", "look", "probe", "help", "provide", "safeguard", "administer", "negotiate",
                    "carry", "conduct", "set", "build", "create", "restore", "investigating"})

# Verbs of a state one is, stays or falls under ("is under investigation", "came under scrutiny").
STATE_VERBS = frozenset({"be", "remain", "stay", "come", "fall", "go", "place", "put", "keep"})
# Verbs by which a party puts another under investigation: their subject is the investigator ("Italian police placed
# the minister under investigation"), unless passive.
PLACING_VERBS = frozenset({"place", "put"})
# Modifiers of a charge noun that make it a prospect, not a charge brought ("faces possible charges").
UNCERTAIN = frozenset({"possible", "potential", "likely", "probable", "prospective"})


def under_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """An ACCUSE/investigate frame for each "<X> is / remains / came under investigation" with X as recipient and
    no actor (the coder's agentless charge)."""
    toks = tree.tokens
    out = []
    for n, t in enumerate(toks):
        if t.dep != "pobj" or t.pos != "NOUN":
            continue
        p = tree.head(n)
        if p is None or toks[p].lower != "under":
            continue
        v = tree.head(p)
        if v is None or toks[v].lemma.lower() not in STATE_VERBS:
            continue
        ne = match_noun(tree, n, lex)
        if ne is None or (ne.code.event, ne.code.mode) != ("ACCUSE", "investigate"):
            continue
        # "placed / put under investigation" names the investigated as object or passive subject, and the active
        # subject as the investigator
        placing = toks[v].lemma.lower() in PLACING_VERBS
        parties = tree.children(v, {"dobj", "nsubjpass"}) if placing else subject_of(tree, v)
        if not parties:
            continue
        investigators = tuple(tree.children(v, {"nsubj"})) if placing else ()
        out.append(Frame(f"under:{ne.key}", ne.key, ne.code, (p, n + 1), investigators, tuple(parties), v,
                         notes=("the subject placing a party under investigation investigates it" if investigators else
                                "a party under investigation is investigated by authorities the sentence does not name",)))
    return out


def _chargeable(tree: Tree, r: int, lex: Lexicon) -> bool:
    """The charged party is named: a name, a pronoun, or an agent noun ("the minister", "two officials"); people
    counted by residence or nationality ("four residents", "12 Russians") may be charged abroad by anyone."""
    t = tree.tokens[r]
    if t.ent_type in ("NORP", "GPE") or t.lemma.lower() in PLAIN_PEOPLE:
        return False
    return t.pos in ("PROPN", "PRON") or t.ent_type in ("PERSON", "ORG") or t.lemma.lower() in lex.cue("agents") \
        or named_party(tree, r)


def agentless_charge(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """The frame is a formal charge or investigation whose accuser the sentence does not name: a passive of
    charge / indict / prosecute with no agent, or a charge, trial or investigation a party faces, stands or is
    under. Not a duty one is charged with, not under a modal, not a possible charge ("faces possible charges"), and
    not an investigation whose investigator is named ("police placed him under investigation")."""
    toks = tree.tokens
    if f.code.event != "ACCUSE" or f.code.mode not in ("allege", "investigate"):
        return False
    if any(toks[k].tag == "MD" for k in tree.kids[f.base]):
        return False
    charged = f.objects if f.rule.startswith("passive") else f.recipients
    if not charged or not all(_chargeable(tree, r, lex) for r in charged):
        return False
    if f.rule.startswith(UNDERGONE_RULES):
        noun = f.trigger[1] - 1
        named = f.rule.startswith("under:") and bool(f.actors)  # "police placed him under investigation"
        return not named and toks[noun].lemma.lower() in UNDERGONE_CHARGES and not any(
            toks[k].lower in UNCERTAIN for k in tree.kids[noun])
    if not f.rule.startswith("passive") or f.actors or toks[f.base].lemma.lower() not in CHARGE_VERBS:
        return False
    return not any(toks[k].lemma.lower() in DUTIES and toks[k].pos == "VERB"
                   for _, a in tree.prep_args(f.base, ("with",)) for k in (a, *tree.kids[a]))
