"""``kravkoll check``: check documents and report the findings in one or more formats, with
baselines, statistics and the exit code a build fails on."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import click

from ..errors import KravError
from ..readers.formats import FORMAT_NAMES
from ..reporters import FORMATS
from ..reporters.help_labels import help_text
from .common import _error, _note, _write, expand_inputs, input_files, refuse_unsafe_targets, rule_problems, selector_problems, stop_on_rule_problems
from .group import main
from .options import OutputFile, RulesetSelection, _debug, debug_option, ruleset_options, ui_language, warn

if TYPE_CHECKING:  # the modules behind these load on first use, so that --help starts fast
    from ..config import Config
    from ..files import InputFiles
    from ..report import Report
    from ..reporters import RenderOptions
    from ..rulemodel import Ruleset


FAIL_ON = ("error", "warning", "info", "never")


def _parse_output_formats(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, str]]:
    """``--write FORMAT=FILE`` values as (format, file) pairs."""
    parsed: list[tuple[str, str]] = []
    for value in values:
        name, sep, file = value.partition("=")
        if not sep or not file:
            raise click.BadParameter(f"'{value}': expected FORMAT=FILE, e.g. sarif=kravkoll.sarif")
        if name not in FORMATS:
            raise click.BadParameter(f"'{name}': unknown format (choose from {', '.join(FORMATS)})")
        parsed.append((name, file))
    return parsed


def _parse_format_or_outputs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """``--output-format``: FORMAT as ruff users type it (an alias of ``--format``, file None), or
    the older FORMAT=FILE (as ``--write``), so that no pipeline written for it breaks."""
    parsed: list[tuple[str, str | None]] = []
    for value in values:
        if "=" in value:
            parsed.extend(_parse_output_formats(ctx, param, (value,)))
        elif value in FORMATS:
            parsed.append((value, None))
        else:
            raise click.BadParameter(f"'{value}': unknown format (choose from {', '.join(FORMATS)}; or FORMAT=FILE)")
    return parsed


def load_check_rulesets(config: Config) -> list[Ruleset] | None:
    """Compiled rulesets of the configuration (``--ruleset`` paths are relative to the working
    folder, a configuration file's to that file); None for the shipped rulesets of each language."""
    from ..errors import RuleError  # noqa: PLC0415
    from ..rulecompile import load_rulesets  # noqa: PLC0415

    if config.rulesets is None:
        return None
    try:
        return load_rulesets(config.rulesets, config.base_dir)
    except RuleError as error:  # one line here; 'kravkoll rules validate' shows every error
        raise KravError(f"{error} (see 'kravkoll rules validate')") from None


def read_inputs(files: list[str], stdin_format: str, language: str | None) -> tuple[list[Any], list[str]]:
    """Paths stay paths (read where they are checked); ``-`` is read from standard input now."""
    from ..readers import read_bytes  # noqa: PLC0415

    items: list[Any] = []
    problems: list[str] = []
    for name in files:
        if name != "-":
            items.append(name)
            continue
        try:
            items.append(read_bytes(sys.stdin.buffer.read(), "<stdin>", stdin_format, language=language))
        except KravError as error:
            problems.append(str(error))
    return items, problems


@contextmanager
def progress(count: int, enabled: bool) -> Iterator[Callable[[], None] | None]:
    """A progress bar on standard error for a batch, only when standard error is a terminal."""
    if not enabled or count < 2 or not sys.stderr.isatty():
        yield None
        return
    from ..reporters.labels import Labels  # noqa: PLC0415

    with click.progressbar(length=count, label=Labels(ui_language())("cli.progress"), file=sys.stderr, show_pos=True) as bar:
        yield lambda: bar.update(1)


def use_color(flag: bool | None) -> bool:
    """``--color``/``--no-color``; otherwise colour on a terminal unless NO_COLOR is set."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def write_outputs(report: Report, outputs: list[tuple[str, str | None]], options: RenderOptions, color: bool, inputs: InputFiles) -> None:
    """Render the report in each format; to its file (never one of ``inputs``), or to standard
    output when None or '-'."""
    from ..files import write_output  # noqa: PLC0415
    from ..reporters import renderer  # noqa: PLC0415

    for name, file in outputs:
        to_stdout = file is None or file == "-"
        colored = color and to_stdout and name == "text"
        text = renderer(name)(report, replace(options, color=colored))
        if to_stdout:
            click.echo(text, nl=False, color=colored)
        else:
            write_output(file, text, inputs)


@main.command(help=help_text("check"))
@click.argument("paths", nargs=-1)
@ruleset_options
@click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATS)), default=None, help=help_text("check.format"))
@click.option(
    "--output-format",
    "format_or_outputs",
    multiple=True,
    metavar="FORMAT",
    callback=_parse_format_or_outputs,
    help=help_text("check.output_format"),
)
@click.option(
    "--output",
    "-o",
    type=OutputFile(),
    help=help_text("check.output"),
)
@click.option(
    "--write",
    "extra_outputs",
    multiple=True,
    metavar="FORMAT=FILE",
    callback=_parse_output_formats,
    help=help_text("check.write"),
)
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help=help_text("check.fail_on"))
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, help=help_text("check.jobs"))
@click.option("--baseline", type=click.Path(dir_okay=False), help=help_text("check.baseline"))
@click.option("--write-baseline", type=OutputFile(), help=help_text("check.write_baseline"))
@click.option("--stdin-format", type=click.Choice(FORMAT_NAMES), default="md", show_default=True, help=help_text("check.stdin_format"))
@click.option("--quiet", "-q", is_flag=True, help=help_text("check.quiet"))
@click.option("--statistics", is_flag=True, help=help_text("check.statistics"))
@click.option("--no-ignore", is_flag=True, help=help_text("check.no_ignore"))
@click.option("--color/--no-color", default=None, help=help_text("check.color"))
@debug_option
def check(
    paths: tuple[str, ...],
    selection: RulesetSelection,
    output_format: str | None,
    format_or_outputs: list[tuple[str, str | None]],
    output: str | None,
    extra_outputs: list[tuple[str, str]],
    fail_on: str | None,
    jobs: int,
    baseline: str | None,
    write_baseline: str | None,
    stdin_format: str,
    quiet: bool,
    statistics: bool,
    no_ignore: bool,
    color: bool | None,
) -> None:
    from ..limits import collector_paused  # noqa: PLC0415

    with collector_paused():  # importing builds some 60 models: many objects, no garbage to look for
        from ..engine import Linter  # noqa: PLC0415
        from ..reporters import RenderOptions  # noqa: PLC0415

    if quiet:
        click.get_current_context().find_root().meta["quiet"] = True
    chosen = {name for name in (output_format, *(name for name, file in format_or_outputs if file is None)) if name}
    if len(chosen) > 1:
        raise click.UsageError(f"one output format for standard output, not {' and '.join(sorted(chosen))} (--write FORMAT=FILE for more)")
    output_format = chosen.pop() if chosen else "text"
    extra_outputs = [(name, file) for name, file in format_or_outputs if file is not None] + extra_outputs
    paths = paths or (".",)
    config = selection.config(paths)
    if fail_on is not None:
        config = config.model_copy(update={"fail_on": fail_on})
    compiled = load_check_rulesets(config)
    linter = Linter(config, compiled)
    if compiled is not None:
        stop_on_rule_problems(rule_problems(config, compiled, ()))
    elif config.select or config.ignore or config.severity:  # before a long batch: a rule of no language is a typo
        every_language = [r for language in ([config.lang] if config.lang else ["sv", "en"]) for r in linter.shipped(language).rulesets]
        stop_on_rule_problems(selector_problems(config, every_language))
    if baseline or write_baseline:  # its models load only when a baseline is used
        from ..baseline import new_findings, read_baseline  # noqa: PLC0415
        from ..baseline import write_baseline as save_baseline
    known_baseline = read_baseline(Path(baseline)) if baseline else None
    files, problems, warnings = expand_inputs(paths, config.excluded, respect_ignores=not no_ignore)
    for message in warnings:
        warn(message)
    config = config.for_documents(len(files))
    linter = linter.with_config(config)
    items, stdin_problems = read_inputs(files, stdin_format, config.lang)
    problems += stdin_problems
    for message in problems:
        _error(message)
    inputs = input_files(files, config, baseline)
    refuse_unsafe_targets([output, *(file for _name, file in extra_outputs), write_baseline], inputs)

    with progress(len(items), not quiet) as on_file:
        report, tracebacks = linter.check_paths(items, jobs, on_file)
    for file in report.files:
        if file.error:
            _error(file.error)
        elif file.language_conflict:
            from ..reporters.labels import Labels  # noqa: PLC0415

            name = Labels("en")
            warn(
                f"{file.path}: the text reads as {name(f'language.{file.language_conflict}')}, but it was checked as "
                f"{name(f'language.{file.language}')} (--lang or the configuration); its rules may not apply"
            )
    if _debug(click.get_current_context()):
        for text in tracebacks:
            click.echo(text, err=True, nl=False)
    used = linter.rulesets_used(report)
    languages = {f.language for f in report.files if f.language}
    if compiled is None and languages:
        stop_on_rule_problems(rule_problems(config, used, languages))

    if write_baseline:
        count = save_baseline(report, Path(write_baseline), inputs)
        _note(f"wrote {count} finding{'s' if count != 1 else ''} to the baseline {write_baseline}")
    if known_baseline is not None:
        report = new_findings(report, known_baseline)
    unreadable = len(problems) + report.summary.unreadable
    code = exit_code(report, "never" if write_baseline else config.fail_on, unreadable)
    options = RenderOptions(quiet=quiet, rulesets=tuple(used), config=config, ui_language=ui_language(), exit_code=code)
    if statistics:
        from ..reporters.statistics import render_json, render_text  # noqa: PLC0415

        _write((render_json if output_format == "json" else render_text)(report), output, inputs)
        write_outputs(report, extra_outputs, options, False, inputs)
    else:
        write_outputs(report, [(output_format, output), *extra_outputs], options, use_color(color), inputs)
    sys.exit(code)


def exit_code(report: Report, fail_on: str, unreadable: int) -> int:
    """2 when inputs could not be read; 1 when findings reach ``fail_on``; else 0."""
    from ..report import SEVERITY_RANK  # noqa: PLC0415

    if unreadable:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in report.active()) else 0
