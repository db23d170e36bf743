"""Where the benchmarks find the shared folder of public documents and datasets.

``shared/`` stands beside the repository (``../shared``, as in CI) or beside the folder of its
worktrees (``../../shared`` for ``wt/NAME``): the first folder above the repository that holds
the asked-for path is used, else the one beside the repository (whose absence the caller reports).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent


def shared_path(*parts: str) -> Path:
    """``shared/<parts>`` in the nearest folder above the repository that has it."""
    relative = Path("shared", *parts)
    return next((folder / relative for folder in ROOT.parents if (folder / relative).exists()), ROOT.parent / relative)


ITCLARIFIES = shared_path("datasets", "itclarifies_analysismodule_snippets", "snippets.jsonl")
"""The itClarifies analysis module's labelled clause snippets (one JSON record a line)."""


def itclarifies_snippets(path: Path, language: str) -> Iterator[tuple[str, frozenset[str], bool]]:
    """Each snippet of ``language`` in the set at ``path``: its text, the label types it is
    expected to have (count above 0), and whether it comes from a real document."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["lang"] == language:
                labels = frozenset(e["type"] for e in record["expected"] if e["count"] > 0)
                yield record["text"], labels, bool(record["from_real_document"])
