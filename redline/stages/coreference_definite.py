"""Definite descriptions that name again a party named before: "the country", "the group", "the alliance", and a
definite agent word repeated ("Boko Haram militants ... the militants", "the Assad regime ... the regime").

Each resolves to the last compatible mention within reach when it is the only candidate there; when two
candidates compete (two countries named in the sentence, two groups in the last sentences, "Syrian rebels" and
"Libyan rebels") the description stays as the other rules leave it: never a guess (docs/actors.md, eighth round).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Entity, Mention, Sentence, Token
from .article_country import SOVEREIGNS
from .coreference import Antecedent, Memory, clause_subject, corefer, is_plural

# Nouns that are no agent word but, definite and alone, name again a party of one kind named before; with the
# entry kinds (knowledge base) that party may be of, and how many sentences back it may be named.
KIND_WORDS: dict[str, tuple[frozenset[str], int]] = {
    "country": (frozenset({"country", "capital", "metonym"}), 1),
    "nation": (frozenset({"country", "capital", "metonym"}), 1),
    "group": (frozenset({"group", "ngo"}), 3),
    "movement": (frozenset({"group"}), 3),
    "organization": (frozenset({"group", "ngo", "igo"}), 3),
    "organisation": (frozenset({"group", "ngo", "igo"}), 3),
    "alliance": (frozenset({"igo"}), 3),
    "bloc": (frozenset({"igo"}), 3),
}
# Sectors of named bodies a kind word never names again: a newspaper is no "group" or "movement" ("an exiled
# leader of the movement" after "The New York Times reports ..."), a company no "movement".
NOT_OF_KIND: dict[str, frozenset[str]] = {
    "group": frozenset({"JRN"}), "organization": frozenset({"JRN"}), "organisation": frozenset({"JRN"}),
    "movement": frozenset({"JRN", "BUS"}),
}
COUNTRY_KINDS = frozenset({"country", "capital", "metonym"})
# Children a definite description may have and still be only "the X" ("the group's", "the rebels,").
BARE_DEPS = frozenset({"det", "case", "punct"})
# Words that say what kind of group or alliance a kind word is, not which one ("the militant group", "the terror
# group", "the military alliance"): with them the description still names again the one party of its kind in reach
# (fifteenth round). "rival", "other", "new" and a nationality are not among them: they point elsewhere.
KIND_DESCRIPTIONS = frozenset({"militant", "terror", "terrorist", "jihadist", "extremist", "armed", "insurgent",
                               "rebel", "islamist", "islamic", "paramilitary", "radical", "hardline", "separatist", "military",
                               "defence", "defense", "security", "western", "transatlantic", "political"})


def bare_definite(t: Token, toks: Sequence[Token], children: list[list[int]], *, described: bool = False) -> bool:
    """'the group', 'the rebels': the article and the noun only (no adjective, no 'of ...', no clause, no name).
    described: words of KIND_DESCRIPTIONS before the noun are allowed too ("the militant group")."""
    kids = children[t.i]
    return any(toks[c].dep == "det" and toks[c].lower == "the" for c in kids) and all(
        toks[c].dep in BARE_DEPS and toks[c].lower not in ("this", "that", "these", "those", "a", "an")
        or described and c < t.i and toks[c].dep in ("amod", "compound") and toks[c].lower in KIND_DESCRIPTIONS
        and not children[c] for c in kids)


def _kind(a: Antecedent) -> str:
    return (a.entity.entry or "").split(":")[0]


def _own_subject(t: Token, sent: Sentence) -> int | None:
    """The subject of the clause the description sits in ("the U.S. will cancel its exercises with the country":
    'the U.S.'): a party a description in its own clause's object cannot be."""
    return None if t.dep in ("nsubj", "nsubjpass") else clause_subject(t, sent.tokens)


