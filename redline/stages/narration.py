"""How an article narrates time: the day its lead reports, and days carried from one sentence to the next.

The dates stage gives an event the text dates in its own sentence that date; an event told as news with no date
of its own takes the day the narration is at. That is the reference date, unless the lead reports its news on a
day just before it ("Trump said on Wednesday ..." in an article dated Thursday: the news day), or the sentence
goes on with an act the sentence before dated ("Trump attacked Kerry on Twitter Monday" ... "He was the one that
created this MESS": the quotation goes on; "The congresswoman questioned Clinton on Wednesday" ... "She accused
the department ...": the same actor goes on).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence

from ..knowledge.temporal_values import period_shift, shifted_period
from ..records import DatePrecision, Sentence, TimeExpression, Token
from .aspect import clause_verb, present_perfect
from .quote_marks import DOUBLE_MARKS, double_marks, inside_quotes, open_after

_YEAR_RE = re.compile(r"\d{4}")
_QUOTES = DOUBLE_MARKS
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "both", "each", "neither"})


def attachment(tokens: Sequence[Token], t: TimeExpression) -> int | None:
    """The token the expression modifies: the head of its root, through a preposition ("said on June 17")."""
    inside = range(t.start, t.end)
    roots = [tok for tok in tokens[t.start:t.end] if tok.head not in inside or tok.head == tok.i]
    if not roots:
        return None
    root = roots[0]
    if root.head == root.i:
        return None
    head = tokens[root.head]
    # climb through prepositions and adverbs: "said on June 17", "as early as Tuesday", "as of Monday"
    while head.head != head.i and (head.dep == "prep" or head.pos == "ADP"
                                   or (head.pos == "ADV" and head.dep in ("advmod", "npadvmod"))):
        head = tokens[head.head]
    if head.dep in ("nsubj", "nsubjpass") and head.i < t.start and t.end <= head.head \
            and tokens[head.head].pos in ("VERB", "AUX") and "prep" in (root.dep, tokens[root.head].dep) \
            and (head.pos in ("PROPN", "PRON") or head.ent_type in ("PERSON", "ORG", "GPE", "NORP")):
        return head.head  # "Trump on Monday turned security forces on protesters": the parser hangs the day on
        # the named subject; it dates the verb that follows ("The shelling on June 3 of the town drew protests" and
        # "the use of gas last month is a threat" date their noun)
    return head.i


NEWS_DAY_SENTENCES = 3  # the lead sentences whose main verb's date is the day the article reports
NEWS_DAY_LAG = 3  # days: a news day this far before the reference date is the usual lag of a dated report


def news_day(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]], reference: dt.date | None
             ) -> tuple[dt.date, str] | None:
    """(day, why) when the lead reports its news on a day just before the reference date, else None.

    "Trump said on Wednesday he would ban ..." in an article dated Thursday reports Wednesday's news: events the
    text gives no date of their own are that day's. The first day-precise expression on a main verb of the first
    NEWS_DAY_SENTENCES sentences decides; when it is the reference date itself, the reference date stays.
    """
    if reference is None:
        return None
    for s in sentences[:NEWS_DAY_SENTENCES]:
        tokens = s.tokens
        for t in times.get(s.index, ()):
            if t.date is None or t.precision is not DatePrecision.DAY or t.enddate != t.date:
                continue
            if t.kind not in ("weekday", "relative", "absolute") or _YEAR_RE.search(t.text):
                continue
            a = attachment(tokens, t)
            if a is None or not main_verb(tokens, a):
                continue
            if t.date >= reference or (reference - t.date).days > NEWS_DAY_LAG:
                return None
            return t.date, (f"the article's news day: the lead reports {t.text!r} on {tokens[a].text!r} (sentence {s.index}) = "
                            f"{t.date.isoformat()}, {(reference - t.date).days} day(s) before the reference date")
    return None


def told_now(s: Sentence, trigger: int) -> bool:
    """True when the trigger's clause is in the present simple or the present perfect, outside quotation marks:
    "Iran denies involvement in the attacks and has condemned the air raids" states the position at the writing
    (the reference date), not on the lead's news day the day before ("... condemned the raids as “terrorism”" too).
    A quotation keeps the day it was said."""
    tokens = s.tokens
    if not 0 <= trigger < len(tokens) or inside_quotes([t.text for t in tokens], trigger):
        return False  # inside a quotation
    v = clause_verb(tokens, trigger)
    aux = [a.lower for a in tokens if a.head == v and a.dep in ("aux", "auxpass")]
    return (tokens[v].tag in ("VBZ", "VBP") and not aux) or present_perfect(tokens, v)


# Nouns of an attack a lead may open with ("The attempted terror attack ... Sunday so far appears to confirm ...").
LEAD_ATTACK_NOUNS = frozenset({"attack", "bombing", "shooting", "assault", "raid", "ambush", "massacre", "blast",
                               "explosion", "strike", "airstrike", "shelling"})


def lead_attack_day(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]], reference: dt.date | None
                    ) -> tuple[dt.date, str] | None:
    """(day, why) when the lead's subject is an attack dated to a day just before the reference date ("The attempted
    terror attack by two men in Garland, Texas, Sunday so far appears to confirm ..." in a Tuesday article): the
    article's material acts with no date of their own ("the attackers were killed by a traffic officer") are that
    attack's. Statements are not: they may come later."""
    if reference is None:
        return None
    for s in sentences[:NEWS_DAY_SENTENCES]:
        tokens = s.tokens
        for t in times.get(s.index, ()):
            if t.date is None or t.precision is not DatePrecision.DAY or t.enddate != t.date \
                    or t.kind not in ("weekday", "relative") or not 0 < (reference - t.date).days <= NEWS_DAY_LAG:
                continue
            a = attachment(tokens, t)
            for _ in range(4):  # "The attack ... on a checkpoint near Mosul Tuesday": the day may hang lower
                if a is None or tokens[a].dep in ("nsubj", "nsubjpass") or tokens[a].dep not in ("pobj", "prep",
                                                                                                   "npadvmod"):
                    break
                a = tokens[a].head
            if a is None or tokens[a].lemma.lower() not in LEAD_ATTACK_NOUNS or tokens[a].dep not in ("nsubj",
                                                                                                      "nsubjpass"):
                continue
            if main_verb(tokens, tokens[a].head):
                return t.date, (f"the lead's attack: {tokens[a].text!r} dated {t.text!r} (sentence {s.index}) = "
                                f"{t.date.isoformat()}, the subject of the lead")
    return None


