"""Where a meeting is held: a summit or conference is CONSULT/multilateral (fourteenth round, cooperate).

The PLOVER manual's CONSULT mode `multilateral` is a meeting "in a multilateral context, typically an alliance or
IGO". A CONSULT coded from a gathering noun of many parties (`GATHERINGS`: "the summit", "a climate conference",
"the forum") is one, unless it is two-sided (the frame names exactly two parties: "Biden and Xi held a summit";
"a summit between Putin and Biden", "a bilateral summit", "the US-China summit") or a press event ("news
conference"). A meeting held at such a gathering is not made multilateral: leaders meeting on a summit's
sidelines meet one another. A summit attended is one (the noun is the trigger: "attended the climate summit").

Mode `third-party` is a meeting "hosted by a third party": talks a party hosts, brokers or convenes between others
("Norway hosted talks between the government and the rebels", `HOSTING_VERBS`) are that, whoever they are between.
A host that is itself a side of the talks ("the United States organized talks with the Taliban": the frame's actor
is the host) is no third party (fourteenth round, mend B1).
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from .tree import Frame, Tree, subject_of

# The gatherings (cue list `gatherings`, which names the talks a party hosts) that are of many parties by their
# nature: a CONSULT coded from one of them is multilateral. A meeting, dinner or talks may be of two.
MANY_PARTY = frozenset({"summit", "conference", "forum", "assembly", "congress", "summitry"})
HOSTING_VERBS = frozenset({"host", "broker", "convene", "sponsor", "mediate", "facilitate", "organize", "organise"})
NOT_MULTILATERAL = frozenset({"bilateral", "press", "news", "two-day-old", "one-on-one", "video", "telephone",
                              "phone"})


def multilateral_meetings(tree: Tree, frames: list[Frame], gatherings: frozenset[str]) -> list[Frame]:
    """`frames` with each unmoded CONSULT frame of talks hosted by a third party given mode third-party, and each one
    whose trigger is a many-party gathering noun given mode multilateral (not when the frame names exactly two
    parties: "Biden and Xi held a summit", "Xi held a summit with Biden"). `gatherings`: the cue list of meetings."""
    toks = tree.tokens
    out = []
    for f in frames:
        n = f.trigger[1] - 1
        if f.code.event == "CONSULT" and f.code.mode is None and _hosted(tree, f, n, gatherings):
            out.append(dataclasses.replace(f, code=Code("CONSULT", "third-party", f.code.cameo),
                                           rule=f"{f.rule}+third-party",
                                           notes=f.notes + ("talks a party hosts or brokers are third-party",)))
            continue
        if f.code.event != "CONSULT" or f.code.mode is not None or toks[n].lemma.lower() not in MANY_PARTY or \
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
    # "the US-China summit", "the Trump-Kim summit": two names joined by a hyphen before the noun ("a three-day
    # summit" joins no names)
    return any(toks[k].lower == "-" and _named(toks[k - 1]) and _named(toks[k + 1])
               for k in range(max(1, n - 4), n))


def _named(t) -> bool:
    return t.pos == "PROPN" or t.ent_type in ("GPE", "NORP", "PERSON", "ORG")


def _hosted(tree: Tree, f: Frame, n: int, gatherings: frozenset[str]) -> bool:
    """Is the meeting noun the object of a hosting verb whose host is a third party: talks "between" or "among"
    others, or talks whose sides the host is not ("Norway hosted talks", "organized talks for Russia and Ukraine")?
    The host of talks "with the Taliban" is their other side; `f` is the frame of the talks."""
    toks = tree.tokens
    v = tree.head(n)
    if not (toks[n].lemma.lower() in gatherings and toks[n].pos == "NOUN" and toks[n].dep in ("dobj", "obj")
            and v is not None and toks[v].lemma.lower() in HOSTING_VERBS):
        return False
    if any(toks[k].dep == "prep" and toks[k].lower in ("between", "among") for k in tree.kids[n]):
        return True
    if tree.prep_args(n, ("with",)) or tree.prep_args(v, ("with",)):
        return False  # "organized talks with the Taliban": the host is the other side
    return not set(subject_of(tree, v)) & {*f.recipients}




# Sixteenth round (fresh sample A): bodies and crowds one addresses. Speaking "to" them is a speech, no meeting
# ("Speaking to the Kenyan parliament, the Ugandan president said ...", "spoke to delegates at the climate
# conference", "spoke to the UN General Assembly on Monday"); "spoke to senior Korean lawmakers", "spoke to the
# Peruvian delegation", "spoke to the prime minister" meet people and stay CONSULT.
ADDRESSED = frozenset({"assembly", "parliament", "congress", "session", "delegate", "legislature", "convention",
                       "conference", "nation", "audience", "crowd", "rally", "gathering", "graduate", "cadet",
                       "supporter", "reporter", "journalist", "press", "student", "forum", "chamber", "house",
                       "senate", "meeting", "ceremony", "dinner", "luncheon", "summit", "people", "troops"})
SPEAKING = frozenset({"speak", "talk", "address"})


def speech_to_a_body(tree: Tree, f: Frame) -> str | None:
    """A CONSULT whose verb is 'speak / talk to' (or 'address') a body, a crowd or the press only: a speech."""
    if f.code.event != "CONSULT" or f.code.mode is not None:
        return None
    toks = tree.tokens
    v = f.trigger[0] if f.trigger else f.base
    if toks[v].lemma.lower() not in SPEAKING:
        return None
    heard = [o for _, o in tree.prep_args(v, ("to",))]
    if toks[v].lemma.lower() == "address":
        heard += list(tree.children(v, {"dobj"}))
    if heard and all(toks[o].lemma.lower() in ADDRESSED for o in heard) and not tree.prep_args(v, ("with",)):
        return "a speech to a body, a crowd or the press is no meeting"
    return None
