"""Reported speech in the parse: speech verbs, their speakers, clausal complements, media and dates in one sentence.

Pure functions of one sentence's dependency tree (`SentenceTree`), used by the quotes stage (quotes.py) to
attribute direct quotes and to find indirect statements.
"""

from __future__ import annotations

import datetime as dt

from ..knowledge.temporal import find_times
from ..records import DatePrecision, Sentence, Token

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
_TIME_WORDS = frozenset("yesterday today tonight ago last earlier week month year".split())
_RELATIVE = frozenset({"who", "that", "which"})
_OBJECT_SENSE = frozenset({"add", "recall"})  # speech only without a direct object
_MEDIUM_PREPS = frozenset({"in", "on", "to", "with", "during", "at", "via", "through", "from"})
_SPEAKING = frozenset({"speak", "write", "talk", "comment", "post", "tweet", "appear"})


class SentenceTree:
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


# ---- parse helpers (pure functions of one sentence tree) --------------------------------------------------
def speech_verbs(s: Sentence, quoted: set[int], *, labels: bool) -> list[int]:
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


def verb_text(tr: SentenceTree, v: int) -> str:
    prt = [t.text for t in tr.children(v) if t.dep == "prt"]
    return " ".join([tr.tokens[v].text.lower(), *prt])


def subject_of(tr: SentenceTree, v: int) -> tuple[int | None, str]:
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


def phrase_text(tr: SentenceTree, i: int) -> str:
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


def complement_of(tr: SentenceTree, v: int) -> int | None:
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


def _finite(tr: SentenceTree, i: int) -> bool:
    """False for a bare participle ("she said, her voice cracking"), which makes no statement."""
    return tr.tokens[i].tag not in ("VBG", "VBN") or any(k.dep in ("aux", "auxpass") for k in tr.children(i))


def statement_tokens(tr: SentenceTree, comp: int, quoted: set[int], v: int) -> tuple[int, int] | None:
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


def according_to(tr: SentenceTree, quoted: set[int]) -> list[tuple[int, int]]:
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


def outside_run(tr: SentenceTree, skip: frozenset[int], quoted: set[int]) -> tuple[int, int] | None:
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


def medium_of(tr: SentenceTree, v: int) -> str | None:
    """Addressee or medium of a statement: "told the Ekho Moskvy radio station", "in an interview with ..."."""
    heads = [v]
    subj, _ = subject_of(tr, v)
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


def _prep_phrase(tr: SentenceTree, p: int) -> str:
    """A prepositional phrase without the dates and clauses it carries ("in an interview published on X")."""
    keep = set(tr.subtree(p) - _clauses(tr, p))
    for i in sorted(keep):
        t = tr.tokens[i]
        if i in keep and t.dep == "prep" and i != p:
            objs = [c for c in tr.children(i) if c.dep == "pobj"]
            if objs and objs[0].ent_type in ("DATE", "TIME"):
                keep -= tr.subtree(i)
    return _contiguous(tr, p, keep)


def _clauses(tr: SentenceTree, i: int) -> frozenset[int]:
    """Tokens of the clauses (complements, relative and adverbial clauses, appositions) under token i."""
    out: set[int] = set()
    for k in tr.subtree(i):
        if k != i and tr.tokens[k].dep in ("ccomp", "relcl", "advcl", "appos"):
            out |= tr.subtree(k)
    return frozenset(out)


def _contiguous(tr: SentenceTree, i: int, keep: set[int] | frozenset[int]) -> str:
    a = b = i
    while a - 1 in keep:
        a -= 1
    while b + 1 in keep:
        b += 1
    while b > a and tr.tokens[b].pos == "PUNCT":
        b -= 1
    return tr.span_text(a, b)


# ---- dates ------------------------------------------------------------------------------------------------
def statement_date(s: Sentence, v: int, reference: dt.date | None, *, tree: SentenceTree | None = None
                   ) -> tuple[dt.date | None, str]:
    """Date of the statement made with speech verb v: a temporal expression attached to the verb (not inside
    its complement or subject) when it names one day, else the reference date. Returns (date, reason)."""
    tr = tree or SentenceTree(s)
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
