"""quotes: who said what. Direct quotes and indirect statements with speaker, speech verb, medium and date.

Direct quotes are found on the characters of each paragraph (quotation marks are paired there, so a quote may
span sentences), then attributed through the parse: the speech verb outside the quote that governs it, else
the nearest one in the quote's sentences, else "according to X", else the attribution of an adjacent quote in
the same paragraph. Indirect statements are speech verbs whose clausal complement is not itself a quote.
Speakers come from the actor mentions (``Mention.entity``); a speaker that resolves to nothing is kept as
``speaker=None`` with its text and a reason, never guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
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
# Verbs that frame a partial quote without reporting speech: "Peskov called the move 'a red line'".
LABEL_VERBS = frozenset("call describe label brand dub term characterize characterise hail denounce".split())
# Speech verbs whose complement is an order or a request, not a statement: direct quotes only.
_NO_INDIRECT = frozenset({"urge", "demand", "ask", "suggest"})
# Nouns that make a prepositional phrase a medium: "in an interview with ...", "on Twitter", "at a briefing".
MEDIUM_NOUNS = frozenset(
    """
    interview statement address speech conference briefing broadcast television tv radio website site
    newspaper paper magazine journal channel program programme show podcast post tweet message letter
    blog column op-ed editorial remark comment communique communiqué bulletin session hearing meeting
    rally press agency station outlet network twitter telegram facebook instagram youtube x vk tiktok
    video appearance call reporter reporters journalist journalists media parliament forum summit
    """.split()
)
_TELL_VERBS = frozenset({"tell", "inform", "brief", "assure", "reassure", "warn", "remind", "advise"})
_WH = frozenset({"what", "which", "who", "whom", "whatever", "whoever"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "it", "we", "i", "you"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_MEDIUM_PREPS = frozenset({"in", "on", "to", "with", "during", "at", "via", "through", "from"})
_SPEAKING = frozenset({"speak", "write", "talk", "comment", "post", "tweet", "appear"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who made a statement and how: the speech verb, speaker, medium and date found in one sentence."""

    sentence: int
    verb: str | None
    speaker: Entity | None
    speaker_text: str | None
    medium: str | None
    date: dt.date | None
    reason: str = ""


