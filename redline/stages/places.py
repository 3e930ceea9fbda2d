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
from dataclasses import dataclass

from ..knowledge.gazetteer import Entry, Gazetteer, country_on, load_gazetteer, load_successions, to_place
from ..pipeline import Context, stage
from ..records import Document, Event, Place, Sentence, Token

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small model often labels a place ORG or PRODUCT ("Mariupol", "Nagorno-Karabakh"); such a span counts when
# its exact name is a country, a region of ours or a city of MISLABEL_MIN_POPULATION people or more.
MISLABELS = frozenset({"ORG", "PRODUCT"})
MISLABEL_MIN_POPULATION = 100_000
_REGION_WORDS = frozenset({"region", "province", "oblast", "governorate", "state", "district", "prefecture"})
LOCATIVE = frozenset({
    "in", "at", "near", "outside", "inside", "across", "along", "on", "within", "throughout", "around", "into",
    "over", "off", "onto", "beyond", "amid", "above", "beneath", "under", "nearby",
})
# "sanctions on Russia's industries" names a target, not a place: a possessive counts after these only.
MATERIAL_QUADS = frozenset({2, 4})  # PLOVER quad classes: material cooperation, material conflict
_POSS_PREPS = frozenset({"in", "at", "near", "inside", "across", "throughout", "within", "along"})
# "to" names a destination: it is where the event happens only for movement ("troops were sent to Syria").
MOVEMENT_LEMMAS = frozenset({
    "travel", "fly", "go", "come", "arrive", "return", "head", "move", "deploy", "send", "dispatch", "visit",
    "trip", "journey", "redeploy", "transfer", "deliver", "ship", "march", "advance", "flee", "evacuate", "jet",
    "enter", "airlift", "rush", "ride", "drive", "sail", "cross", "withdraw",
})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name in a sentence: token span, head token, and the resolved place (None with a reason)."""

    sentence: int
    start: int
    end: int
    head: int
    text: str
    place: Place | None
    reason: str


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


def _spans(sentence: Sentence, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Place-name spans of a sentence: leading "the" dropped, a following region word taken in ("Kharkiv region")."""
    out = []
    toks = sentence.tokens
    for sp in sentence.entities:
        if sp.label not in PLACE_LABELS and sp.label not in MISLABELS:
            continue
        start, end = sp.start, sp.end
        while start < end and toks[start].lower == "the":
            start += 1
        if start >= end or not any(c.isupper() for c in toks[start].text):  # "metro" is no name
            continue
        if end < len(toks) and toks[end].lower in _REGION_WORDS:
            end += 1
        text = "".join(t.text + t.ws for t in toks[start:end]).strip()
        if sp.label in MISLABELS and not _strong_place(gaz, text):
            continue
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
        if toks[i].lower not in _PLACE_PREPS or i + 1 >= len(toks):
            i += 1
            continue
        start = i + 1
        while start < len(toks) and toks[start].lower == "the":
            start += 1
        end = start
        while end < len(toks) and toks[end].pos == "PROPN" and toks[end].text[:1].isupper() and end - start < 4:
            end += 1
        if end == start or any(j in taken for j in range(start, end)):
            i = max(end, i + 1)
            continue
        if toks[start].text.rstrip(".") in _CALENDAR_WORDS or any(j in people for j in range(start, end)):
            i = end
            continue
        labels = {ents[j].label if j in ents else "" for j in range(start, end)}
        if not labels <= _OTHER_LABELS or any(j in ents and (ents[j].start < start or ents[j].end > end)
                                              for j in range(start, end)):
            i = end
            continue
        text = "".join(t.text + t.ws for t in toks[start:end]).strip()
        if any(not alias or (e.feature_type == "city" and e.population >= MISLABEL_MIN_POPULATION)
               for e, alias in gaz.matches(text)):
            out.append((start, end, text))
        i = end
    return out


def _strong_place(gaz: Gazetteer, text: str) -> bool:
    """True when `text` is exactly the main name of a country, one of our regions or a large city."""
    for entry, alias in gaz.matches(text):
        if alias:
            continue
        if entry.feature_type in ("country", "contested", "region", "water", "landmark"):
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


# Verbs whose direct object is the place where the event happens ("visited Kyiv").
VISIT_LEMMAS = frozenset({"visit", "tour", "enter"})
# Verbs whose object is the event itself ("held a summit in Geneva"): the object's locative places the event.
# For other verbs a locative on the object describes the object ("recognise the government in Kyiv").
LIGHT_LEMMAS = frozenset({
    "hold", "host", "stage", "conduct", "launch", "carry", "organize", "organise", "convene", "attend", "begin",
    "start", "open", "wage", "mount", "resume", "continue",
})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "attr", "oprd", "npadvmod", "appos"})


