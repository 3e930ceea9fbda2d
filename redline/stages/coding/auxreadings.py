"""How an auxiliary reads where it stands (split from factuality.py when it passed 600 lines, nineteenth round):
"'d" that is "had", an auxiliary before the subject that makes a condition, and a yes/no question. Pure functions
over the dependency tree; factuality.py and speech.py decide what the reading means."""

from __future__ import annotations

from .tree import Tree


def contracted_had(tree: Tree, i: int, aux: int) -> bool:
    """Nineteenth round, meetings: "'d" before a past participle is "had" ("said he'd reached a deal with Iran",
    "they'd met twice", "she'd been talking to them"), not "would"; "'d have met" (would have) stays a modal."""
    toks = tree.tokens
    later = [k for k in tree.kids[i] if toks[k].dep in ("aux", "auxpass") and k > aux]
    if any(toks[k].lower in ("have", "'ve") for k in later):
        return False
    # the parser may tag the participle of a regular verb as a past tense ("he'd reached": VBD); 'would' takes a VB
    return toks[i].tag in ("VBN", "VBD") and not later or any(toks[k].lower == "been" for k in later)


def inverted_condition(tree: Tree, i: int, aux: int) -> bool:
    """"should the talks falter", "had Russia attacked", "were the talks to fail": 'should', 'had' or 'were'
    before the subject makes a condition (or a question), never an assertion or an obligation."""
    toks = tree.tokens
    if toks[aux].lower not in ("should", "had", "were"):
        return False
    subj = tree.child(i, {"nsubj", "nsubjpass"})
    return subj is not None and aux < subj < i


def yes_no_question(tree: Tree, i: int, aux: int) -> bool:
    """"Did Russia attack the convoy?", "Is Iran arming the Houthis?": an auxiliary before the subject, no
    wh-word before it (a wh-question takes the act for granted: "Why did China sanction ...?") and a question
    mark after the verb."""
    toks = tree.tokens
    subj = tree.child(i, {"nsubj", "nsubjpass"})
    if subj is None or not aux < subj < i:
        return False
    if any(toks[k].tag in ("WP", "WRB", "WDT", "WP$") for k in range(min(tree.subtree(i)), aux)):
        return False
    return any(t.text == "?" for t in toks[i:])