@stage("quotes", requires=("sentences", "mentions", "events"), provides=("quotes",))
def find_quotes(doc: Document, ctx: Context) -> Document:
    """Sentences + mentions + events -> quotes; events get the id of the quote they were coded from.

    Requires: sentences, mentions, events. Provides: quotes (and Event.quote_id).
    """
    if not doc.sentences:
        return doc
    finder = _Finder(doc, ctx)
    quotes = finder.direct_quotes() + finder.indirect_statements()
    quotes.sort(key=lambda q: (q.start, not q.direct, q.end))
    quotes, events = link_events(quotes, doc.events)
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
    """Per-document working state: sentences by paragraph, quote spans, mentions by sentence."""

    def __init__(self, doc: Document, ctx: Context):
        self.doc = doc
        self.ctx = ctx
        self.text = doc.article.text
        self.sentences = doc.sentences
        self.mentions: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            self.mentions.setdefault(m.sentence, []).append(m)
        self.paragraphs: dict[int, list[Sentence]] = {}
        for s in doc.sentences:
            self.paragraphs.setdefault(s.paragraph, []).append(s)
        self.spans: list[tuple[int, QuoteSpan]] = []  # (paragraph, span)
        paras = sorted(self.paragraphs.items())
        for k, (p, sents) in enumerate(paras):
            nxt = paras[k + 1][1][0].start if k + 1 < len(paras) else None
            for span in find_quote_spans(self.text, sents[0].start, sents[-1].end, nxt):
                self.spans.append((p, span))
        # token indexes inside quotation marks, per sentence
        self.quoted: dict[int, set[int]] = {}
        for _, span in self.spans:
            lo, hi = span.open, span.close if span.close is not None else span.end
            for s in self._sentences_between(lo, hi):
                self.quoted.setdefault(s.index, set()).update(t.i for t in s.tokens if lo <= t.idx <= hi)

    # ---- direct quotes -------------------------------------------------------------------------------------
    def direct_quotes(self) -> list[Quote]:
        attributions: list[Attribution | None] = [self._attribute_span(span) for _, span in self.spans]
        quotes = []
        for k, (_, span) in enumerate(self.spans):
            attr, how = attributions[k], ""
            if attr is None:
                attr, how = self._borrow(k, attributions)
            quotes.append(self._make_quote(span, attr, how, direct=True))
        return quotes

    def _attribute_span(self, span: QuoteSpan) -> Attribution | None:
        """The attribution in the quote's own sentences (the sentence of its closing mark included)."""
        hi = span.close if span.close is not None else span.end
        best = None
        for s in self._sentences_between(span.open, hi):
            quoted = self.quoted.get(s.index, set())
            inner = {t.i for t in s.tokens if span.open < t.idx < hi}
            for v in _speech_verbs(s, quoted, labels=True):
                governs = any(_is_ancestor(s, v, t) for t in inner)
                tok = s.tokens[v]
                dist = 0 if span.open <= tok.idx <= hi else min(abs(tok.idx - span.open), abs(tok.idx - hi))
                rank = (not governs, dist)
                if best is None or rank < best[0]:
                    best = (rank, s, v)
        if best is not None:
            _, s, v = best
            return self._attribution(s, v)
        for s in self._sentences_between(span.open, hi):
            for _, who in _according_to(s, self.quoted.get(s.index, set())):
                return self._speaker_attribution(s, who, verb="according to")
        if span.close is None:  # the closing mark is missing: the attribution may sit inside the run
            for s in self._sentences_between(span.open, hi):
                for v in _speech_verbs(s, set(), labels=False):
                    who, _ = _subject_of(s, v)
                    if who is not None and self._mention_at(s, who) is not None and s.tokens[who].lower not in ("i", "we"):
                        attr = self._attribution(s, v)
                        reason = "; ".join(r for r in ("attribution found inside the unclosed quote", attr.reason) if r)
                        return dataclasses.replace(attr, reason=reason)
        return None

    def _borrow(self, k: int, attributions: list[Attribution | None]) -> tuple[Attribution | None, str]:
        """Attribution of an adjacent quote: same paragraph first (preceding, then following), then a quote
        this one continues from the previous paragraph, or that continues into the next one."""
        p, span = self.spans[k]
        for j in list(range(k - 1, -1, -1)) + list(range(k + 1, len(self.spans))):
            if self.spans[j][0] == p and attributions[j] is not None:
                return attributions[j], "speaker from the attribution of an adjacent quote in the paragraph"
        # a multi-paragraph quote: the unclosed quote of paragraph p-1 carries on here (or this one carries on)
        chain = [k]
        j = k
        while j > 0 and self.spans[j - 1][1].continues and self.spans[j - 1][0] < self.spans[j][0]:
            j -= 1
            chain.append(j)
        j = k
        while self.spans[j][1].continues and j + 1 < len(self.spans):
            j += 1
            chain.append(j)
        for j in chain:
            if attributions[j] is not None:
                return attributions[j], "speaker from the attribution of the quote it continues across paragraphs"
        return None, "no speech verb or attribution near the quote"

    # ---- indirect statements -------------------------------------------------------------------------------
    def indirect_statements(self) -> list[Quote]:
        out = []
        for s in self.sentences:
            quoted = self.quoted.get(s.index, set())
            for v in _speech_verbs(s, quoted, labels=False):
                tok = s.tokens[v]
                if tok.lemma.lower() in _NO_INDIRECT or _has_child(s, v, "neg"):
                    continue
                comp = _complement(s, v)
                if comp is None:
                    continue
                span = _statement_tokens(s, comp, quoted)
                if span is None:
                    continue
                out.append(self._indirect(s, span, self._attribution(s, v)))
            for acc, who in _according_to(s, quoted):
                span = _outside_run(s, _subtree(s, acc), quoted)
                if span is None:
                    continue
                out.append(self._indirect(s, span, self._speaker_attribution(s, who, verb="according to")))
        return out

    def _indirect(self, s: Sentence, span: tuple[int, int], attr: Attribution) -> Quote:
        a, b = span
        start, end = s.tokens[a].idx, s.tokens[b].end
        for _, q in self.spans:  # a partial quote opened inside the statement ends with it
            if start <= q.open < end and q.close is not None and q.close >= end:
                end = q.close + 1
        qs = QuoteSpan(start=start, end=end, open=start, close=None)
        return self._make_quote(qs, attr, "", direct=False)

    # ---- attribution details -------------------------------------------------------------------------------
    def _attribution(self, s: Sentence, v: int) -> Attribution:
        """Speaker, medium and date of speech verb v in sentence s."""
        who, why = _subject_of(s, v)
        date, date_why = self._date(s, v)
        if who is None:
            attr = Attribution(s.index, _verb_text(s, v), None, None, None, None, why)
        else:
            attr = self._speaker_attribution(s, who, verb=_verb_text(s, v))
        reason = "; ".join(r for r in (attr.reason, date_why) if r)
        return dataclasses.replace(attr, medium=_medium(s, v), date=date, reason=reason)

    def _speaker_attribution(self, s: Sentence, who: int, *, verb: str) -> Attribution:
        mention = self._mention_at(s, who)
        text = mention.text if mention else _phrase(s, who)
        if mention is None:
            reason = f"speaker {text!r} matches no actor mention"
            if s.tokens[who].lower in _PRONOUNS:
                reason = f"pronoun {text!r} is not resolved to an actor"
            return Attribution(s.index, verb, None, text, None, self.doc.reference_date, reason)
        ent = mention.entity
        if ent.code is None and ent.identifier_text is None and ent.sector is None:
            reason = f"speaker {text!r} resolves to no actor" + (f": {ent.reason}" if ent.reason else "")
            return Attribution(s.index, verb, None, text, None, self.doc.reference_date, reason)
        return Attribution(s.index, verb, ent, text, None, self.doc.reference_date)

    def _mention_at(self, s: Sentence, who: int) -> Mention | None:
        cands = [m for m in self.mentions.get(s.index, ()) if m.head == who or m.start <= who < m.end]
        if not cands:
            sub = _subtree(s, who)
            cands = [m for m in self.mentions.get(s.index, ()) if m.head in sub]
        if not cands:
            return None
        return min(cands, key=lambda m: (m.head != who, not (m.start <= who < m.end), m.start))

    def _date(self, s: Sentence, v: int) -> tuple[dt.date | None, str]:
        return statement_date(s, v, self.doc.reference_date)

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
            sentence=s.index if s else -1,
            start=span.start,
            end=span.end,
            date=attr.date if attr else self.doc.reference_date,
            reason="; ".join(dict.fromkeys(reasons)),
        )

    def _sentences_between(self, lo: int, hi: int) -> Iterable[Sentence]:
        return (s for s in self.sentences if s.start <= hi and lo < s.end)

    def _sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


