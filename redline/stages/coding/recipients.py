"""Recipients and unresolved actors: the place of the act, a nationality inside the target, the actor's own
country for domestic acts (CAMEO's conventions for unnamed targets)."""

from __future__ import annotations

import dataclasses

from ...records import Entity
from .arguments import LOCATIVE, Argument, MentionIndex, country_name, is_country, affiliation
from .nonparties import (MEASURES, PLACE_PARTY_TYPES, PLACE_TARGET_TYPES, VENUES, doings, lemma_of, thing_heads,
                         conflict_side, culprits_victims, own_things, spoken_places, topic_conflicts, venue_places)
from .authored import thing_authors
from .pacts import pact_partners
from .subordinates import home_party_word
from .recipient_sides import (SIDE_PREPS, battlegrounds, dating_names, fight_act, left_place, own_beside_other,
                              sides_fought_for)
from .tree import Frame, Tree, subject_of

NO_DEFAULT_RECIPIENT = {"CONSULT", "COOPERATE"}
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE", "ASSAULT"}
# Sectors whose acts on an unnamed target stay at home: police and courts, and a government's coercion.
HOME_SECTORS = {"COP", "JUD"}
NON_STATE = {"REB", "UAF", "UNK", "CRM", "IMG", "PRM", "OPP"}


# Speech acts and stances that a state's own people take towards the parties inside that state: an unresolved
# party of these kinds named as their target ("Kiev accused the rebels", "criticised the interim government") is
# of the actor's country when the sentence names no other.
HOME_PARTY_TYPES = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"}
HOME_PARTIES = frozenset({"rebel", "separatist", "insurgent", "opposition", "government", "administration", "regime",
                          "ministry", "parliament", "legislature", "lawmaker", "legislator", "court", "judiciary",
                          "judge", "prosecutor", "police", "protester", "demonstrator", "activist", "critic",
                          "dissident", "loyalist"})
# Stances towards an act, whose party is the one who did it ("condemned the violence carried out by Hamas
# against Israel" is aimed at Hamas; "backed the decision taken by Poland" at Poland).
CULPRIT_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}
# Participles that say whom a protest is against ("denouncing Morsi", "demanding the resignation of X").
PROTEST_PARTICIPLES = frozenset({"denounce", "condemn", "demand", "criticize", "criticise", "accuse", "oppose",
                                 "blame", "insult", "deride", "decry"})
# Words that say an agentless killing was an attack ("killed in a bombing in Kabul"), not an accident.
ATTACK_WORDS = frozenset({"attack", "bombing", "bomb", "airstrike", "strike", "raid", "shelling", "shooting",
                          "gunfire", "ambush", "assault", "offensive", "clash", "fighting", "suicide", "gunman",
                          "militant", "insurgent", "massacre"})
# Hostile acts whose target phrase may name the party it is aimed at ("airstrikes in Syria against IS").
AIMED_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"}
# Acts whose unnamed target may be the place they happen in; speech acts and agreements never take a place.
PLACE_DEFAULT_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT"}


def of_args(tree: Tree, n: int) -> set[int]:
    """Tokens of the 'of' prepositions attached to n ("the city of El Fasher")."""
    return {p for p in tree.children(n, {"prep"}) if tree.tokens[p].lower == "of"}


def domestic_act(event: str, actor) -> bool:
    """Is an act with no named target aimed at the actor's own country? Protests and concessions are; police
    and court acts are (and tear gas on a crowd, whoever fires it: the caller adds that mode); a government's or army's coercion is. Violence by an army or a state is not assumed
    to be (a state's strikes usually fall abroad), nor any act of a non-state actor (hostages seized by an
    armed group are not its own people)."""
    sectors = {actor.sector, *actor.sectors} - {None}
    if event not in DOMESTIC_TYPES or sectors & NON_STATE:
        return False
    if event in ("PROTEST", "CONCEDE") or sectors & HOME_SECTORS:
        return True
    return event == "COERCE" and bool(sectors & {"GOV", "MIL"})
LOCATIVE_PREPS = LOCATIVE
# Geographic features whose names hold a country's name without being that country's ("the Jordan Valley", "the
# Niger Delta", "the Congo River"): the feature is a place, often of another state, and no party.
FEATURE_NOUNS = frozenset({"valley", "river", "delta", "basin", "sea", "strait", "straits", "gulf", "desert",
                           "mountains", "plateau", "canal", "lake", "bay", "highlands", "lowlands", "rift"})


