"""Batches: per-file checks merged give the same report as one check, in any number of processes."""

from __future__ import annotations

from pathlib import Path

from check_helpers import CLEAN, DRAFT, RULESET, write

from checker.batch import effective_jobs
from checker.config import Config
from checker.engine import Linter, check
from checker.rulecompile import load_rulesets


def test_pool_and_single_process_give_the_report_of_one_check(tmp_path: Path) -> None:
    paths = [str(write(tmp_path / f"d{i}.md", DRAFT if i % 2 else CLEAN + f"\nKonsulten ska svara vid behov {i}.\n")) for i in range(7)]
    paths.append(str(tmp_path / "saknas.md"))
    rulesets = load_rulesets([RULESET])
    config = Config(severity={"UTAN-SANKTION": "info"})
    together = check(paths, rulesets, config)
    ticks: list[int] = []
    linter = Linter(config, rulesets)
    single, _ = linter.check_paths(paths, jobs=1, on_file=lambda: ticks.append(1))
    pooled, _ = linter.check_paths(paths, jobs=3)  # workers load the rulesets again from their paths
    assert single == together
    assert pooled.model_dump_json() == together.model_dump_json()
    assert len(ticks) == len(paths)
    assert (together.summary.unreadable, together.summary.error, together.summary.warning, together.summary.info) == (1, 7, 3, 3)


def test_effective_jobs() -> None:
    assert effective_jobs(4, 2) == 2
    assert effective_jobs(1, 100) == 1
    assert effective_jobs(3, 0) == 1
    assert 1 <= effective_jobs(0, 100) <= 100


def test_a_linter_is_rebuilt_from_ruleset_references() -> None:
    rulesets = load_rulesets([RULESET])
    linter = Linter(Config(), rulesets)
    assert linter.references == tuple(r.path for r in rulesets)
    rebuilt = Linter(linter.config, load_rulesets(linter.references))
    assert [r.model_dump() for r in rebuilt.chosen.rulesets] == [r.model_dump() for r in rulesets]
    assert Linter(Config()).references is None  # the shipped rulesets of each document's language
