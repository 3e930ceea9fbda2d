"""places: every place the article names, and for each event only the place the text puts it in.

Place mentions come from the parse's GPE/LOC/FAC entity spans, looked up in the offline gazetteer
(knowledge/gazetteer.py) with the article's countries as context. An event's location is a place in a
locative phrase on the trigger or its own arguments ("held a summit in Geneva", "troops ... in Crimea");
places that are actors ("Russia accused Ukraine"), origins ("recalled from Washington") or in other
clauses are not event locations, and the event's `loc_reason` says so.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Mapping, Sequence

from ..knowledge.actors import load_knowledge
from ..knowledge.gazetteer import (Entry, Gazetteer, country_on, load_capitals, load_gazetteer, load_successions,
                                   to_place)
from ..pipeline import Context, stage
from ..records import Document, Event, Place, Sentence, Token
from .history import trigger_head
from .locatives import (
    LOCATIVE,
    MOVEMENT_LEMMAS,
    ROUTE_LEMMAS,
    SETTLEMENT_NOUNS,
    VISIT_LEMMAS,
    PlaceMention,
    attach_point,
    event_anchors,
    governing_preposition,
    hands_over,
    in_place_phrase,
    participle_scene,
    past_date,
    speech_anchors,
    topic_preposition,
)
from .place_capital import capital_mentions
from .place_introduced import introduced_mentions
from .place_modifiers import OCCASION_LEMMAS, compound_places, named_act, occasion_preposition
from .place_names import hyphenated_end, name_goes_on, title_named, whole_name_start
from .place_nationality import named_in, nation_adjectives, nationality_site
from .place_sites import SITE_TYPES, country_wide, unnamed_site
from .place_there import dateline_place, locate_by_here, locate_by_settlement, locate_by_there
from .place_wider import SITE_VERBS, WIDE_PLACE_TYPES, wider_place
from .targets import target_place

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small model often labels a place ORG or PRODUCT ("Mariupol", "Nagorno-Karabakh"); such a span counts when
# its exact name is a country, a region of ours or a city of MISLABEL_MIN_POPULATION people or more.
MISLABELS = frozenset({"ORG", "PRODUCT"})
MISLABEL_MIN_POPULATION = 100_000
_REGION_WORDS = frozenset({"region", "province", "oblast", "governorate", "state", "district", "prefecture",
                           "peninsula"})  # "annexing the Crimea peninsula" (eighteenth round)
# "sanctions on Russia's industries" names a target, not a place: a possessive counts after these only.
MATERIAL_QUADS = frozenset({2, 4})  # PLOVER quad classes: material cooperation, material conflict
VERBAL_QUADS = frozenset({1, 3})
def _span_head(tokens: Sequence[Token], start: int, end: int) -> int:
    for tok in tokens[start:end]:
        if not start <= tok.head < end or tok.head == tok.i:
            return tok.i
    return start


def _qualifier(sentence: Sentence, end: int) -> str | None:
    """The place name after a comma that qualifies the one ending at `end` ("Paris, Texas")."""
    toks = sentence.tokens
    if end + 1 < len(toks) and toks[end].text == ",":
        for sp in sentence.entities:
            if sp.start == end + 1 and sp.label in PLACE_LABELS:
                return sp.text
    return None


def _text(toks: Sequence[Token], start: int, end: int) -> str:
    while start < end and toks[start].lower == "the":
        start += 1
    return "".join(t.text + t.ws for t in toks[start:end]).strip()


def _spans(sentence: Sentence, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Place-name spans of a sentence: leading "the" dropped, a following region word taken in ("Kharkiv region")."""
    out = []
    toks = sentence.tokens
    by_start = {sp.start: sp for sp in sentence.entities}
    merged: set[int] = set()
    labelled = {i for sp in sentence.entities for i in range(sp.start, sp.end)}
    for sp in sentence.entities:
        if sp.label not in PLACE_LABELS and sp.label not in MISLABELS and sp.label != "PERSON" or sp.start in merged:
            continue
        start, end = sp.start, sp.end
        if title_named(toks, start, end, gaz):
            continue  # "writes in The Atlantic": a magazine (nineteenth round)
        nxt = by_start.get(end)
        if toks[end - 1].lower == "of" and nxt is not None and nxt.label in PLACE_LABELS \
                and sp.label in PLACE_LABELS and gaz.matches(_text(toks, start, nxt.end)):
            end = nxt.end  # "the Sea of" + "Japan": the model splits a name with "of" in it
            merged.add(nxt.start)
        while start < end and toks[start].lower == "the":
            start += 1
        start = whole_name_start(toks, start, end, gaz, labelled)  # "New" + "Mexico"
        if start >= end or not any(c.isupper() for c in toks[start].text):  # "metro" is no name
            continue
        base = "".join(t.text + t.ws for t in toks[start:end]).strip()
        if end < len(toks) and toks[end].lower in _REGION_WORDS:
            end += 1
        elif end < len(toks) and toks[end].lower == "complex" and gaz.matches(base + " complex"):
            end += 1  # "around the Mosul Dam complex" (seventeenth round)
        elif end < len(toks) and toks[end].lower in ("islands", "island") \
                and gaz.matches(base + " " + toks[end].text):
            end += 1  # "seized the Falklands Islands", with "Islands" left out of the span (nineteenth round)
        text = "".join(t.text + t.ws for t in toks[start:end]).strip()
        if sp.label == "PERSON" and not _named_landmark(gaz, base):
            continue  # a person, unless the model took one of our sites for one ("the Mosul Dam": seventeenth round)
        if sp.label in MISLABELS and not (_strong_place(gaz, text) or _strong_place(gaz, base)):
            continue  # "the Crimea region" with "Crimea" tagged ORG is the region of Crimea
        out.append((start, end, text))
    return out