# ---- parse helpers (pure functions of one Sentence) -------------------------------------------------------
def _speech_verbs(s: Sentence, quoted: set[int], *, labels: bool) -> list[int]:
    verbs = SPEECH_VERBS | LABEL_VERBS if labels else SPEECH_VERBS
    out = []
    for t in s.tokens:
        if t.i in quoted or t.pos not in ("VERB", "AUX") or t.lemma.lower() not in verbs:
            continue
        if t.lemma.lower() in ("add", "recall") and not _is_speech_add(s, t.i):
            continue
        out.append(t.i)
    return out


def _is_speech_add(s: Sentence, v: int) -> bool:
    """'add' and 'recall' report speech only without a direct object ("added 500 troops", "recalled its envoy")."""
    return not any(t.head == v and t.i != v and t.dep in ("dobj", "obj") for t in s.tokens)


def _verb_text(s: Sentence, v: int) -> str:
    tok = s.tokens[v]
    prt = [t.text for t in s.tokens if t.head == v and t.dep == "prt"]
    return " ".join([tok.text.lower(), *prt])


def _children(s: Sentence, i: int) -> list[Token]:
    return [t for t in s.tokens if t.head == i and t.i != i]


def _has_child(s: Sentence, i: int, dep: str) -> bool:
    return any(t.dep == dep for t in _children(s, i))


def _subtree(s: Sentence, i: int) -> set[int]:
    out = {i}
    changed = True
    while changed:
        changed = False
        for t in s.tokens:
            if t.i not in out and t.head in out and t.head != t.i:
                out.add(t.i)
                changed = True
    return out


def _is_ancestor(s: Sentence, anc: int, i: int) -> bool:
    seen = 0
    while seen <= len(s.tokens):
        if i == anc:
            return True
        h = s.tokens[i].head
        if h == i:
            return False
        i = h
        seen += 1
    return False


