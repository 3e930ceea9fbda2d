"""All frames of one sentence: every rule family run over the tree, lemmas repaired, absorbed frames dropped."""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Lexicon
from ...records import Token
from .captives import captive_frames
from .charges import under_frames
from .encounters import meal_frames, meeting_frames, possessed_frames, visit_frames
from .evaluations import evaluation_frames
from .idioms import blamed_deeds
from .inquiries import inquiry_frames
from .raised import raised_frames
from .measures import measure_frames
from .meetings import multilateral_meetings
from .mentions import object_mentions
from .nominal import noun_frames
from .offers import offer_frames
from .protests import outbreak_frames, violent_protests
from .reached import reached_frames
from .reactions import reaction_frames
from .realized import realized_frames
from .retaliation import retaliation_frames
from .signals import signal_frames
from .speech import (
    content_of,
    charge_frames,
    copula_label_frames,
    deontic_frames,
    label_frames,
    participle_targets,
    readiness_frames,
    vowed_force,
    warning_frames,
)
from .spoken import threat_mentions
from .stances import assured_support, disapproval_frames, esteem_frames, right_frames, stance_frames
from .topics import drop_topics
from .tree import (
    Frame,
    Tree,
)
from .ultimatums import penalty_frames, ultimatum_frames
from .verbs import verb_frames
from .verdicts import verdict_frames
from .willingness import willingness_frames

_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""),
                ("s", ""), ("d", ""))

# Irregular past forms of prefixed verbs the small model leaves unlemmatised (twelfth round, recall).
IRREGULAR = {"retook": "retake", "overran": "overrun", "overtook": "overtake", "undertook": "undertake",
             "withdrew": "withdraw", "withheld": "withhold", "shot": "shoot", "struck": "strike", "fled": "flee"}


def repair_lemmas(tokens: tuple[Token, ...], lex: Lexicon) -> tuple[Token, ...]:
    """The small model sometimes lemmatises an inflected verb to another word ("staged" -> "stag"). A verb whose
    lemma is in no lexicon table but whose regular stem is gets that stem as its lemma."""
    out = None
    for t in tokens:
        if t.pos != "VERB" or t.lemma.lower() in lex.verbs or t.lemma.lower() in lex.light:
            continue
        low = t.lower
        if IRREGULAR.get(low) in lex.verbs:  # "retook": the model keeps the past form of a prefixed verb
            out = out or list(tokens)
            out[t.i] = dataclasses.replace(t, lemma=IRREGULAR[low])
            continue
        for suffix, repl in _INFLECTIONS:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                stem = low[: -len(suffix)] + repl
                if stem in lex.verbs or stem in lex.light:
                    out = out or list(tokens)
                    out[t.i] = dataclasses.replace(t, lemma=stem)
                    break
    return tuple(out) if out else tokens


def unfillable(f: Frame) -> bool:
    """The frame needs a recipient and has no argument or place that could give one: the coder drops it."""
    return f.require_recipient and not f.recipients and not f.places and not f.reciprocal


