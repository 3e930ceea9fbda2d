"""Meetings named where a party speaks or acts (sixteenth round, recall): "Pompeo said in a call with Guterres",
"Kim revealed the plan during his summit with Moon", "speaking at a news conference with the visiting NATO chief".

A meeting noun (`MEETING_NOUNS`: a call, meeting, summit, talks, a news conference or briefing) in an "in / at /
during" phrase of a clause, with a named party in its own "with" phrase, reports that the clause's subject (or the
noun's possessor) met that party: CONSULT, the two sides acting together as for "met with" (reciprocal, both
actors). The clause carries the modality ("will say at a summit with": future).

Not coded: a "with" party that names nobody ("a call with reporters", "a meeting with his advisers"), a side that
is no party ("a toxin was put into his drink at a meeting with two agents": the subject is a thing), talks one
is "in" (nominal.py's in-state rule), and "between" meetings (nominal.py).
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .nominal import IN_STATE_VERBS  # verbs of being in talks code them already: "remained in talks with"
from .occasions import presupposed
from .prospects import ahead_of
from .tree import Frame, Tree, subject_of

# Eighteenth round: a meal with a named party is a meeting ("during a working breakfast with the Kenyan president",
# "over dinner with the Danish minister", "had lunch with the visiting minister"); told as a verb's object only after
# these verbs (`meal_frames`), and as a verb itself ("will lunch with", "dined with").
MEAL_NOUNS = frozenset({"breakfast", "lunch", "luncheon", "dinner", "supper"})
# Meeting nouns (head lemma) and their CONSULT code; a conference only as a news or press conference or a video one.
MEETING_NOUNS = {"call": Code("CONSULT", "phone", "041"), "phone": Code("CONSULT", "phone", "041"),
                 "videoconference": Code("CONSULT", "phone", "041"), "meeting": Code("CONSULT", None, "040"),
                 "summit": Code("CONSULT", None, "040"), "talk": Code("CONSULT", None, "046"),
                 "talks": Code("CONSULT", None, "046"), "conference": Code("CONSULT", None, "040"),
                 "briefing": Code("CONSULT", None, "040"), "conversation": Code("CONSULT", None, "040")} | {
                     meal: Code("CONSULT", None, "040") for meal in MEAL_NOUNS}
MEAL_VERBS = frozenset({"have", "attend", "eat", "host", "hold", "join", "share", "sit", "close"})
MEAL_ACTS = frozenset({"dine", "dined", "dines", "dining", "lunch", "lunched", "lunches", "lunching"})
CONFERENCE_KINDS = frozenset({"news", "press", "video", "joint"})
PLACE_PREPS = frozenset({"in", "at", "during"})
# A meeting named as the time of the clause (seventeenth round): "announced it after a meeting with", "spoke ahead of
# his meeting with", "leading up to his meeting with", "on the eve of talks with" (prospects.ahead_of: still ahead).
AFTER_PREPS = frozenset({"after", "following"})
AHEAD_AUX = frozenset({"will", "would", "shall", "could", "may", "might", "should", "must", "to"})
# Verbs an "in" meeting phrase after them dates ("said in a call with", "discussed it in a meeting with", "spends hours
# in meetings with"); after others an "in talks" phrase is the act's domain ("agreed to mediation in the talks with").
IN_VERBS = frozenset({"say", "tell", "discuss", "spend", "raise", "express", "make", "lay", "speak", "ask", "urge"})
# A visit or trip named in an "on / during" phrase of a clause (visit_frames).
VISIT_NOUNS = frozenset({"visit", "trip", "tour", "journey"})
VISIT_PREPS = frozenset({"on", "during"})
SIDE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "his", "her", "their", "our", "my"})


def meeting_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'<subject> <verb> in / at / during a <meeting noun> with <named party>': CONSULT between the two."""
    toks = tree.tokens
    out = []
    for t in toks:
        lemma = t.lemma.lower()
        code = MEETING_NOUNS.get(lemma) or MEETING_NOUNS.get(t.lower)
        if code is None or t.pos != "NOUN" or t.dep != "pobj":
            continue
        p = tree.head(t.i)
        v = tree.head(p) if p is not None else None
        if v is not None and toks[v].pos == "NOUN" and toks[v].dep in ("dobj", "obj"):
            v = tree.head(v)  # "stressed the deal in private meetings with": the parser hangs it on the object
        if v is not None and toks[p].lower == "in" and not (p < v or toks[v].lemma.lower() in lex.cue("speech")
                                                            or toks[v].lemma.lower() in IN_VERBS):
            continue  # "agreed to US mediation in the talks with the Palestinians": the talks are its domain
        timed = v is not None and (toks[p].lower in AFTER_PREPS or ahead_of(tree, t.i))
        if timed and toks[p].lower not in AFTER_PREPS:
            v = tree.head(v) if toks[v].dep != "advcl" else v  # "ahead of" -> its clause; "leading up to" is one
            v = tree.head(v) if v is not None and toks[v].dep == "pobj" else v  # "on the eve of"
            v = tree.head(v) if v is not None and toks[v].dep == "prep" else v
        v = occasion_clause(tree, v)
        if p is None or v is None or toks[p].lower not in PLACE_PREPS and not timed and not (
                lemma in MEAL_NOUNS and toks[p].lower == "over") or toks[v].pos not in ("VERB", "AUX") \
                or toks[v].lemma.lower() in IN_STATE_VERBS or tree.children(v, {"neg"}) and not presupposed(
                    tree, t.i, IN_VERBS):
            continue  # "did not mention Ukraine during his talks with Blinken": held all the same (occasions.py)
        if toks[p].lower in AFTER_PREPS and any(toks[a].lower in AHEAD_AUX and toks[a].dep == "aux"
                                                 for a in tree.kids[v]):
            continue  # "said Sudan would provide aid after a meeting with": the clause's future is not the meeting's
        mods = {toks[k].lower for k in tree.kids[t.i]}
        if lemma == "conference" and not mods & CONFERENCE_KINDS:
            continue
        partners = [x for _, a in tree.prep_args(t.i, ("with",)) for x in tree.conjuncts(_guest(tree, a))
                    if _named(tree, x)]
        if not partners or tree.prep_args(t.i, ("between", "among")):
            continue
        sides = _sides(tree, t.i, v, lex, partners)
        if not sides:
            continue
        guests = [x for _, a in tree.prep_args(t.i, ("with",)) if _visiting(tree, a) for x in tree.conjuncts(
            _guest(tree, a)) if x in partners]
        if guests and code.mode is None:  # "at a briefing with the visiting Danish minister": he came to them
            out.append(Frame(f"meeting-phrase:{lemma}+visiting", f"{toks[p].lower} a {lemma} with the visiting",
                             Code("CONSULT", "visit", "042"), (t.i, t.i + 1), tuple(guests), tuple(sides), v,
                             notes=("a meeting with a visiting party: the guest visited the host",)))
            continue
        out.append(Frame(f"meeting-phrase:{lemma}", f"{toks[p].lower} a {lemma} with", code, (t.i, t.i + 1),
                         tuple(sides + partners), (), v, reciprocal=True, places=tuple(_venues(tree, [t.i, v, *partners])),
                         notes=("a meeting named where a party speaks or acts, with a named party: they met",)))
    return out


