"""Grammar on the dependency parse: find event frames (trigger, code, actor and recipient nodes) in one sentence.

Works on our Token records only (no spaCy). Each rule returns `Frame`s naming the token nodes that carry the
actor and the recipient; the coding stage turns nodes into entities through the actor mentions. Rules:
svo (verb + subject/object/prepositional recipient), passive, light verb + event noun, xcomp chains,
nominal events with "between", event nouns as subjects of aspect verbs, copular event nouns, reciprocals,
relative clauses, conjoined verbs and reported speech (claim source).
"""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field

from ..knowledge.lexicon import Code, Lexicon, NounEntry, VerbEntry
from ..records import Token

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
RECIPIENT_PREPS = ("to", "against", "with", "on", "upon", "toward", "towards", "at", "into", "over")
NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM", "X"}
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
RELATIVE_TAGS = {"WDT", "WP", "WP$"}
ASPECT_VERBS = {"start", "begin", "resume", "continue", "open", "take", "get", "go", "end", "stall", "collapse"}
# CAMEO refinements of a matrix event by the event in its complement ("threatened to expel" -> expel).
REFINE: dict[tuple[str, str], tuple[str | None, str]] = {
    ("THREATEN", "SANCTION"): ("relations", "131"), ("THREATEN", "ASSAULT"): ("violence", "138"),
    ("THREATEN", "COERCE"): ("restrict", "132"), ("THREATEN", "PROTEST"): ("relations", "133"),
    ("THREATEN", "MOBILIZE"): ("violence", "138"), ("THREATEN", "REJECT"): ("relations", "131"),
    ("REQUEST", "CONSULT"): ("meet", "106"), ("REQUEST", "RETREAT"): ("yield", "105"),
    ("REQUEST", "AID"): ("assist", "103"), ("REQUEST", "COOPERATE"): ("assist", "101"),
    ("REQUEST", "CONCEDE"): ("yield", "105"), ("REQUEST", "AGREE"): ("meet", "107"),
    ("REJECT", "CONSULT"): ("meet", "125"), ("REJECT", "RETREAT"): ("yield", "124"),
    ("REJECT", "AID"): ("assist", "122"), ("REJECT", "COOPERATE"): ("assist", "121"),
    ("REJECT", "CONCEDE"): ("yield", "124"),
    ("AGREE", "CONSULT"): (None, "036"), ("AGREE", "AID"): (None, "033"), ("AGREE", "COOPERATE"): (None, "031"),
    ("AGREE", "RETREAT"): (None, "035"), ("AGREE", "CONCEDE"): (None, "035"), ("AGREE", "SUPPORT"): (None, "032"),
}
CONFLICT_TYPES = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
THREATEN_BY_MODE = {"expel": ("expel", "136"), "arrest": ("arrest", "132"), "seize": ("territory", "1382")}