def in_feature_name(toks, i: int) -> bool:
    """Token i (a country's name) is a compound of a capitalised geographic feature noun: "the Jordan Valley"."""
    t = toks[i]
    head = toks[t.head] if t.head != i else None
    return t.dep == "compound" and head is not None and head.lower in FEATURE_NOUNS and head.text[:1].isupper()


class RecipientRules:
    """Default recipients and place-derived actors (mixed into Coder)."""

    def _place_arguments(self, tree: Tree, nodes: list[int], index: MentionIndex, *,
                         any_label: bool = False) -> list[Argument]:
        """Countries of place nodes: an actor mention that resolves to a country, else the gazetteer's country for
        a named place ("in Tel Aviv" -> ISR)."""
        out = []
        toks = tree.tokens
        for n in nodes:
            found = [r for r in self.resolve(tree, [n], index, []) if is_country(r.entity.code)]
            if found:
                out.append(Argument(found[0].entity, n, "the place of the act"))
                continue
            if self.place_country is None or (toks[n].ent_type not in ("GPE", "LOC") and not any_label):
                continue
            lo, hi = n, n + 1
            while lo > 0 and toks[lo].ent_iob == "I":
                lo -= 1
            while hi < len(toks) and toks[hi].ent_iob == "I":
                hi += 1
            text = " ".join(t.text for t in toks[lo:hi] if t.ent_type) or toks[n].text
            if text not in self._places:
                self._places[text] = self.place_country(text)
            code, why = self._places[text]
            if is_country(code):
                out.append(Argument(Entity(entity_text=text, code=code, reason=f"place of the act: {why}"), n,
                                    "the place of the act (gazetteer)"))
        return out

    def _name_code(self, text: str) -> str | None:
        """The code the actor knowledge base gives a name on its own (cached), or None."""
        return None if self.resolve_text is None else self._lookup(text).code

    def _object_nationality(self, tree: Tree, f: Frame, index: MentionIndex,
                            actors: list[Argument] = ()) -> list[Argument]:
        """A country or nationality inside the unresolved target's noun phrase ("a camp for Congolese
        refugees", "Kampuchean guerrilla camps"); a party a hostile act's target is aimed at ("airstrikes in Syria
        against Islamic State") comes first. Never the actor's own phrase ("systems targeted by Russian
        hackers")."""
        if self.resolve_text is None:
            return []
        toks = tree.tokens
        # the named target's phrase, else the object phrase of the act ("issued warrants for two Chilean men")
        nodes = list(f.recipients) or (tree.children(f.base, {"dobj"})
                                       + [a for p, a in tree.prep_args(f.base, ("for", "against"))
                                          if not (fight_act(tree, f) and p in SIDE_PREPS)])
        if f.code.event in CULPRIT_TYPES:
            doers = _doers(tree, nodes, self.resolve, index, {a.head for a in actors})
            if doers:
                return doers
        if f.code.event in AIMED_TYPES:  # "destroyed tunnels built by Hamas": the owner of the thing hit
            doers = _doers(tree, [x for n in nodes for x in thing_heads(tree, n)], self.resolve, index,
                           {a.head for a in actors})
            if doers:
                return [Argument(a.entity, a.head, "the party whose thing the hostile act hit") for a in doers]
        skip = _actor_tokens(tree, nodes, actors) | doings(tree, nodes, f.code.event in AIMED_TYPES)
        aimed = _aimed_at(tree, nodes, skip, self.resolve, index) if f.code.event in AIMED_TYPES else []
        if aimed:
            return aimed
        # "approved the deal at a summit in Brussels": the place of a gathering is not a party (its partner is:
        # "rebuffed the prospect of talks with China")
        skip |= {k for n in nodes for i in tree.subtree(n) if toks[i].pos == "NOUN" and lemma_of(tree, i) in VENUES
                 for p in tree.children(i, {"prep"}) if toks[p].lower in LOCATIVE for k in tree.subtree(p)}
        for n in nodes:
            for i in sorted(tree.subtree(n)):
                t = toks[i]
                if i in skip:
                    continue
                if affiliation(toks, i):
                    continue  # "pro-Russian rebels", "Iranian-backed forces" are not Russian or Iranian
                if conflict_side(tree, f, i):
                    continue  # "rejected a plan for ending the Afghan war": a side of a conflict spoken of
                if in_feature_name(toks, i):
                    continue  # "annex the Jordan Valley": a country's name inside a river's or valley's
                if t.ent_type not in ("GPE", "NORP") or t.dep in ("relcl",) or t.ent_iob == "I":
                    if (i == n or toks[i].head in of_args(tree, n)) and t.pos == "PROPN" and \
                            f.code.event in PLACE_TARGET_TYPES:
                        found = self._place_arguments(tree, [i], index, any_label=True)
                        if found:  # "launched drones at Odesa" (the model tagged it TIME)
                            return [Argument(dataclasses.replace(found[0].entity, reason=(
                                f"{found[0].entity.reason}; the place attacked stands for its country")),
                                i, "country of the place targeted")]
                    continue
                hi = i + 1
                while hi < len(toks) and toks[hi].ent_iob == "I":
                    hi += 1
                text = " ".join(x.text for x in toks[i:hi])
                ent = self._lookup(text)
                if (ent.reason or "").startswith("place:") and f.code.event not in PLACE_PARTY_TYPES and (
                        i == n or t.dep in ("dobj", "nsubjpass") and toks[t.head].pos == "VERB"):
                    continue  # "his pledge not to use Aleppo": a town spoken of is not the party promised to
                if is_country(ent.code):
                    sector = "GOV" if (ent.entry or "").startswith("capital:") else None  # "envoy from Washington"
                    return [Argument(Entity(entity_text=text, code=ent.code, sector=sector, reason=(
                        f"{ent.reason}; country named inside the unresolved target").strip("; ")), i,
                        "country named in the target")]
                if t.ent_type == "GPE" and (i == n or toks[i].head in of_args(tree, n)) and \
                        f.code.event in PLACE_TARGET_TYPES:
                    found = self._place_arguments(tree, [i], index)  # "seized Kherson": the place's country
                    if found:
                        return [Argument(dataclasses.replace(found[0].entity, reason=(
                            f"{found[0].entity.reason}; the place attacked or seized stands for its country")),
                            i, "country of the place targeted")]
        return []

    def _place_actors(self, tree: Tree, f: Frame, actors: list[Argument], index: MentionIndex,
                      trace: list[str]) -> list[Argument]:
        """Unresolved actors ("ethnic Albanians demonstrated in Serbia") take the country of the place of the
        act, as the actor knowledge base does for agents located with 'in X'. A cyber attack is done from afar:
        the place of the systems it reached is the target's, not the attackers' ("breached by hackers in Arizona")."""
        if f.code.mode == "cyber":
            trace.append("unresolved actor of a cyber act: the place of the systems is not the attackers' country")
            return actors
        named = []
        for a in actors:  # "US and British activists": the countries modifying the unresolved group
            for c in tree.children(a.head, {"nmod", "amod", "compound", "poss"}):
                for x in tree.conjuncts(c):
                    for m in index.at(tree, x)[0]:
                        if is_country(m.entity.code) and m.head == x:
                            named.append(Argument(dataclasses.replace(a.entity, code=m.entity.code, reason=(
                                f"{a.entity.reason}; country {m.entity.code} from its modifier '{m.text}'").strip(
                                "; ")), a.head, a.how))
        if named:
            trace.append("unresolved actor: countries of its modifiers")
            return named
        return self._in_place_of_act(tree, [f.base], actors, {a.head for a in actors}, index, trace,
                                     "unresolved actor") or actors

    def _in_place_of_act(self, tree: Tree, bases: list[int], args: list[Argument], taken: set[int],
                         index: MentionIndex, trace: list[str], who: str) -> list[Argument] | None:
        """args with the country of the place the act happens in (locatives of the verbs in bases), or None when
        no place there resolves to a country."""
        places = [a for v in bases for a in _locative_places(tree, v, self.lex.cue("speech")) if a not in taken]
        found = self._place_arguments(tree, places, index)
        if not found:
            return None
        code = found[0].entity.code
        trace.append(f"{who}: country {code} of the place of the act")
        return [Argument(dataclasses.replace(a.entity, code=code, reason=(
            f"{a.entity.reason}; country {code} of the place of the act").strip("; ")), a.head, a.how)
            for a in args]

    def _placed_unknown(self, tree: Tree, f: Frame, actors: list[Argument], index: MentionIndex,
                        trace: list[str]) -> list[Argument]:
        """Named actors the knowledge base does not know, acting in a place it does ("X opened fire at a recruiting
        office in Little Rock, Ark."): the place's country, for acts done where they happen (violence, coercion,
        protest, deployments, aid, retreats); [] when no place is named or the act is of another kind."""
        if f.code.event not in PLACE_DEFAULT_TYPES:
            return []
        placed = self._place_actors(tree, f, actors, index, trace)
        return placed if all(a.entity.code for a in placed) else []

    def _placed_victims(self, tree: Tree, f: Frame, actors: list[Argument], recipients: list[Argument],
                        index: MentionIndex, trace: list[str]) -> list[Argument]:
        """Unresolved victims of an agentless act ("51 people were killed in an attack in Gaziantep"): the people
        of the place it happened in; unchanged when no place is named or nothing in the sentence says the act was
        an attack (an explosion or a crash may be an accident or a crime)."""
        if not any(t.lemma.lower() in ATTACK_WORDS or t.lower in ATTACK_WORDS for t in tree.tokens):
            return recipients  # "killed in a grenade explosion": nothing says anyone attacked them
        taken = {a.head for a in actors} | {r.head for r in recipients}
        # "51 people were killed and dozens wounded in Gaziantep": the place may hang on the conjoined verb
        return self._in_place_of_act(tree, tree.conjuncts(f.base), recipients, taken, index, trace,
                                     "unresolved victims") or recipients

    def _non_parties_removed(self, tree: Tree, f: Frame, actors: list[Argument], recipients: list[Argument],
                             index: MentionIndex, trace: list[str]) -> list[Argument]:
        """Recipients without the towns spoken of (spoken_places) and the actor's own things (own_things); when
        an own thing was all there was, the country of the place it is in, if that is another country ("closed
        the British embassy in Kabul" -> AFG's government)."""
        spoken = spoken_places(tree, f, recipients)
        if spoken:
            trace.append(f"recipient: '{spoken[0].entity.entity_text}' is a place spoken of in the content of the "
                         f"{f.code.event}, not the party it is aimed at")
            recipients = [r for r in recipients if r not in spoken]
        victims = culprits_victims(tree, f, recipients)
        if victims:
            trace.append(f"recipient: '{victims[0].entity.entity_text}' is the victim of the act the {f.code.event} "
                         "is about; the stance is aimed at its author")
            recipients = [r for r in recipients if r not in victims]
        topics = topic_conflicts(tree, f, recipients)
        if topics:
            trace.append(f"recipient: '{topics[0].entity.entity_text}' names a side of a conflict spoken of, not the "
                         "party the act is aimed at")
            recipients = [r for r in recipients if r not in topics]
        venues = venue_places(tree, recipients)
        if venues:
            trace.append(f"recipient: '{venues[0].entity.entity_text}' is where a gathering was held, not a party")
            recipients = [r for r in recipients if r not in venues]
        for found, why in ((battlegrounds(tree, f, recipients), "is where the fighting is, not whom it is against"),
                           (sides_fought_for(tree, f, recipients), "is the side fought for, not the enemy"),
                           (dating_names(tree, recipients), "only dates or styles a thing ('Obama-era')"),
                           ([r for r in recipients if r.entity.sector in (None, "CVL") and left_place(tree, f, r.head)],
                            "is the place a withdrawal leaves, not a party"),
                           (own_beside_other(tree, actors, recipients), "is the actor's own country named on a thing "
                            "or as a destination, beside the party the act is aimed at")):
            if found:
                trace.append(f"recipient: '{found[0].entity.entity_text}' {why}")
                recipients = [r for r in recipients if r not in found]
        kept, things = own_things(tree, actors, recipients)
        if not things:
            return recipients
        trace.append(f"recipient: '{tree.tokens[things[0]].text}' is the actor's own thing, not the party it is "
                     "aimed at")
        if kept:
            return kept
        codes = {a.entity.code for a in actors}
        places = [x for t in things for p in tree.children(t, {"prep"}) for x in _place_nodes(tree, p)]
        places += _locative_places(tree, f.base, self.lex.cue("speech"))  # "closed its consulate there in X"
        found = [p for p in self._place_arguments(tree, places, index) if p.entity.code not in codes]
        if found:
            trace.append(f"recipient: the government of {found[0].entity.code}, where the actor's thing is")
            return [Argument(dataclasses.replace(found[0].entity, sector="GOV", reason=(
                f"{found[0].entity.reason}; the government hosting the actor's own thing")), found[0].head,
                "host of the actor's thing")]
        return []

    def _protest_targets(self, tree: Tree, f: Frame, index: MentionIndex) -> list[Argument]:
        """Whom a protest is against when a participle says it ("activists massed in Tahrir, denouncing Morsi",
        "marched to parliament demanding the resignation of the prime minister"): the resolved object of a
        denouncing or demanding participle on the protest verb; [] otherwise."""
        if f.code.event != "PROTEST":
            return []
        toks = tree.tokens
        out: list[Argument] = []
        for c in tree.children(f.base, {"advcl", "conj", "xcomp"}):
            if toks[c].tag != "VBG" or toks[c].lemma.lower() not in PROTEST_PARTICIPLES:
                continue
            objs = [x for o in tree.children(c, {"dobj"}) for x in tree.conjuncts(o)]
            out += [Argument(a.entity, a.head, "whom the protest denounces") for a in self.resolve(tree, objs, index, [])
                    if a.entity.code]
        return out

    def _content_subjects(self, tree: Tree, f: Frame, actors: list[Argument], index: MentionIndex) -> list[Argument]:
        """The party an accusation is about when it is told as a clause ("complained that Iran was violating the
        deal", "charged that Moscow had armed the rebels", "voiced concern that Pyongyang ..."): the resolved
        subjects of the content clause of the trigger verb or of its noun, not the actor itself; [] otherwise."""
        if f.code.event != "ACCUSE":
            return []
        toks = tree.tokens
        heads = {f.base, f.trigger[1] - 1}
        clauses = [c for h in heads for c in tree.children(h, {"ccomp", "acl"})
                   if toks[c].pos in ("VERB", "AUX") and any(toks[k].dep == "mark" for k in tree.kids[c])
                   or toks[c].dep == "ccomp" and toks[c].pos in ("VERB", "AUX")]
        actor_heads = {a.head for a in actors}
        actor_codes = {a.entity.code for a in actors}
        out: list[Argument] = []
        for c in clauses:
            subjects = [x for s in subject_of(tree, c) for x in tree.conjuncts(s)]
            for a in self.resolve(tree, subjects, index, []):
                if a.entity.code and a.head not in actor_heads and not (
                        toks[a.head].pos == "PRON" and a.entity.code in actor_codes):
                    out.append(Argument(a.entity, a.head, "subject of the accusation's content clause"))
        return out

    def _default_recipients(self, tree: Tree, f: Frame, actors: list[Argument], index: MentionIndex,
                            trace: list[str], *, doc=None, sent=None) -> list[Argument]:
        """The target of an act whose target is not named, by the CAMEO convention for unnamed targets: the
        country of the place where the act happens ("police fired on crowds in Baghdad" -> IRQ), else, for an
        act aimed at a population (protest, coercion, violence, concession), the actor's own country."""
        actor_heads = {a.head for a in actors}
        if f.recipients and all(any(left_place(tree, f, i) for i in tree.subtree(n)) for n in f.recipients):
            trace.append("recipient: none; the withdrawal names only the place it leaves")
            return []
        named = self._object_nationality(tree, f, index, actors)
        if named:
            trace.append(f"recipient: country {named[0].entity.code} named inside the unresolved target")
            return named
        if doc is not None and sent is not None:  # "pulling out of the accord" signed with Iran before (pacts.py)
            partners = pact_partners(tree, f, actors, index.all, doc.sentences, doc.mentions, sent.index, trace,
                                     name_code=self._name_code)
            if partners:
                return partners
            authors = thing_authors(tree, f, actors, index.all, doc.sentences, doc.mentions, sent.index, trace,
                                    name_code=self._name_code)
            if authors:
                return authors
        measures = [n for n in (*f.objects, *f.recipients) if lemma_of(tree, n) in MEASURES]
        if measures:
            trace.append(f"recipient: the act is on a measure ('{tree.tokens[measures[0]].text}') whose target is "
                         "not named: not aimed at the actor's own country")
            return []
        denounced = self._protest_targets(tree, f, index)
        if denounced:
            trace.append("recipient: whom the protesters denounce or make demands of in a participle clause")
            return denounced
        accused = self._content_subjects(tree, f, actors, index)
        if accused:
            trace.append("recipient: the subject of the accusation's content clause ('complained that X ...')")
            return accused
        home = _home_parties(tree, f, actors, index)
        if home:
            trace.append(f"recipient: the {f.code.event} names a party inside a state and no other country: the "
                         f"actor's own country {home[0].entity.code}")
            return home
        places = [a for a in _locative_places(tree, f.base, self.lex.cue("speech")) if a not in actor_heads]
        if f.code.event not in PLACE_DEFAULT_TYPES or fight_act(tree, f):
            places = []  # "approved the deal at a summit in Brussels": Belgium is not the target; nor the theatre
            # of a fight ("Americans fighting in Syria": recipient_sides.battlegrounds)
        found = self._place_arguments(tree, places, index)
        if found:
            trace.append("recipient taken from the place the act happens in (no target named)")
            return found[:1]
        codes = {a.entity.code for a in actors}
        home = domestic_act(f.code.event, actors[0].entity) or f.code.mode == "crowd-control"
        untargeted = _untargeted(tree, f, index)
        if home and untargeted:
            trace.append(f"recipient: no target named and {untargeted}: not assumed to be aimed at the actor's own "
                         "country")
            return []
        if len(codes) == 1 and is_country(next(iter(codes))) and home:
            a = actors[0]
            named = [x for k in range(len(tree.tokens)) for x in _place_nodes(tree, k)]  # "in eastern Logar province"
            abroad = sorted({p.entity.code for p in self._place_arguments(tree, named, index)} - codes)
            police = {a.entity.sector, *a.entity.sectors} & HOME_SECTORS  # police and courts act at home
            if abroad and f.code.event != "PROTEST" and not police:
                # "an apology from the American commander" for a bombing in Logar: not aimed at the United States
                trace.append(f"recipient: no target named and the sentence names places in {', '.join(abroad)}: "
                             "the act is not assumed to be aimed at the actor's own country")
                return []
            open_places = [k for k in named if tree.tokens[k].ent_type == "LOC"
                           and not self._place_arguments(tree, [k], index)]
            if open_places and f.code.event != "PROTEST":
                # "seized a tanker in the Gulf": at sea or in a region of no one country, not at home (a coast
                # guard's too)
                trace.append(f"recipient: no target named and the act happens in '{tree.tokens[open_places[0]].text}'"
                             ", a region of no one country: not assumed to be aimed at the actor's own country")
                return []
            trace.append(f"recipient: no target named, a {f.code.event} act is aimed at the actor's own country")
            ent = Entity(entity_text=country_name(a.entity.code), code=a.entity.code,
                         reason="unnamed target: the actor's own country")
            return [Argument(ent, a.head, "actor's own country")]
        return []


