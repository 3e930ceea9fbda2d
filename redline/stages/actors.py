"""actors: every actor mention in every sentence -> a Mention with a resolved Entity and the reason for it.

A mention is a noun phrase cut from the dependency parse around its syntactic head (the token that carries
nsubj/dobj/pobj/poss): names, metonyms, nationality + agent phrases ("Russian troops"), agent nouns, and
pronouns, surnames and titles resolved by coreference within the article. Resolution is as of the document's
reference date (else its publication date). Nothing here guesses: an unresolved mention has code None and a reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence

from ..knowledge.actors import FORMER_WORDS, HONORIFICS, ORG_KINDS, PLACE_KINDS, Knowledge, Match, load_knowledge
from ..pipeline import Context, stage
from ..records import Document, Entity, Mention, Sentence, Token
from .coreference import (
    BODY_WORDS,
    GROUP_NOUNS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    Memory,
    apposition,
    body_coref,
    group_coref,
    is_plural,
    name_from_apposition,
    phrase_gender,
    pronoun,
    remember,
    surname_coref,
    title_coref,
)

log = logging.getLogger(__name__)

NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Dependents that belong to a noun phrase left of its head.
NP_LEFT = frozenset({"det", "amod", "compound", "nmod", "nummod", "poss", "quantmod", "predet", "nn", "npadvmod",
                     "advmod", "case", "punct"})
MODIFIER_DEPS = frozenset({"compound", "amod", "flat", "fixed", "nn", "det", "predet"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "poss", "agent", "appos", "attr", "ROOT", "dative",
                        "csubj", "oprd"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout", "into", "within",
                      "from", "over", "through", "along", "toward", "towards", "beyond", "onto", "via", "out"})
# Prepositions whose object says where an agent is from or acts ("police in Kabul", "rebels of Darfur"); not
# "against", "with", "to": "rebels against the Russian offensive" are not Russian.
PLACE_PREPS = frozenset({"in", "of", "from", "at", "near", "inside", "across", "throughout", "within", "around"})
# Prepositions whose object after a person's name says where they are from ("Senator Jeff Merkley of Oregon").
HOME_PREPS = frozenset({"of", "from"})
# Definite state institutions that, unqualified, mean the state the text is talking about ("the government").
BRIDGING = frozenset({"government", "authorities", "administration", "regime", "parliament", "army", "military",
                      "police", "cabinet", "ministry", "security forces", "troops", "legislature", "leadership",
                      "foreign ministry", "defence ministry", "defense ministry", "armed forces", "navy", "air force",
                      "riot police", "officials", "president", "prime minister", "premier", "foreign minister",
                      "defence minister", "defense minister", "interior minister", "foreign secretary", "king",
                      "emir", "chancellor", "supreme leader", "junta", "ruling party"})
# Groups that act at home: unqualified, they belong to the country the article is about once it has fixed one.
DOMESTIC_GROUPS = frozenset({"protesters", "protester", "demonstrators", "demonstrator", "activists", "activist",
                             "critics", "opposition", "rebels", "rebel", "militants", "militant", "insurgents",
                             "separatists", "prosecutors",
                             "prosecutor", "judges", "judge", "court", "courts", "authorities", "students",
                             "workers", "residents", "civilians", "opposition leader", "dissidents", "security forces",
                             "riot police", "policemen", "police officers", "officers", "soldiers", "forces",
                             "crowd", "crowds", "mob", "mobs", "agents", "federal agents", "border agents"})
CROWDS = frozenset({"crowd", "crowds", "mob", "mobs"})
# Members of a legislature, unqualified: those of the one legislature whose members the article has named.
LEGISLATORS = frozenset({"lawmakers", "lawmaker", "legislators", "legislator", "senators", "congressmen",
                         "congresswomen", "members of parliament", "mps", "parliamentarians", "deputies"})
# Armed forces take the article's country only when it dominates strongly: wars are reported from both sides;
# so does "the administration", which reporters also use for their own country's government in foreign news.
# (Legislators take none: a story about a foreign country is often told through the home legislature's debate.)
STRICT_BRIDGING = frozenset({"army", "military", "troops", "armed forces", "navy", "air force", "soldiers",
                             "forces", "rebels", "rebel", "militants", "militant", "insurgents", "separatists",
                             "administration"})
# Countries whose national legislature is called Congress ("Congress" alone names theirs in a story about them).
CONGRESS_COUNTRIES = frozenset({"USA", "PER", "PHL", "COL", "ARG", "BRA", "MEX", "GTM", "HND", "CHL", "PRY", "DOM",
                                "FSM"})
# Offices that deal with other countries: an unnamed foreign ministry's spokesman or envoy in a story about
# country X is as likely to be another country's, so such titles never take the article's country.
FOREIGN_OFFICES = frozenset({"Foreign Minister", "Diplomat"})
# Prefixes that make a nationality or name a backer, not the actor itself ("Kremlin-backed separatists").
AFFILIATION = frozenset({"backed", "supported", "allied", "aligned", "sponsored", "funded", "armed", "trained",
                         "friendly", "leaning"})


@stage("actors", requires=("sentences", "reference_date"), provides=("mentions",))
def resolve_actors(doc: Document, ctx: Context) -> Document:
    """Sentences -> actor mentions. Requires: sentences, reference_date. Provides: mentions."""
    kb = load_knowledge(ctx)
    date = doc.reference_date or doc.article.published
    memory = Memory()
    if doc.article.title:
        words = doc.article.title.split()
        count_countries(kb.match([(w.strip(".,:;!?\"'()"), " ") for w in words], lemmas=None), memory)
    out: list[Mention] = []
    for sent in doc.sentences:
        out.extend(sentence_mentions(sent, kb, date=date, memory=memory))
    return dataclasses.replace(doc, mentions=tuple(out))


def sentence_mentions(sent: Sentence, kb: Knowledge, *, date: dt.date | None, memory: Memory | None = None
                      ) -> list[Mention]:
    """Every actor mention of one sentence, in token order (memory carries coreference across sentences)."""
    memory = memory if memory is not None else Memory()
    toks = sent.tokens
    if not toks:
        return []
    children: list[list[int]] = [[] for _ in toks]
    for t in toks:
        if t.head != t.i and 0 <= t.head < len(toks):
            children[t.head].append(t.i)
    matches = kb.match([(_bare(t.text), t.ws) for t in toks], lemmas=[t.lemma for t in toks])
    count_countries(matches, memory)
    count_places(toks, matches, kb, memory)
    at: dict[int, Match] = {}
    for m in matches:
        for i in range(m.start, m.end):
            at[i] = m
    covered = set()
    for m in matches:
        h = _match_head(m, toks)
        covered.update(i for i in range(m.start, m.end) if i != h)
    out: list[Mention] = []
    for t in toks:
        if t.i in covered or not _is_head(t, toks, at):
            continue
        found = _mentions_at(t, sent, toks, children, at, kb, date, memory, out)
        if t.dep == "appos" and len(found) == 1 and found[0].kind == "agent":
            found = [apposition(found[0], t, out)]
            name_from_apposition(found[0], t, out, memory)
        out.extend(found)
    memory.previous = (sent, tuple(out))
    return out


def _bare(word: str) -> str:
    """A token without the dashes glued to it by the tokenizer ("administration--")."""
    stripped = word.rstrip("-–—")
    return stripped if len(stripped) > 1 and stripped[-1].isalpha() else word


def count_countries(matches: Sequence[Match], memory: Memory) -> None:
    """Count the countries a stretch of text names (countries, capitals, nationalities, metonyms)."""
    for m in matches:
        if (m.kind in PLACE_KINDS or m.kind == "metonym") and len(m.codes) == 1:
            memory.countries[m.codes[0]] += 1


def count_places(toks: Sequence[Token], matches: Sequence[Match], kb: Knowledge, memory: Memory) -> None:
    """Count the countries of the cities and regions a sentence names that the actor files lack ("Watertown,
    Mass.", "Aleppo"): a story told from places in one country is about that country."""
    known = {i for m in matches for i in range(m.start, m.end)}
    i = 0
    while i < len(toks):
        if toks[i].ent_iob == "B" and toks[i].ent_type in ("GPE", "LOC") and i not in known:
            j = i + 1
            while j < len(toks) and toks[j].ent_iob == "I":
                j += 1
            found = kb.place(_text(toks, i, j))
            if found is not None:
                memory.countries[found[0]] += 1
            i = j
        else:
            i += 1


def _match_head(m: Match, toks: Sequence[Token]) -> int:
    for i in range(m.start, m.end):
        if not (m.start <= toks[i].head < m.end) or toks[i].head == i:
            return i
    return m.end - 1


def _is_head(t: Token, toks: Sequence[Token], at: dict[int, Match]) -> bool:
    """A token heads a noun phrase of its own (not a modifier inside another one)."""
    if t.pos not in NOMINAL and not (t.i in at and t.pos in ("ADJ", "NOUN", "PROPN", "X")):
        return False
    if t.dep in MODIFIER_DEPS and t.head != t.i:
        head = toks[t.head]
        if _coordinated_compound(t, toks, at):
            return True
        if head.pos in NOMINAL or head.pos == "ADJ":
            return False
    if t.i in at and at[t.i].kind == "agent" and t.head > t.i and toks[t.head].ent_type == "PERSON":
        return False  # a title before a name: "Secretary of State John Kerry"
    if t.dep == "amod" or (t.pos == "ADJ" and _effective_dep(t, toks).dep in ("amod", "compound")):
        return False  # "Russian and Belarusian soldiers": the adjectives modify the noun
    return True


def _coordinated_compound(t: Token, toks: Sequence[Token], at: dict[int, Match]) -> bool:
    """'between Kyiv and Kremlin-backed separatists' parsed as a compound: the name is a phrase of its own."""
    if t.dep not in ("compound", "nmod") or not (t.i in at and at[t.i].kind in ("country", "capital", "metonym", "igo", "group")):
        return False
    return any(x.dep == "cc" and x.head == t.i for x in toks)


def _subtree(i: int, children: list[list[int]]) -> list[int]:
    out = [i]
    for c in children[i]:
        out.extend(_subtree(c, children))
    return out


def _effective_dep(t: Token, toks: Sequence[Token]) -> Token:
    """Follow conj links up to the first conjunct, whose relation the whole coordination shares."""
    seen = 0
    while t.dep == "conj" and t.head != t.i and seen < 10:
        t = toks[t.head]
        seen += 1
    return t


def _role(t: Token, toks: Sequence[Token]) -> str | None:
    base = _effective_dep(t, toks)
    if base.dep in ACTOR_DEPS:
        return "actor"
    if base.dep == "pobj" and base.head != base.i:
        return "place" if toks[base.head].lower in LOCATIVE else "actor"
    return None


def _mentions_at(t: Token, sent: Sentence, toks: Sequence[Token], children: list[list[int]], at: dict[int, Match],
                 kb: Knowledge, date: dt.date | None, memory: Memory, before: Sequence[Mention] = ()
                 ) -> list[Mention]:
    h = t.i
    if h not in at and t.pos == "NOUN" and not t.ent_type and t.lower not in GROUP_NOUNS:
        if t.lower in BODY_WORDS:  # "the department": the body of that kind named before
            lo = min([h, *(c for c in children[h] if c < h)])
            found = body_coref(t, sent, lo, h + 1, _text(toks, lo, h + 1), memory, toks)
            return [found] if found is not None else []
        return []  # a common noun that names no actor ("talks", "border"): the usual case, decided early
    left = [c for c in children[h] if c < h and toks[c].dep in NP_LEFT and not _coordinated_compound(toks[c], toks, at)]
    span = {h}
    for c in left:
        span.update(_subtree(c, children))
    start = min(span)
    head_match = at.get(h)
    end = max(h + 1, head_match.end if head_match else h + 1)
    if head_match:
        start = min(start, head_match.start)
    text = _text(toks, start, end)
    words = {toks[i].lower for i in range(start, end)}
    former = bool(words & FORMER_WORDS) or any(w.startswith("ex-") for w in words)
    seen: set[int] = set()
    modifiers: list[Match] = []
    for i in range(start, end):
        m = at.get(i)
        if m is None or m is head_match or id(m) in seen or not _modifies(m, toks):
            continue
        seen.add(id(m))
        modifiers.append(m)
    role = _role(t, toks)
    subj = _effective_dep(t, toks).dep in ("nsubj", "nsubjpass")

    def made(entity: Entity, kind: str, antecedent: tuple[int, int] | None = None) -> Mention:
        return Mention(sent.index, start, end, h, text, entity, kind, antecedent)

    # pronouns and coreference ------------------------------------------------------------------------------
    if t.pos == "PRON" or (t.lower in PERSON_PRONOUNS | THING_PRONOUNS and not head_match):
        found = pronoun(t, sent, text, start, end, memory, before)
        if found and found[1] is not None and t.lower in PERSON_PRONOUNS:
            pick = found[1]
            remember(memory, dataclasses.replace(found[0], text=pick.text), subj, pick.entity, gender=pick.gender)
        return list(found[:1])
    agent_head = head_match is not None and head_match.kind == "agent"
    named_mods = [m for m in modifiers if m.kind != "agent"]
    if not named_mods and (agent_head or t.lower in GROUP_NOUNS):
        group = group_coref(t, toks, children, head_match, sent, start, end, text, memory)
        if group is not None:
            return group
    if agent_head and not named_mods:
        title = title_coref(t, toks, children, head_match, sent, start, end, text, memory)
        if title is not None:
            return [title]
    if head_match is not None and head_match.kind in PLACE_KINDS and head_match.end - head_match.start == 1 \
            and t.i > 0 and toks[t.i - 1].lower.strip(".") in HONORIFICS:
        return [_titled_place_name(t, toks, sent, start, end, text, kb, date, memory, former=former, subj=subj)]
    if head_match is not None and head_match.kind in ("igo", "ngo") and _qualified_body(head_match, toks, at):
        return [made(Entity(entity_text=text, code=None, sector=head_match.entry.sector,
                            reason=f"'{text}': a body whose name only ends like the {head_match.kind} "
                            f"'{head_match.text}' ({head_match.entry.code}); its own is not in the knowledge base"),
                     "name")]
    bare = head_match is None or (head_match.kind == "person" and head_match.end - head_match.start == 1)
    lone = head_match is None and t.pos == "PROPN" and not (t.i > 0 and toks[t.i - 1].pos == "PROPN")
    if bare and t.pos == "PROPN" and (t.ent_type in ("PERSON", "") or lone):
        # a lone capitalised word the parser calls an organisation ("Carney said") may be a surname named before
        found = surname_coref(t, toks, sent, start, end, text, memory)
        if found is not None:
            sur, root = found
            remember(memory, dataclasses.replace(sur, text=root.entity.entity_text), subj, root.entity,
                     person=True, gender=root.gender)
            return [sur]
    namesake = _namesake(head_match, toks, kb, at)
    if namesake is not None:
        return [made(Entity(entity_text=text, code=None, identifier_text=_name_text(t, toks), reason=namesake),
                     "name")]
    # knowledge-base resolution --------------------------------------------------------------------------------
    context = _pp_context(h, toks, children, at)
    if any(toks[c].dep == "poss" and toks[c].pos == "PRON" and any(m.head == c and m.entity.code for m in before)
           for c in children[h]):
        context = []  # "its ambassador from Washington": the possessor's envoy, not the post's (see _possessed)
    if head_match is not None:
        places = [m for m in named_mods if m.kind in PLACE_KINDS | ORG_KINDS]
        split = agent_head and len({c for m in places for c in m.codes}) > 1 and _coordinated(places, toks)
        if agent_head and not named_mods and not split:
            # "the leaders of France, Germany and Britain": one mention per conjoined country of the phrase
            places = _conjoined_of(context, toks)
            split = len({c for m in places for c in m.codes}) > 1
        if split:
            # "Russian and Belarusian soldiers": one mention per country, same head
            titles = [m for m in modifiers if m.kind == "agent"]
            out = []
            for m in places:
                ent = kb.compose(head_match, titles + [m], date=date, text=text, former=former, role=role)
                ent = dataclasses.replace(ent, reason=ent.reason + "; one mention per conjoined country")
                mention = made(ent, "agent")
                remember(memory, mention, subj)
                out.append(mention)
            return out
        ent = kb.compose(head_match, modifiers, date=date, text=text, former=former, context=context, role=role)
        if ent.code is None and agent_head and not head_match.ambiguous:
            ent = _possessed(ent, t, toks, children, before)  # "its envoy in Vienna": the possessor's, first
        if ent.code is None and agent_head and not head_match.ambiguous:
            ent = _placed(ent, h, toks, children, kb)
        if ent.code is None and agent_head and not head_match.ambiguous:
            ent = _bridged(ent, t, toks, children, head_match, sent, memory, _backers(start, end, at, toks))
        mention = made(ent, _kind(head_match))
        remember(memory, mention, subj, plural=is_plural(t), gender=_gender(ent, toks, start, end, kb))
        return [mention]
    ent_type = t.ent_type
    if t.pos == "PROPN" and ent_type in ("PERSON", ""):
        if ent_type == "" and not modifiers:
            return []
        name = _name_text(t, toks)
        first = t.i - len(_name_tokens(t, toks)) + 1
        outside = [m for m in modifiers if m.end <= first]  # "South China Morning Post" is not China
        gender = phrase_gender(toks, start, end) or kb.name_gender(name)
        ent = _known_by_family_name(name, t, toks, start, first, outside, kb, date=date, text=text, former=former,
                                    gender=gender)
        if ent is None:
            ent = kb.compose(None, outside, date=date, text=text, former=former, name=name)
            if ent.code is None and ent_type == "PERSON":  # "Senator Jeff Merkley of Oregon"
                ent = _placed(ent, h, toks, children, kb, preps=HOME_PREPS)
            if ent.code is None and any(_us_secretary(m, toks) for m in outside):
                ent = dataclasses.replace(ent, code="USA", reason=f"{ent.reason}; USA: 'Secretary of State' with no "
                                          "'for ...' after it is the US title (British ones are 'Secretary of State "
                                          "for X')")
            envoy = any(m.kind == "agent" and m.entry.office in FOREIGN_OFFICES for m in outside)
            if ent.code is None and ent.sector and not envoy and not _unknown_body(toks, start, first, at):
                code = memory.article_country()  # "Sen. Jim Inhofe" in an article about the United States
                if code is not None:
                    ent = dataclasses.replace(ent, code=code, reason=f"{ent.reason}; {code}: the title's country is "
                                              "the country this article is about")
        elif gender is None:
            gender = _gender(ent, toks, start, end, kb)
        mention = made(ent, "name")
        remember(memory, mention, subj, person=ent_type == "PERSON" or bool(ent.entry), gender=gender)
        return [mention]
    if ent_type in ("GPE", "LOC", "FAC") and role == "actor":
        code, why, entry = kb._code_from(modifiers, date)
        if code is None:
            code, why = kb.place(_name_text(t, toks)) or (None, "")
        if code is not None:
            return [made(Entity(entity_text=text, code=code, sector="CVL", identifier_text=_name_text(t, toks),
                                reason=f"place '{_name_text(t, toks)}' not in the knowledge base; {why}; CVL as a "
                                "place", entry=entry), "name")]
    if ent_type in ("ORG", "NORP") and role is not None:  # NER calls some regions organisations ("Crimea")
        found = kb.place(_name_text(t, toks), regions_only=True)
        if found is not None:
            code, why = found
            return [made(Entity(entity_text=text, code=code, sector="CVL", identifier_text=_name_text(t, toks),
                                reason=f"region '{_name_text(t, toks)}': {why}; CVL as a place"), "name")]
    if ent_type in ("ORG", "NORP") or (ent_type in ("GPE", "LOC") and role == "actor"):
        what = {"ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place"}[ent_type]
        home = [m for m in modifiers if m.kind in ("country", "adjective") and not m.ambiguous]
        if ent_type == "ORG" and home and home[0].start == start + (toks[start].lower == "the") \
                and _inside_name(home[0], toks):
            # "U.S. Mission Benghazi", "the Russian Orthodox Church": a body whose name starts with a country
            # (its own first word, not a possessor or a description: "Japan's Nippon Steel", "German carmaker X")
            return [made(Entity(entity_text=text, code=home[0].codes[0], identifier_text=_name_text(t, toks),
                                reason=f"named organisation '{text}' is not in the knowledge base; its name starts "
                                f"with {home[0].kind} '{home[0].text}' -> {home[0].codes[0]}"), "name")]
        return [made(Entity(entity_text=text, code=None, identifier_text=_name_text(t, toks),
                            reason=f"named {what} '{_name_text(t, toks)}' is not in the knowledge base"), "name")]
    return []


def _modifies(m: Match, toks: Sequence[Token]) -> bool:
    """False for names that only back the actor ("Kremlin-backed", "pro-Russian")."""
    after = m.end
    if after + 1 < len(toks) and toks[after].text == "-" and toks[after + 1].lower in AFFILIATION:
        return False
    before = m.start - 1
    if before >= 0 and toks[before].lower in ("pro", "anti", "pro-", "anti-"):
        return False
    if before >= 1 and toks[before].text == "-" and toks[before - 1].lower in ("pro", "anti"):
        return False
    return True


def _coordinated(places: Sequence[Match], toks: Sequence[Token]) -> bool:
    return any(toks[i].dep == "conj" for m in places for i in range(m.start, m.end))


def _kind(m: Match) -> str:
    k = m.kind
    if k in ("capital", "metonym"):
        return "metonym"
    if k == "adjective":
        return "nationality"
    if k == "agent":
        return "agent"
    return "name"


def _text(toks: Sequence[Token], start: int, end: int) -> str:
    return "".join(toks[i].text + (toks[i].ws if i < end - 1 else "") for i in range(start, end))


def _name_tokens(t: Token, toks: Sequence[Token]) -> list[Token]:
    text = _name_text(t, toks)
    n = len(text.split())
    return list(toks[max(0, t.i - n + 1): t.i + 1])


def _name_text(t: Token, toks: Sequence[Token]) -> str:
    """The proper-name run ending at t ("Anatoly Antonov"), by entity type or flat PROPN compounds."""
    i = t.i
    while i > 0 and toks[i - 1].pos == "PROPN" and (toks[i - 1].ent_type == t.ent_type != "" or
                                                     toks[i - 1].dep in ("compound", "flat")):
        if t.ent_type and toks[i - 1].ent_type != t.ent_type:
            break
        i -= 1
    return _text(toks, i, t.i + 1)


def _pp_context(h: int, toks: Sequence[Token], children: list[list[int]], at: dict[int, Match]) -> list[Match]:
    """Matches inside prepositional phrases attached to the head ("police in Kabul", "rebels of Darfur")."""
    out: list[Match] = []
    for c in children[h]:
        if c > h and toks[c].dep == "prep" and toks[c].lower in PLACE_PREPS:
            for i in sorted(_subtree(c, children)):
                m = at.get(i)
                if m is not None and m not in out and m.kind != "agent":
                    out.append(m)
    return out


def _backers(start: int, end: int, at: dict[int, Match], toks: Sequence[Token]) -> frozenset[str]:
    """Codes a phrase names only as a backer ("Kremlin-backed", "pro-Russian")."""
    return frozenset(c for i in range(start, end) if i in at and not _modifies(at[i], toks) for c in at[i].codes)


def _conjoined_of(context: Sequence[Match], toks: Sequence[Token]) -> list[Match]:
    """Countries and bodies conjoined as the one object of the head's prepositional phrase ("of France, Germany
    and Britain"); [] when they are not one coordination (a place nested deeper is no member)."""
    members = [m for m in context if m.kind in PLACE_KINDS | ORG_KINDS and not m.ambiguous]
    bases = {_effective_dep(toks[_match_head(m, toks)], toks).i for m in members}
    if len(members) < 2 or len(bases) != 1 or toks[bases.pop()].dep != "pobj":
        return []
    return members


def _placed(ent: Entity, h: int, toks: Sequence[Token], children: list[list[int]], kb: Knowledge, *,
            preps: frozenset[str] = PLACE_PREPS) -> Entity:
    """An agent with no country named in its phrase takes the country of a place in its prepositional phrase."""
    for c in children[h]:
        if c > h and toks[c].dep == "prep" and toks[c].lower in preps:
            for i in sorted(_subtree(c, children)):
                t = toks[i]
                if t.ent_type in ("GPE", "LOC", "FAC") and t.ent_iob == "B":
                    j = i + 1
                    while j < len(toks) and toks[j].ent_iob == "I":
                        j += 1
                    found = kb.place(_text(toks, i, j))
                    if found:
                        code, why = found
                        return dataclasses.replace(ent, code=code, reason=f"{ent.reason.split('; no country')[0]}; "
                                                   f"{code} from '{_text(toks, i, j)}' ({why})")
    return ent


def _known_by_family_name(name: str, t: Token, toks: Sequence[Token], start: int, first: int,
                          modifiers: Sequence[Match], kb: Knowledge, *, date: dt.date | None, text: str, former: bool,
                          gender: str | None) -> Entity | None:
    """A name the index lacks, written the way the press shortens known people ("Mr. McCain", "Sen. Graham",
    "John O. Brennan"): the one known person of that family (and given) name, or None. A lone word needs the
    parser to call it a person or a courtesy title before it."""
    titled = any(toks[i].lower.strip(".") in HONORIFICS for i in range(start, first))
    if len(name.split()) == 1 and not titled and (t.ent_type != "PERSON" or t.lower in kb.given_names):
        return None  # a lone "Paul" or "Graham" may be anyone's given name
    pid, why = kb.person_by_family_name(name, date, gender=gender)
    if pid is None:
        return None
    titles = [m for m in modifiers if m.kind == "agent"]
    ent = kb.person_entity(pid, date=date, text=text, title=titles[-1].entry if titles else None, former=former)
    return dataclasses.replace(ent, reason=f"{why}; {ent.reason}")


def _titled_place_name(t: Token, toks: Sequence[Token], sent: Sentence, start: int, end: int, text: str,
                       kb: Knowledge, date: dt.date | None, memory: Memory, *, former: bool, subj: bool) -> Mention:
    """'Mr. Jordan', 'Rep. Chad Roberts': a courtesy title makes a country's name a person's surname."""
    gender = phrase_gender(toks, start, end)
    found = surname_coref(t, toks, sent, start, end, text, memory)
    if found is not None:
        sur, root = found
        remember(memory, dataclasses.replace(sur, text=root.entity.entity_text), subj, root.entity, person=True,
                 gender=root.gender)
        return sur
    ent = _known_by_family_name(t.text, t, toks, start, t.i, [], kb, date=date, text=text, former=former,
                                gender=gender)
    if ent is None:
        ent = Entity(entity_text=text, code=None, identifier_text=t.text,
                     reason=f"'{text}': the courtesy title makes '{t.text}' a person's name, not the country; no "
                     "known person of that name")
    mention = Mention(sent.index, start, end, t.i, text, ent, "name")
    remember(memory, mention, subj, person=True, gender=gender)
    return mention


def _qualified_body(head: Match, toks: Sequence[Token], at: dict[int, Match]) -> bool:
    """'the Supreme Security Council' (Libya's): a capitalised word the knowledge base does not know, right before
    an international body's name and part of it, makes it another body of a similar name."""
    i = head.start - 1
    if i < 0 or i in at or not toks[i].text[:1].isupper() or toks[i].dep not in ("compound", "amod"):
        return False
    if i > 0 and (i - 1) in at and at[i - 1].kind in ("country", "adjective"):
        return False  # "the Iraqi National Security Council": the nationality decides (Knowledge.compose)
    return toks[i].pos in ("PROPN", "ADJ") and toks[i].lower not in ("the", "a", "an")


def _unknown_body(toks: Sequence[Token], start: int, first: int, at: dict[int, Match]) -> bool:
    """A capitalised word before the name that the knowledge base does not know ("Eurogroup President X"): the
    title belongs to a body we cannot place, so the article's country must not be lent to it."""
    return any(toks[i].pos == "PROPN" and i not in at and toks[i].lower.strip(".") not in HONORIFICS
               for i in range(start, first))


def _gender(ent: Entity, toks: Sequence[Token], start: int, end: int, kb: Knowledge) -> str | None:
    """What the phrase ("Mr.", "spokeswoman") or, for a known person, the knowledge base says of their gender."""
    said = phrase_gender(toks, start, end)
    if said is None and ent.entry and ent.entry.startswith("person:"):
        said = kb.person_gender(ent.entry.split(":", 1)[1])
    return said


def _namesake(head_match: Match | None, toks: Sequence[Token], kb: Knowledge, at: dict[int, Match]) -> str | None:
    """'Hunter Biden', 'Daniil Medvedev': a known person's family name alone matched, after a given name that is
    none of that person's (middle initials aside: 'Leon E. Panetta'). The reason it is someone else, or None."""
    if head_match is None or head_match.kind != "person" or head_match.end - head_match.start != 1:
        return None
    last = toks[head_match.start]
    words = []  # the name's words before the family name, nearest first
    i = head_match.start - 1
    while i >= 0 and toks[i].pos == "PROPN" and toks[i].dep == "compound" and toks[i].head == last.i \
            and i not in at and toks[i].text[:1].isupper() and toks[i].lower.strip(".") not in HONORIFICS:
        words.append(toks[i].lower.strip("."))
        i -= 1
    if not words:
        return None
    pid = head_match.entry.id.split(":", 1)[1]
    person = kb.people.get(pid)
    if person is None:
        return None
    given = {n.split()[0].lower().strip(".") for n in person.names if len(n.split()) > 1}
    first = words[-1]
    full = [w for w in words if len(w) > 1]
    if first in given or any(w in given for w in full) or (len(first) == 1 and any(g.startswith(first) for g in given)):
        return None
    written = " ".join(toks[j].text for j in range(i + 1, head_match.end))
    return (f"'{written}' is not {person.name}: the family name matches, the given name is none of theirs")


def _inside_name(m: Match, toks: Sequence[Token]) -> bool:
    """Whether a country word is the first word of the organisation's own name: tagged as part of that ORG entity
    by the parser and not a possessor ("Japan's")."""
    last = toks[m.end - 1]
    after = toks[m.end] if m.end < len(toks) else None
    return all(toks[i].ent_type == "ORG" for i in range(m.start, m.end)) and last.dep != "poss" and not (
        after is not None and after.tag == "POS")


def _possessed(ent: Entity, t: Token, toks: Sequence[Token], children: list[list[int]], before: Sequence[Mention]
               ) -> Entity:
    """'his government', 'its army', 'her foreign minister': an agent with a possessive pronoun belongs to whoever
    the pronoun was resolved to (a person's or a state's country)."""
    for c in children[t.i]:
        if toks[c].dep != "poss" or toks[c].pos != "PRON":
            continue
        owner = [m for m in before if m.head == c and m.entity.code is not None]
        if owner:
            o = owner[-1]
            return dataclasses.replace(ent, code=o.entity.code, reason=f"{ent.reason.split('; no country')[0]}; "
                                       f"{o.entity.code} from its possessor '{o.text}' ({o.entity.reason})")
    return ent


def _bridged(ent: Entity, t: Token, toks: Sequence[Token], children: list[list[int]], head_match: Match,
             sent: Sentence, memory: Memory, backers: frozenset[str] = frozenset()) -> Entity:
    """'the government', 'police' with no country named: the one country the text just named, if only one;
    else the country the article is about, once it has fixed one (docs/actors.md)."""
    agent = normalise_agent(head_match.text)
    base = ent.reason.split("; no country")[0]
    if agent == "congress" and t.text == "Congress":
        return _congress(ent, base, memory)
    if agent in LEGISLATORS:
        return _legislators(ent, base, memory)
    if agent not in BRIDGING and agent not in DOMESTIC_GROUPS:
        return ent
    if agent in BRIDGING and any(toks[c].lower == "the" for c in children[t.i]):
        window = [p for p in memory.things if p.sentence >= sent.index - 1 and p.entity.entry
                  and p.entity.entry.split(":")[0] in ("country", "capital", "adjective", "demonym")]
        codes = {p.entity.code for p in window}
        if len(codes) == 1:
            p = window[-1]
            return dataclasses.replace(ent, code=p.entity.code, reason=f"{base}; {p.entity.code} bridged from "
                                       f"'{p.text}' (sentence {p.sentence}), the only country named in this or the "
                                       "previous sentence")
    indefinite = ("some", "other", "foreign") if agent in CROWDS else ("a", "an", "some", "other", "foreign")
    if any(toks[c].dep == "poss" or toks[c].lower in indefinite for c in children[t.i]):
        return ent  # "their police", "a foreign army": not the article's own institutions (but "a crowd" is)
    code = memory.article_country(strict=agent in STRICT_BRIDGING)
    if code is None:
        return ent
    if code in backers:  # "Moscow-backed rebels" are not Moscow's own, whatever the article is about
        return dataclasses.replace(ent, reason=f"{base}; not {code}, the country this article is about: the phrase "
                                   "names it as the backer")
    return dataclasses.replace(ent, code=code, reason=f"{base}; {code} is the country this article is about "
                               f"(named {memory.countries[code]} times, far more than any other)")


def _legislators(ent: Entity, base: str, memory: Memory) -> Entity:
    """Unqualified 'lawmakers', 'senators': members of the one legislature whose members the article has named
    ("Sen. McCain ... lawmakers blasted the move"); no code when it named none or several countries' members."""
    codes = {p.entity.code for p in memory.people if p.entity.sector == "LEG" and p.entity.code}
    if len(codes) != 1:
        return ent
    code = next(iter(codes))
    named = next(p for p in reversed(memory.people) if p.entity.sector == "LEG" and p.entity.code == code)
    return dataclasses.replace(ent, code=code, reason=f"{base}; {code}: the legislature of '{named.text}' (sentence "
                               f"{named.sentence}), the only one whose members the article has named")


def _us_secretary(m: Match, toks: Sequence[Token]) -> bool:
    """'(Assistant / Deputy) Secretary of State X': the US title, unless 'for <department>' follows (British)."""
    return m.kind == "agent" and m.text.lower().endswith("secretary of state") and not (
        m.end < len(toks) and toks[m.end].lower == "for")


def _congress(ent: Entity, base: str, memory: Memory) -> Entity:
    """A bare 'Congress': the legislature of the article's country when that country's is called Congress, else
    the US Congress, which an unqualified 'Congress' names in English-language news, once the text has named the
    United States or an American (the lower-case agent word 'congress' stays unplaced)."""
    code = memory.article_country()
    if code in CONGRESS_COUNTRIES:
        return dataclasses.replace(ent, code=code, reason=f"{base}; {code}: the Congress of the country this article "
                                   "is about")
    if not memory.countries["USA"] and not any(p.entity.code == "USA" for p in memory.people):
        return ent  # nothing American named yet: PETRARCH's gold leaves such a "Congress" without a country
    return dataclasses.replace(ent, code="USA", reason=f"{base}; USA: an unqualified 'Congress' in a text that has "
                               "named the United States or an American is the US Congress, unless the article is "
                               "about another country whose legislature is a Congress")


def normalise_agent(text: str) -> str:
    return " ".join(text.lower().split())