@dataclass(frozen=True, slots=True)
class Frame:
    """A candidate event in one sentence, before actors are resolved.

    actors/recipients: token indexes of argument heads (conjuncts already expanded).
    base: the token whose clause carries the event's modality (the verb; for nouns, the governing verb).
    absorbed: complement verbs this frame already covers (not coded again).
    """

    rule: str
    entry: str
    code: Code
    trigger: tuple[int, int]
    actors: tuple[int, ...]
    recipients: tuple[int, ...]
    base: int
    reciprocal: bool = False
    claim_source: tuple[int, ...] = ()
    actor_fallback: tuple[int, ...] = ()  # used when `actors` resolve to nothing (e.g. the speaker)
    own_patient: bool = False
    require_recipient: bool = False
    places: tuple[int, ...] = ()  # "in X" arguments: the recipient of a domestic act when none is named
    absorbed: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Tree:
    """Children lists of one sentence's tokens, built once."""

    tokens: tuple[Token, ...]
    kids: list[list[int]] = field(default_factory=list)

    def __post_init__(self):
        self.kids = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i and 0 <= t.head < len(self.tokens):
                self.kids[t.head].append(t.i)

    def children(self, i: int, deps: set[str] | tuple[str, ...] | None = None) -> list[int]:
        return [k for k in self.kids[i] if deps is None or self.tokens[k].dep in deps]

    def child(self, i: int, deps) -> int | None:
        c = self.children(i, deps)
        return c[0] if c else None

    def head(self, i: int) -> int | None:
        h = self.tokens[i].head
        return None if h == i else h

    def conjuncts(self, i: int) -> list[int]:
        """i and its conjoined siblings below it ("Russia and China" -> both heads).

        A list parsed as apposition ("the US, Russia, and Switzerland": Russia appos of US, Switzerland conj
        of Russia) counts as coordination when the apposition carries the conjunction.
        """
        out = [i]
        for c in self.children(i, {"conj"}):
            out.extend(self.conjuncts(c))
        for c in self.children(i, {"appos"}):
            if self.tokens[c].pos == "PROPN" and self.children(c, {"cc", "conj"}):
                out.extend(self.conjuncts(c))
        return out

    def subtree(self, i: int) -> list[int]:
        out = [i]
        for c in self.kids[i]:
            out.extend(self.subtree(c))
        return sorted(out)

    def pobj(self, prep: int) -> int | None:
        o = self.child(prep, {"pobj", "pcomp"})
        if o is not None and self.tokens[o].ent_type in NON_ACTOR_ENTS:
            # "met with President Assad Tuesday": the parser made the date the head of the name
            named = [k for k in self.kids[o] if self.tokens[k].dep == "compound"
                     and self.tokens[k].ent_type not in NON_ACTOR_ENTS and self.tokens[k].pos == "PROPN"]
            if named:
                return named[-1]
        return o

    def prep_args(self, i: int, words) -> list[tuple[str, int]]:
        out = []
        for p in self.children(i, {"prep", "agent", "dative"}):
            lem = self.tokens[p].lower
            if lem in words:
                o = self.pobj(p)
                if o is not None:
                    out.append((lem, o))
        return out


def is_passive(tree: Tree, v: int) -> bool:
    """Passive voice: a passive subject or auxiliary, or a by-agent ("captured and later released by Syria")."""
    return any(tree.tokens[k].dep in PASS_SUBJ or tree.tokens[k].dep in ("auxpass", "agent") for k in tree.kids[v])


def subject_of(tree: Tree, v: int, depth: int = 0) -> list[int]:
    """Subject heads of verb v, inherited through conj, xcomp, advcl and relative clauses."""
    toks = tree.tokens
    s = tree.child(v, SUBJ)
    if s is not None:
        if toks[s].tag in RELATIVE_TAGS and toks[v].dep == "relcl":
            return tree.conjuncts(toks[v].head)
        return tree.conjuncts(s)
    if depth > 4:
        return []
    h = tree.head(v)
    dep = toks[v].dep
    if h is None:
        return []
    if dep == "conj" and toks[h].pos in ("VERB", "AUX"):
        if is_passive(tree, h) and not is_passive(tree, v):
            return []
        return subject_of(tree, h, depth + 1)
    if dep in ("xcomp", "advcl") and toks[h].pos == "ADJ" and toks[h].dep in ("acomp", "amod"):
        # "it is willing to withdraw": the subject of the copula
        g = tree.head(h)
        return subject_of(tree, g, depth + 1) if g is not None else []
    if dep in ("xcomp", "advcl") and toks[h].pos in ("VERB", "AUX"):
        obj = tree.child(h, OBJ)
        if dep == "xcomp" and obj is not None:  # "urged Russia to withdraw": the object is the subject
            return tree.conjuncts(obj)
        if is_passive(tree, h):  # "Iran is expected to condemn": the passive subject is the subject
            ps = tree.child(h, PASS_SUBJ)
            return tree.conjuncts(ps) if ps is not None and dep == "xcomp" else []
        return subject_of(tree, h, depth + 1)
    if dep in ("relcl", "acl") and toks[h].pos in NOMINAL_POS and not is_passive(tree, v):
        return tree.conjuncts(h)
    return []


def objects_of(tree: Tree, v: int) -> list[int]:
    o = tree.child(v, OBJ)
    if o is None:
        # "attacked and occupied Georgia": a conjoined verb's object is shared when v has none
        for c in tree.children(v, {"conj"}):
            if tree.tokens[c].pos == "VERB" and tree.child(c, SUBJ) is None:
                shared = tree.child(c, OBJ)
                if shared is not None:
                    return tree.conjuncts(shared)
        return []
    if tree.tokens[o].tag in RELATIVE_TAGS and tree.tokens[v].dep == "relcl":
        return tree.conjuncts(tree.tokens[v].head)
    return tree.conjuncts(o)