# A gathering "in solidarity", "in support", "in mourning", "in memory" of someone is no protest against anyone.
SOLIDARITY_NOUNS = frozenset({"solidarity", "support", "mourning", "memory", "tribute", "honor", "honour"})


def _untargeted(tree: Tree, f: Frame, index: MentionIndex) -> str:
    """Why an act with no named target is aimed at no one (empty when nothing says so): a concession that admits a
    fact ("officials have conceded that the economy is failing", "as officials have conceded, ...": a clause that
    names no party, or nothing at all after the verb), or a gathering in solidarity, support or mourning ("rallied
    in solidarity"). A clause that names a party ("conceded that the protesters had been wrongly detained") keeps
    the party's country as the target."""
    toks = tree.tokens
    v = f.base
    if f.code.event == "CONCEDE" and toks[v].pos in ("VERB", "AUX") and f.trigger[1] - f.trigger[0] == 1 \
            and f.trigger[0] == v:
        objects = tree.children(v, {"dobj", "obj", "dative", "prep", "attr"})
        clauses = tree.children(v, {"ccomp"})
        inside = {k for c in clauses for k in tree.subtree(c)}
        if clauses and not any(m.head in inside for m in index.all) or not clauses and not objects:
            return "the concession admits a fact (a clause naming no party, or nothing after the verb)"
    if f.code.event == "PROTEST":
        for p in tree.children(v, {"prep"}):
            if toks[p].lower == "in" and any(toks[o].lower in SOLIDARITY_NOUNS for o in tree.children(p, {"pobj"})):
                return "the gathering is one of solidarity, support or mourning ('in solidarity')"
    return ""


