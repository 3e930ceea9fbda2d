"""Coreference by title, body and surname for the actors stage: "the president" -> the latest person named with that
office, "the department" -> the latest body of that kind, "Peskov" -> the earlier full mention of that person. Every
answer keeps the first mention's entity and says why; when several candidates compete, no guess (an unresolved
mention with the reason)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..knowledge.actor_names import HONORIFICS, Match, family_word
from ..records import Entity, Mention, Sentence, Token
from .coreference import (MEMBER_TITLES, OFFICE_SYNONYMS, Antecedent, Memory, corefer, identity, is_plural, office_word,
                          phrase_gender)


def title_coref(t: Token, toks, children, head_match: Match, sent: Sentence, start: int, end: int, text: str,
                memory: Memory) -> Mention | None:
    """'the spokesman', 'the president' -> the latest person whose office contains that word."""
    agent = head_match.entry
    if not any(toks[c].lower in ("the", "this", "that") for c in children[t.i]):
        return None
    if is_plural(t):
        return None  # "the leaders" is not one earlier person
    if any(toks[c].dep == "prep" and toks[c].lower in ("of", "from") and c >= head_match.end and any(
            toks[g].text[:1].isupper() and toks[g].ent_type in ("GPE", "NORP") for g in children[c])
           for c in children[t.i]):
        return None  # "the supreme leader of Iran" names its own country: not the leader of another named before
    word = office_word(t)
    if agent.role != "office" and word not in MEMBER_TITLES:
        return None
    word = MEMBER_TITLES.get(word, word)
    gender = phrase_gender(toks, start, end)
    found = []
    for p in reversed(memory.people):
        if (p.sentence, p.head) == (sent.index, t.i):
            continue
        e = p.entity
        if e.sector == "ELI" and "former" not in text.lower():
            continue  # "the current leader" is not a former one
        if gender and p.gender and p.gender != gender:
            continue
        if e.office and any(w in e.office.lower() for w in OFFICE_SYNONYMS.get(word, (word,))):
            found.append(p)
    if not found:
        return None
    pick, why = found[0], f"title '{text}' -> '{found[0].text}' (sentence {found[0].sentence})"
    if len({p.entity.code for p in found}) > 1:
        # "President Obama ... (Afghan President Hamid Karzai) ... the president": people of several countries
        # hold the title; the unqualified title is the one the story is about, named at least twice as often as
        # any other; else two candidates compete and there is no guess
        def who(p: Antecedent) -> str:
            return p.entity.identifier_text or p.text

        named = Counter(who(p) for p in memory.people if who(p) in {who(f) for f in found})
        (top, n), *rest = named.most_common() or [("", 0)]
        second = rest[0][1] if rest else 0
        names = ", ".join(named)
        if n < 2 * second or n < 2:
            return Mention(sent.index, start, end, t.i, text, Entity(
                entity_text=text, code=None, sector=head_match.entry.sector,
                reason=f"title '{text}': people of several countries hold it ({names}), none named far more often "
                "than the others; not guessing"), "title")
        pick = next(p for p in found if who(p) == top)
        why = (f"title '{text}' -> '{pick.text}' (sentence {pick.sentence}), among people of several countries "
               f"with that title ({names}) the one the article names most ({n} times, {second} for the next)")
    ent = corefer(pick.entity, text, why)
    return Mention(sent.index, start, end, t.i, text, ent, "title", (pick.sentence, pick.head))


# Bodies named again by their kind alone: "the State Department ... the department", "the Foreign Ministry ...
# the ministry". Only a definite phrase with nothing else in it points back.
BODY_WORDS = frozenset({"department", "ministry", "agency", "committee", "commission", "bureau", "council"})


def body_coref(t: Token, sent: Sentence, start: int, end: int, text: str, memory: Memory, toks
               ) -> Mention | None:
    """'the department' -> the latest body of the article whose name ends in that word ('the State Department')."""
    if t.lower not in BODY_WORDS or t.pos != "NOUN" or end - start != 2 or toks[start].lower != "the":
        return None
    for p in reversed(memory.things):
        if p.text.lower().split()[-1:] == [t.lower] and p.entity.code:
            ent = corefer(p.entity, text, f"'{text}' -> '{p.text}' (sentence {p.sentence}), the latest body of "
                          "that kind named")
            return Mention(sent.index, start, end, t.i, text, ent, "title", (p.sentence, p.head))
    return None


def surname_coref(t: Token, toks, sent: Sentence, start: int, end: int, text: str, memory: Memory,
                  family_of: Callable[[str | None], str | None] = lambda entry: None
                  ) -> tuple[Mention, Antecedent | None] | None:
    """A bare surname ("Peskov") -> the earlier full mention of that person in the article. family_of: the family
    name of a known person by entry ("Kim" for Kim Jong Un, whose names the knowledge base writes family first).
    When several people of that name were named, the one named far more often than the others, else an
    unresolved mention and no antecedent."""
    if t.i > 0 and toks[t.i - 1].pos == "PROPN" and toks[t.i - 1].dep in ("compound", "flat") \
            and toks[t.i - 1].lower.strip(".") not in HONORIFICS:
        return None  # part of a longer name, not a bare surname ("Ms. Larson" is one)
    gender = phrase_gender(toks, start, end)
    found: list[Antecedent] = []
    for p in reversed(memory.people):
        full = p.entity.identifier_text or ""
        if gender and p.gender and p.gender != gender:
            continue  # "Mrs. Clinton" is not the "Bill Clinton" named before
        if full and t.lower in (family_word([full]), family_of(p.entity.entry)) and full.lower() != t.lower:
            # "Moon" after "Moon Jae-in": a hyphenated given name puts the family name first
            found.append(p)
    if not found:
        return None
    pick, why = found[0], f"surname '{t.text}' -> '{found[0].text}' (sentence {found[0].sentence})"
    if len({identity(p) for p in found}) > 1:
        # "Kim Jong Un ... his father Kim Jong Il ... Kim said": several people of that family name were named;
        # the bare surname is the one the story is about, named (or referred to) three times or more and at
        # least twice as often as any other, else none
        named = Counter(identity(p) for p in memory.people if identity(p) in {identity(f) for f in found})
        (top, n), *rest = named.most_common()
        second = rest[0][1] if rest else 0
        if n < 2 * second or n < 3:
            names = ", ".join(sorted({f.entity.identifier_text or f.text for f in found}))
            return Mention(sent.index, start, end, t.i, text, Entity(
                entity_text=text, code=None, reason=f"surname '{t.text}': several people of that name were named "
                f"({names}), none far more often than the others; not guessing"), "surname"), None
        pick = next(p for p in found if identity(p) == top)
        why = (f"surname '{t.text}' -> '{pick.text}' (sentence {pick.sentence}), of the people of that name the one "
               f"the article names most ({n} times, {second} for the next)")
    if pick.entity.code is None and t.i > 0 and toks[t.i - 1].lower.strip(".") in HONORIFICS:
        return None  # "Mr. Kline" after an unresolved "John Kline": the courtesy-title rules may still place him
    ent = corefer(pick.entity, text, why)
    return Mention(sent.index, start, end, t.i, text, ent, "surname", (pick.sentence, pick.head)), pick
