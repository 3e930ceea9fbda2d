"""The author of a thing named again without it (thirteenth actors round, issue 12).

An article names a measure, a proposal or an attack with whoever made it ("the sanctions imposed by the EU",
"Turkey's promise", "Congress passed a resolution", "the Israeli air raids") and later only as "the sanctions",
"that promise", "the resolution", "the air raids". A stance on it (condemning, rejecting, backing it) is aimed at
its author: the dev gold codes "Moscow called the sanctions destructive" as aimed at the EU and the US that
imposed them, "pledged to veto that resolution" as aimed at the Congress that would pass it. The authors are those
named on the thing before: its possessor, a country on its own phrase, its "by" or "from" agent (on it or on a
participle: "imposed by"), or the subject of the verb whose object it is ("the EU imposed sanctions"). The actor's
own countries are left out (backing one's own measure is aimed at no one; a naming with the actor as sole author is
skipped, as pacts.pact_partners skips it); when the thing was named before with different authors, nothing is
guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...records import Entity, Mention, Sentence
from .arguments import Argument, is_country
from .pacts import codes_at, nouns_named_before, pact_object
from .tree import Frame, Tree

# Things made by a party that a stance is aimed at through their author.
AUTHORED = frozenset({"sanction", "sanctions", "resolution", "proposal", "plan", "promise", "pledge", "raid",
                      "airstrike", "strike", "bombing", "offensive", "vote", "referendum", "decision", "bill",
                      "policy", "offer", "demand", "ultimatum", "crackdown", "annexation", "invasion", "coup",
                      "blockade", "embargo", "ban", "moratorium"})
STANCE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# Verbs whose subject makes the thing that is their object ("imposed sanctions", "passed a resolution").
MAKING = frozenset({"impose", "pass", "adopt", "propose", "make", "launch", "carry", "announce", "draft", "offer",
                    "issue", "introduce", "unveil", "table", "declare", "order", "hold", "stage", "mount", "put"})


def _author_heads(tree: Tree, k: int) -> list[int]:
    """Heads of the phrases that name who made the thing k in its own sentence."""
    toks = tree.tokens
    out = list(tree.children(k, {"poss", "compound", "amod", "nmod"}))
    for v in [k] + [c for c in tree.children(k, {"acl"}) if toks[c].pos == "VERB"]:
        for p in tree.kids[v]:
            if toks[p].lower == "by" and toks[p].dep in ("agent", "prep") or \
                    v == k and toks[p].lower == "from" and toks[p].dep == "prep":
                out += [x for o in tree.children(p, {"pobj"}) for x in tree.conjuncts(o)]
    head = toks[k].head
    if toks[k].dep == "dobj" and head != k and toks[head].lemma.lower() in MAKING:
        out += [x for s in tree.children(head, {"nsubj"}) for x in tree.conjuncts(s)]
    return out


def things_named(sentences: Sequence[Sentence], mentions: Sequence[Mention], before: int, lemma: str,
                 name_code=None) -> list[tuple[int, set[str]]]:
    """(sentence, authors' country codes) of each time the article names a thing of this lemma with its author
    before sentence `before`."""
    def authors(tree: Tree, i: int, here: Sequence[Mention]) -> set[str]:
        return codes_at(here, _author_heads(tree, i), tree.tokens, name_code)
    return nouns_named_before(sentences, mentions, before, lemma.__eq__, authors)


def thing_authors(tree: Tree, f: Frame, actors: list[Argument], mentions_here: Sequence[Mention],
                  sentences: Sequence[Sentence], mentions: Sequence[Mention], index: int, trace: list[str],
                  name_code=None) -> list[Argument]:
    """The authors of the measure, proposal or attack a stance is on, when it is named again with no author ("the
    sanctions") and the article named it with its author before; [] otherwise. Arguments as pacts.pact_partners."""
    if f.code.event not in STANCE_TYPES:
        return []
    k = pact_object(tree, f.base, AUTHORED)
    if k is None or codes_at(mentions_here, _author_heads(tree, k), tree.tokens, name_code):
        return []  # "the EU sanctions": its own phrase names the author (the target rules take it)
    own = {a.entity.code for a in actors if a.entity.code}
    lemma = tree.tokens[k].lemma.lower()
    named = [(s, codes - own) for s, codes in things_named(sentences, mentions, index, lemma, name_code)]
    named = [(s, codes) for s, codes in named if codes]  # the actor's own measure is no other author (as pacts)
    if not named or len({frozenset(c) for _, c in named}) > 1:
        if len({frozenset(c) for _, c in named}) > 1:
            trace.append(f"recipient: '{tree.tokens[k].text}' was named before by different authors: no guess")
        return []
    s, codes = named[-1]
    word = tree.tokens[k].lower
    trace.append(f"recipient: '{tree.tokens[k].text}' is the {word} named in sentence {s} as made by "
                 f"{', '.join(sorted(codes))}: the stance is aimed at its author")
    return [Argument(Entity(entity_text=tree.tokens[k].text, code=c, sector="GOV" if is_country(c) else None, reason=(
        f"the {word} named in sentence {s} as made by {c}: the author of the thing the {f.code.event} is on")), k,
        "author of the thing named before") for c in sorted(codes)]
