"""Where the benchmarks find the shared folder of public documents and datasets.

``shared/`` stands beside the repository (``../shared``, as in CI) or beside the folder of its
worktrees (``../../shared`` for ``wt/NAME``): the first folder above the repository that holds
the asked-for path is used, else the one beside the repository (whose absence the caller reports).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_path(*parts: str) -> Path:
    """``shared/<parts>`` in the nearest folder above the repository that has it."""
    relative = Path("shared", *parts)
    return next((folder / relative for folder in ROOT.parents if (folder / relative).exists()), ROOT.parent / relative)
