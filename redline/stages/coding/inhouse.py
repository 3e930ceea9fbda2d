"""Acts that stay inside one side: a government's meetings, requests and rules among its own officials and forces,
and political quarrels described with the words of combat.

PLOVER codes interactions between parties. A president meeting or phoning his own ministers, advisers or security
chiefs, a commander asking his own ministry for forces, are the workings of one government, not events between parties; "the senator clashed with White House
aides" or "Congress fought back" is a political dispute, not an armed clash.
"""

from __future__ import annotations

from .senses import OTHER_SIDE
from .tree import Frame, Tree

# One government's executive: the government itself, its forces, police and intelligence services.
EXECUTIVE = frozenset({"GOV", "MIL", "COP", "SPY"})
# Sectors of political and civil life whose "fights" and "clashes" are words, not arms.
UNARMED = frozenset({"LEG", "PTY", "OPP", "ELI", "JUD", "BUS", "JRN", "EDU", "MED", "LAB", "NGO", "REL", "SOC", "AGR"})
# People a leader employs, named without a country: "met with national security advisers", "his aides".
STAFF = frozenset({"adviser", "advisor", "aide", "staff", "staffer", "cabinet", "spokesman", "spokeswoman",
                   "spokesperson", "subordinate", "deputy", "chief"})
COMBAT_WORDS = frozenset({"fight", "clash", "battle", "spar", "feud", "tussle", "wrangle", "skirmish"})


def _unnamed_staff(tree: Tree, r) -> bool:
    """A recipient with no country that names people a leader employs ("national security advisers"), with no
    nationality word before it ("Russian advisers" has a country and would be resolved)."""
    return r.entity.code is None and r.head >= 0 and tree.tokens[r.head].lemma.lower() in STAFF


def same_government(tree: Tree, f: Frame, actors, recipients) -> bool:
    """A meeting, call, request or agreement between members of one country's executive only: the
    actor and every recipient are government, forces, police or intelligence of one and the same country
    ("the president spoke with his secretary of state", "the prime minister met ministers and security chiefs",
    "the commander requested forces from the defence ministry"). Public support for one's own general and a ban
    laid on one's own forces stay events (the real-article gold codes them).
    A legislature, a party, a court or another country among them makes it an event between parties."""
    code = f.code
    if code.event == "CONSULT":
        if code.mode in ("visit", "third-party"):
            return False
    elif code.event not in ("REQUEST", "AGREE"):
        return False  # a leader's public support for his general, or a ban on his forces, stays an event (gold)
    if not actors or not (recipients or (len(actors) > 1 and code.event in ("CONSULT", "AGREE"))):
        return False  # "the president and his secretary agreed": the parties are all actors
    if code.event == "AGREE" and recipients:
        return False  # "the Security Council agreed to extend the mandate of its force": a decision for a party
    if not all(a.entity.sector in EXECUTIVE for a in actors):
        return False
    if any(r.head >= 0 and any(tree.tokens[h].lemma.lower() in OTHER_SIDE for h in (r.head, tree.head(r.head))
                               if h is not None) for r in recipients):
        return False  # "asked his Chinese counterpart": the other side, whatever country 'his' resolved to
    others = [r for r in recipients if not _unnamed_staff(tree, r)]  # staff with no country are one's own
    countries = {a.entity.code for a in actors}
    if not others and recipients:
        return len(countries) == 1
    if len(countries) != 1 or None in countries:
        return False
    country = next(iter(countries))
    return all(r.entity.code == country and r.entity.sector in EXECUTIVE for r in others)


def political_combat(tree: Tree, f: Frame, actors, recipients) -> bool:
    """'clashed with White House aides', 'Congress and the industry have fought back', 'battled the governor over
    the budget': a fight or clash whose every party is a legislature, party, court, business, the press or a
    person of public life (no forces, no police, no armed group, no country as such) is a political dispute.
    A government as actor is unarmed only when its opponent is: 'the government fought the rebels' stays."""
    if f.code.event != "ASSAULT" or f.code.mode is not None or not f.rule.startswith(("svo", "passive")):
        return False
    if tree.tokens[f.base].lemma.lower() not in COMBAT_WORDS:
        return False
    sectors = {a.entity.sector for a in actors}
    others = {r.entity.sector for r in recipients}
    if not sectors <= UNARMED | {"GOV"} or not others <= UNARMED | {"GOV"}:
        return False
    if "GOV" in sectors and not others:
        return False  # "the government fought back": against whom is not said, it may be armed
    return bool(sectors & UNARMED) or bool(others & UNARMED)