def main_verb(tokens: Sequence[Token], i: int) -> bool:
    """A verb at the top of its sentence, coordinated with it ("Russia fought back on Wednesday"), or the act the
    top verb reports ("Trump said he would ban ... on Wednesday" when the parse hangs the day on "ban")."""
    tok = tokens[i]
    if tok.pos not in ("VERB", "AUX"):
        return False
    while tok.dep in ("conj", "ccomp") and tok.head != tok.i:
        tok = tokens[tok.head]
    return tok.head == tok.i or tok.dep == "ROOT"



def _dates_main_line(tokens: Sequence[Token], t: TimeExpression) -> bool:
    """True unless the expression sits inside a clause hanging from a noun (a participle or relative clause:
    "including Lopez, detained since February 2014", "a deal that expired in 2019"); a participle on an
    occasion the act is in dates the sentence ("in an interview published on June 17")."""
    i, seen = attachment(tokens, t), set()
    while i is not None and i not in seen and tokens[i].head != i:
        seen.add(i)
        noun = tokens[tokens[i].head]
        if tokens[i].dep == "relcl" or (tokens[i].dep == "acl" and not (noun.dep == "pobj" and noun.pos == "NOUN")):
            return False
        i = tokens[i].head
    return True


def _day_ofmain_verb(s: Sentence, times: Sequence[TimeExpression]) -> TimeExpression | None:
    """The day-precise expression on the sentence's main verb ("attacked Kerry on Twitter Monday"), if any."""
    for t in times:
        if t.date is None or t.precision is not DatePrecision.DAY or t.enddate != t.date:
            continue
        a = attachment(s.tokens, t)
        if a is not None and main_verb(s.tokens, a):
            return t
    return None


