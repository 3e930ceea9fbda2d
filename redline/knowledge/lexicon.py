"""The event lexicon: verbs, phrasal verbs, light verbs + event nouns, and the cue words of the grammar.

Data files (knowledge/data/lexicon/): verbs.txt, nouns.txt, light.txt, cues.toml, all written for redline.
Everything is precomputed into dicts keyed by lemma, so the coder does one dict lookup per token.
A malformed line is a KnowledgeError naming file, line and problem.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError
from .ontology import Ontology, load_ontology

VERB_FLAGS = {"xcomp", "own", "from", "recip", "inverse", "speech", "swap", "crowd", "force", "undo", "person", "staff",
              "staffsubj", "ask", "closure", "intrans", "notforce", "needcomp", "subjunctive", "pick",
              "askonly", "retort", "referral", "crowdonly", "forcesubj", "tocomp"}
CUE_LISTS = ("speech", "belief", "future", "hypothetical", "negating", "transparent", "possible_modals",
             "future_modals", "hypothetical_modals", "negation", "conditional", "future_frames", "possible_frames",
             "agents", "intent_frames", "crowd", "forces", "staff", "quantity", "claims", "figurative", "closures", "policies",
             "captives", "targets", "aid_objects", "agreements", "rejectables", "offerables", "supportables",
             "access_objects", "cooperative_acts", "parties", "comment_verbs", "organisations", "audiences", "labels_accuse",
             "condemnations", "labels_accuse_negated", "labels_threaten", "cyber", "missiles", "crowd_weapons", "chemical_arms", "abstract_objects", "disasters", "regional_constructs", "cuttables",
             "figurative_modifiers", "figurative_nouns", "trade_objects", "defiables", "computer_systems",
             "commerce", "own_activities", "doubtables", "cooperative_roles", "intangibles",
             "candidacies", "framings", "premises", "requestables", "gatherings", "investigators", "funds",
             "expected_acts", "assistance_acts",
             "projectiles", "protesters", "messages", "weaponry", "sums", "penalties", "media", "public_goods", "streets", "jobs", "backs",
             "memberships", "examinables", "offensives", "undertakings", "political_processes", "deportees", "withheld_goods",
             "debts", "exercises", "goods", "police_forces", "militia_forces", "weapon_forces", "courts",
             "hostilities", "admittees", "faults_owned", "blame_words", "bombs", "arms_given", "endangered")
# Lists that include others, so that a word a narrower list holds is written once: (list, the lists it includes).
INCLUDED_CUES = (("forces", ("police_forces", "militia_forces", "weapon_forces")), ("investigators", ("courts",)),
                ("offensives", ("hostilities",)),
                ("arms_given", ("weaponry",)))
# The word lists of evaluations.toml (evaluative reported speech), merged into the cue lists.
EVALUATION_LISTS = ("disapproving_labels", "condemning_words", "label_frames", "disapproved_grounds",
                    "grounds_participles", "misdeeds", "alleged_misdeeds", "breaking_verbs", "broken_rules", "material_breaches", "consequences", "consequence_verbs", "harm_verbs", "harm_phrases",
                    "suffering_verbs", "punishments", "culprit_nouns", "culprit_pronouns", "answers", "demand_nouns", "readiness_verbs", "force_context",
                    "measure_nouns", "measure_verbs", "weighing_verbs", "reprisal_nouns", "reprisal_modifiers",
                    "disapproving_reactions", "approving_reactions",
                    "spoken_threat_modifiers", "threat_state_modifiers",
                    "drawing_verbs", "criticisable", "forceful_manners", "called_verdicts")


@dataclass(frozen=True, slots=True)
class Code:
    """An event code: PLOVER type, mode and CAMEO code."""

    event: str
    mode: str | None
    cameo: str


# "lemma | NONE | -" (user lexicons): with this entry the verb is no event ("abandon | NONE | - | pick obj=plans")
NO_EVENT = Code("NONE", None, "-")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb (with optional particle/preposition) that names an event. need: "obj", "rcpt", or a preposition."""

    lemma: str
    particle: str | None
    code: Code
    flags: frozenset[str] = frozenset()
    need: str | None = None
    line: int = 0
    obj: str | None = None  # cue list the object must come from when it is not itself a party ("release" captives)

    @property
    def key(self) -> str:
        return f"{self.lemma} {self.particle}" if self.particle else self.lemma


