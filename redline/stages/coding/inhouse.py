"""Acts that stay inside one side: a government's meetings, requests and rules among its own officials and forces,
and political quarrels described with the words of combat.

PLOVER codes interactions between parties. A president meeting or phoning his own ministers, advisers or security
chiefs, a commander asking his own ministry for forces, are the workings of one government, not events between parties; "the senator clashed with White House
aides" or "Congress fought back" is a political dispute, not an armed clash.

Eighth round (issue 12, sample G and the dev split's spurious rows): a government's personnel matters (a
resignation demanded, offered or accepted, an apology to one's own president, a reprimand of one's own official),
a warning that only informs one's own government ("the Justice Department warned the White House that the
adviser was open to blackmail"), and a legislature's or party's stands on its own business (a vote against a
resolution, "Senate Democrats blocked the Republicans' effort", "lawmakers demanded that Congress reassert its
powers") are the workings of one state, not acts between parties (docs/annotation.md section 2: internal
procedures, a vote in parliament).
"""

from __future__ import annotations

from ...knowledge.lexicon import Code
from .officials import ordered_own_body, pressed_official
from .senses import OTHER_SIDE
from .tree import Frame, Tree, names_word

# One government's executive: the government itself, its forces, police and intelligence services.
EXECUTIVE = frozenset({"GOV", "MIL", "COP", "SPY"})
# Sectors of political and civil life whose "fights" and "clashes" are words, not arms.
UNARMED = frozenset({"LEG", "PTY", "OPP", "ELI", "JUD", "BUS", "JRN", "EDU", "MED", "LAB", "NGO", "REL", "SOC", "AGR"})
# People a leader employs, named without a country: "met with national security advisers", "his aides".
STAFF = frozenset({"adviser", "advisor", "aide", "staff", "staffer", "cabinet", "spokesman", "spokeswoman",
                   "spokesperson", "subordinate", "deputy", "chief", "principal"})
COMBAT_WORDS = frozenset({"fight", "clash", "battle", "spar", "feud", "tussle", "wrangle", "skirmish"})
# Office-holders of one executive, former ones included (an ex-adviser is ELI): their posts are its business.
OFFICERS = EXECUTIVE | {"ELI"}
# What a leader and his officials ask, offer or accept of each other about a post or conduct.
POST_NOUNS = frozenset({"resignation", "resignations", "apology", "apologies", "dismissal", "firing", "ouster",
                        "departure", "retirement"})
POST_VERBS = frozenset({"resign", "quit", "step", "retire", "apologize", "apologise"})
# A superior's correction of a subordinate: no act between parties when both are of one government.
CORRECTIONS = frozenset({"reprimand", "rebuke", "admonish", "scold", "chastise", "discipline", "upbraid"})
# Bodies, not people: "rebuked the previous administration" is political criticism, no correction of an official.
INSTITUTIONS = frozenset({"administration", "government", "regime", "ministry", "department", "agency", "cabinet",
                          "congress", "parliament", "party", "predecessor", "predecessors"})
# What a warning threatens when it names it: "warned of consequences".
CONSEQUENCES = frozenset({"consequence", "repercussion", "retaliation", "response", "action", "sanction", "punishment",
                          "jeopardy", "reprisal", "cost", "price", "measure", "step", "force", "attack", "strike",
                          "war", "veto"})
# A legislature and the parties in it; their stands on bills, resolutions and each other are votes and debate.
CHAMBER = frozenset({"LEG", "PTY"})
LEGISLATION = frozenset({"resolution", "resolutions", "bill", "bills", "measure", "measures", "amendment",
                         "amendments", "motion", "motions", "legislation", "law", "laws", "budget", "budgets",
                         "nomination", "nominations", "nominee", "effort", "efforts",
                         "accession", "ratification", "authorization", "authorisation", "cut", "cuts", "spending",
                         "appropriation", "appropriations", "reform", "reforms"})
# What a government puts to its own legislature: bills, and plans and proposals for them.
PROPOSALS = LEGISLATION | {"plan", "plans", "proposal", "proposals"}


def _unnamed_staff(tree: Tree, r) -> bool:
    """A recipient with no country that names people a leader employs ("national security advisers"), with no
    nationality word before it ("Russian advisers" has a country and would be resolved)."""
    return r.entity.code is None and r.head >= 0 and tree.tokens[r.head].lemma.lower() in STAFF