def _anchors(tokens: Sequence[Token], trigger: int, *, material: bool = False) -> set[int]:
    """Tokens whose locative phrases place the event: the trigger, its nominal arguments, and nouns inside
    locative phrases on them ("agreed at a summit in Geneva"); never through "for", "with", "of" or a clause.

    material: the event acts on things (quad classes 2 and 4), so its object's place is the event's place
    ("attacked a checkpoint near Donetsk"); a verbal event's object keeps its place to itself ("recognised
    the government in Kyiv") unless the verb is a light verb ("held a summit in Geneva").
    """
    keep, todo = {trigger}, [trigger]
    tok = tokens[trigger]
    if tok.pos in ("NOUN", "PROPN") and tok.head != tok.i:  # a noun trigger: the verb that governs it
        head = tokens[tok.head]
        if tok.dep in ("dobj", "nsubjpass", "attr", "nsubj"):
            keep.add(head.i)
        elif tok.dep == "pobj" and head.lower in LOCATIVE and head.head != head.i:
            keep.add(head.head)
    while todo:
        h = todo.pop()
        for t in tokens:
            if t.head != h or t.i == h or t.i in keep:
                continue
            light_object = t.dep == "dobj" and (material or tokens[h].lemma.lower() in LIGHT_LEMMAS)
            if t.dep in _ARG_DEPS or light_object or (t.dep == "conj" and tokens[h].dep in _ARG_DEPS):
                keep.add(t.i)
                todo.append(t.i)
            elif t.dep == "prep" and t.lower in LOCATIVE and not _topic_preposition(tokens, t, material):
                for obj in tokens:
                    if obj.head == t.i and obj.dep == "pobj" and obj.i not in keep:
                        keep.add(obj.i)
                        todo.append(obj.i)
    return keep


def _governing_preposition(tokens: Sequence[Token], head: int) -> tuple[Token | None, str]:
    """The preposition introducing the place whose head token is `head`, and how it is reached."""
    tok = tokens[head]
    while tok.dep == "conj" and tok.head != tok.i:  # "in Kyiv and Kharkiv"
        tok = tokens[tok.head]
    head = tokens[tok.head]
    if tok.dep == "poss" and head.dep == "pobj" and tokens[head.head].lower in _POSS_PREPS:  # "in Ukraine's east"
        tok = head
    elif tok.dep == "appos" and head.dep == "pobj":  # "in Yemen's capital, Sanaa"
        tok = head
    if tok.dep == "compound":
        return None, "compound"
    if tok.dep != "pobj":
        return None, tok.dep
    prep = tokens[tok.head]
    # "in the city of Mariupol": climb through "of" to the locative preposition
    if prep.lower == "of" and tokens[prep.head].dep == "pobj":
        prep = tokens[tokens[prep.head].head]
    elif prep.lower == "of" and tokens[prep.head].lower in LOCATIVE:  # "outside of Damascus"
        prep = tokens[prep.head]
    return prep, "pobj"


def _attach_point(tokens: Sequence[Token], prep: Token) -> int:
    """The token a preposition phrase modifies; coordinated preps ("on the border and in Crimea") share it."""
    while prep.dep == "conj" and tokens[prep.head].pos == "ADP" and prep.head != prep.i:
        prep = tokens[prep.head]
    return prep.head


def _topic_preposition(tokens: Sequence[Token], prep: Token, material: bool) -> bool:
    """ "on"/"over" name a topic or a target in a verbal event ("talks on Ukraine", "dispute over Crimea", "blamed
    the attacks on Iran"); in a material event ("troops on the border", "flew over Syria", "the attack on the
    consulate in Benghazi") they are locative."""
    del tokens  # after a verb too: "blamed the attacks on Iran", "a law extended over Hong Kong"
    return not material and prep.lower in ("on", "over")