# Adverbs on a main verb that tell the next step of what the sentence before told ("North Korea tested a missile
# Wednesday." ... "The White House immediately responded"), even in a new paragraph.
SEQUENCE_ADVERBS = frozenset({"immediately", "then", "quickly", "promptly", "afterward", "afterwards"})
RESPONSE_NOUNS = frozenset({"return", "response", "reply", "turn", "retaliation"})
RESPONSE_VERBS = frozenset({"respond", "retaliate", "react", "reply"})


def _next_step(s: Sentence) -> str | None:
    root = next((t for t in s.tokens if t.head == t.i), None)
    if root is None:
        return None
    word = next((t.lower for t in s.tokens if t.head == root.i and t.dep == "advmod" and t.lower in SEQUENCE_ADVERBS),
                None)
    if word is None and root.lemma.lower() in RESPONSE_VERBS and root.tag == "VBD":
        word = root.text  # "Pyongyang responded by calling him a dotard": the answer to the act just told
    if word is None:  # "In return, North Korea said ...", "In response, the army shelled ...": the answer to the
        # act just told (not "in response to the attack", which names its own cause)
        for t in s.tokens:
            if t.head == root.i and t.dep == "prep" and t.lower == "in" and t.i < root.i:
                obj = [c for c in s.tokens if c.head == t.i and c.dep == "pobj" and c.lower in RESPONSE_NOUNS]
                if obj and not any(c.head == obj[0].i for c in s.tokens):
                    word = f"in {obj[0].lower}"
    return f"the narration goes on ({word!r})" if word else None


def _goes_on(prev: Sentence, s: Sentence) -> str | None:
    """Why sentence `s` goes on telling what `prev` told, or None: the next step ("immediately", "then"), the
    quotation goes on, or the same actor does (a pronoun subject of the main verb)."""
    step = _next_step(s)
    if step is not None:
        return step
    subject = _root_subject(s)
    carry_on = _speech_goes_on(s)
    if carry_on is not None:
        return carry_on
    if prev.paragraph != s.paragraph and not s.text.lstrip().startswith(tuple(_QUOTES)) and not (
            subject is not None and subject.i == _first_word(s) and (subject.lower in _PRONOUNS or _same_name(
                subject, _root_subject(prev)))):
        return None  # a new paragraph goes on only when it opens with a pronoun subject ("Both replied that ...")
        # or the name of the sentence before's subject ("Pompeo accused Iran ..." after "Also on Sunday, Pompeo
        # launched an attack on Iran": nineteenth round)
    open_quote = open_after(prev.text)
    text = s.text.strip()
    if open_quote or (text[:1] in _QUOTES and prev.text.rstrip()[-1:] in _QUOTES + ":"):
        return "the quotation goes on"
    if text[:1] in _QUOTES and text[-1:] in _QUOTES and any(q in prev.text for q in _QUOTES):
        return "the speaker goes on"  # a whole quoted sentence with no attribution of its own
    if text[:1] in _QUOTES and prev.paragraph == s.paragraph and any(q in prev.text for q in _QUOTES) \
            and not any(q in text[1:] for q in _QUOTES):
        return "the speaker goes on"  # '"...," the envoy continued. "The rebels will be defeated': the quotation
        # the paragraph attributed goes on past its sentence
    if subject is not None and subject.lower in _PRONOUNS:
        return "the same actor goes on"
    before = _root_subject(prev)
    if subject is not None and before is not None and subject.pos == "PROPN" and subject.text == before.text:
        return f"{subject.text} goes on"
    if subject is not None and before is not None and _named_again(s.tokens, subject, prev.tokens, before):
        return f"'the {subject.text}' goes on"  # "A defense official said Monday ..." ... '"...," the official said'
    return None


