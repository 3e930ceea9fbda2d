"""quotes: who said what. Direct quotes and indirect statements with speaker, speech verb, medium and date.

Direct quotes are found on the characters of each paragraph (quotation marks are paired there, so a quote may
span sentences), then attributed through the parse: the speech verb outside the quote that governs it, else
the nearest one in the quote's sentences, else "according to X", else (for whole-sentence quotes only) the
statement before it in the paragraph (also for partial quotes in the first person). Indirect statements are speech verbs whose clausal complement is not
itself a quote.
Speakers come from the actor mentions (``Mention.entity``); a speaker that resolves to nothing is kept as
``speaker=None`` with its text and a reason, never guessed.

Quotation marks are paired in quote_marks.py; speech verbs, their speakers, complements, media and dates are
read from the parse in reported_speech.py.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from ..pipeline import Context, stage
from ..records import Document, Entity, Event, Mention, Quote, Sentence
from .quote_marks import QuoteSpan, find_quote_spans
from .reported_speech import (
    SentenceTree,
    according_to,
    complement_of,
    medium_of,
    outside_run,
    phrase_text,
    speech_verbs,
    statement_date,
    statement_tokens,
    subject_of,
    verb_text,
)

log = logging.getLogger(__name__)

# Speech verbs whose complement is an order or a request, not a statement: direct quotes only.
_NO_INDIRECT = frozenset({"urge", "demand", "ask", "suggest"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "it", "we", "i", "you"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
LEAD_IN = "speaker from the speech verb that ends the previous paragraph"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who made a statement and how: the speech verb, speaker, medium and date found in one sentence."""

    verb: str | None
    speaker: Entity | None
    speaker_text: str | None
    medium: str | None
    date: dt.date | None
    reason: str = ""


@stage("quotes", requires=("sentences", "mentions"), provides=("quotes",))
def find_quotes(doc: Document, ctx: Context) -> Document:
    """Sentences + mentions -> quotes with their speakers. Runs before coding, which takes the speaker of a
    quoted sentence as the actor of the speech acts in it ("We will not accept this," the minister said).

    Requires: sentences, mentions. Provides: quotes.
    """
    if not doc.sentences:
        return doc
    finder = _Finder(doc)
    statements = finder.indirect_statements()  # first: a later quote may carry over their speaker
    unique: dict[str, Quote] = {}
    for q in finder.direct_quotes() + statements:
        unique.setdefault(q.id, q)  # "according to X" and a speech verb may report the same clause
    quotes = sorted(unique.values(), key=lambda q: (q.start, not q.direct, q.end))
    return dataclasses.replace(doc, quotes=tuple(quotes))


@stage("quote-links", requires=("quotes", "events"), provides=("quote_links",))
def link_quotes(doc: Document, ctx: Context) -> Document:
    """Events get the id of the quote they were coded from; quotes the ids of their events.

    Requires: quotes, events. Provides: Event.quote_id, Quote.event_ids.
    """
    if not doc.quotes:
        return doc
    quotes, events = link_events(doc.quotes, doc.events)
    return dataclasses.replace(doc, quotes=tuple(quotes), events=tuple(events))


def quote_id(article_id: str, start: int, end: int, direct: bool) -> str:
    """Stable id of a quote: hash of the article id, its offsets and its kind."""
    key = f"{article_id}:{start}:{end}:{'d' if direct else 'i'}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def link_events(quotes: Sequence[Quote], events: Sequence[Event]) -> tuple[list[Quote], list[Event]]:
    """Give each event the quote it was coded from (its trigger inside the quote, else a quote of its sentence).

    A direct quote wins over an indirect statement, a narrower span over a wider one. Returns the quotes with
    their event_ids and the events with their quote_id, both in their input order.
    """
    by_quote: dict[str, list[str]] = {q.id: [] for q in quotes}
    out_events = []
    for ev in events:
        q = _quote_of(ev, quotes)
        if q is None:
            out_events.append(ev)
            continue
        by_quote[q.id].append(ev.id)
        out_events.append(dataclasses.replace(ev, quote_id=q.id))
    out_quotes = [dataclasses.replace(q, event_ids=tuple(by_quote[q.id])) for q in quotes]
    return out_quotes, out_events


def _quote_of(ev: Event, quotes: Sequence[Quote]) -> Quote | None:
    ti = ev.text_info
    inside = [q for q in quotes if q.start <= ti.trigger_start < q.end]
    if inside:
        return min(inside, key=lambda q: (not q.direct, q.end - q.start))
    same = [q for q in quotes if q.start < ti.end and ti.start < q.end]
    if same:
        return min(same, key=lambda q: (q.direct, q.start))  # the statement of the sentence before its fragments
    return None


