"""``python -m checker.cli``: the ``kravkoll`` command."""

from . import main

main()
