"""quotes: who said what. Direct quotes and indirect statements with speaker, speech verb, medium and date.

Direct quotes are found on the characters of each paragraph (quotation marks are paired there, so a quote may
span sentences), then attributed through the parse: the speech verb outside the quote that governs it, else
the nearest one in the quote's sentences, else "according to X", else (for whole-sentence quotes only) the
statement before it in the paragraph. Indirect statements are speech verbs whose clausal complement is not
itself a quote.
Speakers come from the actor mentions (``Mention.entity``); a speaker that resolves to nothing is kept as
``speaker=None`` with its text and a reason, never guessed.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..pipeline import Context, stage
from ..knowledge.temporal import find_times
from ..records import DatePrecision, Document, Entity, Event, Mention, Quote, Sentence, Token

log = logging.getLogger(__name__)

# Verbs that report speech or writing: "X said (that) ...", "'...,' X warned".
SPEECH_VERBS = frozenset(
    """
    say tell warn add deny claim state announce insist argue assert declare note stress emphasize emphasise
    explain write tweet report confirm acknowledge admit reply ask vow promise pledge
    predict comment remark recall reiterate repeat maintain contend allege complain concede observe caution
    mention testify quip joke scoff retort affirm proclaim boast lament hint speculate
    suggest recount exclaim shout urge demand
    """.split()
)
# Verbs that frame a quote without reporting a statement: "Peskov called the move 'a red line'", "spoke of '...'".
LABEL_VERBS = frozenset("call describe label brand dub term characterize characterise hail denounce speak talk".split())
# Speech verbs whose complement is an order or a request, not a statement: direct quotes only.
_NO_INDIRECT = frozenset({"urge", "demand", "ask", "suggest"})
# Nouns that make a prepositional phrase a medium: "in an interview with ...", "on Twitter", "at a briefing".
MEDIUM_NOUNS = frozenset(
    """
    interview statement address speech conference briefing broadcast television tv radio website site
    newspaper paper magazine journal channel program programme show podcast post tweet message letter
    blog column op-ed editorial remark comment communique communiqué bulletin press agency station outlet
    network twitter telegram facebook instagram youtube vk tiktok video appearance call reporter reporters
    journalist journalists media
    """.split()
)
_TELL_VERBS = frozenset({"tell", "inform", "brief", "assure", "reassure", "warn", "remind", "advise"})
_WH = frozenset({"what", "which", "who", "whom", "whatever", "whoever"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "it", "we", "i", "you"})
_TIME_WORDS = frozenset("yesterday today tonight ago last earlier week month year".split())
_RELATIVE = frozenset({"who", "that", "which"})
_OBJECT_SENSE = frozenset({"add", "recall"})  # speech only without a direct object
_MEDIUM_PREPS = frozenset({"in", "on", "to", "with", "during", "at", "via", "through", "from"})
_SPEAKING = frozenset({"speak", "write", "talk", "comment", "post", "tweet", "appear"})


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


class _Tree:
    """One sentence with its dependency children, built once; subtrees are memoised.

    quoted: indexes of the tokens inside quotation marks.
    """

    __slots__ = ("s", "tokens", "kids", "quoted", "_sub")

    def __init__(self, s: Sentence, quoted: set[int] | frozenset[int] = frozenset()):
        self.s = s
        self.tokens = s.tokens
        self.quoted = quoted
        n = len(s.tokens)
        self.kids: list[list[int]] = [[] for _ in range(n)]
        for t in s.tokens:
            if t.head != t.i and 0 <= t.head < n:
                self.kids[t.head].append(t.i)
        self._sub: dict[int, frozenset[int]] = {}

    def children(self, i: int) -> list[Token]:
        return [self.tokens[k] for k in self.kids[i]]

    def subtree(self, i: int) -> frozenset[int]:
        if i not in self._sub:
            seen, todo = {i}, [i]
            while todo:
                for k in self.kids[todo.pop()]:
                    if k not in seen:
                        seen.add(k)
                        todo.append(k)
            self._sub[i] = frozenset(seen)
        return self._sub[i]

    def is_ancestor(self, anc: int, i: int) -> bool:
        for _ in range(len(self.tokens) + 1):
            if i == anc:
                return True
            h = self.tokens[i].head
            if h == i or not 0 <= h < len(self.tokens):
                return False
            i = h
        return False

    def depth(self, i: int) -> int:
        """Number of heads above token i."""
        d = 0
        while self.tokens[i].head != i and 0 <= self.tokens[i].head < len(self.tokens) and d <= len(self.tokens):
            i = self.tokens[i].head
            d += 1
        return d

    def span_text(self, a: int, b: int) -> str:
        """Text of tokens a..b inclusive, as written."""
        return "".join(t.text + t.ws for t in self.tokens[a : b + 1]).strip()


class _Finder:
    """Per-document working state: paragraphs, quote spans, quoted tokens, mentions and trees by sentence."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.article.text
        self.sentences = doc.sentences
        self.starts = [s.start for s in doc.sentences]
        self.trees: dict[int, _Tree] = {}
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

    def tree(self, s: Sentence) -> _Tree:
        if s.index not in self.trees:
            self.trees[s.index] = _Tree(s, self.quoted.get(s.index, frozenset()))
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
            for v in _speech_verbs(s, quoted, labels=True):
                tok = s.tokens[v]
                governs = any(tr.is_ancestor(v, t) for t in inner)
                dist = 0 if span.open <= tok.idx <= hi else min(abs(tok.idx - span.open), abs(tok.idx - hi))
                rank = (not governs, -tr.depth(v) if governs else 0, dist)  # the innermost governing verb
                if best is None or rank < best[0]:
                    best = (rank, s, v)
        if best is not None:
            return self._attribution(best[1], best[2])
        for s in own:
            for _, who in _according_to(self.tree(s), self.quoted.get(s.index, set())):
                return self._speaker_attribution(s, who, verb="according to")
        before = self._sentence_before(span.open)
        if before is not None and before.text.rstrip().endswith(":"):
            verbs = _speech_verbs(before, self.quoted.get(before.index, set()), labels=False)
            if verbs:
                return self._attribution(before, verbs[-1])
        if span.close is None:  # the closing mark is missing: the attribution may sit inside the run
            for s in own:
                bare = _Tree(s)  # the quoted tokens are the ones to search here
                for v in _speech_verbs(s, set(), labels=False):
                    who, _ = _subject_of(bare, v)
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
        if not self._standalone(span):
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
            verbs = [v for v in _speech_verbs(after, self.quoted.get(after.index, set()), labels=False)
                     if after.tokens[v].dep == "ROOT" and not any(
                         t.head == v and t.dep in ("ccomp", "xcomp", "dobj") for t in after.tokens)]
            if verbs:
                attr = self._attribution(after, verbs[0])
                if attr is not None and attr.speaker is not None:
                    return attr, "speaker from the bare attribution right after the quote"
        before = [a for _, a in sorted(self.said.get(p - 1, []), key=lambda x: x[0]) if a.speaker is not None]
        if before and not self.said.get(p):
            return before[-1], "speaker carried over from the last statement of the previous paragraph"
        return None, "no speech verb or attribution near the quote"

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
            verbs = [v for v in _speech_verbs(s, quoted, labels=False) if s.tokens[v].lemma.lower() not in _NO_INDIRECT]
            accs = _according_to(self.tree(s), quoted) if any(t.lower == "according" for t in s.tokens) else []
            if not verbs and not accs:
                continue
            tr = self.tree(s)
            for v in verbs:
                if any(c.dep == "neg" for c in tr.children(v)):
                    continue
                comp = _complement(tr, v)
                span = _statement_tokens(tr, comp, quoted, v) if comp is not None else None
                if span is not None:
                    out.append(self._indirect(s, span, self._attribution(s, v)))
            for acc, who in accs:
                span = _outside_run(tr, tr.subtree(acc), quoted)
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
    def _attribution(self, s: Sentence, v: int, tr: _Tree | None = None) -> Attribution:
        """Speaker, medium and date of speech verb v in sentence s (tr: the tree to read, when not the default)."""
        tr = tr or self.tree(s)
        who, why = _subject_of(tr, v)
        date, date_why = statement_date(s, v, self.doc.reference_date, tree=tr)
        if who is None:
            attr = Attribution(_verb_text(tr, v), None, None, None, None, why)
        else:
            attr = self._speaker_attribution(s, who, verb=_verb_text(tr, v))
        reason = "; ".join(r for r in (attr.reason, date_why) if r)
        return dataclasses.replace(attr, medium=_medium(tr, v), date=date, reason=reason)

    def _speaker_attribution(self, s: Sentence, who: int, *, verb: str) -> Attribution:
        mention = self._mention_at(s, who)
        text = mention.text if mention else _phrase(self.tree(s), who)
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


