"""Arguments: argument nodes -> actor mentions (by head, span or inside the noun phrase), with second chances
for quantities, speaker pronouns and named modifiers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...records import Entity, Mention
from .makers import document_maker, weapon_origin
from .speech import claim_source
from .tree import Tree

ARG_DEPS = {"poss", "compound", "amod", "nmod", "appos", "prep", "pobj", "case", "det", "nummod", "flat"}


@dataclass(frozen=True, slots=True)
class Argument:
    """One resolved argument: the entity, the mention's head token, and how it was found."""

    entity: Entity
    head: int
    how: str


class MentionIndex:
    """Mentions of one sentence, looked up by head token and by span containment."""

    def __init__(self, mentions: list[Mention]):
        self.by_head: dict[int, list[Mention]] = {}
        self.all = mentions
        for m in mentions:
            self.by_head.setdefault(m.head, []).append(m)

    def at(self, tree: Tree, node: int) -> tuple[list[Mention], str]:
        """Mentions for an argument node: same head, a span covering it, or a mention inside its noun phrase."""
        if node in self.by_head:
            return _dedup_spans(self.by_head[node]), "mention head"
        cover = [m for m in self.all if m.start <= node < m.end]
        if cover:
            return _dedup_spans(cover), "mention span"
        inner = _np_tokens(tree, node)
        inside = [m for m in self.all if m.head in inner]
        if inside:
            first = min(inner.index(m.head) for m in inside)
            best = [m for m in inside if inner.index(m.head) == first]
            heads = set(tree.conjuncts(best[0].head))
            best += [m for m in inside if m.head in heads and m not in best]
            return best, "mention inside the noun phrase"
        return [], ""


def _dedup_spans(ms: list[Mention]) -> list[Mention]:
    widest = max(m.end - m.start for m in ms)
    return [m for m in ms if m.end - m.start == widest]


def _np_tokens(tree: Tree, node: int) -> list[int]:
    """Tokens of the noun phrase headed by node (modifiers, 'of' phrases, appositions), nearest first."""
    out, queue = [], [node]
    while queue:
        i = queue.pop(0)
        out.append(i)
        for k in tree.kids[i]:
            t = tree.tokens[k]
            if t.dep in ARG_DEPS and not (t.dep == "prep" and t.lower not in ("of", "from", "in")):
                queue.append(k)
    owner = _detached_possessor(tree, node)
    if owner is not None and owner not in out:
        out.insert(1, owner)
    return out[1:]


def _detached_possessor(tree: Tree, node: int) -> int | None:
    """The possessor right before a noun that the parser hung elsewhere ("attacked Kerry’s actions" parsed with
    'Kerry' as an adverbial of the verb and '’s' on 'Kerry'): the word carrying the possessive marker."""
    toks = tree.tokens
    if node < 2 or toks[node - 1].lower not in ("'s", "’s", "'", "’") or toks[node - 1].dep != "case":
        return None
    owner = toks[node - 1].head
    if owner != node - 1 and toks[owner].head != node and toks[owner].pos in ("PROPN", "NOUN"):
        return owner
    return None


AFFILIATION_WORDS = {"backed", "supported", "allied", "aligned", "sponsored", "funded", "armed", "trained",
                     "friendly", "leaning", "linked", "inspired", "affiliated"}


def affiliation(toks, i: int) -> bool:
    """A nationality that only says whom a group is close to: "pro-Russian", "Iranian-backed"."""
    after = i + 1
    if after + 1 < len(toks) and toks[after].text == "-" and toks[after + 1].lower in AFFILIATION_WORDS:
        return True
    if toks[i].lower.startswith(("pro-", "anti-")):
        return True
    return i >= 2 and toks[i - 1].text == "-" and toks[i - 2].lower in ("pro", "anti")


FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
ADVERSARIES = frozenset({"foe", "enemy", "adversary", "nemesis", "archenemy"})