# Bodies of an executive that a leader orders or asks when named without a country ("ordered the departments of
# defence and energy", "asked the defence ministry"); his principals are staff. Not "agency": "asked the agency to
# postpone the inspection" names the IAEA again as often as one's own.
EXECUTIVE_BODIES = frozenset({"department", "departments", "ministry", "ministries", "secretariat", "directorate",
                              "directorates"})


def _own_body(tree: Tree, r) -> bool:
    """A recipient with no country that is an executive body ("the defence ministry", ? GOV): with no other country
    named in the sentence it is the actor's own (the recipient stage gives it the actor's country). People ("any
    responsible leader") are not bodies: an obligation put on them stays."""
    return r.entity.code is None and r.head >= 0 and tree.tokens[r.head].lemma.lower() in EXECUTIVE_BODIES


def _unnamed_bodies(tree: Tree, f: Frame) -> bool:
    """The verb's object (or what is met 'with') names an executive body or a leader's staff that the actors stage
    did not take for a party ("ordered the Departments of State and Defense to review", "met with his top
    security principals"), with no nationality word on it."""
    toks = tree.tokens
    v = f.trigger[0] if f.trigger else f.base
    objs = list(tree.children(v, {"dobj"}))
    for p in tree.children(v, {"prep"}):
        if toks[p].lower == "with":
            objs += list(tree.children(p, {"pobj"}))
    return bool(objs) and all(
        toks[o].lemma.lower() in EXECUTIVE_BODIES | STAFF and not any(
            toks[k].ent_type in ("GPE", "NORP") for k in tree.kids[o]) for o in objs)


def same_government(tree: Tree, f: Frame, actors, recipients) -> bool:
    """A meeting, call, request or agreement between members of one country's executive only: the
    actor and every recipient are government, forces, police or intelligence of one and the same country
    ("the president spoke with his secretary of state", "the prime minister met ministers and security chiefs",
    "the commander requested forces from the defence ministry"). Public support for one's own general and a ban
    laid on one's own forces stay events (the real-article gold codes them).
    A legislature, a party, a court or another country among them makes it an event between parties."""
    code = f.code
    if code.event == "CONSULT":
        if code.mode in ("visit", "third-party"):
            return False
    elif code.event not in ("REQUEST", "AGREE"):
        return False  # a leader's public support for his general, or a ban on his forces, stays an event (gold)
    if actors and not recipients and code.event in ("REQUEST", "CONSULT") and all(
            a.entity.sector in EXECUTIVE for a in actors) and len({a.entity.code for a in actors}) == 1 and \
            _unnamed_bodies(tree, f) and not _foreign_named(tree, f, actors, recipients):
        return True  # thirteenth round: "ordered the Departments of State and Defense to review the program"
    if not actors or not (recipients or (len(actors) > 1 and code.event in ("CONSULT", "AGREE"))):
        return False  # "the president and his secretary agreed": the parties are all actors
    if code.event == "AGREE" and recipients:
        return False  # "the Security Council agreed to extend the mandate of its force": a decision for a party
    if not all(a.entity.sector in EXECUTIVE for a in actors):
        return False
    if any(r.head >= 0 and any(tree.tokens[h].lemma.lower() in OTHER_SIDE for h in (r.head, tree.head(r.head))
                               if h is not None) for r in recipients):
        return False  # "asked his Chinese counterpart": the other side, whatever country 'his' resolved to
    others = [r for r in recipients if not _unnamed_staff(tree, r)]  # staff with no country are one's own
    if not _foreign_named(tree, f, actors, recipients):  # "asked the defence ministry": its own, no other country
        others = [r for r in others if not _own_body(tree, r)]
    countries = {a.entity.code for a in actors}
    if not others and recipients:
        return len(countries) == 1
    if len(countries) != 1 or None in countries:
        return False
    country = next(iter(countries))
    return all(r.entity.code == country and r.entity.sector in EXECUTIVE for r in others)


# Words of an issue argued about, not ground fought over.
ISSUES = frozenset({"issue", "issues", "question", "questions", "policy", "policies", "plan", "plans", "matter",
                    "matters", "budget", "bill", "strategy", "approach", "decision", "decisions", "response",
                    "future", "direction", "handling", "number", "role", "terms", "deal", "idea", "ideas",
                    "proposal", "proposals", "reform", "reforms", "spending", "tactics", "priorities"})