@dataclass(frozen=True, slots=True)
class NounEntry:
    """An event noun (one or more words; `words` are lemmas, the last one the head)."""

    words: tuple[str, ...]
    code: Code
    flags: frozenset[str] = frozenset()
    only_with: frozenset[str] = frozenset()  # when set, an event only as object of these verbs
    of_list: str | None = None  # when set, an event only with an "of" argument from this cue list ("transfer of arms")

    @property
    def key(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class LightVerb:
    """A verb whose event comes from its object noun. role: "agent" (subject acts) or "patient" (subject undergoes)."""

    lemma: str
    particle: str | None
    role: str
    overrides: dict[str, Code] = field(default_factory=dict)
    types: frozenset[str] = frozenset()  # when set, only nouns of these event types (after overrides) count

    def keeps(self, code: Code) -> bool:
        """Whether a noun of this code makes an event with this verb: no types listed, or its type or its
        "TYPE/mode" among them ("respect | agent | | RETREAT/ceasefire": a truce kept, not a resignation)."""
        return not self.types or code.event in self.types or f"{code.event}/{code.mode}" in self.types


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[VerbEntry, ...]]  # by verb lemma; entries with a particle first
    nouns: dict[str, tuple[NounEntry, ...]]  # by head lemma; longer entries first
    light: dict[str, tuple[LightVerb, ...]]
    cues: dict[str, frozenset[str]]

    def cue(self, name: str) -> frozenset[str]:
        return self.cues[name]


def _read(name: str) -> str:
    return resources.files("redline.knowledge").joinpath("data/lexicon", name).read_text(encoding="utf-8")


def _rows(text: str):
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, [p.strip() for p in line.split("|")]


def _code(spec: str, cameo: str, onto: Ontology, where: str) -> Code:
    event, _, mode = spec.partition("/")
    if event not in onto.types:
        raise KnowledgeError(f"{where}: unknown PLOVER type {event!r}")
    if mode and mode not in onto.types[event].modes:
        raise KnowledgeError(f"{where}: {event} has no mode {mode!r}")
    if cameo not in onto.cameo:
        raise KnowledgeError(f"{where}: unknown CAMEO code {cameo!r}")
    return Code(event, mode or None, cameo)


def parse_verbs(text: str, onto: Ontology, fname: str = "verbs.txt", *,
                cue_names: Collection[str] = CUE_LISTS) -> dict[str, tuple[VerbEntry, ...]]:
    """verbs.txt lines -> entries by lemma. cue_names: the word lists obj= may name (a user lexicon adds its own)."""
    out: dict[str, list[VerbEntry]] = {}
    for n, parts in _rows(text):
        where = f"{fname}:{n}"
        if len(parts) not in (3, 4):
            raise KnowledgeError(f"{where}: expected 'lemma | TYPE[/mode] | CAMEO [| flags]'")
        words = parts[0].lower().split()
        if not words or len(words) > 3:
            raise KnowledgeError(f"{where}: bad verb {parts[0]!r}")
        flags, need, obj = set(), None, None
        for f in (parts[3].split() if len(parts) == 4 else []):
            if f.startswith("need="):
                need = f[5:]
            elif f.startswith("obj="):
                obj = f[4:]
                if obj not in cue_names:
                    raise KnowledgeError(f"{where}: obj={obj}: no such word list in cues.toml")
            elif f in VERB_FLAGS:
                flags.add(f)
            else:
                raise KnowledgeError(f"{where}: unknown flag {f!r} (known: {', '.join(sorted(VERB_FLAGS))}, "
                                     "need=, obj=)")
        if "pick" in flags and obj is None:
            raise KnowledgeError(f"{where}: pick needs obj=LIST (the words that pick this entry)")
        code = NO_EVENT if parts[1] == "NONE" and parts[2] == "-" else _code(parts[1], parts[2], onto, where)
        entry = VerbEntry(words[0], " ".join(words[1:]) or None, code, frozenset(flags), need, n, obj)
        out.setdefault(words[0], []).append(entry)
    return {k: tuple(sorted(v, key=verb_order)) for k, v in out.items()}


def verb_order(e: VerbEntry) -> tuple[bool, bool]:
    """Entries of one verb are tried in this order: with a particle first, then `pick` entries before the rest."""
    return e.particle is None, "pick" not in e.flags


