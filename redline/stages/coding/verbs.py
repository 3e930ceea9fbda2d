"""Verb rules: a verb's own lexicon entry (SVO, passive, phrasal, xcomp chains, asked complements) and light
verbs whose event comes from their object noun ("held talks", "imposed sanctions on")."""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon, NounEntry
from .barring import barred_party
from .launches import impact, launched_projectile, launchers
from .feelings import FEELING_NOUNS, feeling_target
from .forces import deployable
from .nominal import ARMED
from .reactions import named_party
from .senses import framed_objects, own_people
from .struck import struck_parties
from .verbargs import (
    setting_code,
    topic_partners,
    CONFLICT_TYPES,
    addressees,
    cooperative_object,
    crowd_of,
    expected_act,
    gathering_object,
    generic_party,
    place_arg,
    is_retort,
    is_subjunctive,
    party_like,
    wished_fortune,
)
from .tree import (
    OBJ,
    PASS_SUBJ,
    RECIPIENT_PREPS,
    SUBJ,
    Frame,
    Tree,
    in_places,
    nominal_head,
    reduced_relative_object,
    recipient_preps,
    is_passive,
    match_noun,
    match_verb,
    names_word,
    objects_of,
    passive_subjects,
    reciprocal_object,
    subject_of,
)

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
THREATEN_BY_MODE = {"expel": ("expel", "136"), "arrest": ("arrest", "132"), "seize": ("territory", "1382"),
                    "deport": ("expel", "136")}  # threatening deportation (fourteenth round, conflict)


AMOUNT_NOUNS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rouble", "ruble", "million", "billion", "trillion",
                          "tonne", "ton", "amount", "sum", "worth", "package", "batch", "shipment", "round", "tranche"})
# Patient light verbs of an attack that are as often figurative ("came under fire from critics"): an event only
# when what comes under attack is a place, a target or armed forces ("the convoy came under fire").
PLACE_PATIENT_VERBS = frozenset({"come", "suffer"})
# What a party claims for an act it says it did: the act is coded with the claimant as actor (docs/annotation.md,
# "claiming responsibility: the act, asserted").
CREDIT_NOUNS = frozenset({"responsibility", "credit"})
ASPECT_NOUNS = frozenset({"launch", "start", "beginning", "resumption", "escalation", "expansion", "continuation",
                          "extension", "renewal", "intensification", "onset", "outbreak"})


def _event_object(tree: Tree, o: int, lex: Lexicon, verb: str) -> tuple[int, NounEntry] | None:
    """The event noun a light verb takes: its object, the 'of' noun of a quantity ("$5 million of aid"), or the
    'of' noun of an aspect noun, which then plays the verb ("announced the launch of an operation")."""
    ne = match_noun(tree, o, lex, verb)
    if ne is not None:
        return o, ne
    t = tree.tokens[o]
    if t.lemma.lower() in CREDIT_NOUNS:  # "claimed responsibility for the bombing": the claimant's act (guide 12.6)
        for _, a in tree.prep_args(o, ("for",)):
            ne = match_noun(tree, a, lex, verb)
            if ne is not None:
                return a, ne
        return None
    if t.lemma.lower() in AMOUNT_NOUNS:  # "85 million dollars in humanitarian assistance"
        for _, a in tree.prep_args(o, ("in", "of", "worth")):
            ne = match_noun(tree, a, lex, verb)
            if ne is not None:
                return a, ne
    if t.lemma.lower() in ASPECT_NOUNS:
        for _, a in tree.prep_args(o, ("of",)):
            ne = match_noun(tree, a, lex, t.lemma.lower())
            if ne is not None:
                return a, ne
    if t.pos in ("NUM", "NOUN", "SYM"):
        for _, a in tree.prep_args(o, ("of",) if t.pos == "NOUN" else ("of", "in")):
            ne = match_noun(tree, a, lex, verb)
            if ne is not None:
                return a, ne
    return None


# Orders to a foreign state's diplomats to go are an expulsion (fourteenth round, wordings: "expelled two diplomats"
# was SANCTION/expel, "ordered two diplomats to leave" a request).
ORDERING = frozenset({"order", "tell", "instruct", "direct"})
DEPARTING = frozenset({"leave", "depart", "quit", "exit", "go"})
EXPULSION = Code("SANCTION", "expel", "166")

