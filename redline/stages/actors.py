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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..knowledge.actors import FORMER_WORDS, ORG_KINDS, PLACE_KINDS, Knowledge, Match, load_knowledge
from ..pipeline import Context, stage
from ..records import Document, Entity, Mention, Sentence, Token

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
PRONOUN_WINDOW = 3  # sentences back a pronoun may reach for its antecedent
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
                             "separatists", "lawmakers", "lawmaker", "legislators", "senators", "prosecutors",
                             "prosecutor", "judges", "judge", "court", "courts", "authorities", "students",
                             "workers", "residents", "civilians", "opposition leader", "dissidents", "security forces",
                             "riot police", "policemen", "police officers", "officers", "soldiers", "forces"})
# Armed forces take the article's country only when it dominates strongly: wars are reported from both sides.
MILITARY_BRIDGING = frozenset({"army", "military", "troops", "armed forces", "navy", "air force", "soldiers",
                               "forces", "rebels", "rebel", "militants", "militant", "insurgents", "separatists"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"its", "itself"})
GROUP_NOUNS = {"countries": "place", "states": "place", "nations": "place", "sides": "place", "neighbours": "place",
               "neighbors": "place", "governments": "place", "capitals": "place"}
PAIR_WORDS = {"two": 2, "both": 2, "three": 3}
# Prefixes that make a nationality or name a backer, not the actor itself ("Kremlin-backed separatists").
AFFILIATION = frozenset({"backed", "supported", "allied", "aligned", "sponsored", "funded", "armed", "trained",
                         "friendly", "leaning"})


@dataclass(slots=True)
class Memory:
    """What earlier mentions in the article resolved to, for coreference (mutable, local to one document)."""

    people: list[tuple[int, int, str, Entity, bool]] = field(default_factory=list)  # sentence, head, text, entity, subj
    things: list[tuple[int, int, str, Entity, bool]] = field(default_factory=list)  # countries and organisations
    countries: Counter = field(default_factory=Counter)  # country code -> times named so far (title included)

    def article_country(self, *, strict: bool = False) -> str | None:
        """The country the article is about, once the text has fixed it: named at least twice (three times when
        strict) and at least twice (three times) as often as any other country."""
        ranked = self.countries.most_common(2)
        if not ranked:
            return None
        need = 3 if strict else 2
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        return top if n >= need and n >= need * second else None


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
    matches = kb.match([(t.text, t.ws) for t in toks], lemmas=[t.lemma for t in toks])
    count_countries(matches, memory)
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
        found = _mentions_at(t, sent, toks, children, at, kb, date, memory)
        if t.dep == "appos" and len(found) == 1 and found[0].kind == "agent":
            found = [_apposition(found[0], t, out)]
            _name_from_apposition(found[0], t, out, memory)
        out.extend(found)
    return out


def count_countries(matches: Sequence[Match], memory: Memory) -> None:
    """Count the countries a stretch of text names (countries, capitals, nationalities, metonyms)."""
    for m in matches:
        if (m.kind in PLACE_KINDS or m.kind == "metonym") and len(m.codes) == 1:
            memory.countries[m.codes[0]] += 1


def _apposition(mention: Mention, t: Token, before: Sequence[Mention]) -> Mention:
    """'Dmitry Peskov, the Kremlin spokesman, said': the title phrase is the named person it stands beside."""
    for m in before:
        if m.head == t.head and m.entity.entry and m.entity.entry.startswith("person:"):
            e = m.entity
            root = dataclasses.replace(e, entity_text=mention.text,
                                       reason=f"coreference: apposition '{mention.text}' -> '{m.text}'; {e.reason}")
            return dataclasses.replace(mention, entity=root, kind="title", antecedent=(m.sentence, m.head))
    return mention


