"""Speech rules: who reports a clause (claim source), reported obligations ("Y must ...") and the content of
speech acts, demands and protests, which is not coded as events of its own."""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code, Lexicon
from .tree import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    Frame,
    Tree,
    subject_of,
)
from .auxreadings import inverted_condition
from .reactions import named_party
from .verbs import refine_code


def claim_source(tree: Tree, base: int, speech: frozenset[str]) -> tuple[int | None, list[int]]:
    """The speech verb reporting the clause of `base` (if any) and its subject heads."""
    toks = tree.tokens
    i = base
    for _ in range(8):
        for k in tree.kids[i]:
            if toks[k].dep in ("parataxis", "ccomp") and toks[k].lemma.lower() in speech and k != base and k > base:
                return k, subject_of(tree, k)
        h = tree.head(i)
        if h is None:
            return None, []
        if toks[h].lemma.lower() in speech and toks[i].dep in ("ccomp", "parataxis"):
            return h, subject_of(tree, h)
        if toks[i].dep not in ("conj", "xcomp", "ccomp", "parataxis", "dobj", "pobj", "prep", "attr", "acl"):
            return None, []
        i = h
    return None, []


def said_of(tree: Tree, i: int) -> list[int]:
    """The party a pronoun subject stands for when the statement is said "of" it: '"He is a liar," she said of the
    general' -> the general; nothing otherwise."""
    toks = tree.tokens
    if toks[i].pos != "PRON":
        return []
    h = tree.head(i)
    verb, _ = claim_source(tree, h if h is not None else i, frozenset({"say", "write", "tell", "add"}))
    if verb is None:
        return []
    return [x for _, a in tree.prep_args(verb, ("of", "about")) for x in tree.conjuncts(a)]


DEONTIC_MODALS = ("must", "should", "ought")
DEONTIC_HEADS = ("have", "need", "ought")
WH_TAGS = ("WP", "WRB", "WDT", "WP$")


def _obligation(tree: Tree, v: int) -> tuple[int, str] | None:
    """(token carrying the obligation, its words) when clause v is obliged: "must/should/ought to do",
    "has to / needs to do" (v is then the complement of have/need)."""
    toks = tree.tokens
    if any(toks[k].tag in WH_TAGS for k in tree.kids[v]):
        return None  # "that's not what France should be", "asked how Iran should respond": no demand is made
    for k in tree.kids[v]:
        if toks[k].dep == "aux" and toks[k].lower in DEONTIC_MODALS:
            if inverted_condition(tree, v, k):
                return None  # "should the talks falter": a condition, not an obligation
            return v, toks[k].lower
    h = tree.head(v)
    if h is not None and toks[h].tag == "VBG":
        return None  # "to avoid having to justify its actions": no demand is made
    if h is not None and toks[v].dep == "xcomp" and toks[h].lemma.lower() in DEONTIC_HEADS and any(
            toks[k].tag == "TO" for k in tree.kids[v]) and not any(toks[k].lower == "yet" for k in tree.kids[h]):
        return h, f"{toks[h].lemma.lower()} to"  # "had yet to decide" is no obligation
    return None