def _home_parties(tree: Tree, f: Frame, actors: list[Argument], index: MentionIndex) -> list[Argument]:
    """The actor's own country for the unresolved target of a speech act or stance that names a party inside a
    state ("Kiev accused the pro-Russian rebels", "criticized the interim government", "she accused the
    department"), when the actor is of one country and the sentence names no other party with a code ("blamed
    Iranian-backed forces, which helped Baghdad ..." names Iraq: no default) and the target has no nationality
    of its own ("the Kurdish forces"); [] otherwise. A backer ("pro-Russian") is not a nationality."""
    codes = {a.entity.code for a in actors}
    if f.code.event not in HOME_PARTY_TYPES or not f.recipients or len(codes) != 1:
        return []
    code = next(iter(codes))
    if not is_country(code):
        return []
    toks = tree.tokens
    for n in f.recipients:
        if not home_party_word(tree, n, f.code.event, HOME_PARTIES):
            return []  # "officials" only as the addressee of an order (subordinates.py)
        if any(i != n and toks[i].ent_type in ("GPE", "NORP", "LOC") and toks[i].text.isalpha()
               and toks[i].lower not in ("pro", "anti") and not affiliation(toks, i) for i in tree.subtree(n)):
            return []
    if any(m.entity.code and m.entity.code != code and not affiliation(toks, m.head) for m in index.all):
        return []
    a = actors[0]
    ent = Entity(entity_text=country_name(code), code=code,
                 reason=f"a party inside a state named by a {f.code.event} of one of its own: the actor's country")
    return [Argument(ent, a.head, "actor's own country (party inside it)")]


