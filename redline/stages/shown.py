"""shown: acts the text shows were done before the news, by what shows them (split out of history.py, ninth round).

A record that shows an act ("The database shows that officials targeted people", "a video purported to show rebels
executing prisoners"), a judgement whose ground is an earlier act ("is facing criticism for negotiating the
release"), and an office its holder had left before the article ("President Obama ... made an agreement" in a 2018
article). The dates stage leaves such acts undated (issue 13; docs/dates-and-places.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ..records import Entity, Token
from .aspect import aux as _aux
from .aspect import children as _children

# Verbs and nouns that judge an earlier act named by their "for + -ing" phrase: "criticism for negotiating the
# release", "was arrested for protesting", "thanked them for keeping up the pressure".
JUDGING_LEMMAS = frozenset({
    "criticism", "criticize", "criticise", "blame", "praise", "thank", "punish", "condemn", "condemnation", "fault",
    "accuse", "credit", "apologize", "apologise", "apology", "sanction", "arrest", "charge", "convict", "sentence",
    "fine", "impeach", "reward", "applaud", "rebuke", "slam", "prosecute", "indict", "jail", "detain",
    "fire", "scrutiny",  # "have come under fire for meeting the ambassador" (under ...: see judged_act)
})

# Records whose present "shows", "reveals" ... tells acts done before the news ("The database shows that officials
# targeted people", "Court documents reveal that the company paid bribes").
RECORD_NOUNS = frozenset({
    "database", "document", "record", "file", "data", "video", "footage", "image", "photo", "email", "e-mail",
    "memo", "letter", "cable", "leak", "log", "transcript", "recording", "list", "archive", "paper",
})
SHOW_LEMMAS = frozenset({"show", "reveal", "indicate", "document", "detail", "suggest", "confirm", "prove"})


def on_record(tokens: Sequence[Token], v: int) -> str | None:
    """ "The database shows that officials targeted people": a past act a record now shows was done before; "a video
    purported to show rebels executing prisoners": an act a record shows being done, when it was recorded."""
    verb = tokens[v]
    head = tokens[verb.head]
    if verb.dep == "acl" and verb.tag == "VBG" and head.dep == "dobj":  # "show soldiers beating": on the object
        head = tokens[head.head]
    elif verb.dep != "ccomp":
        return None
    if head.lemma.lower() not in SHOW_LEMMAS:
        return None
    if not (verb.tag == "VBD" and head.tag in ("VBZ", "VBP") or verb.tag == "VBG" and not _aux(tokens, v)):
        return None
    holders = [head.i, head.head] if head.dep == "xcomp" else [head.i]  # "purported to show", "appears to show"
    record = next((t for h in holders for t in _children(tokens, h)
                   if t.dep == "nsubj" and t.lemma.lower() in RECORD_NOUNS), None)
    if record is None:
        return None
    return f"'{record.text} {head.text} that ... {verb.text}': a past act a record shows, done before the news"


def judged_act(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "is facing criticism for negotiating the release", "was arrested for protesting", "have come under fire for
    meeting the ambassador": the "for + -ing" act is an earlier act the judgement is about."""
    trig = tokens[trigger]
    if trig.dep != "pcomp" or tokens[trig.head].lower != "for":
        return None
    judge = tokens[tokens[trig.head].head]
    words = [judge, *(t for t in _children(tokens, judge.i) if t.dep in ("dobj", "nsubjpass"))]
    words += [p for u in _children(tokens, judge.i) if u.dep == "prep" and u.lower == "under"
              for p in _children(tokens, u.i) if p.dep == "pobj"]  # "came under fire / scrutiny for meeting"
    hit = next((w for w in words if w.lemma.lower() in JUDGING_LEMMAS), None)
    if hit is None:
        return None
    return f"'{hit.text} ... for {trig.text}': an earlier act named as the ground of a judgement"


def ended_term(actors: Sequence[Entity], offices: Callable[[str], Sequence], reference: dt.date) -> str | None:
    """Why an act whose actor the text titles with an office the person had left before the article ("President
    Obama ... made an agreement" in a 2018 article) belongs to that term, or None. offices: person entry id ->
    the person's dated offices (objects with `office` and `end`); "former" titles never count."""
    for e in actors:
        if not (e.entry or "").startswith("person:") or not e.office or e.office.startswith("former"):
            continue
        held = [o for o in offices(e.entry.split(":", 1)[1]) if o.office == e.office]
        if held and all(o.end is not None and o.end < reference for o in held):
            end = max(o.end for o in held)
            return (f"'{e.entity_text}' is titled {e.office}, an office {e.identifier_text} left on {end.isoformat()}, "
                    f"before the article: an act of that term")
    return None


__all__ = ["JUDGING_LEMMAS", "RECORD_NOUNS", "SHOW_LEMMAS", "ended_term", "judged_act", "on_record"]