def speakers_own(tree: Tree, m: Mention, speaker: Entity | None, voices: dict[int, Entity]) -> Entity | None:
    """'our forces', 'my administration' in a quote: an agent word with no country of its own whose possessor is the
    first person belongs to the quote's speaker ("shot down by our aircraft," the Turkish president said: TUR), with
    the agent's own sector; None when the speaker has no code or the phrase names a country itself. speaker: who
    says the sentence's quote; voices: the speaker of each first-person pronoun in a quote (by token)."""
    if m.entity.code is not None or m.kind != "agent":
        return None
    owner = next((k for k in tree.kids[m.head] if tree.tokens[k].dep == "poss"
                  and tree.tokens[k].lower in ("my", "our") and tree.tokens[k].pos == "PRON"), None)
    who = (voices.get(owner) or speaker) if owner is not None else None
    if who is None or who.code is None:
        return None
    return dataclasses.replace(m.entity, code=who.code, reason=(
        f"{m.entity.reason.split('; no country')[0]}; {who.code} from its possessor "
        f"'{tree.tokens[owner].text}', the speaker of the quote ({who.reason})"))


class ArgumentRules:
    """Resolving argument nodes to entities (mixed into Coder)."""

    def resolve(self, tree: Tree, nodes, index: MentionIndex, trace: list[str], *,
                actor: bool = False) -> list[Argument]:
        """Entities of the argument nodes. actor=True for the acting side: a place in a locative phrase of a
        thing ("the crisis in Ukraine", "attacks in Paris") is where it happened, not who acted."""
        out: list[Argument] = []
        seen: set[tuple] = set()
        for n in nodes:
            t = tree.tokens[n]
            speaker = self.speaker or self.voices.get(n)
            if t.lower in FIRST_PERSON and speaker is not None and t.pos == "PRON":
                out.append(Argument(dataclasses.replace(speaker, reason=(
                    f"{speaker.reason}; '{t.text}' in a quote is its speaker").strip("; ")), n,
                    "speaker of the quote"))
                trace.append(f"'{t.text}' -> {speaker.code or '?'}: the speaker of the quote")
                continue
            if t.lemma.lower() in ADVERSARIES:  # "US foes", "Israel's enemies": not the country named
                trace.append(f"'{t.text}': the adversaries of the party named, not that party")
                continue
            split = self._conjoined_nationalities(tree, n, index)
            if split:  # "U.S. and North Korean officials": one party per country
                for a in split:
                    if (a.entity.code, a.head) not in seen:
                        seen.add((a.entity.code, a.head))
                        out.append(a)
                trace.append(f"'{t.text}' -> {', '.join(a.entity.code for a in split)}: conjoined nationalities")
                continue
            ms, how = index.at(tree, n)
            if ms and how == "mention inside the noun phrase" and all(_located(tree, m.head, n) for m in ms):
                # "airstrikes on a militant supply depot in northern Iraq": the named owner of the target
                # comes before the place it stands in
                owner = self._modifier_entity(tree, n)
                if owner is not None and not _located(tree, owner[0], n):
                    n, ms, how = owner
                elif actor and thing_head(tree, n):
                    trace.append(f"'{ms[0].text}': where the '{tree.tokens[n].text}' happened, not who acted")
                    continue
            if ms and all(m.entity.code is None and m.kind == "agent" for m in ms):
                # "slammed President Barack Obama" parsed as two objects: the title is the name that follows it
                named = [m for m in index.all if m.start == ms[0].end and m.kind == "name" and m.entity.code]
                owner = whose_antecedent(tree, n)
                if named:
                    n, ms, how = named[0].head, named[:1], "name after the title"
                elif owner is not None and (found := self._owner(tree, owner, index))[1]:
                    n, ms, how = found  # "the ministry, whose spokesman condemned": the ministry's spokesman
            if not ms:
                head = n
                n, ms, how = self._fallback(tree, n, index, actor=actor)
                if actor and how == "named modifier" and thing_head(tree, head) and not any(
                        (m.entity.entry or "").split(":")[0] in PARTY_ENTRIES for m in ms):
                    # "the Paris attacks", "the Benghazi tragedy": a city or capital naming a thing says where
                    trace.append(f"'{ms[0].text}': where the '{tree.tokens[head].text}' happened, not who acted")
                    continue
            if not ms:
                t = tree.tokens[n]
                if t.lower in self.lex.cue("regional_constructs"):
                    trace.append(f"'{t.text}': a regional construct, not an actor (PLOVER)")
                    continue
                if (t.ent_type == "NORP" and t.pos in ("ADJ", "PROPN")) or (
                        t.pos == "ADJ" and t.i > 0 and t.text[:1].isupper() and t.dep == "amod"):
                    known = self._nationality(t.text)
                    if known is not None:  # "a Turkish offensive": the nationality is the actor
                        out.append(Argument(known, n, "nationality of the act"))
                        trace.append(f"'{t.text}' -> {known.code} as the nationality of the act")
                        continue
                    ent = Entity(entity_text=t.text, code=None, reason="named group or nationality with no resolved actor")
                    out.append(Argument(ent, n, "unresolved named group"))
                    trace.append(f"'{t.text}': no mention; kept as an unresolved named group")
                elif t.lemma.lower() in self.lex.cue("agents") or t.lower in self.lex.cue("agents"):
                    text = " ".join(tree.tokens[i].text for i in tree.subtree(n) if tree.tokens[i].dep != "relcl")
                    ent = Entity(entity_text=text[:120], code=None, reason="agent-like noun phrase with no resolved actor")
                    out.append(Argument(ent, n, "unresolved agent noun"))
                    trace.append(f"'{t.text}': no mention; kept as unresolved agent noun phrase")
                else:
                    trace.append(f"'{t.text}': no actor mention and not an agent noun")
                continue
            for m in ms:
                key = (m.entity.code, m.entity.entity_text, m.start)
                if key in seen:
                    continue
                seen.add(key)
                entity = speakers_own(tree, m, self.speaker, self.voices) or m.entity
                out.append(Argument(entity, m.head, how))
                trace.append(f"'{tree.tokens[n].text}' -> {entity.code or '?'} via {how} '{m.text}'")
        return out

    def _conjoined_nationalities(self, tree: Tree, n: int, index: MentionIndex) -> list[Argument]:
        """Parties of a noun phrase whose modifier conjoins countries ("U.S. and North Korean officials",
        "French and German troops"): each country with the sector of the phrase; [] unless two or more resolve."""
        toks = tree.tokens
        first = next((k for k in tree.kids[n] if toks[k].dep in ("nmod", "amod", "compound") and k < n
                      and tree.children(k, {"conj"})), None)
        if first is None or toks[n].pos not in ("NOUN", "PROPN"):
            return []
        head_ms, _ = index.at(tree, n)
        sector = head_ms[0].entity.sector if head_ms else None
        out = []
        for k in tree.conjuncts(first):
            lo = k
            while lo > 0 and toks[lo - 1].head == k and toks[lo - 1].dep in ("compound", "amod") and \
                    toks[lo - 1].text[:1].isupper():
                lo -= 1  # "North Korean": the whole name
            known = self._nationality(" ".join(x.text for x in toks[lo:k + 1]))
            if known is None:
                return []
            out.append(Argument(dataclasses.replace(known, sector=sector or known.sector), k,
                                "conjoined nationality of the phrase"))
        return out if len({a.entity.code for a in out}) >= 2 else []

    def _lookup(self, text: str) -> Entity:
        """What the actor knowledge base makes of a name on its own at the article's date (cached per coder);
        needs resolve_text."""
        if text not in self._resolved:
            self._resolved[text] = self.resolve_text(text, date=self.date)
        return self._resolved[text]

    def _nationality(self, text: str) -> Entity | None:
        """A nationality or country word resolved by the knowledge base to a country, or None."""
        if self.resolve_text is None:
            return None
        ent = self._lookup(text)
        return dataclasses.replace(ent, reason=f"{ent.reason}; nationality of the act") if is_country(ent.code) else None

    def _fallback(self, tree: Tree, n: int, index: MentionIndex, *,
                  actor: bool = False) -> tuple[int, list[Mention], str]:
        """Second chances for an argument with no mention: the 'of' phrase of a quantity ("thousands of
        students"), and for a pronoun in a reported clause, the speaker ("Syria said it would ..."); the maker of
        a document or the origin of a fired weapon its phrase names (makers.py)."""
        t = tree.tokens[n]
        # only on the acting side: "approved a resolution", "intercepted a rocket" act on the thing, not its maker
        makers = document_maker(tree, n) if actor and self._document_acts(tree, n) else []
        if actor and not makers and (origin := weapon_origin(tree, n)) is not None:
            makers = [origin]
        for maker in makers:  # "the report by the committee faults", "a rocket fired from Gaza landed"
            ms, how = index.at(tree, maker)
            if ms and any(m.entity.code for m in ms):
                return maker, ms, f"{how}, who made the '{t.text}'"
            if (named := self._modifier_entity(tree, maker)) is not None:
                return named[0], named[1], f"named modifier of who made the '{t.text}'"
        if t.lemma.lower() in self.lex.cue("quantity") or t.lower in self.lex.cue("quantity") or t.pos == "NUM":
            for _, a in tree.prep_args(n, ("of",)):
                ms, how = index.at(tree, a)
                if ms:
                    return a, ms, f"{how} of the counted group"
                return a, [], ""
        if t.pos == "PRON" and t.lower in ("it", "they", "we", "he", "she", "i"):
            verb, speakers = claim_source(tree, n if t.head == n else t.head, self.lex.cue("speech"))
            for sp in speakers:
                ms, how = index.at(tree, sp)
                if ms and sp != n:
                    return n, ms, f"pronoun '{t.text}' taken as the speaker"
        modifier = self._modifier_entity(tree, n)
        if modifier is not None:
            return modifier
        owner = whose_antecedent(tree, n)
        if owner is not None:  # "the F.B.I. field office, whose cyber unit opened an investigation"
            return self._owner(tree, owner, index)
        return n, [], ""

    def _document_acts(self, tree: Tree, n: int) -> bool:
        """A document stands for its makers only as the subject of a verb of saying or of a lexicon act ("the
        report faults", "the review found that") or through its own relative clause ("a resolution that would
        force"); "the statement comes a day before ..." is a date, and what a participle on that clause does is
        not the statement's."""
        toks = tree.tokens
        if any(toks[k].dep in ("relcl", "acl") and toks[k].pos in ("VERB", "AUX") for k in tree.kids[n]):
            return True
        h = tree.head(n)
        lemma = toks[h].lemma.lower() if h is not None else ""
        return toks[n].dep == "nsubj" and (lemma in self.lex.verbs or lemma in self.lex.cue("speech"))

    def _owner(self, tree: Tree, owner: int, index: MentionIndex) -> tuple[int, list[Mention], str]:
        """The party of the noun a possessive relative stands for: its mention or its named modifier."""
        ms, how = index.at(tree, owner)
        if ms and any(m.entity.code for m in ms):
            return owner, ms, f"{how} of the noun 'whose' stands for"
        modifier = self._modifier_entity(tree, owner)
        if modifier is not None:
            return modifier[0], modifier[1], "named modifier of the noun 'whose' stands for"
        return owner, [], ""

    def _modifier_entity(self, tree: Tree, n: int) -> tuple[int, list[Mention], str] | None:
        """A named country/organisation modifier inside the argument's noun phrase ("a U.S. request")."""
        if self.resolve_text is None:
            return None
        toks = tree.tokens
        for i in _np_tokens(tree, n):
            t = toks[i]
            if t.ent_type not in ("GPE", "NORP", "ORG") or t.dep not in ("compound", "amod", "poss", "pobj", "nmod"):
                continue
            if affiliation(toks, i):
                continue  # "pro-Iranian factions in the Iraqi parliament" are not Iran's
            lo, hi = i, i + 1
            while lo > 0 and toks[lo].ent_iob == "I":  # back to the entity's first token
                lo -= 1
            while hi < len(toks) and toks[hi].ent_iob == "I":
                hi += 1
            text = " ".join(x.text for x in toks[lo:hi])
            ent = self._lookup(text)
            if ent.code:
                m = Mention(-1, lo, hi, i, text, dataclasses.replace(
                    ent, reason=f"{ent.reason}; modifier of the argument, resolved by the knowledge base".strip("; ")))
                return i, [m], "named modifier"
        return None