def capitals_as_governments(recipients: list[Argument], event: str) -> list[Argument]:
    """A capital named as the party an act is aimed at stands for its government ("recalled its envoy from
    Washington" is aimed at the US government), unless the act falls on the place itself (shelling, seizing)."""
    if event in PLACE_TARGET_TYPES:
        return recipients
    out = []
    for r in recipients:
        e = r.entity
        if e.sector == "CVL" and (e.entry or "").startswith("capital:"):
            e = dataclasses.replace(e, sector="GOV", reason=f"{e.reason}; the capital the act is aimed at stands for "
                                    "its government")
        out.append(Argument(e, r.head, r.how))
    return out


def _actor_tokens(tree: Tree, nodes, actors) -> set[int]:
    """Tokens of the target's phrase that cannot name its recipient: the actor's own phrase (a passive agent or
    a relative clause inside the target: "systems targeted by Russian hackers") and what a relative clause says
    the target did ("fighters, who raided Somali positions"). An attacker left unresolved therefore never lends
    its target's country to itself either. (A place in the target stays: PLOVER codes "a call for peacekeepers in
    East Timor" and "prisoners in Iraq" as aimed at those countries.)"""
    out: set[int] = set()
    heads = {a.head for a in actors if a.head >= 0}
    for n in nodes:
        for i in tree.subtree(n):
            if i != n and (i in heads or tree.tokens[i].dep == "agent" or _relative_clause(tree, i)):
                out.update(tree.subtree(i))
    return out