# Words that make "pushed to ..." a movement, not a request ("pushed forward to retake the town").
_MOTION = frozenset({"forward", "ahead", "on", "back", "through", "deeper", "into", "toward", "towards", "out"})


def _purpose_comp(tree: Tree, v: int, lex: Lexicon) -> int | None:
    """A to-infinitive the parser hung as a purpose clause with no subject of its own: the complement asked for
    ("pushed to expel U.S. forces" parsed like "pushed to oust U.S. forces"; fourteenth round, wordings), unless
    the verb moves ("pushed forward to retake the town") or armed men push ("the rebels pushed to seize the base":
    a drive, no request)."""
    toks = tree.tokens
    if any(toks[k].lower in _MOTION and (toks[k].dep in ("advmod", "prt") or toks[k].dep == "prep" and not tree.kids[k])
           for k in tree.kids[v]):  # "pushed on", not "threatened on Monday to ..."
        return None
    if any(crowd_of(tree, a, lex.cue("forces") | ARMED) for a in subject_of(tree, v)):
        return None
    return next((c for c in tree.children(v, {"advcl"}) if tree.child(c, SUBJ) is None
                 and any(toks[k].tag == "TO" for k in tree.kids[c])), None)


def verb_frames(tree: Tree, v: int, lex: Lexicon, depth: int = 0) -> list[Frame]:
    """Frames for a verb: light verb + event noun first, then the verb's own lexicon entry."""
    toks = tree.tokens
    passive = is_passive(tree, v)
    lights = lex.light.get(toks[v].lemma.lower(), ())
    if lights and any(toks[k].dep in ("oprd",) for k in tree.kids[v]):
        lights = ()  # "called the sanctions destructive": a label, not "calling" sanctions (speech.label_frames)
    m = match_verb(tree, v, lex)
    if m is not None and "pick" in m[0].flags:
        lights = ()  # a user entry naming this very object (a PETRARCH pattern) beats light verb + event noun
    obj_nodes = objects_of(tree, v) if not passive else tree.children(v, PASS_SUBJ)
    if not obj_nodes and not passive and lights:  # "the sanctions the EU imposed on Russia": the noun it modifies
        obj_nodes = [o for o in reduced_relative_object(tree, v) if toks[o].ent_type not in ("DATE", "TIME")]
    projectile = launched_projectile(tree, v, lex) if lights and (not obj_nodes or toks[v].dep == "acl") else None
    if projectile is not None:  # "rockets fired from Gaza" (launches.py)
        obj_nodes = [projectile]
    noun = tree.head(v)
    if passive and not obj_nodes and toks[v].dep == "acl" and noun is not None and not (
            toks[noun].dep == "pobj" and toks[toks[noun].head].lower == "of") and \
            match_noun(tree, noun, lex, toks[v].lemma.lower()) is not None:  # not "prisoners of war held by"
        obj_nodes = [tree.head(v)]  # "the price cap imposed by the G7": the participle's event noun is the object
    for lv in lights:
        if lv.particle and not any(toks[k].lower == lv.particle for k in tree.kids[v]):
            continue
        cands = tree.conjuncts(obj_nodes[0]) if obj_nodes else []  # "dispatched firefighters and medical supplies"
        if cands and not passive:
            cands += [c for c in _stray_objects(tree, v, cands) if c not in cands]
        direct: list[int] = []
        if lv.particle and not passive:  # "engaged the rebels in fighting": the noun in the particle's phrase
            particle_objs = [a for _, a in tree.prep_args(v, (lv.particle,)) if a not in cands]
            if particle_objs:
                direct = [x for d in tree.children(v, {"dobj"}) for x in tree.conjuncts(d)]
                cands = cands + particle_objs
        for o0 in cands:
            hit = _event_object(tree, o0, lex, toks[v].lemma.lower())
            if hit is None and toks[o0].lemma.lower() in AMOUNT_NOUNS:  # "announced $85 million in aid"
                hit = next(((a, ne) for _, a in tree.prep_args(v, ("in",))
                            if (ne := match_noun(tree, a, lex, toks[v].lemma.lower())) is not None), None)
            if hit is None:
                continue
            o, ne = hit
            code = lv.overrides.get(ne.words[-1], ne.code)
            if not lv.keeps(code):
                continue  # "has weapons", "issued a travel alert": not an event this light verb makes
            if ne.key in FEELING_NOUNS and not feeling_target(tree, o, v, lex):
                continue  # "expressed concern for the hostages", "anger over rising prices": no party disapproved
            joint = any(toks[k].lower in ("joint", "combined") for k in tree.kids[o]) or (
                ne.code.event == "COOPERATE" and bool(tree.prep_args(o, ("with",)) + tree.prep_args(v, ("with",))))
            if ne.code.event == "COOPERATE" and (joint or len(subject_of(tree, v)) > 1):
                code = ne.code  # "joint exercises", "India and France conducted drills": cooperation
            subj = subject_of(tree, v) if not passive else [x for _, a in tree.prep_args(v, ("by",)) for x in tree.conjuncts(a)]
            hit_places: tuple[int, ...] = ()
            if projectile is not None and o == projectile:
                subj = launchers(tree, v, o)
                hits, hit_places = impact(tree, o, v)
                rcpt_extra = [x for x in hits if x not in subj]
            else:
                rcpt_extra = []
            noun_actor = [k for k in tree.kids[o] if toks[k].dep in ("poss", "amod", "compound")
                          and toks[k].pos in ("PROPN", "ADJ", "NOUN", "PRON")]
            by_from = [x for _, a in tree.prep_args(o, ("from", "by")) + tree.prep_args(v, ("from", "by"))
                       for x in tree.conjuncts(a)]  # "drew condemnation from Jordan and Egypt": both
            rcpt = recipient_preps(tree, o) + recipient_preps(tree, v) + tree.children(v, {"dative"}) + rcpt_extra
            rcpt += [d for d in direct if d != o and o not in tree.conjuncts(d)]
            if code.event == "RETREAT":
                rcpt += [x for _, a in tree.prep_args(o, ("from",)) for x in tree.conjuncts(a)]
            if code.event in ("ASSAULT", "COERCE"):  # "mounted an invasion of Lebanon"; "the raid that killed X"
                rcpt += [x for _, a in tree.prep_args(o, ("of",)) for x in tree.conjuncts(a)] + struck_parties(tree, o)
            if code.event in ("AID", "SUPPORT"):  # "sent aid for the flood victims", "voiced support for Kyiv"
                rcpt += [x for _, a in tree.prep_args(o, ("for",)) for x in tree.conjuncts(a)]
            if code.event == "ACCUSE":  # "voiced criticism of NATO", "expressed condemnation of the junta"
                rcpt += [x for _, a in tree.prep_args(o, ("of",)) for x in tree.conjuncts(a)]
            content: list[int] = []
            if code.event == "REQUEST":  # "reiterated its demand that Israel ease ..."
                # a 'that' clause the parser made a relative one ("its demand that Kyiv withdraw": 'that' as the
                # object of a bare subjunctive) says what is asked, as a content clause does
                clauses = [c for c in tree.children(o, {"acl", "ccomp", "relcl"})
                           if toks[c].dep != "relcl" or is_subjunctive(tree, c)]
                rcpt += [x for c in clauses for x in subject_of(tree, c)]
                content = [k for c in clauses if is_subjunctive(tree, c) for k in tree.subtree(c)]
            between = [x for _, a in tree.prep_args(o, ("between", "among")) for x in tree.conjuncts(a)]
            if lv.role == "patient" and lv.lemma in PLACE_PATIENT_VERBS and not any(
                    place_arg(tree, x, lex) or toks[x].lemma.lower() in lex.cue("forces") for x in subj):
                continue  # "Rehman came under attack / fire from activists": criticism, not force
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
            if "-" in ne.key and o >= 2 and toks[o - 1].text == "-":  # "a sit-in" split by the parser
                start = min(start, o - 2)
            return [Frame(f"light:{lv.lemma}+{ne.key}", f"{lv.lemma} {ne.key}", code, (start, o + 1),
                          tuple(actors), tuple(recipients), v,
                          reciprocal=bool(between) or ("recip" in ne.flags and not recipients),
                          places=in_places(tree, [v, o]) + hit_places, absorbed=tuple(content))]
    if (barred := barred_party(tree, v, lex)) is not None:
        return [barred]  # "stopped / blocked / kept the militants from entering" (barring.py)
    if m is None:
        return []
    e, prep_obj = m
    code = e.code
    absorbed: list[int] = []
    notes: list[str] = []
    objs = [prep_obj] if prep_obj is not None else objects_of(tree, v)
    if not objs and prep_obj is None and not is_passive(tree, v):
        objs = [o for o in reduced_relative_object(tree, v) if toks[o].ent_type not in ("DATE", "TIME")]
    objs = [o for o in objs if o is not None]
    recip_obj = any(reciprocal_object(tree, o) for o in objs)
    if passive:
        actors = [x for _, a in tree.prep_args(v, ("by",)) for x in tree.conjuncts(a)]
        if not actors:  # "were captured and later released by Syria": conjoined passives share their agent
            actors = [x for c in tree.children(v, {"conj"}) if is_passive(tree, c) or toks[c].tag == "VBN"
                      for _, a in tree.prep_args(c, ("by",)) for x in tree.conjuncts(a)]
        patients = passive_subjects(tree, v)  # "the pilot, who was accused by X": the pilot
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
    if e.need == "obj" and not recip_obj and not has_comp and not any(nominal_head(tree, o) for o in patients):
        return []
    if e.code.event == "REJECT" and patients and (toks[patients[0]].lemma.lower() in lex.cue("claims")
                                                  or toks[patients[0]].lower in lex.cue("claims")) \
            and not framed_objects(tree, patients[0], lex):
        return []  # "rejected reports that ...": denying a claim is not a PLOVER REJECT
    if e.lemma == "deny" and patients and (ne := match_noun(tree, patients[0], lex)) is not None and \
            ne.code.event in DENIED_ACTS:
        return []  # "denied the attack": a denial of an act is a statement (the act is not coded), no REJECT
    if "force" in e.flags and patients and not any(deployable(tree, p, lex) for p in patients):
        return []
    if "notforce" in e.flags and patients and any(
            toks[p].lemma.lower() in lex.cue("forces") or toks[p].lower in lex.cue("forces") for p in patients):
        return []  # "inspected the troops": a leader reviewing their own forces
    if e.code.event == "RETREAT" and e.code.mode == "withdraw" and not passive and not objs and not \
            tree.prep_args(v, ("from", "to", "into")) and actors and not any(
                toks[a].lemma.lower() in lex.cue("forces") or toks[a].ent_type in ("GPE", "NORP", "ORG")
                or toks[a].lemma.lower() in ("government", "army", "military", "regime", "administration")
                for a in actors):
        return []  # "ElBaradei withdrew (from the race)": a person stepping back is no military retreat
    comp = tree.child(v, {"xcomp"}) or (None if passive else _purpose_comp(tree, v, lex))
    if "needcomp" in e.flags and not (comp is not None and any(toks[k].tag == "TO" for k in tree.kids[comp])) \
            and ("tocomp" in e.flags or not [o for _, o in tree.prep_args(v, ("for", "on"))
                                            if toks[o].ent_type not in ("DATE", "TIME")]):
        return []  # "pressed his forehead", "pressed him": a request needs what is asked ("pressed X to ...")
    if "subjunctive" in e.flags:  # "Russia suggested he return to Washington": a request to the clause's subject
        comp = next((c for c in tree.children(v, {"ccomp"}) if is_subjunctive(tree, c)), None)
        if comp is None or passive:
            return []
        inner = verb_frames(tree, comp, lex, depth + 1) if depth < 3 else []
        code = refine_code(e.code, inner[0].code) if inner else e.code
        return [Frame(f"svo:verb={e.key}+subjunctive", e.key, code, (v, v + 1), tuple(subject_of(tree, v)),
                      tuple(tree.conjuncts(tree.child(comp, SUBJ))), v, absorbed=tuple(tree.subtree(comp)),
                      require_recipient=True, notes=("a suggestion that another party act is a request",))]
    if "forcesubj" in e.flags and (passive or not any(crowd_of(tree, a, lex.cue("forces")) for a in actors)
                                   or not any(place_arg(tree, p, lex) for p in objs)):
        return []  # "the delegation entered Gaza", "troops entered service": only forces going into a place deploy
    if "crowdonly" in e.flags and not any(crowd_of(tree, a, lex.cue("protesters")) for a in actors):
        return []  # "leaders gathered in Brussels": only demonstrators gathering protest
    if "retort" in e.flags and (passive or not is_retort(tree, v, actors, lex)):
        return []  # "troops fired back", "hit back with air strikes": fire returned, not words
    if "retort" in e.flags and tree.children(v, {"ccomp"}):
        code = Code("ACCUSE", "allege", "112")  # "fired back that Washington was plotting": a counter-allegation
        notes.append("a retort that states what the other party did alleges it")
    bodies = [a for _, a in tree.prep_args(v, ("to",))] if "referral" in e.flags else []
    if "referral" in e.flags and (passive or not any(names_word(tree, b, lex.cue("investigators")) for b in bodies)):
        return []  # "referred to the attack", "referred him to a doctor": no investigation opened
    if "intrans" in e.flags and not passive and tree.child(v, OBJ) is not None:
        return []  # "demonstrated a willingness": only the intransitive verb is a protest
    if "person" in e.flags and not any((toks[a].pos == "PROPN" and toks[a].ent_type not in ("GPE", "NORP", "ORG", "LOC")
                                         or toks[a].lemma.lower() in lex.cue("agents"))
                                        and toks[a].lemma.lower() not in lex.cue("forces") for a in actors):
        # "India flew field hospitals to Iskenderun", "Police arrived in a convoy" are no visits: a person or an
        # official travels, forces are deployed
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
        code = {"ACCUSE": Code("PROTEST", "demo", "141"), "ASSAULT": Code("PROTEST", "riot", "145"),
                "MOBILIZE": Code("PROTEST", "demo", "141")}.get(e.code.event, Code("PROTEST", "obstruct", "144"))
        notes.append("a crowd as subject makes it a PROTEST")
    recipients = [] if recip_obj else list(patients)
    require_rcpt = e.need == "rcpt" or ("recip" in e.flags and bool(objs) and not recip_obj and prep_obj is None)
    if prep_obj is not None and e.code.event in ("AGREE", "REQUEST", "REJECT"):
        ne = match_noun(tree, prep_obj, lex)  # "agreed to a ceasefire", "called for sanctions"
        if ne is not None:
            code = refine_code(code, ne.code)
            notes.append(f"refined by '{toks[prep_obj].text}'")
    if e.code.event in ("REQUEST", "REJECT", "AGREE", "THREATEN", "CONSULT") and patients:
        ne = match_noun(tree, patients[0], lex)
        if ne is not None:
            code = refine_code(code, ne.code)
            if code.event != e.code.event:
                require_rcpt = False
            notes.append(f"refined by object '{toks[patients[0]].text}'")
            # "demanded an apology from Tokyo": the one asked; "the withdrawal of troops from Mali": a place left
            sources = ("by",) if ne.code.event in LEAVING else ("from", "by")
            recipients = recipients + [x for _, a in tree.prep_args(patients[0], RECIPIENT_PREPS + sources)
                                       for x in tree.conjuncts(a)]
    if e.code.event == "REQUEST" and not passive:  # "demanded that the US cancel ...": the US is asked
        for c in tree.children(v, {"ccomp"}):
            recipients += [x for x in subject_of(tree, c) if x not in recipients]
    if "xcomp" in e.flags:
        comp = tree.child(v, {"xcomp"})
        if comp is None:
            comp = _purpose_comp(tree, v, lex)
        if comp is None:
            for _, a in tree.prep_args(v, ("to", "for", "on")):
                ne = match_noun(tree, a, lex)
                if ne is not None:
                    code = refine_code(code, ne.code)
                    absorbed.append(a)
                    notes.append(f"refined by '{toks[a].text}'")
                    recipients = recipients or [x for _, b in tree.prep_args(a, ("with",)) for x in tree.conjuncts(b)]
        else:
            inner = verb_frames(tree, comp, lex, depth + 1) if depth < 3 else []
            asked = bool(objs) and toks[comp].dep == "xcomp"  # "urged Russia to ...": Russia is the recipient
            comp_lemma = toks[comp].lemma.lower()
            gathering = gathering_object(tree, comp, lex)
            if e.code.event in ("REJECT", "AGREE") and comp_lemma in lex.cue("comment_verbs") and not gathering \
                    and not (inner and inner[0].code.event not in ("CONSULT",)):
                return []  # "declined to comment", "agreed to testify": talk, not a refusal or a commitment
            if gathering and not inner and e.code.event in ("REJECT", "AGREE"):
                # "declined to attend the state dinner", "agreed to take part in the summit": a meeting refused or
                # promised
                code = refine_code(code, Code("CONSULT", None, "040"))
                notes.append(f"'{toks[comp].text}' a gathering is a meeting")
            if e.code.event == "AGREE" and e.obj == "offerables" and not inner and not cooperative_object(
                    tree, comp, lex, e.key == "offer"):
                return []  # "vowed to be relentless", "offered to guide the visitors": no commitment to a party
            if e.lemma in ORDERING and comp_lemma in DEPARTING and objs and all(
                    crowd_of(tree, o, lex.cue("staff")) and not own_people(tree, o) for o in objs):
                code = EXPULSION  # "ordered two diplomats to leave": an expulsion, as "expelled two diplomats"
                notes.append(f"diplomats ordered to '{toks[comp].text}' are expelled")
            elif inner and code.event == "AGREE" and inner[0].entry.startswith("vote "):
                code = inner[0].code  # "pledged to vote for the deal": the vote declares the support now
                notes.append(f"a pledge to '{toks[comp].text}' for something declares support (a vote)")
            elif inner and code.event == "AGREE" and inner[0].code.event == "REQUEST":
                notes.append(f"a promise to '{toks[comp].text}' (ask for something) stays a promise")
            elif inner and code.event == "AGREE" and any(toks[k].dep == "neg" for k in tree.kids[comp]):
                notes.append(f"a promise not to '{toks[comp].text}' is a commitment to restraint, not a threat")
            elif inner and code.event == "AGREE" and e.key == "offer" and inner[0].code.event == "MOBILIZE":
                code = OFFERED_FORCES  # "offered to send police officers to lead the mission": help, not a threat
                notes.append(f"forces offered ('{toks[comp].text}') are protection offered to another party")
            elif not inner and code.event == "REQUEST" and comp_lemma in lex.cue("assistance_acts"):
                code = refine_code(code, COOPERATION)  # "asked the world to join in the effort": help is asked for
                notes.append(f"asked to '{toks[comp].text}': an appeal for cooperation")
            elif inner:
                code = refine_code(code, inner[0].code)
                notes.append(f"refined by '{toks[comp].text}'")
                if not asked:
                    recipients = list(recipients) + [r for r in inner[0].recipients if r not in recipients]
            elif not asked:
                if code.event == "THREATEN" and (plain := _plain_entry(lex, comp_lemma)) is not None:
                    # "threatened to arrest anyone who marches": what is threatened is the verb's act even when
                    # its object is no party (the mode is the content of the threat, manual)
                    code = refine_code(code, plain.code)
                    notes.append(f"a threat to '{toks[comp].text}'")
                comp_objs = objects_of(tree, comp)
                recipients = list(recipients) + comp_objs + recipient_preps(tree, comp)
                for o in comp_objs:  # "threatened to break relations with Russia"
                    recipients += [r for r in recipient_preps(tree, o) if r not in recipients]
                for k in tree.children(comp, {"attr"}):  # "vowed to be a firm supporter of Japan"
                    recipients += [x for _, a in tree.prep_args(k, ("of", "to")) for x in tree.conjuncts(a)
                                   if x not in recipients]
            absorbed.extend(tree.conjuncts(comp))
    asked_comp, asked = None, []
    if "ask" in e.flags and not passive:
        if objs and tree.child(v, {"xcomp"}) is not None:
            asked_comp, asked = tree.child(v, {"xcomp"}), objs
        for c in tree.children(v, {"ccomp"}):  # parsed as "wants [Putin to attack ...]"
            if any(toks[k].tag == "TO" for k in tree.kids[c]) and tree.child(c, SUBJ) is not None:
                asked_comp, asked = c, tree.conjuncts(tree.child(c, SUBJ))
    if e.particle == "for" and e.code.event == "REQUEST" and not passive:
        for c in tree.children(v, {"advcl", "ccomp"}):  # "called for the EU to impose sanctions"
            if any(toks[k].dep == "mark" and toks[k].lower == "for" for k in tree.kids[c]) and any(
                    toks[k].tag == "TO" for k in tree.kids[c]) and tree.child(c, SUBJ) is not None:
                asked_comp, asked = c, tree.conjuncts(tree.child(c, SUBJ))
    if "askonly" in e.flags and (asked_comp is None or not all(party_like(tree, a, lex) for a in asked)):
        # "Russia expects talks", "expect the tougher side of his policy to take the spotlight": only a party expected
        # to act is asked something
        return []
    if asked_comp is not None:
        # "Obama wants Putin to attack Switzerland": a request to the asked actor, refined by the complement
        inner = verb_frames(tree, asked_comp, lex, depth + 1) if depth < 3 else []
        if "askonly" in e.flags and not expected_act(tree, asked_comp, inner, lex) or wished_fortune(tree, asked_comp):
            return []  # "expects Iran to retaliate", "wanted X to win": a forecast or a wish, not a demand
        code = refine_code(e.code, inner[0].code if inner else COOPERATION) if inner or toks[asked_comp].lemma.lower() in \
            lex.cue("assistance_acts") else e.code
        # "asked the world to join", "urged the international community to act": a request to no party in particular
        generic = all(generic_party(tree, a, lex) for a in asked)
        return [Frame(f"svo:verb={e.key}+complement", e.key, code, (v, v + 1), tuple(actors), tuple(asked), v,
                      absorbed=tuple(tree.conjuncts(asked_comp)), notes=("an actor asked to act: REQUEST",),
                      require_recipient=not generic)]
    if e.need and e.need not in ("obj", "rcpt"):
        args = [x for h in [v] + objs for _, a in tree.prep_args(h, (e.need,)) for x in tree.conjuncts(a)]
        if not args and e.need == "with":
            args = topic_partners(tree, v)
        if not args and not ("recip" in e.flags and len(actors) > 1):
            return []
        # "discussed the idea with Putin", "shared intelligence with Kyiv": the object is the topic or the thing
        # shared; the party is the one in the P phrase. "Putin and I discussed a cyber unit": a joint act
        recipients = args
        require_rcpt = require_rcpt and bool(args)
    else:
        # "provided assistance to Ukraine": the recipient hangs off the verb or off its object noun
        extra = recipient_preps(tree, v) + [x for d in tree.children(v, {"dative"}) for x in tree.conjuncts(d)]
        for o in objs:
            extra += recipient_preps(tree, o)
        recipients = list(recipients) + [x for x in extra if x not in recipients]
    if not recipients and not passive and ("speech" in e.flags or code.event in SPEECH_TYPES):
        # "warned in a letter to the attorney general", "urged in a letter he sent to Kline": the hearer is whom the
        # message went to
        recipients = addressees(tree, v, lex)
        if recipients:
            notes.append("the hearer is the one the letter or message was sent to")
    if "from" in e.flags:
        frm = [x for _, a in tree.prep_args(v, ("from",)) for x in tree.conjuncts(a)]
        if frm:
            recipients = frm
    elif code.event == "REQUEST" and not passive and (asked_for := objs + [a for _, a in tree.prep_args(v, ("for",))]):
        # "sought guidance from China on the dispute", "demanded answers from Moscow", "appealed for aid from
        # Britain": the party something is asked of is in the 'from' phrase of the verb or of what is asked; an
        # act of leaving asked for ("the withdrawal of troops from Ukraine") names a place there
        moves = [h for h in asked_for if (ne := match_noun(tree, h, lex)) is not None and ne.code.event in LEAVING]
        frm = [x for h in ([] if moves else [v]) + [h for h in asked_for if h not in moves]
               for _, a in tree.prep_args(h, ("from",)) for x in tree.conjuncts(a)]
        if frm:
            recipients = frm + [r for r in recipients if r not in frm]
            notes.append("the party asked is the one in the 'from' phrase")
    if e.particle == "for" and e.code.event == "REQUEST" and not passive and prep_obj is not None:
        # "pressed the United States for more aid": the direct object is the party asked
        recipients = list(recipients) + [x for o in tree.children(v, {"dobj"}) for x in tree.conjuncts(o)
                                         if x not in recipients]
    if bodies:  # "referred the matter to the inspector general": the body investigates, it is not accused
        recipients = [r for r in recipients if r not in bodies]
        notes.append("a matter referred to a body that investigates or judges opens an investigation")
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
    # fourteenth round, verbal: with no party asked, what is asked "for" is the object ("asked for help"); not in a
    # participle with no subject of its own ("when asked for help, Turkey refused": Turkey is the one asked)
    # ... and only when the asker is named ("the city asked for more support" names none, real news)
    asked_for = [] if objs or (toks[v].tag == "VBN" and not tree.children(v, SUBJ)) or not any(
        named_party(tree, x) for x in subject_of(tree, v)) else [a for _, a in tree.prep_args(v, ("for",))]
    if require_rcpt and e.need == "rcpt" and code.event == "REQUEST" and code.cameo.startswith("02") and (
            objs or asked_for) and all(names_word(tree, o, lex.cue("requestables")) for o in objs or asked_for):
        objs = objs or asked_for
        require_rcpt = False  # "urged broad international support": what is asked is named, who is asked implicit
        if any(toks[o].lemma.lower() in lex.cue("aid_objects") for o in objs):
            code = refine_code(code, Code("AID", None, "070"))  # an appeal for aid or support: REQUEST/assist
        notes.append(f"'{toks[objs[0]].text}' is asked for; the party asked is implicit")
    elif require_rcpt and code.event == "REQUEST" and objs and tree.child(v, {"xcomp"}) is not None and all(
            generic_party(tree, o, lex) for o in objs):
        require_rcpt = False  # "asked the world to join the effort": a request to no party in particular
        notes.append(f"'{toks[objs[0]].text}' is asked to act: no party in particular")
    if "recip" in e.flags and code.event == "ASSAULT" and not passive and actors and recipients:
        # "Egypt is fighting insurgents in Sinai", "clashed with police": both sides fight (annotation.md); the
        # coder moves the resolved other side into actor (coder.FIGHTING)
        notes.append(FIGHTING)
    reciprocal = recip_obj or ("recip" in e.flags and not recipients and len(actors) > 1)
    if passive and not actors and code.event == "ASSAULT" and code.mode is None:
        code = setting_code(tree, v, lex) or code  # "were killed in a gas attack": ASSAULT/unconventional
    places = in_places(tree, [v] + objs[:1])
    rule = ("passive" if passive else "svo") + f":verb={e.key}"
    checked = e.obj if not (has_comp and e.obj in ("offerables", "rejectables", "access_objects")) else None
    return [Frame(rule, e.key, code, (v, v + 1), tuple(actors), tuple(recipients), v, reciprocal=reciprocal,
                  own_patient=own, absorbed=tuple(absorbed), notes=tuple(notes), require_recipient=require_rcpt,
                  places=places, objects=tuple(patients), object_list=checked)]


