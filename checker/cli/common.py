"""What the commands that read documents share: inputs from files, folders and globs, the
files a run reads (never written over), output targets, messages on standard error, and the
problems of a rule choice (a mistyped rule id stops a run)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import click

from ..errors import KravError, visible

if TYPE_CHECKING:  # the modules behind these load on first use, so that --help starts fast
    from ..config import Config
    from ..files import InputFiles
    from ..rulemodel import Ruleset


def expand_inputs(paths: Iterable[str], exclude: Any = None, respect_ignores: bool = True) -> tuple[list[str], list[str], list[str]]:
    """Files to check from files, folders (recursively, known extensions; what
    :mod:`checker.discovery` leaves out of a folder is left out) and globs; error lines for
    paths that give nothing; warnings for folders without documents."""
    import glob  # noqa: PLC0415

    from ..discovery import DOCUMENT_SUFFIXES, documents_in  # noqa: PLC0415

    files: list[str] = []
    problems: list[str] = []
    warnings: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = documents_in(path, respect_ignores)
            kept = [str(p) for p in found if not (exclude and exclude(p))]
            if not kept:
                warnings.append(f"{raw}: no documents to check in this folder ({', '.join(DOCUMENT_SUFFIXES)})")
            files.extend(kept)
        elif path.exists():
            files.append(raw)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(m for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                problems.append(f"{raw}: no files match")
            files.extend(m for m in matches if not (exclude and exclude(Path(m))))
        else:
            problems.append(f"{raw}: no such file or folder")
    return list(dict.fromkeys(files)), problems, warnings


def _note(message: str) -> None:
    """Information on standard error ("wrote the baseline"), unless ``--quiet``."""
    if not click.get_current_context().find_root().meta.get("quiet"):
        click.echo(visible(f"kravkoll: {message}"), err=True)


def _error(message: str) -> None:
    click.echo(f"kravkoll: {visible(message)}", err=True)


def rule_problems(config: Config, rulesets: list[Ruleset], languages: Iterable[str]) -> list[str]:
    """Why the rule choice of a run is wrong: no rule would run, or a ``select``, ``ignore`` or
    ``severity`` entry names no rule (a typo, usually; with the closest rule id). ``rulesets``
    are those in use; with the shipped rulesets, those of the ``languages`` read (so the caller
    asks once a document has been read)."""
    from ..reporters import rules_of  # noqa: PLC0415

    rules = rules_of(rulesets)
    if any(config.rule_enabled(rule) for rule in rules):
        return selector_problems(config, rulesets)
    if rules:
        why = "--select/--ignore leave none"
    elif rulesets:
        why = f"{', '.join(r.name for r in rulesets)} has no rules"
    elif languages:
        why = f"no shipped ruleset for {', '.join(sorted(languages))}; give one with --ruleset"
    else:
        why = "no ruleset given"
    return [f"no rule would run ({why})", *selector_problems(config, rulesets)]


def selector_problems(config: Config, rulesets: list[Ruleset]) -> list[str]:
    """The ``select``, ``ignore`` and ``severity`` entries that name no rule of ``rulesets``
    (nor a full id or glob of another shipped ruleset), each with the closest rule id."""
    from ..config import unknown_selector  # noqa: PLC0415
    from ..reporters import rules_of  # noqa: PLC0415
    from ..rulecompile import shipped_ruleset_names  # noqa: PLC0415

    rules = rules_of(rulesets)
    if not rules:
        return []
    names = shipped_ruleset_names() + [r.name for r in rulesets]
    problems: list[str] = []
    for key, patterns in (("select", config.select), ("ignore", config.ignore), ("severity", list(config.severity))):
        for pattern in patterns:
            problem = unknown_selector(pattern, rules, names)
            if problem is not None:
                problems.append(f"{key} {problem}")
    return problems


def stop_on_rule_problems(problems: list[str]) -> None:
    """Print each problem of the rule choice and exit 2: a run with a mistyped rule id must not
    pass as a clean run."""
    if problems:
        for message in problems:
            _error(message)
        sys.exit(2)


def input_files(documents: Iterable[str], config: Config, *others: str | None) -> InputFiles:
    """Every file a run reads: its documents, its configuration file, the rule files it names,
    the shipped rule files and ``others`` (a baseline), so that no output is written over one."""
    from ..files import InputFiles  # noqa: PLC0415
    from ..paths import shipped_rulesets_dir  # noqa: PLC0415
    from ..rulecompile import resolve_ruleset_reference  # noqa: PLC0415

    rule_files: list[Path] = list(shipped_rulesets_dir().glob("*.krav"))
    for reference in config.rulesets or []:
        try:
            rule_files.append(resolve_ruleset_reference(reference, config.base_dir))
        except KravError:
            continue  # loading the rulesets reports it
    return InputFiles.of([*documents, config.source, *rule_files, *others])


def refuse_unsafe_targets(targets: Iterable[str | None], inputs: InputFiles) -> None:
    """Refuse, before any work, each output file (not None or '-') that may not be written."""
    from ..files import refuse_unsafe_target  # noqa: PLC0415

    for target in targets:
        if target and target != "-":
            refuse_unsafe_target(target, inputs)


def _write(text: str, output: str | None, inputs: InputFiles) -> None:
    """Write to the file ``output`` (never one of ``inputs``), or to standard output when it is None or '-'."""
    from ..files import write_output  # noqa: PLC0415

    if not output or output == "-":
        click.echo(text, nl=False)
        return
    write_output(output, text, inputs)
