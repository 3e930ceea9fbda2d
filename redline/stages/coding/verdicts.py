"""Verdicts a court gives: "found X guilty", "X was found guilty of fraud" (SANCTION/convict).

The verb "find" is no event (decisions.tsv: cognition, "found that ..."); with "guilty" or "liable" as the verdict
on a person or body it is a conviction (PLOVER manual, SANCTION mode convict: find an entity guilty or liable in a
court of law or a legally constituted tribunal). The parser hangs the verdict on "find" as a clausal complement
whose subject is the convicted party ("found three officials guilty": ccomp), or, in the passive, as a predicate
of the passive subject ("were found guilty": oprd). An active finder must be a court, a judge, a jury or a
tribunal (cue list `courts`): a report, an inquiry or a panel finding someone guilty of a misdeed is an
allegation, not a conviction. A passive names no finder; the coder then takes the courts of the convicted party's
country (coder.AGENTLESS_CODES).
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import PASS_SUBJ, SUBJ, Frame, Tree, in_places, names_word, subject_of

VERDICTS = frozenset({"guilty", "liable"})
CONVICT = Code("SANCTION", "convict", "116")
NOT = frozenset({"not", "never", "n't"})


def verdict_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """One SANCTION/convict frame per "find ... guilty/liable" with a convicted party and, when active, a court
    (cue list `courts`: "the jury found", "a military tribunal found")."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() != "find" or t.pos != "VERB":
            continue
        for c in tree.children(t.i, {"ccomp", "oprd", "xcomp", "acomp"}):
            if toks[c].lower not in VERDICTS or any(toks[k].lower in NOT for k in tree.kids[c]):
                continue  # "found not guilty" is an acquittal
            passive = bool(tree.children(t.i, PASS_SUBJ)) or any(toks[k].dep == "auxpass" for k in tree.kids[t.i])
            if passive:
                convicted = [x for s in tree.children(t.i, PASS_SUBJ) for x in tree.conjuncts(s)]
                finders = [x for _, a in tree.prep_args(t.i, ("by",)) for x in tree.conjuncts(a)]
            else:
                convicted = [x for s in tree.children(c, SUBJ) + tree.children(t.i, {"dobj"})
                             for x in tree.conjuncts(s)]
                finders = subject_of(tree, t.i)
            if not convicted or (finders and not all(names_word(tree, f, lex.cue("courts")) for f in finders)):
                continue
            rule = "passive:verdict=find" if passive and not finders else "verdict:find"
            out.append(Frame(rule, f"find {toks[c].lower}", CONVICT, (t.i, t.i + 1), tuple(finders),
                             tuple(convicted), t.i, objects=tuple(convicted), places=in_places(tree, [t.i]),
                             notes=(f"'found ... {toks[c].lower}' by a court is a conviction",)))
            break
    return out