def kind_coref(t: Token, sent: Sentence, start: int, end: int, text: str, memory: Memory,
               toks: Sequence[Token], children: list[list[int]]) -> Mention | None:
    """'the country' -> the one country named in this sentence (before it) or the one before; 'the group' -> the
    one group or NGO named in the last three sentences; 'the alliance', 'the bloc' -> the one IGO. None when
    nothing or more than one candidate is in reach, or the phrase is more than "the X"."""
    if t.lower not in KIND_WORDS or is_plural(t) or not bare_definite(t, toks, children, described=True):
        return None
    kinds, window = KIND_WORDS[t.lower]
    own = _own_subject(t, sent)
    unlike = NOT_OF_KIND.get(t.lower, frozenset())
    found = [p for p in memory.things if _kind(p) in kinds and p.entity.code and p.sentence >= sent.index - window
             and p.entity.sector not in unlike and not (p.sentence == sent.index and (p.head > t.i or p.head == own))]
    if not found:
        return None
    countries = t.lower in ("country", "nation")
    distinct = {p.entity.code if countries else (p.entity.entry or p.entity.code) for p in found}
    if len(distinct) > 1:
        return None  # two candidates compete: no guess
    pick = found[-1]
    ent = corefer(pick.entity, text, f"'{text}' -> '{pick.text}' (sentence {pick.sentence}), the only "
                  f"{'country' if countries else t.lower} named in reach")
    return Mention(sent.index, start, end, t.i, text, ent, "title", (pick.sentence, pick.head))


def bare_noun(t: Token, toks: Sequence[Token], children: list[list[int]], start: int, end: int) -> bool:
    """'Police said', 'Protesters gathered', 'riot police were withdrawn': an agent word with no determiner and
    nothing else on it but the words of its own agent phrase (`start`-`end`: "riot", "police" of "police
    officers"), plural or a mass noun, so it names the ones of the story, not one new person ("a judge")."""
    if any(toks[c].dep not in ("compound", "punct") or toks[c].dep == "compound" and not start <= c < end
           for c in children[t.i]):
        return False
    return is_plural(t) or t.tag == "NN" and t.lower in MASS_AGENTS


# Agent words that name a body in the singular without a determiner ("Police said ...").
MASS_AGENTS = frozenset({"police", "intelligence", "law enforcement", "military", "security"})
# Bodies a bare definite word names again only as the same body ("the Obama administration ... the administration"),
# never as the government of a country merely named in between (that would be "its government", "Mexico's").
NAMED_AGAIN_ONLY = frozenset({"administration"})
# Sectors whose agent words name one body under several names ("police", "riot police", "police officers";
# "troops", "soldiers", "tanks"): a bare one takes the earlier ones of its row (agents.csv), not only of its word.
BODY_SECTORS = frozenset({"COP", "MIL", "JUD", "SPY"})


def repeated_agent(own: Entity, t: Token, sent: Sentence, text: str, memory: Memory, toks: Sequence[Token],
                   children: list[list[int]], *, row: str = "", span: tuple[int, int] = (0, 0)) -> Entity | None:
    """'the militants' after 'Boko Haram militants': a bare definite agent word with no country of its own is the
    latest earlier mention of that word, in the same number, with a code, when all such mentions of the article
    are of one country ("the government" is not the earlier "Governments from Havana to Buenos Aires"). A bare
    noun with no determiner ("Police said ...", "Protesters returned") is so too, and for the police, the
    military, courts and spies any earlier mention of an agent word of the same row (`row`, agents.csv: "riot
    police" after "police") counts. When another country is named in this sentence before it or in the sentence
    before, the two compete: `own` (the agent as the knowledge base left it, no code) with the reason, and the
    caller looks no further (the country just named is no better a guess). None when no earlier mention settles
    it."""
    word, plural = agent_word(t), is_plural(t)
    kind = kind_coref(t, sent, t.i, t.i + 1, text, memory, toks, children) if t.lower in KIND_WORDS else None
    if kind is not None:  # "the terror group", "the armed group" after "the Islamic State": that group
        return kind.entity
    if bare_definite(t, toks, children):
        same = lambda w, a: w == word and a.plural == plural  # noqa: E731
    elif bare_noun(t, toks, children, *span):
        body = own.sector in BODY_SECTORS and row
        same = lambda w, a: w == word or body and a.row == row  # noqa: E731
    else:
        return None
    found = [a for w, a in memory.agents if same(w, a) and a.entity.code
             and (a.sentence, a.head) != (sent.index, t.i) and not (a.sentence == sent.index and a.head > t.i)]
    if not found or len({a.entity.code for a in found}) > 1:
        return None
    pick = found[-1]
    code = pick.entity.code
    rivals = {p.entity.code for p in memory.things if _kind(p) in COUNTRY_KINDS and p.entity.code != code
              and (p.sentence == sent.index - 1 or p.sentence == sent.index and p.head < t.i)}
    if word in NAMED_AGAIN_ONLY:  # "the administration": a country merely named is no rival to the one named again
        rivals = set()
    rivals.discard(SOVEREIGNS.get(code))  # "Hong Kong police ... Beijing warned ... police": the territory's own
    if (pick.entity.entry or "").startswith("group:") and pick.entity.sector == "REB":
        rivals = set()  # "al Qaeda militants ... In Yemen, militants": a country is no rival to an armed group
    if rivals:  # "Syrian rebels ... Turkey said the rebels": another country in reach competes; no guess either way
        return dataclasses.replace(own, reason=f"{own.reason}; '{text}' may be '{pick.text}' (sentence "
                                   f"{pick.sentence}, {code}) or of {', '.join(sorted(rivals))}, named just before; "
                                   "not guessing")
    by_row = pick.row == row and not any(w == word for w, a in memory.agents if a is pick)
    kind = f"'{word}' or other name of its body ({row})" if by_row else f"'{word}'"
    return corefer(pick.entity, text, f"'{text}' -> '{pick.text}' (sentence {pick.sentence}), the latest {kind} "
                   f"named; every earlier one is of {code}")


