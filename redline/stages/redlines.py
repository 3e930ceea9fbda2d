"""Red-line warnings: is a threat coded in a sentence that speaks of a red line a warning made at the time the
sentence tells, by the party coded as its actor, and against whom?

The coder codes "X said Y would be a red line", "X drew a red line", "X warned Z that ...", "X's red line" as
THREATEN by X, and the red-line alert lists them (docs/analysis-and-web.md, "Alert audit"). News retells red
lines as often as it reports them, and the audits found three readings that go wrong:

- *Retold warnings*: the act of a red line is the verb that says or draws it ("had said", "has previously
  declared", "drew"), not the copula "would be" or the noun: the background and habit cues of history.py are read
  on that verb too (`retold_reason`). A warning set against what followed it ("drew a red line ... but he later
  backed down", "warned Assad ... and then failed to act") is a story of the past, and a line named by its owner
  ("Obama's red line", "another Obama red line comes and goes") is a warning made earlier, not one told now,
  unless its owner restates it ("Putin said his red line stands").
  The dates stage leaves such warnings undated (the text does not say when they were made).
- *The party whose act crosses the line as its speaker*: "the president declared that use of chemical weapons by
  Assad's regime would be a red line" with "the president" resolved to Assad. Nobody draws a red line against
  their own act: the speaker is misresolved and no warning is coded (`self_aimed`).
- *Missing targets*: a warning with no recipient is aimed at the party its condition names ("a strike might be
  necessary if talks fail to compel Syria": Syria) or the party a participle of address names ("drew its red
  lines, accusing the US": the US) (`target_heads`).

Only the dependency parse and the event's own fields are read; the rules apply to THREATEN events of sentences
that speak of a red line only.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Event, Token
from ..red_lines import speaks_of_red_line
from .history import background_reason, trigger_head

_LINE_WORDS = frozenset({"line", "lines", "redline", "redlines", "red-line", "red-lines"})
# Verbs that say a red line: the act of "X said Y would be a red line" is the saying.
REPORT_LEMMAS = frozenset(
    "say tell state declare warn insist stress note add announce claim write vow threaten make reiterate repeat "
    "emphasize emphasise caution signal proclaim".split())
# Adverbs on a clause set against a warning by "but"/"yet" that tell what followed it ("but he later backed down",
# "but then did nothing"). Without the contrast they also chain the acts of one day's news ("warned ... and later
# met the president"), which are no retelling.
SEQUEL_ADVERBS = frozenset({"later", "then", "eventually", "subsequently", "afterwards", "afterward"})
_CONTRAST = frozenset({"but", "yet"})
# Verbs of a sequel that says the warning was not acted on ("and then failed to act", "later backed down"): the
# story of an unenforced red line is told after the fact, with or without "but".
FAILURE_LEMMAS = frozenset({"fail", "decline", "refuse", "back", "retreat", "balk", "blink", "hesitate", "renege"})
# Participles of address: "drew its red lines, accusing the US of ...": the party addressed is the target.
ADDRESS_LEMMAS = frozenset({"accuse", "warn", "tell", "urge", "blame", "caution", "threaten", "remind", "call"})
_CONDITION_MARKS = frozenset({"if", "unless"})
# Verbs that observe a line that stands rather than draw one: "noted that most of the world sees X as a red line",
# "acknowledged that it was a red line" (a reminder addressed to a party, "reminded Assad", stays a warning).
OBSERVE_LEMMAS = frozenset({"note", "observe", "recall", "acknowledge", "concede", "admit", "recognize",
                            "recognise"})
# Verbs of a free relative that names a line drawn before: "crossed what Obama called a red line", "failure to
# act on what he had said would be a red line", "what Moscow considers a red line".
REFER_LEMMAS = frozenset({"say", "call", "describe", "declare", "term", "dub", "deem", "consider", "label",
                          "define", "set", "see", "regard", "view", "brand"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "\u2014", "--"})
_VERBAL = frozenset({"VERB", "AUX"})


def is_warning(event: Event) -> bool:
    """A THREATEN whose sentence speaks of a red line: what these rules are about."""
    return event.event == "THREATEN" and speaks_of_red_line(event.text)


def _kids(tokens: Sequence[Token], i: int) -> list[Token]:
    return [t for t in tokens if t.head == i and t.i != i]


def _names_line(tokens: Sequence[Token], trigger: tuple[int, int]) -> bool:
    return any(tokens[i].lower in _LINE_WORDS for i in range(max(trigger[0], 0), min(trigger[1], len(tokens))))


def warning_act(tokens: Sequence[Token], trigger: tuple[int, int]) -> int:
    """The token that carries the act of warning: the verb itself ("warned", "threatening"), the verb that draws
    the line ("drew a red line", "a red line drawn by"), or the verb that says it ("said Y would be a red line"),
    else the trigger's head."""
    head = trigger_head(tokens, trigger)
    t = tokens[head]
    if t.pos in _VERBAL:
        return head
    drawn = [k for k in _kids(tokens, head) if k.dep == "acl" and k.pos == "VERB"]
    if drawn:  # "a red line drawn by Obama"
        return drawn[0].i
    if t.dep != "attr":
        return t.head if t.dep in ("dobj", "nsubjpass") and tokens[t.head].pos == "VERB" else head
    v = t.head  # the copula of "Y would be a red line"
    for _ in range(4):
        tok = tokens[v]
        if tok.head == v:
            break
        if tok.dep in ("ccomp", "parataxis") and tokens[tok.head].lemma.lower() in REPORT_LEMMAS:
            return tok.head
        if tok.dep != "conj":  # "stated that it was a red line and that nobody could cross it"
            break
        v = tok.head
    return t.head


