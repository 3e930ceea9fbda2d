"""The Coder: one sentence's frames -> events (arguments, recipients, factuality, PLOVER reductions, scores)."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re

from ...knowledge.lexicon import Code, Lexicon
from ...knowledge.ontology import Ontology
from ...records import Document, Entity, Event, Factuality, Mention, Sentence, TextInfo
from . import factuality as fact
from . import noun_factuality as nounfact
from .arguments import Argument, ArgumentRules, MentionIndex, prefer_resolved
from .authors import attack_authors, retold_attackers
from . import (adoptions, advisories, alignments, asked, barring, ceremonies, charges, complements, concessions,
               deceptions, desires, encounters, exits, forces, holders, idioms, inhouse, instruments, intended, meetings,
               notices, objectsenses, obligations, occasions, omissions, oneact, orders, presence, press, promises,
               publics, questions, readings, senses, struggles, wording, wordsense)
from .confidence import load_calibration
from .frames import find_frames
from .object_rules import ObjectRules
from .recipients import NO_DEFAULT_RECIPIENT, RecipientRules, capitals_as_governments, code_domestic
from .. import redlines
from ..datelines import dateline_end, detached, lead_sentence
from .speech import claim_source
from .tree import Frame, Tree, names_word, subject_of
from .verbs import FIGHTING

log = logging.getLogger(__name__)

INTENT_TYPES = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# Verbal stances: announcing that one will resist or oppose something takes the stance now. (Future support
# stays an intention, AGREE, as the PLOVER gold codes "will support Turkey's bid".)
STANCE_TYPES = {"REJECT"}
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

# Acts coded even when a passive does not name who did them: violence of any mode (unknown armed actor, see
# _event), arrests ("he was arrested": by the authorities of the place or of his country) and convictions ("she
# was sentenced to five years", "were found guilty": by the courts of the place or of the convicted party's
# country); the value is the sector of the unnamed actor.
# Attacks a party came under with no attacker named ("the consulate came under rocket attack"): reported like an
# agentless passive (fifteenth round, recall; verbs.py keeps them only on places, targets and forces). "Suffered an
# attack" was left out: its one dev-split case named a mission by its city and lost actor and mode floors.
UNDERGONE = ("light:come+",)
AGENTLESS_CODES = {("COERCE", "arrest"): "COP", ("SANCTION", "convict"): "JUD"}
PROMISES = frozenset({"promise", "pledge", "vow", "commit", "guarantee"})
REFUSABLE = {"AGREE", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONSULT"}


def event_id(article_id: str, sentence: int, trigger: tuple[int, int], event: str, actors, recipients) -> str:
    key = "|".join([article_id, str(sentence), f"{trigger[0]}-{trigger[1]}", event,
                    ",".join(e.code or e.entity_text for e in actors), ",".join(e.code or e.entity_text for e in recipients)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Coder(ArgumentRules, RecipientRules, ObjectRules):
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
        self.speaker: Entity | None = None  # speaker of the direct quote the current sentence stands in
        self.voices: dict[int, Entity] = {}  # token -> speaker of the quote a first-person pronoun stands in
        # (sentence, stemmed trigger, attackers) of the attacks coded so far in the article (authors.retold_attackers)
        self.recent_attackers: list[tuple[int, str, tuple[Entity, ...]]] = []

    def code_sentence(self, doc: Document, sent: Sentence, mentions: list[Mention], max_tokens: int,
                      trace: list[str] | None = None) -> tuple[list[Event], list[str]]:
        """Events of one sentence and the reasons for frames that did not become events."""
        trace = trace if trace is not None else []
        skipped: list[str] = []
        if not sent.tokens:
            return [], []
        if len(sent.tokens) > max_tokens:
            return [], [f"sentence {sent.index}: {len(sent.tokens)} tokens > max_sentence_tokens={max_tokens}"]
        lead = dateline_end(sent.text, sent.tokens, sent.start) if lead_sentence(doc, sent) else 0
        frames, notes, tree = find_frames(detached(sent.tokens, lead), self.lex)  # "MOSCOW (Reuters) - ..."
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
            main = oneact.participle_of_same_event(tree, f, ev, coded)
            if main is not None:
                trace.append(f"{f.rule}: '{_span_text(sent, f.trigger)}' is a participle of '{main}', the same "
                             f"{ev.event}: not coded twice")
                continue
            events.append(ev)
        calibration = load_calibration()
        return [dataclasses.replace(e, confidence=round(calibration.score(e), 3))
                for e in oneact.one_act(oneact.merge(events), tree, trace)], skipped

    def _event(self, doc, sent, tree, f: Frame, index, trace) -> tuple[Event | None, str]:
        toks = tree.tokens
        src_verb, src_nodes = claim_source(tree, f.base, self.lex.cue("speech"))
        sources = self.resolve(tree, src_nodes, index, trace) if src_nodes else []
        actors = self.resolve(tree, f.actors, index, trace, actor=True)
        if not actors and f.speaker_actor and self.speaker is not None:
            actors = [Argument(self.speaker, -1, "speaker of the quote")]
            trace.append(f"actor: {self.speaker.code or '?'} ({self.speaker.entity_text}), who says the quoted sentence")
        if not actors and f.speaker_actor and (held := holders.stance_holder(tree, f.base)):
            actors = self.resolve(tree, held, index, trace)  # "the French position that Iran must ...": France
            if actors:
                trace.append(f"actor: '{toks[held[0]].text}', who holds the view whose content the frame is")
        if not actors and f.rule.startswith("copula"):
            actors = sources or ([Argument(self.speaker, -1, "speaker of the quote")] if self.speaker else []) \
                or self.resolve(tree, f.actor_fallback, index, trace)
        unnamed = not actors and (not f.actors and f.rule.startswith("passive") or f.rule.startswith(UNDERGONE))
        # a formal charge or investigation with no accuser named: the prosecutors' (charges.py)
        charged = not actors and charges.agentless_charge(tree, f, self.lex)
        agentless = unnamed and (f.code.event == "ASSAULT" or (f.code.event, f.code.mode) in AGENTLESS_CODES) or charged
        if agentless:
            if any(t.lemma.lower() in self.lex.cue("disasters") for t in toks):
                return None, "no actor: killed or hurt in a disaster or an accident, not by a party"
            # "six soldiers were killed", "he was arrested": the act is reported, its agent is not named (PLOVER
            # codes it with an unknown actor; an arrest is made by the authorities of the place, see below)
            sector = "UAF" if f.code.event == "ASSAULT" else "JUD" if charged else AGENTLESS_CODES[(f.code.event, f.code.mode)]
            actors = [Argument(Entity(entity_text="(unknown)" if sector == "UAF" else "(authorities)", code=None,
                                      sector=sector, reason="the sentence does not name who acted (agentless passive)"),
                               -1, "agentless passive")]
            trace.append(f"actor: not named (agentless passive); sector {sector}")
        if not actors and f.code.event == "ASSAULT" and f.actors:  # "strikes by Saudi jets killed 40" (authors.py)
            actors = attack_authors(self, tree, f.actors, index, trace) or retold_attackers(
                tree, f.actors, self.recent_attackers, sent.index, trace)
        if not actors:
            return None, "no actor"
        if any(toks[n].lemma.lower() in self.lex.cue("disasters") for n in f.actors):
            return None, "a disaster or disease is no actor"
        if (struck := instruments.measure_strike(tree, f, self.lex)) is not None:
            f = struck
            trace.append("struck with sanctions or tariffs: the measure is the act (SANCTION)")
        if instruments.policy_blow(tree, f, self.lex):
            return None, "a policy or an action 'hits' someone: the effect of a measure, no attack"
        if instruments.measure_effect(tree, f, self.lex):
            return None, "a measure or an act as subject ('the closure cut exports'): its effect, no act of a party"
        if f.code.event == "ASSAULT" and (f.rule.startswith(("svo", "passive", "behind")) and self._cyber(tree, f)
                                          or f.rule.startswith("light") and self._cyber_noun(tree, f)):
            f = dataclasses.replace(f, code=Code("COERCE", "cyber", "170"), object_list=None)
            trace.append("an attack on computer systems is COERCE/cyber")
        verbal = toks[f.base].lemma.lower() in ("attack", "slam", "hit", "blast", "assail", "savage")
        if f.code.event == "ASSAULT" and (f.rule.startswith("svo") or verbal and f.rule.startswith("passive")) \
                and self._abstract_object(tree, f):  # "his remarks were attacked by Beijing" (fifteenth round)
            if verbal:
                f = dataclasses.replace(f, code=Code("ACCUSE", "disapprove", "111"), object_list=None)
                trace.append("attacking a policy, a decision or words is verbal: ACCUSE/disapprove")
            else:
                return None, "the object is a plan, deal or idea: the violent verb is figurative"
        if (threat := promises.hostile_promise(tree, f)) is not None:
            f = threat
            trace.append("a promise to bring force or coercive measures on a party is a threat: THREATEN")
        if (kept := promises.ending_promise(tree, f)) is not None:
            f = kept
            trace.append("a promise to end or lift a measure is a concession: AGREE")
        if (stop := asked.yielding(tree, f)) is not None:
            f = stop
            trace.append("a demand that a party stop, halt or end an act asks it to yield: REQUEST/yield")
        if (left := exits.left_organisation(tree, f, self.lex)) is not None:
            f = left
            trace.append("a withdrawal from an agreement or a body is SANCTION/withdraw")
        if (ended := concessions.ended_protest(tree, f, actors) or concessions.ceased_fighting(tree, f)) is not None:
            f = ended
            trace.append("a party ending its own protest concedes; stopping fighting is a ceasefire")
        if concessions.others_protest(tree, f, actors):
            return None, "a party ending another's protest neither protests nor concedes"
        if (order := orders.coercive_order(tree, f)) is not None:
            f = order
            trace.append("an order that a person be held or expelled is the coercion itself: COERCE")
        own = {a.entity.code for a in actors if a.entity.code}
        ordered = forces.ordered_forces(tree, f, self.lex, own, lambda w: getattr(self._nationality(w), "code", None))
        if ordered is not None:
            f = ordered
            trace.append("an order sending one's own forces somewhere is the mobilization: MOBILIZE (forces.py)")
        if why := deceptions.drop_reason(tree, f):
            return None, why
        if (helped := forces.relief_mission(tree, f)) is not None:
            f = helped
            trace.append("forces sent for rescue or relief are help, not a show of force: AID (forces.py)")
        if (moved := forces.mobilized_mode(tree, f, self.lex)) is not None:
            f = moved
            trace.append(f"the forces mobilized are {f.code.mode}: MOBILIZE/{f.code.mode} (forces.py)")
        f, why = idioms.sense(tree, f, index, self.lex, trace)
        if not why:
            f, why = wordsense.sense(tree, f, self.lex, trace)
        if not why:
            f, why = readings.sense(tree, f, trace)
        if not why:
            why = complements.drop_reason(tree, f, self.lex) or wording.drop_reason(tree, f) or press.drop_reason(
                tree, f) or objectsenses.drop_reason(tree, f, self.lex) or obligations.drop_reason(tree, f) \
                or advisories.drop_reason(tree, f) or questions.drop_reason(tree, f) or alignments.drop_reason(tree, f) \
                or struggles.drop_reason(tree, f) or ceremonies.drop_reason(tree, f) \
                or presence.drop_reason(tree, f) or omissions.drop_reason(tree, f)
        if why:
            return None, why
        if senses.opinion_agreement(tree, f):
            return None, "agreeing with a view or that something is so is no agreement to act"
        if senses.ballot(tree, f):
            return None, "a vote for or against a person is an election, not a political event"
        if senses.manhunt(tree, f, self.lex):
            return None, "seeking a person is a search, not a request"
        if senses.personal_withdrawal(tree, f, self.lex):
            return None, "a candidate withdrawing from consideration or a race is no retreat"
        if senses.self_coercion(tree, f):
            return None, "coercion of the actor itself ('restrained himself') is self-restraint"
        if f.code.event in REFUSABLE and senses.reflexive_only(tree, f):
            return None, "the act is aimed at the actor itself ('granted himself powers')"
        if f.code.event in ("ASSAULT", "COERCE") and senses.intangible_object(tree, f, self.lex):
            return None, "the object is intangible ('captured a sentiment', 'seized the moment'): figurative"
        if f.code.event in ("ASSAULT", "THREATEN") and any(toks[n].lemma.lower() in self.lex.cue("social_ills")
                                                           for n in (*f.objects, *f.recipients)):
            return None, "a war or fight on a social problem ('war on corruption') is a policy, not an attack"
        if f.code.event == "REQUEST" and questions.questioning_clause(tree, f.base):
            return None, "asking whether or why something is so is a question, not a request"
        if f.code.event in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE") and any(
                names_word(tree, o, self.lex.cue("commerce")) for o in (*f.objects, f.trigger[1] - 1)):
            return None, "a joint venture, merger or takeover is commerce, not a political event"
        if f.object_list and not self._object_allowed(tree, f, index):
            return None, f"its object is neither a party nor one of the '{f.object_list}' words (sense constraint)"
        if f.code.event == "PROTEST" and f.code.mode == "strike" and not f.rule.startswith("on-state") and \
                concessions.military_striker(actors, f.recipients):
            f = dataclasses.replace(f, code=Code("ASSAULT", None, "190"))
            trace.append("a strike by a state or armed group (or aimed at a target) is an attack, not a walkout")
        if concessions.unarmed_disbanding(tree, f, {s for a in actors for s in (a.entity.sector, *a.entity.sectors)
                                                    if s}):
            return None, "only an armed group or force disarms by disbanding"
        if all(a.entity.code is None and not a.entity.sector for a in actors):
            if all(a.head >= 0 and tree.tokens[a.head].ent_type in ("ORG", "PERSON", "FAC", "PRODUCT") for a in actors):
                # "X opened fire at an office in Little Rock": a person we do not know acting in a known place
                placed = self._placed_unknown(tree, f, actors, index, trace)
                if not placed:
                    return None, "the actor is a name unknown to the knowledge base (no country, no sector)"
                actors = placed
            elif all(a.how.startswith("mention") for a in actors):  # an unresolved pronoun, an unknown word
                return None, "no actor could be identified (no country, no sector)"
        if f.code.event in FIGURATIVE_TYPES and self._figurative(tree):
            return None, "sport or markets wording: violent verbs there are figurative"
        if f.code.event == "CONSULT" and f.code.mode != "visit" and all(a.entity.sector == "JRN" for a in actors):
            return None, "a journalist talking to a party ('the anchor talked to the president') is an interview"
        if code_needs_two(f) and len(actors) < 2 and not f.recipients:
            return None, "a meeting needs two parties and only one was found"
        recipients = [] if f.reciprocal else self.resolve(tree, f.recipients, index, trace)
        if code_needs_two(f) and f.recipients and len(actors) < 2 and senses.media_only(tree, recipients):
            return None, "talking with a newspaper or broadcaster ('spoke with The Times') is an interview, not a meeting"
        if not recipients and not f.reciprocal and f.places and code_domestic(f):
            recipients = [r for r in self.resolve(tree, f.places, index, trace) if r.entity.code]
            if recipients:
                trace.append("recipient taken from the place the act targets ('in X')")
        if f.code.event in ("AGREE", "SUPPORT", "CONCEDE"):  # "assured reporters that ...": the press hears it
            recipients = [r for r in recipients if toks[r.head].lemma.lower() not in PRESS]
        if f.require_recipient and not recipients:
            return None, "the verb needs a recipient actor and none was found"
        own_codes = {a.entity.code for a in actors if a.entity.code}
        if senses.partnerless_ties(tree, f, own_codes, recipients):
            return None, "ties or relations need a second party and none was named"
        if senses.internal_meeting(tree, f, own_codes, recipients):
            return None, "a meeting, call or request to one's own officials ('his security chiefs', 'his staff') is internal"
        why = inhouse.drop_reason(tree, f, actors, recipients) or readings.party_sense(tree, f, actors, recipients) \
            or publics.drop_reason(tree, f, actors, recipients) or barring.drop_reason(f, actors, recipients) \
            or meetings.speech_to_a_body(tree, f)
        if why:
            return None, why
        if (code := readings.rescue(tree, f, actors)) is not None:
            f = dataclasses.replace(f, code=code)
            trace.append("hostages freed by forces or police are rescued: AID")
        partners: list[Argument] = []  # parties a meeting merge moved from recipient into actor
        if f.code.event == "CONSULT" and f.code.mode != "visit":
            audience = [r for r in recipients if r.entity.sector == "JRN" or toks[r.head].lemma.lower() in
                        self.lex.cue("audiences")]
            recipients = [r for r in recipients if r not in audience]
            own = {a.entity.code for a in actors if a.entity.code}
            if audience and not f.reciprocal and all(r.entity.code in own for r in recipients):
                # "spoke to reporters on his flight home": nobody but the speaker's own side and the press
                return None, "a statement to reporters or an audience is not a meeting"
            if recipients and f.code.mode not in ("visit", "third-party") and "swap" not in f.rule:
                # "X met with Y", "talked with Y": every party of a meeting is an actor (PLOVER)
                partners = [r for r in recipients if all(r.entity.code != a.entity.code or not r.entity.code
                                                         for a in actors)]
                actors, recipients = actors + partners, []
                f = dataclasses.replace(f, reciprocal=True)
        if f.rule.startswith("meeting-phrase") and f.places:
            guests, hosts = encounters.hosted(actors, self._place_arguments(tree, list(f.places), index, any_label=True))
            if guests and hosts:  # "said at a briefing with Morocco's minister at the State Department"
                actors, recipients = guests, hosts
                f = dataclasses.replace(f, code=Code("CONSULT", "visit", "042"), reciprocal=False)
                trace.append("a meeting held in one side's country: the other side came to it (CONSULT/visit)")
        if FIGHTING in f.notes and recipients and any(a.entity.code or a.entity.sector for a in actors):
            # "Egypt is fighting al-Qaeda", "protesters battled police": every side fights (verbs.FIGHTING)
            actors = actors + [r for r in recipients if (r.entity.code or r.entity.sector) and r.head not in
                               {a.head for a in actors}]
            recipients, f = [], dataclasses.replace(f, reciprocal=True)
        actors, recipients = prefer_resolved(actors), prefer_resolved(recipients)
        actor_keys = {(a.entity.code, a.head) for a in actors}
        # a pronoun recipient that is the actor again ("Putin said he ...") goes; one that names another person of
        # the same country stays ("Critics of Morsi accused him")
        actor_codes = {a.entity.code for a in actors if a.entity.code}
        actor_people = {a.entity.identifier_text for a in actors}
        recipients = [r for r in recipients if (r.entity.code, r.head) not in actor_keys
                      and not (r.entity.code in actor_codes and tree.tokens[r.head].pos == "PRON"
                               and not (r.entity.identifier_text and r.entity.identifier_text not in actor_people))]
        if not f.reciprocal and len(actors) == 1 and recipients and all(
            r.entity.code and r.entity.code == actors[0].entity.code and r.head == actors[0].head for r in recipients
        ):
            recipients = []
        recipients = capitals_as_governments(recipients, f.code.event)
        recipients = self._non_parties_removed(tree, f, actors, recipients, index, trace)
        if all(_business(e.entity) for e in actors + recipients):
            return None, "a deal or talks between businesses only is commerce, not a political event"
        if not any(a.entity.code or a.entity.sector for a in actors) and not any(r.entity.code for r in recipients):
            return None, "no party identified: the actor has neither a country nor a sector, and no recipient is known"
        if agentless and recipients and not any(r.entity.code for r in recipients):
            recipients = self._placed_victims(tree, f, actors, recipients, index, trace)
        if agentless and not any(r.entity.code for r in recipients):
            return None, "an agentless act needs a party it was done to"
        if agentless and f.code.event != "ASSAULT":
            actors = self._place_actors(tree, f, actors, index, trace)
            if actors[0].entity.code is None:  # "he was arrested": by the authorities of his own country
                code = next(r.entity.code for r in recipients if r.entity.code)
                actors = [Argument(dataclasses.replace(actors[0].entity, code=code, reason=(
                    f"{actors[0].entity.reason}; an arrest, a sentence or a charge with no place named is the act of "
                    f"the authorities of the arrested, sentenced or charged party's country {code}")), -1,
                    "agentless passive")]
        elif all(a.entity.code is None for a in actors) and not agentless:
            actors = self._place_actors(tree, f, actors, index, trace)
        if f.code.mode == "visit" and not f.reciprocal:
            home, recipients = senses.home_visit(tree, {a.entity.code for a in actors if a.entity.code}, recipients)
            if home:
                return None, "a visit inside the actor's own country meets no other party"
            if f.rule.startswith("visit-phrase") and not any(r.entity.code for r in recipients):
                return None, "a trip to a place of no known country ('a trip to North Africa') names no host"
        if wordsense.armed_march(f, {a.entity.sector for a in actors}):
            return None, "armed forces or police marching move forces: no protest"
        sensed = senses.object_sense(tree, f, {a.entity.sector for a in actors}, self.lex)
        if sensed is not None:
            f = dataclasses.replace(f, code=sensed)
            trace.append(f"the object or actor gives the verb its sense: {sensed.event}/{sensed.mode or '-'}")
        if (adopted := adoptions.adopted_sanctions(tree, f, actors)) is not None:
            f = dataclasses.replace(f, code=adopted)
            trace.append("a world body agreeing to or backing sanctions adopts them: SANCTION/discontinue")
        sensed = senses.restriction_sense(tree, f, actors, recipients)
        if sensed is not None:
            f = dataclasses.replace(f, code=sensed)
            trace.append(f"who restricts whom gives the restriction its sense: {sensed.event}/{sensed.mode}")
        blocking = senses.forces_blocking(tree, f, {a.entity.sector for a in actors})
        if blocking is False:
            return None, "police closing roads or entrances is a cordon: no refusal of a party"
        if blocking is not None:
            f = dataclasses.replace(f, code=blocking)
            trace.append("police or soldiers blocking people or routes restrict them: COERCE/restrict")
        if senses.advice_or_forecast(tree, f, self.lex, {a.entity.code for a in actors if a.entity.code}, recipients):
            return None, "a warning with no coercive content (a forecast, advice to one's own civilians)"
        if notices.notice_warning(tree, f, {a.entity.code for a in actors if a.entity.code}, recipients):
            return None, "a warning that names no other party and no consequence gives notice: no threat"
        if f.code.event == "ASSAULT" and not recipients and self._untargeted_launch(tree, f):
            f = dataclasses.replace(f, code=Code("MOBILIZE", "weapons", "150"))
            trace.append("a missile or rocket fired at no target or party is a weapons test: MOBILIZE/weapons")
        joint = f.reciprocal and len(actors) > 1  # a lone actor of a joint-act noun acts on someone else
        if not joint and f.code.event not in NO_DEFAULT_RECIPIENT and all(
                r.entity.code is None for r in recipients):
            default = self._default_recipients(tree, f, actors, index, trace, doc=doc, sent=sent)
            if recipients and default:  # "police arrested students": the students of the place / actor's country
                code = default[0].entity.code
                recipients = [Argument(dataclasses.replace(r.entity, code=code, reason=(
                    f"{r.entity.reason}; country {code} of the unnamed group taken from {default[0].how}")),
                    r.head, r.how) for r in recipients]
            else:
                recipients = default
        if f.rule.startswith("copula") and f.code.event == "THREATEN" and (sources or self.speaker is not None):
            factuality, reason = Factuality.ASSERTED, ("a red line drawn by a speaker is a warning that was made; "
                                                       "only its content is conditional")
        elif f.rule.startswith("nominal-object-speech"):
            factuality, reason = Factuality.ASSERTED, "a speech act named with its speaker was made"
        elif f.rule.startswith("nominal-possessor"):
            factuality, reason = nounfact.classify_noun(tree, f.trigger[1] - 1, self.lex)
        elif f.rule.startswith("nominal-between") and (nounfact.unreal_object(tree, f.trigger[1] - 1)
                                                       or nounfact.framed(tree, f.trigger[1] - 1)):
            # "is brokering a meeting between the junta and the rebels": not held yet
            factuality, reason = nounfact.classify_noun(tree, f.trigger[1] - 1, self.lex)
        elif f.code.event == "ACCUSE" and (judged := fact.conditional_judgement(tree, f.trigger[1] - 1, self.lex)):
            factuality, reason = judged  # "if an ally spies on us, that is unacceptable": a judgement on a condition
        elif f.speaker_actor and f.rule.startswith(("deontic", "copula-label", "evaluation", "consequence")):
            factuality, reason = Factuality.ASSERTED, "said in a quote: the demand or accusation was made"
        else:
            factuality, reason = fact.classify(tree, f.base, self.lex, trigger=f.trigger[1] - 1)
        if factuality == Factuality.NEGATED and occasions.presupposed(
                tree, f.trigger[1] - 1, encounters.IN_VERBS):
            factuality, reason = Factuality.ASSERTED, f"{reason}; the meeting or visit is the occasion it denies on"
        code = f.code
        own_intent = reason.startswith(INTENT_CUES) and self._announced(tree, f.base) and not desires.ascribed(
            tree, f.base, self.lex.cue("speech"), event=code.event, targeted=bool(f.recipients))
        if factuality == Factuality.FUTURE and code.event in STANCE_TYPES and own_intent:
            reason = f"{reason}; a {code.event} stance announced for the future ('will resist', 'will oppose') is taken now"
            factuality = Factuality.ASSERTED
        elif factuality in (Factuality.FUTURE, Factuality.HYPOTHETICAL) and code.event in INTENT_TYPES and own_intent:
            reason = f"{reason}; a future {code.event} is an intention, coded AGREE per PLOVER"
            code = Code("AGREE", None, INTENT_CAMEO.get(code.event, "030"))
            factuality = Factuality.ASSERTED
        elif factuality == Factuality.FUTURE and code.event == "RETREAT" and own_intent:
            reason = f"{reason}; an announced future RETREAT is coded CONCEDE per PLOVER"
            code = Code("CONCEDE", None, "080")
            factuality = Factuality.ASSERTED
        elif factuality in (Factuality.FUTURE, Factuality.HYPOTHETICAL) and code.event in THREAT_TYPES \
                and not f.rule.startswith("copula") and (self._conditional(tree, f.base) or (
                    own_intent and (self._self_announced(tree, f.base) or reason.startswith("intention")))):
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
        if (turned := intended.addressed(actors, partners, f.code.event, code.event)) is not None:
            actors, recipients = turned[0], capitals_as_governments(turned[1], code.event)
            reason = f"{reason}; {intended.NOTE}"
        if code.event == "THREATEN" and redlines.speaks_of_red_line(sent.text):
            recipients = recipients + self._red_line_targets(tree, f, actors, recipients, index, trace)
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
            confidence=0.5,  # scored by the calibrated model once the event is complete (code_sentence)
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
        aimed = redlines.self_aimed(ev)
        return (None, aimed) if aimed else (ev, "")

    def _red_line_targets(self, tree: Tree, f: Frame, actors, recipients, index, trace) -> list[Argument]:
        """The party a red-line warning with no recipient but the speaker's own side is aimed at (redlines.py)."""
        own = {a.entity.code for a in actors if a.entity.code}
        if any(r.entity.code and r.entity.code not in own for r in recipients):
            return []
        found: list[Argument] = []
        for r in self.resolve(tree, redlines.target_heads(tree.tokens, f.base), index, trace):
            if r.entity.code and r.entity.code not in own | {x.entity.code for x in found}:
                found.append(r)
        if found:
            trace.append("recipient: the party the red-line warning's condition or address names ("
                         + ", ".join(r.entity.code for r in found) + ")")
        return found

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
        nouns = self.lex.cue("figurative_nouns")
        return any(t.lemma.lower() in words or t.lower in words or (t.pos == "NOUN" and t.lower in nouns)
                   for t in tree.tokens) or any(
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


PRESS = frozenset({"reporter", "journalist", "correspondent", "press", "newsman", "newsmen"})


def code_needs_two(f: Frame) -> bool:
    """A bare 'X met' (one party, no recipient) is not a codable meeting."""
    return f.code.event == "CONSULT" and f.rule.startswith("svo") and f.code.mode not in ("visit", "third-party")


def _refusal(reason: str, event: str, tree: Tree, f: Frame) -> bool:
    """Whether a negation reads as a refusal: 'will/would not', 'failed to agree', or a negated agreement.

    Only an agreement one "failed" to reach is refused; "failed to rescue the hostage", "failed to return the
    money", "failed to provide aid" report an attempt or an omission, not a refusal of a party's proposal
    (sixteenth round). A concession is refused only when announced ("will not apologize", "is not apologizing");
    "had not apologized" says no apology was made."""
    if "governed by 'fail" in reason:
        # "failed to reach a deal", "failed to agree on a ceasefire"; not a failure put as a condition (nineteenth
        # round, speech): "if the two sides fail to reach a deal", "should Congress fail to agree on a budget"
        return event == "AGREE" and not senses.conditioned_failure(tree, f.base)
    if reason.startswith("'no longer'") and event == "SUPPORT":
        return True  # "no longer supports the plan": support withdrawn
    if not reason.startswith("negation"):
        return False
    if event == "AGREE" and tree.tokens[f.base].lemma.lower() in PROMISES and not _stated_refusal(tree, f.base):
        return False  # "he did not promise to bring peace": no promise was made, none was refused
    if event == "AGREE":
        return True
    return _stated_refusal(tree, f.base, ongoing=event == "CONCEDE")


def _stated_refusal(tree: Tree, v: int, *, ongoing: bool = False) -> bool:
    """'will/would not V' (or, with ongoing, 'is not V-ing'): a refusal stated as the actor's own stance."""
    toks = tree.tokens
    if any(toks[k].lower in ("will", "would", "wo", "'ll") for k in tree.kids[v]):
        return True
    return ongoing and toks[v].tag == "VBG" and any(toks[k].dep == "aux" and toks[k].lemma.lower() == "be"
                                                    for k in tree.kids[v])


def _span_text(sent: Sentence, span: tuple[int, int]) -> str:
    toks = sent.tokens[span[0]:span[1]]
    return "".join(t.text + t.ws for t in toks).strip()


def _business(e: Entity) -> bool:
    """A company or business person: sector BUS and no other sector."""
    return e.sector == "BUS" and set(e.sectors) <= {"BUS"}