def _subject_of(s: Sentence, v: int) -> tuple[int | None, str]:
    """Token index of the speaker of verb v: its subject, the agent of a passive, or the subject of the verb it
    hangs from ("X was quoted as saying", "X smiled and said")."""
    cur, steps = v, 0
    while steps < 4:
        kids = _children(s, cur)
        for t in kids:
            if t.dep in ("nsubj", "csubj"):
                return t.i, ""
        passive = [t for t in kids if t.dep == "nsubjpass"]
        for t in kids:
            if t.dep == "agent":
                objs = [c for c in _children(s, t.i) if c.dep == "pobj"]
                if objs:
                    return objs[0].i, ""
        if passive:
            if s.tokens[cur].lemma.lower() in ("quote", "cite", "hear", "report") and cur != v:
                return passive[0].i, ""
            return None, "passive speech verb without an agent"
        tok = s.tokens[cur]
        if tok.dep not in ("advcl", "xcomp", "conj", "pcomp", "acl", "prep") or tok.head == cur:
            break
        cur = tok.head
        steps += 1
    return None, f"speech verb {s.tokens[v].text!r} has no subject"


def _phrase(s: Sentence, i: int) -> str:
    """The noun phrase headed by token i: its left modifiers and the head ("Kremlin spokesman Dmitry Peskov")."""
    keep = {i}
    for t in reversed(s.tokens[:i]):
        if t.head in keep and t.dep in ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "flat", "punct"):
            keep.add(t.i)
        elif t.i + 1 not in keep:
            break
    lo = min(keep)
    while lo < i and s.tokens[lo].dep == "punct":
        lo += 1
    return _span_text(s, lo, i)


def _span_text(s: Sentence, a: int, b: int) -> str:
    """Text of tokens a..b inclusive, as written."""
    return "".join(t.text + t.ws for t in s.tokens[a : b + 1]).strip()


def _complement(s: Sentence, v: int) -> int | None:
    """The clausal complement of a speech verb: "said (that) X", "X, he said" (spaCy: ccomp of said)."""
    for t in _children(s, v):
        if t.dep != "ccomp" or t.pos not in ("VERB", "AUX"):
            continue
        kids = _children(s, t.i)
        if any(k.dep == "mark" and k.lower in ("whether", "if") for k in kids):
            continue
        subj = [k for k in kids if k.dep in ("nsubj", "nsubjpass", "expl", "csubj")]
        if not subj or subj[0].lower in _WH:
            continue
        return t.i
    if s.tokens[v].lemma.lower() in _TELL_VERBS:
        # "told the station that Kyiv had ..." is often parsed as a relative clause on the addressee
        for obj in _children(s, v):
            if obj.dep not in ("dobj", "dative", "obj"):
                continue
            for rel in _children(s, obj.i):
                kids = _children(s, rel.i)
                if rel.dep == "relcl" and any(k.lower == "that" and k.i < rel.i for k in kids) and \
                        sum(1 for k in kids if k.dep in ("nsubj", "nsubjpass")) >= 2:
                    return rel.i
    return None


def _statement_tokens(s: Sentence, comp: int, quoted: set[int]) -> tuple[int, int] | None:
    """Token span of an indirect statement, or None when the complement is itself a direct quote."""
    sub = sorted(_subtree(s, comp))
    if sum(1 for i in sub if i not in quoted and s.tokens[i].pos != "PUNCT") < 2:
        return None
    a, b = sub[0], sub[-1]
    toks = s.tokens
    while a < b and (toks[a].dep in ("mark", "cc") or toks[a].pos == "PUNCT" or toks[a].lower == "that"
                     or (toks[a].pos == "ADV" and toks[a + 1].text == ",")):
        a += 1 if toks[a].pos != "ADV" else 2
    while b > a and toks[b].pos == "PUNCT" and toks[b].i not in quoted:
        b -= 1
    return (a, b) if a <= b else None


def _according_to(s: Sentence, quoted: set[int]) -> list[tuple[int, int]]:
    """(according token, speaker token) pairs for "according to X" outside quotes."""
    out = []
    for t in s.tokens:
        if t.lower != "according" or t.i in quoted:
            continue
        for to in _children(s, t.i):
            if to.lower == "to":
                objs = [c for c in _children(s, to.i) if c.dep == "pobj"]
                if objs:
                    out.append((t.i, objs[0].i))
    return out


