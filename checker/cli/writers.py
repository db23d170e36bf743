"""``kravkoll matrix`` and ``kravkoll report``: the traceability matrix and the HTML report, for
the people who write the documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import click

from ..errors import visible
from ..reporters.help_labels import help_text
from .common import _error, _write, expand_inputs, input_files, refuse_unsafe_targets, rule_problems, stop_on_rule_problems
from .group import main
from .options import OutputFile, RulesetSelection, debug_option, ruleset_options, warn

if TYPE_CHECKING:
    from ..files import InputFiles


def _checked(paths: Iterable[str], config: Any, output: str | None, respect_ignores: bool = True) -> tuple[list[Any], int, InputFiles]:
    """Check the documents named by files, folders and globs; (results, unreadable count, the
    run's input files). The ``output`` file is refused before any work when it may not be written.

    Each unreadable input is reported on standard error and left out of the results; a rule
    choice that names no rule, or leaves none, stops the command (as in ``check``).
    """
    from ..engine import check_each  # noqa: PLC0415
    from ..report import FileReport  # noqa: PLC0415

    files, problems, warnings = expand_inputs(paths, config.excluded, respect_ignores)
    for line in problems:
        _error(line)
    for line in warnings:
        warn(line)
    inputs = input_files(files, config)
    refuse_unsafe_targets([output], inputs)
    config = config.for_documents(len(files))
    results: list[Any] = []
    unreadable = len(problems)
    for result in check_each(files, None, config):
        if isinstance(result, FileReport):
            _error(result.error or "")
            unreadable += 1
        else:
            results.append(result)
    if results:
        used = {ruleset.name: ruleset for result in results for ruleset in result.rulesets}
        stop_on_rule_problems(rule_problems(config, list(used.values()), {r.document.language for r in results}))
    return results, unreadable, inputs


@main.command(short_help=help_text("matrix.short"), help=help_text("matrix"))
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["md", "csv", "html", "json"]),
    default="md",
    show_default=True,
    help=help_text("matrix.format"),
)
@click.option("--output", "-o", type=OutputFile(), help=help_text("matrix.output"))
@click.option("--no-ignore", is_flag=True, help=help_text("matrix.no_ignore"))
@ruleset_options
@debug_option
def matrix(paths: tuple[str, ...], output_format: str, output: str | None, no_ignore: bool, selection: RulesetSelection) -> None:
    from ..matrix import build_matrix  # noqa: PLC0415
    from ..reporters.matrix import MATRIX_FORMATS  # noqa: PLC0415

    results, unreadable, inputs = _checked(paths, selection.config(paths), output, respect_ignores=not no_ignore)
    _write(MATRIX_FORMATS[output_format](build_matrix(results)), output, inputs)
    sys.exit(2 if unreadable else 0)


@main.command(short_help=help_text("report.short"), help=help_text("report"))
@click.argument("path")
@click.option(
    "--output",
    "-o",
    type=OutputFile(),
    help=help_text("report.output"),
)
@ruleset_options
@debug_option
def report(path: str, output: str | None, selection: RulesetSelection) -> None:
    from ..matrix import matrix_document  # noqa: PLC0415
    from ..reporters.html import render_report  # noqa: PLC0415

    files, problems, _warnings = expand_inputs([path])
    if len(files) > 1:
        raise click.UsageError(f"{visible(path)}: give one document ('kravkoll matrix' takes several)")
    if not files and not problems:  # a folder without documents: only a warning said so, and exit 2
        raise click.UsageError(f"{visible(path)}: give one document (this folder has none)")
    target = output or f"{Path(files[0] if files else path).stem}.report.html"
    results, unreadable, inputs = _checked([path], selection.config([path]), target)
    if unreadable or not results:
        sys.exit(2)
    result = results[0]
    rulesets = [f"{r.name} {r.version}".strip() for r in result.rulesets]
    text = render_report(result, matrix_document(result), rulesets)
    _write(text, target, inputs)
    if target != "-":
        active = sum(not f.suppressed for f in result.findings)
        click.echo(f"Wrote {visible(target)}: {len(result.requirements)} requirements, {active} findings.", err=True)
    sys.exit(0)