# Prepositions after which a capitalised name the model did not label a place is still looked up ("fired into
# Donetsk", "clashes near Kramatorsk" tagged PERSON, "in Qamishli" tagged TIME or nothing).
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "from", "across", "around", "toward",
                          "towards", "to", "through", "of", "along", "off", "onto", "beyond", "within"})
_OTHER_LABELS = frozenset({"PERSON", "ORG", "TIME", "DATE", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW",
                           "LANGUAGE", ""})


_CALENDAR_WORDS = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _missed_spans(sentence: Sentence, gaz: Gazetteer, taken: set[int], people: frozenset[int] = frozenset()
                  ) -> list[tuple[int, int, str]]:
    """Capitalised names after a place preposition that no place entity covers, when the gazetteer knows them
    by their main name (or by the alternate name of a city of 100,000+ people). people: tokens of the sentence
    that name a person or an organisation the actors stage resolved; they are never places."""
    toks = sentence.tokens
    ents = {i: sp for sp in sentence.entities for i in range(sp.start, sp.end)}
    out = []
    i = 0
    while i < len(toks):
        # after a place preposition, or coordinated with a place found ("Mariupol and Kharkiv" tagged PERSON)
        after_place = toks[i].lower in ("and", "or", ",") and i - 1 in taken
        if (toks[i].lower not in _PLACE_PREPS and not after_place) or i + 1 >= len(toks):
            i += 1
            continue
        start = i + 1
        while start < len(toks) and toks[start].lower == "the":
            start += 1
        end = start
        while end < len(toks) and toks[end].pos == "PROPN" and toks[end].text[:1].isupper() and end - start < 4:
            end += 1
        joined = hyphenated_end(toks, end) if end > start else end  # "Mar-a-Lago", "Saint-Denis"
        if name_goes_on(toks, joined):  # "at the Summit of the Americas": a longer name, not the town of Summit
            i = max(joined, i + 1)
            continue
        if end == start or any(j in taken for j in range(start, joined)):
            i = max(end, i + 1)
            continue
        if (toks[start].text.rstrip(".") in _CALENDAR_WORDS and joined == end) or any(
                j in people for j in range(start, end)):
            i = end
            continue
        end = joined
        labels = {ents[j].label if j in ents else "" for j in range(start, end)}
        if not labels <= _OTHER_LABELS or any(j in ents and (ents[j].start < start or ents[j].end > end)
                                              for j in range(start, end)):
            i = end
            continue
        text = "".join(t.text + t.ws for t in toks[start:end]).strip()
        # "the town of Mayadeen": a settlement noun vouches for a smaller city known by another spelling
        named = toks[i].lower == "of" and i > 0 and toks[i - 1].lower in SETTLEMENT_NOUNS
        if any(not alias or (e.feature_type == "city" and (named or e.population >= MISLABEL_MIN_POPULATION))
               for e, alias in gaz.matches(text)):
            out.append((start, end, text))
        i = end
    return out