def _compound_places(tokens: Sequence[Token], modified: int, trigger: int, anchors: set[int], place: Place | None
                     ) -> bool:
    """A place name modifying a noun ("the Geneva summit") places the event when that noun is the trigger, or an
    anchor noun that is not the subject ("the Moscow government said" is an actor's descriptor), unless the
    subject is itself an occasion ("the Geneva summit was held"). A country before a noun is a nationality ("U.S.
    troops", "the U.S. condemnation") except before an occasion or a conflict ("the Iraq war")."""
    tok = tokens[modified]
    if place is not None and place.feature_type == "country" and tok.lemma.lower() not in OCCASION_LEMMAS | CONFLICT_LEMMAS:
        return False
    if modified == trigger:
        return True
    if modified not in anchors or tok.pos != "NOUN":
        return False
    return tok.dep not in ("nsubj", "nsubjpass") or tok.lemma.lower() in OCCASION_LEMMAS


def locate_event(event: Event, sentence: Sentence | None, mentions: Sequence[PlaceMention]
                 ) -> tuple[Place | None, str]:
    """(event_loc, loc_reason) for one event from the place mentions of its sentence."""
    if sentence is None:
        return None, "the event's sentence is missing"
    here = [m for m in mentions if m.sentence == sentence.index]
    if not here:
        return None, "the sentence names no place"
    tokens = sentence.tokens
    trigger = event.trigger[0]
    if not 0 <= trigger < len(tokens):
        return None, "the trigger is outside its sentence"
    material = event.quad_code in MATERIAL_QUADS
    anchors = _anchors(tokens, trigger, material=material)
    actor_heads = set(event.actor_heads) | set(event.recipient_heads)
    target = _target_place(event, tokens, trigger, here)
    if target is not None:
        return target
    found: list[tuple[int, PlaceMention, str]] = []
    skipped: list[str] = []
    for m in here:
        if (m.head in actor_heads or any(m.start <= h < m.end for h in actor_heads)) and not _in_place_phrase(tokens, m):
            skipped.append(f"{m.text!r} is an actor")
            continue
        prep, how = _governing_preposition(tokens, m.head)
        modified = tokens[m.head].head
        if how == "compound" and _compound_places(tokens, modified, trigger, anchors, m.place):
            found.append((1, m, f"{m.text!r} modifies {tokens[modified].text!r}"))
            continue
        if how == "dobj" and tokens[m.head].head == trigger and tokens[trigger].lemma.lower() in VISIT_LEMMAS:
            found.append((0, m, f"{m.text!r} is the place {tokens[trigger].text!r} names"))
            continue
        if prep is None:
            skipped.append(f"{m.text!r} is not in a locative phrase ({how})")
            continue
        word = prep.lower
        point = _attach_point(tokens, prep)
        if point not in anchors:
            skipped.append(f"{m.text!r} belongs to another part of the sentence")
            continue
        if word == "from":
            skipped.append(f"{m.text!r} is an origin ('from'), not where the event happened")
            continue
        if word in ("to", "toward", "towards"):
            if tokens[trigger].lemma.lower() in MOVEMENT_LEMMAS and word == "to":
                found.append((2, m, f"destination '{word} {m.text}' of a movement"))
            else:
                skipped.append(f"{m.text!r} is a recipient or direction ('{word}'), not a location")
            continue
        if word not in LOCATIVE or _topic_preposition(tokens, prep, material):
            skipped.append(f"'{word} {m.text}' is not locative")
            continue
        depth = 0 if point == trigger else 1
        found.append((depth, m, f"locative '{word} {m.text}' on {tokens[point].text!r}"))
    usable = [f for f in found if f[1].place is not None]
    if not usable:
        wider = _wider_place(tokens, trigger, here, actor_heads, event_type=event.event)
        if wider is not None:
            return wider
        unmatched = [f"{f[1].text!r}: {f[1].reason}" for f in found if f[1].place is None]
        why = "; ".join(unmatched + skipped) or "no place attached to the trigger"
        return None, f"no event location: {why}"
    usable.sort(key=lambda f: (f[0], f[1].start))
    _, best, why = usable[0]
    also = [f[1].text for f in usable[1:]]
    extra = f"; also named: {', '.join(also)}" if also else ""
    return best.place, f"{why}; {best.reason}{extra}"


# Clauses of their own: a place inside one belongs to that clause's act ("said in Moscow that Russia would respond").
_OWN_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "conj", "acl", "xcomp", "pcomp"})
VISIT_NOUNS = frozenset({"visit", "trip", "welcome", "journey", "tour", "arrival", "mission", "return", "flight"})