def _same_name(subject: Token, before: Token | None) -> bool:
    return before is not None and subject.pos == "PROPN" and subject.text == before.text


def _named_again(tokens: Sequence[Token], subject: Token, before_tokens: Sequence[Token], before: Token) -> bool:
    """True when `subject` is "the" and a common noun that names again the subject of the sentence before: "the
    official" after "the senior defense official spokesman", "the minister" after "Britain's foreign minister"."""
    if subject.pos != "NOUN" or not any(t.head == subject.i and t.dep == "det" and t.lower == "the" for t in tokens):
        return False
    words = {before.lemma.lower()}
    for t in before_tokens:
        h = t
        while h.head != h.i and h.i != before.i:
            h = before_tokens[h.head]
        if h.i == before.i and t.i < before.i:  # a word of the subject's phrase before its head
            words.add(t.lemma.lower())
    return subject.lemma.lower() in words


# Verbs that attribute a quotation as the rest of what the speaker was saying: '"We will defend the port," the
# envoy continued', '"It is a separate matter," he added', '"And then," she went on'.
_GO_ON_SPEECH = frozenset({"continue", "add"})


def _speech_goes_on(s: Sentence) -> str | None:
    """ "the speaker goes on ('continued')" when the sentence quotes and its main verb is "continued", "added" or
    "went on" with no object of its own: what it quotes is the rest of what the sentence before told the speaker
    saying, even in a new paragraph."""
    root = next((t for t in s.tokens if t.head == t.i), None)
    if root is None or not any(q in s.text for q in _QUOTES) or root.tag not in ("VBD", "VBZ", "VBP"):
        return None
    kids = [t for t in s.tokens if t.head == root.i and t.i != root.i]
    lemma = root.lemma.lower()
    if lemma == "go" and any(k.dep == "prt" and k.lower == "on" for k in kids):
        lemma = "go on"
    elif lemma not in _GO_ON_SPEECH or any(k.dep in ("dobj", "xcomp", "prep") for k in kids):
        return None  # "continued its strikes", "added troops", "continued to fight"
    return f"the speaker goes on ({root.text!r})"


def _root_subject(s: Sentence) -> Token | None:
    root = next((t for t in s.tokens if t.head == t.i), None)
    if root is None:
        return None
    return next((t for t in s.tokens if t.head == root.i and t.dep in ("nsubj", "nsubjpass")), None)


def _opening_subject(s: Sentence) -> Token | None:
    """The subject of the sentence's first clause when that clause is in the simple past, else None."""
    first = next((t for t in s.tokens if t.dep in ("nsubj", "nsubjpass")), None)
    if first is None or s.tokens[first.head].tag != "VBD":
        return None
    return first


def carried_days(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]], reference: dt.date | None
                 ) -> dict[int, tuple[dt.date, str]]:
    """Sentence index -> (day, why) for sentences with no dated expression that go on with the act of the
    sentence before, whose main verb the text dated to a day."""
    out: dict[int, tuple[dt.date, str]] = {}
    if reference is None:
        return out
    attributed = _attributed_later(sentences, times, reference)
    for prev, s in zip(sentences, sentences[1:], strict=False):
        if any(t.date is not None and _dates_main_line(s.tokens, t) for t in times.get(s.index, ())):
            continue  # the sentence dates its own news; a date inside a side clause does not ("Lopez, detained
            # since February 2014")
        if s.index in attributed:
            out[s.index] = attributed[s.index]
            continue
        how = _goes_on(prev, s)
        if how is None:
            continue
        t = _day_ofmain_verb(prev, times.get(prev.index, ()))
        if t is not None and t.date <= reference:
            out[s.index] = (t.date, f"{how} from sentence {prev.index}, dated {t.text!r} = {t.date.isoformat()}")
        elif prev.index in out:
            day, why = out[prev.index]
            out[s.index] = (day, f"{how} from sentence {prev.index} ({why})")
    return out