def forecast(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """The content the frame reports carries a modal ("would", "could", "will"): a prediction or a warning."""
    content = set(f.absorbed) | content_of(tree, [f], lex)
    return any(tree.tokens[i].tag == "MD" for i in content)


# Subordinators of a clause that dates an act by another ("rallied after the police arrested their leader").
TIME_MARKS = frozenset({"after", "before", "since", "until", "till", "when", "while", "once"})


def _time_clauses(tree: Tree, frames: list[Frame]) -> set[int]:
    """Tokens of the time clauses inside a protest's clause: a protest's topic ("rallied to demand reforms") is
    its content, also when the protest is itself a time clause ("since Egyptians protested to demand ..."), but a
    clause that dates it ("took to the streets a day after he called for the military to
    oust Maduro") reports an act of its own."""
    toks = tree.tokens
    out: set[int] = set()
    for f in frames:
        if f.code.event != "PROTEST" or not f.rule.startswith(("svo", "passive", "light")):
            continue
        for k in tree.subtree(f.base):
            if k != f.base and toks[k].dep == "advcl" and any(toks[m].dep == "mark" and toks[m].lower in TIME_MARKS
                                              for m in tree.kids[k]):
                out.update(tree.subtree(k))
    return out


def circumstance(tree: Tree, f: Frame) -> bool:
    """A meeting named in the main clause or in a participle clause of it ("Speaking at a news conference with the
    visiting minister, he urged calm"): the occasion of the act, not what the act asks or says (encounters.py)."""
    return f.rule.startswith(("meeting-phrase", "visit-phrase")) and tree.tokens[f.base].dep in ("ROOT", "advcl")


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
            nominal = noun_frames(tree, t.i, lex)
            if not nominal or nominal[0].rule.startswith("nominal-possessor-mention"):
                # harm done in the act or a participle carrying it out says more than a bare mention
                nominal = realized_frames(tree, t.i, lex) or nominal
            frames.extend(nominal)
    frames.extend(object_mentions(tree, lex, frames))
    frames.extend(outbreak_frames(tree, lex, frames))
    frames.extend(under_frames(tree, lex))
    frames.extend(deontic_frames(tree, lex, frames))
    frames.extend(readiness_frames(tree, lex, frames))
    frames.extend(willingness_frames(tree, lex))
    frames.extend(meeting_frames(tree, lex))
    frames.extend(meal_frames(tree, lex))
    frames.extend(visit_frames(tree, lex))
    frames.extend(possessed_frames(tree, lex, frames))
    frames.extend(reached_frames(tree, lex))
    frames.extend(captive_frames(tree, lex))
    frames.extend(stance_frames(tree, lex))
    frames.extend(esteem_frames(tree, lex))
    frames.extend(disapproval_frames(tree, lex))
    frames.extend(right_frames(tree, lex))
    frames.extend(charge_frames(tree))
    frames.extend(verdict_frames(tree, lex))
    frames.extend(label_frames(tree, lex))
    frames.extend(copula_label_frames(tree, lex, frames))
    frames.extend(evaluation_frames(tree, lex, frames))
    frames.extend(measure_frames(tree, lex))
    frames.extend(threat_mentions(tree, lex))
    frames.extend(ultimatum_frames(tree, lex))
    frames.extend(penalty_frames(tree, lex))
    frames.extend(inquiry_frames(tree, lex))
    frames.extend(raised_frames(tree, lex))
    frames = retaliation_frames(tree, lex, frames)
    frames = reaction_frames(tree, lex, frames)
    frames = assured_support(tree, frames)
    frames = offer_frames(tree, frames)
    frames = participle_targets(tree, frames)
    frames = warning_frames(tree, lex, frames)
    frames.extend(signal_frames(tree, lex, frames))
    frames = vowed_force(tree, frames, lex.cue("forceful_manners"))
    frames = multilateral_meetings(tree, frames, lex.cue("gatherings"))
    frames = violent_protests(tree, frames)
    frames = blamed_deeds(tree, frames)
    # a frame that cannot become an event ("warned that Russia had sent troops": warn needs a recipient and names
    # none) leaves what it reports as done to be coded on its own; a forecast it makes ("warned that Russia would
    # violate the truce") stays covered: that is no act of the content's actor, and so does what a request asks
    # for ("ordered killings only when ...")
    standing = [f for f in frames if not unfillable(f) or forecast(tree, f, lex) or f.code.event == "REQUEST"]
    content = content_of(tree, standing, lex) - _time_clauses(tree, standing)
    kept = []
    for f in frames:
        # a frame never absorbs itself ("killed in Israeli airstrikes": the noun's frame covers the verb it
        # hangs on, whose clause it shares)
        absorbed = content | {a for g in standing if g is not f for a in g.absorbed}
        # an act a reaction verb presupposes is not its content ("condemned U.S. air strikes": nominal.reacted_to);
        # the penalty of a demand is the asker's warning, not what is asked ("or face sanctions": ultimatums.py)
        if not f.rule.startswith(("deontic", "nominal-reacted", "ultimatum:or")) and not circumstance(tree, f) and (
                f.trigger[0] in absorbed or (f.trigger[1] - 1) in absorbed or f.base in absorbed):
            notes.append(f"'{tokens[f.trigger[0]].text}' is covered by the matrix event of its governing verb")
            continue
        kept.append(f)
    return drop_topics(tree, kept, lex), notes, tree