def reciprocal_object(tree: Tree, o: int | None) -> bool:
    """'each other' / 'one another' as object."""
    if o is None:
        return False
    t = tree.tokens[o]
    return t.lower in ("other", "another") and any(tree.tokens[k].lower in ("each", "one") for k in tree.kids[o])


def match_verb(tree: Tree, v: int, lex: Lexicon) -> tuple[VerbEntry, int | None] | None:
    """The lexicon entry for verb v (particle entries first) and, for a prepositional entry, the prep's object."""
    toks = tree.tokens
    for e in lex.verbs.get(toks[v].lemma.lower(), ()):
        if e.particle is None:
            return e, None
        words = e.particle.split()
        pobj = None
        ok = True
        for w in words:
            hit = [k for k in tree.kids[v] if toks[k].lower == w
                   and toks[k].dep in ("prt", "prep", "dobj", "advmod", "compound:prt", "agent", "dative")]
            if not hit:
                ok = False
                break
            if toks[hit[0]].dep in ("prep", "agent", "dative"):
                pobj = tree.pobj(hit[0])
                if pobj is None or toks[pobj].ent_type in NON_ACTOR_ENTS:
                    ok = False
                    break
        if ok:
            return e, pobj
    return None


def match_noun(tree: Tree, n: int, lex: Lexicon, verb: str | None = None) -> NounEntry | None:
    """The event-noun entry for noun n, checking multi-word entries against its compound/amod children.

    verb: lemma of the governing light verb (entries restricted with `with=` need it); a head noun that is
    not an event itself may carry one as compound ("mediation mission").
    """
    toks = tree.tokens
    entries = lex.nouns.get(toks[n].lemma.lower()) or lex.nouns.get(toks[n].lower)
    mods = {toks[k].lower for k in tree.kids[n] if toks[k].dep in ("compound", "amod", "nmod")}
    for e in entries or ():
        if e.only_with and verb not in e.only_with:
            continue
        if len(e.words) == 1 or all(w in mods for w in e.words[:-1]):
            return e
    if toks[n].pos in ("NOUN", "PROPN"):
        for k in tree.kids[n]:
            if toks[k].dep == "compound" and toks[k].pos == "NOUN":
                for e in lex.nouns.get(toks[k].lemma.lower(), ()):
                    if len(e.words) == 1 and not e.only_with:
                        return e
    return None


def _event_object(tree: Tree, o: int, lex: Lexicon, verb: str) -> tuple[int, NounEntry] | None:
    """The event noun a light verb takes: its object, or the 'of' noun of a quantity ("$5 million of aid")."""
    ne = match_noun(tree, o, lex, verb)
    if ne is not None:
        return o, ne
    t = tree.tokens[o]
    if t.pos in ("NUM", "NOUN", "SYM"):
        for _, a in tree.prep_args(o, ("of",) if t.pos == "NOUN" else ("of", "in")):
            ne = match_noun(tree, a, lex, verb)
            if ne is not None:
                return a, ne
    return None


def _recipient_preps(tree: Tree, i: int) -> list[int]:
    out = []
    for _, o in tree.prep_args(i, RECIPIENT_PREPS):
        out.extend(c for c in tree.conjuncts(o) if tree.tokens[c].ent_type not in NON_ACTOR_ENTS)
    return out


def _nominal(tree: Tree, o: int) -> bool:
    return tree.tokens[o].pos in NOMINAL_POS


