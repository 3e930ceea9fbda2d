"""Where a meeting is held: a summit or conference is CONSULT/multilateral (fourteenth round, cooperate).

The PLOVER manual's CONSULT mode `multilateral` is a meeting "in a multilateral context, typically an alliance or
IGO". A CONSULT coded from a gathering noun of many parties (`GATHERINGS`: "the summit", "a climate conference",
"the forum") is one, unless it is two-sided (the frame names exactly two parties: "Biden and Xi held a summit";
"a summit between Putin and Biden", "a bilateral summit", "the US-China summit") or a press event ("news
conference"). A meeting held at such a gathering is not made multilateral: leaders meeting on a summit's
sidelines meet one another. A summit attended is one (the noun is the trigger: "attended the climate summit").

Mode `third-party` is a meeting "hosted by a third party": talks a party hosts, brokers or convenes between others
("Norway hosted talks between the government and the rebels", `HOSTING_VERBS`) are that, whoever they are between.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from .tree import Frame, Tree

GATHERINGS = frozenset({"summit", "conference", "forum", "assembly", "summitry"})
MEETING_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "dialogue", "summit",
                           "conference", "consultation", "consultations"})
HOSTING_VERBS = frozenset({"host", "broker", "convene", "sponsor", "mediate", "facilitate", "organize", "organise"})
NOT_MULTILATERAL = frozenset({"bilateral", "press", "news", "two-day-old", "one-on-one", "video", "telephone",
                              "phone"})


def multilateral_meetings(tree: Tree, frames: list[Frame]) -> list[Frame]:
    """`frames` with each unmoded CONSULT frame of talks hosted by a party given mode third-party, and each one whose
    trigger is a many-party gathering noun given mode multilateral
    (not when the frame names exactly two parties: "Biden and Xi held a summit", "Xi held a summit with Biden")."""
    toks = tree.tokens
    out = []
    for f in frames:
        n = f.trigger[1] - 1
        if f.code.event == "CONSULT" and f.code.mode is None and _hosted(tree, n):
            out.append(dataclasses.replace(f, code=Code("CONSULT", "third-party", f.code.cameo),
                                           rule=f"{f.rule}+third-party",
                                           notes=f.notes + ("talks a party hosts or brokers are third-party",)))
            continue
        if f.code.event != "CONSULT" or f.code.mode is not None or toks[n].lemma.lower() not in GATHERINGS or \
                toks[n].pos != "NOUN" or len({*f.actors, *f.recipients} - {n}) == 2 or _two_sided(tree, n):
            out.append(f)
            continue
        out.append(dataclasses.replace(f, code=Code("CONSULT", "multilateral", f.code.cameo),
                                       rule=f"{f.rule}+multilateral",
                                       notes=f.notes + ("a summit or conference of many parties is multilateral",)))
    return out


def _two_sided(tree: Tree, n: int) -> bool:
    """Does the gathering noun name two sides or a press event ("between X and Y", "bilateral", "US-China")?"""
    toks = tree.tokens
    kids = tree.kids[n]
    if any(toks[k].lower in NOT_MULTILATERAL for k in kids):
        return True
    if any(toks[k].dep == "prep" and toks[k].lower == "between" for k in kids):
        return True
    # "the US-China summit", "the Trump-Kim summit": two names joined by a hyphen before the noun
    return any(toks[k].lower == "-" and k < n for k in range(max(0, n - 4), n))


def _hosted(tree: Tree, n: int) -> bool:
    """Is the meeting noun the object of a hosting verb ("hosted talks between", "brokered negotiations")?"""
    toks = tree.tokens
    v = tree.head(n)
    return toks[n].lemma.lower() in MEETING_NOUNS and toks[n].pos == "NOUN" and toks[n].dep in ("dobj", "obj") and \
        v is not None and toks[v].lemma.lower() in HOSTING_VERBS