# ---- parse helpers (pure functions of one sentence tree) --------------------------------------------------
def _speech_verbs(s: Sentence, quoted: set[int], *, labels: bool) -> list[int]:
    verbs = SPEECH_VERBS | LABEL_VERBS if labels else SPEECH_VERBS
    out = []
    for t in s.tokens:
        if t.i in quoted or t.pos not in ("VERB", "AUX"):
            continue
        if t.lemma.lower() not in verbs and not (t.lemma.lower() == "point" and any(
                k.head == t.i and k.dep == "prt" and k.lower == "out" for k in s.tokens)):  # "pointed out"
            continue
        if t.lemma.lower() in _OBJECT_SENSE and any(k.head == t.i and k.dep in ("dobj", "obj") for k in s.tokens):
            continue  # "added 500 troops", "recalled its envoy"
        out.append(t.i)
    return out


def _verb_text(tr: _Tree, v: int) -> str:
    prt = [t.text for t in tr.children(v) if t.dep == "prt"]
    return " ".join([tr.tokens[v].text.lower(), *prt])


def _subject_of(tr: _Tree, v: int) -> tuple[int | None, str]:
    """Token index of the speaker of verb v: its subject, the agent of a passive, the subject of the verb it
    hangs from ("X was quoted as saying", "X smiled and said"), or the noun a relative clause modifies
    ("an official who said")."""
    cur = v
    for _ in range(4):
        kids = [t for t in tr.children(cur) if t.i not in tr.quoted]
        for t in kids:
            if t.dep in ("nsubj", "csubj"):
                if t.lower in _RELATIVE and tr.tokens[cur].dep == "relcl" and tr.tokens[cur].head != cur:
                    return tr.tokens[cur].head, ""
                return t.i, ""
        for t in kids:
            if t.dep == "agent":
                objs = [c for c in tr.children(t.i) if c.dep == "pobj"]
                if objs:
                    return objs[0].i, ""
        if cur == v and v > 0 and (tr.tokens[v - 1].i in tr.quoted or tr.tokens[v - 1].text == ","):
            after = [t for t in kids if t.i > v and t.dep in ("dobj", "npadvmod", "attr", "appos", "dep")
                     and t.pos in ("PROPN", "NOUN")]
            if after:  # inverted attribution: "'...,' explained Kennedy"
                return after[0].i, ""
        passive = [t for t in kids if t.dep == "nsubjpass"]
        if passive:
            if cur != v and tr.tokens[cur].lemma.lower() in ("quote", "cite", "hear", "report"):
                return passive[0].i, ""
            return None, "passive speech verb without an agent"
        tok = tr.tokens[cur]
        if tok.dep not in ("advcl", "xcomp", "conj", "pcomp", "acl", "prep") or tok.head == cur:
            break
        cur = tok.head
        up = tr.tokens[cur]
        if tok.dep == "conj" and up.dep == "ccomp" and tr.tokens[up.head].lemma.lower() in SPEECH_VERBS:
            cur = up.head  # "X said A and said B" parsed with B's verb joined to A: B is X's too
    return None, f"speech verb {tr.tokens[v].text!r} has no subject"