SPEECH_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})


# An offer to send or deploy forces is an offer of protection (CAMEO 0334), not the threat a vow of force is.
OFFERED_FORCES = Code("AGREE", "peacekeeping", "0334")
COOPERATION = Code("COOPERATE", None, "060")  # what an appeal to help, join or cooperate asks for

FIGHTING = "fighting and clashes have every side as actor"

# Acts of leaving or moving whose 'from' phrase names a place, not a party asked ("demanded the withdrawal of
# troops from Ukraine")
LEAVING = frozenset({"RETREAT", "MOBILIZE", "COERCE", "ASSAULT"})

DENIED_ACTS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN", "ACCUSE"})


def _plain_entry(lex: Lexicon, lemma: str):
    """A verb's own entry with no particle and no object it must pick ("arrest" -> COERCE/arrest), or None."""
    return next((e for e in lex.verbs.get(lemma, ()) if e.particle is None and "pick" not in e.flags), None)


def refine_code(matrix: Code, comp: Code) -> Code:
    if matrix.event == "AGREE" and comp.event in CONFLICT_TYPES | {"THREATEN", "REJECT"}:
        # "vowed to fight", "pledged to veto the resolution": a promise of a conflictual act is a threat
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


def _stray_objects(tree: Tree, v: int, objs: list[int]) -> list[int]:
    """A second object the parser hung elsewhere: "sparked fury among lawmakers and an outcry from rights groups"
    (the outcry a conjunct of the verb, or of 'lawmakers' in the first object's phrase). Only a noun with no
    subject of its own; the caller keeps it only when it is an event noun ("generals and admirals" name none)."""
    toks = tree.tokens
    heads = [v] + [a for o in objs for _, a in tree.prep_args(o, ("among", "from", "in", "across"))]
    return [c for h in heads for c in tree.children(h, {"conj"}) if toks[c].pos == "NOUN"
            and not tree.children(c, SUBJ)]
