"""coding: sentences + actor mentions -> PLOVER events with CAMEO codes, scores, factuality and provenance.

For each sentence the grammar (grammar.py) proposes frames; this stage resolves their argument nodes to
actor mentions, decides factuality (factuality.py), fills the scores from the ontology, and records why a
frame was dropped in Document.skipped. No lexicon match means no event: there is no fallback code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from dataclasses import dataclass

from ..knowledge.lexicon import Code, Lexicon, load_lexicon
from ..knowledge.ontology import Ontology, load_ontology
from ..pipeline import Context, stage
from ..records import Document, Entity, Event, Factuality, Mention, Sentence, TextInfo
from . import factuality as fact
from .grammar import Frame, Tree, claim_source, find_frames, subject_of

log = logging.getLogger(__name__)

ARG_DEPS = {"poss", "compound", "amod", "nmod", "appos", "prep", "pobj", "case", "det", "nummod", "flat"}
# Future cooperative acts are intentions, which PLOVER codes as AGREE (manual, AGREE and CONSULT sections).
# An announced concession or retreat is an intent to yield (CAMEO 035), also AGREE.
INTENT_TYPES = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
INTENT_CAMEO = {"CONSULT": "036", "AID": "033", "CONCEDE": "035", "RETREAT": "035"}
INTENT_CUES = ("future auxiliary", "governed by 'plan", "governed by 'intend", "governed by 'promise", "intention",
               "governed by 'want", "governed by 'hope", "governed by 'seek", "governed by 'wish",
               "governed by 'set", "governed by 'schedule", "governed by 'due")
# A future or announced conflictual act is a threat (manual: THREATEN is ASSAULT + hypothetical, coded as one type).
THREAT_TYPES = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
THREAT_MODES = {"SANCTION": ("relations", "131"), "COERCE": ("restrict", "132"), "ASSAULT": ("violence", "138"),
                "PROTEST": ("relations", "133"), "MOBILIZE": ("violence", "138")}
FIGURATIVE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "RETREAT", "SANCTION"}
_SCORE_RE = re.compile(r"\d{1,2}-\d{1,2}")
# Types whose target, when none is named, CAMEO codes from the place or (DOMESTIC_TYPES) the actor's country.
NO_DEFAULT_RECIPIENT = {"CONSULT", "COOPERATE"}
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE", "ASSAULT"}
LOCATIVE_PREPS = {"in", "inside", "throughout", "near", "at", "across", "outside"}
# A refusal to cooperate is a REJECT ("will not accept", "failed to reach agreement").
REFUSABLE = {"AGREE", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONSULT"}


@dataclass(frozen=True, slots=True)
class Argument:
    """One resolved argument: the entity, the mention's head token, and how it was found."""

    entity: Entity
    head: int
    how: str


class MentionIndex:
    """Mentions of one sentence, looked up by head token and by span containment."""

    def __init__(self, mentions: list[Mention]):
        self.by_head: dict[int, list[Mention]] = {}
        self.all = mentions
        for m in mentions:
            self.by_head.setdefault(m.head, []).append(m)

    def at(self, tree: Tree, node: int) -> tuple[list[Mention], str]:
        """Mentions for an argument node: same head, a span covering it, or a mention inside its noun phrase."""
        if node in self.by_head:
            return _dedup_spans(self.by_head[node]), "mention head"
        cover = [m for m in self.all if m.start <= node < m.end]
        if cover:
            return _dedup_spans(cover), "mention span"
        inner = _np_tokens(tree, node)
        inside = [m for m in self.all if m.head in inner]
        if inside:
            first = min(inner.index(m.head) for m in inside)
            best = [m for m in inside if inner.index(m.head) == first]
            heads = set(tree.conjuncts(best[0].head))
            best += [m for m in inside if m.head in heads and m not in best]
            return best, "mention inside the noun phrase"
        return [], ""


