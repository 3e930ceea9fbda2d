"""TEMPORARY STUB: commands of this group are added by their owner."""


def register(group) -> None:
    """Add this module's commands to the top-level group."""
