"""The content hash that names an article (clean, dedup and the store share it; no stage, no I/O)."""

from __future__ import annotations

import hashlib


def content_id(text: str) -> str:
    """Content hash used as the article id: sha256 of the whitespace-normalised body, first 16 hex digits."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