def _named_landmark(gaz: Gazetteer, text: str) -> bool:
    """True when `text`, of two words or more, is a name of one of our landmarks ("Mosul Dam", "Camp David")."""
    return len(text.split()) > 1 and any(e.feature_type == "landmark" for e, _ in gaz.matches(text))


def _strong_place(gaz: Gazetteer, text: str) -> bool:
    """True when `text` is exactly the main name of a country, one of our regions or a large city, or any name of
    one of our landmarks."""
    for entry, alias in gaz.matches(text):
        if entry.feature_type == "landmark":  # our landmarks by any of their names ("the U.N. General Assembly")
            return True
        if alias:
            continue
        if entry.feature_type in ("country", "contested", "region", "water"):
            return True
        if entry.feature_type == "city" and entry.population >= MISLABEL_MIN_POPULATION:
            return True
    return False


def find_places(sentences: Sequence[Sentence], gaz: Gazetteer, *, actor_codes: Sequence[str] = (),
                people: Mapping[int, frozenset[int]] | None = None) -> list[PlaceMention]:
    """Every place mention of the article, resolved with the article's countries and regions as context.

    actor_codes: country codes of the article's actor mentions (they count toward the country context).
    people: sentence index -> tokens of person and organisation mentions, never read as places.
    """
    raw = []
    for s in sentences:
        spans = _spans(s, gaz)
        taken = {i for start, end, _ in spans for i in range(start, end)}
        spans += _missed_spans(s, gaz, taken, (people or {}).get(s.index, frozenset()))
        raw += [(s, start, end, text) for start, end, text in sorted(spans)]
    shares: Counter[str] = Counter(c for c in actor_codes if c and gaz.country(c) is not None)
    regions: set[str] = set()
    for _s, _a, _b, text in raw:  # first pass: names with one reading give the context
        cands = gaz.candidates(text)
        codes = {c.country_code for c in cands}
        if len(codes) == 1 and None not in codes:
            shares[next(iter(codes))] += 1
        if len(cands) == 1 and cands[0].admin1_key:
            regions.add(cands[0].admin1_key)
    total = sum(shares.values()) or 1
    share = {code: n / total for code, n in shares.items()}
    out = []
    for s, start, end, text in raw:
        entry, reason = gaz.resolve(text, country_share=share, regions=regions, qualifier=_qualifier(s, end))
        head = _span_head(s.tokens, start, end)
        char_start, char_end = s.tokens[start].idx, s.tokens[end - 1].end
        place = None
        if entry is not None:
            place = to_place(entry, text=text, sentence=s.index, start=char_start, end=char_end, reason=reason)
        out.append(PlaceMention(s.index, start, end, head, text, place, reason))
    return out


# ---------------------------------------------------------------- event locations