def _relative_clause(tree: Tree, i: int) -> bool:
    """A relative clause opened by a relative pronoun ("fighters, who raided ...", "the site where the massacre
    happened outside Damascus": what happened there, not who the target is), not an infinitival one that
    says what the target is for ("a call for its peacekeepers to be deployed in East Timor")."""
    return tree.tokens[i].dep == "relcl" and any(
        tree.tokens[k].lower in ("who", "which", "that", "whom", "whose", "where") for k in tree.kids[i])


def _doers(tree: Tree, nodes, resolve, index: MentionIndex, actor_heads: set[int]) -> list[Argument]:
    """Who did the act a stance is about: the resolved 'by' agent of the target noun ("the attacks by Hamas") or
    of a participle on it ("the sanctions imposed by Washington", "the violence carried out by Hamas"), not inside a
    relative clause opened by who/which/that; [] when none resolves."""
    toks = tree.tokens
    for n in nodes:
        verbs = [n] + [c for c in tree.children(n, {"acl"}) if toks[c].pos == "VERB"]
        for v in verbs:
            for p in tree.kids[v]:
                if toks[p].lower != "by" or toks[p].dep not in ("agent", "prep"):
                    continue
                objs = [x for o in tree.children(p, {"pobj"}) for x in tree.conjuncts(o)]
                found = [a for a in resolve(tree, objs, index, []) if a.entity.code and a.head not in actor_heads]
                if found:
                    return [Argument(a.entity, a.head, "the party that did the act the stance is about")
                            for a in found]
    return []