def whose_antecedent(tree: Tree, n: int) -> int | None:
    """The noun a possessive relative stands for, when argument n is owned by it: "the field office, whose cyber
    unit opened an investigation" (the unit is the office's), "the ministry, whose spokesman denied it"."""
    toks = tree.tokens
    if not any(toks[k].dep == "poss" and toks[k].tag == "WP$" for k in tree.kids[n]):
        return None
    v = tree.head(n)
    if v is None or toks[v].dep not in ("relcl", "acl"):
        return None
    return tree.head(v)


# Nouns that name a violent act or its weapon, whose author a sentence often leaves out.
VIOLENT_NOUNS = frozenset({
    "attack", "airstrike", "air-strike", "strike", "bombing", "bombardment", "shelling", "barrage", "raid",
    "assault", "ambush", "blast", "explosion", "bomb", "rocket", "missile", "mortar", "shell", "grenade",
    "shooting", "gunfire", "salvo", "volley", "onslaught", "massacre", "offensive", "ied",
})


# Nouns that name an event or a state of affairs, not a party: a place in their phrase says where it happened
# ("the crisis in Ukraine", "the Paris attacks"). Group nouns ("factions in the Iraqi parliament") are not here.
EVENT_NOUNS = VIOLENT_NOUNS | frozenset({
    "crisis", "war", "conflict", "violence", "fighting", "unrest", "situation", "tragedy", "turmoil", "chaos",
    "tension", "clash", "uprising", "revolution", "protest", "demonstration", "riot", "election", "vote",
    "referendum", "collapse", "event", "development", "disaster", "catastrophe", "incident", "killing", "siege",
    "occupation", "invasion", "annexation", "insurgency", "standoff", "stalemate", "escalation", "outbreak",
    "scandal", "affair", "case", "trial", "summit", "meeting", "talks", "visit", "operation", "campaign",
})


