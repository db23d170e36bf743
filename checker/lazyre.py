"""Module-level regular expressions compiled when first used, not when their module is imported.

A one-page check imported some 180 module-level patterns and compiled each (Python's ``re``
compiles in Python: about 26 ms of a 0.25 s check), while the page used fewer than half of them
(``checker/reading.py``: 15 of 73). :func:`lazy_compile` stands where ``re.compile`` stood, at a
module's top level: the pattern is compiled on its first use, and the module's global that named
the stand-in is then made the compiled pattern itself, so that every later use in that module is
the compiled pattern's own (a stand-in between each call and the pattern cost 0.1–0.25 µs a call,
and a check of 1 MB makes some 220,000 such calls). Where the stand-in was kept elsewhere (another
module's import of it, a tuple of patterns), it forwards: its first use of each attribute keeps
that attribute of the compiled pattern in its own ``__dict__``.

Nothing is written to or read from disk: the program is ``re``'s, compiled in this process (the
compiled programs kept in the cache folder were dropped because a damaged one could crash the
interpreter; see bench/README's seventeenth round).
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast


class LazyPattern:
    """A ``re.Pattern`` compiled on its first use (see the module notes)."""

    def __init__(self, source: str, flags: int, namespace: dict[str, Any]) -> None:
        self._source = source
        self._flags = flags
        self._namespace = namespace

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; compiling it puts it in place of this stand-in in the module's
        globals."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
            namespace = self._namespace
            for name in [name for name, value in namespace.items() if value is self]:
                namespace[name] = found
        return found

    def __getattr__(self, name: str) -> Any:
        # called only for names not in __dict__: private and special names are not the pattern's
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` at a module's top level, compiled when first used (see the
    module notes). A pattern that does not compile raises then, not at import: every one of
    kravkoll's is compiled by ``tests/test_lazyre.py``."""
    return cast("re.Pattern[str]", LazyPattern(source, flags, sys._getframe(1).f_globals))