def _name_from_apposition(title: Mention, t: Token, out: list[Mention], memory: Memory) -> None:
    """'Emily Thornberry, Britain's shadow foreign secretary, said': a person the knowledge base does not know
    is who the title beside them says (country, sector, office); the name keeps its text. Updates `out` and the
    coreference memory in place."""
    if title.entity.code is None:
        return
    for k, m in enumerate(out):
        if m.head != t.head or m.entity.code is not None or m.kind != "name":
            continue
        e = title.entity
        named = dataclasses.replace(e, entity_text=m.text, identifier_text=m.entity.identifier_text or m.text,
                                    entry=None, reason=f"apposition '{title.text}' names who '{m.text}' is; {e.reason}")
        out[k] = dataclasses.replace(m, entity=named)
        memory.people = [(s, h, x, named if (s, h) == (m.sentence, m.head) else ent, sj)
                         for s, h, x, ent, sj in memory.people]
        return


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
                 kb: Knowledge, date: dt.date | None, memory: Memory) -> list[Mention]:
    h = t.i
    if h not in at and t.pos == "NOUN" and not t.ent_type and t.lower not in GROUP_NOUNS:
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
        found = _pronoun(t, sent, text, start, end, memory)
        if found and found[0].antecedent is not None and t.lower in PERSON_PRONOUNS:
            _remember(memory, dataclasses.replace(found[0], text=found[2]), subj, found[1])
        return found[:1]
    agent_head = head_match is not None and head_match.kind == "agent"
    named_mods = [m for m in modifiers if m.kind != "agent"]
    if not named_mods and (agent_head or t.lower in GROUP_NOUNS):
        group = _group_coref(t, toks, children, head_match, sent, start, end, text, memory)
        if group is not None:
            return group
    if agent_head and not named_mods:
        title = _title_coref(t, toks, children, head_match, sent, start, end, text, memory)
        if title is not None:
            return [title]
    bare = head_match is None or (head_match.kind == "person" and head_match.end - head_match.start == 1)
    if bare and t.pos == "PROPN" and t.ent_type in ("PERSON", ""):
        found = _surname_coref(t, toks, at, sent, start, end, text, memory)
        if found is not None:
            sur, root = found
            _remember(memory, dataclasses.replace(sur, text=root.entity_text), subj, root)
            return [sur]
    # knowledge-base resolution --------------------------------------------------------------------------------
    context = _pp_context(h, toks, children, at)
    if head_match is not None:
        places = [m for m in named_mods if m.kind in PLACE_KINDS | ORG_KINDS]
        if agent_head and len({c for m in places for c in m.codes}) > 1 and _coordinated(places, toks):
            # "Russian and Belarusian soldiers": one mention per country, same head
            titles = [m for m in modifiers if m.kind == "agent"]
            out = []
            for m in places:
                ent = kb.compose(head_match, titles + [m], date=date, text=text, former=former, role=role)
                ent = dataclasses.replace(ent, reason=ent.reason + "; compound mention split")
                mention = made(ent, "agent")
                _remember(memory, mention, subj)
                out.append(mention)
            return out
        ent = kb.compose(head_match, modifiers, date=date, text=text, former=former, context=context, role=role)
        if ent.code is None and agent_head and not head_match.ambiguous:
            ent = _placed(ent, h, toks, children, kb)
        if ent.code is None and agent_head and not head_match.ambiguous:
            ent = _bridged(ent, t, toks, children, head_match, sent, memory)
        mention = made(ent, _kind(head_match))
        _remember(memory, mention, subj, plural=_plural(t))
        return [mention]
    ent_type = t.ent_type
    if t.pos == "PROPN" and ent_type in ("PERSON", ""):
        if ent_type == "" and not modifiers:
            return []
        name = _name_text(t, toks)
        first = t.i - len(_name_tokens(t, toks)) + 1
        outside = [m for m in modifiers if m.end <= first]  # "South China Morning Post" is not China
        ent = kb.compose(None, outside, date=date, text=text, former=former, name=name)
        if ent.code is None and ent.sector:  # "Sen. Jim Inhofe" in an article about the United States
            code = memory.article_country()
            if code is not None:
                ent = dataclasses.replace(ent, code=code, reason=f"{ent.reason}; {code}: the title's country is the "
                                          "country this article is about")
        mention = made(ent, "name")
        _remember(memory, mention, subj, person=ent_type == "PERSON")
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


