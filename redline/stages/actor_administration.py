"""Bodies the press names by a word alone once the article has fixed whose they are: "the administration" and its
officials, the president's government ("a senior administration official said"), the members of the United
States Congress in a story about the United States ("a top senator", "other lawmakers", "the Senate"), and the
staff of one person ("an aide to Roe", "officials traveling with Mr. Roe") (docs/actors.md, eighteenth round).

`actor_context.bridged` asks these functions before it falls back on the country the article is about, which
"the administration" takes only when it dominates three to one and legislators never take.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from ..records import Mention, Token
from .coreference import Memory
from .coreference_cataphora import PERSON_KINDS

# Words for the people of an administration that, with "administration" as their modifier, are its own
# ("administration officials", "a senior administration official", "an administration aide").
ADMINISTRATION_STAFF = frozenset({"official", "officials", "aide", "aides", "spokesman", "spokeswoman",
                                  "spokesperson", "adviser", "advisers", "advisor", "advisors"})
# Determiners and possessors that make "administration" no longer the one the article is about ("an
# administration", "his administration": the possessor's, which `possessed` resolves; "a new administration").
OTHER_ADMINISTRATION = frozenset({"a", "an", "another", "new", "next", "previous", "past", "former", "future",
                                  "incoming", "outgoing", "prior", "last", "his", "her", "their", "its", "each",
                                  "every", "any", "no", "whose"})
# The one legislature whose members the American press calls "lawmakers" and "senators" with no country: in a
# story about the United States (its country by the article count, office holders included) they are Congress's.
US_LEGISLATORS = frozenset({"lawmakers", "lawmaker", "legislators", "legislator", "senators", "senator",
                            "congressmen", "congresswomen", "congressman", "congresswoman", "senate"})


def administration_word(t: Token, toks: Sequence[Token], children: list[list[int]]) -> bool:
    """True when agent t is "the administration" (singular, definite or bare) or one of its staff named through it
    ("administration officials", "a senior administration official"), with no other determiner or possessor."""
    if t.lower == "administration":
        head = t
    elif t.lower in ADMINISTRATION_STAFF:
        mods = [c for c in children[t.i] if toks[c].lower == "administration" and toks[c].dep in ("compound", "nmod")]
        if not mods:
            return False
        head = toks[mods[0]]
    else:
        return False
    return not any(toks[c].lower in OTHER_ADMINISTRATION or toks[c].dep == "poss" or toks[c].pos == "PROPN"
                   for c in children[head.i] if c < head.i)


def administration_of(memory: Memory, sentence: int) -> tuple[str, str] | None:
    """(code, why) for an unqualified "the administration" in sentence `sentence`: the country of every
    administration the article has named with one ("the Obama administration"), else the country whose
    president the article has named at least twice and more often than any other country's president (in a story
    about Syria, "the administration" is Washington's, "the regime" Damascus's);
    None when neither settles it (two countries' administrations or presidents: no guess)."""
    named = [a for w, a in memory.agents if w == "administration" and a.entity.code and a.sentence <= sentence]
    codes = {a.entity.code for a in named}
    if len(codes) == 1:
        pick = named[-1]
        return pick.entity.code, (f"the administration named as '{pick.text}' (sentence {pick.sentence}); every "
                                  "administration named before is of that country")
    if codes:
        return None
    presidents = Counter(p.entity.code for p in memory.people
                         if p.entity.code and p.entity.sector == "GOV" and p.entity.office == "President")
    top = presidents.most_common(2)
    if not top:
        return None
    code, n = top[0]
    second = top[1][1] if len(top) > 1 else 0
    if n >= 2 and n > second:
        return code, (f"the administration of the president the article names most ({n} times, more than any "
                      "other country's)")
    return None


def home_legislators(word: str, memory: Memory, sentence: int) -> str | None:
    """USA for unqualified "lawmakers", "a senator", "the Senate" when the article names no legislature and is
    about the United States (named, with its office holders, at least twice and twice as often as any other
    country); None otherwise (a story about another country is often told through Congress's debate, so the
    article's country is no answer there)."""
    if word not in US_LEGISLATORS:
        return None
    return "USA" if memory.article_country(at_home=sentence) == "USA" else None


# Words for the staff of one person ("an aide to Roe", "officials traveling with Panetta") and the words that tie
# them to that person: a preposition on the staff word, or a participle of going along with someone.
PERSONAL_STAFF = frozenset({"aide", "aides", "adviser", "advisers", "advisor", "advisors", "official", "officials",
                            "spokesman", "spokeswoman", "spokesperson", "staffer", "staffers"})
STAFF_TIES = frozenset({"to", "with", "for"})
ALONG_VERBS = frozenset({"travel", "accompany", "fly", "close"})


def staff_of_person(out: list[Mention], toks: Sequence[Token], children: list[list[int]]) -> None:
    """'an aide to Roe', 'officials traveling with Mr. Panetta', 'advisers close to the president': staff words with
    no country of their own take the country of the one person (named, by surname or by title, resolved by
    coreference) their phrase ties them to; the knowledge base reads only names written in the phrase itself.
    Updates `out` in place."""
    people = {m.head: m for m in out if m.entity.code and m.entity.identifier_text and m.kind in PERSON_KINDS}
    for k, m in enumerate(out):
        if m.kind != "agent" or m.entity.code is not None or toks[m.head].lower not in PERSONAL_STAFF:
            continue
        ties = [c for c in children[m.head] if toks[c].dep == "prep" and toks[c].lower in STAFF_TIES]
        for c in children[m.head]:  # "officials traveling with", "aides accompanying", "advisers close to"
            if toks[c].dep in ("acl", "amod") and (toks[c].lemma or "").lower() in ALONG_VERBS:
                ties += [d for d in children[c] if toks[d].dep == "prep" and toks[d].lower in STAFF_TIES]
                ties += [d for d in children[c] if toks[d].dep == "dobj"]
        heads = {d for p in ties for d in (children[p] if toks[p].dep == "prep" else [p])}
        found = [people[h] for h in heads if h in people]
        if len({p.entity.code for p in found}) != 1:
            continue
        p = found[0]
        out[k] = dataclasses.replace(m, entity=dataclasses.replace(
            m.entity, code=p.entity.code, reason=f"{m.entity.reason.split('; no country')[0]}; {p.entity.code} from "
            f"'{p.text}', the person its phrase makes it the staff of ({p.entity.reason})"))