def _phrase(tr: _Tree, i: int) -> str:
    """The noun phrase headed by token i: its left modifiers and the head ("Kremlin spokesman Dmitry Peskov")."""
    keep = {i}
    for t in reversed(tr.tokens[:i]):
        if t.head in keep and t.dep in ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "flat", "punct"):
            keep.add(t.i)
        elif t.i + 1 not in keep:
            break
    lo = min(keep)
    while lo < i and tr.tokens[lo].dep == "punct":
        lo += 1
    return tr.span_text(lo, i)


def _complement(tr: _Tree, v: int) -> int | None:
    """The clausal complement of a speech verb: "said (that) X", "X, he said" (spaCy: ccomp of said)."""
    for t in tr.children(v):
        if t.dep != "ccomp" or t.pos not in ("VERB", "AUX"):
            continue
        kids = tr.children(t.i)
        if any(k.dep == "mark" and k.lower in ("whether", "if") for k in kids):
            continue
        subj = [k for k in kids if k.dep in ("nsubj", "nsubjpass", "expl", "csubj")]
        if not subj or subj[0].lower in _WH:
            continue
        if _finite(tr, t.i):
            return t.i
    tok = tr.tokens[v]
    if tok.dep == "parataxis" and tok.head != v:  # "The talks, Peskov said, have failed."
        head = tr.tokens[tok.head]
        if head.pos in ("VERB", "AUX") and _finite(tr, head.i) and \
                any(k.dep in ("nsubj", "nsubjpass", "expl") for k in tr.children(head.i)):
            return head.i
    if tok.lemma.lower() in _TELL_VERBS:
        # "told the station that Kyiv had ..." is often parsed as a relative clause on the addressee
        for obj in tr.children(v):
            if obj.dep not in ("dobj", "dative", "obj"):
                continue
            for rel in tr.children(obj.i):
                kids = tr.children(rel.i)
                if rel.dep == "relcl" and any(k.lower == "that" and k.i < rel.i for k in kids) and \
                        sum(1 for k in kids if k.dep in ("nsubj", "nsubjpass")) >= 2:
                    return rel.i
    return None


