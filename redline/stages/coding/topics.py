"""Topics are not parties: what an event is *over*, *on* or *about* is no recipient when a party is already named.

"warned the United States over Taiwan", "sanctioned Russia over Ukraine", "pressed Russia on Ukraine", "met with
Germany on Ukraine", "held talks on North Korea": the country after over/on/about is what the act concerns, not
whom it is aimed at. RECIPIENT_PREPS keeps "over" and "on" because they do name the target when nothing else does
("imposed sanctions on Russia", "cracked down on protesters", "clashed over the border with police"); this pass
takes them out only where the frame has another party to aim at (the one spoken *to* is none: "complained to the
UN over Israeli raids" aims at Israel), or where the event is talks, which concern their topic and are held with
someone else.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Lexicon
from .tree import Frame, Tree
from .verbargs import party_like

TOPIC_PREPS = frozenset({"over", "on", "about", "regarding", "concerning"})
ADDRESSEE_PREPS = frozenset({"to", "toward", "towards"})
BLAME_WORDS = frozenset({"blame", "pin"})
# an "on" phrase names the target of these events when nothing else does; an "over" phrase never outranks one
WEAK_PREPS = {"over": frozenset({"over", "about", "regarding", "concerning"}),
              "on": frozenset({"over", "on", "about", "regarding", "concerning"})}


def topic_prep(tree: Tree, node: int) -> str | None:
    """The topic preposition whose object the node is (through conjuncts: "over Crimea and Donbas"), or None."""
    word = prep_word(tree, node)
    return word if word in TOPIC_PREPS else None


def prep_word(tree: Tree, node: int) -> str | None:
    """The preposition whose object the node is (through conjuncts), or None."""
    toks = tree.tokens
    seen = 0
    while toks[node].dep == "conj" and toks[node].head != node and seen < 8:
        node, seen = toks[node].head, seen + 1
    if toks[node].dep == "compound":  # "with President Assad Tuesday": the name under a date head
        node = toks[node].head
    if toks[node].dep not in ("pobj", "pcomp"):
        return None
    prep = toks[node].head
    return toks[prep].lower if toks[prep].dep == "prep" else None


# Pronouns that stand for parties; "which", "that", "it" mostly stand for things ("the situation in Libya, which
# he blamed on Clinton": the one blamed is in the 'on' phrase)
PARTY_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them", "we", "us", "i", "me", "you", "who", "whom"})


def drop_topics(tree: Tree, frames: list[Frame], lex: Lexicon) -> list[Frame]:
    """Frames with topic phrases removed from their recipients (see the module docstring)."""
    out = []
    for f in frames:
        own = f.entry.split()[-1] if f.entry else ""  # "agree on", "crack down on": the entry's own preposition
        words = {tree.tokens[i].lemma.lower() for i in (f.base, *range(*f.trigger))}
        if words & BLAME_WORDS:
            own = "on"  # "which he blamed on Clinton", "laid the blame on Russia": the one blamed
        preps = {r: topic_prep(tree, r) for r in f.recipients}
        topical = {r for r, p in preps.items() if p and p != own}
        if not topical:
            out.append(f)
            continue
        if f.code.event == "CONSULT":
            drop = topical  # talks, meetings and calls are held with a party and concern their topic
        else:
            drop = set()
            for r in topical:
                weaker = WEAK_PREPS.get(preps[r], frozenset({preps[r]}))
                # the one spoken to is no target: "complained to the UN over Israeli raids" accuses Israel
                if any(s not in topical or preps[s] not in weaker for s in f.recipients
                       if s != r and party_like(tree, s, lex, PARTY_PRONOUNS) and prep_word(tree, s) not in ADDRESSEE_PREPS):
                    drop.add(r)
            drop |= {r for r in topical if preps[r] in ("about", "regarding", "concerning")}
        if not drop:
            out.append(f)
            continue
        names = ", ".join(sorted({tree.tokens[r].text for r in drop}))
        out.append(dataclasses.replace(
            f, recipients=tuple(r for r in f.recipients if r not in drop),
            notes=f.notes + (f"'{names}': the topic of the act (over/on/about), not its recipient",)))
    return out