_COARSE = frozenset({DatePrecision.MONTH, DatePrecision.YEAR})


def _coarse_ofmain_verb(s: Sentence, times: Sequence[TimeExpression], *, relative: bool = False
                       ) -> TimeExpression | None:
    """A written month or year on the sentence's main verb in the simple past ("Pence visited Afghanistan in December
    2017"), if any; with `relative`, a past period the text counts from the article too ("Last week, jets flew
    near the plane.": what answers it is of that week)."""
    kinds = ("absolute", "relative") if relative else ("absolute",)
    for t in times:
        span = relative and t.precision is DatePrecision.DAY and t.enddate not in (None, t.date)  # "last week"
        if t.date is None or (t.precision not in _COARSE and not span) or t.kind not in kinds:
            continue
        a = attachment(s.tokens, t)
        if a is not None and main_verb(s.tokens, a) and s.tokens[a].tag == "VBD":
            return t
    return None


def carried_periods(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]], reference: dt.date | None
                    ) -> dict[int, tuple[TimeExpression, str]]:
    """Sentence index -> (expression, why) for an episode the sentence before dated to a month or a year, which the
    same actor goes on telling in the simple past with no date of its own: "Pence visited Afghanistan in December
    2017." ... "Pence met with Afghan leaders" (a pronoun subject or the same name; not a quotation, not a present:
    "He now says ..."). The subject is that of the sentence's first clause when it comes before the root's ("Kerry
    scratched his departure ...; the Iranians relented")."""
    out: dict[int, tuple[TimeExpression, str]] = {}
    if reference is None:
        return out
    for prev, s in zip(sentences, sentences[1:], strict=False):
        if any(t.date is not None for t in times.get(s.index, ())):
            continue
        root = next((t for t in s.tokens if t.head == t.i), None)
        how = _goes_on(prev, s)
        subject, before = _root_subject(s), _root_subject(prev)
        first = _opening_subject(s)
        if first is not None and (subject is None or first.i < subject.i):
            # "Kerry scratched his departure and threatened to return; the Iranians relented": the parse may make
            # the last clause the root; the sentence's first clause says who goes on
            subject, root = first, s.tokens[first.head]
            how = "the same actor goes on" if first.lower in _PRONOUNS and "quot" not in (how or "") else None
        if how is None and subject is not None and before is not None and subject.text == before.text \
                and subject.text[:1].isupper() and (prev.paragraph == s.paragraph or subject.i == _first_word(s)):
            how = f"{subject.text} goes on"  # the tagger may read a surname as a common noun ("Pence met")
        answer = how is not None and how.startswith("the narration goes on") and root is not None \
            and (root.lemma.lower() in RESPONSE_VERBS or "'in " in how)  # an answer: "responded", "In response"
        if not answer and (root is None or root.tag != "VBD" or how is None or not how.endswith("goes on")
                           or "quot" in how or "speaker" in how or "narration" in how):
            continue
        t = _coarse_ofmain_verb(prev, times.get(prev.index, ()), relative=answer)
        if t is not None and t.date <= reference:
            out[s.index] = (t, f"{how} in the episode of sentence {prev.index}, dated {t.text!r}")
        elif prev.index in out:
            t, why = out[prev.index]
            out[s.index] = (t, f"{how} from sentence {prev.index} ({why})")
    return out