def _finite(tr: _Tree, i: int) -> bool:
    """False for a bare participle ("she said, her voice cracking"), which makes no statement."""
    return tr.tokens[i].tag not in ("VBG", "VBN") or any(k.dep in ("aux", "auxpass") for k in tr.children(i))


def _statement_tokens(tr: _Tree, comp: int, quoted: set[int], v: int) -> tuple[int, int] | None:
    """Token span of an indirect statement made with verb v, or None when the complement is itself a direct
    quote. An attribution standing at either end of the clause ("..., Peskov said") is left out."""
    toks = tr.tokens
    keep = set(tr.subtree(comp))
    if comp in quoted and (v in keep or any(k.dep in ("nsubj", "nsubjpass", "expl") and k.i in quoted
                                            for k in tr.children(comp))):
        return None  # the clause is the direct quote itself ('"Take a look," she said' parsed either way)
    if v in keep:
        own = tr.subtree(v)
        if max(own) >= max(keep):
            keep = {i for i in keep if i < min(own)}
        elif min(own) <= min(keep):
            keep = {i for i in keep if i > max(own)}
        if not keep:
            return None
    cut = len(toks)
    for t in tr.children(comp):  # "said A and said B" parsed with the second "said" joined to A
        if t.dep == "conj" and t.lemma.lower() in SPEECH_VERBS and t.i > comp:
            cut = min(cut, min(tr.subtree(t.i)))
    sub = sorted(i for i in keep if i < cut)
    if sum(1 for i in sub if i not in quoted and toks[i].pos != "PUNCT") < 2:
        return None
    a, b = sub[0], sub[-1]
    while b > a and toks[b].dep == "cc":
        b -= 1
    while a < b:
        t = toks[a]
        if t.dep in ("mark", "cc") or t.pos == "PUNCT" or t.lower == "that":
            a += 1
        elif t.pos == "ADV" and toks[a + 1].text == ",":  # "However, ..."
            a += 2
        else:
            break
    while b > a and toks[b].pos == "PUNCT" and b not in quoted:
        b -= 1
    return (a, b) if a <= b else None


def _according_to(tr: _Tree, quoted: set[int]) -> list[tuple[int, int]]:
    """(according token, speaker token) pairs for "according to X" outside quotes."""
    out = []
    for t in tr.tokens:
        if t.lower != "according" or t.i in quoted:
            continue
        for to in tr.children(t.i):
            if to.lower == "to":
                objs = [c for c in tr.children(to.i) if c.dep == "pobj"]
                if objs:
                    out.append((t.i, objs[0].i))
    return out