def verb_frames(tree: Tree, v: int, lex: Lexicon, depth: int = 0) -> list[Frame]:
    """Frames for a verb: light verb + event noun first, then the verb's own lexicon entry."""
    toks = tree.tokens
    passive = is_passive(tree, v)
    lights = lex.light.get(toks[v].lemma.lower(), ())
    obj_nodes = objects_of(tree, v) if not passive else tree.children(v, PASS_SUBJ)
    for lv in lights:
        if lv.particle and not any(toks[k].lower == lv.particle for k in tree.kids[v]):
            continue
        cands = obj_nodes[:1]
        direct: list[int] = []
        if lv.particle and not passive:  # "engaged the rebels in fighting": the noun in the particle's phrase
            particle_objs = [a for _, a in tree.prep_args(v, (lv.particle,)) if a not in cands]
            if particle_objs:
                direct = [x for d in tree.children(v, {"dobj"}) for x in tree.conjuncts(d)]
                cands = cands + particle_objs
        for o0 in cands:
            hit = _event_object(tree, o0, lex, toks[v].lemma.lower())
            if hit is None:
                continue
            o, ne = hit
            code = lv.overrides.get(ne.words[-1], ne.code)
            joint = any(toks[k].lower in ("joint", "combined") for k in tree.kids[o])
            if ne.code.event == "COOPERATE" and (joint or len(subject_of(tree, v)) > 1):
                code = ne.code  # "joint exercises", "India and France conducted drills": cooperation
            subj = subject_of(tree, v) if not passive else [a for _, a in tree.prep_args(v, ("by",))]
            noun_actor = [k for k in tree.kids[o] if toks[k].dep in ("poss", "amod", "compound")
                          and toks[k].pos in ("PROPN", "ADJ", "NOUN", "PRON")]
            by_from = [a for _, a in tree.prep_args(o, ("from", "by")) + tree.prep_args(v, ("from", "by"))]
            rcpt = _recipient_preps(tree, o) + _recipient_preps(tree, v) + tree.children(v, {"dative"})
            rcpt += [d for d in direct if d != o and o not in tree.conjuncts(d)]
            if code.event == "RETREAT":
                rcpt += [x for _, a in tree.prep_args(o, ("from",)) for x in tree.conjuncts(a)]
            if code.event in ("ASSAULT", "COERCE"):  # "mounted an invasion of Lebanon"
                rcpt += [x for _, a in tree.prep_args(o, ("of",)) for x in tree.conjuncts(a)]
            if code.event == "AID":  # "sent aid for the flood victims of Pakistan"
                rcpt += [x for _, a in tree.prep_args(o, ("for",)) for x in tree.conjuncts(a)]
            if code.event == "REQUEST":  # "reiterated its demand that Israel ease ..."
                rcpt += [x for c in tree.children(o, {"acl", "ccomp", "relcl"}) for x in subject_of(tree, c)
                         if toks[c].dep != "relcl"]
            between = [x for _, a in tree.prep_args(o, ("between", "among")) for x in tree.conjuncts(a)]
            if lv.role == "patient":
                actors, recipients = by_from + noun_actor, subj
            elif between and code.cameo in ("045", "039") and subj:
                actors, recipients = subj, between
            elif between:
                actors, recipients = between, []
            else:
                actors, recipients = subj, rcpt
            start = min([o] + [k for k in tree.kids[o] if toks[k].dep in ("compound", "amod")
                               and toks[k].lower in ne.words])
            return [Frame(f"light:{lv.lemma}+{ne.key}", f"{lv.lemma} {ne.key}", code, (start, o + 1),
                          tuple(actors), tuple(recipients), v,
                          reciprocal=bool(between) or ("recip" in ne.flags and not recipients),
                          places=_in_places(tree, [v, o]))]
    m = match_verb(tree, v, lex)
    if m is None:
        return []
    e, prep_obj = m
    code = e.code
    absorbed: list[int] = []
    notes: list[str] = []
    objs = [prep_obj] if prep_obj is not None else objects_of(tree, v)
    objs = [o for o in objs if o is not None]
    recip_obj = any(reciprocal_object(tree, o) for o in objs)
    if passive:
        actors = [x for _, a in tree.prep_args(v, ("by",)) for x in tree.conjuncts(a)]
        patients = [x for s in tree.children(v, PASS_SUBJ) for x in tree.conjuncts(s)]
        if toks[v].dep == "relcl" and not patients:
            patients = tree.conjuncts(toks[v].head)
        if not patients and toks[v].dep == "acl":
            patients = tree.conjuncts(toks[v].head)
        if not patients and toks[v].dep == "conj" and tree.head(v) is not None:
            h = tree.head(v)  # "were arrested and later released by ...": the first verb's subject
            patients = [x for p in tree.children(h, PASS_SUBJ) for x in tree.conjuncts(p)] or subject_of(tree, h)
    else:
        actors = subject_of(tree, v)
        patients = objs
    has_comp = "xcomp" in e.flags and tree.child(v, {"xcomp"}) is not None
    if e.need == "obj" and not recip_obj and not has_comp and not any(_nominal(tree, o) for o in patients):
        return []
    if e.code.event == "REJECT" and patients and (toks[patients[0]].lemma.lower() in lex.cue("claims")
                                                  or toks[patients[0]].lower in lex.cue("claims")):
        return []  # "rejected reports that ...": denying a claim is not a PLOVER REJECT
    if "force" in e.flags and patients and not any(
            toks[p].lemma.lower() in lex.cue("forces") or toks[p].lower in lex.cue("forces") for p in patients):
        return []
    if "person" in e.flags and not any(toks[a].pos == "PROPN" for a in actors):
        return []
    if "closure" in e.flags and not any(toks[p].lemma.lower() in lex.cue("closures") for p in patients):
        return []
    if "staffsubj" in e.flags and not any(
            toks[i].lemma.lower() in lex.cue("staff") or toks[i].lower in lex.cue("staff")
            for a in actors for i in [a] + [k for k in tree.kids[a] if toks[k].dep in ("compound", "amod", "appos")]):
        return []
    if "undo" in e.flags and patients and (toks[patients[0]].lemma.lower() in lex.cue("policies")):
        code = Code("CONCEDE", None, "083")  # "withdrew the finance bill": a concession
        notes.append(f"withdrawing '{toks[patients[0]].text}' is a concession")
    elif "undo" in e.flags and patients and e.code.event != "RETREAT":
        target = _event_object(tree, patients[0], lex, toks[v].lemma.lower())
        if target is None:
            return []  # "lifted the box", "cancelled the order": only ending an event is coded
        if target[1].code.event in ("AGREE", "SUPPORT", "COOPERATE", "AID"):  # "revoked a defence pact"
            code = Code("SANCTION", "withdraw", "161") if target[1].code.event != "AID" else \
                Code("SANCTION", "discontinue", "162")
            notes.append(f"ending '{target[1].key}' reduces relations")
        elif target[1].code.event in ("COERCE", "SANCTION", "PROTEST", "THREATEN"):
            undone = target[1].code
            code = Code("RETREAT", "withdraw", "0872") if undone.cameo == "191" else Code("CONCEDE", None, "081")
            notes.append(f"ending '{target[1].key}' is a concession")
    if "staff" in e.flags and patients and any(
            toks[i].lemma.lower() in lex.cue("staff") or toks[i].lower in lex.cue("staff")
            for p in patients for i in [p] + [k for k in tree.kids[p] if toks[k].dep in ("compound", "amod")]):
        code = Code("SANCTION", "withdraw", "166")
        notes.append("withdrawing non-military personnel is SANCTION/withdraw")
    if "crowd" in e.flags and any(toks[a].lemma.lower() in lex.cue("crowd") or toks[a].lower in lex.cue("crowd")
                                  or (toks[a].ent_type == "NORP" and toks[a].tag in ("NNPS", "NNS"))
                                  for a in actors):
        code = {"ACCUSE": Code("PROTEST", "demo", "141"), "ASSAULT": Code("PROTEST", "riot", "145")}.get(
            e.code.event, Code("PROTEST", "obstruct", "144"))
        notes.append("a crowd as subject makes it a PROTEST")
    recipients = [] if recip_obj else list(patients)
    require_rcpt = e.need == "rcpt" or ("recip" in e.flags and bool(objs) and not recip_obj and prep_obj is None)
    if prep_obj is not None and e.code.event in ("AGREE", "REQUEST", "REJECT"):
        ne = match_noun(tree, prep_obj, lex)  # "agreed to a ceasefire", "called for sanctions"
        if ne is not None:
            code = _refine(code, ne.code)
            notes.append(f"refined by '{toks[prep_obj].text}'")
    if e.code.event in ("REQUEST", "REJECT", "AGREE", "THREATEN", "CONSULT") and patients:
        ne = match_noun(tree, patients[0], lex)
        if ne is not None:
            code = _refine(code, ne.code)
            if code.event != e.code.event:
                require_rcpt = False
            notes.append(f"refined by object '{toks[patients[0]].text}'")
            recipients = recipients + [x for _, a in tree.prep_args(patients[0], RECIPIENT_PREPS + ("from", "by"))
                                       for x in tree.conjuncts(a)]
    if e.code.event == "REQUEST" and not passive:  # "demanded that the US cancel ...": the US is asked
        for c in tree.children(v, {"ccomp"}):
            recipients += [x for x in subject_of(tree, c) if x not in recipients]
    if "xcomp" in e.flags:
        comp = tree.child(v, {"xcomp"})
        if comp is None:
            comp = next((c for c in tree.children(v, {"advcl"}) if tree.child(c, SUBJ) is None
                         and any(toks[k].tag == "TO" for k in tree.kids[c])), None)
        if comp is None:
            for _, a in tree.prep_args(v, ("to", "for", "on")):
                ne = match_noun(tree, a, lex)
                if ne is not None:
                    code = _refine(code, ne.code)
                    absorbed.append(a)
                    notes.append(f"refined by '{toks[a].text}'")
                    recipients = recipients or [x for _, b in tree.prep_args(a, ("with",)) for x in tree.conjuncts(b)]
        else:
            inner = verb_frames(tree, comp, lex, depth + 1) if depth < 3 else []
            asked = bool(objs) and toks[comp].dep == "xcomp"  # "urged Russia to ...": Russia is the recipient
            if inner:
                code = _refine(code, inner[0].code)
                notes.append(f"refined by '{toks[comp].text}'")
                if not asked:
                    recipients = list(recipients) + [r for r in inner[0].recipients if r not in recipients]
            elif not asked:
                comp_objs = objects_of(tree, comp)
                recipients = list(recipients) + comp_objs + _recipient_preps(tree, comp)
                for o in comp_objs:  # "threatened to break relations with Russia"
                    recipients += [r for r in _recipient_preps(tree, o) if r not in recipients]
            absorbed.extend(tree.conjuncts(comp))
    asked_comp, asked = None, []
    if "ask" in e.flags and not passive:
        if objs and tree.child(v, {"xcomp"}) is not None:
            asked_comp, asked = tree.child(v, {"xcomp"}), objs
        for c in tree.children(v, {"ccomp"}):  # parsed as "wants [Putin to attack ...]"
            if any(toks[k].tag == "TO" for k in tree.kids[c]) and tree.child(c, SUBJ) is not None:
                asked_comp, asked = c, tree.conjuncts(tree.child(c, SUBJ))
    if asked_comp is not None:
        # "Obama wants Putin to attack Switzerland": a request to the asked actor, refined by the complement
        inner = verb_frames(tree, asked_comp, lex, depth + 1) if depth < 3 else []
        code = _refine(e.code, inner[0].code) if inner else e.code
        return [Frame(f"svo:verb={e.key}+complement", e.key, code, (v, v + 1), tuple(actors), tuple(asked), v,
                      absorbed=tuple(tree.conjuncts(asked_comp)), notes=("an actor asked to act: REQUEST",),
                      require_recipient=True)]
    if e.need and e.need not in ("obj", "rcpt"):
        args = [x for h in [v] + objs for _, a in tree.prep_args(h, (e.need,)) for x in tree.conjuncts(a)]
        if not args:
            return []
        recipients = recipients if e.need in ("with", "about") and recipients else args
        if e.need == "from":
            recipients = args
    else:
        # "provided assistance to Ukraine": the recipient hangs off the verb or off its object noun
        extra = _recipient_preps(tree, v) + [x for d in tree.children(v, {"dative"}) for x in tree.conjuncts(d)]
        for o in objs:
            extra += _recipient_preps(tree, o)
        recipients = list(recipients) + [x for x in extra if x not in recipients]
    if "from" in e.flags:
        frm = [x for _, a in tree.prep_args(v, ("from",)) for x in tree.conjuncts(a)]
        if frm:
            recipients = frm
    if "swap" in e.flags:
        actors, recipients = recipients, actors
    if "inverse" in e.flags:
        actors, recipients = [a for _, a in tree.prep_args(v, ("from", "by"))], actors
    own = "own" in e.flags and passive and not actors
    if own:
        actors = patients
        recipients = [x for _, a in tree.prep_args(v, ("from",)) for x in tree.conjuncts(a)]
    if "own" in e.flags and not passive and patients:
        recipients = [r for r in recipients if r not in patients]
    reciprocal = recip_obj or ("recip" in e.flags and not recipients and len(actors) > 1)
    places = _in_places(tree, [v] + objs[:1])
    rule = ("passive" if passive else "svo") + f":verb={e.key}"
    return [Frame(rule, e.key, code, (v, v + 1), tuple(actors), tuple(recipients), v, reciprocal=reciprocal,
                  own_patient=own, absorbed=tuple(absorbed), notes=tuple(notes), require_recipient=require_rcpt,
                  places=places)]