def deontic_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'X said Y must / should / has to / needs to do Z': a REQUEST from the speaker X to Y (refined by Z
    when Z is an event verb). Unreported obligations (the writer's own view) are no event."""
    toks = tree.tokens
    out = []
    by_trigger = {f.trigger[0]: f for f in frames}
    for t in toks:
        if t.pos not in ("VERB", "AUX"):
            continue
        hit = _obligation(tree, t.i)
        if hit is None:
            continue
        carrier, words = hit
        verb, speakers = claim_source(tree, carrier, lex.cue("speech"))
        obliged = subject_of(tree, carrier)
        if not obliged or set(obliged) & set(speakers):
            continue  # "we must act", "Russia said it must respond": a statement of intent, not a demand
        if any(toks[o].pos == "PRON" and toks[o].lower in ("we", "i", "it", "he", "she") for o in obliged):
            continue
        code = Code("REQUEST", None, "100")
        inner = by_trigger.get(t.i)
        if inner is not None:
            code = refine_code(code, inner.code)
        out.append(Frame(f"deontic:{words.replace(' ', '-')}+{t.lemma}", f"{words} {t.lemma}", code,
                         (t.i, t.i + 1), tuple(speakers), tuple(obliged), verb if verb is not None else carrier,
                         absorbed=(t.i,), speaker_actor=verb is None, require_recipient=True,
                         notes=(f"a reported or quoted '{words}' is the speaker's demand",)))
    return out


LABEL_VERBS = frozenset({"call", "label", "brand", "describe", "term", "dub", "declare", "deem", "designate",
                         "consider", "denounce", "condemn", "characterize", "characterise", "name", "list",
                         "dismiss", "slam", "blast", "criticize", "criticise", "hold"})
CONFLICT_CONTENT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN", "REJECT"}


def _label_of(tree: Tree, v: int) -> tuple[int, list[int]] | None:
    """(label token, labelled heads) of "called X a killer", "declared X a target", "described X as Y"."""
    toks = tree.tokens
    obj = tree.child(v, OBJ)
    if obj is not None:  # "held the regime responsible": the parser made the label a modifier after the noun
        post = [k for k in tree.kids[obj] if k > obj and toks[k].dep == "amod" and toks[k].pos == "ADJ"]
        if post:
            return post[0], tree.conjuncts(obj)
    for k in tree.kids[v]:
        t = toks[k]
        if t.dep in ("oprd", "xcomp", "acomp") and obj is not None:
            return k, tree.conjuncts(obj)
        if t.dep in ("ccomp", "xcomp") and t.pos in ("NOUN", "ADJ", "PROPN"):
            subj = tree.child(k, SUBJ)
            if subj is not None:
                return k, tree.conjuncts(subj)
        if t.dep == "prep" and t.lower == "as" and obj is not None:
            # "dismissed the inquiry as partisan": the parser hangs a bare adjective on "as" as a modifier
            o = tree.child(k, {"pobj"}) or tree.child(k, {"amod", "acomp", "pcomp"})
            if o is not None:
                return o, tree.conjuncts(obj)
        if t.dep == "advcl" and obj is not None and any(toks[m].lower == "as" and toks[m].dep == "mark"
                                                        for m in tree.kids[k]):
            return k, tree.conjuncts(obj)  # "dismissed the report as biased": a participle after "as"
    return None


def label_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'X called Y a killer / branded Y a terrorist / called the move illegal': an accusation (ACCUSE) by X
    against Y; 'X declared Y a legitimate target': a threat (THREATEN/violence). Only labels from the lists in
    cues.toml count: "called him a friend" is no event."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in LABEL_VERBS:
            continue
        hit = _label_of(tree, t.i)
        if hit is None:
            continue
        label, labelled = hit
        words = {toks[label].lemma.lower(), toks[label].lower}
        words |= {f"{toks[k].lower} {toks[label].lower}" for k in tree.kids[label] if toks[k].dep in ("amod", "compound")}
        words |= {toks[k].lemma.lower() for k in tree.kids[label] if toks[k].dep == "amod"}  # "an unacceptable attack"
        words |= {toks[c].lemma.lower() for c in tree.children(label, {"conj"})}
        if words & lex.cue("labels_threaten"):
            code, kind = Code("THREATEN", "violence", "138"), "threat"
        elif words & (lex.cue("labels_accuse") | lex.cue("disapproving_labels") | lex.cue("condemnations")
                      | lex.cue("condemning_words") | lex.cue("called_verdicts")):
            code, kind = Code("ACCUSE", "disapprove", "111"), "accusation"
        else:
            continue
        out.append(Frame(f"label:{t.lemma.lower()}+{toks[label].lower}", f"{t.lemma} X {toks[label].lower}", code,
                         (t.i, t.i + 1), tuple(subject_of(tree, t.i)), tuple(labelled), t.i,
                         absorbed=tuple(tree.subtree(label)),
                         notes=(f"labelling a party '{toks[label].text}' is an {kind}",)))
    return out


def copula_label_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'"He is a racist," she said' / '"This was a barbaric attack."' (in a quote): calling a party or its act
    names from the accusation list is an ACCUSE by the speaker (in the sentence, or of the quote) against the
    party (the subject, or the owner of the act named)."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() != "be" or t.pos not in ("AUX", "VERB"):
            continue
        pred = next((k for k in tree.kids[t.i] if toks[k].dep in ("attr", "acomp")), None)
        to_blame = False
        if pred is None:  # "the rebels were to blame"
            pred = next((k for k in tree.kids[t.i] if toks[k].dep == "xcomp" and toks[k].lemma.lower() == "blame"
                         and tree.child(k, OBJ) is None), None)
            to_blame = pred is not None
        subj = tree.child(t.i, SUBJ)
        if pred is None or subj is None:
            continue
        words = {toks[pred].lemma.lower(), toks[pred].lower} | ({"to blame"} if to_blame else set())
        words |= {f"{toks[k].lower} {toks[pred].lower}" for k in tree.kids[pred] if toks[k].dep in ("amod", "compound")}
        words |= {toks[k].lemma.lower() for k in tree.kids[pred] if toks[k].dep in ("amod", "conj")}
        if pred + 2 < len(toks) and toks[pred + 1].lower == "-" and toks[pred + 2].head in (pred, t.i):
            words.add(f"{toks[pred].lower}-{toks[pred + 2].lower}")  # "un-American" split in three
        negated = any(toks[k].dep == "neg" for k in tree.kids[t.i] + tree.kids[pred])
        if negated:  # "it is not illegal" clears; "violence is not acceptable" condemns
            # "not acceptable to Iran" is Iran's refusal, not the speaker's condemnation
            head_words = {toks[pred].lemma.lower(), toks[pred].lower}  # not "not a valid legal reason"
            condemned = bool(head_words & lex.cue("labels_accuse_negated")) and not tree.prep_args(pred, ("to", "for"))
        else:
            condemned = bool(words & lex.cue("condemnations"))
            if not condemned and not words & lex.cue("labels_accuse"):
                continue
        if negated and not condemned:
            continue
        verb, speakers = claim_source(tree, t.i, lex.cue("speech"))
        target = said_of(tree, subj) or tree.conjuncts(subj) + [k for k in tree.kids[subj] if toks[k].dep == "poss"]
        demonstrative = toks[subj].lower in ("this", "that", "it") and toks[subj].tag != "WDT"
        if demonstrative:
            target = [a for _, a in tree.prep_args(pred, ("by", "of"))]
        elif condemned and not _party_word(tree, subj):
            # "the raids were un-American": the act's doer, when named, is the party disapproved of
            target = [k for k in tree.kids[subj] if toks[k].dep == "poss"] + [
                x for _, a in tree.prep_args(subj, ("by",)) for x in tree.conjuncts(a)]
        out.append(Frame(f"copula-label:{toks[pred].lower}", f"be {toks[pred].lower}", Code("ACCUSE", "disapprove", "111"),
                         (pred, pred + 1), tuple(speakers), tuple(target), verb if verb is not None else t.i,
                         speaker_actor=verb is None, absorbed=tuple(i for i in tree.subtree(pred) if i != pred),
                         require_recipient=not (demonstrative or condemned and not _party_word(tree, subj)),
                         notes=(f"calling a party or its act '{toks[pred].text}' is an accusation",)))
    return out


def _party_word(tree: Tree, i: int) -> bool:
    """The subject names a party or a person (a name, a nationality, a personal pronoun), not an act or a thing."""
    t = tree.tokens[i]
    return t.pos == "PROPN" or t.ent_type in ("GPE", "NORP", "ORG", "PERSON") or (
        t.pos == "PRON" and t.lower in ("he", "she", "they", "you", "we", "i", "him", "them"))


READY_WORDS = ("ready", "prepared", "poised")
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# Verbs that say force without naming a lexicon act: "ready to strike", "prepared to retaliate".
FORCE_RESPONSES = {"retaliate", "strike", "intervene", "punish", "hit"}


def readiness_frames(tree: Tree, lex: Lexicon, frames: list[Frame] = ()) -> list[Frame]:
    """'X is ready / prepared / poised to strike / retaliate against / punish Y': a stated readiness to use force
    against a named party is a threat (THREATEN/violence) by X aimed at Y, asserted (the readiness is stated now; the strike itself is future and
    is not coded on its own). Lexicon acts under 'ready to' ("ready to attack") are the coder's announced
    intentions; these verbs name force without a lexicon act of their own. A bare readiness ("ready to go",
    `_bare_readiness`) aims at the target of the use of force the sentence names ("ready to go if ordered to
    strike Syria"), else at nobody."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lower not in READY_WORDS or t.pos != "ADJ" or t.dep != "acomp":
            continue
        cop = tree.head(t.i)
        x = next((k for k in tree.kids[t.i] if toks[k].dep == "xcomp" and toks[k].pos == "VERB"), None)
        if cop is None or x is None or toks[cop].lemma.lower() != "be":
            continue
        verb = toks[x].lemma.lower()
        bare = verb in lex.cue("readiness_verbs") and _bare_readiness(tree, x, lex)
        if verb not in FORCE_RESPONSES and not bare:
            continue
        if any(toks[k].dep == "neg" for k in tree.kids[cop] + tree.kids[t.i]):
            continue  # "is not ready to strike": no threat made
        rcpt = [c for o in tree.children(x, OBJ) for c in tree.conjuncts(o)] + [
            c for _, a in tree.prep_args(x, ("against", "on", "at")) for c in tree.conjuncts(a)]
        unnamed = not bare and _unnamed_target(tree, x, rcpt, lex)
        if unnamed is None:
            continue  # "ready to strike a deal", "ready to strike" said of workers: no force
        if bare and not rcpt or unnamed:
            rcpt = [r for g in frames if g.code.event in FORCE_TYPES for r in g.recipients if r not in rcpt]
        out.append(Frame(f"readiness:{t.lower}+{verb}", f"{t.lower} to {verb}",
                         Code("THREATEN", "violence", "138"), (t.i, t.i + 1), tuple(subject_of(tree, cop)),
                         tuple(rcpt), cop, absorbed=(x,), require_recipient=not (bare or unnamed),
                         notes=("a stated readiness to use force against a party is a threat",)))
    return out


# Verbs of commitment (AGREE in the lexicon) and the responses with force no lexicon act codes: "vowed to
# retaliate against South Korea", "pledged to avenge the soldiers", "swore to hit back" (eighth round, speech).
COMMIT_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
VOWED_FORCE = frozenset({"retaliate", "avenge", "punish"})
BACK_FORCE = frozenset({"strike", "hit", "fight"})


def vowed_force(tree: Tree, frames: list[Frame], manners: frozenset[str] = frozenset()) -> list[Frame]:
    """'X vowed / pledged / promised to retaliate against Y / to punish Y / to hit back': an announced use of force
    by the speaker is a threat (THREATEN/violence, asserted: the vow was made), not the cooperation the commitment
    verbs code by default; it aims at the object or the "against / on / at" party of the response, else at nobody
    ("vowed to avenge the dead": no party named, no guess). "vowed to strike a deal" is none of these (no "back").
    A vow to respond or react in one of `manners` ("vowed to respond forcefully", tenth round) is one too, and so is
    a vow told as a clause in the future ("vowed that India will respond harshly", "pledged that the allies would
    punish Pyongyang": sixteenth round)."""
    toks = tree.tokens
    out = []
    for f in frames:
        x = next((k for k in tree.children(f.base, {"xcomp"}) if toks[k].pos == "VERB"), None)
        if x is None:
            x = next((k for k in tree.children(f.base, {"ccomp"}) if toks[k].pos == "VERB" and any(
                toks[m].dep == "aux" and toks[m].lower in ("will", "would", "'ll", "shall") for m in tree.kids[k])
                and not any(toks[m].dep == "neg" for m in tree.kids[k])), None)
        if f.code.event != "AGREE" or f.entry not in COMMIT_VERBS or x is None:
            out.append(f)
            continue
        verb = toks[x].lemma.lower()
        back = verb in BACK_FORCE and any(toks[k].lower == "back" for k in tree.kids[x])
        forceful = verb in ("respond", "react") and any(toks[k].lower in manners for k in tree.kids[x])
        if verb not in VOWED_FORCE and not back and not forceful:
            out.append(f)
            continue
        rcpt = [c for o in tree.children(x, OBJ) for c in tree.conjuncts(o)] + [
            c for _, a in tree.prep_args(x, ("against", "on", "at")) for c in tree.conjuncts(a)]
        out.append(dataclasses.replace(f, rule=f"vowed-force:{f.entry}+{verb}", code=Code("THREATEN", "violence", "138"),
                                       recipients=tuple(rcpt), absorbed=tuple(sorted(set(f.absorbed) | {x})),
                                       notes=f.notes + ("a vow to use force is a threat",)))
    return out


UNNAMED_TARGETS = frozenset({"those", "anyone", "anybody", "whoever", "perpetrator", "culprit", "attacker"})
PUNISHING = frozenset({"punish", "retaliate"})


def _unnamed_target(tree: Tree, x: int, rcpt: list[int], lex: Lexicon) -> bool | None:
    """Whether a readiness to use force names no party it aims at (ninth round, speech): True for "ready to punish
    those who ordered the attack" or "ready to retaliate" (a threat made, its target unnamed: no recipient, no
    guess); False when anything else is named ("ready to strike Hezbollah": the recipient rules decide, as
    before); None when nothing says force: "strike / hit / intervene" with no target and no word of force in the
    sentence ("the unions are ready to strike")."""
    toks = tree.tokens
    if any(toks[r].lemma.lower() not in UNNAMED_TARGETS or toks[r].ent_type != "" or toks[r].lower in (
            "those", "anyone", "anybody") and not any(toks[k].dep in ("relcl", "acl") or toks[k].lower == "responsible"
                                                      for k in tree.kids[r]) for r in rcpt):
        return False  # a party or a thing named: the recipient rules decide, as before
    if toks[x].lemma.lower() in PUNISHING:
        return True
    force = any(t.i != x and (t.lower in lex.cue("force_context") or t.lemma.lower() in lex.cue("force_context"))
                for t in toks)
    return True if force else None


def _bare_readiness(tree: Tree, x: int, lex: Lexicon) -> bool:
    """'ready to act / to go / to respond' said of force: no object, no complement but "against" a party or an
    adverb, and a party named after "against" or a word of force in the sentence ("U.S. troops are ready to move if told to strike"). "ready to act
    as a mediator", "ready to go to the polls", "ready to respond to questions" are no threats."""
    toks = tree.tokens
    for k in tree.kids[x]:
        if toks[k].dep in ("dobj", "obj", "xcomp", "ccomp", "dative", "attr", "oprd", "acomp"):
            return False
        if toks[k].dep == "prep" and toks[k].lower != "against":
            return False
    if tree.prep_args(x, ("against",)):
        return True  # "ready to act against Russia": a party is named as the target
    return any(t.lower in lex.cue("force_context") or t.lemma.lower() in lex.cue("force_context") for t in toks)


def warning_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'X warned that Y would be a red line / that it would strike Z': a warning aimed at the parties of its
    content is a THREATEN by X, asserted (the warning happened; its content is conditional). Frames of speech
    verbs that need a recipient get it from the content; a warning with no conflictual content stays without
    one (and is dropped: "warned that the economy may slow")."""
    toks = tree.tokens
    out = []
    for f in frames:
        if not (f.rule.startswith("svo:verb=warn") and f.require_recipient and not f.recipients):
            out.append(f)
            continue
        content = [c for c in tree.children(f.base, {"ccomp"})]
        span = {i for c in content for i in tree.subtree(c)}
        own = set(f.actors)
        inner = [g for g in frames if g is not f and g.base in span and (g.rule.startswith("copula") or (
            g.code.event in CONFLICT_CONTENT and g.actors and all(
                a in own or toks[a].lower in ("it", "they", "we", "i", "he", "she") for a in g.actors)))]
        parties: list[int] = []
        for g in inner:
            if g.rule.startswith("copula"):
                line = g.trigger[1] - 1
                for c in tree.children(g.base, {"nsubj", "csubj", "nsubjpass"}):
                    subj = [c] + [k for k in tree.subtree(c) if toks[k].dep in ("nsubj", "dobj", "pobj", "poss")
                                  and k != line]
                    parties += [x for k in subj for x in tree.conjuncts(k) if x not in parties]
            else:
                parties += [r for r in g.recipients if r not in parties]
        if not parties:
            # "warned of retaliation against Israel", "warned of consequences for Russia": the party the
            # punishment is announced for (eighth round, speech); "consequences for the economy" names none.
            # Fifteenth round: also a use of force or a sanction ("warned of military action against Hamas"), and
            # the named subject of a condition ("warned of consequences if Moscow does not halt the vote")
            punishments = [n for _, n in tree.prep_args(f.base, ("of",)) if _punishment(tree, n, lex)]
            parties = [x for n in punishments for _, a in tree.prep_args(n, ("against", "on", "for"))
                       for x in tree.conjuncts(a)]
            if punishments:
                parties += [x for x in _condition_parties(tree, f.base) + [
                    y for n in punishments for y in _condition_parties(tree, n)] if x not in parties]
            if parties:
                out.append(dataclasses.replace(f, rule="warning:warn+of", code=Code("THREATEN", None, "130"),
                                               recipients=tuple(parties),
                                               notes=f.notes + ("a warning of punishment for a party",)))
                continue
        if not parties:
            out.append(f)
            continue
        mode = next((THREAT_MODE.get(g.code.event) for g in inner if g.code.event in THREAT_MODE), None)
        code = Code("THREATEN", mode, "138" if mode == "violence" else "130")
        # a red line drawn in the content is a threat made whether or not its act names a party ("warned that the
        # use of chemical weapons would cross a red line", fifteenth round): the recipient is not required
        drawn = any(g.rule.startswith("copula:") for g in inner)
        out.append(dataclasses.replace(f, rule="warning:warn", code=code, recipients=tuple(parties),
                                       require_recipient=f.require_recipient and not drawn,
                                       absorbed=tuple(sorted(set(f.absorbed) | span)),
                                       notes=f.notes + ("a warning aimed at the parties of its content",)))
    return out


THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations", "COERCE": "restrict"}

# Nouns of punishment a warning may be "of" beyond `consequences` (fifteenth round): sanctions and action taken in
# answer ("warned of sanctions against Greece", "warned of military action if the ceasefire fails"). Attacks and
# strikes are left out: "Kyiv warned of an imminent attack on the capital" foresees another party's act.
PUNISHING_NOUNS = frozenset({"sanction", "sanctions", "action", "measure", "measures", "step", "steps"})
CONDITION_MARKS = frozenset({"if", "unless"})


def _punishment(tree: Tree, n: int, lex: Lexicon) -> bool:
    """'consequences', 'retaliation', 'countermeasures' (`consequences`, `reprisal_nouns`, `PUNISHING_NOUNS`) with
    no named party of its own: "warned of Russian sanctions" or "of Moscow's retaliation" foresees another party's
    act, no threat by the speaker."""
    toks = tree.tokens
    words = lex.cue("consequences") | lex.cue("reprisal_nouns") | PUNISHING_NOUNS
    if toks[n].lemma.lower() not in words and toks[n].lower not in words:
        return False
    return not any(toks[k].dep in ("poss", "amod", "compound", "nmod") and (
        toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos in ("PROPN", "PRON")) for k in tree.kids[n])


def _condition_parties(tree: Tree, v: int) -> list[int]:
    """The named subjects of an active "if / unless" clause on v ("if Moscow does not halt the vote"); a passive
    condition ("if the pact is abandoned") names nobody."""
    toks = tree.tokens
    return [x for c in tree.children(v, {"advcl"}) if any(toks[k].dep == "mark" and toks[k].lower in CONDITION_MARKS
                                                          for k in tree.kids[c]) and not tree.children(c, PASS_SUBJ)
            for s in tree.children(c, SUBJ) for x in tree.conjuncts(s) if named_party(tree, x)]


# Verbs that accuse when they report a clause: "charged that the army had rigged the vote" (eighth round, speech);
# "charged X with fraud" (an object) is the lexicon's.
CHARGE_VERBS = frozenset({"charge"})


def charge_frames(tree: Tree) -> list[Frame]:
    """'X charged (on Sunday) that Y had done Z': an accusation (ACCUSE/allege) by X against the subject of the
    clause, which is its content, not coded again. Only with a recipient the actors stage resolves ("charged that
    the process was unfair" is none), except an agentless passive ("charged that the people were lied to": a
    misdeed whose doer is unsaid, no recipient, no guess). Factuality from the speech verb."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() not in CHARGE_VERBS or t.pos != "VERB" or tree.children(t.i, OBJ | PASS_SUBJ):
            continue
        for c in tree.children(t.i, {"ccomp"}):
            # the doer: the subject, or in a passive the "by" agent ("were lied to by the administration"); the
            # passive subject is the one it was done to, never the accused
            accused = [x for s in tree.children(c, SUBJ) for x in tree.conjuncts(s)]
            passive = bool(tree.children(c, PASS_SUBJ)) or any(toks[k].dep == "auxpass" for k in tree.kids[c])
            if passive:
                accused = [x for _, a in tree.prep_args(c, ("by",)) for x in tree.conjuncts(a)]
            if not (accused or passive) or any(toks[k].dep == "auxpass" for k in tree.kids[t.i]):
                continue  # an agentless passive names a misdeed with its doer unsaid: no recipient (no guess)
            content = tuple(i for i in _clause_tokens(tree, c) if i not in accused)
            out.append(Frame(f"charge-that:{t.lemma.lower()}", "charge that", Code("ACCUSE", "allege", "112"),
                             (t.i, t.i + 1), tuple(subject_of(tree, t.i)), tuple(accused), t.i, absorbed=content,
                             require_recipient=not passive,
                             notes=("'charged that Y did Z' accuses Y; the clause is its content",)))
            break
    return out


def content_of(tree: Tree, frames: list[Frame], lex: Lexicon) -> set[int]:
    """Tokens whose events are the content of another event, not events of their own.

    The topic of a protest ("rallied to demand reforms", manual: not coded separately) and what a demand,
    accusation or speech-event verb is about ("accused X of attacking Y", "demanded that Y cancel ...").
    """
    toks = tree.tokens
    out: set[int] = set()
    for f in frames:
        if not f.rule.startswith(("svo", "passive", "light")):
            continue
        v = f.base
        if f.code.event == "PROTEST":
            for c in tree.children(v, {"advcl", "xcomp", "prep", "ccomp"}):
                out.update(tree.subtree(c))
        elif f.code.event in ("REQUEST", "ACCUSE", "THREATEN") and not f.rule.startswith("light"):
            own = set(range(*f.trigger)) | set(f.recipients)
            for c in tree.kids[v]:
                if toks[c].dep in ("ccomp", "xcomp", "dobj", "prep", "pcomp", "advcl"):
                    out.update(i for i in _clause_tokens(tree, c) if i not in own)
    return out


def _clause_tokens(tree: Tree, i: int) -> list[int]:
    """The subtree of i without relative clauses (those describe their antecedent, not the content)."""
    out = [i]
    for c in tree.kids[i]:
        if tree.tokens[c].dep != "relcl":
            out.extend(_clause_tokens(tree, c))
    return out


# Speech acts a participle carries on (tenth round, speech): "criticized the visit, accusing Washington of
# interference", "condemned the attack, blaming Iran for it". The participle's clause is the content of the matrix
# act (`content_of`), so its own frame is not coded; when the matrix act names no party and the participle, of the
# same event type, does, the matrix act is aimed at that party.
PARTICIPLE_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT"})


def _names_party(tree: Tree, i: int) -> bool:
    toks = tree.tokens
    return any(toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos in ("PROPN", "PRON")
               for k in [i] + [c for c in tree.kids[i] if toks[c].dep in ("amod", "compound", "poss", "nmod")])


def participle_targets(tree: Tree, frames: list[Frame]) -> list[Frame]:
    """The frames with each verb speech act that names no party given the recipients of a participle (an adverbial
    clause in -ing hung on its verb) coding the same event type with recipients that name one."""
    toks = tree.tokens
    out = []
    for f in frames:
        if f.code.event in PARTICIPLE_TYPES and f.rule.startswith("svo") and f.trigger[0] == f.base and not any(
                _names_party(tree, x) for x in f.recipients):
            for g in frames:
                if g is not f and g.code.event == f.code.event and toks[g.base].dep == "advcl" \
                        and toks[g.base].tag == "VBG" and tree.head(g.base) == f.base \
                        and any(_names_party(tree, x) for x in g.recipients):
                    f = dataclasses.replace(f, recipients=g.recipients, rule=f"{f.rule}+participle",
                                            notes=f.notes + (f"the participle '{toks[g.base].text}' names the "
                                                             "party the act is aimed at",))
                    break
        out.append(f)
    return out
