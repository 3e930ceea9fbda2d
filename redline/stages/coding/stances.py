"""Adjective frames: a party declaring itself bound or open to a cooperative act ("Israel is committed to the peace
treaty with Egypt", "Tehran remains open to talks with Washington"). PLOVER codes a stated willingness to cooperate
as AGREE (CAMEO 03x, "expresses intent to ..."); the verb forms ("agreed to", "pledged to", "is willing to") are
coded by the verb rules.

Eighth round, speech: a party stating its trust in or esteem for another ("the president has full confidence in
the Iraqi government", "expressed faith in Kyiv", "thinks highly of the general") praises or backs it: SUPPORT,
CAMEO 051 (`esteem_frames`); ninth round, also respect or admiration "for" a party ("has great respect for the
general"). A speaker who says a party has the right to defend itself backs it: SUPPORT, CAMEO 052
(`right_frames`)."""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code, Lexicon
from .evaluations import make_frame
from .nominal import act_or_misdeed
from .tree import PASS_SUBJ, Frame, Tree, match_noun, subject_of

# Adjectives of commitment or openness, as the predicate of "be", "remain", "stay" or "seem".
STANCE_ADJECTIVES = frozenset({"committed", "open", "receptive", "amenable"})
COPULAS = frozenset({"be", "remain", "stay", "seem", "appear"})
# What one can be committed or open to that is cooperation: event nouns of these types, an agreement word
# (cues.toml `agreements`), or peace and diplomacy themselves.
COOPERATIVE = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT"})
COOPERATIVE_WORDS = frozenset({"peace", "diplomacy", "compromise", "reconciliation"})
# The CAMEO intent code of each cooperative type (036 intent to meet, 031 to cooperate, ...); the rest is 030.
INTENT = {"CONSULT": "036", "COOPERATE": "031", "AID": "033", "SUPPORT": "032", "CONCEDE": "035", "RETREAT": "035"}