def _outside_run(tr: _Tree, skip: frozenset[int], quoted: set[int]) -> tuple[int, int] | None:
    """The longest run of tokens outside `skip` (an "according to X" phrase), trimmed of punctuation."""
    runs, cur = [], []
    for t in tr.tokens:
        if t.i in skip:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(t.i)
    if cur:
        runs.append(cur)
    runs = [r for r in runs if sum(1 for i in r if tr.tokens[i].pos != "PUNCT") >= 3]
    if not runs:
        return None
    run = max(runs, key=len)
    a, b = run[0], run[-1]
    while a < b and tr.tokens[a].pos == "PUNCT":
        a += 1
    while b > a and tr.tokens[b].pos == "PUNCT" and b not in quoted:
        b -= 1
    if all(i in quoted for i in range(a, b + 1)):
        return None
    return a, b


def _medium(tr: _Tree, v: int) -> str | None:
    """Addressee or medium of a statement: "told the Ekho Moskvy radio station", "in an interview with ..."."""
    heads = [v]
    subj, _ = _subject_of(tr, v)
    if subj is not None:
        heads.append(subj)  # "Ryabkov, in an interview ..., said"
    heads += [t.i for t in tr.children(v) if t.dep == "advcl" and t.lemma.lower() in _SPEAKING]
    if tr.tokens[v].lemma.lower() in _TELL_VERBS:
        for t in tr.children(v):
            if t.dep in ("dobj", "dative", "iobj", "obj") and t.pos in ("NOUN", "PROPN"):  # not "told him"
                return _contiguous(tr, t.i, tr.subtree(t.i) - _clauses(tr, t.i))
    for h in heads:
        for t in tr.children(h):
            if t.dep != "prep" or t.lower not in _MEDIUM_PREPS:
                continue
            objs = [c for c in tr.children(t.i) if c.dep == "pobj"]
            if not objs or objs[0].ent_type in ("DATE", "TIME"):
                continue
            obj = objs[0]
            if (obj.lemma.lower() in MEDIUM_NOUNS or obj.lower in MEDIUM_NOUNS
                    or (t.lower == "to" and h != subj and obj.ent_type not in ("GPE", "LOC"))):
                return _prep_phrase(tr, t.i)
    return None


def _prep_phrase(tr: _Tree, p: int) -> str:
    """A prepositional phrase without the dates and clauses it carries ("in an interview published on X")."""
    keep = set(tr.subtree(p) - _clauses(tr, p))
    for i in sorted(keep):
        t = tr.tokens[i]
        if i in keep and t.dep == "prep" and i != p:
            objs = [c for c in tr.children(i) if c.dep == "pobj"]
            if objs and objs[0].ent_type in ("DATE", "TIME"):
                keep -= tr.subtree(i)
    return _contiguous(tr, p, keep)


def _clauses(tr: _Tree, i: int) -> frozenset[int]:
    """Tokens of the clauses (complements, relative and adverbial clauses, appositions) under token i."""
    out: set[int] = set()
    for k in tr.subtree(i):
        if k != i and tr.tokens[k].dep in ("ccomp", "relcl", "advcl", "appos"):
            out |= tr.subtree(k)
    return frozenset(out)


def _contiguous(tr: _Tree, i: int, keep: set[int] | frozenset[int]) -> str:
    a = b = i
    while a - 1 in keep:
        a -= 1
    while b + 1 in keep:
        b += 1
    while b > a and tr.tokens[b].pos == "PUNCT":
        b -= 1
    return tr.span_text(a, b)