def _placed(ent: Entity, h: int, toks: Sequence[Token], children: list[list[int]], kb: Knowledge) -> Entity:
    """An agent with no country named in its phrase takes the country of a place in its prepositional phrase."""
    for c in children[h]:
        if c > h and toks[c].dep == "prep" and toks[c].lower in PLACE_PREPS:
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


def _bridged(ent: Entity, t: Token, toks: Sequence[Token], children: list[list[int]], head_match: Match,
             sent: Sentence, memory: Memory) -> Entity:
    """'the government', 'police' with no country named: the one country the text just named, if only one;
    else the country the article is about, once it has fixed one (docs/actors.md)."""
    agent = normalise_agent(head_match.text)
    if agent not in BRIDGING and agent not in DOMESTIC_GROUPS:
        return ent
    base = ent.reason.split("; no country")[0]
    if agent in BRIDGING and any(toks[c].lower == "the" for c in children[t.i]):
        window = [p for p in memory.things if p[0] >= sent.index - 1 and p[3].entry
                  and p[3].entry.split(":")[0] in ("country", "capital", "adjective", "demonym")]
        codes = {p[3].code for p in window}
        if len(codes) == 1:
            p = window[-1]
            return dataclasses.replace(ent, code=p[3].code, reason=f"{base}; {p[3].code} bridged from '{p[2]}' "
                                       f"(sentence {p[0]}), the only country named in this or the previous sentence")
    if any(toks[c].dep == "poss" or toks[c].lower in ("a", "an", "some", "other", "foreign") for c in children[t.i]):
        return ent  # "their police", "a foreign army": not the article's own institutions
    code = memory.article_country(strict=agent in MILITARY_BRIDGING)
    if code is None:
        return ent
    return dataclasses.replace(ent, code=code, reason=f"{base}; {code} is the country this article is about "
                               f"(named {memory.countries[code]} times, far more than any other)")


def normalise_agent(text: str) -> str:
    return " ".join(text.lower().split())


def _remember(memory: Memory, mention: Mention, subj: bool, root: Entity | None = None, *,
              person: bool = False, plural: bool = False) -> None:
    """Record a mention for coreference; coreferent mentions keep the entity (and reason) of their first mention.

    person: a named person even when unresolved, so that "he" after "John Smith" does not jump back to an
    earlier known person.
    """
    e = root or mention.entity
    item = (mention.sentence, mention.head, mention.text, e, subj)
    if person:
        memory.people.append(item)
        return
    if e.code is None:
        return
    if mention.kind == "agent":
        if e.office and not plural:  # a titled unnamed official ("the Russian envoy") can be "he" later
            memory.people.append(item)
    elif e.entry and e.entry.startswith("person:") or (e.identifier_text and mention.kind == "name" and e.office):
        memory.people.append(item)
    elif mention.kind in ("name", "metonym") and e.entry and not e.entry.startswith("agent:"):
        memory.things.append(item)


def _corefer(e: Entity, text: str, why: str) -> Entity:
    return dataclasses.replace(e, entity_text=text, reason=f"coreference: {why}; {e.reason}")


def _pronoun(t: Token, sent: Sentence, text: str, start: int, end: int, memory: Memory) -> tuple:
    """(mention, antecedent entity) for he/she/his/its...; () for pronouns we do not resolve (I, we, they, it)."""
    w = t.lower
    if w.endswith("self") and t.head != t.i and t.dep != "pobj" and t.dep != "dobj":
        return ()  # emphatic "the president himself": the noun is the mention
    if w in PERSON_PRONOUNS:
        pool = memory.people
        label = "person"
    elif w in THING_PRONOUNS:
        pool = memory.things
        label = "country or organisation"
    else:
        return ()
    recent = [p for p in pool if p[0] >= sent.index - PRONOUN_WINDOW and not (p[0] == sent.index and p[1] > t.i)]
    if not recent:
        return (Mention(sent.index, start, end, t.i, text,
                        Entity(entity_text=text, code=None, reason=f"pronoun '{t.text}' has no {label} antecedent "
                               f"in the {PRONOUN_WINDOW} sentences before"), "pronoun"), None, "")
    subjects = [p for p in recent if p[4]]
    same = [p for p in recent if p[0] == sent.index]
    pick = (same or subjects or recent)[-1]
    ent = _corefer(pick[3], text, f"'{t.text}' -> '{pick[2]}' (sentence {pick[0]})")
    return (Mention(sent.index, start, end, t.i, text, ent, "pronoun", (pick[0], pick[1])), pick[3], pick[2])


