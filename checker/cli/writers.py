"""``kravkoll matrix`` and ``kravkoll report``: the traceability matrix and the HTML report, for
the people who write the documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import click

from ..errors import visible
from .common import _error, _write, expand_inputs, input_files, refuse_unsafe_targets, rule_problems, stop_on_rule_problems
from .group import main
from .options import RulesetSelection, debug_option, ruleset_options, warn

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


@main.command(short_help="Requirements × follow-up × sanctions, as md, csv, html or json.")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["md", "csv", "html", "json"]),
    default="md",
    show_default=True,
    help="md: a table to read; csv: for spreadsheets; html: a page; json: for programs.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write the matrix to FILE ('-': standard output). Never over an input, never through a link."
)
@click.option("--no-ignore", is_flag=True, help="In folders, also read what .gitignore ignores, node_modules, virtual environments and licence files.")
@ruleset_options
@debug_option
def matrix(paths: tuple[str, ...], output_format: str, output: str | None, no_ignore: bool, selection: RulesetSelection) -> None:
    """The traceability matrix: each requirement, whether it is measurable, and which
    statements follow it up and sanction it (and how they are linked); with the elements
    of a balanced contract each document has.

    \b
    kravkoll matrix avtal.docx                  a table to read
    kravkoll matrix -f csv -o krav.csv avtal/   for a spreadsheet

    Exit code 0, or 2 when an input cannot be read.
    """
    from ..matrix import build_matrix  # noqa: PLC0415
    from ..reporters.matrix import MATRIX_FORMATS  # noqa: PLC0415

    results, unreadable, inputs = _checked(paths, selection.config(paths), output, respect_ignores=not no_ignore)
    _write(MATRIX_FORMATS[output_format](build_matrix(results)), output, inputs)
    sys.exit(2 if unreadable else 0)


@main.command(short_help="One HTML page about a document, for the people who write it.")
@click.argument("path")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the report to FILE ('-': standard output); never over an input, never through a link. [default: NAME.report.html in the current folder]",
)
@ruleset_options
@debug_option
def report(path: str, output: str | None, selection: RulesetSelection) -> None:
    """An HTML report of one document, for people: how many requirements are measurable,
    followed up and sanctioned; which elements of a balanced contract it has; its text with
    each finding highlighted and explained; and the traceability matrix.

    One self-contained file: open it in any browser, offline, or print it.

    \b
    kravkoll report avtal.docx                  writes avtal.report.html
    kravkoll report avtal.docx -o granskning.html
    """
    from ..matrix import matrix_document  # noqa: PLC0415
    from ..reporters.html import render_report  # noqa: PLC0415

    files, _problems, _warnings = expand_inputs([path])
    if len(files) > 1:
        raise click.UsageError(f"{visible(path)}: give one document ('kravkoll matrix' takes several)")
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