class _Finder:
    """Per-document working state: paragraphs, quote spans, quoted tokens, mentions and trees by sentence."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.article.text
        self.sentences = doc.sentences
        self.starts = [s.start for s in doc.sentences]
        self.trees: dict[int, SentenceTree] = {}
        self.mentions: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            self.mentions.setdefault(m.sentence, []).append(m)
        paragraphs: dict[int, list[Sentence]] = {}
        for s in doc.sentences:
            paragraphs.setdefault(s.paragraph, []).append(s)
        self.spans: list[tuple[int, QuoteSpan]] = []  # (paragraph, span)
        paras = sorted(paragraphs.items())
        for k, (p, sents) in enumerate(paras):
            nxt = paras[k + 1][1][0].start if k + 1 < len(paras) else None
            for span in find_quote_spans(self.text, sents[0].start, sents[-1].end, nxt):
                self.spans.append((p, span))
        self.quoted: dict[int, set[int]] = {}  # token indexes inside quotation marks, per sentence
        for _, span in self.spans:
            lo, hi = span.open, _hi(span)
            for s in self._sentences_between(lo, hi):
                self.quoted.setdefault(s.index, set()).update(t.i for t in s.tokens if lo <= t.idx <= hi)
        self.said: dict[int, list[tuple[int, Attribution]]] = {}  # paragraph -> (offset, attribution) found

    def tree(self, s: Sentence) -> SentenceTree:
        if s.index not in self.trees:
            self.trees[s.index] = SentenceTree(s, self.quoted.get(s.index, frozenset()))
        return self.trees[s.index]

    # ---- direct quotes -------------------------------------------------------------------------------------
    def direct_quotes(self) -> list[Quote]:
        attributions = [self._attribute_span(span) for _, span in self.spans]
        for (p, span), attr in zip(self.spans, attributions, strict=True):
            if attr is not None:
                self.said.setdefault(p, []).append((span.start, attr))
        quotes = []
        for k, (_, span) in enumerate(self.spans):
            attr, how = attributions[k], ""
            if attr is None:
                attr, how = self._borrow(k, attributions)
                if how == LEAD_IN:
                    attributions[k] = attr  # the paragraphs the quote runs on into are the same speaker's
            quotes.append(self._make_quote(span, attr, how, direct=True))
        return quotes

    def _attribute_span(self, span: QuoteSpan) -> Attribution | None:
        """The attribution in the quote's own sentences (the sentence of its closing mark included), else in
        a sentence just before it that ends with a colon ("Peskov said:")."""
        hi = _hi(span)
        best = None
        own = list(self._sentences_between(span.open, hi))
        for s in own:
            tr = self.tree(s)
            quoted = self.quoted.get(s.index, set())
            inner = [t.i for t in s.tokens if span.open < t.idx < hi]
            for v in speech_verbs(s, quoted, labels=True):
                tok = s.tokens[v]
                governs = any(tr.is_ancestor(v, t) for t in inner)
                dist = 0 if span.open <= tok.idx <= hi else min(abs(tok.idx - span.open), abs(tok.idx - hi))
                rank = (not governs, -tr.depth(v) if governs else 0, dist)  # the innermost governing verb
                if best is None or rank < best[0]:
                    best = (rank, s, v)
        if best is not None:
            return self._attribution(best[1], best[2])
        for s in own:
            for _, who in according_to(self.tree(s), self.quoted.get(s.index, set())):
                return self._speaker_attribution(s, who, verb="according to")
        before = self._sentence_before(span.open)
        if before is not None and before.text.rstrip().endswith(":"):
            verbs = speech_verbs(before, self.quoted.get(before.index, set()), labels=False)
            if verbs:
                return self._attribution(before, verbs[-1])
        if span.close is None:  # the closing mark is missing: the attribution may sit inside the run
            for s in own:
                bare = SentenceTree(s)  # the quoted tokens are the ones to search here
                for v in speech_verbs(s, set(), labels=False):
                    who, _ = subject_of(bare, v)
                    if who is not None and s.tokens[who].lower not in ("i", "we") and self._mention_at(s, who):
                        attr = self._attribution(s, v, bare)
                        reason = "; ".join(r for r in ("attribution found inside the unclosed quote", attr.reason) if r)
                        return dataclasses.replace(attr, reason=reason)
        return None

    def _borrow(self, k: int, attributions: list[Attribution | None]) -> tuple[Attribution | None, str]:
        """Attribution for a quote that has none of its own, only when it stands as whole sentences: an
        adjacent quote of the same paragraph, the quote it continues across paragraphs, else the last
        statement of the previous paragraph. A partial quote with no speech verb (a scare quote) borrows none."""
        p, span = self.spans[k]
        if not self._standalone(span) and not self._first_person(span):
            return None, "no speech verb or attribution near the quote"
        earlier = [(at, a) for at, a in self.said.get(p, []) if at < span.start]
        if earlier:  # "'A,' Peskov said. 'B.'" or "Peskov said talks failed. 'Nothing is left.'"
            return max(earlier, key=lambda x: x[0])[1], "speaker from the statement before it in the paragraph"
        for j in range(k + 1, len(self.spans)):  # "'A.' 'B,' Peskov said."
            if self.spans[j][0] == p and attributions[j] is not None:
                return attributions[j], "speaker from the attribution of the next quote in the paragraph"
        chain, j = [], k
        while j > 0 and self.spans[j - 1][1].continues and self.spans[j - 1][0] == self.spans[j][0] - 1:
            j -= 1
            chain.append(j)
        j = k
        while self.spans[j][1].continues and j + 1 < len(self.spans) and self.spans[j + 1][0] == self.spans[j][0] + 1:
            j += 1
            chain.append(j)
        for j in chain:
            if attributions[j] is not None:
                return attributions[j], "speaker from the attribution of the quote it continues across paragraphs"
        after = self._sentence_at(_hi(span) + 2)  # "'This was a barbaric attack.' Simsek said on Twitter."
        if after is not None and after.paragraph == p and after.start >= _hi(span):
            verbs = [v for v in speech_verbs(after, self.quoted.get(after.index, set()), labels=False)
                     if after.tokens[v].dep == "ROOT" and not any(
                         t.head == v and t.dep in ("ccomp", "xcomp", "dobj") for t in after.tokens)]
            if verbs:
                attr = self._attribution(after, verbs[0])
                if attr is not None and attr.speaker is not None:
                    return attr, "speaker from the bare attribution right after the quote"
        before = [a for _, a in sorted(self.said.get(p - 1, []), key=lambda x: x[0]) if a.speaker is not None]
        if before and not self.said.get(p):
            return before[-1], "speaker carried over from the last statement of the previous paragraph"
        if self._standalone(span) and not self.said.get(p) and not self.said.get(p - 1):
            lead = self._lead_in(p - 1)
            if lead is not None:
                return lead, LEAD_IN
        return None, "no speech verb or attribution near the quote"

    def _lead_in(self, p: int) -> Attribution | None:
        """The speaker of the last sentence of paragraph p when it reports speech and holds no quote ("the
        president went on to suggest that it was not China to blame." followed by a paragraph that is all one
        quote): any speech verb, also one of request or suggestion that makes no indirect statement, with an
        actor as its subject and no negation."""
        last = [s for s in self.sentences if s.paragraph == p]
        if not last or self.quoted.get(last[-1].index):
            return None
        s = last[-1]
        tr = self.tree(s)
        for v in speech_verbs(s, set(), labels=False):
            if any(c.dep == "neg" for c in tr.children(v)):
                continue
            attr = self._attribution(s, v)
            if attr.speaker is not None:
                return attr
        return None

    def _first_person(self, span: QuoteSpan) -> bool:
        """True when the quoted words speak in the first person ("'I intend to seek cuts' and to work with ..."):
        someone is speaking, so it is no scare quote even when it covers only part of its sentence."""
        hi = _hi(span)
        return any(t.pos == "PRON" and t.lower in FIRST_PERSON and span.open < t.idx < hi
                   for s in self._sentences_between(span.open, hi) for t in s.tokens)

    def _standalone(self, span: QuoteSpan) -> bool:
        """True when the quote covers every word of the sentences it touches."""
        hi = _hi(span)
        for s in self._sentences_between(span.open, hi):
            if any(t.pos != "PUNCT" and not span.open <= t.idx <= hi for t in s.tokens):
                return False
        return True

    # ---- indirect statements -------------------------------------------------------------------------------
    def indirect_statements(self) -> list[Quote]:
        out = []
        for s in self.sentences:
            quoted = self.quoted.get(s.index, set())
            verbs = [v for v in speech_verbs(s, quoted, labels=False) if s.tokens[v].lemma.lower() not in _NO_INDIRECT]
            accs = according_to(self.tree(s), quoted) if any(t.lower == "according" for t in s.tokens) else []
            if not verbs and not accs:
                continue
            tr = self.tree(s)
            for v in verbs:
                if any(c.dep == "neg" for c in tr.children(v)):
                    continue
                comp = complement_of(tr, v)
                span = statement_tokens(tr, comp, quoted, v) if comp is not None else None
                if span is not None:
                    out.append(self._indirect(s, span, self._attribution(s, v)))
            for acc, who in accs:
                span = outside_run(tr, tr.subtree(acc), quoted)
                if span is not None:
                    out.append(self._indirect(s, span, self._speaker_attribution(s, who, verb="according to")))
        return out

    def _indirect(self, s: Sentence, span: tuple[int, int], attr: Attribution) -> Quote:
        a, b = span
        start, end = s.tokens[a].idx, s.tokens[b].end
        for _, q in self.spans:  # a partial quote opened inside the statement ends with it
            if start <= q.open < end and q.close is not None and q.close >= end:
                end = q.close + 1
        self.said.setdefault(s.paragraph, []).append((start, attr))
        return self._make_quote(QuoteSpan(start=start, end=end, open=start, close=None), attr, "", direct=False)

    # ---- attribution details -------------------------------------------------------------------------------
    def _attribution(self, s: Sentence, v: int, tr: SentenceTree | None = None) -> Attribution:
        """Speaker, medium and date of speech verb v in sentence s (tr: the tree to read, when not the default)."""
        tr = tr or self.tree(s)
        who, why = subject_of(tr, v)
        date, date_why = statement_date(s, v, self.doc.reference_date, tree=tr)
        if who is None:
            attr = Attribution(verb_text(tr, v), None, None, None, None, why)
        else:
            attr = self._speaker_attribution(s, who, verb=verb_text(tr, v))
        reason = "; ".join(r for r in (attr.reason, date_why) if r)
        return dataclasses.replace(attr, medium=medium_of(tr, v), date=date, reason=reason)

    def _speaker_attribution(self, s: Sentence, who: int, *, verb: str) -> Attribution:
        mention = self._mention_at(s, who)
        text = mention.text if mention else phrase_text(self.tree(s), who)
        if mention is None:
            reason = f"speaker {text!r} matches no actor mention"
            if s.tokens[who].lower in _PRONOUNS:
                reason = f"pronoun {text!r} is not resolved to an actor"
            return Attribution(verb, None, text, None, self.doc.reference_date, reason)
        ent = mention.entity
        if ent.code is None and ent.identifier_text is None and ent.sector is None:
            reason = f"speaker {text!r} resolves to no actor" + (f": {ent.reason}" if ent.reason else "")
            return Attribution(verb, None, text, None, self.doc.reference_date, reason)
        return Attribution(verb, ent, text, None, self.doc.reference_date)

    def _mention_at(self, s: Sentence, who: int) -> Mention | None:
        """The actor mention of the speaker token: one headed by it, else one covering it, else one in its phrase."""
        here = self.mentions.get(s.index, ())
        cands = [m for m in here if m.head == who or m.start <= who < m.end]
        if not cands:
            sub = self.tree(s).subtree(who)
            cands = [m for m in here if m.head in sub]
        if not cands:
            return None
        return min(cands, key=lambda m: (m.head != who, not (m.start <= who < m.end), m.start))

    def _make_quote(self, span: QuoteSpan, attr: Attribution | None, how: str, *, direct: bool) -> Quote:
        reasons = [r for r in (span.reason, how, attr.reason if attr else "") if r]
        s = self._sentence_at(span.start)
        aid = self.doc.article.id
        return Quote(
            id=quote_id(aid, span.start, span.end, direct),
            article_id=aid,
            text=self.text[span.start : span.end],
            direct=direct,
            speaker=attr.speaker if attr else None,
            speaker_text=attr.speaker_text if attr else None,
            verb=attr.verb if attr else None,
            medium=attr.medium if attr else None,
            sentence=s.index if s else self.sentences[max(bisect.bisect_right(self.starts, span.start) - 1, 0)].index,
            start=span.start,
            end=span.end,
            date=attr.date if attr else self.doc.reference_date,
            reason="; ".join(dict.fromkeys(reasons)),
        )

    def _sentences_between(self, lo: int, hi: int) -> list[Sentence]:
        k = max(bisect.bisect_right(self.starts, lo) - 1, 0)
        out = []
        while k < len(self.sentences) and self.sentences[k].start <= hi:
            if lo < self.sentences[k].end:
                out.append(self.sentences[k])
            k += 1
        return out

    def _sentence_at(self, pos: int) -> Sentence | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.sentences[k].start <= pos < self.sentences[k].end:
            return self.sentences[k]
        return None

    def _sentence_before(self, pos: int) -> Sentence | None:
        """The sentence before the one holding `pos`."""
        k = bisect.bisect_right(self.starts, pos) - 2
        return self.sentences[k] if k >= 0 else None


def _hi(span: QuoteSpan) -> int:
    return span.close if span.close is not None else span.end