def sequel_reason(tokens: Sequence[Token], starts: Sequence[int], after: int) -> str | None:
    """Why a warning is told together with what followed it: a clause after the warning (token `after`),
    coordinated with one of the clauses that govern `starts` (the trigger, the red line's words), says "later",
    "then", "eventually", and either sets itself against the warning with "but"/"yet" ("drew a red line ... but he
    later backed down") or says it was not acted on ("warned Assad ... and then failed to act")."""
    for start in starts:
        i, seen = start, set()
        while i not in seen:
            seen.add(i)
            for c in _kids(tokens, i):
                if c.dep != "conj" or c.i <= after:
                    continue
                adverb = next((a for a in _kids(tokens, c.i) if a.dep == "advmod" and a.lower in SEQUEL_ADVERBS),
                              None)
                contrast = any(k.dep == "cc" and k.lower in _CONTRAST and k.i < c.i for k in _kids(tokens, i)) or any(
                    k.dep == "cc" and k.lower in _CONTRAST for k in _kids(tokens, c.i))
                if adverb is not None and (contrast or c.lemma.lower() in FAILURE_LEMMAS):
                    return (f"'{adverb.text} {c.text}' tells what followed the warning: a warning told with its "
                            "sequel is past history")
            if tokens[i].head == i:
                break
            i = tokens[i].head
    return None


def retold_reason(tokens: Sequence[Token], event: Event) -> str | None:
    """Why a red-line warning is retold history rather than the news of its sentence, or None. Only THREATEN events
    of sentences that speak of a red line are judged; the caller has already found no date of their own."""
    if not is_warning(event) or not tokens:
        return None
    if event.rule.startswith("nominal-possessor") and _names_line(tokens, event.trigger) and not _restated(event):
        return (f"'{event.event_text}' is named by its owner (\"X's red line\"): a warning made earlier, not told in "
                "this sentence")
    named = named_by_relative(tokens)
    if named is not None:
        return named
    act = warning_act(tokens, event.trigger)
    observer = _observer(tokens, act)
    if observer is not None:
        return (f"the red line is observed ({observer.text!r}): a line that stands, not a warning made in this "
                "sentence")
    background = background_reason(tokens, act)
    if background is not None:
        return f"the warning is said by {tokens[act].text!r}: {background}"
    head = trigger_head(tokens, event.trigger)
    lines = [t.i for t in tokens if t.lower in _LINE_WORDS]
    return sequel_reason(tokens, [head, *lines], min(head, act))


def _observer(tokens: Sequence[Token], act: int) -> Token | None:
    """The verb that observes the line (the act itself, or the verb whose clause the act's copula is), or None."""
    for i in (act, tokens[act].head if tokens[act].dep in ("ccomp", "parataxis") else act):
        t = tokens[i]
        if t.lemma.lower() in OBSERVE_LEMMAS or (t.lemma.lower() == "point" and any(
                k.lower == "out" for k in _kids(tokens, i))):
            return t
    return None


