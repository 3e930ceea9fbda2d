"""The country an article is about, refined: a territory and the state it belongs to do not compete for it,
and in a text about Korea "the North" and "the South" name the two Korean states (docs/actors.md).

`Memory.article_country` asks `rivals` which counted country a leader must outnumber; the actors stage runs
`korean_halves` over a sentence's knowledge matches before it counts them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..knowledge.actor_names import Match
from ..knowledge.actors import Knowledge
from ..records import Token

# Territories with their own police, government and courts, and the state they belong to: a Hong Kong story
# names Beijing often, yet its bare "police", "protesters" and "the government" are Hong Kong's.
SOVEREIGNS = {"HKG": "CHN", "MAC": "CHN"}
# Words on an agent that point from a territory to its sovereign ("the central government", "mainland police").
SOVEREIGN_WORDS = frozenset({"central", "mainland", "national"})
# The halves of Korea as the press names them once the text has named a Korea.
KOREAN_HALVES = {"north": "PRK", "south": "KOR"}


def ranked(countries: Counter, *, territories: bool = False) -> tuple[str, int, int] | None:
    """(the most named country, its count, the count of its strongest rival), or None when none is named. With
    territories, the state a territory belongs to is no rival of the territory ("Hong Kong" 20 times, "China" 12
    times): so for bare agents that act at home, not for titled people, who are often foreign ("Sen. X")."""
    top3 = countries.most_common(3)
    if not top3:
        return None
    top, n = top3[0]
    others = [k for c, k in top3[1:] if not (territories and c == SOVEREIGNS.get(top))]
    return top, n, others[0] if others else 0


def points_to_sovereign(code: str, t: Token, toks: Sequence[Token], children: list[list[int]]) -> bool:
    """True when the agent t, given territory `code` as the article's country, is qualified as the sovereign's
    ("the central government" in a Hong Kong story is Beijing's, not Hong Kong's)."""
    return code in SOVEREIGNS and (t.lower in SOVEREIGN_WORDS or any(
        toks[c].lower in SOVEREIGN_WORDS for c in children[t.i]))


def korean_halves(matches: list[Match], toks: Sequence[Token], countries: Counter, kb: Knowledge) -> list[Match]:
    """Add a country match for "the North" / "the South" (capitalised, after "the", no name after it: not "the
    North Atlantic") once the article has named North Korea; "the South" also needs South Korea named. The
    match carries the knowledge base's entries for the full name ("North Korea", "South Korea")."""
    if not countries["PRK"]:
        return matches
    taken = {i for m in matches for i in range(m.start, m.end)}
    added = []
    for t in toks:
        code = KOREAN_HALVES.get(t.lower)
        if code is None or t.i in taken or not t.text[:1].isupper() or t.i == 0 or toks[t.i - 1].lower != "the":
            continue
        if code == "KOR" and not countries["KOR"]:
            continue
        after = toks[t.i + 1] if t.i + 1 < len(toks) else None
        if after is not None and after.pos == "PROPN":  # "the North Atlantic", "the South China Sea"
            continue
        full = kb.match([(t.text, " "), ("Korea", "")], lemmas=None)
        if len(full) == 1 and full[0].codes == (code,):
            added.append(Match(t.i, t.i + 1, t.text, full[0].entries))
    return sorted(matches + added, key=lambda m: m.start) if added else matches


# Kurdish armed forces fight in Iraq (the Peshmerga of the Kurdistan region) and in Syria (the YPG, the SDF); the
# article's own country (often the reporter's: "U.S.-backed Kurdish forces") is not theirs.
KURDISH_HOMES = ("IRQ", "SYR")
KURDISH_WORDS = frozenset({"kurdish", "kurdish-led"})
# Armed words the press uses for those forces; "Kurdish militants" and "rebels" are mostly the PKK of Turkey.
KURDISH_ARMED = frozenset({"forces", "force", "fighters", "fighter", "militia", "militias", "troops", "units"})


def kurdish_home(text: str, head: str, countries: Counter) -> tuple[str | None, str] | None:
    """For "Kurdish forces", "the Kurdish fighters", "a Kurdish-led force" with no country of their own: (the one
    of Iraq and Syria the article has named, at least twice as often as the other and at least as often as
    Turkey, whose Kurdish fighters are the PKK; or None; why). None when the phrase is no Kurdish armed force."""
    words = {w.strip(".,;:'\"’").lower() for w in text.split()}
    if head.lower() not in KURDISH_ARMED or not words & KURDISH_WORDS:
        return None
    n = {c: countries[c] for c in KURDISH_HOMES}
    top = max(KURDISH_HOMES, key=lambda c: n[c])
    other = n["SYR" if top == "IRQ" else "IRQ"]
    if n[top] and n[top] >= 2 * other and n[top] >= countries["TUR"]:  # a story told from Turkey: the PKK's
        return top, (f"{top}: a Kurdish armed force in an article that names {top} ({n[top]} times) at least twice "
                     f"as often as {'Syria' if top == 'IRQ' else 'Iraq'}")
    return None, ("no country: a Kurdish armed force, and the article names neither Iraq nor Syria far more than "
                  "the other and at least as often as Turkey")
