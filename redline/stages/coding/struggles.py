"""Fighting for a cause (seventeenth round, precision: fresh sample A of round 35).

"fight" coded as ASSAULT or THREATEN when all it has is what is fought *for*, and that is a cause or a course, not
a side: "the youths who had fought for democracy in 2011", "the Kurds, who have fought for an independent state",
"the senator, who had fought for Scotland to remain part of the kingdom", "are fighting for their very existence".
That is a struggle or a campaign told, no use of force on an occasion (docs/annotation.md section 3: ASSAULT is
force that can harm people). Kept: an object or an "against / with / in / alongside" phrase ("fought the rebels", "fighting
against the Peshmerga", "fought in Syria"), and a side fought for ("fighting for ISIS").

Eighteenth round (fresh sample A of round 36): fighting a process or a decision ("vowed to fight the nomination of
the new envoy", "conservative groups fight the senator's confirmation", "vowed to fight the charges in court")
is a political or legal fight, no force and no threat of it (`fought_process`). Kept: any party or place fought.
"""

from __future__ import annotations

from .tree import Frame, Tree, names_word

# Causes and courses one fights for (lemmas and forms).
CAUSES = frozenset({"democracy", "independence", "freedom", "freedoms", "liberty", "right", "rights", "justice",
                    "peace", "existence", "survival", "state", "statehood", "homeland", "autonomy", "equality",
                    "cause", "values", "future", "dignity", "reform", "reforms", "change", "recognition", "self-rule",
                    "sovereignty", "unity", "revolution", "election", "vote", "votes", "seat", "law", "bill", "deal",
                    "plan", "policy", "funding", "money", "job", "jobs", "principle", "principles", "truth"})
# What makes it a fight with a side: the party fought, a place of battle, a comrade.
SIDE_PREPS = ("against", "with", "in", "inside", "alongside", "near", "around", "at", "on", "across", "beside")


def fought_for_cause(tree: Tree, f: Frame) -> bool:
    """'fought for democracy', 'fought for Scotland to remain part of the kingdom': a struggle, no attack."""
    toks = tree.tokens
    v = f.base
    if f.code.event not in ("ASSAULT", "THREATEN") or toks[v].lemma.lower() != "fight" or \
            not f.rule.startswith("svo"):
        return False
    sides = [a for _, a in tree.prep_args(v, SIDE_PREPS)  # "in 2011" is a time, no side
             if toks[a].ent_type not in ("DATE", "TIME", "CARDINAL") and toks[a].tag != "CD"]
    if tree.children(v, {"dobj"}) or sides:
        return False
    courses = [c for c in tree.children(v, {"advcl"})
               if any(toks[k].dep == "mark" and toks[k].lower == "for" for k in tree.kids[c])]  # "for Britain to stay"
    fors = [a for _, a in tree.prep_args(v, ("for",)) if toks[a].ent_type not in ("DATE", "TIME")]  # "for years"
    if not fors:
        return bool(courses)
    if any(tree.prep_args(a, ("against", "with", "alongside")) for a in fors):
        return False  # "fought for independence against Russian troops": the parser hung the side on the cause
    return all(names_word(tree, a, CAUSES) for a in fors)


# Processes, decisions and documents one fights in politics or in court (lemmas and forms).
PROCESSES = frozenset({"nomination", "nominations", "confirmation", "appointment", "bill", "bills", "law", "laws",
                       "legislation", "ruling", "rulings", "decision", "decisions", "charge", "charges", "indictment",
                       "extradition", "deportation", "order", "orders", "measure", "measures", "lawsuit", "suit",
                       "verdict", "conviction", "sentence", "subpoena", "subpoenas", "impeachment", "regulation",
                       "regulations", "rule", "rules", "proposal", "proposals", "plan", "plans", "policy",
                       "policies", "ban", "mandate", "referendum", "result", "results", "budget", "cut", "cuts",
                       "reform", "reforms", "candidacy", "election", "choice", "pick", "nominee"})
FIGHTING = frozenset({"fight", "battle", "combat"})


def fought_process(tree: Tree, f: Frame) -> bool:
    """'vowed to fight the nomination of the new envoy', 'groups fight the senator's confirmation': every object of
    the fight is a process, a decision or a document; no party or place is fought."""
    toks = tree.tokens
    if f.code.event not in ("ASSAULT", "THREATEN"):
        return False
    verbs = [f.base] if toks[f.base].lemma.lower() in FIGHTING else []
    if f.code.event == "THREATEN":
        verbs += [c for c in tree.children(f.base, {"xcomp"}) if toks[c].lemma.lower() in FIGHTING]
    for v in verbs:
        objs = tree.children(v, {"dobj"})
        if objs and not tree.prep_args(v, SIDE_PREPS[:2]) and all(names_word(tree, o, PROCESSES) for o in objs):
            return True
    return False


def drop_reason(tree: Tree, f: Frame) -> str:
    if fought_for_cause(tree, f):
        return "fighting for a cause or a course ('fought for democracy') is a struggle, no use of force"
    if fought_process(tree, f):
        return "fighting a nomination, a law or charges is a political or legal fight, no force and no threat of it"
    return ""


__all__ = ["drop_reason", "fought_for_cause", "fought_process"]
