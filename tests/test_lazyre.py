"""Module-level patterns compiled when first used (:mod:`checker.lazyre`): the same pattern as
``re.compile``'s, in place of the stand-in once used, and every one of kravkoll's compiles."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker.lazyre import LazyPattern, lazy_compile

SOURCES = [r"\s*(?:[^\W\d_]+ly\s+)?", r"(?P<word>\b[a-z]+)\s+(\d+)", r"[.;]\s*|,\s+(?:and|but)\s+", r"^\w+$"]
"""Patterns compared with their ``re.compile`` twin (a named group, a multi-line anchor)."""

_MADE = [lazy_compile(source, re.IGNORECASE | re.MULTILINE) for source in SOURCES]


@given(st.text(alphabet="aZ9 ,.;\n-ly", max_size=40), st.integers(min_value=0, max_value=40))
def test_a_stand_in_answers_as_the_compiled_pattern(text: str, start: int) -> None:
    for source, lazy in zip(SOURCES, _MADE, strict=True):
        twin = re.compile(source, re.IGNORECASE | re.MULTILINE)
        found, expected = lazy.search(text, start), twin.search(text, start)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in twin.finditer(text)]
        assert lazy.sub("#", text) == twin.sub("#", text)
        assert lazy.split(text) == twin.split(text)
        assert (lazy.pattern, lazy.flags, lazy.groupindex) == (twin.pattern, twin.flags, twin.groupindex)


def test_the_module_global_becomes_the_compiled_pattern() -> None:
    namespace: dict[str, object] = {}
    exec("from checker.lazyre import lazy_compile\nWORD = lazy_compile(r'[a-z]+')\nALSO = (WORD,)", namespace)  # noqa: S102 - a module's top level, in small
    stand_in = namespace["WORD"]
    assert isinstance(stand_in, LazyPattern)
    assert stand_in.match("abc 1").group() == "abc"
    assert type(namespace["WORD"]) is re.Pattern  # later uses in the module are the pattern's own
    assert namespace["ALSO"][0] is stand_in  # kept elsewhere: it forwards
    assert namespace["ALSO"][0].fullmatch("xyz") and not namespace["ALSO"][0].fullmatch("x1")


def test_every_module_level_pattern_compiles() -> None:
    """A stand-in raises only when first used: compile all of kravkoll's here, where an invalid
    one would have raised at import. In a fresh interpreter: in this one, tests run before this
    one have used many, each then no stand-in but its compiled pattern (129 left after one
    reading test), and a pattern first used there was compiled by that test, not here."""
    import subprocess
    import sys

    program = (
        "import importlib, pkgutil, re, checker\n"
        "from checker.lazyre import LazyPattern\n"
        "found = 0\n"
        "for module in pkgutil.walk_packages(checker.__path__, 'checker.'):\n"
        "    if module.name.endswith('__main__'):\n"
        "        continue  # runs the command\n"
        "    for value in list(vars(importlib.import_module(module.name)).values()):\n"
        "        if isinstance(value, LazyPattern):\n"
        "            assert isinstance(value.compiled(), re.Pattern)\n"
        "            found += 1\n"
        "print(found)\n"
    )
    found = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert int(found) >= 150


def test_no_module_of_the_reading_compiles_a_pattern_at_import() -> None:
    """Every module-level pattern of the reading is a stand-in until used: one compiled at import
    (``re.compile`` beside the stand-ins) costs each check its compilation, used or not. Asked of
    a fresh interpreter, where no check has used any pattern yet."""
    import subprocess
    import sys

    program = "import re, checker.reading as m; print(sorted(n for n, v in vars(m).items() if isinstance(v, re.Pattern)))"
    found = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout.strip()
    assert found == "[]"
