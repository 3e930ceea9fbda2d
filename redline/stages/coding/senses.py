"""Sense checks on coded frames that need the resolved parties: figurative objects of violent verbs, meetings
with one's own people, visits inside one's own country, captures by the police.

Each check is a pure function of the sentence tree and the frame's arguments; the coder calls them and records
the reason in its trace (explain) or in `Document.skipped`.
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import Frame, Tree, names_word

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
POSSESSIVE = frozenset({"his", "her", "its", "their", "our", "my"})
# Possessed nouns that name the other side of a meeting ("met his Russian counterpart"), not one's own people.
OTHER_SIDE = frozenset({"counterpart", "counterparts", "host", "hosts", "guest", "guests", "visitor", "visitors",
                        "opposite", "interlocutor", "interlocutors", "partner", "partners", "ally", "allies",
                        "neighbour", "neighbours", "neighbor", "neighbors", "rival", "rivals"})


def intangible_object(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'captured a sentiment', 'seized the moment', 'captured the imagination': every object of the violent or
    coercive verb is intangible (cues.toml `intangibles`), so the verb is figurative."""
    if not f.rule.startswith("svo") or not f.objects:
        return False
    words = lex.cue("intangibles")
    if " " in f.entry and all(names_word(tree, o, lex.cue("political_processes")) for o in f.objects):
        return False  # "meddled in the vote", "interfered with the ballot": a prepositional verb's process is real
    counted = lex.cue("quantity") | {"percent", "%", "share", "portion", "fraction", "half", "third", "quarter"}

    def judged(o: int) -> list[int]:  # eighteenth round: "captured 20 percent of the income", "a majority of towns"
        ofs = [a for _, a in tree.prep_args(o, ("of",))]
        return ofs if ofs and (tree.tokens[o].pos == "NUM" or tree.tokens[o].lemma.lower() in counted) else [o]
    # an "-ism" is a doctrine or a practice: "fighting American imperialism", "battling extremism" (eighth round)
    return all(names_word(tree, o, words) or (tree.tokens[o].pos == "NOUN" and tree.tokens[o].lower.endswith("ism"))
               for x in f.objects for o in judged(x))


def own_people(tree: Tree, head: int) -> bool:
    """A group the actor possesses: 'his military chiefs', 'officials from his party', 'her cabinet' (not 'his
    Russian counterpart', the other side)."""
    toks = tree.tokens
    if toks[head].lemma.lower() in OTHER_SIDE or toks[head].lower in OTHER_SIDE:
        return False
    for n in [head] + [a for _, a in tree.prep_args(head, ("from", "of"))]:
        if any(toks[k].dep == "poss" and toks[k].lower in POSSESSIVE for k in tree.kids[n]):
            return True
    return False

# Groups one commands or employs ("asked his staff", "ordered her ministers"): asked, they make a request internal.
OWN_GROUPS = frozenset({"staff", "aide", "adviser", "advisor", "official", "minister", "cabinet", "chief", "commander",
                        "general", "troop", "force", "soldier", "follower", "supporter", "member", "team", "party",
                        "government", "administration", "subordinate", "deputy", "lawyer", "service", "agency",
                        "department", "ministry", "envoy", "diplomat", "negotiator", "officer", "employee", "worker",
                        "colleague", "secretary", "attorney", "people", "citizen", "loyalist", "militant", "fighter"})


def _possessed(tree: Tree, h: int) -> int:
    """The noun a possessive recipient stands in ("his" in "asked his staff" -> "staff"), else h itself."""
    g = tree.head(h)
    return g if h >= 0 and g is not None and tree.tokens[h].dep == "poss" else h


def _own_group(tree: Tree, h: int) -> bool:
    """A resolved recipient that is the actor's own people: 'his staff' as a mention, or the possessive 'his' of
    a group noun ('asked his aides'; not 'insisted on its demands', where the possessed noun is the act)."""
    p = _possessed(tree, h)
    return own_people(tree, p) and (p == h or tree.tokens[p].lemma.lower() in OWN_GROUPS)


