"""Acts with no particular occasion: a class of acts, a kind of actor.

Eighth round of issue 12 (sample G and sample F's wrong events): the annotation guide codes no generic or
habitual act (docs/annotation.md section 2). These are readings of the tree around the
trigger, each a pure function of the sentence tree and the frame:

- *A kind of actor*: "governments that negotiate with kidnappers", "militants who attack convoys are rarely
  caught": a present-tense relative clause on a bare plural (no article, possessor or number) says what such
  actors do, not what one did (`kind_of_actor`).
- *A class of acts*: "such attacks have eroded trust", "such raids anger villagers": "such" names a kind of act,
  not one that happened (`class_of_acts`).

- *Service in a war* (ninth round, sample I): "has fought in the main British wars of recent decades", "he
  fought in the Gulf War": fighting *in* a war, with no enemy or place named, is a career, not an attack
  (`war_service`). "The wars the United States is fighting in Iraq" names a place and stays.

A candidate's promises were tried and left: the dev gold codes "has pledged during his campaign to push anew for
peace talks" as AGREE, so a campaign does not by itself make a promise no event.
"""

from __future__ import annotations

from .tree import Frame, Tree, first_reason

PRESENT_SIMPLE = frozenset({"VBP", "VBZ"})
# Determiners and modifiers that make a plural particular: "the militants who attack", "three soldiers who fire".
PARTICULAR = frozenset({"det", "poss", "nummod", "predet"})


def kind_of_actor(tree: Tree, f: Frame) -> bool:
    """'Governments that negotiate with kidnappers often pay', 'militants who attack convoys are rarely caught',
    'leaders who criticize the West are popular': the event verb is a present-simple relative clause on a bare
    plural noun. 'Militants who attacked the convoy on Monday' (past) and 'the militants who attack' (a particular
    group) stay."""
    toks = tree.tokens
    v = f.base
    if toks[v].dep == "xcomp" and tree.head(v) is not None:
        v = tree.head(v)  # "governments that oppose negotiating with terrorists": the kind's stance governs the act
    elif toks[v].dep == "advcl" and tree.head(v) is not None and any(
            toks[k].dep == "mark" and toks[k].lower in ("while", "by") for k in tree.kids[v]):
        v = tree.head(v)  # "people who praise themselves and condemn everyone else"
    if toks[v].dep != "relcl" or toks[v].tag not in PRESENT_SIMPLE:
        return False
    if not any(toks[k].dep == "nsubj" and toks[k].tag in ("WDT", "WP") for k in tree.kids[v]):
        return False  # "Western countries, which Syria accuses of ...": the plural is the object, Syria acts
    if any(toks[k].dep in ("aux", "auxpass", "neg") for k in tree.kids[v]):
        return False
    noun = tree.head(v)
    if noun is None or toks[noun].tag != "NNS":
        return False
    return not any(toks[k].dep in PARTICULAR for k in tree.kids[noun])


def class_of_acts(tree: Tree, f: Frame) -> bool:
    """'Such attacks by soldiers have eroded trust', 'such raids anger villagers': an event noun with 'such'."""
    if f.rule.startswith(("svo", "passive", "deontic")):
        return False
    toks = tree.tokens
    n = f.trigger[1] - 1
    return any(toks[k].lower == "such" and toks[k].dep in ("amod", "det", "predet") for k in tree.kids[n])


WARS = frozenset({"war", "wars", "conflict", "conflicts", "campaign", "campaigns", "battle", "battles",
                  "insurgency", "insurgencies", "counterinsurgency", "counterinsurgencies"})
SERVICE_VERBS = frozenset({"fight", "serve"})


def war_service(tree: Tree, f: Frame) -> bool:
    """'has fought in the key American wars', 'fought in the Gulf War': a fight whose only argument is the war it was
    in (no object, no recipient, no 'against'/'with' party)."""
    toks = tree.tokens
    if f.code.event != "ASSAULT" or not f.rule.startswith("svo") or f.objects or f.recipients:
        return False
    if toks[f.base].lemma.lower() not in SERVICE_VERBS:
        return False
    if tree.prep_args(f.base, ("against", "with", "on", "at")):
        return False
    wars = [a for _, a in tree.prep_args(f.base, ("in",))]
    return bool(wars) and all(toks[a].lemma.lower() in WARS or toks[a].lower in WARS for a in wars)


DROPS = (
    (kind_of_actor, "a present-tense relative clause on a bare plural ('governments that negotiate') says what a "
                    "kind of actor does: no particular act (generic)"),
    (class_of_acts, "'such attacks' names a kind of act, not one that happened (generic)"),
    (war_service, "fighting in a war with no enemy or place named is a career, not a particular attack"),
)


def drop_reason(tree: Tree, f: Frame) -> str:
    """Why the frame is a generic act or a campaign's promise, or ""."""
    return first_reason(DROPS, tree, f)
