"""Drop-in replacements for two of spaCy's rule components: the same output, computed an array at a time.

In `en_core_web_sm` the attribute ruler and the rule lemmatizer cost a quarter of the model's time on news
text (measured: 52 and 29 microseconds per token), because spaCy's versions run a 179-pattern token
matcher and a Python method per token. Both compute a pure function of a few token attributes, so each
result is cached by those attributes and written back with `Doc.from_array`:

- `FastAttributeRuler` evaluates the ruler's own patterns (single tokens, and the few two-token patterns
  such as "gon na") and applies their attributes in the ruler's order (a later pattern wins), as spaCy's
  `AttributeRuler.set_annotations` does. Patterns using anything else than TAG, LOWER, DEP, IS_SPACE with
  equality, IN, NOT_IN or REGEX make `replace_rule_components` keep spaCy's component.
- `FastLemmatizer` caches spaCy's own `rule_lemmatize` result by (ORTH, POS, MORPH), the key spaCy itself
  caches on (spaCy skips its cache for base forms; the function is the same).

Used by `stages/parse.py` only (this module is part of the parse stage, the one place that imports spaCy).
`tests/test_parse_fast.py` checks every token attribute against spaCy's components on real articles.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

log = logging.getLogger(__name__)

_TOKEN_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_BULK = (POS, MORPH, LEMMA)  # attributes written with from_array; any other one goes through set_token_attrs


class UnsupportedPattern(ValueError):
    """A ruler pattern this module cannot evaluate (spaCy's component is then kept)."""


def _predicate(spec: dict) -> tuple[Callable[[tuple], bool], frozenset[str] | None, bool]:
    """One token pattern -> (test over (tag, lower, dep, is_space), the LOWER values it needs or None,
    whether it tests LOWER at all)."""
    tests = []
    lowers: frozenset[str] | None = None
    for key, value in spec.items():
        if key not in _TOKEN_KEYS:
            raise UnsupportedPattern(f"token attribute {key}")
        pos = ("TAG", "LOWER", "DEP", "IS_SPACE").index(key)
        if isinstance(value, dict):
            if len(value) != 1:
                raise UnsupportedPattern(f"{key}: {value}")
            (op, arg), = value.items()
            if op == "IN":
                allowed = frozenset(arg)
                tests.append(lambda t, p=pos, a=allowed: t[p] in a)
                if key == "LOWER":
                    lowers = allowed
            elif op == "NOT_IN":
                banned = frozenset(arg)
                tests.append(lambda t, p=pos, b=banned: t[p] not in b)
            elif op == "REGEX":
                rx = re.compile(arg)
                tests.append(lambda t, p=pos, r=rx: isinstance(t[p], str) and bool(r.search(t[p])))
            else:
                raise UnsupportedPattern(f"{key}: operator {op}")
        elif isinstance(value, (str, bool)):
            tests.append(lambda t, p=pos, v=value: t[p] == v)
            if key == "LOWER":
                lowers = frozenset([value])
        else:
            raise UnsupportedPattern(f"{key}: {value!r}")
    return (lambda t: all(f(t) for f in tests)), lowers, "LOWER" in spec


class FastAttributeRuler:
    """spaCy's AttributeRuler, same patterns and same result, cached by (TAG, LOWER, DEP, IS_SPACE)."""

    def __init__(self, ruler) -> None:
        self.vocab = ruler.vocab
        self._attrs: list[dict] = list(ruler.attrs)
        self._shape_rules: list[tuple[int, Callable]] = []  # one-token patterns that do not test LOWER
        self._by_lower: dict[str, list[tuple[int, Callable]]] = {}  # LOWER equality / IN patterns by value
        self._lower_scan: list[tuple[int, Callable]] = []  # other LOWER tests (REGEX, NOT_IN): tried on each word
        self._multi: list[tuple[int, list[Callable], int]] = []  # (rule id, predicates, index)
        for rule_id in range(len(ruler.attrs)):
            index = ruler.indices[rule_id]
            for pattern in ruler.matcher.get(str(rule_id))[1]:
                if any("OP" in tok for tok in pattern):
                    raise UnsupportedPattern("operators")
                preds = [_predicate(tok) for tok in pattern]
                if len(preds) > 1:
                    self._multi.append((rule_id, [p for p, _, _ in preds], index if index >= 0 else len(preds) + index))
                    continue
                if index not in (0, -1):
                    raise UnsupportedPattern(f"index {index} of a one-token pattern")
                pred, lowers, tests_lower = preds[0]
                if lowers is not None:
                    for word in lowers:
                        self._by_lower.setdefault(word, []).append((rule_id, pred))
                elif tests_lower:
                    self._lower_scan.append((rule_id, pred))
                else:
                    self._shape_rules.append((rule_id, pred))
        self._shapes: dict[tuple, tuple[int, ...]] = {}
        self._cache: dict[tuple, tuple[tuple[int, ...], int]] = {}  # by attribute hashes

    def _rules(self, key: tuple) -> tuple[tuple[int, ...], int]:
        """(rules of one-token patterns matching a token with this key, bit mask of multi-token positions)."""
        tag, lower, dep, space = key
        shape = self._shapes.get((tag, dep, space))
        if shape is None:
            shape = self._shapes[(tag, dep, space)] = tuple(r for r, pred in self._shape_rules if pred(key))
        extra = [r for r, pred in self._by_lower.get(lower, ()) if pred(key)]
        extra += [r for r, pred in self._lower_scan if pred(key)]
        single = tuple(sorted((*shape, *extra))) if extra else shape
        mask = 0
        bit = 1
        for _, preds, _ in self._multi:
            for pred in preds:
                if pred(key):
                    mask |= bit
                bit <<= 1
        return single, mask

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        strings = self.vocab.strings
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA])
        cache = self._cache
        found = []
        for row in arr[:, :4].tolist():
            key = tuple(row)
            hit = cache.get(key)
            if hit is None:
                t, lo, d, s = row
                hit = cache[key] = self._rules((strings[t], strings[lo], strings[d], bool(s)))
            found.append(hit)
        applied: list[tuple[int, ...] | list[int]] = [f[0] for f in found]
        if self._multi:
            masks = [f[1] for f in found]
            for start in [i for i, m in enumerate(masks) if m]:
                shift = 0
                for rule_id, preds, index in self._multi:
                    width = len(preds)
                    if start + width <= n and all(masks[start + j] >> (shift + j) & 1 for j in range(width)):
                        applied[start + index] = [*applied[start + index], rule_id]
                    shift += width
        out = arr[:, 4:].copy()
        other: list[tuple[int, dict]] = []
        for i, rules in enumerate(applied):
            if not rules:
                continue
            final: dict = {}
            for rule_id in sorted(rules):  # spaCy applies matches in rule order: a later rule wins
                final.update(self._attrs[rule_id])
            for col, attr in enumerate(_BULK):
                if attr in final:
                    out[i, col] = final.pop(attr)
            if final:
                other.append((i, final))
        doc.from_array(list(_BULK), out)
        for i, attrs in other:
            set_token_attrs(doc[i], attrs)
        return doc