# One's own bodies meeting: "a cabinet meeting", "a staff meeting", "a caucus meeting" (not "a Security Council
# meeting", where states meet).
OWN_BODIES = frozenset({"cabinet", "staff", "caucus", "politburo", "family"})


def internal_meeting(tree: Tree, f: Frame, actor_codes: set[str], recipients) -> bool:
    """A meeting or call only with the actor's own people: 'held an emergency meeting of his security chiefs',
    'spoke to officials from his party'. Recipients are the frame's resolved arguments (`.head`, `.entity`)."""
    if f.code.event not in ("CONSULT", "REQUEST") or f.code.mode in ("visit", "third-party"):
        return False  # "asked his staff to begin an investigation" is internal too
    # "spoke to officials from his party": the parser may hang the 'from' phrase on the verb
    from_own = any(own_people(tree, a) for _, a in tree.prep_args(f.base, ("from",)))
    own = [r for r in recipients if (_own_group(tree, r.head) or from_own)
           and (r.entity.code is None or r.entity.code in actor_codes)]
    if recipients:
        return len(own) == len(recipients)
    if f.code.event == "REQUEST":  # "asked his staff to ...": no mention, but the actor's own people
        asked = list(f.recipients) or tree.children(f.base, {"dobj", "dative"})
        asked = [r for r in asked if not f.trigger[0] <= r < f.trigger[1]]  # "reiterated its demand": the act itself
        return bool(asked) and all(own_people(tree, r) and tree.tokens[r].lemma.lower() in OWN_GROUPS
                                   for r in asked)  # "insisted on its demands that ...": a demand is no group
    if not f.rule.startswith("light:"):
        return False
    noun = f.trigger[1] - 1  # "a meeting of his military chiefs", "talks with her ministers"
    if not recipients and any(tree.tokens[k].dep in ("compound", "amod") and tree.tokens[k].lower in OWN_BODIES
                              for k in tree.kids[noun]):
        return True  # "called an emergency cabinet meeting": the actor's own body meets (twelfth round)
    parts = [a for _, a in tree.prep_args(noun, ("of", "with"))]
    return bool(parts) and all(own_people(tree, p) for p in parts)


def home_visit(tree: Tree, actor_codes: set[str], recipients) -> tuple[bool, list]:
    """(whether the visit stays inside the actor's own country, the recipients to keep: the other parties when
    there are some):
    'the president travelled to a border post in Arizona', 'Putin visited a factory in Kazan' are no CONSULT."""
    others = [r for r in recipients if r.entity.code is None or r.entity.code not in actor_codes]
    # one country travelling to places of its own; people met at home ("received ministers of the government")
    # are a domestic meeting and stay
    home = bool(recipients) and len(actor_codes) == 1 and not others and all(
        tree.tokens[r.head].ent_type in PLACE_TYPES or r.entity.sector is None for r in recipients)
    return home, others if others else recipients


# Agents of the law whatever their sector in the knowledge base ("authorities" is GOV): their captures are arrests.
LAW_ENFORCERS = frozenset({"authority", "authorities", "police", "policeman", "policemen", "gendarme",
                           "gendarmerie", "prosecutor", "prosecutors"})
FIRE = frozenset({"fire", "gunfire", "shot", "shots", "volley"})
MODALS_OF_COMMITMENT = frozenset({"will", "would", "shall", "should", "must", "'ll", "wo"})


def object_sense(tree: Tree, f: Frame, sectors: set[str | None], lex: Lexicon) -> Code | None:
    """The sense a verb takes from its object or actor: 'returned fire' is an attack (not a handover); a capture
    (ASSAULT/abduct in the lexicon) by the police is an arrest ('was captured by police')."""
    if f.code.event == "RETREAT" and f.entry == "return" and any(names_word(tree, o, FIRE) for o in f.objects):
        return Code("ASSAULT", None, "190")
    if f.code.event != "ASSAULT" or f.code.mode != "abduct":
        return None
    if "COP" in sectors or (any(tree.tokens[a].lemma.lower() in LAW_ENFORCERS for a in f.actors) and f.objects
                            and all(_person(tree, o) for o in f.objects)):
        return Code("COERCE", "arrest", "173")  # "authorities captured him in July": a person taken by the law
    return None  # a captured town stays an act of war (ASSAULT), as CASE 2021 codes battles for places


