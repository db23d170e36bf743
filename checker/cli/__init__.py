"""The ``kravkoll`` command line.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it (or failing rule
examples); 2 usage errors, unreadable inputs, invalid rulesets. Errors are one line on
standard error; ``--debug`` shows the traceback of an unexpected error.

One module per command group, each registering its commands on :data:`main` (the group, in
:mod:`.group`): :mod:`.check`, :mod:`.rules`, :mod:`.schema`, :mod:`.writers` (matrix and
report), :mod:`.annotate`, :mod:`.serve`. Options shared by several commands are in
:mod:`.options`, the helpers they share in :mod:`.common`. A command imports what it needs
when it runs, so that ``--help`` and ``--version`` start fast.
"""

from __future__ import annotations

from . import annotate, check, rules, schema, serve, writers  # noqa: F401 - each registers its commands on main
from .group import main

__all__ = ["main"]