class FastLemmatizer:
    """spaCy's rule lemmatizer with its result cached by (ORTH, POS, MORPH) and written with from_array."""

    def __init__(self, lemmatizer) -> None:
        self._lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._overwrite = lemmatizer.overwrite
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        strings = self.vocab.strings
        cache = self._cache
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not self._overwrite:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = strings.add(self._lemmatizer.lemmatize(doc[i])[0])
                cache[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.astype(np.uint64))
        return doc


@Language.factory("redline_attribute_ruler")
def _make_ruler(nlp: Language, name: str, source: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe(source))


@Language.factory("redline_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str, source: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.get_pipe(source))


def replace_rule_components(nlp: Language) -> list[str]:
    """Swap the model's attribute ruler and rule lemmatizer for the fast ones; return the names swapped.

    A component this module cannot reproduce exactly (another lemmatizer mode, an unsupported pattern) is
    left as it is.
    """
    swapped = []
    for name, factory, ok in (
        ("attribute_ruler", "redline_attribute_ruler", lambda p: type(p).__name__ == "AttributeRuler"),
        ("lemmatizer", "redline_lemmatizer",
         lambda p: getattr(p, "mode", None) == "rule" and hasattr(p, "lemmatize")),
    ):
        if name not in nlp.pipe_names or not ok(nlp.get_pipe(name)):
            continue
        try:
            nlp.add_pipe(factory, name=f"{name}_fast", after=name, config={"source": name})
        except UnsupportedPattern as exc:
            log.info("keeping spaCy's %s: %s", name, exc)
            continue
        nlp.remove_pipe(name)
        swapped.append(name)
    return swapped