def locate_event(event: Event, sentence: Sentence | None, mentions: Sequence[PlaceMention]
                 ) -> tuple[Place | None, str]:
    """(event_loc, loc_reason) for one event from the place mentions of its sentence."""
    if sentence is None:
        return None, "the event's sentence is missing"
    here = [m for m in mentions if m.sentence == sentence.index]
    if not here:
        return None, "the sentence names no place"
    tokens = sentence.tokens
    trigger = trigger_head(tokens, event.trigger)
    if not 0 <= trigger < len(tokens):
        return None, "the trigger is outside its sentence"
    material = event.quad_code in MATERIAL_QUADS
    # a statement's place is where it was made, said of the act, not of its speaker (docs/annotation.md 12.10)
    anchors = event_anchors(tokens, trigger, material=material, subject=event.quad_code not in VERBAL_QUADS)
    actor_heads = set(event.actor_heads) | set(event.recipient_heads)
    if event.quad_code in VERBAL_QUADS:
        anchors |= speech_anchors(tokens, trigger, set(event.actor_heads))
    if event.event in WIDE_PLACE_TYPES:  # "clashed ... in cities across the country, burning offices"
        anchors |= participle_scene(tokens, trigger, material=material)
    target = target_place(event, tokens, trigger, here)
    if target is not None:
        return target
    found: list[tuple[int, PlaceMention, str]] = []
    skipped: list[str] = []
    for m in here:
        prep, how = governing_preposition(tokens, m.head)
        occasion = occasion_preposition(tokens, m) if prep is None else None
        if occasion is not None:  # "At the White House press conference, ...": the occasion's "at" is the name's
            prep, how = occasion, "pobj"
        named = named_act(tokens, m, trigger, material=material)  # "the San Bernardino attacks", "a Brussels court sentenced"
        if named is not None:
            found.append((1, m, named))
            continue
        actor = m.head in actor_heads or any(m.start <= h < m.end for h in actor_heads)
        if how == "dobj" and tokens[m.head].head == trigger and tokens[trigger].lemma.lower() in VISIT_LEMMAS \
                and (not actor or event.event == "CONSULT" or material):
            # "Obama visited South Africa": the place visited, even when the coder took it for the recipient of
            # the visit (not of a plan or a promise to visit: "planned to visit Jerusalem" is an AGREE)
            found.append((0, m, f"{m.text!r} is the place {tokens[trigger].text!r} names"))
            continue
        town = tokens[prep.head] if prep is not None else None
        if material and town is not None and prep.lower == "of" and town.lower in SETTLEMENT_NOUNS \
                and town.dep == "dobj" and town.head == trigger:
            # "shelled the town of Mayadeen": the target is the place, even when the coder took it for the recipient
            found.append((0, m, f"'{town.text} of {m.text}' is what {tokens[trigger].text!r} targets"))
            continue
        if actor and not in_place_phrase(tokens, m) and occasion is None:
            skipped.append(f"{m.text!r} is an actor")
            continue
        modified = tokens[m.head].head
        if how == "compound" and compound_places(tokens, modified, trigger, anchors, m.place):
            found.append((1, m, f"{m.text!r} modifies {tokens[modified].text!r}"))
            continue
        if prep is None:
            skipped.append(f"{m.text!r} is not in a locative phrase ({how})")
            continue
        word = prep.lower
        point = attach_point(tokens, prep)
        if point not in anchors and word in LOCATIVE:
            point = past_date(tokens, point)
        if point not in anchors:
            skipped.append(f"{m.text!r} belongs to another part of the sentence")
            continue
        if word == "from" and (tokens[prep.head].lemma.lower() in SPEAKING_LEMMAS or tokens[prep.head].lower in
                               DELIVERED_NOUNS):  # "in his remarks from the Oval Office" (fifteenth round)
            # "said, speaking from the State Department": where a statement was made (ninth round, speech)
            found.append((1, m, f"'{tokens[prep.head].text} from {m.text}': where the statement was made"))
            continue
        if word == "from":
            skipped.append(f"{m.text!r} is an origin ('from'), not where the event happened")
            continue
        if word == "through":  # "marched through Paris"; not "pressed through Moscow" (a channel)
            if tokens[trigger].lemma.lower() in ROUTE_LEMMAS or event.event in ("PROTEST", "MOBILIZE"):
                found.append((1, m, f"'through {m.text}' is the route of {tokens[trigger].text!r}"))
            else:
                skipped.append(f"'through {m.text}' is a channel or route, not where the event happened")
            continue
        if word in ("to", "toward", "towards"):
            if tokens[trigger].lemma.lower() in MOVEMENT_LEMMAS and word == "to" \
                    and not hands_over(tokens, trigger, {h.head for h in here}):  # "returned the city to China"
                found.append((2, m, f"destination '{word} {m.text}' of a movement"))
            elif word == "to" and tokens[prep.head].lemma.lower() in SPEECH_NOUNS and m.place is not None \
                    and m.place.feature_type == "landmark":  # "In her speech to the U.N. General Assembly, ..."
                found.append((1, m, f"'{tokens[prep.head].text} to {m.text}' was given there"))
            elif word == "to" and _during_a_visit(tokens, prep.head, trigger):  # "met Macron during a visit to Paris"
                found.append((1, m, f"'{tokens[prep.head].text} to {m.text}': the act is made on that visit"))
            else:
                skipped.append(f"{m.text!r} is a recipient or direction ('{word}'), not a location")
            continue
        if word == "at" and not material and m.place is not None and m.place.precision == "country":
            skipped.append(f"'at {m.text}' is the target of a verbal act, not where it was made")
            continue  # "a statement of sharp criticism at North Korea"
        if word not in LOCATIVE or topic_preposition(tokens, prep, material):
            skipped.append(f"'{word} {m.text}' is not locative")
            continue
        depth = 0 if point == trigger else 1
        found.append((depth, m, f"locative '{word} {m.text}' on {tokens[point].text!r}"))
    usable = [f for f in found if f[1].place is not None]
    if not usable:
        wider = wider_place(tokens, trigger, here, actor_heads, event_type=event.event)
        if wider is not None:
            return wider
        whole = country_wide(tokens, anchors, here, actor_heads)
        if whole is not None:
            return whole
        unmatched = [f"{f[1].text!r}: {f[1].reason}" for f in found if f[1].place is None]
        why = "; ".join(unmatched + skipped) or "no place attached to the trigger"
        return None, f"no event location: {why}"
    usable.sort(key=lambda f: (f[0], f[1].start))
    _, best, why = usable[0]
    also = [f[1].text for f in usable[1:]]
    extra = f"; also named: {', '.join(also)}" if also else ""
    return best.place, f"{why}; {best.reason}{extra}"