def _in_places(tree: Tree, heads: list[int]) -> tuple[int, ...]:
    """Named places in 'in X' phrases of the given heads ("lifted the curfew in Montenegro")."""
    out = []
    for h in heads:
        for _, a in tree.prep_args(h, ("in", "inside", "throughout")):
            if tree.tokens[a].ent_type in ("GPE", "LOC", "FAC", "NORP"):
                out.append(a)
    return tuple(out)


def _refine(matrix: Code, comp: Code) -> Code:
    if matrix.event == "AGREE" and comp.event in CONFLICT_TYPES:  # "vowed to fight" is a threat
        matrix = Code("THREATEN", None, "130")
    if matrix.event in ("AGREE", "CONSULT") and comp.event == "REQUEST":  # "accepted / met the demands"
        return Code("CONCEDE", None, "083")
    if matrix.event == "CONSULT":
        return matrix
    if matrix.event == "THREATEN" and comp.mode in THREATEN_BY_MODE:
        mode, cameo = THREATEN_BY_MODE[comp.mode]
        return Code(matrix.event, mode, cameo)
    hit = REFINE.get((matrix.event, comp.event))
    if hit is None:
        return matrix
    mode, cameo = hit
    if matrix.event == "REQUEST" and matrix.cameo.startswith("02") and cameo.startswith("10"):
        cameo = "02" + cameo[2:]  # an appeal stays an appeal: "asked X to help" is 023, not 103
    return Code(matrix.event, mode or matrix.mode, cameo)


