"""Things standing for their makers (issue 12, twelfth round, arguments): an argument that is a document or a
fired weapon, whose maker the sentence names in the thing's own phrase.

- a report, review, statement or law as the subject of a verb of saying, judging or forcing ("the report by the
  House committee faults her", "a study published by a Senate panel concluded that ...", "a
  letter signed by 40 senators urged ...", "the House approved a resolution that would force the president to
  ..."): the party of its "by" phrase, of the "by" agent of a participle of making on it, or the subject of the
  verb that made or adopted it;
- a weapon fired from a place ("a rocket fired from Gaza landed on a school", "mortars launched from Syria hit the
  town"): the party of the place it was fired from, as an acting argument only.

Nothing is guessed from the rest of the article: with no "by" phrase or origin in the thing's phrase the argument
stays without a party (and the trigger is dropped as before).
"""

from __future__ import annotations

from .tree import OBJ, Tree, is_passive, subject_of

DOCUMENT_NOUNS = frozenset({
    "report", "review", "study", "investigation", "inquiry", "audit", "assessment", "analysis", "memo",
    "memorandum", "statement", "letter", "resolution", "document", "dossier", "paper", "bill", "finding",
    "communique", "declaration", "ruling", "verdict", "indictment", "complaint", "lawsuit", "petition",
    # eighteenth round, speech: decrees, messages and posts that demand, warn or accuse ("issued a decree demanding
    # that the ministry release the files", "posted tweets saying ..."); "order" is left out: the factuality stage
    # reads it as a verb of asking on the way up ("an order demanding" would be hypothetical), and so is "message":
    # "send a message to X" is a signal more often than a document
    "directive", "decree", "edict", "note", "tweet", "email", "e-mail",
})
# Participles whose "by" agent made the document ("a review released by the committee").
MAKING_VERBS = frozenset({
    "release", "issue", "write", "prepare", "produce", "compile", "draft", "author", "conduct", "publish",
    "sign", "file", "submit", "present", "unveil", "commission", "carry",
})
# Weapons that are fired, and the participles that fire them.
FIRED_WEAPONS = frozenset({"rocket", "missile", "mortar", "shell", "projectile", "grenade", "drone", "bullet"})
FIRING_VERBS = frozenset({"fire", "launch", "shoot", "lob"})


# Verbs whose subject makes or adopts the document that is their object ("the House approved a resolution that
# would force ...", "the council adopted a text demanding ...").
ADOPTING_VERBS = frozenset({"pass", "approve", "adopt", "issue", "release", "sign", "introduce", "unveil", "enact",
                            "publish", "send", "write", "draft", "file", "submit", "deliver", "circulate", "post",
                            "tweet"})


def document_maker(tree: Tree, n: int) -> list[int]:
    """The nodes naming who made document n: its "by" phrase, its possessor, the "by" agent of a participle of
    making on it, or the subject of the verb that made or adopted it, when n is that verb's object."""
    toks = tree.tokens
    if toks[n].pos != "NOUN" or (toks[n].lemma.lower() not in DOCUMENT_NOUNS and toks[n].lower not in DOCUMENT_NOUNS
                                 and toks[n].lemma.lower() not in ("law", "legislation")):
        return []
    for k in tree.kids[n]:
        if toks[k].dep == "prep" and toks[k].lower == "by" and tree.pobj(k) is not None:
            return [tree.pobj(k)]
        if toks[k].dep == "poss" and toks[k].pos in ("PROPN", "NOUN"):  # "the Ghanaian president's letter urging"
            return [k]
        if toks[k].dep == "acl" and toks[k].tag == "VBN" and toks[k].lemma.lower() in MAKING_VERBS:
            for _, a in tree.prep_args(k, ("by",)):
                return [a]
    h = tree.head(n)
    if h is not None and toks[n].dep in OBJ and toks[h].pos == "VERB" and toks[h].lemma.lower() in ADOPTING_VERBS \
            and not is_passive(tree, h):
        return subject_of(tree, h)
    return []


def weapon_origin(tree: Tree, n: int) -> int | None:
    """The place a weapon n was fired from ("a rocket fired from Gaza"): the "from" object of a participle of
    firing on it."""
    toks = tree.tokens
    if toks[n].pos != "NOUN" or toks[n].lemma.lower() not in FIRED_WEAPONS:
        return None
    for k in tree.kids[n]:
        if toks[k].dep == "acl" and toks[k].tag == "VBN" and toks[k].lemma.lower() in FIRING_VERBS:
            for _, a in tree.prep_args(k, ("from",)):
                return a
    return None
