"""Being there is no support (nineteenth round, precision: fresh sample A of round 37).

PLOVER's SUPPORT is praise, backing or endorsement of a party (docs/annotation.md section 3). Two wordings of
physical presence took its verbs:

- **Greeting people home**: "the president welcomed home three sailors freed by the rebels", "the king welcomes home
  the hostages": a leader meets his own returning citizens; the act on them (their release) is another event, and
  the greeting backs no party. "Welcomed the release of the sailors" and "welcomed the deal" stay SUPPORT.
- **Standing beside someone**: "footage showed the premier standing with the French president", "the envoy was seen
  standing with the rebels' leader", "standing in the garden with the soldier's parents, the president said ...": a
  bare participle of 'stand' with no auxiliary places a person in a picture or a scene. "The United States stands
  with the protesters" and "Poland is standing with Ukraine" (a finite verb or a progressive) stay SUPPORT.
"""

from __future__ import annotations

from .tree import Frame, Tree

AUXILIARIES = frozenset({"aux", "auxpass"})


def greeted_home(tree: Tree, f: Frame) -> bool:
    """'welcomed home the freed hostages': 'welcome' with 'home' as its adverb."""
    toks = tree.tokens
    if f.code.event != "SUPPORT" or toks[f.base].lemma.lower() != "welcome":
        return False
    return any(toks[k].lower == "home" and toks[k].dep in ("advmod", "npadvmod", "prt", "dobj")
               for k in tree.kids[f.base])


def standing_beside(tree: Tree, f: Frame) -> bool:
    """'showed the premier standing with the president': a bare '-ing' participle of 'stand', no auxiliary."""
    toks = tree.tokens
    v = f.base
    if f.code.event != "SUPPORT" or toks[v].lemma.lower() != "stand" or toks[v].tag != "VBG":
        return False
    return not any(toks[k].dep in AUXILIARIES for k in tree.kids[v])


def drop_reason(tree: Tree, f: Frame) -> str:
    if greeted_home(tree, f):
        return "welcoming people home greets one's own returning citizens: no SUPPORT of a party"
    if standing_beside(tree, f):
        return "a person seen or shown standing with others is there, no SUPPORT ('stands with X' stays)"
    return ""


__all__ = ["drop_reason", "greeted_home", "standing_beside"]