def parse_nouns(text: str, onto: Ontology, fname: str = "nouns.txt", *,
                cue_names: Collection[str] = CUE_LISTS) -> dict[str, tuple[NounEntry, ...]]:
    out: dict[str, list[NounEntry]] = {}
    for n, parts in _rows(text):
        where = f"{fname}:{n}"
        if len(parts) not in (3, 4):
            raise KnowledgeError(f"{where}: expected 'noun | TYPE[/mode] | CAMEO [| flags]'")
        words = tuple(parts[0].lower().split())
        if not words:
            raise KnowledgeError(f"{where}: empty noun")
        flags, only, of_list = set(), frozenset(), None
        for f in (parts[3].split() if len(parts) == 4 else []):
            if f.startswith("with="):
                only = frozenset(w for w in f[5:].split(",") if w)
            elif f.startswith("of="):
                of_list = f[3:]
                if of_list not in cue_names:
                    raise KnowledgeError(f"{where}: of={of_list}: no such word list in cues.toml")
            elif f in ("recip", "copula", "onstate"):
                flags.add(f)
            else:
                raise KnowledgeError(f"{where}: unknown flag {f!r} (known: copula, onstate, recip, with=, of=)")
        entry = NounEntry(words, _code(parts[1], parts[2], onto, where), frozenset(flags), only, of_list)
        out.setdefault(words[-1], []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in out.items()}


def parse_light(text: str, onto: Ontology, fname: str = "light.txt") -> dict[str, tuple[LightVerb, ...]]:
    out: dict[str, list[LightVerb]] = {}
    for n, parts in _rows(text):
        where = f"{fname}:{n}"
        if len(parts) not in (3, 4):
            raise KnowledgeError(f"{where}: expected 'lemma | role | overrides [| types]'")
        words = parts[0].lower().split()
        if parts[1] not in ("agent", "patient"):
            raise KnowledgeError(f"{where}: role must be 'agent' or 'patient', not {parts[1]!r}")
        overrides = {}
        for pair in parts[2].split():
            noun, eq, spec = pair.partition("=")
            typ, colon, cameo = spec.partition(":")
            if not (eq and colon):
                raise KnowledgeError(f"{where}: override {pair!r} is not noun=TYPE[/mode]:CAMEO")
            overrides[noun] = _code(typ, cameo, onto, where)
        types = frozenset(parts[3].split()) if len(parts) == 4 else frozenset()
        unknown = [t for t in types if t.partition("/")[0] not in onto.types
                   or "/" in t and t.partition("/")[2] not in onto.types[t.partition("/")[0]].modes]
        if unknown:
            raise KnowledgeError(f"{where}: unknown PLOVER type(s) {unknown}")
        out.setdefault(words[0], []).append(LightVerb(words[0], " ".join(words[1:]) or None, parts[1], overrides,
                                                      types))
    return {k: tuple(sorted(v, key=lambda e: e.particle is None)) for k, v in out.items()}


def parse_cues(text: str, fname: str = "cues.toml", required: tuple[str, ...] = CUE_LISTS) -> dict[str, frozenset[str]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{fname}: {exc}") from exc
    missing = [k for k in required if k not in data]
    if missing:
        raise KnowledgeError(f"{fname}: missing list(s) {missing}")
    out = {}
    for k, v in data.items():
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise KnowledgeError(f"{fname}: {k} must be a list of strings")
        out[k] = frozenset(w.lower() for w in v)
    for name, parts in INCLUDED_CUES:
        if name in out:
            out[name] = out[name].union(*(out.get(p, ()) for p in parts))
    return out


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The built-in lexicon (parsed and validated against the ontology once per process)."""
    onto = load_ontology()
    cues = parse_cues(_read("cues.toml"))
    evaluations = parse_cues(_read("evaluations.toml"), "evaluations.toml", EVALUATION_LISTS)
    clash = sorted(set(cues) & set(evaluations))
    if clash:
        raise KnowledgeError(f"evaluations.toml: list(s) {clash} already defined in cues.toml")
    return Lexicon(parse_verbs(_read("verbs.txt"), onto), parse_nouns(_read("nouns.txt"), onto),
                   parse_light(_read("light.txt"), onto), {**cues, **evaluations})


def load_lexicon(user_file: str | Path | None = None) -> Lexicon:
    """The built-in lexicon; with `user_file`, a user lexicon file layered over it (lexicon_user.py, docs/coding.md)."""
    if not user_file:
        return builtin_lexicon()
    from .lexicon_user import layered_lexicon

    return layered_lexicon(user_file)
