"""The parser's contextual token vectors as features of the learnt veto (fifteenth round).

The parse stage keeps spaCy's tok2vec output (`doc.tensor`, 96 numbers a token in en_core_web_sm) on each
Sentence as float16 bytes (`Sentence.vectors`); this module reads them back with numpy and turns them into named
features: the trigger head's vector (`vec_trigger_K`) and the sentence's mean vector (`vec_sentence_K`), as
the model gives them (the veto's training rescales them to one spread, `evaluate/veto_training.vector_factors`,
and folds that back into the weights). The actor head's vector was tried too and lowered the cross-validated
AUC (docs/coding.md, "Fifteenth round, the veto"). A sentence without
vectors (a hand-built parse, a slimmed document, a model with no tensor, the setting `token_vectors` off)
gives none of these features and scores on the others.
"""

from __future__ import annotations

import numpy as np

from ...records import Sentence, Token

GROUPS = ("vec_trigger", "vec_sentence")


def token_vectors(sent: Sentence) -> np.ndarray | None:
    """The sentence's token vectors as a float32 array (tokens x width), or None when it carries none."""
    n = len(sent.tokens)
    if not sent.vectors or not n or len(sent.vectors) % (2 * n):
        return None
    return np.frombuffer(sent.vectors, dtype=np.float16).reshape(n, -1).astype(np.float32)


def _named(prefix: str, vector: np.ndarray) -> dict[str, float]:
    return {f"{prefix}_{k}": round(float(v), 4) for k, v in enumerate(vector)}


def vector_features(sent: Sentence, head: Token | None) -> dict[str, float]:
    """The vector features of one event: its trigger head's vector (left out when the head is unknown) and its
    sentence's mean vector."""
    vectors = token_vectors(sent)
    if vectors is None:
        return {}
    out: dict[str, float] = {}
    if head is not None and 0 <= head.i < len(vectors):
        out.update(_named("vec_trigger", vectors[head.i]))
    out.update(_named("vec_sentence", vectors.mean(axis=0)))
    return out