def _attributed_later(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]], reference: dt.date
                      ) -> dict[int, tuple[dt.date, str]]:
    """Sentence index -> (day, why) for the sentences of a quotation whose attribution comes after them: "“What
    Iran has admitted to is very serious. Shooting down a civilian aircraft is horrific. Iran must take full
    responsibility,” Trudeau said Saturday." The quotation was said on the day of the sentence that closes it,
    when that sentence's main verb is a report dated to a day."""
    out: dict[int, tuple[dt.date, str]] = {}
    open_at_end: dict[int, bool] = {}
    parity, paragraph = 0, None
    for s in sentences:
        if s.paragraph != paragraph:
            parity, paragraph = 0, s.paragraph
        parity = (parity + double_marks(s.text)) % 2
        open_at_end[s.index] = parity == 1
    for s, n in reversed(list(zip(sentences, sentences[1:], strict=False))):
        if not open_at_end[s.index] or s.paragraph != n.paragraph:
            continue
        if open_at_end[n.index]:  # the quotation goes on through the next sentence
            if n.index in out:
                out[s.index] = out[n.index]
            continue
        t = _day_ofmain_verb(n, times.get(n.index, ()))
        root = next((tok for tok in n.tokens if tok.head == tok.i), None)
        if t is None or t.date > reference or root is None or root.lemma.lower() not in _SAY_LEMMAS:
            continue
        out[s.index] = (t.date, f"the quotation is attributed in sentence {n.index}, dated {t.text!r} = "
                                f"{t.date.isoformat()}")
    return out


_SAY_LEMMAS = frozenset({"say", "tell", "add", "write", "declare", "state", "insist", "warn", "continue"})


def other_actor_clause(tokens: Sequence[Token], trigger: int) -> bool:
    """True when the trigger's clause is joined to the main verb with a subject of its own: "Veselnitskaya requested
    an extension, but the office denied her request" (the office's act does not go on with her story)."""
    i, seen = trigger, set()
    while tokens[i].pos not in ("VERB", "AUX") and tokens[i].head != i and i not in seen:
        seen.add(i)
        i = tokens[i].head
    tok = tokens[i]
    if tok.dep != "conj" or tokens[tok.head].head != tok.head:
        return False
    own = next((t for t in tokens if t.head == i and t.dep in ("nsubj", "nsubjpass")), None)
    first = next((t for t in tokens if t.head == tok.head and t.dep in ("nsubj", "nsubjpass")), None)
    return own is not None and first is not None and own.lower not in _PRONOUNS and own.text != first.text


def carried_background(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]],
                       period: Callable[[Sequence[Token], int], str | None]) -> dict[int, str]:
    """Sentence index -> why, for sentences that go on telling an earlier period the sentence before put its main
    verb in: "The president has shown it in office. He tore up treaties. He bombed the rebels ..." (a list of
    the president's past acts, not the article's news). The same actor goes on (a pronoun subject of the main verb,
    here also across a paragraph when the sentence opens with it) and the sentence gives no date of its own.
    period: why a verb is told in an earlier period (history.earlier_period), or None."""
    out: dict[int, str] = {}
    for prev, s in zip(sentences, sentences[1:], strict=False):
        if any(t.date is not None for t in times.get(s.index, ())):
            continue
        subject = _root_subject(s)
        if subject is None or subject.lower not in _PRONOUNS - {"it", "we", "both", "each", "neither"}:
            continue
        if prev.paragraph != s.paragraph and subject.i != _first_word(s):
            continue
        root = next((t for t in prev.tokens if t.head == t.i), None)
        why = period(prev.tokens, root.i) if root is not None else None
        if why is not None:
            out[s.index] = f"the same actor goes on in the period of sentence {prev.index} ({why})"
        elif prev.index in out:
            out[s.index] = out[prev.index]
    return out


def _first_word(s: Sentence) -> int:
    return next((t.i for t in s.tokens if t.text[:1].isalpha()), -1)


ANCHOR_SENTENCES = 2  # how many sentences back an offset ("two days earlier") looks for the day it counts from


def _day_precise(t: TimeExpression, reference: dt.date) -> bool:
    return t.date is not None and t.precision is DatePrecision.DAY and t.enddate == t.date \
        and t.kind not in ("anaphoric", "future") and t.date <= reference