# People of public life whom a politician "attacks" with words.
POLITICIANS = frozenset({"lawmaker", "lawmakers", "congresswoman", "congresswomen", "congressman", "congressmen",
                         "senator", "senators", "legislator", "legislators", "critic", "critics", "rival", "rivals",
                         "opponent", "opponents", "candidate", "candidates", "democrat", "democrats", "republican",
                         "republicans", "journalist", "journalists", "media", "press", "reporter", "reporters",
                         "judge", "judges", "governor", "mayor", "politician", "politicians", "president",
                         "opposition", "minister", "leader", "leaders", "speaker", "chairman", "chairwoman"})
# Verbs of attack that politicians use of each other; "attacked the senator with a knife" names a weapon.
VERBAL_ATTACKS = frozenset({"attack", "assail", "savage", "blast", "hit"})


def _over_issue(tree: Tree, v: int) -> bool:
    """The fight is over or on an issue, not ground: 'clashed over who should lead', 'on a number of issues'."""
    toks = tree.tokens
    for p in tree.children(v, {"prep", "prt"}):
        if toks[p].lower not in ("over", "on", "about", "regarding"):
            continue
        if not tree.children(p, {"pobj", "pcomp"}) and any(toks[k].tag in ("WP", "WRB", "WDT") or toks[k].lower == "whether"
                                        for c in tree.children(v, {"advcl", "ccomp"}) for k in tree.kids[c]):
            return True  # the parser hangs "who should ..." of "clashed over who should ..." on the verb
        for a in tree.children(p, {"pobj", "pcomp"}):
            if toks[a].dep == "pcomp" or toks[a].lemma.lower() in ISSUES or toks[a].lower in ISSUES:
                return True
    return False


def verbal_attack(tree: Tree, f: Frame) -> Code | None:
    """'Trump attacked the two congresswomen on Twitter', 'the senator assailed his rival': a named person or a
    politician attacking people of public life with words is ACCUSE/disapprove. A weapon ('with a knife'), or an
    armed or unknown attacker, keeps the attack."""
    toks = tree.tokens
    if f.code.event != "ASSAULT" or not f.rule.startswith("svo") or toks[f.base].lemma.lower() not in VERBAL_ATTACKS:
        return None
    objs = [*f.objects, *tree.children(f.base, {"dobj"})]
    if not f.actors or not objs or tree.prep_args(f.base, ("with",)):
        return None
    def public(k):  # a person's name (labelled so by the parser) or a politician; a bare name may be a country
        return toks[k].ent_type == "PERSON" or toks[k].lemma.lower() in POLITICIANS or toks[k].lower in POLITICIANS
    if not all(public(a) for a in f.actors) or not all(public(o) for o in objs):
        return None
    return Code("ACCUSE", "disapprove", "111")


def political_combat(tree: Tree, f: Frame, actors, recipients) -> bool:
    """'clashed with White House aides', 'Congress and the industry have fought back', 'battled the governor over
    the budget': a fight or clash whose every party is a legislature, party, court, business, the press or a
    person of public life (no forces, no police, no armed group, no country as such) is a political dispute.
    A government as actor is unarmed only when its opponent is: 'the government fought the rebels' stays."""
    if f.code.event != "ASSAULT" or f.code.mode is not None or not f.rule.startswith(("svo", "passive")):
        return False
    if tree.tokens[f.base].lemma.lower() not in COMBAT_WORDS:
        return False
    sectors = {a.entity.sector for a in actors}
    others = {r.entity.sector for r in recipients}
    if sectors | others <= UNARMED | {"GOV", None} and _over_issue(tree, f.base):
        return True  # "Washington and Moscow clashed over who should lead the inquiry", "clashed on issues"
    if not sectors <= UNARMED | {"GOV"} or not others <= UNARMED | {"GOV"}:
        return False
    if "GOV" in sectors and not others:
        return False  # "the government fought back": against whom is not said, it may be armed
    return bool(sectors & UNARMED) or bool(others & UNARMED)


# The civilian powers of a state: with one of them a party, a fight of its own forces is a quarrel.
CIVIL_POWERS = frozenset({"GOV", "LEG", "JUD"})


