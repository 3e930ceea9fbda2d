"""Article chronology: which acts an article tells as its news and which as the background it recalls (issue 13,
eleventh round).

The dates stage dates an act the text gives no time of its own on the article's news day. `Chronology.place` looks
at the article as a whole before it lets such an act keep that day:

- deep in an article, after its lead, a present perfect tells an earlier act by its standing result as often as
  the day's reaction: "Brennan has publicly criticized Trump's leadership", "Barr has opened an investigation"
  recall earlier acts, while "lawmakers have condemned the move", "officials have cast doubt on that promise" react
  to the news. What tells them apart in the text is what the act is about: a reaction is about something the
  article has already named ("the move", "that promise", "it"); a recalled act is about something new to it
  (`recalled_perfect`);
- an opinion piece argues from acts it recalls (`opinion_piece`);
- an attitude a population holds in the present is standing (`standing_attitude`);
- "at the time" points back to the last date the text gave (`times_pointed_back`);
- a prohibition in the present after the lead is a standing policy (`standing_policy`, thirteenth round);
- an episode told by a "when" clause with no time ("When the chief called the protests a plot, the cleric backed
  the protesters") is recalled (`when_episode`, thirteenth round);
- "later" after a sentence dated well before the news counts from that past date, and the text does not say how
  much later (`later_told`, thirteenth round).

Written from the dev split and sample P4, "at the time" from sample P5 (docs/dates-and-places.md, "Eleventh round,
dates"); the test sentences in tests/test_dates.py are our own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence

from ..records import Article, DatePrecision, DateSource, Document, Event, Sentence, TimeExpression, Token
from .aspect import aux, children, clause_verb, past_perfect, present_perfect
from .narration import NEWS_DAY_SENTENCES
from .quote_marks import inside_quotes

# Determiners and pronouns that point back to something the article has named.
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those", "such"})
_BACK_PRONOUNS = frozenset({"it", "them", "that", "this", "those", "these", "him", "her"})
# Adverbs that make a present perfect the news of the moment: "North Korea has just launched another missile".
_NOW_ADVERBS = frozenset({"just", "now", "today", "tonight", "since"})
# Verbs that tell how things stand rather than an act: "have been in talks", "has become a focus", "has had".
_STATE_LEMMAS = frozenset({"be", "have", "become", "remain", "seem", "get"})
_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "attr", "dative", "oprd"})
# Prepositions of a circumstance, not of what the act is about: "Under the Trump administration, Democrats have
# renewed calls" is about the calls, not the administration.
_ADJUNCT_PREPS = frozenset({"under", "in", "during", "after", "before", "since", "amid", "despite", "within",
                            "throughout", "by", "as", "like", "than", "until"})


def named_nouns(sentences: Sequence[Sentence]) -> dict[int, frozenset[str]]:
    """Sentence index -> the lemmas of the nouns and verbs of the sentences before it (what a later clause can point
    back to: "the raids" after "raided")."""
    out: dict[int, frozenset[str]] = {}
    seen: set[str] = set()
    for s in sentences:
        out[s.index] = frozenset(seen)
        seen.update(t.lemma.lower() for t in s.tokens if t.pos in ("NOUN", "PROPN", "VERB"))
    return out


def _quoted(tokens: Sequence[Token], i: int) -> bool:
    return inside_quotes([t.text for t in tokens], i)


def _arguments(tokens: Sequence[Token], v: int, trigger: int) -> list[Token]:
    """The nouns the act is about: objects of the verb, of its prepositions, and of a noun trigger ("opened an
    investigation of what he called spying": "investigation" is the act, what it is about hangs below it)."""
    heads = {v, trigger}
    out = []
    for h in heads:
        for c in children(tokens, h):
            if c.dep in _ARGUMENT_DEPS and c.i != trigger:
                out.append(c)
            elif c.dep == "prep" and c.lower not in _ADJUNCT_PREPS:
                out.extend(p for p in children(tokens, c.i) if p.dep == "pobj")
    return out


def _points_back(tokens: Sequence[Token], noun: Token, named: Collection[str]) -> bool:
    """True when the noun phrase points back to something the article has named: a pronoun ("condemned it"), or a
    definite or demonstrative noun named before ("the move", "that promise", "the air raids")."""
    if noun.pos == "PRON":
        return noun.lower in _BACK_PRONOUNS
    dets = {c.lower for c in children(tokens, noun.i) if c.dep == "det"}
    if dets & _DEMONSTRATIVES:
        return True
    return "the" in dets and noun.lemma.lower() in named


def recalled_perfect(tokens: Sequence[Token], trigger: int, named: Collection[str]) -> str | None:
    """Why an act told after the lead in the present perfect is an earlier act the article recalls, or None when
    it may be the day's news. `named`: the noun lemmas of the sentences before.

    "Brennan has publicly criticized Trump's leadership", "The administration has said Iran must end its support"
    (a present perfect report carries what it reports) are recalled; "lawmakers have condemned the move" (a
    reaction to what the article named), "North Korea has just launched a missile" (the news of the moment), "have
    been in talks" (a state) and what a quotation says stay the news."""
    if not 0 <= trigger < len(tokens) or _quoted(tokens, trigger):
        return None
    v = clause_verb(tokens, trigger)
    seen = {v}
    while tokens[v].dep in ("xcomp", "ccomp") and not present_perfect(tokens, v) and tokens[v].head not in seen:
        v = tokens[v].head  # "has said Iran must end", "have vowed to fight": the perfect above carries it
        seen.add(v)
    verb = tokens[v]
    if verb.pos not in ("VERB", "AUX") or not present_perfect(tokens, v) or verb.lemma.lower() in _STATE_LEMMAS:
        return None
    head = tokens[verb.head]
    if verb.dep == "conj" and head.tag in ("VBZ", "VBP") and head.lemma.lower() not in _STATE_LEMMAS \
            and not aux(tokens, head.i):
        return None  # "Iran denies involvement and has condemned the raids": its standing position, told now
    adverbs = {c.lower for c in children(tokens, v) if c.dep in ("advmod", "npadvmod", "prep")}
    if adverbs & _NOW_ADVERBS:
        return None
    args = _arguments(tokens, v, trigger) + [tokens[trigger]]  # "have covered the protests": the news named again
    if any(_points_back(tokens, a, named) for a in args):
        return None
    return (f"present perfect '{' '.join(a.text for a in aux(tokens, v))} {verb.text}' after the lead, about nothing "
            f"the article has named before: an earlier act it recalls, not the day's reaction")


# How publishers mark an opinion piece: a section in the address, a label opening the body or the title.
_OPINION_URL = re.compile(r"/(?:opinions?|commentisfree|commentary|op-ed|oped|columns?|columnists?|editorials?)/", re.I)
_OPINION_LABEL = re.compile(r"\s*(?:ANALYSIS/OPINION|OPINION|COMMENTARY|EDITORIAL)\s*[:\n]")
_OPINION_TITLE = re.compile(r"\s*(?:Opinion|OPINION|Commentary|COMMENTARY|Editorial|EDITORIAL|Op-Ed|OP-ED)\s*[:|]")


def opinion_piece(article: Article) -> str | None:
    """What marks the article as an opinion piece, or None. An opinion piece argues from acts it recalls ("Roosevelt
    appointed a justice to examine Pearl Harbor", "the shooter applauded Trump in his manifesto"): an act it tells
    with no time of its own is not the day's news, so it is not dated by the article's date."""
    m = _OPINION_URL.search(article.url or "")
    if m:
        return f"its address is in an opinion section ({m.group(0)!r})"
    m = _OPINION_LABEL.match(article.text) or _OPINION_TITLE.match(article.title or "")
    if m:
        return f"it is labelled {m.group(0).strip(' :|').strip()!r}"
    return None


# Verbs of an attitude: held by a whole population in the present, it is a standing view, not one day's act.
_ATTITUDE_LEMMAS = frozenset({"support", "want", "oppose", "favor", "favour", "back", "agree", "prefer", "reject",
                              "welcome", "distrust", "trust", "fear", "like", "dislike", "hate", "accept", "approve",
                              "disapprove", "view", "regard", "consider", "see", "believe", "demand"})
# Subjects that stand for a population: "many residents", "most Americans", "everyone", "the Palestinians".
_QUANTIFIERS = frozenset({"many", "most", "some", "all", "every", "no", "few", "several", "much"})
_POPULATIONS = frozenset({"everyone", "everybody", "nobody", "no-one", "people", "resident", "citizen", "voter",
                          "public", "majority", "minority", "population", "many", "most", "few", "americans"})


def standing_attitude(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "many Hong Kong residents support the calls", "everyone in Britain agrees on", "The Palestinians want East
    Jerusalem to be their capital": an attitude a population holds, told in the present simple, is a standing view,
    not an act of the news day. One actor's present ("Iran wants talks", "the minister supports the plan") is the
    position stated that day and keeps it."""
    if not 0 <= trigger < len(tokens) or _quoted(tokens, trigger):
        return None
    v, seen = clause_verb(tokens, trigger), set()
    while tokens[v].dep == "xcomp" and tokens[v].head not in seen:
        seen.add(v)
        v = tokens[v].head
    verb = tokens[v]
    if verb.tag not in ("VBZ", "VBP") or aux(tokens, v) or verb.lemma.lower() not in _ATTITUDE_LEMMAS:
        return None
    subject = next((c for c in children(tokens, v) if c.dep == "nsubj"), None)
    if subject is None:
        return None
    dets = {c.lower for c in children(tokens, subject.i) if c.dep in ("det", "amod", "predet")}
    people = subject.lemma.lower() in _POPULATIONS or subject.lower in _POPULATIONS \
        or bool(dets & _QUANTIFIERS) or (subject.tag == "NNPS" and dets <= {"the"})
    if not people:
        return None
    return f"present simple {verb.text!r} of a population ({subject.text!r}): a standing attitude, not one day's act"


# Adverbs that place an act before the news without a day: "The council recently imposed new sanctions".
_RECENTLY = frozenset({"recently", "lately"})


def recently_told(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "The council recently imposed new sanctions", "The ministry also recently expelled two diplomats": after the
    lead, an act told in the past with "recently" on its verb is one the article recalls from before its news; the
    text does not say when (twelfth round, from sample P6: every such act judged in samples P4-P6 was undated)."""
    if not 0 <= trigger < len(tokens) or _quoted(tokens, trigger):
        return None
    v = clause_verb(tokens, trigger)
    seen = {v}
    while True:  # the trigger's clause, and the clauses above it through "to" and "that" ("said the army recently
        verb = tokens[v]  # shelled", "recently vowed to fight")
        word = next((c for c in children(tokens, v) if c.dep == "advmod" and c.lower in _RECENTLY), None)
        if word is not None and (verb.tag == "VBD" or present_perfect(tokens, v)):
            return f"{word.text!r} on the past {verb.text!r}: an act recalled from before the news"
        if tokens[v].dep not in ("xcomp", "ccomp") or tokens[v].head in seen:
            return None
        v = tokens[v].head
        seen.add(v)


# Verbs of a prohibition: in the present, with whom it bars from what, a policy in force, not one day's act.
_PROHIBITION_LEMMAS = frozenset({"ban", "bar", "prohibit", "forbid", "deny", "block", "exclude", "restrict"})
_RIGHT_NOUNS = frozenset({"right", "rights", "access", "entry", "permission"})
# What a prohibition bars its party from, besides a gerund ("from entering"): an activity or a place to enter ("from
# the tender", "from the border region"), not a source ("blocks aid from Turkey").
_BARRED_FROM = frozenset({
    "tender", "vote", "election", "ballot", "poll", "race", "talks", "competition", "contest", "tournament", "game",
    "event", "meeting", "market", "office", "service", "process", "program", "programme", "scheme", "work", "job",
    "school", "trade", "travel", "entry", "access", "contract", "activity", "politics", "region", "area", "zone",
    "territory", "site", "premises", "camp", "border",
})


def _barred_from(tokens: Sequence[Token], prep: Token) -> bool:
    """ "from entering", "from the tender": a "from" phrase of what the party is barred from doing or entering."""
    return any(c.dep == "pcomp" or (c.dep == "pobj" and (c.tag == "VBG" or c.lemma.lower() in _BARRED_FROM))
               for c in children(tokens, prep.i))


def standing_policy(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "The government is banning foreign firms from the tender", "The state denies refugees the right to return",
    "bars journalists from entering the region": after the lead, a prohibition in the present with whom it bars (its
    object) and from what (a gerund, an activity or a place: `_BARRED_FROM`) is a policy in force, not one day's act (twelfth round's sample P6). A bare present of denial ("Iran
    denies involvement") is the position stated that day and keeps it; the past ("banned", "has banned") is an act."""
    if not 0 <= trigger < len(tokens) or _quoted(tokens, trigger):
        return None
    v = clause_verb(tokens, trigger)
    verb = tokens[v]
    if verb.lemma.lower() not in _PROHIBITION_LEMMAS:
        return None
    auxes = {a.lower for a in aux(tokens, v)}
    present = (verb.tag in ("VBZ", "VBP") and not auxes) or (verb.tag == "VBG" and auxes and auxes <= {"is", "are",
                                                                                                     "'s", "'re"})
    if not present:
        return None
    kids = children(tokens, v)
    objects = [c for c in kids if c.dep in ("dobj", "dative")]
    # the barred party as object, from an activity ("bars journalists from entering"), not "blocks aid from Turkey"
    barred = any(c.dep == "dobj" for c in kids) \
        and any(c.dep == "prep" and c.lower == "from" and _barred_from(tokens, c) for c in kids)
    right = len(objects) >= 2 and any(c.lemma.lower() in _RIGHT_NOUNS for c in objects)  # "denies them the right"
    if not (barred or right):
        return None
    return f"{verb.text!r} in the present with whom it bars: a policy in force, not one day's act"


def _when_clause(tokens: Sequence[Token], v: int) -> bool:
    """A simple past clause opened by "when", with a subject of its own, before its main clause ("When the chief
    called ..., the cleric backed"; not "when asked", not "attacked the convoy when it left the base", which tells
    when the act happened, nor a "when" clause on a time noun: "in 2014, when Russia seized Crimea")."""
    verb = tokens[v]
    return verb.dep == "advcl" and (verb.tag == "VBD" or past_perfect(tokens, v)) \
        and tokens[verb.head].pos in ("VERB", "AUX") and v < verb.head \
        and any(c.lower == "when" and c.dep == "advmod" and c.i < v for c in children(tokens, v)) \
        and any(c.dep in ("nsubj", "nsubjpass") for c in children(tokens, v))


def _marked_earlier(tokens: Sequence[Token], v: int) -> bool:
    """A past perfect ("had taken") or "once" on the clause of verb `v`."""
    return past_perfect(tokens, v) or any(c.dep == "advmod" and c.lower == "once" for c in children(tokens, v))


def when_episode(tokens: Sequence[Token], trigger: int, *, after_past: bool = False) -> str | None:
    """ "When the chief called the protests a plot, the cleric backed the protesters", "When the envoy got a similar
    call, the president complained": after the lead, an episode told in the simple past by a "when" clause that the
    text gives no time is an earlier episode the article recalls (samples P4 and P6: all three such episodes judged
    were undated). Both the main act and the act of the "when" clause; a present ("when the rebels attack, the
    army answers") is a condition, and a quotation is left as it is. Only when the text marks the episode earlier:
    a past perfect or "once" in either clause, or `after_past` (the sentences before count from a date well before
    the news: `later_from`); "When police arrived, protesters threw stones" is the day's news told in order."""
    if not 0 <= trigger < len(tokens) or _quoted(tokens, trigger):
        return None
    v = clause_verb(tokens, trigger)
    seen = {v}
    while tokens[v].dep in ("xcomp", "ccomp", "conj") and tokens[v].head not in seen and not _when_clause(tokens, v):
        v = tokens[v].head  # "complained that the inquiry hurt him", "backed the call and told the government"
        seen.add(v)
    verb = tokens[v]
    if _when_clause(tokens, v):
        clause, main = v, tokens[verb.head]
    else:
        clause = next((c.i for c in children(tokens, v) if _when_clause(tokens, c.i)), None)
        main = verb
    if clause is None or not ((main.tag == "VBD" and not aux(tokens, main.i)) or past_perfect(tokens, main.i)):
        return None
    if not (after_past or _marked_earlier(tokens, clause) or _marked_earlier(tokens, main.i)):
        return None
    return f"'when ... {tokens[clause].text}' tells {main.text!r} as an episode the article recalls"


# Adverbs that place an act after the time the narration is at, by an amount the text does not give.
_LATER = frozenset({"later", "subsequently", "eventually", "afterwards", "afterward", "thereafter"})
LATER_LOOKBACK = 2  # sentences back a "later" looks for the date it counts from
LATER_PAST_DAYS = 31  # days before the reference date: a date that ends earlier puts the narration in the past


def later_told(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "She later widened the pledge", "The court eventually dropped the charges": an act told in the past with
    "later" (subsequently, eventually, afterwards, thereafter) on its verb, or on the clause above it through "to"
    and "that" ("later agreed to lift"), with no time of its own. Whether it is undated depends on the date it
    counts from (`Chronology.later_from`); the quotation is left as it is."""
    if not 0 <= trigger < len(tokens) or _quoted(tokens, trigger):
        return None
    v = clause_verb(tokens, trigger)
    seen = {v}
    while True:
        verb = tokens[v]
        word = next((c for c in children(tokens, v) if c.dep == "advmod" and c.lower in _LATER
                     and not children(tokens, c.i)), None)  # "a few months later", "later that day" give a time
        if word is not None and (verb.tag == "VBD" or present_perfect(tokens, v)
                                 or (verb.tag == "VBN" and bool(aux(tokens, v)))):
            return f"{word.text!r} on the past {verb.text!r}"
        if tokens[v].dep not in ("xcomp", "ccomp") or tokens[v].head in seen:
            return None
        v = tokens[v].head
        seen.add(v)


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def later_from(sentences: Sequence[Sentence], times: Mapping[int, Sequence[TimeExpression]],
               reference: dt.date | None) -> dict[int, str]:
    """Sentence index -> why, for a sentence with no date of its own whose nearest sentence before it with a past
    date (within LATER_LOOKBACK; a future date or a duration does not count, and a sentence with only those is looked
    past) is dated to a time that ended more than LATER_PAST_DAYS before the reference date ("In April,
    the premier pledged to annex the settlements. She later widened the pledge" in an article of January): "later"
    counts from that past time, so the act is after it, on a day the text does not give. After a sentence of the
    news days ("The minister spoke on Tuesday. Later, she met the envoy") "later" is the same news."""
    out: dict[int, str] = {}
    if reference is None:
        return out
    ends: dict[int, list[tuple[dt.date, TimeExpression]]] = {}
    for s in sentences:
        root = next((t for t in s.tokens if t.head == t.i), None)
        past = root is not None and (root.tag == "VBD" or present_perfect(s.tokens, root.i))
        for t in times.get(s.index, ()):
            if t.date is None or t.kind == "duration":
                continue
            end = t.enddate or t.date
            if t.kind == "future" and past and t.precision is not DatePrecision.DAY:
                end = _year_before(end)  # "In April, the premier pledged" in a January article: last April
            elif t.kind == "future" or t.date > reference:
                continue
            ends.setdefault(s.index, []).append((end, t))
    for s in sentences:
        if any(t.date is not None for t in times.get(s.index, ())):
            continue
        for back in range(s.index - 1, max(-1, s.index - 1 - LATER_LOOKBACK), -1):
            if ends.get(back):
                end, t = max(ends[back], key=lambda x: x[0])
                if (reference - end).days > LATER_PAST_DAYS:
                    out[s.index] = f"it counts from {t.text!r} (sentence {back}), well before the news"
                break
    return out


def _at_the_time(s: Sentence) -> bool:
    """ "assured McCain at the time", "at that time": a time that points back to one the text has given."""
    for t in s.tokens:
        if t.lower == "time" and t.dep == "pobj" and s.tokens[t.head].lower == "at":
            dets = {c.lower for c in children(s.tokens, t.i)}
            if dets & {"the", "that"} and not dets & {"same", "first", "last", "next"}:
                return True
    return False


def times_pointed_back(sentences: Sequence[Sentence], times: Mapping[int, Sequence[TimeExpression]],
                       reference: dt.date | None) -> dict[int, tuple[TimeExpression, str]]:
    """Sentence index -> (expression, why) for a sentence whose "at the time" points back to the last date given in
    the two sentences before ("But by September, when air strikes began, the target had changed. ... Hagel assured
    McCain at the time that ..."): September. None when they give no past date (it stays an earlier period)."""
    out: dict[int, tuple[TimeExpression, str]] = {}
    by_index = {s.index: s for s in sentences}
    for s in sentences:
        if any(t.date is not None for t in times.get(s.index, ())) or not _at_the_time(s):
            continue
        for back in (s.index - 1, s.index - 2):
            given = [t for t in times.get(back, ()) if t.date is not None and t.kind not in ("duration", "future")
                     and (reference is None or t.date <= reference)]
            if back in by_index and given:
                t = given[-1]
                out[s.index] = (t, f"'at the time' points back to {t.text!r} (sentence {back}): {t.reason}")
                break
    return out


@dataclasses.dataclass(frozen=True)
class Chronology:
    """What the article as a whole tells about when its acts happened: the nouns each sentence can point back to,
    whether it is an opinion piece, and the times "at the time" points back to."""

    named: Mapping[int, frozenset[str]]
    opinion: str | None
    pointed_back: Mapping[int, tuple[TimeExpression, str]]
    later: Mapping[int, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, times: Mapping[int, Sequence[TimeExpression]]) -> Chronology:
        return cls(named_nouns(doc.sentences), opinion_piece(doc.article),
                   times_pointed_back(doc.sentences, times, doc.reference_date),
                   later_from(doc.sentences, times, doc.reference_date))

    def place(self, event: Event, sentence: Sentence, trigger: int) -> Event:
        """The event dated by the sentence alone, placed in the article's chronology (the sentence carries no day
        from the sentence before)."""
        first = event.date_reason.split("; ")[0]
        if event.date is None and "'at ... time'" in event.date_reason and sentence.index in self.pointed_back:
            t, why = self.pointed_back[sentence.index]
            return dataclasses.replace(event, date=t.date, enddate=t.enddate, date_precision=t.precision,
                                       date_source=DateSource.EXPLICIT, date_reason=f"{first}; {why}")
        if event.date_source is not DateSource.REFERENCE:
            return event
        recalled = recalled_perfect(sentence.tokens, trigger, self.named.get(sentence.index, frozenset())) \
            if sentence.index >= NEWS_DAY_SENTENCES else None
        if recalled is None and sentence.index >= NEWS_DAY_SENTENCES:
            recalled = recently_told(sentence.tokens, trigger)
        if recalled is None and sentence.index >= NEWS_DAY_SENTENCES:
            recalled = standing_policy(sentence.tokens, trigger) \
                or when_episode(sentence.tokens, trigger, after_past=sentence.index in self.later)
        if recalled is None and sentence.index in self.later:
            word = later_told(sentence.tokens, trigger)
            recalled = f"{word}: {self.later[sentence.index]}; how much later" if word else None
        if recalled is None:
            recalled = standing_attitude(sentence.tokens, trigger)
        if recalled is None and self.opinion and event.date_reason.endswith("; the reference date"):
            recalled = (f"an opinion piece ({self.opinion}): an act it tells with no time of its own is not the "
                        f"day's news")
        if recalled is None:
            return event
        return dataclasses.replace(event, date=None, enddate=None, date_precision=DatePrecision.UNKNOWN,
                                   date_source=None, date_reason=f"{first}; {recalled}: the text does not say when")


__all__ = ["Chronology", "later_from", "later_told", "named_nouns", "opinion_piece", "recalled_perfect",
           "recently_told", "standing_attitude", "standing_policy", "times_pointed_back", "when_episode"]