# Stays at a place: an act done "during" or "on" one ("met Macron during a visit to Paris") is done there; not a
# flight or a mission, which are on the way.
_STAY_NOUNS = frozenset({"visit", "trip", "journey", "tour", "stay", "stopover"})


def _during_a_visit(tokens: Sequence[Token], noun: int, trigger: int) -> bool:
    """On the trigger itself: in "agreed to hold talks during a visit to Moscow" the visit is the talks' occasion."""
    tok = tokens[noun]
    return tok.lemma.lower() in _STAY_NOUNS and tok.dep == "pobj" and tokens[tok.head].lower in ("during", "on") \
        and tokens[tok.head].head == trigger


# Nouns of a speech given to an assembly that sits in one building ("a speech to the U.N. General Assembly").
SPEECH_NOUNS = frozenset({"speech", "address", "remarks", "statement", "testimony"})
# Verbs of speaking whose "from" phrase is where the speaker was ("speaking from Moscow"), not an origin.
SPEAKING_LEMMAS = frozenset({"speak", "talk"})
# A speech delivered "from" a place was given there; a "statement from the Kremlin" names its source.
DELIVERED_NOUNS = frozenset({"remarks", "speech", "address", "broadcast"})


# Nouns that name an occasion with one place ("the summit in Geneva"); a later "the summit" means the same one.
# Attacks named again ("the 2012 attack on the outpost in Benghazi" ... "killed in the initial assault"): one
# occasion whichever of these words the article uses. Only for referring back, not for "the U.S. attack"
# (a nationality, as above).
ATTACK_LEMMAS = frozenset({"attack", "assault", "raid", "bombing", "ambush", "massacre"})


