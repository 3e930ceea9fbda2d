"""Evaluative reported speech: what a speaker says *about* a party, when the content, not the speech verb, carries
the act (issue 12). A speaker who says a party's policy "was based on prejudice", that it "is committing a folly",
that "it is a cowardly act by" a party disapproves of it (ACCUSE); one who says a party "will pay
a heavy price", "will face consequences" or that its attacks "would be answered with a decisive response" threatens
it (THREATEN); one who says "it is high time for X to act" or "the onus is on X to stop" demands that X act
(REQUEST). The word lists are in knowledge/data/lexicon/evaluations.toml.

Every frame needs a speaker: a speech verb reporting the clause (its subject acts), or, with none, the speaker of
the quote the sentence stands in (`speaker_actor`). The journalist's own words are no event: with neither, the
coder finds no actor and drops the frame. The speech act is asserted when the saying happened (coder.py). The
recipient is the party the content is about, as the actors stage resolves it; nothing when the content names no
party (no guess), and a party that is the speaker itself is no recipient (one's own mistakes are no accusation).
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code, Lexicon
from .speech import claim_source, said_of
from .tree import OBJ, PASS_SUBJ, SUBJ, Frame, Tree, subject_of

DISAPPROVE = Code("ACCUSE", "disapprove", "111")
ALLEGE = Code("ACCUSE", "allege", "112")
# Modals that put the consequence in the future or make it due: a threat, not a report of what was suffered.
THREAT_MODALS = frozenset({"will", "'ll", "wo", "would", "'d", "shall", "must", "should"})
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
# Verbs by which a party owns a fault: what they govern is its concession, not another's accusation.
ADMISSIONS = frozenset({"admit", "acknowledge", "concede", "confess", "apologize", "apologise", "regret", "recognize",
                        "recognise", "accept"})
# Common nouns that name parties by themselves ("the leaders", "the regime", "the government").
AGENT_NOUNS = frozenset({"leader", "leadership", "government", "regime", "administration", "authority", "official",
                         "minister", "president", "army", "military", "force", "troops", "militant", "rebel",
                         "opposition", "party", "parliament", "lawmaker", "senator", "state", "country", "police"})
# Heads of poll shares ("58 percent said ...", "a majority think ...").
POLL_SHARES = frozenset({"percent", "%", "majority", "minority", "most", "half", "third", "quarter", "plurality"})
# Verbs by which a speaker denies the content it reports.
DENIALS = frozenset({"deny", "disagree", "dispute", "reject", "refute", "dismiss", "doubt", "question", "challenge",
                     "contest", "rebut"})
# Speech-list verbs of knowing and hearing: whoever learns or hears something does not say it.
HEARSAY = frozenset({"learn", "hear", "know"})
# Speech-list verbs of the press: a report relays what others say, it judges nobody ("The Journal reported that
# the envoy misled investigators").
RELAYS = frozenset({"report"})
# Determiners by which an act refers back to one the sentence reports ("such action", "this attack").
REFERRING = frozenset({"such", "this", "that", "these", "those", "the"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
RELATIONS_WORDS = frozenset({"sanction", "sanctions", "economic", "economy", "cost", "costs", "tariff", "tariffs",
                             "trade", "financial", "diplomatic"})


def evaluation_frames(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """Every frame of evaluative reported speech in one sentence (ACCUSE, THREATEN and REQUEST by content)."""
    return (_grounds(tree, lex) + _misdeeds(tree, lex) + _harms(tree, lex) + _act_labels(tree, lex, frames) + _condemning(tree, lex)
            + _consequences(tree, lex) + _costs(tree, lex) + _answered(tree, lex, frames) + _demand_nouns(tree, lex, frames))


def make_frame(tree: Tree, lex: Lexicon, rule: str, entry: str, code: Code, trigger: int, base: int,
           targets: list[int], note: str, *, absorbed: tuple[int, ...] = (), need_target: bool = True) -> Frame | None:
    """A frame said by the speaker of the clause at `base`; None when the speaker is a target (own words)."""
    toks = tree.tokens
    verb, speakers = claim_source(tree, base, lex.cue("speech"))
    if verb is not None and toks[verb].lemma.lower() in lex.cue("belief") | HEARSAY:
        # a belief is a statement only when it is stated: '"We believe the Americans are committing a folly," he
        # said' (the speaker, for "we"), 'Kerry said Obama believes ...' (the believer); '54 percent thinking she
        # ...' in a poll states nothing
        outer, outer_speakers = claim_source(tree, verb, lex.cue("speech") - lex.cue("belief") - HEARSAY)
        first = any(toks[k].lower in FIRST_PERSON for k in speakers)
        if outer is None and not first:
            return None
        verb, speakers = outer, (outer_speakers if first else speakers)
    if verb is not None and (toks[verb].lemma.lower() in RELAYS or toks[verb].dep == "relcl"):
        return None  # a report relays; "a regime that wants my nation wiped out" describes a stance
    if any(toks[k].lower in POLL_SHARES or toks[k].pos == "NUM" for k in speakers):
        return None  # "54 percent think ...": the shares of a poll state nothing
    if set(targets) & set(speakers) or any(toks[k].lower in FIRST_PERSON for k in targets):
        return None  # "we made a mistake", "Russia said it would pay any price": no accusation, no threat
    if _governed(tree, base, ADMISSIONS | DENIALS) or (code.event == "ACCUSE" and _conditional(tree, base, lex)):
        return None  # a fault admitted or a judgement denied is none; a condition makes a judgement a warning
    if _unsaid(tree, base, verb, judgement=code.event == "ACCUSE"):
        return None
    if need_target and not targets:
        return None
    if verb is not None:
        # the act is the saying: its place and day are the statement's ("said in Geneva on Tuesday"), never those
        # of the content ("are committing a folly in Syria"); the content word is named in the rule
        trigger = verb
    return Frame(rule, entry, code, (trigger, trigger + 1), tuple(speakers), tuple(targets),
                 verb if verb is not None else base, absorbed=absorbed, speaker_actor=verb is None,
                 require_recipient=need_target, notes=(note,))


# Verbs whose negation affirms what they govern: "will not hesitate to take action" threatens it.
LITOTES = frozenset({"hesitate"})


def _unsaid(tree: Tree, base: int, verb: int | None, *, judgement: bool) -> bool:
    """The content is not said as it stands: a negation on the way from it up to its speech verb (or on the speech
    verb: "did not think the moment was right", "would not reach a determination"; not "will not hesitate to",
    which affirms), or a "whether / if"
    clause ("about whether the president committed a crime"). A judgement (ACCUSE) must be of what is or was: a
    modal on the way makes it a forecast or a hedge ("will continue to try and undermine", "could be making a
    mistake"); "should / must have" is criticism of what was not done. A threat is future by nature."""
    toks = tree.tokens
    i = base
    for _ in range(8):
        kids = tree.kids[i]
        if any(toks[k].dep == "neg" for k in kids) and toks[i].lemma.lower() not in LITOTES:
            return True
        if i == verb:
            return False
        if any(toks[k].dep == "mark" and toks[k].lower in ("whether", "if") for k in kids):
            return True
        modals = [k for k in kids if toks[k].tag == "MD"]
        perfect = any(toks[k].dep == "aux" and toks[k].lemma.lower() == "have" for k in kids)
        if judgement and modals and not (perfect and all(toks[k].lower in ("should", "must", "ought") for k in modals)):
            return True
        h = tree.head(i)
        if h is None:
            return False
        i = h
    return False


def _governed(tree: Tree, base: int, words: frozenset[str]) -> bool:
    """The content is governed by one of `words`: admitted by its own party ("admitting that she had made a
    mistake", a concession) or denied by its speaker ("said it disagreed that he put the country at risk")."""
    toks = tree.tokens
    i = base
    for _ in range(4):
        h = tree.head(i)
        if h is None or toks[i].dep not in ("ccomp", "xcomp", "conj", "advcl"):
            return False
        if toks[h].lemma.lower() in words:
            return True
        i = h
    return False


def _conditional(tree: Tree, base: int, lex: Lexicon) -> bool:
    """The judgement holds only under a condition ("If they retaliate, they're making a mistake"): a warning of
    what would be, not a judgement of what was done."""
    toks = tree.tokens
    return any(toks[c].dep == "advcl" and any(toks[m].dep == "mark" and toks[m].lower in lex.cue("conditional")
                                              for m in tree.kids[c]) for c in tree.kids[base])


def _party(tree: Tree, i: int) -> bool:
    """A word that can name a party: a name, a nationality, a pronoun or a common noun (resolved later)."""
    t = tree.tokens[i]
    return t.pos in ("PROPN", "NOUN", "PRON") and t.lower not in ("it", "this", "that", "what", "which")


def _owners(tree: Tree, i: int) -> list[int]:
    """The party an act or a thing belongs to: its possessive, a named compound, or its "by" agent
    ("Germany's policy", "the Trump policy", "attacks by Iran", "the decision of Congress")."""
    toks = tree.tokens
    out = [k for k in tree.kids[i] if toks[k].dep == "poss" and toks[k].lower not in FIRST_PERSON]
    out += [k for k in tree.kids[i] if toks[k].dep in ("compound", "amod") and toks[k].ent_type in ("GPE", "NORP", "ORG")]
    out += [x for _, a in tree.prep_args(i, ("by", "of", "from")) if _party(tree, a) and toks[a].ent_type != ""
            for x in tree.conjuncts(a)]
    return out


def _targets(tree: Tree, subj: int) -> list[int]:
    """Whom a judgement of `subj` is about: the subject when it names a party, else the owner of the act it names.
    A pronoun subject of a quote "said of X" is X ('"He is a fanatic," she said of the general')."""
    toks = tree.tokens
    of = said_of(tree, subj)
    if of:
        return of
    if toks[subj].pos == "PROPN" or toks[subj].ent_type in ("GPE", "NORP", "ORG", "PERSON") or (
            toks[subj].pos == "PRON" and toks[subj].lower in ("he", "she", "they", "you", "him", "them")):
        return tree.conjuncts(subj)
    if toks[subj].pos == "NOUN" and toks[subj].lemma.lower() in AGENT_NOUNS:
        return tree.conjuncts(subj)
    return _owners(tree, subj)


def _named_party(tree: Tree, i: int) -> bool:
    """A name, a nationality or an organisation, or a noun that names a party by itself ("the government")."""
    t = tree.tokens[i]
    return t.pos == "PROPN" or t.ent_type in ("GPE", "NORP", "ORG", "PERSON") or t.lemma.lower() in AGENT_NOUNS


def _subject(tree: Tree, v: int) -> int | None:
    s = tree.child(v, SUBJ) or tree.child(v, PASS_SUBJ)
    if s is None:
        heads = subject_of(tree, v)
        s = heads[0] if heads else None
    return s


def _grounds(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'X said Y's policy was based on prejudice / motivated by hatred': ACCUSE/disapprove against its owner."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lower not in lex.cue("grounds_participles") or t.pos not in ("VERB", "ADJ"):
            continue
        grounds = [a for _, a in tree.prep_args(t.i, ("on", "by", "in", "of", "upon"))]
        hit = next((a for a in grounds if _names(tree, a, lex.cue("disapproved_grounds"))), None)
        if hit is None or any(toks[k].dep == "neg" for k in tree.kids[t.i]):
            continue  # "based on evidence" judges nothing; "not based on prejudice" clears
        subj = _subject(tree, t.i)
        if subj is None and toks[t.i].dep == "acomp":
            subj = _subject(tree, toks[t.i].head)
        if subj is None:
            continue
        f = make_frame(tree, lex, f"evaluation:grounds+{toks[hit].lemma.lower()}", f"{t.lower} {toks[hit].lower}",
                   DISAPPROVE, t.i, t.i, _targets(tree, subj),
                   f"saying a party's act rests on '{toks[hit].text}' disapproves of it")
        if f is not None:
            out.append(f)
    return out


def _names(tree: Tree, i: int, words: frozenset[str]) -> bool:
    """The noun phrase at i names one of `words` (head lemma or form, or modifier + head)."""
    toks = tree.tokens
    forms = {toks[i].lemma.lower(), toks[i].lower}
    forms |= {f"{toks[k].lower} {toks[i].lower}" for k in tree.kids[i] if toks[k].dep in ("amod", "compound")}
    return bool(forms & words) or any(toks[c].lemma.lower() in words for c in tree.children(i, {"conj"}))


MISDEED_VERBS = frozenset({"commit", "make", "perpetrate", "cross"})
PHRASAL_ENDS = frozenset({"off", "down", "up", "away"})


def _misdeeds(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'X said the Americans are committing a folly / made a grave mistake / committed atrocities / crossed a red
    line / violated the agreement': ACCUSE."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in MISDEED_VERBS | lex.cue("breaking_verbs"):
            continue
        obj = tree.child(t.i, OBJ)
        if obj is None or any(toks[k].dep == "neg" for k in tree.kids[t.i]):
            continue
        absorbed: tuple[int, ...] = ()
        if t.lemma.lower() in lex.cue("breaking_verbs"):
            if any(toks[k].dep == "prt" or (toks[k].dep == "advmod" and toks[k].lower in PHRASAL_ENDS)
                   for k in tree.kids[t.i]):
                continue  # "broke off / broke down the treaty": ended, not violated (another sense, another code)
            if not _names(tree, obj, lex.cue("broken_rules")):
                continue  # "broke the record", "breached the wall": no rule broken
            # a broken agreement or law is the content of the accusation, not coded again (as "charged that" reads
            # it); a broken ceasefire or airspace is fighting or an incursion, reported and coded on its own too
            code, kind = ALLEGE, "alleges a violation"
            absorbed = () if _names(tree, obj, lex.cue("material_breaches")) else (t.i,)
        elif t.lemma.lower() == "cross":
            if not _red_line(tree, obj, lex):
                continue  # "crossed the border", "crossed the river": no judgement
            code, kind = ALLEGE, "alleges a violation"
        elif _names(tree, obj, lex.cue("misdeeds")):
            code, kind = DISAPPROVE, "disapproves of it"
        elif t.lemma.lower() != "make" and _names(tree, obj, lex.cue("alleged_misdeeds")):
            code, kind = ALLEGE, "alleges a wrong"
        else:
            continue
        subj = _subject(tree, t.i)
        if subj is None or not _party(tree, subj):
            continue
        f = make_frame(tree, lex, f"evaluation:misdeed+{toks[obj].lemma.lower()}", f"{t.lemma} {toks[obj].lower}", code,
                   t.i, t.i, _targets(tree, subj), f"saying a party {t.lemma}s a '{toks[obj].text}' {kind}",
                   absorbed=absorbed)
        if f is not None and f.speaker_actor and absorbed:
            # no speech verb: the speaker of a quote, if any, is found later; the violation stays coded on its own
            # until then ("Russia violated the ceasefire on Monday" is the writer's report)
            f = dataclasses.replace(f, absorbed=())
        if f is not None:
            out.append(f)
    return out


def _red_line(tree: Tree, obj: int, lex: Lexicon) -> bool:
    """'crossed a / the / Obama's red line', 'crossed all red lines', 'crossed the line': a limit, not a border
    (a bare "line" only with "the" or "every / all", never "the front line", "the finish line")."""
    toks = tree.tokens
    lines = lex.cue("crossed_lines")
    if not _names(tree, obj, lines):
        return False
    if toks[obj].lemma.lower() != "line" or any(toks[k].lower == "red" for k in tree.kids[obj]):
        return True
    return not any(toks[k].dep in ("amod", "compound", "poss") for k in tree.kids[obj])


def _harms(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'X said the president "undermines the world order"', '"You are hurting your country," X said', 'X said
    Russia's violations put Europeans at risk': a speaker saying a party does harm disapproves of it (ACCUSE)."""
    toks = tree.tokens
    out = []
    for t in toks:
        # a verb the lexicon knows only in an idiom with its object ("put the blame on") is still free here
        if t.pos != "VERB" or any(not (e.particle and " " in e.particle) for e in lex.verbs.get(t.lemma.lower(), ())):
            continue
        lemma = t.lemma.lower()
        if lemma == "put":
            if not any(toks[a].lemma.lower() in lex.cue("harm_phrases") for _, a in tree.prep_args(t.i, ("at", "in"))):
                continue
        elif lemma not in lex.cue("harm_verbs") or tree.child(t.i, OBJ) is None:
            continue
        if t.dep not in ("ccomp", "ROOT", "conj", "parataxis", "relcl") or any(
                toks[k].tag == "TO" for k in tree.kids[t.i]):
            continue  # the harm must be what is said, not an aim or a permission: "will not allow X to humiliate
            # me", "Russia's effort to undermine the election" (an allegation the effort noun may carry)
        if any(toks[k].dep == "neg" or toks[k].tag == "MD" or toks[k].dep == "auxpass" for k in tree.kids[t.i]):
            continue  # "does not undermine", "could damage relations" (a risk), "was undermined" (passive)
        subj = _subject(tree, t.i)
        if subj is None or not (_party(tree, subj) or toks[subj].lower == "you"):
            continue
        f = make_frame(tree, lex, f"evaluation:harm+{lemma}", f"X {lemma}s Y", DISAPPROVE, t.i, t.i, _targets(tree, subj),
                   f"saying a party {'puts others at risk' if lemma == 'put' else lemma + 's'} disapproves of it")
        if f is not None:
            out.append(f)
    return out


def _act_labels(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'"It is a cowardly act by the senate," X said' / 'X said the leaders were zealots': the label
    of a frame noun's "of" phrase, or one of `disapproving_labels` as the predicate, is an ACCUSE against the party
    the subject names or the "on the part of / by" party."""
    toks = tree.tokens
    labels = lex.cue("labels_accuse") | lex.cue("disapproving_labels")
    covered = {f.trigger[0] for f in frames if f.rule.startswith("copula-label")}
    out = []
    for t in toks:
        if t.lemma.lower() != "be" or t.pos not in ("AUX", "VERB"):
            continue
        pred = next((k for k in tree.kids[t.i] if toks[k].dep in ("attr", "acomp")), None)
        subj = tree.child(t.i, SUBJ)
        if pred is None or subj is None or pred in covered or any(
                toks[k].dep == "neg" for k in tree.kids[t.i] + tree.kids[pred]):
            continue  # a label of cues.toml on the predicate is copula-label's (speech.py)
        label = None
        if toks[pred].lemma.lower() in lex.cue("label_frames"):
            label = next((a for _, a in tree.prep_args(pred, ("of",)) if _names(tree, a, labels)), None)
        elif _names(tree, pred, lex.cue("disapproving_labels")) or any(
                toks[k].dep == "amod" and toks[k].lemma.lower() in lex.cue("disapproving_labels")
                for k in tree.kids[pred]):
            label = pred  # the plain labels of cues.toml are copula-label's (speech.py)
        if label is None:
            continue
        demonstrative = toks[subj].lower in ("this", "that", "it")
        targets = [x for p in tree.children(pred, {"prep"}) if toks[p].lower == "on"
                   for o in tree.children(p, {"pobj"}) if toks[o].lemma.lower() == "part"
                   for _, a in tree.prep_args(o, ("of",)) for x in tree.conjuncts(a)]
        targets = targets or [x for _, a in tree.prep_args(pred, ("by",)) for x in tree.conjuncts(a)]
        if not targets and not demonstrative:
            targets = _targets(tree, subj)
        f = make_frame(tree, lex, f"evaluation:label+{toks[label].lemma.lower()}", f"be {toks[label].lower}", DISAPPROVE,
                   pred, t.i, targets, f"calling a party or its act '{toks[label].text}' disapproves of it",
                   absorbed=tuple(i for i in tree.subtree(pred) if i != pred))
        if f is not None:
            out.append(f)
    return out


def _condemning(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'"It is shocking / It's horrifying to see ...," X said': a word of condemnation on a demonstrative subject
    (also when the parser made it a progressive verb) condemns a state of things; ACCUSE with no party needed."""
    toks = tree.tokens
    words = lex.cue("condemning_words") | lex.cue("condemnations")
    out = []
    for t in toks:
        if t.lower not in words:
            continue
        if t.pos == "ADJ" and t.dep == "acomp":
            cop = tree.head(t.i)
        elif t.tag == "VBG" and any(toks[k].dep == "aux" and toks[k].lemma.lower() == "be" for k in tree.kids[t.i]):
            cop = t.i  # "It's horrifying to see ...": parsed as a progressive "horrify"
        else:
            continue
        subj = tree.child(cop, SUBJ) if cop is not None else None
        if subj is None or toks[subj].lower not in ("it", "this", "that"):
            continue  # a party or act as subject is copula-label's (speech.py)
        if t.pos == "ADJ" and t.lower in lex.cue("condemnations"):
            continue  # copula-label codes the adjective of cues.toml already
        if any(toks[k].dep == "neg" for k in tree.kids[cop] + tree.kids[t.i]):
            continue
        f = make_frame(tree, lex, f"evaluation:condemning+{t.lower}", f"be {t.lower}", DISAPPROVE, t.i, cop,
                   [x for _, a in tree.prep_args(t.i, ("by",)) for x in tree.conjuncts(a)],
                   f"calling a state of things '{t.text}' condemns it", need_target=False)
        if f is not None:
            out.append(f)
    return out


def _modal(tree: Tree, v: int) -> str | None:
    """The future or deontic modal on v ("will", "would", "must"), or "going to"."""
    toks = tree.tokens
    for k in tree.kids[v]:
        if toks[k].dep in ("aux", "auxpass") and toks[k].lower in THREAT_MODALS:
            return toks[k].lower
    h = tree.head(v)
    if h is not None and toks[v].dep == "xcomp" and toks[h].lower == "going":
        return "going to"
    if h is not None and toks[v].dep == "conj":
        return _modal(tree, h)
    return None


def threat_code(tree: Tree, lex: Lexicon) -> Code:
    """THREATEN, with mode relations when the sentence speaks of economic or diplomatic costs, violence when it
    speaks of force (`force_context`), else none."""
    if any(t.lower in RELATIONS_WORDS for t in tree.tokens):
        return Code("THREATEN", "relations", "130")
    if any(t.lower in lex.cue("force_context") or t.lemma.lower() in lex.cue("force_context") for t in tree.tokens):
        return Code("THREATEN", "violence", "138")
    return Code("THREATEN", None, "130")


def _modal_verbs(tree: Tree):
    """(verb, lemma, modal, passive) for every verb under a modal and not negated: what a warning is said with ("will
    pay", "would be answered"); "Japan paid a price" reports and "will not suffer" reassures, so neither is one."""
    toks = tree.tokens
    for t in toks:
        if t.pos != "VERB":
            continue
        modal = _modal(tree, t.i)
        if modal is None or any(toks[k].dep == "neg" for k in tree.kids[t.i]):
            continue
        yield t, t.lemma.lower(), modal, any(toks[k].dep == "auxpass" for k in tree.kids[t.i])


def _consequences(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'X said Y will pay a heavy price / will face serious consequences / will suffer / will be punished / must be
    held accountable': a warning of punishment, THREATEN by X against Y (asserted: the warning was made)."""
    toks = tree.tokens
    out = []
    for t, lemma, modal, passive in _modal_verbs(tree):
        obj = tree.child(t.i, OBJ)
        if passive and lemma in lex.cue("punishments"):
            if lemma == "hold" and not any(toks[k].lemma.lower() in ("accountable", "responsible", "liable")
                                           for k in tree.kids[t.i] if toks[k].dep in ("oprd", "acomp", "xcomp", "advmod")):
                continue
            if lemma == "bring" and not any(toks[a].lemma.lower() == "justice" for _, a in tree.prep_args(t.i, ("to",))):
                continue
            if lemma == "make" and not any(toks[k].lemma.lower() == "pay" for k in tree.kids[t.i]):
                continue
            what = "punishment"
        elif not passive and obj is not None and lemma in lex.cue("consequence_verbs") and \
                toks[obj].lemma.lower() in lex.cue("consequences") and lemma not in ("lead", "result"):
            what = toks[obj].lower
        elif not passive and lemma in lex.cue("suffering_verbs") and (obj is None or lemma == "regret") and not (
                lemma == "pay" and tree.prep_args(t.i, ("to",))):
            what = lemma
        else:
            continue
        subj = _subject(tree, t.i)
        culprits = subj is not None and _culprits(tree, subj, lex)
        if not culprits and (subj is None or not (_party(tree, subj) or toks[subj].lower == "it") or (
                toks[subj].pos == "NOUN" and toks[subj].lemma.lower() not in AGENT_NOUNS and toks[subj].ent_type == "")):
            continue  # "the economy will suffer", "prices will pay off": no party is warned
        code, note = threat_code(tree, lex), f"saying a party will meet '{what}' warns it of punishment"
        if any(toks[k].dep == "aux" and toks[k].lemma.lower() == "have" for k in tree.kids[t.i]):
            if modal not in ("should", "must"):
                continue  # "would have paid a price": a counterfactual
            # "should have been held accountable": criticism of what was not done (as wordsense.py reads "should have")
            code, note = DISAPPROVE, f"saying a party should have met '{what}' criticises it"
        if culprits:
            # "those who carried out the attack will be held accountable": the doers of an act, unnamed, are
            # warned; the warning was made, its recipient is nobody (no guess)
            f = make_frame(tree, lex, f"consequence:{lemma}+culprits", f"{modal} {t.lemma}", code, t.i, t.i, [],
                       f"{note} (the unnamed doers of an act)", need_target=False)
        else:
            f = make_frame(tree, lex, f"consequence:{lemma}", f"{modal} {t.lemma}", code, t.i, t.i, tree.conjuncts(subj),
                       note)
        if f is not None:
            out.append(f)
    return out


def _culprits(tree: Tree, subj: int, lex: Lexicon) -> bool:
    """The unnamed doers of an act as a subject: a culprit noun ("the perpetrators", "the attackers"), "those /
    anyone / whoever" with the act they did ("those who used chemical weapons", "whoever ordered the killing") or
    "responsible" ("those responsible"). A bare "those" or "anyone" is no culprit ("anyone will pay more")."""
    toks = tree.tokens
    t = toks[subj]
    if t.pos == "VERB" and t.dep in ("csubj", "csubjpass"):  # "whoever ordered the killing will pay"
        return any(toks[k].lower in ("whoever", "whomever") for k in tree.kids[subj])
    if t.lemma.lower() in lex.cue("culprit_nouns") and t.pos == "NOUN":
        return not any(toks[k].dep == "poss" or toks[k].ent_type != "" for k in tree.kids[subj])
    if t.lower not in lex.cue("culprit_pronouns"):
        return False
    return any(toks[k].dep in ("relcl", "acl") or toks[k].lower == "responsible" for k in tree.kids[subj])


COST_VERBS = frozenset({"be", "grow", "rise", "increase", "mount", "come", "follow", "escalate", "continue", "climb"})


def _costs(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'X said the costs for Russia will continue to grow / the consequences for Iran would be severe': a warning of
    punishment aimed at the party the consequence noun names (THREATEN by X against it)."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.pos != "NOUN" or t.lemma.lower() not in lex.cue("consequences") or t.dep != "nsubj":
            continue
        v = t.head
        if toks[v].lemma.lower() not in COST_VERBS or any(toks[k].dep in ("auxpass", "neg") for k in tree.kids[v]):
            continue  # "the costs for Ukraine will be covered", "will not grow": no punishment announced
        modal = _modal(tree, v)
        if modal is None or modal in ("should", "must"):
            continue
        party = [x for _, a in tree.prep_args(t.i, ("for", "on", "to")) if _party(tree, a) and (
            toks[a].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[a].lemma.lower() in AGENT_NOUNS)
            for x in tree.conjuncts(a)]
        if not party:
            continue
        f = make_frame(tree, lex, f"consequence:{t.lemma.lower()}+{toks[v].lemma.lower()}", f"{t.lower} for X {modal}",
                   threat_code(tree, lex), t.i, v, party, f"saying the {t.text} for a party will come warns it")
        if f is not None:
            out.append(f)
    return out


def _answered(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'X said any attacks by Y would be answered / met with a decisive response' and 'such action should lead to
    consequences': the act's doer is warned (THREATEN by X). "Such action", "this", "the attack" with no doer
    refers to the act of force the sentence reports ("said the regime used chemical weapons and that such action
    should lead to consequences"): its actor is warned; with none, nobody is."""
    toks = tree.tokens
    out = []
    for t, lemma, modal, passive in _modal_verbs(tree):
        if passive and lemma in lex.cue("answers"):
            what = next((a for _, a in tree.prep_args(t.i, ("with", "by")) if toks[a].lemma.lower() in
                         lex.cue("consequences")), None)
            subj = tree.child(t.i, PASS_SUBJ)
        elif not passive and lemma in ("lead", "result"):
            what = next((a for _, a in tree.prep_args(t.i, ("to", "in")) if toks[a].lemma.lower() in
                         lex.cue("consequences")), None)
            subj = tree.child(t.i, SUBJ)
        else:
            continue
        if what is None or subj is None or toks[subj].pos == "PRON":
            continue
        doers = _owners(tree, subj)
        if not doers and any(toks[k].lower in REFERRING for k in tree.kids[subj]):
            doers = [a for g in frames if g.code.event in FORCE_TYPES and g.base != t.i for a in g.actors
                     if toks[a].pos != "PRON"]
        f = make_frame(tree, lex, f"consequence:{lemma}+{toks[what].lemma.lower()}", f"{modal} {lemma} {toks[what].lower}",
                   threat_code(tree, lex), t.i, t.i, doers,
                   "saying an act will be answered with force or consequences warns its doer", need_target=False)
        if f is not None:
            out.append(f)
    return out


def _demand_nouns(tree: Tree, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'"It is high time for the EU to cut its aid," X said', 'an urgent need for Congress to act', 'the onus is
    on Hamas to stop': a demand on the party (REQUEST by the speaker, refined by the act asked for)."""
    from .verbs import refine_code

    toks = tree.tokens
    by_trigger = {f.trigger[0]: f for f in frames}
    out = []
    for t in toks:
        if t.pos != "NOUN" or t.lemma.lower() not in lex.cue("demand_nouns"):
            continue
        h = tree.head(t.i)
        if h is None or toks[h].lemma.lower() != "be" or t.dep not in ("attr", "nsubj", "acomp"):
            continue  # "provided ample time for Russia to return": no demand is stated
        acts = [k for k in tree.kids[t.i] if toks[k].pos == "VERB" and toks[k].dep in ("acl", "relcl", "advcl")]
        acts += [k for k in tree.kids[h] if toks[k].pos == "VERB" and toks[k].dep in ("xcomp", "advcl", "ccomp")]
        for v in acts:
            if not any(toks[k].tag == "TO" for k in tree.kids[v]):
                continue
            party = tree.child(v, SUBJ) if any(toks[k].lower == "for" and toks[k].dep == "mark" for k in tree.kids[v]) \
                else None
            if party is None:
                party = next((a for _, a in tree.prep_args(t.i, ("for", "on")) if _party(tree, a)), None)
            if party is None:
                party = next((a for _, a in tree.prep_args(h, ("on",)) if _party(tree, a)), None)
            if party is None or not _named_party(tree, party):
                continue  # "it is time to act", "we need to act", "the duty is on employees": no party is asked
            if any(toks[k].dep == "neg" or toks[k].lower in ("no", "never") for k in tree.kids[t.i] + tree.kids[h]):
                continue  # "there is no need for Iran to worry"
            code = Code("REQUEST", None, "100")
            inner = by_trigger.get(v)
            if inner is not None:
                code = refine_code(code, inner.code)
            f = make_frame(tree, lex, f"deontic-noun:{t.lemma.lower()}+{toks[v].lemma.lower()}",
                       f"{t.lower} for X to {toks[v].lemma.lower()}", code, t.i, h,
                       tree.conjuncts(party), f"saying it is '{t.text}' for a party to act demands that it act",
                       absorbed=(v,))
            if f is not None:
                out.append(f)
            break
    return out