def meal_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'<subject> had / attended / hosted a dinner with <named party>', '<subject> dined / will lunch with <named
    party>': CONSULT between the two (eighteenth round). A meal with no named party ("had dinner with his family",
    "dined at the embassy") is none; the clause gives the time and the modality."""
    toks = tree.tokens
    out = []
    for t in toks:
        lemma = t.lemma.lower()
        if t.pos == "NOUN" and lemma in MEAL_NOUNS and t.dep in ("dobj", "obj"):
            v = tree.head(t.i)
            if v is None or toks[v].lemma.lower() not in MEAL_VERBS:
                continue
            heads = [t.i, v]
        elif t.pos == "VERB" and t.lower in MEAL_ACTS:  # the parser's lemma of "dined" is "din"
            v, heads, lemma = t.i, [t.i], "dine" if t.lower.startswith("din") else "lunch"
        else:
            continue
        if tree.children(v, {"neg"}):
            continue
        partners = [x for h in heads for _, a in tree.prep_args(h, ("with",)) for x in tree.conjuncts(_guest(tree, a))
                    if _named(tree, x)]
        if not partners:
            continue
        sides = _sides(tree, t.i, v, lex, partners)
        if not sides:
            continue
        out.append(Frame(f"meeting-meal:{lemma}", f"{lemma} with", Code("CONSULT", None, "040"), (t.i, t.i + 1),
                         tuple(sides + partners), (), v, reciprocal=True,
                         places=tuple(_venues(tree, [t.i, v, *partners])),
                         notes=("a meal with a named party is a meeting of the two",)))
    return out


# Meeting nouns a possessive and a "with" party name as a meeting that took place (`possessed_frames`); "contacts"
# and "conversations" only as plurals of occasions; press conferences and briefings are left to meeting_frames.
POSSESSED_NOUNS = frozenset({"meeting", "talk", "talks", "summit", "call", "conversation", "negotiation", "contact"}
                            | MEAL_NOUNS)
TIME_PREPS = PLACE_PREPS | AFTER_PREPS | {"over", "before"}
UNHELD = frozenset({"upcoming", "next", "planned", "proposed", "possible", "potential", "future", "scheduled",
                    "expected", "coming", "prospective"})


def possessed_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'<party>'s / his meeting (talks, call, contacts, dinner) with <named party>' named outside a meeting phrase
    (eighteenth round, meetings): "the Kenyan president defended his meeting with the Ethiopian leader", "the
    Peruvian minister described his talks with Chile as frank", "misled the inquiry about her contacts with the
    envoy". The two met: CONSULT, reciprocal; the
    factuality is the noun's (coder: "looking forward to his meeting with" is ahead). A noun another frame codes
    already (a light verb's object, a meeting phrase, a subject the possessor rule codes) is left to it."""
    toks = tree.tokens
    taken = {f.trigger[1] - 1 for f in frames}
    out = []
    for t in toks:
        lemma = t.lemma.lower()
        if t.pos != "NOUN" or lemma not in POSSESSED_NOUNS or t.i in taken or (
                lemma == "contact" and t.tag != "NNS") or t.dep in ("nsubj", "nsubjpass") and lemma == "meeting":
            continue
        p = tree.head(t.i)
        if t.dep == "pobj" and p is not None and (toks[p].lower in TIME_PREPS - {"in"} or ahead_of(tree, t.i)):
            continue  # meeting_frames reads these as the clause's occasion or time; "in his talks with" after
            # any verb is the possessor's (nineteenth round: "the lesson she drew in her talks with Chile")
        if t.dep == "pobj" and p is not None and toks[p].lower == "of" and tree.head(p) is not None and \
                toks[tree.head(p)].pos in ("NOUN", "PROPN"):
            continue  # "critics of the Peruvian president's talks with Chile": a topic, a standing course
        if any(toks[k].lower in UNHELD for k in tree.kids[t.i]) or _awaited(tree, t.i):
            continue  # "his upcoming meeting with", "is looking forward to his meeting with": not held yet
        heads = [t.i] + ([p] if t.dep in ("dobj", "obj") and p is not None else [])  # the parser may hang the
        # "with" phrase on the verb ("defended his meeting with the Ethiopian leader")
        partners = [x for h in heads for w, a in tree.prep_args(h, ("with",)) if a > t.i
                    for x in tree.conjuncts(_guest(tree, a)) if _named(tree, x)]
        sides = [k for k in tree.kids[t.i] if toks[k].dep == "poss" and _side(tree, k, lex) and k not in partners]
        base = t.i
        while base is not None and toks[base].pos not in ("VERB", "AUX"):
            base = tree.head(base)
        if not partners or not sides or base is None or any(
                toks[a].lower in AHEAD_AUX and toks[a].dep == "aux" for a in tree.kids[base]):
            continue  # "would use his meeting with the Chilean president to press for": still ahead
        out.append(Frame(f"nominal-possessor-meeting:{lemma}", f"{lemma} with", MEETING_NOUNS.get(lemma) or Code(
            "CONSULT", None, "046"), (t.i, t.i + 1), tuple(sides + partners), (), base, reciprocal=True,
            notes=("a meeting named with its two sides (a possessive and a 'with' party): they met",)))
    return out