# Sites named again: "the U.S. Embassy compound in Baghdad" ... "broke into the embassy compound"; "the nuclear
# plant near Enerhodar" ... "shelling at the plant".
SITE_LEMMAS = frozenset({
    "embassy", "consulate", "compound", "plant", "reactor", "base", "airbase", "airport", "prison", "facility",
    "barracks", "camp", "refinery", "port", "hospital", "school", "mosque", "church", "synagogue", "stadium",
})


def occasion_key(lemma: str) -> str | None:
    """The occasion or site a noun lemma names, for referring back: the lemma itself, "attack" for every attack
    word, or None when the noun names neither."""
    if lemma in ATTACK_LEMMAS:
        return "attack"
    return lemma if lemma in OCCASION_LEMMAS or lemma in SITE_LEMMAS else None
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def occasion_places(sentences: Sequence[Sentence], mentions: Sequence[PlaceMention]) -> dict[str, list[tuple[int, Place]]]:
    """Occasion noun lemma -> [(sentence, place)] for phrases like "a summit in Geneva" or "the Benghazi attack",
    in reading order."""
    by_index = {s.index: s for s in sentences}
    out: dict[str, list[tuple[int, Place]]] = {}
    for m in mentions:
        s = by_index.get(m.sentence)
        if m.place is None or s is None:
            continue
        prep, how = governing_preposition(s.tokens, m.head)
        if how == "compound" and s.tokens[m.head].head != m.head:  # "the Benghazi attack", "the Geneva summit"
            noun = s.tokens[s.tokens[m.head].head]
            if m.place.feature_type in ("country", "landmark") and noun.lemma.lower() not in OCCASION_LEMMAS:
                continue  # "the U.S. attack" names a party, not a place
        elif prep is None or prep.lower not in LOCATIVE:
            continue
        else:
            noun = s.tokens[attach_point(s.tokens, prep)]
        key = occasion_key(noun.lemma.lower()) if noun.pos == "NOUN" else None
        if key is not None:
            out.setdefault(key, []).append((m.sentence, m.place))
    return out


# What a statement or a request is about, not where it was made: "must conduct an investigation into this attack".
_TOPIC_PREPS = frozenset({"into", "about", "over", "on", "of", "for", "against", "regarding", "concerning", "with"})


def occasion_nouns(sentence: Sentence, trigger: int, *, verbal: bool = False) -> list[int]:
    """Tokens near the trigger that refer back to an occasion with a definite article ("agreed at the summit",
    "an agreement during the summit", the trigger "the summit" itself), in sentence order.
    verbal: the act is a statement or a request, whose "into"/"about"/"on"/"of" phrases name its topic."""
    tokens = sentence.tokens
    if not 0 <= trigger < len(tokens):
        return []
    near = event_anchors(tokens, trigger) | {t.i for t in tokens if t.dep == "pobj" and tokens[t.head].lower == "during"
                                          and tokens[t.head].head in (trigger, tokens[trigger].head)}
    if tokens[trigger].lemma.lower() in VISIT_LEMMAS | SITE_VERBS:  # "inspectors visited the plant"
        near |= {t.i for t in tokens if t.head == trigger and t.dep == "dobj"}
    if verbal:
        near = {i for i in near if i == trigger or not (
            tokens[i].dep == "pobj" and tokens[tokens[i].head].lower in _TOPIC_PREPS)}
    return [i for i in sorted(near)
            if tokens[i].pos == "NOUN" and occasion_key(tokens[i].lemma.lower()) is not None
            and any(c.head == i and c.lower in _DEFINITE for c in tokens) and not _dated(tokens, i)]