# ---- quotation marks (characters of one paragraph) --------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted text in the body: [start, end) is the text inside the marks (trimmed), open/close the marks.

    continues: the quote is still open at the paragraph end and the next paragraph reopens it (news style).
    """

    start: int
    end: int
    open: int
    close: int | None
    reason: str = ""
    continues: bool = False


_DOUBLE, _SINGLE, _GUILLEMET = '"', "'", "«"
_MARK_RE = re.compile("[\"'‘’“”„«»]")
_LEFT_CONTEXT = frozenset("([{—–-/\u00a0\"'“‘«„")
_RIGHT_CONTEXT = frozenset(".,;:!?)]}—–-…\"'”’»")
_ELISION = re.compile(r"(?:\d\d?s?\b|em\b|n\b|n'|til\b|tis\b|twas\b|cause\b|bout\b)", re.IGNORECASE)


def _mark(text: str, i: int) -> tuple[str | None, bool, bool]:
    """(family, can open, can close) of the character at i; family None when it is no quotation mark."""
    c = text[i]
    if c in "“„":
        return _DOUBLE, True, False
    if c == "”":
        return _DOUBLE, False, True
    if c == "«":
        return _GUILLEMET, True, False
    if c == "»":
        return _GUILLEMET, False, True
    if c not in "\"'‘’":
        return None, False, False
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c != '"' and prev.isalnum() and nxt.isalnum():
        return None, False, False  # apostrophe: Russia's, don't
    left = prev.isspace() or prev in _LEFT_CONTEXT
    right = nxt.isspace() or nxt in _RIGHT_CONTEXT
    can_open = left and not nxt.isspace()
    can_close = right and not prev.isspace()
    if c == '"':
        return _DOUBLE, can_open, can_close
    if can_open and _ELISION.match(text, i + 1):
        can_open = False  # '90s, 'em, rock 'n' roll
    if c == "‘":
        can_close = False
    return _SINGLE, can_open, can_close


def find_quote_spans(text: str, start: int, end: int, next_start: int | None = None) -> list[QuoteSpan]:
    """Outermost quotations in text[start:end] (one paragraph); nested quotes stay inside their outer quote.

    next_start: offset of the next paragraph, to recognise a quote that continues there.
    Unbalanced marks never raise: an unclosed quote runs to the paragraph end, a stray closing double mark
    starts at the paragraph start; both carry a reason. A stray closing single mark is an apostrophe
    (the states' leaders) and is ignored.
    """
    stack: list[tuple[str, int]] = []
    spans: list[QuoteSpan] = []
    nested_open = False
    for found in _MARK_RE.finditer(text, start, end):
        i = found.start()
        fam, can_open, can_close = _mark(text, i)
        if fam is None or not (can_open or can_close):
            continue
        families = [f for f, _ in stack]
        if can_close and fam in families:
            while stack[-1][0] != fam:
                stack.pop()
                nested_open = True
            _, o = stack.pop()
            if not stack:
                reason = "a nested quotation mark is never closed" if nested_open else ""
                _add_span(spans, text, o, i, reason)
                nested_open = False
            continue
        if can_open:
            stack.append((fam, i))
        elif can_close and fam != _SINGLE and not stack:
            _add_span(spans, text, start - 1, i,
                      "unbalanced: closing quotation mark with no opening mark; quote taken from the paragraph start")
    if stack:
        fam, o = stack[0]
        continues = next_start is not None and next_start < len(text) and _mark(text, next_start)[0] == fam \
            and _mark(text, next_start)[1]
        reason = ("multi-paragraph quote: continues in the next paragraph" if continues
                  else "unbalanced: opening quotation mark never closed; quote taken to the paragraph end")
        _add_span(spans, text, o, end, reason, continues=continues)
    return spans


def _add_span(spans: list[QuoteSpan], text: str, o: int, c: int, reason: str, *, continues: bool = False) -> None:
    a, b = o + 1, c
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    if b > a:
        spans.append(QuoteSpan(a, b, max(o, 0), c if c < len(text) and _mark(text, c)[0] else None, reason, continues))


# ---- dates ------------------------------------------------------------------------------------------------
def statement_date(s: Sentence, v: int, reference: dt.date | None, *, tree: _Tree | None = None
                   ) -> tuple[dt.date | None, str]:
    """Date of the statement made with speech verb v: a temporal expression attached to the verb (not inside
    its complement or subject) when it names one day, else the reference date. Returns (date, reason)."""
    tr = tree or _Tree(s)
    own = set(tr.subtree(v) - _clauses(tr, v))
    for t in tr.children(v):
        if t.dep in ("ccomp", "xcomp", "conj", "nsubj", "nsubjpass"):
            own -= tr.subtree(t.i)
    if any(t.i in own and (t.ent_type in ("DATE", "TIME") or t.text[:1].isdigit() or t.text[:1].isupper()
                           or t.lower in _TIME_WORDS) for t in s.tokens if t.i != v):  # cheap test first
        for t in find_times(s.text, reference):
            toks = [k.i for k in s.tokens if t.start <= k.idx - s.start < t.end]
            if not any(i in own for i in toks):
                continue
            if t.date is not None and t.precision == DatePrecision.DAY and t.enddate in (None, t.date):
                return t.date, ""
            return None, f"date expression {t.text!r} is not a single day ({t.reason or 'no single day'})"
    return reference, ""  # None when the article has no reference date (Document.reference_reason says why)
