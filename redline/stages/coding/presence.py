"""Being there is no support, arriving at a moment no visit (nineteenth round, precision: fresh sample A of round 37).

PLOVER's SUPPORT is praise, backing or endorsement of a party (docs/annotation.md section 3). Two wordings of
physical presence took its verbs:

- **Greeting people home**: "the prime minister welcomes home two sailors held by Iran", "the king welcomed home the
  freed hostages at the airport": a leader meets his own returning citizens; the act on them (their release) is another event, and
  the greeting backs no party. "Welcomed the release of the sailors" and "welcomed the deal" stay SUPPORT.
- **Standing beside someone**: "a clip from the banquet shows the premier standing with two prime ministers", "the
  premier was seen standing with the chancellor", "standing with the Danish premier on the quay, the prime minister
  talked about the storm": a bare participle of 'stand' with no auxiliary places a person in a picture or a scene.
  "Sweden stands with the Georgian opposition" and "Poland is standing with Ukraine" (a finite verb or a
  progressive) stay SUPPORT.

And a visit (CONSULT/visit) is going to a party's place; **arriving at a moment or at a plan** goes nowhere: "the
president arrived at a delicate point in the negotiations", "a compromise the president has arrived at", "the premier
arrives at this moment with little room to manoeuvre". "Arrived in Beijing", "arrived at the United Nations" stay
visits.
"""

from __future__ import annotations

from .tree import Frame, Tree

AUXILIARIES = frozenset({"aux", "auxpass"})
# What one arrives 'at' that is no place: a time, a decision or a view.
NO_PLACES = frozenset({"moment", "time", "point", "juncture", "stage", "decision", "conclusion", "plan", "consensus",
                       "solution", "compromise", "figure", "estimate", "number", "view", "position", "result",
                       "crossroads", "judgment", "judgement", "verdict", "assessment", "understanding"})


def greeted_home(tree: Tree, f: Frame) -> bool:
    """'welcomed home the freed hostages': 'welcome' with 'home' as its adverb."""
    toks = tree.tokens
    if f.code.event != "SUPPORT" or toks[f.base].lemma.lower() != "welcome":
        return False
    return any(toks[k].lower == "home" and toks[k].dep in ("advmod", "npadvmod", "prt", "dobj")
               for k in tree.kids[f.base])


def standing_beside(tree: Tree, f: Frame) -> bool:
    """'shows the premier standing with two prime ministers': a bare '-ing' participle of 'stand', no auxiliary."""
    toks = tree.tokens
    v = f.base
    if f.code.event != "SUPPORT" or toks[v].lemma.lower() != "stand" or toks[v].tag != "VBG":
        return False
    return not any(toks[k].dep in AUXILIARIES for k in tree.kids[v])


def arrived_at_no_place(tree: Tree, f: Frame) -> bool:
    """'arrived at a delicate point', 'a compromise the premier has arrived at': every 'at' of 'arrive' is a time, a
    decision or a view, and no other place is named ('in', 'to')."""
    toks = tree.tokens
    v = f.base
    if f.code.event != "CONSULT" or toks[v].lemma.lower() != "arrive" or tree.prep_args(v, ("in", "to")):
        return False
    ats = [a for _, a in tree.prep_args(v, ("at",)) if toks[a].pos != "ADV"]
    stranded = [p for p in tree.children(v, {"prep"}) if toks[p].lower == "at" and not any(
        toks[o].pos != "ADV" for o in tree.children(p, {"pobj", "pcomp"}))]
    if stranded and toks[v].dep == "relcl" and (h := tree.head(v)) is not None:
        ats.append(h)  # "a compromise the premier has arrived at"
    return bool(ats) and all(toks[a].lemma.lower() in NO_PLACES for a in ats)


def drop_reason(tree: Tree, f: Frame) -> str:
    if greeted_home(tree, f):
        return "welcoming people home greets one's own returning citizens: no SUPPORT of a party"
    if standing_beside(tree, f):
        return "a person seen or shown standing with others is there, no SUPPORT ('stands with X' stays)"
    if arrived_at_no_place(tree, f):
        return "arriving at a moment, a plan or a view visits no one: no CONSULT"
    return ""


__all__ = ["arrived_at_no_place", "drop_reason", "greeted_home", "standing_beside"]