def stance_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """An AGREE frame for each "<party> is committed / open to <cooperation>"."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lower not in STANCE_ADJECTIVES:
            continue
        if t.dep == "acomp":
            h = tree.head(t.i)
            if h is None or toks[h].lemma.lower() not in COPULAS:
                continue
            actors = subject_of(tree, h)
        elif any(toks[k].dep == "auxpass" for k in tree.kids[t.i]):
            h = t.i  # "Israel is committed to the treaty", parsed as a passive
            actors = [x for s in tree.children(h, PASS_SUBJ) for x in tree.conjuncts(s)]
        else:
            continue
        if any(toks[k].tag == "MD" and toks[k].lower not in ("will", "'ll", "wo") for k in tree.kids[h]):
            continue  # "he'd be open to negotiations": a condition on a stance, not one taken (no event to assert)
        for _, a in tree.prep_args(t.i, ("to",)):
            ne = match_noun(tree, a, lex)
            lemma = toks[a].lemma.lower()
            if ne is not None and ne.code.event in COOPERATIVE:
                cameo = INTENT.get(ne.code.event, "030")
            elif lemma in COOPERATIVE_WORDS or lemma in lex.cue("agreements"):
                cameo = "030"
            else:
                continue  # "open to criticism", "committed to fighting terrorism": no cooperation offered
            partners = [x for _, b in tree.prep_args(a, ("with", "between")) + tree.prep_args(t.i, ("with",))
                        for x in tree.conjuncts(b)]
            out.append(Frame(f"stance:{t.lower}+{lemma}", f"{t.lower} to", Code("AGREE", None, cameo), (t.i, t.i + 1),
                             tuple(actors), tuple(partners), h,
                             notes=("a party committed or open to cooperation expresses intent to cooperate: AGREE",)))
            break
    return out


# Trust nouns: "has (full) confidence / faith / trust in X", "expressed confidence in X" (eighth round, speech).
TRUST_NOUNS = frozenset({"confidence", "faith", "trust"})
TRUST_VERBS = frozenset({"have", "express", "voice", "reiterate", "reaffirm", "retain", "place", "put"})
# Quantities that turn trust into its lack ("little confidence", "less faith"): a criticism, not support; "no" is
# read by the factuality stage as a negation.
LACK = frozenset({"little", "less", "no", "lost", "any", "diminished", "waning", "low"})
# Esteem nouns with "for": "has great respect / admiration for X", "expressed admiration for X" (ninth round, speech).
ESTEEM_NOUNS = frozenset({"respect", "admiration", "esteem", "regard"})
# "thinks / speaks highly of X".
ESTEEM_VERBS = frozenset({"think", "speak"})


def esteem_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """A SUPPORT frame for each "<party> has confidence / faith / trust in <party>" and "<party> thinks / speaks
    highly of <party>": esteem a party states for another. The recipient must be a party (`require_recipient`:
    "has confidence in the economy" is none), named or an agent noun (`cues.toml: agents`), not a thing a
    party owns ("the Chinese economy"); the subject is the actor; factuality as for any verb (a negation, "no
    confidence", a condition stay unasserted)."""
    toks = tree.tokens
    out = []
    code = Code("SUPPORT", None, "051")
    for t in toks:
        if t.lemma.lower() in TRUST_NOUNS | ESTEEM_NOUNS and t.dep == "dobj":
            h = tree.head(t.i)
            if h is None or toks[h].lemma.lower() not in TRUST_VERBS:
                continue
            if any(toks[k].lower in LACK for k in tree.kids[t.i]):
                continue
            prep = "in" if t.lemma.lower() in TRUST_NOUNS else "for"
            held = [x for _, a in tree.prep_args(t.i, (prep,)) for x in tree.conjuncts(a)]
            rule, trig = f"esteem:{toks[h].lemma.lower()}+{t.lemma.lower()}", (t.i, t.i + 1)
        elif t.lemma.lower() in ESTEEM_VERBS and any(toks[k].lower == "highly" for k in tree.kids[t.i]):
            h = t.i
            held = [x for _, a in tree.prep_args(h, ("of",)) for x in tree.conjuncts(a)]
            rule, trig = f"esteem:{t.lemma.lower()}+highly", (t.i, t.i + 1)
        else:
            continue
        held = [x for x in held if toks[x].pos == "PROPN" or toks[x].ent_type in ("GPE", "NORP", "ORG", "PERSON")
                or toks[x].lemma.lower() in lex.cue("agents")]
        if not held:
            continue
        out.append(Frame(rule, rule.split(":", 1)[1], code, trig, tuple(subject_of(tree, h)), tuple(held), h,
                         require_recipient=True,
                         notes=("a party stating its trust in or esteem for another backs it: SUPPORT",)))
    return out


# "X has the right to defend itself": what a right backs a party in (ninth round, speech). Only defence and
# existence: "has the right to enrich uranium", "citizens have the right to protest" state a claim on a matter, not
# backing for a party in a conflict.
DEFENCE_VERBS = frozenset({"defend", "protect", "exist", "respond", "retaliate"})
DEFENCE_NOUNS = frozenset({"self-defense", "self-defence", "defense", "defence", "existence"})


def right_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """A SUPPORT frame (CAMEO 052, defend verbally) for "<speaker> said <party> has a / the / every right to defend
    itself / to exist / to self-defence": the speaker backs the party in its conflict. The party is the recipient
    and must be named (a name or a nationality, or an agent noun with one: "the Afghan army"; a bare "the troops"
    is often the speaker's own side justifying itself); a speaker is required (evaluations.py `make_frame`: the
    writer's own "Israel has the right to defend itself" is no event) and is never the party itself ("we have the
    right to defend ourselves" states its own stance). "does not have the right", "has no right" are none."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() != "right" or t.pos != "NOUN" or t.dep != "dobj":
            continue
        h = tree.head(t.i)
        if h is None or toks[h].lemma.lower() != "have" or any(
                toks[k].dep == "neg" or toks[k].lower == "no" for k in tree.kids[h] + tree.kids[t.i]):
            continue
        acts = [k for k in tree.kids[t.i] + tree.kids[h] if toks[k].dep in ("acl", "xcomp") and toks[k].pos == "VERB"]
        defence = any(toks[k].lemma.lower() in DEFENCE_VERBS for k in acts) or any(
            toks[a].lemma.lower() in DEFENCE_NOUNS for _, a in tree.prep_args(t.i, ("to", "of")))
        if not defence:
            continue
        held = [x for x in subject_of(tree, h) if _named(tree, x, lex)]
        if not held:
            continue
        f = make_frame(tree, lex, "right:defend", "has the right to defend", Code("SUPPORT", None, "052"), t.i, h,
                   held, "saying a party has the right to defend itself backs it: SUPPORT")
        if f is not None:
            out.append(f)
    return out


def _named(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A party named by itself ("Israel", "Kyiv", "the Israelis") or an agent noun with a name or a nationality
    ("the Afghan army", "Israel's army"), not a bare agent noun ("the troops")."""
    toks = tree.tokens
    if toks[i].pos == "PROPN" or toks[i].ent_type in ("GPE", "NORP", "ORG", "PERSON"):
        return True
    return toks[i].lemma.lower() in lex.cue("agents") and any(
        toks[k].ent_type in ("GPE", "NORP", "ORG") for k in tree.kids[i] if toks[k].dep in ("amod", "compound", "poss"))


# "assured Caracas of its unconditional support" (tenth round, speech): an assurance whose content is backing itself
# states support now, it promises no act: SUPPORT (CAMEO 051, like "expressed support"), the assured party the
# recipient. Assurances of an act ("assured Kyiv of continued military aid", "assured Israel that it would not
# attack") stay AGREE (decisions.tsv `assure`).
ASSURING = frozenset({"assure", "reassure"})
BACKING_NOUNS = frozenset({"support", "backing", "solidarity", "friendship", "loyalty"})


def assured_support(tree: Tree, frames: list[Frame]) -> list[Frame]:
    """The frames with each AGREE of an assurance "of" backing ("assured X of its support / solidarity") made a
    SUPPORT 051."""
    toks = tree.tokens
    out = []
    for f in frames:
        # the parser hangs "of" on the verb or on its object ("assured the president of its support")
        holders = [f.base] + tree.children(f.base, {"dobj"})
        if f.code.event == "AGREE" and toks[f.base].lemma.lower() in ASSURING and f.trigger[0] == f.base and any(
                toks[a].lemma.lower() in BACKING_NOUNS for h in holders for _, a in tree.prep_args(h, ("of",))):
            f = dataclasses.replace(f, code=Code("SUPPORT", None, "051"), rule=f"{f.rule}+assured-support",
                                    notes=f.notes + ("an assurance of support backs the party assured: SUPPORT",))
        out.append(f)
    return out


# Twelfth round, recall: adjectives of disapproval with the party they are aimed at ("the senator was sharply critical
# of the Chinese government", "I am very disappointed in China", "e-mails critical of Clinton"): ACCUSE/disapprove,
# CAMEO 111, as the verbs criticise and deplore. Only with a named party (or a named party's act) after the
# preposition; a standing attitude ("has long been critical of", "always critical of") is a disposition, no event
# (annotation guide 12).
DISAPPROVING = {"critical": ("of",), "disappointed": ("in", "with"), "angry": ("at", "with"),
                "furious": ("at", "with"), "scathing": ("of", "about")}
# Fourteenth round, verbal: a party appalled, outraged, shocked or troubled by another's act (a named party, or an
# act with a named owner: `_aimed_at`) disapproves of it, as one disappointed in it; "shocked by the floods" names
# no party and is none.
DISAPPROVING |= {word: ("by", "at", "over") for word in (
    "appalled", "outraged", "dismayed", "shocked", "horrified", "disgusted", "angered", "incensed", "troubled",
    "disturbed", "alarmed")} | {"concerned": ("about", "by", "at", "over")}
# Worry is disapproval only of an act or a misdeed ("concerned about Russia's troop build-up"), not of a party's
# plight ("concerned about Ukraine's security"): the owned noun must be one (`nominal.act_or_misdeed`).
WORRIES = frozenset({"concerned", "alarmed", "troubled", "disturbed"})
# the participle of a feeling ("Britain said it was appalled by ...") is the head of a reported clause too
FEELING_CLAUSES = frozenset({"ROOT", "ccomp", "conj"})
FEELING_WORDS = frozenset(w for w, preps in DISAPPROVING.items() if "by" in preps)
STANDING = frozenset({"long", "always", "often", "consistently", "frequently", "traditionally", "generally",
                      "historically", "usually",
                      # seventeenth round: "have grown increasingly critical of", "unrelentingly critical of"
                      "increasingly", "unrelentingly", "relentlessly", "persistently", "continually", "constantly"})
PERFECT = frozenset({"has", "have", "'s", "'ve", "had"})


def _perfect_state(tree: Tree, base: int) -> bool:
    """'has been critical of the U.N.', 'who has been critical of Biden's vote': a present perfect of 'be' states
    an attitude held over time, no act (seventeenth round, precision)."""
    toks = tree.tokens
    return toks[base].lower == "been" and any(toks[k].dep == "aux" and toks[k].lower.replace("\u2019", "'") in PERFECT
                                              for k in tree.kids[base])
# Things a party issues that can carry its criticism ("issued statements critical of X", "a report critical of X").
UTTERANCES = frozenset({"statement", "remark", "comment", "e-mail", "email", "mail", "report", "video", "ad", "advertisement",
                        "letter", "tweet", "post", "column", "editorial", "op-ed", "speech", "message", "resolution"})


def disapproval_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """An ACCUSE/disapprove frame for "<party> is critical of / disappointed in / angry at <party>" and for an
    utterance a party issues that is "critical of <party>" (the issuer is the actor)."""
    toks = tree.tokens
    out = []
    for t in toks:
        preps = DISAPPROVING.get(t.lower)
        if preps is None or t.pos not in ("ADJ", "VERB"):
            continue
        held = [x for _, a in tree.prep_args(t.i, preps) for x in tree.conjuncts(a)
                if _aimed_at(tree, x, lex, acts_only=t.lower in WORRIES)]
        if not held:
            continue
        h = tree.head(t.i)
        if h is None and t.dep != "ROOT":  # a feeling's participle may head the sentence ("X was appalled by Y")
            continue
        if t.dep == "acomp" and toks[h].lemma.lower() in COPULAS | {"become", "grow", "get", "sound"}:
            actors, base = subject_of(tree, h), h
        elif t.dep in ("amod", "acl") and toks[h].lemma.lower() in UTTERANCES:
            g = tree.head(h)  # "issued e-mails critical of Clinton": who issued them; else the owner ("its report")
            actors = subject_of(tree, g) if toks[h].dep in ("dobj", "conj") and g is not None and \
                toks[g].pos == "VERB" else [k for k in tree.kids[h] if toks[k].dep == "poss"]
            base = g if g is not None and toks[g].pos == "VERB" else h
        elif t.dep == "dobj" and toks[h].pos == "VERB" and tree.prep_args(t.i, ("of",)) and any(
                toks[k].lemma.lower() in UTTERANCES for k in tree.children(h, {"dobj"})):
            actors, base = subject_of(tree, h), h  # "issued e-mails critical of X", the adjective parsed as object
        elif t.dep in FEELING_CLAUSES and (t.dep == "ROOT" or t.lower in FEELING_WORDS) and any(
                toks[k].dep == "auxpass" or toks[k].lemma.lower() == "be" for k in tree.kids[t.i]):
            actors, base = [x for s in tree.children(t.i, PASS_SUBJ | {"nsubj"}) for x in tree.conjuncts(s)], t.i
        else:
            continue
        if not actors or any(toks[k].lower in STANDING for k in tree.kids[t.i] + tree.kids[base]):
            continue
        if t.dep == "acomp" and _perfect_state(tree, base) and not any(
                toks[k].lemma.lower() in lex.cue("speech") for k in tree.children(base, {"advcl", "xcomp"})):
            continue  # "has been critical of the plan, saying ...": the words are an act
        if t.lower in FEELING_WORDS and not all(toks[a].pos == "PRON" or _aimed_at(tree, a, lex) for a in actors):
            continue  # "the city was shocked by ...": a feeling of no party named
        out.append(Frame(f"disapproval:{t.lower}", f"{t.lower} {preps[0]}", Code("ACCUSE", "disapprove", "111"),
                         (t.i, t.i + 1), tuple(actors), tuple(held), base,
                         notes=("a party critical of, disappointed in or angry at another disapproves of it",)))
    return out


def _aimed_at(tree: Tree, x: int, lex: Lexicon, acts_only: bool = False) -> bool:
    """A named party, an agent noun, or a noun with a named owner ("the Chinese decision", "Obama's policy");
    acts_only: the owned noun must name an act or a misdeed."""
    toks = tree.tokens
    if _named(tree, x, lex) or toks[x].lemma.lower() in lex.cue("agents") and toks[x].lower != "people":
        return True
    return any(toks[k].dep in ("poss", "amod", "compound") and (toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON")
                                                              or toks[k].pos == "PROPN") for k in tree.kids[x]) \
        and (not acts_only or act_or_misdeed(tree, x, lex))