def noun_frames(tree: Tree, n: int, lex: Lexicon) -> list[Frame]:
    """Nominal events not governed by a light verb: 'X between A and B', 'talks ... started', 'is a red line'."""
    toks = tree.tokens
    ne = match_noun(tree, n, lex)
    if ne is None or toks[n].lemma.lower() not in lex.nouns:
        return []
    dep = toks[n].dep
    h = tree.head(n)
    between = [x for _, a in tree.prep_args(n, ("between", "among")) for x in tree.conjuncts(a)]
    if not between and "recip" in ne.flags:
        # "an agreement during the summit between A and B": the participants of the meeting it was reached at
        for _, a in tree.prep_args(n, ("during", "at")):
            if match_noun(tree, a, lex) is not None:
                between = [x for _, b in tree.prep_args(a, ("between", "among")) for x in tree.conjuncts(b)]
    start = min([n] + [k for k in tree.kids[n] if toks[k].dep in ("compound", "amod") and toks[k].lower in ne.words])
    trig = (start, n + 1)
    base = h if h is not None else n
    if "copula" in ne.flags and dep == "attr" and h is not None:
        actors = [x for _, a in tree.prep_args(n, ("for", "to")) for x in tree.conjuncts(a)]
        return [Frame(f"copula:{ne.key}", ne.key, ne.code, trig, (), (), h, actor_fallback=tuple(actors),
                      notes=("actor is the speaker, else the 'for' argument",))]
    background = dep == "pobj" and h is not None and toks[h].lower in ("amid", "despite", "over", "about", "for")
    if "onstate" in ne.flags and dep == "pobj" and h is not None and toks[h].lower == "on":
        gov = tree.head(h)
        if gov is not None and toks[gov].pos in ("VERB", "AUX"):
            return [Frame(f"on-state:{ne.key}", ne.key, ne.code, trig, tuple(subject_of(tree, gov)), (), gov)]
    if between and "recip" in ne.flags and not background:
        return [Frame(f"nominal-between:{ne.key}", ne.key, ne.code, trig, tuple(between), (), base,
                      reciprocal=True)]
    governors = lex.cue("future") | lex.cue("hypothetical")
    if dep in OBJ and h is not None and toks[h].lemma.lower() in governors and "recip" in ne.flags:
        rcpt = [x for _, a in tree.prep_args(n, ("with", "between")) for x in tree.conjuncts(a)]
        return [Frame(f"nominal-object:{toks[h].lemma}+{ne.key}", ne.key, ne.code, trig, tuple(subject_of(tree, h)),
                      tuple(rcpt), n)]
    if dep in SUBJ | PASS_SUBJ and h is not None and toks[h].lemma.lower() in ASPECT_VERBS:
        actors = [k for k in tree.kids[n] if toks[k].dep in ("poss", "amod", "compound")]
        if not actors and "recip" not in ne.flags:
            return []
        rcpt = [x for _, a in tree.prep_args(n, ("with", "against", "on")) for x in tree.conjuncts(a)]
        gov = tree.head(h)
        if not actors and gov is not None and toks[h].dep in ("ccomp", "xcomp"):
            actors = subject_of(tree, gov)
        return [Frame(f"nominal-aspect:{ne.key}+{toks[h].lemma}", ne.key, ne.code, trig, tuple(actors),
                      tuple(rcpt), h)]
    return []