def _own_phrases(tokens: Sequence[Token], trigger: int, *, subject: bool = True) -> set[int]:
    """The trigger and every word of its phrase that is not in a clause of its own: its objects, their
    prepositional phrases and their objects ("met with world leaders in China", "burned offices ... in Suez").
    subject: False leaves the trigger's subject out."""
    keep, todo = {trigger}, [trigger]
    while todo:
        h = todo.pop()
        for t in tokens:
            if not subject and h == trigger and t.dep in ("nsubj", "nsubjpass"):
                continue
            if t.head == h and t.i != h and t.i not in keep and t.dep not in _OWN_CLAUSE_DEPS:
                keep.add(t.i)
                todo.append(t.i)
    return keep


def _clause_of(tokens: Sequence[Token], trigger: int) -> int:
    """The verb heading the trigger's clause, through conjuncts and infinitive complements."""
    i = trigger
    while tokens[i].pos not in ("VERB", "AUX") and tokens[i].head != i:
        i = tokens[i].head
    seen = {i}
    while tokens[i].dep in ("conj", "xcomp") and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
    return i


# Acts that take a place from their objects' phrases ("met with leaders in China", "burned offices in Suez");
# sanctions and speech acts are about their objects, not located by them.
WIDE_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONSULT", "AID", "RETREAT", "COOPERATE"})


def _wider_place(tokens: Sequence[Token], trigger: int, here: Sequence[PlaceMention], actor_heads: set[int], *,
                 event_type: str = "") -> tuple[Place, str] | None:
    """A place the parse did not attach to the trigger itself, in this order: a locative phrase inside the
    trigger's own phrases ("met with world leaders in China"); the noun a "where" clause describes ("Syria, where
    it funded both sides"); the destination of a visit ("his welcome to Beijing", "jetted off to Brussels to deliver
    a message"); a locative phrase that opens the sentence and sets its scene ("In the capital Cairo, security
    forces ..."), for acts not reported by someone else in a clause of their own."""
    everything = [m for m in here if m.place is not None]
    usable = [m for m in everything if _in_place_phrase(tokens, m) or (
        m.head not in actor_heads and not any(m.start <= h < m.end for h in actor_heads))]
    clause = _clause_of(tokens, trigger)
    mover = trigger if tokens[trigger].lemma.lower() in VISIT_NOUNS | MOVEMENT_LEMMAS else None
    if mover is None and tokens[clause].dep in ("xcomp", "advcl") and \
            tokens[tokens[clause].head].lemma.lower() in MOVEMENT_LEMMAS:
        mover = tokens[clause].head  # "jetted off to Brussels to deliver an urgent message"
    if mover is not None:  # a visit's place is the place visited, even when it is also the recipient
        for m in everything:
            prep, _ = _governing_preposition(tokens, m.head)
            if prep is not None and prep.lower == "to" and _attach_point(tokens, prep) in (mover, trigger):
                return m.place, f"destination 'to {m.text}' of {tokens[mover].text!r}; {m.reason}"
    if not usable:
        return None
    # A speech act's objects say what it is about ("should impose a no-fly zone in Syria"): only acts on things
    # and meetings take a place from their objects' phrases.
    own = _own_phrases(tokens, trigger) if event_type in WIDE_PLACE_TYPES else {trigger}
    if tokens[trigger].pos in ("NOUN", "PROPN"):  # "the talks that continue in Geneva"
        for t in tokens:
            if t.head == trigger and t.dep in ("relcl", "acl"):
                own |= _own_phrases(tokens, t.i)
        noun = tokens[trigger]
        if noun.dep == "pobj" and tokens[noun.head].lower == "of" and \
                tokens[tokens[noun.head].head].pos == "NOUN":  # "a barrage of airstrikes in Syria"
            noun = tokens[tokens[noun.head].head]
            if event_type in WIDE_PLACE_TYPES:
                own |= _own_phrases(tokens, noun.i)
        light = tokens[noun.head]  # "conducted airstrikes on a staging area in eastern Syria"
        if noun.dep == "dobj" and light.lemma.lower() in LIGHT_LEMMAS and event_type in WIDE_PLACE_TYPES:
            own |= _own_phrases(tokens, light.i, subject=False)
    for t in tokens:  # "finalized and approved the agreement at a summit in Brussels": conjuncts share phrases
        if t.pos == "VERB" and ((t.dep == "conj" and t.head == trigger) or
                                (tokens[trigger].dep == "conj" and t.i == tokens[trigger].head)):
            own |= {i for i in _own_phrases(tokens, t.i, subject=False) if i > trigger and tokens[i].dep != "dobj"}
    for m in usable:
        prep, how = _governing_preposition(tokens, m.head)
        if prep is None or prep.lower not in LOCATIVE or prep.lower in ("on", "over") or m.head not in own:
            continue
        point = tokens[_attach_point(tokens, prep)]
        return m.place, (f"locative '{prep.text} {m.text}' on {point.text!r}, in the phrase of "
                         f"{tokens[trigger].text!r}; {m.place.reason or m.reason}")
    if tokens[clause].dep == "relcl" and any(t.head == clause and t.lower == "where" for t in tokens):
        noun = tokens[clause].head
        for m in usable:
            if m.start <= noun < m.end:
                return m.place, f"the act is in a 'where' clause on {m.text!r}; {m.reason}"
    root = next((t for t in tokens if t.head == t.i), None)
    if root is None or _under_report(tokens, trigger, root.i):
        return None
    subject = min((t.i for t in tokens if t.head == root.i and t.dep in ("nsubj", "nsubjpass", "expl")),
                  default=root.i)
    for m in usable:
        prep, _ = _governing_preposition(tokens, m.head)
        if prep is None or prep.lower not in LOCATIVE or prep.i > subject or prep.i > root.i:
            continue
        top = _opening_phrase(tokens, prep.i, root.i)
        if top is not None:
            return m.place, f"'{prep.text} {m.text}' opens the sentence and sets the scene; {m.reason}"
    return None


