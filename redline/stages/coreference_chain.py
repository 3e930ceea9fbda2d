"""Coreference chains through titles: a definite title that names again a person named before ("the president",
"this president" after "Donald Trump") continues that person's chain, so a later "he" may point back to it.

Without this a title was a dead end for pronouns: "Thornberry said: 'we don't think this president deserves an
honour. The truth is he has tried ...'" left "he" unresolved, because the only male subject before it was the title
and the named men (the president and the opposition leader, named in a relative clause) competed. The title now
counts as a mention of the person it resolved to (their entity, subject or not, gender), with the chain as its
reason; the pronoun rules (coreference.pronoun) then decide as for a name: the subject of the sentence before
first, and no guess when no subject settles it and several people are named.
"""

from __future__ import annotations

import dataclasses

from ..records import Mention
from .coreference import Memory, remember


def remember_title(memory: Memory, title: Mention, subj: bool) -> None:
    """Record a title resolved to an earlier person (`title.antecedent`) as another mention of that person."""
    if title.antecedent is None or title.entity.code is None:
        return
    gender = next((p.gender for p in reversed(memory.people) if (p.sentence, p.head) == title.antecedent), None)
    name = title.entity.identifier_text or next(
        (p.text for p in reversed(memory.people) if (p.sentence, p.head) == title.antecedent), title.text)
    remember(memory, dataclasses.replace(title, text=name), subj, title.entity, person=True, gender=gender)