def _title_coref(t: Token, toks, children, head_match: Match, sent: Sentence, start: int, end: int, text: str,
                 memory: Memory) -> Mention | None:
    """'the spokesman', 'the president' -> the latest person whose office contains that word."""
    agent = head_match.entry
    if agent.role != "office" or not any(toks[c].lower in ("the", "this", "that") for c in children[t.i]):
        return None
    if _plural(t):
        return None  # "the leaders" is not one earlier person
    word = _office_word(t)
    for s, h, mtext, e, _ in reversed(memory.people):
        if (s, h) == (sent.index, t.i):
            continue
        if e.sector == "ELI" and "former" not in text.lower():
            continue  # "the current leader" is not a former one
        if e.office and word in e.office.lower():
            ent = _corefer(e, text, f"title '{text}' -> '{mtext}' (sentence {s})")
            return Mention(sent.index, start, end, t.i, text, ent, "title", (s, h))
    return None


def _plural(t: Token) -> bool:
    return t.tag in ("NNS", "NNPS") or "Number=Plur" in t.morph


def _office_word(t: Token) -> str:
    """The singular of an office noun ("presidents" -> "president") to look for in an office title."""
    word = (t.lemma or t.text).lower()
    if word == t.lower and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _group_coref(t: Token, toks, children, head_match: Match | None, sent: Sentence, start: int, end: int, text: str,
                 memory: Memory) -> list[Mention] | None:
    """'the two presidents', 'both countries' -> one mention per member, same span and head."""
    count = 0
    definite = False
    for c in children[t.i]:
        if toks[c].lower in PAIR_WORDS and toks[c].dep in ("nummod", "det", "predet", "quantmod"):
            count = PAIR_WORDS[toks[c].lower]
        definite = definite or toks[c].lower in ("the", "these", "those", "both")
    if count < 2 or not definite:
        return None  # "two states" (a two-state solution) is not the two states named before
    if t.lower in GROUP_NOUNS:
        pool = [p for p in memory.things if p[3].entry and p[3].entry.split(":")[0] in ("country", "capital",
                                                                                       "metonym", "adjective")]
    elif head_match is not None and head_match.entry.role == "office":
        pool = [p for p in memory.people if p[3].office and _office_word(t) in p[3].office.lower()]
    else:
        return None
    members: list[tuple] = []
    seen_codes: set[str] = set()
    for p in reversed(pool):
        key = p[3].identifier_text or p[3].code
        if key in seen_codes:
            continue
        seen_codes.add(key)
        members.append(p)
        if len(members) == count:
            break
    if len(members) < count:
        return None
    out = []
    for p in reversed(members):
        ent = _corefer(p[3], text, f"'{text}' member '{p[2]}' (sentence {p[0]})")
        out.append(Mention(sent.index, start, end, t.i, text, ent, "group", (p[0], p[1])))
    return out


def _surname_coref(t: Token, toks, at, sent: Sentence, start: int, end: int, text: str, memory: Memory
                   ) -> tuple[Mention, Entity] | None:
    """A bare surname ("Peskov") -> the earlier full mention of that person in the article."""
    if t.i > 0 and toks[t.i - 1].pos == "PROPN" and toks[t.i - 1].dep in ("compound", "flat"):
        return None  # part of a longer name, not a bare surname
    for s, h, mtext, e, _ in reversed(memory.people):
        full = e.identifier_text or ""
        if full and full.split()[-1].lower() == t.lower and full.lower() != t.lower:
            ent = _corefer(e, text, f"surname '{t.text}' -> '{mtext}' (sentence {s})")
            return Mention(sent.index, start, end, t.i, text, ent, "surname", (s, h)), e
    return None