def _aimed_at(tree: Tree, nodes, skip: set[int], resolve, index: MentionIndex) -> list[Argument]:
    """A party the target phrase of a hostile act is aimed at with 'against' ("a barrage of airstrikes in Syria
    against Islamic State"): its resolved mentions, countries or organisations. ('on' is left out: "a stronghold
    on the Thai border"; and an accusation's target is the culprit, not the victim: "crimes by X against Y".)"""
    for n in nodes:
        clauses = {k for i in tree.subtree(n) if i != n and tree.tokens[i].dep in ("relcl", "acl", "ccomp", "advcl")
                   for k in tree.subtree(i)}  # "forces - which helped Baghdad turn on IS": not what is aimed at
        for i in sorted(tree.subtree(n)):
            t = tree.tokens[i]
            if i == n or i in skip or i in clauses or t.dep != "prep" or t.lower != "against":
                continue
            found = [a for a in resolve(tree, tree.children(i, {"pobj"}), index, []) if a.entity.code]
            if found:
                return [Argument(a.entity, a.head, "party the target is aimed at") for a in found]
    return []


# Prepositions that bring in another event or a topic: a place inside them is not where this act happens
# ("detained dozens after the bombing in Syria", "rallied against the war in Ukraine"). "for" stays walkable:
# PETRARCH's gold codes "attacks during its campaign for an Islamic state in northeastern Nigeria" as NGA.
OTHER_EVENT_PREPS = frozenset({"after", "before", "since", "following", "until", "amid", "over", "about",
                               "despite", "against"})


