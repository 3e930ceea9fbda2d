"""How actor names are written and matched: tokenising and normalising phrases, the capitalisation a name
needs in running text (acronyms exactly, "us" is not the U.S.), courtesy titles, and `Match`, a run of tokens
naming knowledge entries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .actor_data import Entry

# Lowercase forms of names that are also ordinary English words: the entity ruler matches these names only
# with their capitalisation ("US" not "us", "Turkey" not "turkey", "Poles" not "poles").
COMMON_WORDS = frozenset("""
us who car au un cis rt it chad turkey jordan georgia guinea china niger lima sofia rome bush han wales kingston
commonwealth amnesty democrats republicans conservatives tories guardian trump tusk gallant cleverly hague bolton
panama french polish danish swiss dutch english poles swedes danes turks finns greeks chile cuba peru oman togo
mali malta grenada congo korea salvadoran georgetown victoria nassau santiago paris washington abbas assad sisi
xi lula modi karen shan fars rada sana diet tass anchor regions fatah union press times post labour
""".split())
# Courtesy and political titles written before a surname; they name a person but no office or country.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mme", "m", "herr", "frau", "sen",
                        "rep", "gov", "gen", "lt", "col", "adm", "sgt", "capt", "maj", "prof", "rev", "hon"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|['’]s\b|[^\W_]+(?:['’](?!s\b)[^\W_]+)*|\S")
ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9+]{1,6}|(?:[A-Z]\.){2,})$")


def tokenize(text: str) -> list[tuple[str, str]]:
    """Split a standalone text into (token, trailing whitespace) pairs the way spaCy splits names."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        end = m.end()
        ws = ""
        while end < len(text) and text[end].isspace():
            ws = " "
            end += 1
        out.append((m.group(), ws))
    return out


def normalise(text: str) -> str:
    """The index key of a phrase: lowercase, straight apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").lower().split())


def phrase_key(tokens: Sequence[tuple[str, str]], i: int, j: int) -> str:
    return normalise("".join(t + ws for t, ws in tokens[i:j]))


@dataclass(frozen=True, slots=True)
class Match:
    """A run of tokens [start, end) naming one or more knowledge entries (best first)."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def kind(self) -> str:
        return self.entries[0].kind

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.code for e in self.entries if e.code))

    @property
    def ambiguous(self) -> bool:
        return len(self.codes) > 1 and self.kind not in ("agent", "person")


def name_words(name: str) -> list[str]:
    """The lowercase words of a personal name without initials' dots, honorifics or suffixes ("Mr.", "Jr.")."""
    words = [w.strip(".,").lower() for w in name.replace("’", "'").split()]
    words = [w for w in words if w and w not in HONORIFICS and w not in NAME_SUFFIXES]
    return words


# A Korean-style given name as English writes it, hyphenated with a lower-case second syllable ("Ki-moon",
# "Jae-in", "Jong-un"): the family name is then the name's first word ("Ban Ki-moon" is Mr. Ban, "Moon Jae-in"
# is Mr. Moon). "Ter-Petrosyan" or "Al-Thinni" (capital after the hyphen) are family names of their own.
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def family_first(names: Sequence[str]) -> bool:
    """True when a person's names write the family name first: one of them ends in a hyphenated given name
    ("Moon Jae-in", "Kim Jong-un", "Ban Ki-moon")."""
    return any(len(n.split()) >= 2 and _HYPHENATED_GIVEN.match(n.split()[-1]) for n in names)


def family_word(names: Sequence[str]) -> str | None:
    """The lowercase family name of a person from the names they are written with ("Moon Jae-in" -> "moon",
    "Michel Barnier" -> "barnier"); None for no name."""
    if not names:
        return None
    words = name_words(names[0])
    if not words:
        return None
    return words[0] if family_first(names) and len(words) >= 2 else words[-1]


def name_variants(name: str) -> list[str]:
    """A name and its form without a leading article ("the Kremlin" -> also "Kremlin")."""
    out = [name]
    if name.lower().startswith("the ") and len(name) > 4:
        out.append(name[4:])
    return out


def capitalised_like(surface: str, known: set[str] | Sequence[str]) -> bool:
    """Proper names must look like names in the text: exact for acronyms, capitalised otherwise."""
    if surface in known:
        return True
    if any(ACRONYM_RE.match(k) for k in known):
        return surface.upper() == surface and any(surface == k for k in known)
    return any(ch.isupper() for ch in surface) and not surface.islower()
