"""Worker processes are spawned: each imports the user's main script again. Refuse to start them from script
code that every worker would run again (a call not under `if __name__ == "__main__":`), which would otherwise
re-run the whole script in each worker, store nothing and look like success."""

from __future__ import annotations

import ast
import multiprocessing
import sys
from pathlib import Path

from ..errors import UsageError

_GUARD = 'if __name__ == "__main__":'


def check_spawn_safe(what: str) -> None:
    """Raise UsageError when starting worker processes here would make each worker run the caller again.

    what: the function being called, for the message (e.g. "ingest").
    """
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise UsageError(f"{what}() was called while a worker process was importing the main script; "
                         f"put the call under `{_GUARD}`")
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not path or Path(path).name == "__main__.py":
        return  # interactive, `python -c`, or a package's __main__.py: multiprocessing does not re-run these
    line = _main_line(main.__dict__)
    if line is None:
        return  # not called from the main script's top-level code
    if _guarded(Path(path), line) is False:
        raise UsageError(f"{what}() with worker processes was called from {path}:{line} outside `{_GUARD}`: each "
                         "worker imports that script again and would run it too. Put the call (or the code that "
                         f"leads to it) under `{_GUARD}`, as examples/quickstart.py does.")


def _main_line(main_globals: dict) -> int | None:
    """The line the main script's top-level code is executing, when it is on the call stack."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_globals is main_globals and frame.f_code.co_name == "<module>":
            return frame.f_lineno
        frame = frame.f_back
    return None


def _guarded(path: Path, line: int) -> bool | None:
    """Whether the top-level statement holding `line` is an `if __name__ == "__main__":` block (None: unknown)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return None
    for node in tree.body:
        if node.lineno <= line <= (node.end_lineno or node.lineno):
            return isinstance(node, ast.If) and _is_main_test(node.test)
    return None


def _is_main_test(test: ast.expr) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(consts) == 1