def executive_quarrel(tree: Tree, f: Frame, actors, recipients) -> bool:
    """'A clash between the president and top military leadership over the case', 'the prime minister feuded with
    his army chief', 'the military leaders aggressively fighting the senator' (tenth round: a legislature or a court
    too): a fight or clash word whose parties are a civilian power and its own forces or officials (one country) is
    a quarrel inside one state. Two armed forces of one country ("the army clashed with the paramilitary forces")
    stay: no civilian power is a party."""
    if f.code.event != "ASSAULT" or f.code.mode is not None:
        return False
    if tree.tokens[f.trigger[1] - 1].lemma.lower() not in COMBAT_WORDS:
        return False
    parties = [*actors, *recipients]
    if len(parties) < 2 or not any(p.entity.sector in CIVIL_POWERS for p in parties):
        return False
    if any(p.how == "mention inside the noun phrase" for p in parties):
        return False  # "opponents of the president clashed with his supporters": crowds, not the government
    codes = {p.entity.code for p in parties}
    return len(codes) == 1 and None not in codes and all(p.entity.sector in EXECUTIVE | CIVIL_POWERS
                                                         for p in parties)


# Money a state body asks for or pledges to find for its own budget (tenth round): "the Pentagon seeks $534
# billion for next year", "the military has begun requesting more funds", "pledging to replenish the accounts".
BUDGET = frozenset({"fund", "funds", "funding", "money", "budget", "budgets", "appropriation", "appropriations",
                    "account", "accounts", "spending", "cash", "million", "billion", "trillion", "dollar",
                    "dollars", "$"})
BUDGET_VERBS = frozenset({"seek", "request", "ask", "want", "demand", "pledge", "promise", "vow"})


def _objects_down(tree: Tree, v: int, depth: int = 3) -> list[int]:
    """Direct objects of verb v and of its to-complements ("pledging to ask to replenish the accounts")."""
    out = list(tree.children(v, {"dobj"}))
    if depth and not out:  # not through a party asked ("asked Congress to pass the budget")
        for x in tree.children(v, {"xcomp"}):
            out += _objects_down(tree, x, depth - 1)
    return out


def budget_request(tree: Tree, f: Frame, actors, recipients) -> bool:
    """A government, its forces, police or intelligence seeking, requesting or pledging money with no party named
    to give it: its own budget, an internal procedure (docs/annotation.md section 2). 'Ukraine requested funds from
    the United States' and 'asked the Chilean Congress to pass the budget' name a party and stay."""
    toks = tree.tokens
    if f.code.event not in ("REQUEST", "AGREE") or toks[f.base].lemma.lower() not in BUDGET_VERBS:
        return False
    if not actors or not all(a.entity.sector in EXECUTIVE for a in actors):
        return False
    if recipients:
        return False  # "asked the Chilean Congress to pass the budget": an appeal to a party named
    objects = _objects_down(tree, f.base) + [a for _, a in tree.prep_args(f.base, ("for",))]
    return any(toks[o].ent_type == "MONEY" or names_word(tree, o, BUDGET) or any(
        toks[k].lower in BUDGET for k in tree.kids[o] if toks[k].dep in ("nmod", "compound", "quantmod", "nummod"))
        for o in objects)


def _one_country(actors, recipients, sectors) -> str | None:
    """The one country every party belongs to when every actor and recipient has a sector among `sectors`
    (recipients may also be the country itself, with no sector), else None."""
    codes = {a.entity.code for a in actors} | {r.entity.code for r in recipients}
    if None in codes and sectors <= CHAMBER:
        codes.discard(None)  # "the Senate blocked US accession": a chamber named without its country
    if len(codes) != 1 or None in codes or not actors:
        return None
    if not all(a.entity.sector in sectors for a in actors):
        return None
    if not all(r.entity.sector in sectors or r.entity.sector is None for r in recipients):
        return None
    return next(iter(codes))


