"""``kravkoll annotate``: the findings as comments (and rewrites as tracked changes) in a copy of
a Word document."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import KravError, visible
from ..reporters.help_labels import help_text
from .common import input_files, refuse_unsafe_targets, rule_problems, stop_on_rule_problems
from .group import main
from .options import OutputFile, RulesetSelection, debug_option, ruleset_options


@main.command(short_help=help_text("annotate.short"), help=help_text("annotate"))
@click.argument("path")
@click.option("--output", "-o", type=OutputFile(), help=help_text("annotate.output"))
@click.option(
    "--suggest",
    is_flag=True,
    help=help_text("annotate.suggest"),
)
@ruleset_options
@debug_option
def annotate(path: str, output: str | None, suggest: bool, selection: RulesetSelection) -> None:
    from ..engine import check_each, unlinked_notes  # noqa: PLC0415
    from ..errors import InputError  # noqa: PLC0415
    from ..files import write_output  # noqa: PLC0415
    from ..limits import one_document  # noqa: PLC0415
    from ..readers import format_of, read_file_bytes  # noqa: PLC0415
    from ..report import FileReport  # noqa: PLC0415
    from ..reporters.docx_annotate import annotate_reading, read_for_annotation, rewrites_of  # noqa: PLC0415

    if format_of(path) != "docx":
        raise InputError(path, "annotate writes comments into Word documents: give it a .docx file")
    to_standard_output = output == "-"  # a file named "-" is what no one means by it
    if to_standard_output and sys.stdout.isatty():
        raise KravError("-: the copy is a Word file, not text for a terminal; redirect standard output (> copy.docx) or give -o FILE")
    target = Path(output) if output else Path(f"{Path(path).stem}.kravkoll.docx")
    config = selection.config([path])
    inputs = input_files([path], config)
    if not to_standard_output:
        refuse_unsafe_targets([str(target)], inputs)
    data = read_file_bytes(path)
    with one_document(path, config.timeout):  # one limit for reading and checking
        reading = read_for_annotation(data, path, language=config.lang)
        result = next(iter(check_each([reading.document], None, config.model_copy(update={"timeout": None}))))
    if isinstance(result, FileReport):  # e.g. a suppression comment that names no rule
        raise KravError(result.error or path)
    stop_on_rule_problems(rule_problems(config, result.rulesets, {result.document.language}))
    annotated = annotate_reading(reading, result.findings, rewrites=rewrites_of(result.rulesets) if suggest else None, nearest=unlinked_notes(result))
    if to_standard_output:
        sys.stdout.buffer.write(annotated.data)
        sys.stdout.flush()
    else:
        write_output(target, annotated.data, inputs)
    whole = sum(placement.anchor == "document" for placement in annotated.placements)
    suppressed = sum(finding.suppressed for finding in result.findings)
    written = "standard output" if to_standard_output else visible(str(target))
    summary = f"Wrote {written}: {annotated.comments} comment{'s' if annotated.comments != 1 else ''}"
    if whole:
        summary += (
            " (one of them sums up the finding about the whole document, at its start)"
            if whole == 1
            else f" (one of them sums up the {whole} findings about the whole document, at its start)"
        )
    if suggest:
        summary += f"; {annotated.suggestions} suggested rewrite{'s' if annotated.suggestions != 1 else ''} as tracked changes"
    if annotated.replaced:
        summary += f"; {annotated.replaced} earlier kravkoll comment{'s' if annotated.replaced != 1 else ''} replaced"
    if suppressed:
        summary += f"; {suppressed} suppressed finding{'s' if suppressed != 1 else ''} left out"
    click.echo(summary + ".", err=True)
    sys.exit(0)
