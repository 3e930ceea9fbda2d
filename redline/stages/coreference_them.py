"""Object 'them' (twelfth round, issue 12): "The army detained dozens of protesters and called them terrorists",
"Police dispersed the crowds. Witnesses said officers beat them."

An object "them" is the one plural party named before it in its sentence (not its own clause's subject, which an
object pronoun cannot be) or, when its sentence names none, in the sentence before. A plural party is a plural
agent or group with a code, or two or more coordinated parties (coreference.plural_party). When two plural
parties are in reach ("Government forces and rebels clashed; each side blamed them"), they compete and "them"
stays unresolved: no guess. The mention keeps its antecedent's entity, with the chain as its reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Mention, Sentence, Token
from .coreference import OBJECT_DEPS, Memory, clause_subject, conjunct_heads, plural_party, corefer


def _parties(mentions: Sequence[Mention], toks: Sequence[Token], skip: set[int]) -> dict[int, list[Mention]]:
    """Plural parties among mentions, keyed by the first head of their coordination ("Russia and China" is one)."""
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.head in skip or m.entity.code is None:
            continue
        root = m.head
        while toks[root].dep == "conj" and toks[root].head != root:
            root = toks[root].head  # "Syrian troops and Kurdish fighters": one party, from its first conjunct
        group = conjunct_heads(root, toks)
        members = [x for x in mentions if x.head in group and x.entity.code is not None]
        if plural_party(m, toks, members if len({x.head for x in members}) > 1 else [m]):
            out.setdefault(min(group), []).append(m)
    return out


def them(t: Token, sent: Sentence, text: str, start: int, end: int, memory: Memory,
         before: Sequence[Mention]) -> list[Mention]:
    """Object 'them' -> the one plural party in reach (see the module); an unresolved mention with the reason when
    two compete or none is there."""
    toks = sent.tokens
    if t.lower != "them" or t.dep not in OBJECT_DEPS:
        return []
    own = clause_subject(t, toks)
    skip = conjunct_heads(own, toks) if own is not None else set()
    where, mentions = "this sentence", [m for m in before if m.sentence == sent.index and m.head < t.i]
    found = _parties(mentions, toks, skip)
    if not found:
        prev, prev_mentions = memory.previous
        if prev is not None and prev.index == sent.index - 1:
            where, found = "the sentence before", _parties(prev_mentions, prev.tokens, set())
    if len(found) != 1:
        # two compete ("several plural parties are named"), or none: no mention, as for the pronouns this stage does
        # not resolve (an unresolved object mention would make the coder take "them" for a target it cannot name)
        return []
    members = next(iter(found.values()))
    return [Mention(sent.index, start, end, t.i, text,
                    corefer(m.entity, text, f"'{t.text}' -> '{m.text}', the only plural party named in {where} "
                            f"(sentence {m.sentence})"), "pronoun", (m.sentence, m.head)) for m in members]