def _dated(tokens: Sequence[Token], noun: int) -> bool:
    """Is the occasion noun named by its own date ("the 11 September 2001 attacks", "the 2016 election")? It is
    then that occasion, not the one the article placed before."""
    return any(c.head == noun and c.dep in ("compound", "nummod", "nmod", "amod", "npadvmod", "poss")
               and (c.ent_type in ("DATE", "EVENT") or c.pos == "NUM") for c in tokens)


def locate_by_occasion(event: Event, sentence: Sentence | None, occasions: dict[str, list[tuple[int, Place]]]
                       ) -> tuple[Place | None, str]:
    """The place of an earlier-named occasion the event refers back to ("agreed at the summit" after "a summit in
    Geneva"), when the article gives that occasion exactly one place."""
    if sentence is None or not occasions:
        return None, ""
    for i in occasion_nouns(sentence, event.trigger[0], verbal=event.quad_code in VERBAL_QUADS):
        tok = sentence.tokens[i]
        lemma = occasion_key(tok.lemma.lower()) or tok.lemma.lower()
        if lemma in SITE_LEMMAS and tok.dep == "nsubj":
            continue  # "the embassy condemned the attack": an actor named by its seat is not placed by it
        earlier = [(n, p) for n, p in occasions.get(lemma, ()) if n < sentence.index]
        names = {(p.name, p.country_code) for _, p in earlier}
        if len(names) == 1:
            n, place = earlier[0]
            return place, f"'{tok.text}' refers back to the {lemma} placed in sentence {n}: {place.name}"
    return None, ""


HOME_SHARE = 0.6  # share of the article's place mentions one country must have to be "the country it is about"
HOME_MIN_MENTIONS = 3


def home_country(mentions: Sequence[PlaceMention], gaz: Gazetteer) -> tuple[Place, str] | None:
    """(the country, why) when the article is about one country: at least HOME_MIN_MENTIONS of its resolved
    place mentions, and HOME_SHARE of them, are in it; else None."""
    codes = Counter(m.place.country_code for m in mentions if m.place is not None and m.place.country_code)
    total = sum(codes.values())
    if not codes:
        return None
    code, n = codes.most_common(1)[0]
    entry = gaz.country(code)
    if entry is None or n < HOME_MIN_MENTIONS or n / total < HOME_SHARE:
        return None
    return to_place(entry, reason="the article's country"), f"the article's country ({n} of its {total} places)"


def _is_place_actor(m) -> bool:
    """A mention that names a country or a capital standing for its state ("Russia", "Moscow said"): a place too."""
    return m.kind in ("name", "metonym") and m.entity.code is not None and m.entity.identifier_id is None \
        and m.entity.sector in (None, "GOV")


