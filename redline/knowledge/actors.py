"""TEMPORARY STUB (owned by the actors helper): the actor knowledge base loader."""
from __future__ import annotations


class Knowledge:
    def entity_patterns(self) -> list[dict]:
        return []


def load_knowledge(ctx) -> Knowledge:
    return ctx.resource("knowledge", Knowledge)