PUNITIVE_NOUNS = frozenset({"restriction", "restrictions", "curb", "curbs", "ban", "bans", "limit", "limits"})
STATE_SECTORS = frozenset({None, "GOV", "BUS"})
ARMED = frozenset({"MIL", "REB", "IMG", "UAF", "SPY"})


def restriction_sense(tree: Tree, f: Frame, actors, recipients) -> Code | None:
    """Restrictions take their sense from who lays them on whom (annotation guide: repression is COERCE,
    punishment of another state SANCTION):
    'imposed restrictions on Russia', 'imposed curbs on Chinese firms' - restrictions one state lays on another
    state or its firms are a sanction (SANCTION/discontinue); a curfew or ban on one's own people stays COERCE;
    'rebels cut the city off from supplies' - forces cutting a place off is a siege (COERCE/restrict), not a cut
    in relations."""
    codes = {a.entity.code for a in actors if a.entity.code}
    if f.code.event == "COERCE" and f.code.mode == "restrict" and f.rule.startswith("light:") and \
            tree.tokens[f.trigger[1] - 1].lemma.lower() in PUNITIVE_NOUNS and codes and recipients and all(
            r.entity.code and r.entity.code not in codes and r.entity.sector in STATE_SECTORS for r in recipients):
        return Code("SANCTION", "discontinue", "163")
    if f.code.event == "SANCTION" and tree.tokens[f.base].lemma.lower() == "cut" and actors and \
            all(a.entity.sector in ARMED for a in actors):
        return Code("COERCE", "restrict", "191")
    return None


# Nineteenth round, speech: police and soldiers blocking ("police blocked all roads to the stadium", "soldiers blocked
# hundreds of migrants at the border", "police blocked journalists from talking to the refugees") refuse no party's
# proposal: people kept back are restricted (COERCE/restrict); routes and entrances closed by the police are a
# cordon (no event), closed by armed forces a restriction too. A legislature or a government blocking a sale or a
# bill stays REJECT, protesters blocking a road stay PROTEST (verbs.txt flag crowd).
BLOCKERS = frozenset({"COP", "MIL"})
ROUTES = frozenset({"road", "roads", "street", "streets", "entrance", "entrances", "trail", "route", "routes", "path",
                    "highway", "highways", "access", "traffic", "gate", "gates", "way", "lane", "lanes", "exit",
                    "exits", "junction", "intersection", "square"})


def forces_blocking(tree: Tree, f: Frame, sectors: set[str | None]) -> Code | None | bool:
    """What police or soldiers blocking is: COERCE/restrict (people, or a route closed by armed forces), False for
    a route closed by the police (a cordon: no event), None when the frame is no such blocking."""
    toks = tree.tokens
    if f.code.event != "REJECT" or toks[f.base].lemma.lower() != "block" or not sectors & BLOCKERS:
        return None
    objs = list(f.objects) or tree.children(f.base, {"dobj"})
    if objs and all(names_word(tree, o, ROUTES) for o in objs):
        return Code("COERCE", "restrict", "172") if "MIL" in sectors else False
    if objs and all(_person(tree, o) for o in objs):
        return Code("COERCE", "restrict", "172")
    return None


def _person(tree: Tree, o: int) -> bool:
    """A person or people as object: a named person, a personal pronoun, or a common noun that is no place or
    position ("captured him", "captured two suspects"; not "captured Aleppo", "captured the town")."""
    t = tree.tokens[o]
    if t.ent_type == "PERSON" or (t.pos == "PRON" and t.lower not in ("it", "that", "this", "which")):
        return True
    return t.pos == "NOUN" and t.lemma.lower() not in PLACE_NOUNS


PLACE_NOUNS = frozenset({"town", "city", "village", "territory", "area", "region", "base", "airport", "port",
                         "position", "positions", "hill", "district", "province", "capital", "border", "crossing",
                         "bridge", "building", "ship", "vessel", "tanker", "boat", "aircraft", "plane", "drone",
                         "weapon", "cache", "shipment", "cargo", "land", "field", "oilfield", "road", "highway"})