@stage("places", requires=("sentences", "events"), provides=("places",))
def place_events(doc: Document, ctx: Context) -> Document:
    """Sentences + events -> places mentioned and each event's location. Requires: sentences, events. Provides: places."""
    gaz = load_gazetteer(ctx)
    successions = load_successions(ctx)
    codes = [m.entity.code for m in doc.mentions if m.entity.code and len(m.entity.code) == 3]
    people: dict[int, set[int]] = {}
    for m in doc.mentions:
        if m.kind in ("name", "title", "surname", "agent", "group") and m.entity.code is not None \
                and not _is_place_actor(m):  # an unresolved name ("Tahrir") may still be a place
            people.setdefault(m.sentence, set()).update(range(m.start, m.end))
    busy = {k: frozenset(v) for k, v in people.items()}
    nationals = nation_adjectives(doc.sentences, load_knowledge(ctx))  # "Syrian" -> SYR, by sentence
    mentions = introduced_mentions(doc.sentences, find_places(doc.sentences, gaz, actor_codes=codes, people=busy),
                                   nationals, busy)  # "the Syrian town of Ja'Din": a town no gazetteer lists
    first = home_country(mentions, gaz)  # "Kenya's capital", "in the capital" of an article about one country
    mentions = capital_mentions(doc.sentences, mentions, nationals, load_capitals(ctx),
                                first[0].country_code if first else None)
    sentences = {s.index: s for s in doc.sentences}
    occasions = occasion_places(doc.sentences, mentions)
    home = home_country(mentions, gaz)
    dateline = dateline_place(doc.sentences, mentions)
    events = []
    for ev in doc.events:
        sentence = sentences.get(ev.text_info.sentence)
        loc, why = locate_event(ev, sentence, mentions)
        if loc is None and sentence is not None:
            head = trigger_head(sentence.tokens, ev.trigger)
            back, back_why = locate_by_there(
                sentence, sentences.get(sentence.index - 1), head,
                event_anchors(sentence.tokens, head, material=ev.quad_code in MATERIAL_QUADS) if 0 <= head < len(
                    sentence.tokens) else set(), mentions)
            if back is None and 0 <= head < len(sentence.tokens):
                back, back_why = locate_by_here(sentence, head, event_anchors(
                    sentence.tokens, head, material=ev.quad_code in MATERIAL_QUADS), mentions, dateline,
                    previous=sentences.get(sentence.index - 1))
            if back is not None:
                loc, why = back, back_why
        if loc is None:
            back, back_why = locate_by_occasion(ev, sentence, occasions)
            if back is None:
                back, back_why = locate_by_settlement(ev, sentence, mentions)
            if back is not None:
                loc, why = back, back_why
        if loc is None and ev.quad_code in MATERIAL_QUADS and ev.event != "SANCTION" and sentence is not None:
            # (a sanction acts on a state, not on its ground: "sanctions over the Ukrainian conflict")
            head = trigger_head(sentence.tokens, ev.trigger)
            adjs = nationals.get(sentence.index, [])
            found = nationality_site(sentence.tokens, event_anchors(sentence.tokens, head, material=True), adjs,
                                     home[0].country_code if home else None) if adjs and 0 <= head < len(
                                         sentence.tokens) else None
            entry = gaz.country(found[0]) if found else None
            here = {m.head: m for m in mentions if m.sentence == sentence.index and m.place is not None}
            name = named_in(sentence.tokens, found[3], set(here)) if found else None
            if name is not None:  # "the Syrian border town of Kobani": the town's name, not only its country
                loc = here[name].place
                why = f"'{here[name].text}' names {found[1]!r}; {here[name].reason}"
            elif found and entry is not None:
                loc = to_place(entry, text=found[1], sentence=sentence.index, reason=found[2])
                why = f"{found[2]} ({entry.name})"
        if loc is None and ev.event in SITE_TYPES and sentence is not None and home is not None:
            site = unnamed_site(sentence.tokens, trigger_head(sentence.tokens, ev.trigger),
                                event_anchors(sentence.tokens, trigger_head(sentence.tokens, ev.trigger),
                                              material=True), ev.event)
            if site is not None:
                loc = dataclasses.replace(home[0], text=site, sentence=sentence.index, start=None, end=None)
                why = f"{why}; the unnamed site {site!r} is in {home[0].name}, {home[1]}"
        if loc is not None:
            code, then = country_on(loc.country_code, ev.date, successions)
            if then:
                loc, why = dataclasses.replace(loc, country_code=code), f"{why}; {then}"
        events.append(dataclasses.replace(ev, event_loc=loc, loc_reason=why))
    unmatched = tuple(f"places: {m.text!r} (sentence {m.sentence}): {m.reason}" for m in mentions if m.place is None)
    return dataclasses.replace(
        doc,
        places=tuple(m.place for m in mentions if m.place is not None),
        events=tuple(events),
        skipped=doc.skipped + unmatched,
    )


__all__ = ["ATTACK_LEMMAS", "OCCASION_LEMMAS", "SITE_LEMMAS", "Entry", "PlaceMention", "find_places",
           "locate_by_occasion", "locate_by_settlement", "locate_event",
           "home_country", "occasion_key", "occasion_nouns", "occasion_places", "place_events"]