def _outside_run(s: Sentence, skip: set[int], quoted: set[int]) -> tuple[int, int] | None:
    """The longest run of tokens outside `skip` (an "according to X" phrase), trimmed of punctuation."""
    runs, cur = [], []
    for t in s.tokens:
        if t.i in skip:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(t.i)
    if cur:
        runs.append(cur)
    runs = [r for r in runs if sum(1 for i in r if s.tokens[i].pos != "PUNCT") >= 3]
    if not runs:
        return None
    run = max(runs, key=len)
    a, b = run[0], run[-1]
    while a < b and s.tokens[a].pos == "PUNCT":
        a += 1
    while b > a and s.tokens[b].pos == "PUNCT" and s.tokens[b].i not in quoted:
        b -= 1
    if all(i in quoted for i in range(a, b + 1)):
        return None
    return a, b


def _medium(s: Sentence, v: int) -> str | None:
    """Addressee or medium of a statement: "told the Ekho Moskvy radio station", "in an interview with ..."."""
    tok = s.tokens[v]
    heads = [v]
    subj, _ = _subject_of(s, v)
    if subj is not None:
        heads.append(subj)  # "Ryabkov, in an interview ..., said"
    heads += [t.i for t in _children(s, v) if t.dep == "advcl" and t.lemma.lower() in _SPEAKING]
    if tok.lemma.lower() in _TELL_VERBS:
        for t in _children(s, v):
            if t.dep in ("dobj", "dative", "iobj", "obj") and t.pos in ("NOUN", "PROPN", "PRON"):
                return _phrase_right(s, t.i)
    for h in heads:
        for t in _children(s, h):
            if t.dep != "prep" or t.lower not in _MEDIUM_PREPS:
                continue
            objs = [c for c in _children(s, t.i) if c.dep == "pobj"]
            if not objs:
                continue
            obj = objs[0]
            medium_like = (
                obj.lemma.lower() in MEDIUM_NOUNS
                or obj.lower in MEDIUM_NOUNS
                or (t.lower == "to" and h != subj and obj.ent_type not in ("DATE", "TIME", "GPE", "LOC"))
            )
            if medium_like and obj.ent_type not in ("DATE", "TIME"):
                return _prep_phrase(s, t.i)
    return None


def _phrase_right(s: Sentence, i: int) -> str:
    """Noun phrase of token i with its right modifiers but without clauses ("the Ekho Moskvy radio station")."""
    keep = _subtree(s, i) - _clauses(s, i)
    return _contiguous(s, i, keep)


def _prep_phrase(s: Sentence, p: int) -> str:
    """A prepositional phrase without the dates and clauses it carries ("in an interview published on X")."""
    keep = _subtree(s, p) - _clauses(s, p)
    for t in s.tokens:
        if t.i in keep and t.dep == "prep" and t.i != p:
            objs = [c for c in _children(s, t.i) if c.dep == "pobj"]
            if objs and objs[0].ent_type in ("DATE", "TIME"):
                keep -= _subtree(s, t.i)
    return _contiguous(s, p, keep)


def _clauses(s: Sentence, i: int) -> set[int]:
    out: set[int] = set()
    for t in s.tokens:
        if t.i != i and t.dep in ("ccomp", "relcl", "advcl", "appos") and t.i in _subtree(s, i):
            out |= _subtree(s, t.i)
    return out


def _contiguous(s: Sentence, i: int, keep: set[int]) -> str:
    a = b = i
    while a - 1 in keep:
        a -= 1
    while b + 1 in keep:
        b += 1
    while b > a and s.tokens[b].pos == "PUNCT":
        b -= 1
    return _span_text(s, a, b)


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
    for i in range(start, end):
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
def statement_date(s: Sentence, v: int, reference: dt.date | None) -> tuple[dt.date | None, str]:
    """Date of the statement made with speech verb v: a temporal expression attached to the verb (not inside
    its complement or subject) when it names one day, else the reference date. Returns (date, reason)."""
    own = _subtree(s, v) - _clauses(s, v)
    for t in _children(s, v):
        if t.dep in ("ccomp", "xcomp", "conj", "nsubj", "nsubjpass"):
            own -= _subtree(s, t.i)
    for t in find_times(s.text, reference):
        toks = [k.i for k in s.tokens if t.start <= k.idx - s.start < t.end]
        if not any(i in own for i in toks):
            continue
        if t.date is not None and t.precision == DatePrecision.DAY and t.enddate in (None, t.date):
            return t.date, ""
        why = t.reason or "no single day"
        return None, f"date expression {t.text!r} is not a single day ({why})"
    if reference is None:
        return None, "no date in the text and no reference date"
    return reference, ""