def thing_head(tree: Tree, node: int) -> bool:
    """A common noun that names an event, not a party ("crisis", "attacks", "war"): its places are not actors."""
    t = tree.tokens[node]
    return t.pos == "NOUN" and (t.lemma.lower() in EVENT_NOUNS or t.lower in EVENT_NOUNS)


# Knowledge-base entries that name a party when they modify a thing ("U.S. strikes", "a Kremlin statement",
# "Hamas rockets"); a capital or a city there names a place ("the Paris attacks").
PARTY_ENTRIES = frozenset({"country", "adjective", "demonym", "metonym", "igo", "ngo", "group", "person"})


LOCATIVE = frozenset({"in", "inside", "throughout", "near", "at", "across", "outside"})


def _located(tree: Tree, i: int, top: int) -> bool:
    """Is token i inside a locative phrase ("in eastern Syria") of the noun phrase headed by top?"""
    while i != top and tree.tokens[i].head != i:
        if tree.tokens[i].dep == "prep" and tree.tokens[i].lower in LOCATIVE:
            return True
        i = tree.tokens[i].head
    return False


def prefer_resolved(args: list[Argument]) -> list[Argument]:
    """Unresolved noun phrases next to resolved ones add nothing but an unknown party: keep the resolved."""
    coded = [a for a in args if a.entity.code]
    return coded or args


def is_country(code: str | None) -> bool:
    """An ISO alpha-3 country code (not an IGO, NGO or other group code)."""
    return bool(code) and code in _country_codes()

_COUNTRIES: set[str] = set()


def _country_codes() -> set[str]:
    if not _COUNTRIES:
        import pycountry

        _COUNTRIES.update(c.alpha_3 for c in pycountry.countries)
        _COUNTRIES.update(("XKX", "PSE"))
    return _COUNTRIES


def country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return c.name if c else code