def body_modifier(own: Entity, t: Token, sent: Sentence, text: str, memory: Memory, toks: Sequence[Token],
                  children: list[list[int]], words: Sequence[str]) -> Entity | None:
    """'senior administration officials' after 'Obama's administration': an agent with no country of its own whose
    compound modifier is itself an agent word (`words`: the lemmas of those modifiers) is of the body that word
    named in this sentence before it, when every mention of that word in the article is of one country. None
    otherwise (not named in the sentence, or of two countries: no guess)."""
    for word in words:
        found = [a for w, a in memory.agents if w == word and a.entity.code
                 and not (a.sentence == sent.index and a.head > t.i)]
        near = [a for a in found if a.sentence == sent.index]
        if near and len({a.entity.code for a in found}) == 1:
            pick = near[-1]
            return dataclasses.replace(own, code=pick.entity.code, reason=f"{own.reason.split('; no country')[0]}; "
                                       f"{pick.entity.code} from '{pick.text}' (sentence {pick.sentence}), the "
                                       f"'{word}' its modifier names again; every earlier one is of "
                                       f"{pick.entity.code}")
    return None


def agent_word(t: Token) -> str:
    """The word a repeated agent is known by: its lemma ("militants" -> "militant")."""
    return (t.lemma or t.text).lower()


@dataclass(frozen=True, slots=True)
class AgentMention:
    """An agent mention with a code, kept for a later repeated description of it ("the militants")."""

    sentence: int
    head: int
    text: str
    entity: Entity
    plural: bool
    row: str = ""  # the agents.csv row of its agent word ("agents.csv:20"), for bodies named under several words


def remember_agent(memory: Memory, t: Token, mention: Mention, row: str = "") -> None:
    """Record an agent mention with a code for a later repeated description of it."""
    if mention.entity.code is not None and mention.kind == "agent":
        memory.agents.append((agent_word(t), AgentMention(mention.sentence, mention.head, mention.text,
                                                          mention.entity, is_plural(t), row)))


GROUPS_WINDOW = 3  # sentences back "the groups" may reach for the groups named before


def plural_groups_coref(t: Token, sent: Sentence, start: int, end: int, text: str, memory: Memory,
                        toks: Sequence[Token], children: list[list[int]]) -> Mention | None:
    """'the groups' -> the groups named just before under a longer agent phrase ("Two Syrian opposition groups
    said ... The groups blamed ..."): every plural agent mention ending in 'groups' in this sentence (before it) or
    the three before, when all are of one country or organisation; None when none is in reach or they compete."""
    if t.lower != "groups" or not bare_definite(t, toks, children):
        return None
    found = [a for _, a in memory.agents if a.plural and a.text.lower().split()[-1] == "groups"
             and a.sentence >= sent.index - GROUPS_WINDOW and not (a.sentence == sent.index and a.head >= t.i)]
    if not found or len({a.entity.code for a in found}) != 1:
        return None
    pick = found[-1]
    ent = corefer(pick.entity, text, f"'{text}' -> '{pick.text}' (sentence {pick.sentence}), the only groups named "
                  "in reach")
    return Mention(sent.index, start, end, t.i, text, ent, "title", (pick.sentence, pick.head))