def _about_post(tree: Tree, f: Frame) -> bool:
    """The act is about another officer's post or conduct: "demanded his resignation", "asked him to step down",
    "accepted my apology", "refused to accept his resignation". One's own resignation offered, agreed to or refused
    ("offered to resign", "agreed to resign", "declined to resign") is a RETREAT announced or refused: it stays
    (the PLOVER gold codes "agreed to resign" AGREE and "declined to resign despite pressure" REJECT)."""
    toks = tree.tokens
    objs = [*f.objects, *tree.children(f.base, {"dobj", "nsubjpass"}),
            *[a for _, a in tree.prep_args(f.base, ("for", "of"))]]
    objs = [o for o in objs if not f.trigger[0] <= o < f.trigger[1]]
    if any(toks[o].lemma.lower() in POST_NOUNS or toks[o].lower in POST_NOUNS for o in objs):
        return f.code.event == "REQUEST" or toks[f.base].lemma.lower() in ("accept", "reject", "refuse")
    if f.code.event != "REQUEST":
        return False
    comps = tree.children(f.base, {"xcomp", "ccomp"})
    return any(toks[c].lemma.lower() in POST_VERBS for c in comps)  # "asked his chief of staff to resign"


def personnel(tree: Tree, f: Frame, actors, recipients) -> bool:
    """A government's personnel matters among its own officials: 'the president demanded the resignation of his
    adviser', 'accepted the resignation of her defence minister', 'apologized to the prime minister', 'accepted my apology', 'reprimanded the army chief'. Every party is an officer (government, forces,
    police, intelligence, a former official) of one and the same country, or no other party is named. Calls for
    a resignation by the opposition, protesters, a legislature or another country stay events."""
    code, lemma = f.code, tree.tokens[f.base].lemma.lower()
    if not actors or not all(a.entity.sector in OFFICERS for a in actors):
        return False
    if recipients and any(r.entity.sector not in OFFICERS for r in recipients):
        return False  # "called for Omar's resignation": a legislator (or the country itself) is another party
    if recipients and _one_country(actors, recipients, OFFICERS) is None:
        return False
    if code.event == "ACCUSE":
        objs = [*f.objects, *tree.children(f.base, {"dobj"})]
        return code.mode in (None, "disapprove") and lemma in CORRECTIONS and not any(
            tree.tokens[o].lemma.lower() in INSTITUTIONS for o in objs)
    if code.event == "CONCEDE":
        # "apologized to the president"; an apology to no one named ("drew an apology from the commander") may be
        # public, to the victims
        return lemma in ("apologize", "apologise") and bool(recipients)
    return code.event in ("REQUEST", "AGREE", "REJECT") and _about_post(tree, f)


def notice(tree: Tree, f: Frame, actors, recipients) -> bool:
    """'the Justice Department warned the White House that the adviser was vulnerable', 'intelligence officials
    warned lawmakers of Russian plans': a warning from one part of a state to another about a third party or a
    danger informs; it threatens nothing. A warning whose content is the warner's own act ('the president warned
    Congress that he would veto the bill') stays a threat."""
    if f.code.event != "THREATEN" or f.entry != "warn" or not recipients:
        return False
    codes = {a.entity.code for a in actors} | {r.entity.code for r in recipients}
    if len(codes) != 1 or None in codes:
        return False
    if any(a.entity.sector is None for a in actors) or any(r.entity.sector is None for r in recipients):
        return False  # a country as such warning ("Israel warned the United States") is not one of its parts
    toks = tree.tokens
    about = [k for c in tree.children(f.base, {"ccomp"}) for k in tree.kids[c] if toks[k].dep in ("nsubj", "nsubjpass")]
    about += [a for h in (f.base, *tree.children(f.base, {"dobj"})) for _, a in tree.prep_args(h, ("of", "about"))]
    # the content must name a third party or a danger: "that the adviser was vulnerable", "of Russian plans";
    # "warned that he would veto", "warned that you will face", "warned of consequences" stay threats
    return bool(about) and all(toks[k].pos in ("NOUN", "PROPN") and k not in f.actors and k not in f.recipients
                               and toks[k].lemma.lower() not in CONSEQUENCES for k in about)


