"""The only place redline defines exceptions. Messages say what was wrong and what fixes it."""


class RedlineError(Exception):
    """Base class for every error redline raises on purpose."""


class InputError(RedlineError):
    """An input (file, record, gold file, dictionary) is unreadable or invalid; the message names it."""


class ModelError(RedlineError):
    """The spaCy model cannot be loaded; the message names the command that fixes it."""


class KnowledgeError(RedlineError):
    """A knowledge file (built-in or user-supplied) is malformed; the message names file, line and problem."""


class StoreError(RedlineError):
    """The store cannot be opened or written."""


class UsageError(RedlineError):
    """A caller passed an invalid option or query parameter."""


class StoreWriteError(StoreError):
    """The store file cannot be written any more (disk full, file too large, permissions, damage): a run stops."""