def anchor_offsets(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]], reference: dt.date | None
                   ) -> dict[int, list[TimeExpression]]:
    """Offsets told from the day the text is at ("On Thursday, a bus bombing wounded five ... Two days earlier, a
    suicide bomber detonated", "said Monday that an air raid the previous night killed") counted from that
    day: the last day-precise expression before it in its sentence, else the last one of the ANCHOR_SENTENCES
    sentences before; with none, an offset back ("two days earlier") counts from the reference date (the reason
    says which) and an offset forward ("two weeks later") gives no date."""
    if reference is None:
        return times
    out: dict[int, list[TimeExpression]] = {}
    recent: list[tuple[int, TimeExpression]] = []  # (sentence, expression) of the sentences before
    periods: list[tuple[int, TimeExpression]] = []  # (sentence, expression) of any precision, for "the same month"
    for s in sentences:
        fixed: list[TimeExpression] = []
        for t in times.get(s.index, ()):
            if t.kind == "same_period":
                fixed.append(_same_period(t, [x for x in fixed if x.end <= t.start and _past_period(x, reference)],
                                          [x for i, x in periods if s.index - i <= ANCHOR_SENTENCES]))
                continue
            if t.kind == "anaphoric" and t.date is not None:
                offset = (t.date - reference).days
                same = [x for x in fixed if x.end <= t.start and _day_precise(x, reference)]
                earlier = [x for i, x in recent if s.index - i <= ANCHOR_SENTENCES]
                anchor = same[-1] if same else earlier[-1] if earlier else None
                if anchor is None and offset > 0:  # "two weeks later" after a day the text does not give: the
                    # reference date would put a reported act in the future; the offset dates nothing
                    fixed.append(dataclasses.replace(t, date=None, enddate=None, kind="unanchored",
                                                     reason=f"{t.text!r}: {offset:+d} day(s) from a day the text "
                                                            f"does not give: no date"))
                    continue
                base = anchor.date if anchor is not None else reference
                day = base + dt.timedelta(days=offset)
                source = (f"{anchor.text!r} (sentence {anchor.sentence}) = {base.isoformat()}" if anchor is not None
                          else f"the reference date {base.isoformat()}")
                t = dataclasses.replace(t, date=day, enddate=day, kind="relative",
                                        reason=f"{t.text!r}: {offset:+d} day(s) from {source}")
            fixed.append(t)
        out[s.index] = fixed
        # a day inside a relative or participle clause ("the Council, which is set to meet Monday") is not the day
        # the narration is at; it anchors nothing in the sentences after
        recent.extend((s.index, x) for x in fixed if _day_precise(x, reference) and _dates_main_line(s.tokens, x)
                      and not _flashback(s.tokens, x))
        periods.extend((s.index, x) for x in fixed if _past_period(x, reference) and _dates_main_line(s.tokens, x))
    return out


def _flashback(tokens: Sequence[Token], t: TimeExpression) -> bool:
    """True when the expression dates a verb in the past perfect ("OPEC had agreed on June 22 to boost output"): a
    look back, not the day the narration is at, so "earlier in the day" in the next sentence does not count from it."""
    i, seen = attachment(tokens, t), set()
    while i is not None and i not in seen and tokens[i].pos not in ("VERB", "AUX") and tokens[i].head != i:
        seen.add(i)
        i = tokens[i].head
    if i is None or tokens[i].pos not in ("VERB", "AUX"):
        return False
    return any(c.head == i and c.dep == "aux" and c.lower in ("had", "'d") for c in tokens) \
        and tokens[i].tag == "VBN"


def _past_period(t: TimeExpression, reference: dt.date) -> bool:
    return t.date is not None and t.precision is not None and t.kind not in ("anaphoric", "future", "duration",
                                                                              "same_period") and t.date <= reference


_PERIOD_RANK = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}


