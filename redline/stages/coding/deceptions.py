"""Deception spread (PLOVER COERCE misinformation): when "spreading disinformation" is an act and when a label.

"Russia spread disinformation about the vote", "state media have been peddling fake news" report the deception as
done. A bare participle clause with no subject of its own ("accused of spreading fake news", "a message about the
senator and his son spreading fake news", "retweeting a post, spreading misinformation") says it of someone in
passing, usually in another party's words: its doer is borrowed from the clause it hangs on and is as often the
wrong one, so it is not coded (the words around it, an accusation or a report, are coded by their own rules).
"""

from __future__ import annotations

from .tree import SUBJ, Frame, Tree


def drop_reason(tree: Tree, f: Frame) -> str:
    """Why a COERCE/misinformation frame is no event ('' when it is one)."""
    if f.code.event != "COERCE" or f.code.mode != "misinformation":
        return ""
    v = tree.tokens[f.base]
    if v.tag == "VBG" and v.dep in ("advcl", "acl", "pcomp", "xcomp", "conj") and tree.child(f.base, SUBJ) is None \
            and not any(tree.tokens[k].dep == "aux" for k in tree.kids[f.base]):
        return "deception named in a participle clause with no subject of its own is said in passing, not reported"
    return ""
