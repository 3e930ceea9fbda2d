"""Protests told by their outbreak, and violent protests (fourteenth round, verbal).

Outbreaks: "riots broke out in Lagos", "rioting erupted across
three Kenyan towns", "student protests spread to Basra", "demonstrations swept Iran". A protest noun (a lexicon
PROTEST noun of a fixed set: riot, rioting, protest, demonstration, uprising, and rally unless it is a rally "in"
a market, "a rally in Japanese stocks"; not strike, which "continued" as often as an offensive) as the subject of a
verb of outbreak or spread is the protest itself, asserted by the verb's tense and modality as any other.

Who protests: the noun's own modifier when it names a party ("Kurdish protests", "student riots"), else the people
of the place it broke out in ("in Lagos", "across Iran", "swept Iran": the place's civilians, as the actors stage
reads a place standing for its people). With neither, no event (no guess). The recipient is an "against" party.
The aspect verbs the nominal rules already read with a named actor ("protests began", nominal.ASPECT_VERBS) are
left to them; a frame of the same noun already found is kept.

Violent protests: the manual's PROTEST 'riot' mode is a protest whose participants mean to injure or damage. A
protest frame coded 'demo' whose noun is called violent ("violent protests broke out", "staged violent
demonstrations") or whose actor is named as rioters or a mob ("rioters gathered outside the station") is a riot
(rule "+riot"); deaths the protest suffered ("deadly protests", "bloody crackdown") make no riot. The act of violence itself (throwing stones, torching cars) is the lexicon's own.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code, Lexicon
from .tree import Frame, Tree, match_noun

# Verbs whose subject protest starts, goes on or widens; "break" only with its particle ("broke out").
OUTBREAK_VERBS = frozenset({"break", "erupt", "flare", "spread", "rage", "escalate", "sweep", "rock", "grip",
                            "engulf", "continue", "start", "begin", "resume", "intensify", "spill"})
# Verbs whose object is the place the protest swept ("protests rocked Tehran").
PLACE_OBJECT_VERBS = frozenset({"sweep", "rock", "grip", "engulf"})
PLACE_PREPS = ("in", "across", "throughout", "to", "into", "at", "around", "over")
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# The protest nouns an outbreak is told of (lexicon keys); "rally" only when not a market's.
OUTBREAK_NOUNS = frozenset({"riot", "rioting", "protest", "demonstration", "uprising", "rally"})
# Market words a rally is "in" ("a rally in Japanese stocks"), besides the lexicon's `figurative` markets list.
MARKET_WORDS = frozenset({"share", "price", "market"})
RIOT = Code("PROTEST", "riot", "145")
# Words for the protesters' own violence; "deadly" or "bloody" tell of deaths, which police may cause.
VIOLENT_MODIFIERS = frozenset({"violent", "riotous", "armed"})
RIOTERS = frozenset({"rioter", "rioters", "mob", "mobs", "looter", "looters"})


def _places(tree: Tree, v: int) -> list[int]:
    """The places the protest broke out in or swept: 'in / across / to X' phrases of the verb, the object of a
    sweeping verb; names only (a country, a city, a region)."""
    toks = tree.tokens
    found = [x for _, a in tree.prep_args(v, PLACE_PREPS) for x in tree.conjuncts(a)]
    if toks[v].lemma.lower() in PLACE_OBJECT_VERBS:
        found += [x for d in tree.children(v, {"dobj"}) for x in tree.conjuncts(d)]
    out = []
    for x in found:
        if toks[x].ent_type in PLACE_ENTS:
            out.append(x)
        else:  # "in several Kenyan towns", "across the Iranian capital": the named modifier
            out += [k for k in tree.kids[x] if toks[k].ent_type in PLACE_ENTS | {"NORP"}
                    and toks[k].dep in ("amod", "compound", "poss")]
    return out


def outbreak_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """A PROTEST frame for each protest noun that is the subject of a verb of outbreak or spread, with its actor
    from the noun's named modifier or the place it broke out in."""
    toks = tree.tokens
    taken = {f.trigger[1] - 1 for f in frames} | {f.trigger[0] for f in frames}
    out: list[Frame] = []
    for n, t in enumerate(toks):
        if t.dep != "nsubj" or n in taken or t.pos not in ("NOUN", "PROPN"):
            continue
        ne = match_noun(tree, n, lex)
        v = tree.head(n)
        if ne is None or ne.key not in OUTBREAK_NOUNS or ne.only_with or v is None:
            continue
        if ne.key == "rally" and any(toks[a].lemma.lower() in MARKET_WORDS | lex.cue("figurative")
                                     for _, a in tree.prep_args(n, ("in",))):
            continue  # "a rally in Japanese stocks spread to Seoul": a market's rise
        lemma = toks[v].lemma.lower()
        if lemma not in OUTBREAK_VERBS or toks[v].pos not in ("VERB", "AUX"):
            continue
        if lemma == "break" and not any(toks[k].dep == "prt" and toks[k].lower == "out" for k in tree.kids[v]):
            continue
        named = [k for k in tree.kids[n] if toks[k].dep in ("amod", "compound", "poss")
                 and (toks[k].ent_type in ("NORP", "GPE", "ORG") or toks[k].lemma.lower() in lex.cue("agents"))]
        places = _places(tree, v)
        if not named and not places:
            continue
        rcpt = [x for _, a in tree.prep_args(n, ("against",)) + tree.prep_args(v, ("against",))
                for x in tree.conjuncts(a)]
        start = min([n] + [k for k in tree.kids[n] if toks[k].dep == "compound" and toks[k].lower in ne.words])
        out.append(Frame(f"outbreak:{ne.key}+{lemma}", ne.key, ne.code, (start, n + 1), tuple(named or places), tuple(rcpt), v,
                         notes=("a protest that broke out or spread somewhere is the protest of that place's people",)))
    return out


def violent_protests(tree: Tree, frames: list[Frame]) -> list[Frame]:
    """Frames with a PROTEST 'demo' frame recoded as a riot when its noun is called violent or its actor is
    rioters or a mob."""
    toks = tree.tokens
    out = []
    for f in frames:
        if (f.code.event, f.code.mode) == ("PROTEST", "demo"):
            noun = f.trigger[1] - 1
            violent = toks[noun].pos == "NOUN" and any(
                toks[k].lower in VIOLENT_MODIFIERS for k in tree.kids[noun] if toks[k].dep in ("amod", "compound"))
            rioters = any(toks[a].lower in RIOTERS or toks[a].lemma.lower() in RIOTERS for a in f.actors)
            if violent or rioters:
                f = dataclasses.replace(f, code=RIOT, rule=f"{f.rule}+riot", notes=(*f.notes, "a violent protest, or one by rioters, is a riot"))
        out.append(f)
    return out