def _dedup_spans(ms: list[Mention]) -> list[Mention]:
    widest = max(m.end - m.start for m in ms)
    return [m for m in ms if m.end - m.start == widest]


def _np_tokens(tree: Tree, node: int) -> list[int]:
    """Tokens of the noun phrase headed by node (modifiers, 'of' phrases, appositions), nearest first."""
    out, queue = [], [node]
    while queue:
        i = queue.pop(0)
        out.append(i)
        for k in tree.kids[i]:
            t = tree.tokens[k]
            if t.dep in ARG_DEPS and not (t.dep == "prep" and t.lower not in ("of", "from", "in")):
                queue.append(k)
    return out[1:]


def event_id(article_id: str, sentence: int, trigger: tuple[int, int], event: str, actors, recipients) -> str:
    key = "|".join([article_id, str(sentence), f"{trigger[0]}-{trigger[1]}", event,
                    ",".join(e.code or e.entity_text for e in actors), ",".join(e.code or e.entity_text for e in recipients)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Coder:
    """Codes sentences against the ontology and lexicon; built once per process.

    resolve_text: the actor knowledge base's `resolve(text, date=)`, used only for country modifiers inside an
    argument that the actors stage did not turn into a mention ("rejected a U.S. request").
    """

    def __init__(self, ontology: Ontology, lexicon: Lexicon, resolve_text=None, place_country=None):
        self.onto = ontology
        self.lex = lexicon
        self.resolve_text = resolve_text
        self.place_country = place_country  # place name -> (alpha-3 or None, why): the gazetteer, optional
        self._places: dict[str, tuple[str | None, str]] = {}
        self._resolved: dict[str, Entity] = {}
        self.date = None

    def resolve(self, tree: Tree, nodes, index: MentionIndex, trace: list[str]) -> list[Argument]:
        out: list[Argument] = []
        seen: set[tuple] = set()
        for n in nodes:
            ms, how = index.at(tree, n)
            if not ms:
                n, ms, how = self._fallback(tree, n, index)
            if not ms:
                t = tree.tokens[n]
                if (t.ent_type == "NORP" and t.pos in ("ADJ", "PROPN")) or (
                        t.pos == "ADJ" and t.i > 0 and t.text[:1].isupper() and t.dep == "amod"):
                    ent = Entity(entity_text=t.text, code=None, reason="named group or nationality with no resolved actor")
                    out.append(Argument(ent, n, "unresolved named group"))
                    trace.append(f"'{t.text}': no mention; kept as an unresolved named group")
                elif t.lemma.lower() in self.lex.cue("agents") or t.lower in self.lex.cue("agents"):
                    text = " ".join(tree.tokens[i].text for i in tree.subtree(n) if tree.tokens[i].dep != "relcl")
                    ent = Entity(entity_text=text[:120], code=None, reason="agent-like noun phrase with no resolved actor")
                    out.append(Argument(ent, n, "unresolved agent noun"))
                    trace.append(f"'{t.text}': no mention; kept as unresolved agent noun phrase")
                else:
                    trace.append(f"'{t.text}': no actor mention and not an agent noun")
                continue
            for m in ms:
                key = (m.entity.code, m.entity.entity_text, m.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Argument(m.entity, m.head, how))
                trace.append(f"'{tree.tokens[n].text}' -> {m.entity.code or '?'} via {how} '{m.text}'")
        return out

    def _fallback(self, tree: Tree, n: int, index: MentionIndex) -> tuple[int, list[Mention], str]:
        """Second chances for an argument with no mention: the 'of' phrase of a quantity ("thousands of
        students"), and for a pronoun in a reported clause, the speaker ("Syria said it would ...")."""
        t = tree.tokens[n]
        if t.lemma.lower() in self.lex.cue("quantity") or t.lower in self.lex.cue("quantity") or t.pos == "NUM":
            for _, a in tree.prep_args(n, ("of",)):
                ms, how = index.at(tree, a)
                if ms:
                    return a, ms, f"{how} of the counted group"
                return a, [], ""
        if t.pos == "PRON" and t.lower in ("it", "they", "we", "he", "she", "i"):
            verb, speakers = claim_source(tree, n if t.head == n else t.head, self.lex.cue("speech"))
            for sp in speakers:
                ms, how = index.at(tree, sp)
                if ms and sp != n:
                    return n, ms, f"pronoun '{t.text}' taken as the speaker"
        modifier = self._modifier_entity(tree, n)
        if modifier is not None:
            return modifier
        return n, [], ""

    def _modifier_entity(self, tree: Tree, n: int) -> tuple[int, list[Mention], str] | None:
        """A named country/organisation modifier inside the argument's noun phrase ("a U.S. request")."""
        if self.resolve_text is None:
            return None
        toks = tree.tokens
        for i in _np_tokens(tree, n):
            t = toks[i]
            if t.ent_type not in ("GPE", "NORP", "ORG") or t.dep not in ("compound", "amod", "poss", "pobj", "nmod"):
                continue
            lo, hi = i, i + 1
            while lo > 0 and toks[lo].ent_iob == "I":  # back to the entity's first token
                lo -= 1
            while hi < len(toks) and toks[hi].ent_iob == "I":
                hi += 1
            text = " ".join(x.text for x in toks[lo:hi])
            if text not in self._resolved:
                self._resolved[text] = self.resolve_text(text, date=self.date)
            ent = self._resolved[text]
            if ent.code:
                m = Mention(-1, lo, hi, i, text, dataclasses.replace(
                    ent, reason=f"{ent.reason}; modifier of the argument, resolved by the knowledge base".strip("; ")))
                return i, [m], "named modifier"
        return None

    def code_sentence(self, doc: Document, sent: Sentence, mentions: list[Mention], max_tokens: int,
                      trace: list[str] | None = None) -> tuple[list[Event], list[str]]:
        """Events of one sentence and the reasons for frames that did not become events."""
        trace = trace if trace is not None else []
        skipped: list[str] = []
        if not sent.tokens:
            return [], []
        if len(sent.tokens) > max_tokens:
            return [], [f"sentence {sent.index}: {len(sent.tokens)} tokens > max_sentence_tokens={max_tokens}"]
        frames, notes, tree = find_frames(sent.tokens, self.lex)
        trace.extend(notes)
        index = MentionIndex(mentions)
        coded: list[tuple[Frame, Event]] = []
        for f in frames:
            ev, why = self._event(doc, sent, tree, f, index, trace)
            if ev is None:
                skipped.append(f"sentence {sent.index}: {f.rule} '{_span_text(sent, f.trigger)}': {why}")
                trace.append(f"{f.rule}: dropped: {why}")
            else:
                coded.append((f, ev))
                trace.append(f"{f.rule}: coded {ev.event}/{ev.mode or '-'} {ev.cameo} ({ev.factuality})")
        events = []
        for f, ev in coded:
            main = _participle_of_same_event(tree, f, ev, coded)
            if main is not None:
                trace.append(f"{f.rule}: '{_span_text(sent, f.trigger)}' is a participle of '{main}', the same "
                             f"{ev.event}: not coded twice")
                continue
            events.append(ev)
        return _merge(events), skipped

    def _event(self, doc, sent, tree, f: Frame, index, trace) -> tuple[Event | None, str]:
        toks = tree.tokens
        src_verb, src_nodes = claim_source(tree, f.base, self.lex.cue("speech"))
        sources = self.resolve(tree, src_nodes, index, trace) if src_nodes else []
        actors = self.resolve(tree, f.actors, index, trace)
        if not actors and f.rule.startswith("copula"):
            actors = sources or self.resolve(tree, f.actor_fallback, index, trace)
        if not actors:
            return None, "no actor"
        if all(a.entity.code is None and not a.entity.sector for a in actors) and \
                all(tree.tokens[a.head].ent_type in ("ORG", "PERSON", "FAC", "PRODUCT") for a in actors):
            return None, "the actor is a name unknown to the knowledge base (no country, no sector)"
        if f.code.event in FIGURATIVE_TYPES and self._figurative(tree):
            return None, "sport or markets wording: violent verbs there are figurative"
        if code_needs_two(f) and len(actors) < 2 and not f.recipients:
            return None, "a meeting needs two parties and only one was found"
        recipients = [] if f.reciprocal else self.resolve(tree, f.recipients, index, trace)
        if not recipients and not f.reciprocal and f.places and code_domestic(f):
            recipients = [r for r in self.resolve(tree, f.places, index, trace) if r.entity.code]
            if recipients:
                trace.append("recipient taken from the place the act targets ('in X')")
        if f.require_recipient and not recipients:
            return None, "the verb needs a recipient actor and none was found"
        actors, recipients = _prefer_resolved(actors), _prefer_resolved(recipients)
        actor_keys = {(a.entity.code, a.head) for a in actors}
        actor_codes = {a.entity.code for a in actors if a.entity.code}
        recipients = [r for r in recipients if (r.entity.code, r.head) not in actor_keys
                      and not (r.entity.code in actor_codes and tree.tokens[r.head].pos == "PRON")]
        if not f.reciprocal and len(actors) == 1 and recipients and all(
            r.entity.code and r.entity.code == actors[0].entity.code and r.head == actors[0].head for r in recipients
        ):
            recipients = []
        if all(a.entity.code is None for a in actors):
            actors = self._place_actors(tree, f, actors, index, trace)
        joint = f.reciprocal and len(actors) > 1  # a lone actor of a joint-act noun acts on someone else
        if not joint and f.code.event not in NO_DEFAULT_RECIPIENT and all(
                r.entity.code is None for r in recipients):
            default = self._default_recipients(tree, f, actors, index, trace)
            if recipients and default:  # "police arrested students": the students of the place / actor's country
                code = default[0].entity.code
                recipients = [Argument(dataclasses.replace(r.entity, code=code, reason=(
                    f"{r.entity.reason}; country {code} of the unnamed group taken from {default[0].how}")),
                    r.head, r.how) for r in recipients]
            else:
                recipients = default
        factuality, reason = fact.classify(tree, f.base, self.lex, trigger=f.trigger[1] - 1)
        code = f.code
        own_intent = reason.startswith(INTENT_CUES) and self._announced(tree, f.base)
        if factuality in (Factuality.FUTURE, Factuality.HYPOTHETICAL) and code.event in INTENT_TYPES and own_intent:
            reason = f"{reason}; a future {code.event} is an intention, coded AGREE per PLOVER"
            code = Code("AGREE", None, INTENT_CAMEO.get(code.event, "030"))
            factuality = Factuality.ASSERTED
        elif factuality == Factuality.FUTURE and code.event == "RETREAT" and own_intent:
            reason = f"{reason}; an announced future RETREAT is coded CONCEDE per PLOVER"
            code = Code("CONCEDE", None, "080")
            factuality = Factuality.ASSERTED
        elif factuality in (Factuality.FUTURE, Factuality.HYPOTHETICAL) and code.event in THREAT_TYPES \
                and not f.rule.startswith("copula") and (self._conditional(tree, f.base) or (
                    own_intent and self._self_announced(tree, f.base))):
            mode, cameo_code = THREAT_MODES[code.event]
            if code.mode in ("expel", "arrest"):
                mode, cameo_code = code.mode, "136" if code.mode == "expel" else "132"
            reason = f"{reason}; an announced {code.event} is a threat, coded THREATEN per PLOVER"
            code = Code("THREATEN", mode, cameo_code)
            factuality = Factuality.ASSERTED
        elif factuality == Factuality.NEGATED and code.event in REFUSABLE and _refusal(reason, code.event, tree, f):
            reason = f"{reason}; a refused {code.event} is coded REJECT per PLOVER"
            code = Code("REJECT", None, "120")
            factuality = Factuality.ASSERTED
        et = self.onto.event_type(code.event)
        cameo = self.onto.code(code.cameo)
        mode = code.mode
        context = self._contexts(sent, cameo.context)
        a_ents = tuple(a.entity for a in actors)
        r_ents = tuple(r.entity for r in recipients)
        trig = f.trigger
        t0, t1 = toks[trig[0]], toks[trig[1] - 1]
        lo = min([trig[0]] + [a.head for a in actors] + [r.head for r in recipients])
        hi = max([trig[1] - 1] + [a.head for a in actors] + [r.head for r in recipients])
        event_text = _span_text(sent, (trig[0], trig[1]))
        confidence = 0.9
        if any(e.code is None for e in a_ents + r_ents):
            confidence -= 0.2
        if not f.rule.startswith(("svo", "passive")):
            confidence -= 0.1
        if et.recipient and not r_ents and not f.reciprocal:
            confidence -= 0.1
        ev = Event(
            id=event_id(doc.article.id, sent.index, trig, code.event, a_ents, r_ents),
            article_id=doc.article.id,
            event=code.event,
            actor=a_ents,
            recipient=r_ents,
            cameo=code.cameo,
            goldstein=cameo.goldstein,
            quad_code=et.quad,
            event_scale=self.onto.score(code.event, mode),
            factuality=factuality,
            text=sent.text,
            text_info=TextInfo(sent.index, sent.start, sent.end, t0.idx, t1.end),
            event_text=event_text,
            rule=f"{f.rule}#{code.event}/{code.cameo}",
            confidence=round(max(confidence, 0.3), 2),
            mode=mode,
            context=context,
            factuality_reason=reason,
            claim_source=tuple(s.entity for s in sources),
            trigger=trig,
            actor_heads=tuple(a.head for a in actors),
            recipient_heads=tuple(r.head for r in recipients),
            publication=doc.article.publisher or doc.article.source,
        )
        del lo, hi, src_verb
        return ev, ""

    def _place_arguments(self, tree: Tree, nodes: list[int], index: MentionIndex) -> list[Argument]:
        """Countries of place nodes: an actor mention that resolves to a country, else the gazetteer's country for
        a named place ("in Tel Aviv" -> ISR)."""
        out = []
        toks = tree.tokens
        for n in nodes:
            found = [r for r in self.resolve(tree, [n], index, []) if _is_country(r.entity.code)]
            if found:
                out.append(Argument(found[0].entity, n, "the place of the act"))
                continue
            if self.place_country is None or toks[n].ent_type not in ("GPE", "LOC"):
                continue
            lo, hi = n, n + 1
            while lo > 0 and toks[lo].ent_iob == "I":
                lo -= 1
            while hi < len(toks) and toks[hi].ent_iob == "I":
                hi += 1
            text = " ".join(t.text for t in toks[lo:hi] if t.ent_type)
            if text not in self._places:
                self._places[text] = self.place_country(text)
            code, why = self._places[text]
            if _is_country(code):
                out.append(Argument(Entity(entity_text=text, code=code, reason=f"place of the act: {why}"), n,
                                    "the place of the act (gazetteer)"))
        return out

    def _object_nationality(self, tree: Tree, f: Frame, index: MentionIndex) -> list[Argument]:
        """A country or nationality inside the unresolved target's noun phrase ("a camp for Congolese
        refugees", "Kampuchean guerrilla camps")."""
        if self.resolve_text is None:
            return []
        toks = tree.tokens
        # the named target's phrase, else the object phrase of the act ("issued warrants for two Chilean men")
        nodes = list(f.recipients) or (tree.children(f.base, {"dobj"})
                                       + [a for _, a in tree.prep_args(f.base, ("for", "against"))])
        for n in nodes:
            for i in sorted(tree.subtree(n)):
                t = toks[i]
                if t.ent_type not in ("GPE", "NORP") or t.dep in ("relcl",) or t.ent_iob == "I":
                    continue
                hi = i + 1
                while hi < len(toks) and toks[hi].ent_iob == "I":
                    hi += 1
                text = " ".join(x.text for x in toks[i:hi])
                if text not in self._resolved:
                    self._resolved[text] = self.resolve_text(text, date=self.date)
                ent = self._resolved[text]
                if _is_country(ent.code):
                    return [Argument(Entity(entity_text=text, code=ent.code, reason=(
                        f"{ent.reason}; country named inside the unresolved target").strip("; ")), i,
                        "country named in the target")]
        return []

    def _place_actors(self, tree: Tree, f: Frame, actors: list[Argument], index: MentionIndex,
                      trace: list[str]) -> list[Argument]:
        """Unresolved actors ("ethnic Albanians demonstrated in Serbia") take the country of the place of the
        act, as the actor knowledge base does for agents located with 'in X'."""
        named = []
        for a in actors:  # "US and British activists": the countries modifying the unresolved group
            for c in tree.children(a.head, {"nmod", "amod", "compound", "poss"}):
                for x in tree.conjuncts(c):
                    for m in index.at(tree, x)[0]:
                        if _is_country(m.entity.code) and m.head == x:
                            named.append(Argument(dataclasses.replace(a.entity, code=m.entity.code, reason=(
                                f"{a.entity.reason}; country {m.entity.code} from its modifier '{m.text}'").strip(
                                "; ")), a.head, a.how))
        if named:
            trace.append("unresolved actor: countries of its modifiers")
            return named
        taken = {a.head for a in actors}
        places = [a for a in _locative_places(tree, f.base, self.lex.cue("speech")) if a not in taken]
        found = self._place_arguments(tree, places, index)
        if not found:
            return actors
        code = found[0].entity.code
        trace.append(f"unresolved actor: country {code} of the place of the act")
        return [Argument(dataclasses.replace(a.entity, code=code, reason=(
            f"{a.entity.reason}; country {code} of the place of the act").strip("; ")), a.head, a.how)
            for a in actors]

    def _default_recipients(self, tree: Tree, f: Frame, actors: list[Argument], index: MentionIndex,
                            trace: list[str]) -> list[Argument]:
        """The target of an act whose target is not named, by the CAMEO convention for unnamed targets: the
        country of the place where the act happens ("police fired on crowds in Baghdad" -> IRQ), else, for an
        act aimed at a population (protest, coercion, violence, concession), the actor's own country."""
        actor_heads = {a.head for a in actors}
        named = self._object_nationality(tree, f, index)
        if named:
            trace.append(f"recipient: country {named[0].entity.code} named inside the unresolved target")
            return named
        places = [a for a in _locative_places(tree, f.base, self.lex.cue("speech")) if a not in actor_heads]
        found = self._place_arguments(tree, places, index)
        if found:
            trace.append("recipient taken from the place the act happens in (no target named)")
            return found[:1]
        codes = {a.entity.code for a in actors}
        if f.code.event in DOMESTIC_TYPES and len(codes) == 1 and _is_country(next(iter(codes))):
            a = actors[0]
            trace.append(f"recipient: no target named, a {f.code.event} act is aimed at the actor's own country")
            ent = Entity(entity_text=_country_name(a.entity.code), code=a.entity.code,
                         reason="unnamed target: the actor's own country")
            return [Argument(ent, a.head, "actor's own country")]
        return []

    def _announced(self, tree: Tree, base: int) -> bool:
        """Whether a future clause states its subject's own intention: a main clause, a clause reported by a
        speech verb, or the complement of the subject's own plan/wish ("Russia hopes Ukraine will attack"
        is Russia's hope, not Ukraine's announcement)."""
        toks = tree.tokens
        i = base
        while toks[i].dep == "conj" and tree.head(i) is not None:
            i = tree.head(i)
        h = tree.head(i)
        if h is None:
            return True
        dep, hl = toks[i].dep, toks[h].lemma.lower()
        if dep in ("ccomp", "parataxis") and hl in self.lex.cue("speech"):
            return True
        if dep == "xcomp":
            return True
        return False

    def _conditional(self, tree: Tree, base: int) -> bool:
        """The clause carries a condition: an 'if'/'unless' clause or an inverted 'should/had/were' clause."""
        toks = tree.tokens
        for c in tree.children(base, {"advcl"}):
            kids = tree.kids[c]
            if any(toks[k].dep == "mark" and toks[k].lower in self.lex.cue("conditional") for k in kids):
                return True
            first = min([c] + kids)
            if toks[first].lower in ("should", "had", "were") and toks[first].dep == "aux":
                return True
        return any(toks[k].lower == "only" for k in tree.kids[base]) and bool(tree.children(base, {"prep", "advcl"}))

    def _self_announced(self, tree: Tree, base: int) -> bool:
        """'X said it would expel ...': the reported subject is a pronoun standing for the speaker."""
        return any(tree.tokens[s].pos == "PRON" for s in subject_of(tree, base))

    def _figurative(self, tree: Tree) -> bool:
        words = self.lex.cue("figurative")
        return any(t.lemma.lower() in words or t.lower in words for t in tree.tokens) or any(
            _SCORE_RE.fullmatch(t.text) for t in tree.tokens)

    def _contexts(self, sent: Sentence, hint: str | None) -> tuple[str, ...]:
        lemmas = {t.lemma.lower() for t in sent.tokens} | {t.lower for t in sent.tokens}
        text = sent.text.lower()
        out = [hint] if hint else []
        for name, words in self.onto.contexts.items():
            if name in out:
                continue
            if any((w in lemmas) if " " not in w else (w in text) for w in words):
                out.append(name)
        return tuple(out[:3])


def _participle_of_same_event(tree: Tree, f: Frame, ev: Event, coded: list[tuple[Frame, Event]]) -> str | None:
    """"X shelled the town, killing eight people": a subjectless -ing clause of a verb coded with the same type
    describes the same act (PLOVER codes one event), unless it names a party the main event lacks. Returns the
    main trigger's text, or None."""
    t = tree.tokens[f.base]
    if t.dep != "advcl" or not t.lower.endswith("ing") or tree.children(f.base, {"nsubj", "nsubjpass"}):
        return None
    for g, other in coded:
        if g.base == t.head and other.event == ev.event and other is not ev and _parties(ev) <= _parties(other):
            return tree.tokens[g.base].text
    return None


def _parties(ev: Event) -> set[tuple[str, str]]:
    return {("a", e.code) for e in ev.actor if e.code} | {("r", e.code) for e in ev.recipient if e.code}


def _prefer_resolved(args: list[Argument]) -> list[Argument]:
    """Unresolved noun phrases next to resolved ones add nothing but an unknown party: keep the resolved."""
    coded = [a for a in args if a.entity.code]
    return coded or args


def _is_country(code: str | None) -> bool:
    """An ISO alpha-3 country code (not an IGO, NGO or other group code)."""
    return bool(code) and code in _country_codes()


_COUNTRIES: set[str] = set()


def _country_codes() -> set[str]:
    if not _COUNTRIES:
        import pycountry

        _COUNTRIES.update(c.alpha_3 for c in pycountry.countries)
        _COUNTRIES.update(("XKX", "PSE"))
    return _COUNTRIES


def _country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return c.name if c else code


def _locative_places(tree: Tree, base: int, speech: set[str] | frozenset[str]) -> list[int]:
    """Objects of locative prepositions ("in", "near", "at", ...) in the event's own clause: attached to the
    trigger verb or to its arguments, not inside a reporting clause ("..., police in Cairo said")."""
    toks = tree.tokens
    out: list[int] = []
    stack = [base]
    seen = set()
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        for k in tree.kids[n]:
            t = toks[k]
            if t.dep in ("ccomp", "parataxis", "relcl", "acl", "advcl", "conj") or (
                    t.pos == "VERB" and t.lemma.lower() in speech):
                continue
            if t.dep == "prep" and t.lower in LOCATIVE_PREPS:
                for a in tree.children(k, {"pobj"}):
                    out.extend(x for x in tree.conjuncts(a) if toks[x].ent_type in ("GPE", "LOC", "FAC", "NORP"))
                    out.extend(c for c in tree.children(a, {"poss", "compound"}) if toks[c].ent_type == "GPE")
            if t.dep in ("nsubj", "nsubjpass", "dobj", "prep", "pobj", "agent", "xcomp", "npadvmod"):
                stack.append(k)
    return out


def code_domestic(f: Frame) -> bool:
    """Acts whose target, when unnamed, is the population of the place they happen in."""
    return f.code.event in ("COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST", "ASSAULT")


def code_needs_two(f: Frame) -> bool:
    """A bare 'X met' (one party, no recipient) is not a codable meeting."""
    return f.code.event == "CONSULT" and f.rule.startswith("svo") and f.code.mode != "visit"


def _refusal(reason: str, event: str, tree: Tree, f: Frame) -> bool:
    """Whether a negation reads as a refusal: 'will/would not', 'failed to', or a negated agreement."""
    if "governed by 'fail" in reason:
        return True
    if not reason.startswith("negation"):
        return False
    if event in ("AGREE", "CONCEDE"):
        return True
    return any(tree.tokens[k].lower in ("will", "would", "wo", "'ll") for k in tree.kids[f.base])


def _span_text(sent: Sentence, span: tuple[int, int]) -> str:
    toks = sent.tokens[span[0]:span[1]]
    return "".join(t.text + t.ws for t in toks).strip()


def _merge(events: list[Event]) -> list[Event]:
    """One event per id (two rules may find the same trigger and arguments)."""
    seen: dict[str, Event] = {}
    for e in events:
        seen.setdefault(e.id, e)
    return list(seen.values())


def load_coder(ctx: Context) -> Coder:
    def build() -> Coder:
        resolve_text = None
        try:
            from ..knowledge.actors import load_knowledge

            resolve_text = getattr(load_knowledge(ctx), "resolve", None)
        except ImportError:  # the actor knowledge base is optional for coding
            log.warning("actor knowledge base unavailable: argument modifiers are not resolved")
        place_country = None
        try:
            from ..knowledge.gazetteer import load_gazetteer

            gazetteer = load_gazetteer(ctx)

            def place_country(text: str) -> tuple[str | None, str]:
                entry, why = gazetteer.resolve(text)
                return (entry.country_code if entry else None), why
        except ImportError:  # the gazetteer is optional for coding
            log.warning("gazetteer unavailable: places of unnamed targets are not resolved")
        return Coder(load_ontology(), load_lexicon(), resolve_text, place_country)

    return ctx.resource("coder", build)


@stage("coding", requires=("sentences", "mentions"), provides=("events",))
def code_events(doc: Document, ctx: Context) -> Document:
    """Sentences + mentions -> events. Requires: sentences, mentions. Provides: events."""
    coder = load_coder(ctx)
    max_tokens = int(ctx.settings["max_sentence_tokens"])
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    events: list[Event] = []
    skipped: list[str] = []
    coder.date = doc.reference_date or doc.article.published
    for sent in doc.sentences:
        evs, why = coder.code_sentence(doc, sent, by_sentence.get(sent.index, []), max_tokens)
        events.extend(evs)
        skipped.extend(why)
    return dataclasses.replace(doc, events=tuple(events), skipped=doc.skipped + tuple(skipped))