def named_by_relative(tokens: Sequence[Token]) -> str | None:
    """Why the sentence's red line is named through a free relative ("crossed what Obama called a red line",
    "act on what he had said would be a red line"): 'what', then a verb that names or said the line, then the
    line's words, in one clause. The line was drawn before; this sentence refers to it. None when not so."""
    for w in tokens:
        if w.lower not in ("what", "whatever"):
            continue
        verb = None
        for t in tokens[w.i + 1:]:
            if t.text in _CLAUSE_BREAKS or t.lower in ("and", "but") and verb is None:
                break
            if verb is None and t.pos in _VERBAL and t.lemma.lower() in REFER_LEMMAS:
                verb = t
            elif verb is not None and t.lower in _LINE_WORDS and t.i - verb.i <= 6:
                return (f"'{w.text} ... {verb.text} ... {t.text}' names a red line drawn before (a free relative): "
                        "a reference to an earlier warning, not one made in this sentence")
    return None


def _restated(event: Event) -> bool:
    """A line named by its owner is restated, not retold, when the owner says so: the claim source is the same
    person ("Putin said his red line stands"), or a person of the same country for a country or body that owns it
    ("Lavrov said Russia's red line stands"); not a spokesman on the president's line or a rival's jibe."""
    sources = event.claim_source
    return bool(sources) and all(
        any(s.identifier_id == a.identifier_id for s in sources) if a.identifier_id
        else any(a.code and s.code == a.code for s in sources) for a in event.actor)


def self_aimed(event: Event) -> str | None:
    """Why a copula red line's speaker must be misresolved: the speaker is the very person or body whose act would
    cross the line (a recipient with the same knowledge-base identifier). None when not so."""
    if not is_warning(event) or not event.rule.startswith("copula"):
        return None
    own = {a.identifier_id for a in event.actor if a.identifier_id}
    same = [r for r in event.recipient if r.identifier_id and r.identifier_id in own]
    if not same:
        return None
    return (f"the speaker {same[0].identifier_text or same[0].entity_text} is also the party whose act would cross "
            "the red line: nobody draws a red line against their own act, so the speaker is misresolved")


def target_heads(tokens: Sequence[Token], base: int) -> list[int]:
    """Heads of the parties a red-line warning with no recipient is aimed at: the subject of its condition ("if Y
    does not ...", "unless Y ...") and, when that subject is not a party, the object of the condition's verb chain
    ("if talks fail to compel Syria"); and the object of a participle of address on the warning ("drew its own red
    lines ..., accusing the US"). The caller keeps those that resolve to a party other than the speaker's."""
    if not 0 <= base < len(tokens):
        return []
    out: list[int] = []
    scope = [base] + ([tokens[base].head] if tokens[base].pos not in _VERBAL else [])
    scope += [k.i for s in list(scope) for k in _kids(tokens, s) if k.dep in ("attr", "dobj", "prep", "ccomp")]
    scope += [k.i for s in list(scope) for k in _kids(tokens, s) if k.dep in ("pobj", "acl")]
    for s in scope:
        for c in _kids(tokens, s):
            if c.dep == "advcl" and any(m.lower in _CONDITION_MARKS for m in _kids(tokens, c.i) if m.dep == "mark"):
                out += [k.i for k in _kids(tokens, c.i) if k.dep in ("nsubj", "nsubjpass")]
                v = c.i
                for _ in range(3):  # "fail to compel Syria", "refuses to hand over"
                    out += [k.i for k in _kids(tokens, v) if k.dep == "dobj"]
                    nxt = [k.i for k in _kids(tokens, v) if k.dep == "xcomp"]
                    if not nxt:
                        break
                    v = nxt[0]
            elif c.dep in ("acl", "advcl") and c.tag == "VBG" and c.lemma.lower() in ADDRESS_LEMMAS:
                out += [k.i for k in _kids(tokens, c.i) if k.dep == "dobj"]
    return list(dict.fromkeys(out))


__all__ = ["REPORT_LEMMAS", "is_warning", "named_by_relative", "retold_reason", "self_aimed", "sequel_reason", "speaks_of_red_line",
           "target_heads", "warning_act"]