def _same_period(t: TimeExpression, same: Sequence[TimeExpression], earlier: Sequence[TimeExpression]
                 ) -> TimeExpression:
    """ "In December 2016, Obama placed sanctions ... In the same month, Flynn contacted the ambassador": the
    month (day, week, year) of the last expression before it, in its sentence or the ANCHOR_SENTENCES before, that
    is at least that precise; with none, no date."""
    unit, shift = period_shift(t.text)  # "the following year": the year after the one told (seventeenth round)
    want = {"day": 0, "week": 0, "month": 1, "year": 2}[unit]
    fits = [x for x in (*earlier, *same) if _PERIOD_RANK.get(x.precision, 9) <= want
            and (want > 0 or x.enddate == x.date)]
    if not fits:
        return dataclasses.replace(t, date=None, enddate=None, kind="unanchored",
                                   reason=f"{t.text!r}: the {unit} of a time the text does not give: no date")
    anchor = fits[-1]
    d = anchor.date
    if unit == "week":
        lo = d - dt.timedelta(days=d.weekday())
        lo, hi, precision = lo, lo + dt.timedelta(days=6), DatePrecision.DAY
    elif want == 0:
        lo, hi, precision = d, d, DatePrecision.DAY
    elif want == 1:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        lo, hi, precision = d.replace(day=1), nxt - dt.timedelta(days=1), DatePrecision.MONTH
    else:
        lo, hi, precision = dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), DatePrecision.YEAR
    if shift:
        lo, hi = shifted_period(lo, precision, shift)
    return dataclasses.replace(t, date=lo, enddate=hi, precision=precision, kind="relative",
                               reason=f"{t.text!r}: the {unit} of {anchor.text!r} (sentence {anchor.sentence})"
                                      + (f" {shift:+d}" if shift else ""))


_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "few": 3, "several": 3, "couple": 2, "dozen": 12}
_ABOUT = frozenset({"few", "several", "couple", "dozen"})


def offset_clause(tokens: Sequence[Token], clause: int) -> tuple[int, int, str, str] | None:
    """(governing verb, signed number of days, precision, phrase) for a clause that says how long before or after
    another act it happened: "Obama spoke two days after the allies launched airstrikes" -> the launch is two
    days before the speech. None when the clause has no such measure."""
    tok = tokens[clause]
    if tok.dep != "advcl" or tok.head == tok.i:
        return None
    for mark in tokens:
        if mark.head != clause or mark.dep != "mark" or mark.lower not in ("after", "before"):
            continue
        for unit in tokens:  # "two days" hangs from "after", from the clause's verb or from the governor, before "after"
            if unit.dep != "npadvmod" or not (unit.head == mark.i or (unit.head in (clause, tok.head)
                                                                       and mark.i - 3 <= unit.i < mark.i)):
                continue
            name = unit.lemma.lower()
            if name not in _UNIT_DAYS:
                continue
            nums = [t for t in tokens if t.head == unit.i and t.dep in ("nummod", "det", "amod", "compound")]
            words = [t.lower for t in nums if t.lower in _NUMBERS or t.text.isdigit()]
            if not words and unit.lower.endswith("s") and name != "hour":
                continue  # "just days after": how many is not said
            if name in ("month", "year") and any(w in _ABOUT for w in words):
                continue  # "a dozen years after", "several months after": about when, not which year or month
            n = 1
            for w in words:  # "a dozen years" = 12, "two dozen" = 24
                n *= int(w) if w.isdigit() else _NUMBERS[w]
            days = n * _UNIT_DAYS[name]
            sign = -1 if mark.lower == "after" else 1  # the clause's act is before the governor's when "after"
            precision = "day" if name in ("hour", "day") else "month" if name in ("week", "month") else "year"
            phrase = " ".join(t.text for t in tokens[unit.i - len(nums):mark.i + 1])
            return tok.head, sign * days, precision, phrase
    return None


__all__ = ["anchor_offsets", "attachment", "carried_background", "carried_days", "main_verb", "news_day", "offset_clause",
           "other_actor_clause"]