def personal_withdrawal(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'withdrew from consideration', 'withdrew his name', 'pulled out of the race': a candidate stepping back is
    no RETREAT of forces or concession to a party."""
    if f.code.event != "RETREAT":
        return False
    words = lex.cue("candidacies")
    args = list(f.objects) + [a for _, a in tree.prep_args(f.base, ("from", "of", "out"))]
    return any(names_word(tree, a, words) for a in args)


def partnerless_ties(tree: Tree, f: Frame, actor_codes: set[str], recipients) -> bool:
    """'seeks to restore diplomatic ties with a workforce': ties or relations with no second party named."""
    return f.rule.startswith("light:") and not recipients and len(actor_codes) < 2 and \
        tree.tokens[f.trigger[1] - 1].lemma.lower() in ("tie", "ties", "relation", "relations", "relationship")


def reflexive_only(tree: Tree, f: Frame) -> bool:
    """'granted himself sweeping powers', 'gave itself more time': a cooperative act given to the actor itself
    (a reflexive pronoun among its recipients) is aimed at no other party."""
    toks = tree.tokens
    return any(toks[r].pos == "PRON" and toks[r].lower.endswith(("self", "selves")) for r in f.recipients)


def opinion_agreement(tree: Tree, f: Frame) -> bool:
    """'agreed with the findings of the review', 'agreed the rockets were homemade': sharing a view is no AGREE
    event; agreeing on what someone will do ('agreed that talks would resume') stays."""
    if f.code.event != "AGREE" or f.entry not in ("agree", "agree with"):
        return False
    toks = tree.tokens
    if any(names_word(tree, a, VIEWS) for _, a in tree.prep_args(f.base, ("with",))):
        return True
    if held_view(tree, f) or disagreement(tree, f):
        return True
    comps = tree.children(f.base, {"ccomp"})
    if comps and all(_predicate(tree, c) for c in comps):
        return True  # "agree that the only solution will be political": what a thing is or will be is a view
    return bool(comps) and not any(toks[k].dep in ("aux", "auxpass") and toks[k].lower.replace("\u2019", "'") in
                                   MODALS_OF_COMMITMENT for c in comps for k in tree.kids[c])


def disagreement(tree: Tree, f: Frame) -> bool:
    """Nineteenth round, speech: "I don't agree with you, sir", "he does not agree with them all": agreeing or not
    with a person, told by a pronoun or a name, and nothing else (no "to", "on", infinitive or clause) is a view
    held, and refusing it no REJECT. "Kenya did not agree with Uganda on the border" (a party and a matter) stays."""
    toks = tree.tokens
    v = f.base
    if toks[v].lemma.lower() != "agree" or f.trigger[0] != v:
        return False
    args = [k for k in tree.kids[v] if toks[k].dep in AGREEMENT_ARGS]
    withs = [a for w, a in tree.prep_args(v, ("with",))]
    return bool(withs) and len(args) == len(withs) and all(
        toks[a].pos == "PRON" or toks[a].ent_type == "PERSON" for a in withs)


# What makes "agree" an agreement to act: to do something, on or to a thing, over terms.
AGREEMENT_ARGS = frozenset({"xcomp", "ccomp", "dobj", "advcl", "prep", "agent", "dative"})


def held_view(tree: Tree, f: Frame) -> bool:
    """Twelfth round: "agree" that only holds a view. With nothing after it and a colon next ("the ministry
    agrees:"), or in a relative clause ("the president, who we all agree is a strong leader"); and in the simple
    present with no auxiliary, with only a person agreed with ("the senator agrees with the prime minister in
    waiting"): a present "agrees to", "agrees on" or "agrees that talks will resume" is left to the other rules."""
    toks = tree.tokens
    v = f.base
    if toks[v].lemma.lower() != "agree" or f.trigger[0] != v:
        return False
    args = [k for k in tree.kids[v] if toks[k].dep in AGREEMENT_ARGS]
    if not args:
        return (v + 1 < len(toks) and toks[v + 1].text in (":", "\u2014")) or toks[v].dep == "relcl"
    if toks[v].tag not in ("VBZ", "VBP") or any(toks[k].dep in ("aux", "auxpass", "neg") for k in tree.kids[v]):
        return False
    preps = [k for k in args if toks[k].dep == "prep"]
    return bool(preps) and len(preps) == len(args) and any(toks[k].lower == "with" for k in preps) and all(
        toks[k].lower in ("with", "in") for k in preps)


def _predicate(tree: Tree, c: int) -> bool:
    """A clause that only says what something is: 'the solution will be political', 'the threat is real' (the
    copula heads the clause with an adjective or a noun after it, or the adjective or noun heads it)."""
    toks = tree.tokens
    if toks[c].lemma.lower() == "be" and toks[c].dep == "ccomp":
        return bool(tree.children(c, {"acomp", "attr"})) and not tree.children(c, {"xcomp"})
    return toks[c].pos in ("ADJ", "NOUN") and any(toks[k].dep == "cop" for k in tree.kids[c])


VIEWS = frozenset({"finding", "findings", "assessment", "view", "views", "analysis", "conclusion", "conclusions",
                   "sentiment", "statement", "remark", "remarks", "characterization", "characterisation",
                   "description", "estimate", "interpretation", "premise", "point", "argument", "idea"})


# People wanted by the police: seeking them is a search (seventh round, sample E: "seeking six accomplices").
WANTED = frozenset({"accomplice", "accomplices", "fugitive", "fugitives", "gunman", "gunmen", "attacker", "attackers",
                    "assailant", "assailants", "killer", "killers", "perpetrator", "perpetrators", "culprit",
                    "culprits", "shooter", "shooters", "bomber", "bombers", "escapee", "escapees", "witness",
                    "witnesses", "driver", "robber", "robbers", "kidnapper", "kidnappers", "abductor", "abductors"})


def manhunt(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'two suspects sought by federal authorities', 'seeking six accomplices': seeking a person is a search,
    not a request."""
    objects = list(f.objects) or (tree.children(f.base, {"dobj"}) if f.entry == "seek" else [])
    return f.entry == "seek" and bool(objects) and all(
        tree.tokens[o].ent_type == "PERSON" or names_word(tree, o, lex.cue("captives")) or names_word(tree, o, WANTED)
        for o in objects)


def advice_or_forecast(tree: Tree, f: Frame, lex: Lexicon, actor_codes: set[str], recipients) -> bool:
    """A warning with no coercive content: a forecast ('critics warn that the approach could have serious
    consequences') or safety advice to the actor's own civilians ('warned residents to stay indoors')."""
    if f.code.event != "THREATEN" or f.entry != "warn" or f.code.mode is not None:
        return False
    toks = tree.tokens
    if not any(r.entity.code for r in recipients) and _plain_statement(tree, f, lex):
        return True  # "warned the West has become naive": a judgement of a state of affairs, aimed at nobody
    for c in tree.children(f.base, {"ccomp"}):  # "could have serious consequences", not "could strike back"
        hostile = any(v.code.event in HOSTILE for v in lex.verbs.get(toks[c].lemma.lower(), ())) or any(
            toks[m].dep == "mark" and toks[m].lower in lex.cue("conditional")  # "... could cross if Serbs were attacked"
            for a in tree.children(c, {"advcl"}) for m in tree.kids[a]) or any(
            names_word(tree, x, lex.cue("forces")) for x in tree.children(c, {"nsubj"}))
        if not hostile and any(toks[k].dep == "aux" and toks[k].lower in lex.cue("possible_modals") for k in tree.kids[c]):
            return True
    if recipients:
        return all(r.entity.sector == "CVL" and (r.entity.code is None or r.entity.code in actor_codes)
                   for r in recipients)
    return bool(f.recipients) and all(names_word(tree, r, CIVILIANS) for r in f.recipients)


def _plain_statement(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """The warning's only content is a that-clause stating what is (no auxiliary of any kind, no conditional,
    no hostile or forceful verb): "warned (that) the West has become naive"."""
    toks = tree.tokens
    comps = tree.children(f.base, {"ccomp"})
    if not comps or tree.children(f.base, {"xcomp", "dative"}):
        return False
    if tree.children(f.base, {"dobj"}) and all(tree.children(c, {"nsubj", "nsubjpass"}) for c in comps):
        return False  # "warned Israel that it ...": a party is warned; "warned the West has become" is misparsed
    for c in comps:
        lem = toks[c].lemma.lower()
        if any(v.code.event in HOSTILE for v in lex.verbs.get(lem, ())) or any(
                toks[k].dep in ("aux", "auxpass", "mark", "advcl", "neg") and toks[k].lower not in ("that", "has", "have", "is", "are", "was", "were")
                for k in tree.kids[c]):
            return False
        if lem not in ("be", "become", "have", "remain", "seem", "grow", "get"):
            return False
    return True


HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "PROTEST", "REJECT"})
CIVILIANS = frozenset({"resident", "residents", "citizen", "citizens", "people", "public", "civilian", "civilians",
                       "tourist", "tourists", "traveler", "travelers", "traveller", "travellers", "motorist",
                       "motorists", "population", "inhabitant", "inhabitants"})


MEDIA_WORDS = frozenset({"times", "post", "journal", "news", "tribune", "herald", "gazette", "telegraph", "guardian",
                         "reuters", "press", "tv", "television", "radio", "bbc", "cnn", "nbc", "cbs", "abc", "fox",
                         "agency", "magazine", "newspaper", "daily", "observer", "economist", "politico", "axios"})


def media_only(tree: Tree, recipients) -> bool:
    """Every other party is an outlet the knowledge base does not know, named like one ('The Washington Times',
    'Fox News'): the talk is an interview. An unknown person stays a party of the meeting (the gold codes
    'met with world leaders' as a one-sided CONSULT)."""
    toks = tree.tokens
    return bool(recipients) and all(
        r.entity.code is None and (r.entity.sector == "JRN" or (r.head >= 0 and toks[r.head].lower in MEDIA_WORDS))
        for r in recipients)


def ballot(tree: Tree, f: Frame) -> bool:
    """'said she would vote for Trump': a vote for or against a person is an election, not a stance on a party's
    act or proposal ("pledged to vote for the deal" stays SUPPORT)."""
    return f.entry in ("vote for", "vote against") and any(
        tree.tokens[o].ent_type == "PERSON" or tree.tokens[o].lower in ("him", "her")  # "the Americans who voted for him"
        for o in (*f.objects, *f.recipients))


def framed_objects(tree: Tree, o: int, lex: Lexicon) -> list[int]:
    """The 'of'/'for' nouns of an object that only frames them ("rebuffed the prospect of talks", "backed the
    idea of sanctions"): for a sense constraint the framed noun is the object (cues.toml framings)."""
    if tree.tokens[o].lemma.lower() not in lex.cue("framings"):
        return []
    return [x for _, a in tree.prep_args(o, ("of", "for")) for x in tree.conjuncts(a)]


def self_coercion(tree: Tree, f: Frame) -> bool:
    """'restrained himself', 'confined themselves to': coercion whose only object is the actor itself (a
    reflexive pronoun) is self-restraint, no act on a party."""
    toks = tree.tokens
    return f.code.event == "COERCE" and bool(f.objects) and all(
        toks[o].pos == "PRON" and toks[o].lower.endswith(("self", "selves")) for o in f.objects)


CONDITIONS = frozenset({"if", "unless", "whether", "lest"})


def conditioned_failure(tree: Tree, v: int) -> bool:
    """Nineteenth round, speech: the verb "fail" above v heads an 'if / unless' clause or an inverted 'should' one."""
    toks = tree.tokens
    while toks[v].lemma.lower() != "fail" and toks[v].dep in ("xcomp", "ccomp", "conj") and tree.head(v) is not None:
        v = tree.head(v)
    if toks[v].lemma.lower() != "fail":
        return False
    kids = tree.kids[v]
    return any(toks[k].dep == "mark" and toks[k].lower in CONDITIONS for k in kids) or (
        toks[min([v] + kids)].lower == "should" and toks[min([v] + kids)].dep == "aux" and toks[v].dep != "ROOT")
