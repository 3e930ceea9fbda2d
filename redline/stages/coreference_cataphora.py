"""A pronoun before its name: "In his speech, Obama said ...", "After he met Abe, Putin said ...", and a pronoun
that opens an article before anyone is named ("He was arrested on Friday. Police said John Roe, 24, ...").

The actors stage resolves mentions left to right, so these are settled once the sentence (or the sentence after)
is done: the pronoun takes the person its syntax or the text names next, and only when that person is the one
candidate of its gender; else it keeps what the left-to-right rules gave it (docs/actors.md, eighth round).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import Mention, Sentence
from .coreference import OBJECT_DEPS, OBJECT_PRONOUNS, PERSON_PRONOUNS, PRONOUN_GENDER, Memory, clause_subject, corefer

PERSON_KINDS = frozenset({"name", "surname", "title"})


def _gender_of(m: Mention, memory: Memory) -> str | None:
    """What the coreference memory says of a mention's gender ("m", "f" or None)."""
    for p in memory.people:
        if (p.sentence, p.head) in ((m.sentence, m.head), m.antecedent):
            return p.gender
    return None


def _is_person(m: Mention, sent: Sentence) -> bool:
    e = m.entity
    return bool(e.code) and m.kind in PERSON_KINDS and (
        (e.entry or "").startswith("person:") or m.kind in ("title", "surname")
        or sent.tokens[m.head].ent_type == "PERSON")


def _who(m: Mention) -> str:
    return m.entity.entry or m.entity.identifier_text or m.text


def _agrees(pronoun: str, gender: str | None) -> bool:
    return gender is None or PRONOUN_GENDER[pronoun] == gender


def forward_pronouns(sent: Sentence, out: list[Mention], memory: Memory) -> None:
    """'In his speech, Obama said': he/his/she/her inside a phrase before the subject of its own clause, a known
    person of the pronoun's gender, is that subject (the left-to-right rules could only look back), when no
    other person is named before the clause's verb. Object pronouns ("told him") are left alone. Updates `out` and the coreference memory in place."""
    toks = sent.tokens
    for k, m in enumerate(out):
        t = toks[m.head]
        if m.kind != "pronoun" or t.lower not in PERSON_PRONOUNS or t.lower.endswith("self") or (
                t.lower in OBJECT_PRONOUNS and t.dep in OBJECT_DEPS):
            continue
        above = clause_subject(t, toks)
        if above is None or above < m.head:
            continue
        subject = [s for s in out if s.head == above and _is_person(s, sent)]
        if len(subject) != 1 or not _agrees(t.lower, _gender_of(subject[0], memory)):
            continue
        s = subject[0]
        verb = toks[above].head
        if len({_who(x) for x in out if x.head < verb and x.kind != "pronoun" and _is_person(x, sent)}) > 1:
            continue  # another person named before the verb ("After she met Merkel, May said"): two candidates
        if m.entity.code and (m.entity.entry, m.entity.identifier_text) == (s.entity.entry, s.entity.identifier_text):
            continue  # already that person
        ent = corefer(s.entity, m.text, f"'{t.text}' -> '{s.text}', the subject of its clause named after it")
        out[k] = dataclasses.replace(m, entity=ent, antecedent=(s.sentence, s.head))
        memory.people = [dataclasses.replace(p, entity=ent) if (p.sentence, p.head) == (m.sentence, m.head) else p
                         for p in memory.people]


def opening_pronouns(pending: Sequence[int], out: list[Mention], sent: Sentence, memory: Memory) -> None:
    """'He was arrested on Friday.' as an article's first words about anyone: he/she with no person named before
    is the one person of that gender the next sentence names ("Police said John Roe, 24, ..."); none or several:
    unchanged. pending: indexes in `out` of such pronouns in the sentence before. Updates `out` in place."""
    people = [m for m in out if m.sentence == sent.index and _is_person(m, sent)]
    for k in pending:
        m = out[k]
        word = m.text.lower()
        fit = [s for s in people if _agrees(word, _gender_of(s, memory))]
        who = {_who(s) for s in fit}
        if len(who) != 1:
            continue
        s = fit[0]
        ent = corefer(s.entity, m.text, f"'{m.text}' opens the article before anyone is named: '{s.text}', the one "
                      f"person the next sentence names (sentence {s.sentence})")
        out[k] = dataclasses.replace(m, entity=ent, antecedent=(s.sentence, s.head))


def unresolved_opening(out: Sequence[Mention], sent: Sentence, memory_was_empty: bool) -> list[int]:
    """Indexes in `out` of this sentence's he/she pronouns left unresolved while no person had been named."""
    if not memory_was_empty:
        return []
    return [k for k, m in enumerate(out) if m.sentence == sent.index and m.kind == "pronoun"
            and m.entity.code is None and m.text.lower() in PERSON_PRONOUNS and m.text.lower() in ("he", "she")]