_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""),
                ("s", ""), ("d", ""))


def repair_lemmas(tokens: tuple[Token, ...], lex: Lexicon) -> tuple[Token, ...]:
    """The small model sometimes lemmatises an inflected verb to another word ("staged" -> "stag"). A verb whose
    lemma is in no lexicon table but whose regular stem is gets that stem as its lemma."""
    out = None
    for t in tokens:
        if t.pos != "VERB" or t.lemma.lower() in lex.verbs or t.lemma.lower() in lex.light:
            continue
        low = t.lower
        for suffix, repl in _INFLECTIONS:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                stem = low[: -len(suffix)] + repl
                if stem in lex.verbs or stem in lex.light:
                    out = out or list(tokens)
                    out[t.i] = dataclasses.replace(t, lemma=stem)
                    break
    return tuple(out) if out else tokens


def find_frames(tokens: tuple[Token, ...], lex: Lexicon) -> tuple[list[Frame], list[str], Tree]:
    """Every frame in one sentence, plus notes on verbs that matched nothing (for explain)."""
    tree = Tree(repair_lemmas(tokens, lex))
    tokens = tree.tokens
    frames: list[Frame] = []
    notes: list[str] = []
    light_nouns: set[int] = set()
    for t in tokens:
        if t.pos == "VERB" or (t.pos == "AUX" and t.lemma.lower() not in ("be", "have", "do")):
            if t.dep == "amod":
                continue
            fs = verb_frames(tree, t.i, lex)
            frames.extend(fs)
            for f in fs:
                if f.rule.startswith("light:"):
                    light_nouns.add(f.trigger[1] - 1)
            if not fs and t.lemma.lower() in lex.verbs:
                notes.append(f"'{t.text}' is in the lexicon but its required arguments are missing")
    for t in tokens:
        if t.pos in ("NOUN", "PROPN") and t.i not in light_nouns:
            frames.extend(noun_frames(tree, t.i, lex))
    frames.extend(deontic_frames(tree, lex, frames))
    absorbed = {a for f in frames for a in f.absorbed} | _content_of(tree, frames, lex)
    kept = []
    for f in frames:
        if not f.rule.startswith("deontic") and (f.trigger[0] in absorbed or (f.trigger[1] - 1) in absorbed
                                                 or f.base in absorbed):
            notes.append(f"'{tokens[f.trigger[0]].text}' is covered by the matrix event of its governing verb")
            continue
        kept.append(f)
    return kept, notes, tree


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


def deontic_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'X said Y must do Z': a REQUEST from the speaker X to Y (refined by Z when Z is an event verb)."""
    toks = tree.tokens
    out = []
    by_trigger = {f.trigger[0]: f for f in frames}
    for t in toks:
        if t.pos not in ("VERB", "AUX"):
            continue
        if not any(toks[k].lower == "must" and toks[k].dep == "aux" for k in tree.kids[t.i]):
            continue
        verb, speakers = claim_source(tree, t.i, lex.cue("speech"))
        if verb is None or not speakers:
            continue
        code = Code("REQUEST", None, "100")
        inner = by_trigger.get(t.i)
        if inner is not None:
            code = _refine(code, inner.code)
        out.append(Frame(f"deontic:must+{t.lemma}", f"must {t.lemma}", code, (t.i, t.i + 1), tuple(speakers),
                         tuple(subject_of(tree, t.i)), verb, absorbed=(t.i,),
                         notes=("a reported 'must' is the speaker's demand",)))
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
