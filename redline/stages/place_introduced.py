"""place_introduced: a settlement the article introduces by its country (issue 13, eleventh round).

"The crash happened near the town of Kafr Nabl ... Army units had launched an assault on Kafr Nabl":
conflict news names villages and towns no gazetteer lists, and says once which country they are in, by its
adjective before "town", "village" or "city" and the name after "of". Such a name becomes a place of the article
(a town in that country, no coordinates), wherever the article names it again; a name the gazetteer resolves is
left to the gazetteer, and a person's or an organisation's tokens are never read as one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Place, Sentence, Token
from .locatives import PlaceMention

# Settlement nouns whose "of" object names the settlement ("the Syrian town of Ja'Din").
_SETTLEMENTS = frozenset({"town", "village", "city", "hamlet", "township", "district", "suburb"})
# Words allowed between the adjective and the settlement noun ("the Syrian border town of", "a small Iraqi village").
_BETWEEN = frozenset({"border", "frontier", "northern", "southern", "eastern", "western", "central", "northeastern",
                      "northwestern", "southeastern", "southwestern", "coastal", "mountain", "desert", "strategic",
                      "small", "key", "front", "-", "line", "rebel", "held", "rebel-held", "besieged", "remote"})
_MAX_NAME = 3  # tokens of a name


def _name_after(tokens: Sequence[Token], of: int) -> tuple[int, int] | None:
    """The run of capitalised proper nouns right after "of" (the leading "the" skipped)."""
    start = of + 1
    end = start
    while end < len(tokens) and tokens[end].pos == "PROPN" and tokens[end].text[:1].isupper() \
            and end - start < _MAX_NAME:
        end += 1
    return (start, end) if end > start else None


def introductions(sentences: Sequence[Sentence], adjectives: Mapping[int, list[tuple[int, int, str]]]
                  ) -> dict[tuple[str, ...], tuple[str, int, str]]:
    """Names the article introduces as settlements of a country: token texts -> (country code, sentence, phrase).

    adjectives: sentence index -> (start, end, country code) of country adjectives ("Syrian" -> SYR)."""
    out: dict[tuple[str, ...], tuple[str, int, str]] = {}
    for s in sentences:
        toks = s.tokens
        for a_start, a_end, code in adjectives.get(s.index, []):
            i = a_end
            while i < len(toks) and toks[i].lower in _BETWEEN:
                i += 1
            if i + 1 >= len(toks) or toks[i].lower not in _SETTLEMENTS or toks[i + 1].lower != "of":
                continue
            span = _name_after(toks, i + 1)
            if span is None:
                continue
            key = tuple(t.text for t in toks[span[0]:span[1]])
            phrase = "".join(t.text + t.ws for t in toks[a_start:span[1]]).strip()
            if key in out and out[key][0] != code:
                out[key] = ("", s.index, phrase)  # two countries for one name: neither is taken
            else:
                out.setdefault(key, (code, s.index, phrase))
    return {k: v for k, v in out.items() if v[0]}


def introduced_mentions(sentences: Sequence[Sentence], mentions: Sequence[PlaceMention],
                        adjectives: Mapping[int, list[tuple[int, int, str]]],
                        people: Mapping[int, frozenset[int]] | None = None) -> list[PlaceMention]:
    """The article's place mentions with its introduced settlements added: every run of their names' tokens that no
    resolved mention covers (an unresolved one of the same span is replaced), people's tokens excepted."""
    names = introductions(sentences, adjectives)
    if not names:
        return list(mentions)
    resolved = {(m.sentence, i) for m in mentions if m.place is not None for i in range(m.start, m.end)}
    added: dict[tuple[int, int, int], PlaceMention] = {}
    for s in sentences:
        toks = s.tokens
        busy = (people or {}).get(s.index, frozenset())
        for key, (code, first, phrase) in names.items():
            n = len(key)
            for start in range(len(toks) - n + 1):
                if tuple(t.text for t in toks[start:start + n]) != key:
                    continue
                if start + n < len(toks) and toks[start + n].pos == "PROPN" and toks[start + n].text[:1].isupper() \
                        and toks[start + n].ent_type not in ("DATE", "TIME"):
                    continue  # part of a longer name ("Ja'Din Road")
                span = range(start, start + n)
                if any((s.index, i) in resolved or i in busy for i in span):
                    continue
                head = next((t.i for t in toks[start:start + n] if not start <= t.head < start + n or t.head == t.i),
                            start)
                text = "".join(t.text + t.ws for t in toks[start:start + n]).strip()
                reason = f"{text!r} is a settlement of {code}: introduced as {phrase!r} (sentence {first})"
                place = Place(name=text, country_code=code, feature_type="city", precision="city", text=text,
                              sentence=s.index, start=toks[start].idx, end=toks[start + n - 1].end, reason=reason)
                added[(s.index, start, start + n)] = PlaceMention(s.index, start, start + n, head, text, place,
                                                                  reason)
    kept = [m for m in mentions if (m.sentence, m.start, m.end) not in added]
    return sorted(kept + list(added.values()), key=lambda m: (m.sentence, m.start))
