"""Advisories (twelfth round, issue 12): a government telling the public of a danger from someone else threatens
nobody and asks no party to act (docs/annotation.md section 2: statements that only inform).

- **Warnings about a third party**: a warning whose content is what another party does or did ("the State
  Department issued a warning that militants in Kenya were planning attacks", "the embassy warned that terrorists
  were targeting tourists", "the CIA issued a warning that Russia had meddled in the election"). The warned party
  is not named and the content has no future or modal: it reports a danger, it promises none. A warning to a
  party ("warned Iran that it would strike"), one whose content is the actor's own act, and one that foresees
  what will happen to someone ("warned that Hezbollah would pay a heavy price") stay THREATEN.
- **Calls for caution**: "called for caution at airports", "urged vigilance in markets": advice to the public.
"""

from __future__ import annotations

from .tree import Frame, Tree, first_reason

WARNING_WORDS = frozenset({"warn", "warning", "alert", "caution"})
ADVICE = frozenset({"caution", "vigilance", "alertness", "care"})
# What one does to a warning: "a warning that the embassy issued" is a relative clause, not the warning's content.
HANDLING = frozenset({"issue", "give", "send", "make", "deliver", "post", "publish", "receive", "repeat", "ignore",
                      "heed", "sound", "release", "circulate", "echo", "dismiss"})
MODAL_AUX = frozenset({"will", "would", "'ll", "shall", "could", "may", "might", "can", "must", "should"})


def _content(tree: Tree, f: Frame) -> list[int]:
    """The clause a warning carries: the that-clause of 'warned that ...' or of 'a warning that ...'."""
    toks = tree.tokens
    heads = [f.base, f.trigger[1] - 1]
    out = [c for h in heads for c in tree.children(h, {"ccomp", "acl"}) if toks[c].pos in ("VERB", "AUX")]
    # "a warning that Russia had meddled" parsed as a relative clause: "that" then a clause with its own subject
    # and a verb one does not do to a warning ("a warning that the embassy issued" is a relative clause)
    n = f.trigger[1] - 1
    out += [c for c in tree.children(n, {"relcl"}) if n + 1 < len(toks) and toks[n + 1].lower == "that"
            and toks[c].lemma.lower() not in HANDLING and tree.child(c, {"nsubj", "nsubjpass"}) not in (None, n + 1)]
    return out


def third_party_danger(tree: Tree, f: Frame) -> bool:
    """A warning with no party warned whose content says what another party does or did."""
    toks = tree.tokens
    if f.code.event != "THREATEN" or f.recipients:
        return False
    if toks[f.trigger[1] - 1].lemma.lower() not in WARNING_WORDS and toks[f.base].lemma.lower() not in WARNING_WORDS:
        return False
    clauses = _content(tree, f)
    if not clauses:
        return False
    for c in clauses:
        subj = tree.child(c, {"nsubj", "nsubjpass"})
        if subj is None or toks[subj].pos == "PRON" or subj in f.actors:
            return False  # "warned that it would strike": the actor's own act
        if any(toks[k].dep in ("aux", "auxpass") and toks[k].lower.replace("\u2019", "'") in MODAL_AUX
               for k in tree.kids[c]):
            return False  # "warned that Hezbollah would pay a heavy price": a foretold consequence
    return True


def call_for_caution(tree: Tree, f: Frame) -> bool:
    """'called for caution at airports', 'urged vigilance in public places': advice, no demand on a party."""
    toks = tree.tokens
    if f.code.event != "REQUEST":
        return False
    things = [*f.objects, *tree.children(f.base, {"dobj"}), *(a for _, a in tree.prep_args(f.base, ("for",)))]
    return bool(things) and all(toks[o].lower in ADVICE for o in things)


CHECKS = (
    (third_party_danger, "a warning of what another party does or did informs the public: no threat"),
    (call_for_caution, "a call for caution or vigilance is advice to the public, no demand on a party"),
)


def drop_reason(tree: Tree, f: Frame) -> str:
    """Why the warning or call is an advisory, or ""."""
    return first_reason(CHECKS, tree, f)
