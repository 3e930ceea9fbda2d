"""All frames of one sentence: every rule family run over the tree, lemmas repaired, absorbed frames dropped."""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Lexicon
from ...records import Token
from .nominal import noun_frames
from .speech import _content_of, copula_label_frames, deontic_frames, label_frames, warning_frames
from .tree import (
    Frame,
    Tree,
)
from .verbs import verb_frames

_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""),
                ("s", ""), ("d", ""))


def repair_lemmas(tokens: tuple[Token, ...], lex: Lexicon) -> tuple[Token, ...]:
    """The small model sometimes lemmatises an inflected verb to another word ("staged" -> "stag"). A verb whose
    lemma is in no lexicon table but whose regular stem is gets that stem as its lemma."""
    out = None
    for t in tokens:
        if t.pos != "VERB" or t.lemma.lower() in lex.verbs or t.lemma.lower() in lex.light:
            continue
        low = t.lower
        for suffix, repl in _INFLECTIONS:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                stem = low[: -len(suffix)] + repl
                if stem in lex.verbs or stem in lex.light:
                    out = out or list(tokens)
                    out[t.i] = dataclasses.replace(t, lemma=stem)
                    break
    return tuple(out) if out else tokens


def find_frames(tokens: tuple[Token, ...], lex: Lexicon) -> tuple[list[Frame], list[str], Tree]:
    """Every frame in one sentence, plus notes on verbs that matched nothing (for explain)."""
    tree = Tree(repair_lemmas(tokens, lex))
    tokens = tree.tokens
    frames: list[Frame] = []
    notes: list[str] = []
    light_nouns: set[int] = set()
    for t in tokens:
        if t.pos == "VERB" or (t.pos == "AUX" and t.lemma.lower() not in ("be", "have", "do")):
            if t.dep == "amod":
                continue
            fs = verb_frames(tree, t.i, lex)
            frames.extend(fs)
            for f in fs:
                if f.rule.startswith("light:"):
                    light_nouns.add(f.trigger[1] - 1)
            if not fs and t.lemma.lower() in lex.verbs:
                notes.append(f"'{t.text}' is in the lexicon but its required arguments are missing")
    for t in tokens:
        if t.pos in ("NOUN", "PROPN") and t.i not in light_nouns:
            frames.extend(noun_frames(tree, t.i, lex))
    frames.extend(deontic_frames(tree, lex, frames))
    frames.extend(label_frames(tree, lex))
    frames.extend(copula_label_frames(tree, lex, frames))
    frames = warning_frames(tree, lex, frames)
    absorbed = {a for f in frames for a in f.absorbed} | _content_of(tree, frames, lex)
    kept = []
    for f in frames:
        if not f.rule.startswith("deontic") and (f.trigger[0] in absorbed or (f.trigger[1] - 1) in absorbed
                                                 or f.base in absorbed):
            notes.append(f"'{tokens[f.trigger[0]].text}' is covered by the matrix event of its governing verb")
            continue
        kept.append(f)
    return kept, notes, tree