def _locative_places(tree: Tree, base: int, speech: set[str] | frozenset[str]) -> list[int]:
    """Objects of locative prepositions ("in", "near", "at", ...) in the event's own clause: attached to the
    trigger verb or to its arguments, not inside a reporting clause ("..., police in Cairo said")."""
    toks = tree.tokens
    out: list[int] = []
    stack = [base]
    seen = set()
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        for k in tree.kids[n]:
            t = toks[k]
            if t.dep in ("ccomp", "parataxis", "relcl", "acl", "advcl", "conj") or (
                    t.pos == "VERB" and t.lemma.lower() in speech) or (t.dep == "prep" and t.lower in OTHER_EVENT_PREPS):
                continue
            out.extend(_place_nodes(tree, k))
            if t.dep in ("nsubj", "nsubjpass", "dobj", "prep", "pobj", "agent", "xcomp", "npadvmod") and not (
                    t.pos == "NOUN" and t.lemma.lower() in VENUES):  # "at a summit in Brussels" is no place of the act's
                stack.append(k)  # parties
    return out


def _place_nodes(tree: Tree, k: int) -> list[int]:
    """Named places governed by token k when it is a locative preposition ("in Kabul", "in the Kharkiv region",
    "in the southeastern city of Gaziantep"); [] otherwise."""
    toks = tree.tokens
    if toks[k].dep != "prep" or toks[k].lower not in LOCATIVE_PREPS:
        return []
    out: list[int] = []
    for a in tree.children(k, {"pobj"}):
        out.extend(x for x in tree.conjuncts(a) if toks[x].ent_type in ("GPE", "LOC", "FAC", "NORP"))
        out.extend(c for c in tree.children(a, {"poss", "compound"}) if toks[c].ent_type in ("GPE", "LOC"))
        out.extend(x for p in of_args(tree, a) for x in tree.children(p, {"pobj"}) if toks[x].ent_type in ("GPE", "LOC"))
    return out


def code_domestic(f: Frame) -> bool:
    """Acts whose target, when unnamed, is the population of the place they happen in."""
    return f.code.event in ("COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST", "ASSAULT")