def one_legislature(tree: Tree, f: Frame, actors, recipients) -> bool:
    """A legislature's or a party's stand on its own business: 'the Senate voted against the resolution',
    'Senate Democrats blocked the Republicans' effort to repeal the law', 'lawmakers demanded that Congress
    reassert its powers', 'the Senate blocked ratification of the treaty'. Actors are legislatures or parties of
    one country; recipients, when named, are its legislature, its parties or the country itself. A legislature
    asking the government or another country to act stays a REQUEST; sanctions voted stay (another party)."""
    if f.code.event not in ("REJECT", "REQUEST", "AGREE", "SUPPORT"):
        return False
    toks = tree.tokens
    if f.entry in ("vote for", "vote against") and actors and not any(
            a.head >= 0 and toks[a.head].ent_type in ("GPE", "NORP") for a in actors) and any(
            toks[o].lemma.lower() in LEGISLATION for o in (*f.objects, *f.recipients)):
        return True  # "she voted against a House resolution": a vote in a chamber ("Russia voted against" at the UN stays)
    if f.code.event == "AGREE" and actors and all(a.entity.sector == "GOV" for a in actors) and recipients and \
            _one_country(actors, recipients, CHAMBER | {"GOV"}) and all(r.entity.sector in CHAMBER for r in recipients):
        # "the president offered Congress a plan for military action": a bill put to one's own legislature
        objs = [*f.objects, *tree.children(f.base, {"dobj"})]
        return bool(objs) and all(toks[o].lemma.lower() in PROPOSALS for o in objs)
    if not actors or not all(a.entity.sector in CHAMBER for a in actors):
        return False
    if f.entry.startswith("agree") and not recipients:
        return True  # "lawmakers cannot agree on a new authorization", "Republicans and Democrats agreeing on a bill"
    if not recipients:
        if f.code.event == "REQUEST":
            return False  # "lawmakers called for an inquiry": whom they ask may be the government
        objs = [*f.objects, *tree.children(f.base, {"dobj"}),
                *[a for _, a in tree.prep_args(f.base, ("against", "for", "on"))]]
        return bool(objs) and all(toks[o].lemma.lower() in LEGISLATION or toks[o].lower in LEGISLATION for o in objs)
    country = _one_country(actors, recipients, CHAMBER)
    if country is None:
        return False
    if _foreign_named(tree, f, actors, recipients):
        return False  # "need for Congress to raise sanctions until Syria gives up ...": another country is at stake
    if f.code.event == "REQUEST":
        # "demanded that Congress reassert itself"; a pronoun ("told CIA officials that they needed to do more") may
        # have been resolved to the speakers themselves: it stays
        return all(r.entity.sector == "LEG" for r in recipients) and not any(toks[k].pos == "PRON"
                                                                            for k in f.recipients)
    objs = [*f.objects, *tree.children(f.base, {"dobj"}),
            *[a for _, a in tree.prep_args(f.base, ("against", "for", "on"))]]
    # "blocked the Republicans' effort", "blocked US accession to the treaty"; "rejected a proposal from deal
    # opponents to renegotiate the accord" is a stand on a deal with another country (the dev gold codes it)
    return any(r.entity.sector is None for r in recipients) or any(
        toks[o].lemma.lower() in LEGISLATION or toks[o].lower in LEGISLATION for o in objs)


def _foreign_named(tree: Tree, f: Frame, actors, recipients) -> bool:
    """A country or nationality named in the sentence that is none of the parties' own words."""
    toks = tree.tokens
    own = {a.head for a in actors} | {r.head for r in recipients}
    own |= {k for h in list(own) if h >= 0 for k in tree.kids[h]}
    return any(t.ent_type in ("GPE", "NORP") and t.i not in own for t in toks)


def drop_reason(tree: Tree, f: Frame, actors, recipients) -> str:
    """Why the frame is an act inside one side, or ""."""
    if same_government(tree, f, actors, recipients):
        return "an act among one country's own government, forces and officials only is internal"
    if political_combat(tree, f, actors, recipients):
        return "a fight or clash among politicians, parties, courts or businesses is a dispute, not combat"
    if budget_request(tree, f, actors, recipients):
        return "a state body seeking or pledging money for its own budget is an internal procedure"
    if executive_quarrel(tree, f, actors, recipients):
        return "a clash or fight between a government and its own forces or officials is a quarrel inside one state"
    if pressed_official(tree, f, actors, recipients, _foreign_named):
        return "a request or refusal among one government's own officials is internal"
    if ordered_own_body(tree, f, actors, recipients):
        return "an order of a government or its leader to one of its own bodies is an instruction inside one state"
    if personnel(tree, f, actors, recipients):
        return "a resignation, apology or reprimand among one government's own officials is a personnel matter"
    if notice(tree, f, actors, recipients):
        return "a warning from one part of a state to another about a third party informs: no threat"
    if one_legislature(tree, f, actors, recipients):
        return "a legislature's or party's stand on its own business is a vote or a debate, not an act between parties"
    return ""
