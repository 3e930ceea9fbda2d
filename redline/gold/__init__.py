"""Gold data shipped with redline: our own sentence gold set, the real-article gold set and the pinned floors.

Data only; the readers and metrics live in `redline.evaluate`.
"""