def _awaited(tree: Tree, n: int) -> bool:
    """"looking forward to his meeting with": the noun is the object of 'look forward to'."""
    toks = tree.tokens
    p = tree.head(n)
    v = tree.head(p) if p is not None and toks[p].lower == "to" else None
    return v is not None and (toks[v].lower == "forward" or toks[v].lemma.lower() == "look" and any(
        toks[k].lower == "forward" for k in tree.kids[v]))


def visit_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'<subject> <verb> on / during a visit / trip to <named place>': the subject (or the noun's possessor)
    visited that place's country (CONSULT/visit, recipient the host). The clause gives the time and modality:
    "pledged aid on a visit to Kenya last week", "raised the issue during a recent trip to Chile"."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() not in VISIT_NOUNS or t.pos != "NOUN" or t.dep != "pobj":
            continue
        p = tree.head(t.i)
        if p is None or toks[p].lower not in VISIT_PREPS:
            continue
        v = occasion_clause(tree, tree.head(p))
        if v is None or toks[v].pos not in ("VERB", "AUX") or tree.children(v, {"neg"}) and not presupposed(
                tree, t.i, IN_VERBS):
            continue  # a negated past clause denies what was done on the visit, not the visit (occasions.py)
        hosts = [x for _, a in tree.prep_args(t.i, ("to",)) for x in tree.conjuncts(a)
                 if _named(tree, x) and toks[x].ent_type != "LOC"]  # "a trip to the Middle East" names no host
        if not hosts:
            continue
        sides = _sides(tree, t.i, v, lex, hosts)
        if not sides:
            continue
        out.append(Frame(f"visit-phrase:{t.lemma.lower()}", f"{toks[p].lower} a {t.lemma.lower()} to",
                         Code("CONSULT", "visit", "042"), (t.i, t.i + 1), tuple(sides), tuple(hosts), v,
                         notes=("a visit named where a party speaks or acts: the party visited the host",)))
    return out


def _sides(tree: Tree, n: int, v: int, lex: Lexicon, others: list[int]) -> list[int]:
    """The party who meets or visits: the noun's possessor ("Kenya's visit"), else the clause's subject, which a
    possessive pronoun before it stands for ("During his visit to Kenya, the Danish minister announced": 'his' is
    the minister, named only after it); a pronoun after the subject is left to coreference ("what he can get Iran
    to agree to during his meeting with": 'his' is not Iran)."""
    toks = tree.tokens
    subjects = [s for s in subject_of(tree, v) if _side(tree, s, lex) and s not in others]
    poss = [k for k in tree.kids[n] if toks[k].dep == "poss" and _side(tree, k, lex) and k not in others]
    if not poss or subjects and all(toks[k].lower in SIDE_PRONOUNS and k < min(subjects) for k in poss):
        return subjects
    return poss


def _venues(tree: Tree, heads: list[int]) -> list[int]:
    """Named places the meeting noun, its clause or its partner is "at" or "in" (the parser hangs the phrase on
    any of them): "at a briefing with ... at the State Department", "during talks with the Kenyan president in
    Nairobi"."""
    toks = tree.tokens
    return [a for h in heads for _, a in tree.prep_args(h, ("at", "in")) if a not in heads and (
        toks[a].ent_type in ("GPE", "FAC", "ORG", "LOC") or toks[a].pos == "PROPN")]


def hosted(actors: list, venues: list) -> tuple[list, list]:
    """A meeting held in the country of some of its sides (the venue's country): those are the hosts, the sides of
    another country its guests, who visited them (PLOVER CONSULT mode visit, the host the recipient). Arguments
    of the coder (`.entity.code`); ([], []) when the venue is no side's country or every side is of it."""
    where = {p.entity.code for p in venues if p.entity.code}
    hosts = [a for a in actors if a.entity.code in where]
    guests = [a for a in actors if a.entity.code and a.entity.code not in where]
    return (guests, hosts) if hosts and guests and len(where) == 1 else ([], [])


def _visiting(tree: Tree, a: int) -> bool:
    """"with the visiting Danish minister" (amod) or "with visiting NATO chief Stoltenberg" (the parser's head)."""
    toks = tree.tokens
    return toks[a].lower == "visiting" or any(toks[k].lower == "visiting" for k in tree.kids[a])


def occasion_clause(tree: Tree, v: int | None) -> int | None:
    """The clause a meeting phrase dates: the parser often hangs it on an infinitive ("signaled he was not prepared
    to sign the deal during a meeting with Rice", "revealed plans to shut the site during his summit with Moon"),
    whose modality is not the meeting's, or on the object of another phrase ("spoke about mining during a meeting
    with"); the phrase is taken up to the first finite clause above it."""
    toks = tree.tokens
    while v is not None and toks[v].pos in ("NOUN", "PROPN") and toks[v].dep == "pobj" and tree.head(v) is not None:
        v = tree.head(tree.head(v))  # "spoke about mining during a meeting with": the parser hangs it on 'mining'
    while v is not None and (toks[v].pos == "ADJ" or toks[v].dep in ("xcomp", "acl", "acomp") and any(
            toks[k].lower == "to" and toks[k].dep == "aux" for k in tree.kids[v]) or toks[v].dep == "acomp"):
        v = tree.head(v)
        if v is not None and toks[v].pos == "NOUN" and toks[v].dep in ("dobj", "obj"):
            v = tree.head(v)  # "revealed plans to shut": the plans' verb
    return v


def _guest(tree: Tree, a: int) -> int:
    """"with visiting NATO chief Stoltenberg": the parser makes 'visiting' the phrase's head; the guest is its object."""
    o = tree.child(a, {"dobj"}) if tree.tokens[a].pos == "VERB" and tree.tokens[a].lower == "visiting" else None
    return a if o is None else o


def _named(tree: Tree, x: int) -> bool:
    """A named party heads or modifies the 'with' argument ("with Guterres", "with Morocco's foreign minister")."""
    toks = tree.tokens
    return any(toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos == "PROPN"
               for k in [x] + [c for c in tree.kids[x] if toks[c].dep in ("compound", "poss", "amod", "nmod")])


def _side(tree: Tree, s: int, lex: Lexicon) -> bool:
    """The other side is a party: a name, a personal pronoun or an agent word ("the minister"), not a thing."""
    t = tree.tokens[s]
    return (_named(tree, s) or t.lower in SIDE_PRONOUNS or t.lemma.lower() in lex.cue("agents")
            or t.lower in lex.cue("agents"))