def _opening_phrase(tokens: Sequence[Token], i: int, root: int) -> int | None:
    """The phrase on the root that token `i` opens, through nested phrases ("On the ground in Ukraine, ...") and
    an opening participle ("Speaking at the Great Hall of the People, Trump ..."); None when it hangs elsewhere."""
    seen = set()
    while i not in seen:
        seen.add(i)
        tok = tokens[i]
        if tok.head == root:
            return i if tok.dep == "prep" or (tok.dep == "advcl" and tok.tag == "VBG") else None
        if tok.dep not in ("prep", "pobj", "advcl", "pcomp") or tok.head == tok.i:
            return None
        i = tok.head
    return None


_PLACE_PHRASE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "within"})


def _in_place_phrase(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """ "airstrikes in eastern Syria", "a summit in Brussels": a place in an "in"/"at" phrase is where the act
    happened even when the coder also took it for the recipient."""
    prep, how = _governing_preposition(tokens, m.head)
    return how == "pobj" and prep is not None and prep.lower in _PLACE_PHRASE_PREPS


# Acts whose target place is where they happen ("the invasion of Syria", "shelled Mariupol", "troops entering
# into Ukraine"), even when the place stands for its state as the recipient.
TARGET_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_TARGET_PREPS = frozenset({"in", "into", "on", "of", "at", "inside", "across", "near", "over"})
_WITHDRAW_PREPS = frozenset({"from", "out"})


def _target_place(event: Event, tokens: Sequence[Token], trigger: int, here: Sequence[PlaceMention]
                  ) -> tuple[Place, str] | None:
    """The place an attack, seizure or deployment is aimed at, or the place a withdrawal leaves ("withdrawal from
    Iraq"): the trigger's object or the object of its own preposition."""
    if event.event not in TARGET_PLACE_TYPES and event.event != "RETREAT":
        return None
    trig = tokens[trigger]
    if trig.dep == "relcl" and event.event in TARGET_PLACE_TYPES and any(
            t.head == trigger and t.dep == "dobj" and t.lower in ("which", "that") for t in tokens):
        for m in here:  # "the Crimea region, which Russia annexed in March"
            if m.place is not None and m.start <= trig.head < m.end:
                return m.place, f"{m.text!r} is what {trig.text!r} acts on ('which'); {m.reason}"
    for m in here:
        if m.place is None or m.place.feature_type not in ("country", "city", "admin1", "contested", "region"):
            continue
        tok = tokens[m.head]
        if tok.dep == "dobj" and tok.head == trigger and event.event in TARGET_PLACE_TYPES \
                and tokens[trigger].pos == "VERB" and m.place.feature_type != "country":
            return m.place, f"{m.text!r} is what {tokens[trigger].text!r} acts on; {m.reason}"
        if tok.dep != "pobj" or tokens[tok.head].head != trigger:
            continue
        prep = tokens[tok.head].lower
        if event.event in TARGET_PLACE_TYPES and prep in _TARGET_PREPS:
            return m.place, f"'{prep} {m.text}' is where {tokens[trigger].text!r} is aimed; {m.reason}"
        if event.event == "RETREAT" and prep in _WITHDRAW_PREPS:
            return m.place, f"'{prep} {m.text}' is the place {tokens[trigger].text!r} leaves; {m.reason}"
    return None


def _under_report(tokens: Sequence[Token], trigger: int, root: int) -> bool:
    """True when the trigger sits in a clause that another act reports ("said Russia attacked ...") or in a
    relative clause about someone ("a leader who ordered attacks")."""
    i, seen = trigger, set()
    while i != root and i not in seen:
        seen.add(i)
        if tokens[i].dep in ("ccomp", "parataxis", "relcl"):
            return True
        i = tokens[i].head
    return False


# Nouns that name an occasion with one place ("the summit in Geneva"); a later "the summit" means the same one.
OCCASION_LEMMAS = frozenset({
    "summit", "talk", "meeting", "conference", "negotiation", "forum", "congress", "session", "visit", "trip",
    "rally", "protest", "demonstration", "exercise", "drill", "election", "referendum", "vote", "ceremony",
})
CONFLICT_LEMMAS = frozenset({"war", "conflict", "crisis", "invasion", "campaign", "offensive", "occupation"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def occasion_places(sentences: Sequence[Sentence], mentions: Sequence[PlaceMention]) -> dict[str, list[tuple[int, Place]]]:
    """Occasion noun lemma -> [(sentence, place)] for phrases like "a summit in Geneva", in reading order."""
    by_index = {s.index: s for s in sentences}
    out: dict[str, list[tuple[int, Place]]] = {}
    for m in mentions:
        s = by_index.get(m.sentence)
        if m.place is None or s is None:
            continue
        prep, _ = _governing_preposition(s.tokens, m.head)
        if prep is None or prep.lower not in LOCATIVE:
            continue
        noun = s.tokens[_attach_point(s.tokens, prep)]
        if noun.pos == "NOUN" and noun.lemma.lower() in OCCASION_LEMMAS:
            out.setdefault(noun.lemma.lower(), []).append((m.sentence, m.place))
    return out


def occasion_nouns(sentence: Sentence, trigger: int) -> list[int]:
    """Tokens near the trigger that refer back to an occasion with a definite article ("agreed at the summit",
    "an agreement during the summit", the trigger "the summit" itself), in sentence order."""
    tokens = sentence.tokens
    if not 0 <= trigger < len(tokens):
        return []
    near = _anchors(tokens, trigger) | {t.i for t in tokens if t.dep == "pobj" and tokens[t.head].lower == "during"
                                          and tokens[t.head].head in (trigger, tokens[trigger].head)}
    return [i for i in sorted(near)
            if tokens[i].pos == "NOUN" and tokens[i].lemma.lower() in OCCASION_LEMMAS
            and any(c.head == i and c.lower in _DEFINITE for c in tokens)]


def locate_by_occasion(event: Event, sentence: Sentence | None, occasions: dict[str, list[tuple[int, Place]]]
                       ) -> tuple[Place | None, str]:
    """The place of an earlier-named occasion the event refers back to ("agreed at the summit" after "a summit in
    Geneva"), when the article gives that occasion exactly one place."""
    if sentence is None or not occasions:
        return None, ""
    for i in occasion_nouns(sentence, event.trigger[0]):
        tok = sentence.tokens[i]
        lemma = tok.lemma.lower()
        earlier = [(n, p) for n, p in occasions.get(lemma, ()) if n < sentence.index]
        names = {(p.name, p.country_code) for _, p in earlier}
        if len(names) == 1:
            n, place = earlier[0]
            return place, f"'{tok.text}' refers back to the {lemma} placed in sentence {n}: {place.name}"
    return None, ""


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
        if m.kind in ("name", "title", "surname", "agent", "group") and not _is_place_actor(m):
            people.setdefault(m.sentence, set()).update(range(m.start, m.end))
    mentions = find_places(doc.sentences, gaz, actor_codes=codes,
                           people={k: frozenset(v) for k, v in people.items()})
    sentences = {s.index: s for s in doc.sentences}
    occasions = occasion_places(doc.sentences, mentions)
    events = []
    for ev in doc.events:
        sentence = sentences.get(ev.text_info.sentence)
        loc, why = locate_event(ev, sentence, mentions)
        if loc is None:
            back, back_why = locate_by_occasion(ev, sentence, occasions)
            if back is not None:
                loc, why = back, back_why
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


__all__ = ["OCCASION_LEMMAS", "Entry", "PlaceMention", "find_places", "locate_by_occasion", "locate_event",
           "occasion_nouns", "occasion_places", "place_events"]
