"""Object rules of the coder: whether a verb's object lets a frame be the event its entry names.

A mixin of `Coder` (it needs `self.lex`): sense constraints (verbs.txt `obj=LIST`: the object must be a party or a
word of the list), abstract objects of fighting verbs ("fought the new rules"), launches of a missile aimed at no
party or place (a test, not an attack) and acts in cyberspace.
"""

from __future__ import annotations

from . import instruments, senses
from .arguments import MentionIndex
from .tree import Frame, Tree, names_word, object_heads


class ObjectRules:
    """Object checks of a frame (mixed into Coder, which gives `self.lex`)."""

    def _abstract_object(self, tree: Tree, f: Frame) -> bool:
        """The verb's object is a plan, policy, deal, decision or statement, not a party or place; with no object,
        what it is 'over' or 'against' ("fought back over the new sanctions", "battled against the ruling")."""
        words = self.lex.cue("abstract_objects") | self.lex.cue("claims")  # "shot down the charges"
        objects = list(f.objects) or [a for _, a in tree.prep_args(f.base, ("over", "against"))]
        return any(tree.tokens[o].lemma.lower() in words for o in objects)

    def _untargeted_launch(self, tree: Tree, f: Frame) -> bool:
        """'fired a long-range rocket', 'launched a ballistic missile into the sea': a launch of a missile with no
        party or place aimed at ('at', 'on', 'against', 'toward', 'into' a place) is a test, not an attack."""
        toks = tree.tokens
        if not f.rule.startswith("light:") or f.places:
            return False
        noun = f.trigger[1] - 1
        if not names_word(tree, noun, self.lex.cue("missiles")):
            return False
        for h in (f.base, noun):
            for _, a in tree.prep_args(h, ("at", "on", "against", "toward", "towards", "into", "over")):
                if toks[a].lemma.lower() not in ("sea", "water", "waters", "ocean") and toks[a].ent_type not in (
                        "LOC", "DATE", "TIME"):
                    return False
        return True

    def _cyber(self, tree: Tree, f: Frame) -> bool:
        """The act's own clause speaks of computer systems, hackers or cyber attacks (instruments.py)."""
        return instruments.in_cyberspace(tree, f, self.lex.cue("cyber"))

    def _cyber_noun(self, tree: Tree, f: Frame) -> bool:
        """The event noun is a cyber attack ("claimed hacking attacks", "launched cyber attacks")."""
        words, toks, n = self.lex.cue("cyber"), tree.tokens, f.trigger[1] - 1
        return any(toks[k].lemma.lower() in words or toks[k].lower in words
                   for k in [*range(*f.trigger), *(c for c in tree.kids[n] if toks[c].dep in ("compound", "amod"))])

    def _object_allowed(self, tree: Tree, f: Frame, index: MentionIndex) -> bool:
        """A verb with a sense constraint (verbs.txt obj=LIST) is an event only when its object is a party (an
        actor mention) or a word of the list, counted groups included ("dozens of prisoners")."""
        if not f.objects:
            return True
        words = self.lex.cue(f.object_list)
        toks = tree.tokens
        for o in f.objects:
            owners = [o]
            if f.object_list == "parties":  # "defended Morocco's plan", "defended the right of Russian troops"
                owners += [k for k in tree.kids[o] if toks[k].dep == "poss" and not _own(tree, k)] + \
                    [a for _, a in tree.prep_args(o, ("of",))]
            if any(x in index.by_head or any(m.start <= x < m.end for m in index.all) for x in owners):
                return True
            for h in object_heads(tree, o, self.lex.cue("quantity")) + senses.framed_objects(tree, o, self.lex):
                if names_word(tree, h, words):
                    return True
                if f.object_list == "targets" and toks[h].ent_type in ("GPE", "LOC", "FAC"):
                    return True
        return False


def _own(tree: Tree, k: int) -> bool:
    """A possessor that is the subject's own ("defended his administration's efforts"): a possessive pronoun,
    or a noun owned by one. Defending one's own acts supports nobody else."""
    toks = tree.tokens
    return toks[k].tag == "PRP$" or any(toks[c].tag == "PRP$" for c in tree.kids[k] if toks[c].dep == "poss")
