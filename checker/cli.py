"""The ``kravkoll`` command line.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it (or failing rule
examples); 2 usage errors, unreadable inputs, invalid rulesets. Errors are one line on
standard error; ``--debug`` shows the traceback of an unexpected error.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import traceback
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import click

from . import __version__
from .cli_options import RulesetSelection, no_cache_option, ruleset_options, ui_lang_option, ui_language, warn
from .errors import KravError, visible
from .reporters import FORMATS

if TYPE_CHECKING:  # the modules behind these load on first use, so that --help starts fast
    from .config import Config
    from .files import InputFiles
    from .report import Report
    from .reporters import RenderOptions
    from .rulemodel import Ruleset

class KravGroup(click.Group):
    """Turns kravkoll's own errors into a message and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import RuleError  # noqa: PLC0415

        try:
            return super().invoke(ctx)
        except RuleError as error:
            click.echo(error.render(), err=True)
            ctx.exit(2)
        except KravError as error:
            click.echo(f"kravkoll: {error}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("kravkoll: interrupted", err=True)
            ctx.exit(130)
        except Exception as error:  # noqa: BLE001 - the last line of defence
            if _debug(ctx):
                traceback.print_exc()
            else:
                click.echo(f"kravkoll: internal error: {type(error).__name__}: {visible(str(error))} (run with --debug for details)", err=True)
            ctx.exit(2)


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.meta.get("debug")) or "--debug" in sys.argv


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.find_root().meta["debug"] = True
    return value


debug_option = click.option("--debug", is_flag=True, expose_value=False, callback=_set_debug, is_eager=True,
                            help="Show Python tracebacks of unexpected errors.")


@click.group(cls=KravGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="kravkoll")
@debug_option
def main() -> None:
    """Check procurement documents: are requirements measurable, followed up and sanctioned?

    \b
    kravkoll check förfrågningsunderlag.docx     check a document
    kravkoll check --format json underlag/       a folder, as JSON
    kravkoll annotate avtal.docx                 the findings as comments in a copy for Word
    kravkoll rules list                          the shipped rules
    kravkoll rules test mina-regler.krav         run a rule file's examples
    """


# ---- check ---------------------------------------------------------------------------------------

FAIL_ON = ("error", "warning", "info", "never")


def expand_inputs(paths: Iterable[str], exclude: Any = None, respect_ignores: bool = True) -> tuple[list[str], list[str], list[str]]:
    """Files to check from files, folders (recursively, known extensions; what
    :mod:`checker.discovery` leaves out of a folder is left out) and globs; error lines for
    paths that give nothing; warnings for folders without documents."""
    from .discovery import DOCUMENT_SUFFIXES, documents_in  # noqa: PLC0415

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


def _note(message: str) -> None:
    """Information on standard error ("wrote the baseline"), unless ``--quiet``."""
    if not click.get_current_context().find_root().meta.get("quiet"):
        click.echo(visible(f"kravkoll: {message}"), err=True)


def _error(message: str) -> None:
    click.echo(f"kravkoll: {visible(message)}", err=True)


def load_check_rulesets(config: Config) -> list[Ruleset] | None:
    """Compiled rulesets of the configuration (``--ruleset`` paths are relative to the working
    folder, a configuration file's to that file); None for the shipped rulesets of each language."""
    from .errors import RuleError  # noqa: PLC0415
    from .rulecompile import load_rulesets  # noqa: PLC0415

    if config.rulesets is None:
        return None
    try:
        return load_rulesets(config.rulesets, config.base_dir)
    except RuleError as error:  # one line here; 'kravkoll rules validate' shows every error
        raise KravError(f"{error} (see 'kravkoll rules validate')") from None


def read_inputs(files: list[str], stdin_format: str, language: str | None) -> tuple[list[Any], list[str]]:
    """Paths stay paths (read where they are checked); ``-`` is read from standard input now."""
    from .readers import read_bytes  # noqa: PLC0415

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
    from .reporters.labels import Labels  # noqa: PLC0415

    with click.progressbar(length=count, label=Labels(ui_language())("cli.progress"), file=sys.stderr, show_pos=True) as bar:
        yield lambda: bar.update(1)


def rulesets_used(explicit: list[Ruleset] | None, report: Report) -> list[Ruleset]:
    """The compiled rulesets the report's files were checked with, in a stable order."""
    from .engine import default_rulesets_compiled  # noqa: PLC0415

    if explicit is not None:
        return explicit
    languages = dict.fromkeys(f.language for f in report.files if f.language)
    used: dict[str, Any] = {}
    for language in languages:
        for ruleset in default_rulesets_compiled(language):
            used.setdefault(ruleset.name, ruleset)
    return list(used.values())


def rule_problems(config: Config, rulesets: list[Ruleset], languages: Iterable[str]) -> list[str]:
    """Why the rule choice of a run is wrong: no rule would run, or a ``select``, ``ignore`` or
    ``severity`` entry names no rule (a typo, usually; with the closest rule id). ``rulesets``
    are those in use; with the shipped rulesets, those of the ``languages`` read (so the caller
    asks once a document has been read)."""
    from .reporters import rules_of  # noqa: PLC0415

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
    from .config import unknown_selector  # noqa: PLC0415
    from .reporters import rules_of  # noqa: PLC0415
    from .rulecompile import shipped_ruleset_names  # noqa: PLC0415

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


def use_color(flag: bool | None) -> bool:
    """``--color``/``--no-color``; otherwise colour on a terminal unless NO_COLOR is set."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def write_outputs(report: Report, outputs: list[tuple[str, str | None]], options: RenderOptions, color: bool,
                  inputs: InputFiles) -> None:
    """Render the report in each format; to its file (never one of ``inputs``), or to standard
    output when None or '-'."""
    from .files import write_output  # noqa: PLC0415
    from .reporters import renderer  # noqa: PLC0415

    for name, file in outputs:
        to_stdout = file is None or file == "-"
        colored = color and to_stdout and name == "text"
        text = renderer(name)(report, replace(options, color=colored))
        if to_stdout:
            click.echo(text, nl=False, color=colored)
        else:
            write_output(file, text, inputs)


def input_files(documents: Iterable[str], config: Config, *others: str | None) -> InputFiles:
    """Every file a run reads: its documents, its configuration file, the rule files it names,
    the shipped rule files and ``others`` (a baseline), so that no output is written over one."""
    from .files import InputFiles  # noqa: PLC0415
    from .paths import shipped_rulesets_dir  # noqa: PLC0415
    from .rulecompile import resolve_ruleset_reference  # noqa: PLC0415

    rule_files: list[Path] = list(shipped_rulesets_dir().glob("*.krav"))
    for reference in config.rulesets or []:
        try:
            rule_files.append(resolve_ruleset_reference(reference, config.base_dir))
        except KravError:
            continue  # loading the rulesets reports it
    return InputFiles.of([*documents, config.source, *rule_files, *others])


def refuse_unsafe_targets(targets: Iterable[str | None], inputs: InputFiles) -> None:
    """Refuse, before any work, each output file (not None or '-') that may not be written."""
    from .files import refuse_unsafe_target  # noqa: PLC0415

    for target in targets:
        if target and target != "-":
            refuse_unsafe_target(target, inputs)


@main.command()
@click.argument("paths", nargs=-1)
@ruleset_options
@click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATS)), default=None,
              help="Output format.  [default: text]")
@click.option("--output-format", "format_or_outputs", multiple=True, metavar="FORMAT", callback=_parse_format_or_outputs,
              help="Same as --format (as in ruff). A FORMAT=FILE value works as --write.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of standard output ('-'). Never over an input, never through a link.")
@click.option("--write", "extra_outputs", multiple=True, metavar="FORMAT=FILE", callback=_parse_output_formats,
              help="Also write the report in FORMAT to FILE (repeatable), e.g. --write sarif=kravkoll.sarif.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding of this severity or worse remains.  [default: error]")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes for a batch of files; 0: one per CPU.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Write the findings to a baseline file (accepting them: exit 0 unless a file cannot be read).")
@click.option("--stdin-format", type=click.Choice(["md", "txt", "docx", "pdf"]), default="md", show_default=True,
              help="Format of standard input when a PATH is '-'.")
@click.option("--quiet", "-q", is_flag=True,
              help="No warnings or notes on standard error (errors still), no progress bar; the text format prints only the summary.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings (JSON with --format json).")
@click.option("--no-ignore", is_flag=True,
              help="In folders, also check what .gitignore ignores, node_modules, virtual environments and licence files.")
@click.option("--color/--no-color", default=None, help="Colour the text output.  [default: on a terminal, unless NO_COLOR is set]")
@ui_lang_option
@debug_option
def check(paths: tuple[str, ...], selection: RulesetSelection, output_format: str | None,
          format_or_outputs: list[tuple[str, str | None]], output: str | None, extra_outputs: list[tuple[str, str]],
          fail_on: str | None, jobs: int, baseline: str | None, write_baseline: str | None, stdin_format: str,
          quiet: bool, statistics: bool, no_ignore: bool, color: bool | None) -> None:
    """Check documents: files, folders (recursively: .docx .md .txt .pdf; not what .gitignore
    ignores, node_modules, virtual environments or licence files), globs, '-' for standard
    input; without PATHS, the current folder.

    \b
    Exit codes: 0 no finding at or above --fail-on; 1 some; 2 usage errors, unreadable
    files, invalid rulesets or configuration (one line each on standard error). A rule id
    in --select, --ignore, --severity, the configuration or a suppression comment that names
    no rule is an error (with the closest id), and so is a run in which no rule would run.
    In a document, '<!-- kravkoll: ignore RULE -- reason -->' suppresses RULE in the next block.
    Output files (-o, --output-format, --write-baseline) are written whole or not at all, never
    over an input of the run and never through a symbolic link (refused, exit 2).
    """
    from .baseline import new_findings, read_baseline, write_baseline as save_baseline  # noqa: PLC0415
    from .batch import check_batch  # noqa: PLC0415
    from .reporters import RenderOptions  # noqa: PLC0415

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
    if compiled is not None:
        stop_on_rule_problems(rule_problems(config, compiled, ()))
    elif config.select or config.ignore or config.severity:  # before a long batch: a rule of no language is a typo
        from .engine import default_rulesets_compiled  # noqa: PLC0415 - compiled once; checking uses them too

        every_language = [r for language in ([config.lang] if config.lang else ["sv", "en"]) for r in default_rulesets_compiled(language)]
        stop_on_rule_problems(selector_problems(config, every_language))
    known_baseline = read_baseline(Path(baseline)) if baseline else None
    files, problems, warnings = expand_inputs(paths, config.excluded, respect_ignores=not no_ignore)
    for message in warnings:
        warn(message)
    config = config.for_documents(len(files))
    items, stdin_problems = read_inputs(files, stdin_format, config.lang)
    problems += stdin_problems
    for message in problems:
        _error(message)
    inputs = input_files(files, config, baseline)
    refuse_unsafe_targets([output, *(file for _name, file in extra_outputs), write_baseline], inputs)

    with progress(len(items), not quiet) as on_file:
        report, tracebacks = check_batch(items, compiled, config, jobs, on_file)
    for file in report.files:
        if file.error:
            _error(file.error)
        elif file.language_conflict:
            from .reporters.labels import Labels  # noqa: PLC0415

            name = Labels("en")
            warn(f"{file.path}: the text reads as {name(f'language.{file.language_conflict}')}, but it was checked as "
                 f"{name(f'language.{file.language}')} (--lang or the configuration); its rules may not apply")
    if _debug(click.get_current_context()):
        for text in tracebacks:
            click.echo(text, err=True, nl=False)
    used = rulesets_used(compiled, report)
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
        from .reporters.statistics import render_json, render_text  # noqa: PLC0415

        _write((render_json if output_format == "json" else render_text)(report), output, inputs)
        write_outputs(report, extra_outputs, options, False, inputs)
    else:
        write_outputs(report, [(output_format, output), *extra_outputs], options, use_color(color), inputs)
    sys.exit(code)


def exit_code(report: Report, fail_on: str, unreadable: int) -> int:
    """2 when inputs could not be read; 1 when findings reach ``fail_on``; else 0."""
    from .report import SEVERITY_RANK  # noqa: PLC0415

    if unreadable:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in report.active()) else 0


# ---- rules ---------------------------------------------------------------------------------------


@main.group(cls=KravGroup)
def rules() -> None:
    """Work with rulesets: validate, list, test, schema, docs."""


def _rule_files(paths: Iterable[str]) -> list[Path]:
    from .rulecompile import resolve_ruleset_reference  # noqa: PLC0415

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except (OSError, ValueError):  # a name the file system refuses: no such file, said below
            is_dir = False
        if is_dir:
            found = sorted(path.glob("*.krav"))
            if not found:
                raise KravError(f"{raw}: no .krav files in this folder")
            files.extend(found)
        else:
            files.append(resolve_ruleset_reference(raw))
    return files


def _compile_each(paths: Iterable[str]) -> list[tuple[Path, Any]]:
    """Each rule file of ``paths`` (files, folders, shipped names) with its compiled ruleset or
    the error that tells why it has none."""
    from .rulecompile import load_each  # noqa: PLC0415

    found: list[tuple[Path, Any]] = []  # a file to compile (None), or the error that there is none
    for raw in paths:
        try:
            found.extend((path, None) for path in _rule_files([raw]))
        except KravError as error:
            found.append((Path(raw), error))
    compiled = load_each([path for path, error in found if error is None])  # one loader: shared bases compile once
    return [(path, error if error is not None else next(compiled)) for path, error in found]


def _load_each(paths: Iterable[str]) -> tuple[list[Any], int]:
    """Compile each rule file; print the errors of those that fail. Returns (rulesets, failures)."""
    loaded: list[Any] = []
    failures = 0
    for _path, result in _compile_each(paths):
        if isinstance(result, KravError):
            _echo_rule_error(result)
            failures += 1
        else:
            loaded.append(result)
    return loaded, failures


def _echo_rule_error(error: KravError) -> None:
    from .errors import RuleError  # noqa: PLC0415

    click.echo(error.render() if isinstance(error, RuleError) else f"kravkoll: {error}", err=True)


def _error_records(path: Path, error: KravError) -> list[dict[str, Any]]:
    """The errors of a rule file as ``{file, line, column, message}``; an error about the whole
    file (unreadable, ...) has line and column null."""
    from .errors import RuleError  # noqa: PLC0415

    if isinstance(error, RuleError):
        return [{"file": d.path, "line": d.line, "column": d.column, "message": d.message} for d in error.diagnostics]
    message = str(error)
    prefix = f"{path}: "
    return [{"file": str(path), "line": None, "column": None, "message": message[len(prefix):] if message.startswith(prefix) else message}]


@rules.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text: errors with a caret on standard error; json: one object per file on standard output; "
                   "github: workflow annotations on standard output.")
@no_cache_option
@debug_option
def rules_validate(paths: tuple[str, ...], output_format: str) -> None:
    """Check rule files for errors (files, folders or shipped ruleset names). Exit 2 if one has any."""
    results = _compile_each(paths)
    failures = sum(isinstance(result, KravError) for _path, result in results)
    if output_format == "json":
        records = [{"path": str(path), "valid": False, "ruleset": None, "rules": None, "errors": _error_records(path, result)}
                   if isinstance(result, KravError) else
                   {"path": str(path), "valid": True, "ruleset": result.name, "rules": len(result.rules), "errors": []}
                   for path, result in results]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif output_format == "github":
        from .reporters import relative_path  # noqa: PLC0415
        from .reporters.github import command  # noqa: PLC0415

        for path, result in results:
            if isinstance(result, KravError):
                for record in _error_records(path, result):
                    click.echo(command("error", record["message"], file=relative_path(record["file"]), line=record["line"],
                                       col=record["column"], title="kravkoll: invalid rule file"))
    else:
        for _path, result in results:
            if isinstance(result, KravError):
                _echo_rule_error(result)
            else:
                click.echo(visible(f"{result.path}: ok ({result.name}, {len(result.rules)} rules)"))
    sys.exit(2 if failures else 0)


@rules.command("list")
@click.argument("paths", nargs=-1)
@click.option("--ruleset", "-r", "rulesets", multiple=True, metavar="NAME|PATH", help="Ruleset to list (default: all shipped).")
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@no_cache_option
@debug_option
def rules_list(paths: tuple[str, ...], rulesets: tuple[str, ...], output_format: str) -> None:
    """List rules: id, severity, category and title, of rule files, folders or shipped rulesets
    (PATHS or --ruleset; default: all shipped)."""
    from .rulecompile import load_rulesets, shipped_ruleset_names  # noqa: PLC0415

    references = [str(p) for p in _rule_files(paths)] + list(rulesets)
    loaded = load_rulesets(references or shipped_ruleset_names())
    if output_format == "json":
        data = [r.model_dump(mode="json") for r in loaded]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for ruleset in loaded:
        click.echo(visible(f"{ruleset.name} ({ruleset.language}) {ruleset.title}".rstrip()))
        for rule in ruleset.rules:
            click.echo(visible(f"  {rule.full_id:<36} {rule.severity:<8} {rule.category:<18} {rule.title}"))


@rules.command("test")
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@no_cache_option
@debug_option
def rules_test(paths: tuple[str, ...], quiet: bool) -> None:
    """Run every 'example flag' and 'example pass' of every rule; exit 1 if one fails."""
    from .ruletest import run_examples  # noqa: PLC0415

    loaded, failures = _load_each(paths)
    passed = failed = 0
    for ruleset in loaded:
        outcomes = run_examples(ruleset)
        for outcome in outcomes:
            if outcome.passed:
                passed += 1
            else:
                failed += 1
                click.echo(visible(f"FAIL {outcome.describe()}"))
        if not quiet:
            ok = sum(o.passed for o in outcomes)
            click.echo(visible(f"{ruleset.path}: {ok}/{len(outcomes)} examples pass"))
    click.echo(f"{passed} passed, {failed} failed" + (f", {failures} rule file(s) with errors" if failures else ""))
    sys.exit(2 if failures else (1 if failed else 0))


@rules.command("schema")
@debug_option
def rules_schema() -> None:
    """Print the JSON Schema of a compiled ruleset (as 'rules list --format json' prints it)."""
    from .rulemodel import Ruleset  # noqa: PLC0415

    click.echo(json.dumps(Ruleset.model_json_schema(), ensure_ascii=False, indent=2))


@rules.command("docs")
@click.argument("paths", nargs=-1)
@click.option("--output", "-o", type=click.Path(file_okay=False), default="docs/rules", show_default=True,
              help="Folder for the pages.")
@click.option("--check", "check_only", is_flag=True, help="Do not write; exit 1 if the pages are not current.")
@no_cache_option
@debug_option
def rules_docs(paths: tuple[str, ...], output: str, check_only: bool) -> None:
    """Write one Markdown page per rule (default: the shipped rulesets) into docs/rules/."""
    from .files import InputFiles  # noqa: PLC0415
    from .rulecompile import load_rulesets, shipped_ruleset_names  # noqa: PLC0415
    from .ruledocs import generate, write  # noqa: PLC0415

    references = [str(p) for p in _rule_files(paths)] if paths else shipped_ruleset_names()
    loaded = load_rulesets(references)
    pages = generate(loaded)
    folder = Path(output)
    if check_only:
        stale = [name for name, text in pages.items() if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
        extra = [p.relative_to(folder).as_posix() for p in folder.rglob("*.md") if p.relative_to(folder).as_posix() not in pages] if folder.is_dir() else []
        for name in stale + extra:
            click.echo(visible(f"{folder / name}: not current (run 'kravkoll rules docs')"))
        sys.exit(1 if stale or extra else 0)
    written = write(pages, folder, InputFiles.of(r.path for r in loaded))
    click.echo(visible(f"wrote {len(written)} pages to {folder}"))


@main.command("schema")
@click.argument("what", type=click.Choice(["report", "ruleset"]))
@debug_option
def schema(what: str) -> None:
    """Print a JSON Schema: 'report' (check --format json; shipped as checker/schemas/report.schema.json) or 'ruleset'."""
    if what == "report":
        from .paths import report_schema_file  # noqa: PLC0415

        click.echo(report_schema_file().read_text(encoding="utf-8"), nl=False)
        return
    from .rulemodel import Ruleset  # noqa: PLC0415

    click.echo(json.dumps(Ruleset.model_json_schema(), ensure_ascii=False, indent=2))


# ---- matrix and report: for writers ----------------------------------------------------------



def _checked(paths: Iterable[str], config: Any, output: str | None, respect_ignores: bool = True) -> tuple[list[Any], int, InputFiles]:
    """Check the documents named by files, folders and globs; (results, unreadable count, the
    run's input files). The ``output`` file is refused before any work when it may not be written.

    Each unreadable input is reported on standard error and left out of the results; a rule
    choice that names no rule, or leaves none, stops the command (as in ``check``).
    """
    from .engine import check_each  # noqa: PLC0415
    from .report import FileReport  # noqa: PLC0415

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


def _write(text: str, output: str | None, inputs: InputFiles) -> None:
    """Write to the file ``output`` (never one of ``inputs``), or to standard output when it is None or '-'."""
    from .files import write_output  # noqa: PLC0415

    if not output or output == "-":
        click.echo(text, nl=False)
        return
    write_output(output, text, inputs)


@main.command(short_help="Requirements × follow-up × sanctions, as md, csv, html or json.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(["md", "csv", "html", "json"]), default="md",
              show_default=True, help="md: a table to read; csv: for spreadsheets; html: a page; json: for programs.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the matrix to FILE ('-': standard output). Never over an input, never through a link.")
@click.option("--no-ignore", is_flag=True,
              help="In folders, also read what .gitignore ignores, node_modules, virtual environments and licence files.")
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
    from .matrix import build_matrix  # noqa: PLC0415
    from .reporters.matrix import MATRIX_FORMATS  # noqa: PLC0415

    results, unreadable, inputs = _checked(paths, selection.config(paths), output, respect_ignores=not no_ignore)
    _write(MATRIX_FORMATS[output_format](build_matrix(results)), output, inputs)
    sys.exit(2 if unreadable else 0)


@main.command(short_help="One HTML page about a document, for the people who write it.")
@click.argument("path")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to FILE ('-': standard output); never over an input, never through a link. "
                   "[default: NAME.report.html in the current folder]")
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
    from .matrix import matrix_document  # noqa: PLC0415
    from .reporters.html import render_report  # noqa: PLC0415

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


# ---- annotate: comments in Word ----------------------------------------------------------------


@main.command(short_help="A copy of a Word document with a comment on each finding.")
@click.argument("path")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the annotated copy to FILE. [default: NAME.kravkoll.docx in the current folder]")
@click.option("--suggest", is_flag=True,
              help="Also put each rule's rewrite of the matched words into the copy as a tracked change "
                   "(placeholders in brackets, such as [X], for the values only you know).")
@ruleset_options
@debug_option
def annotate(path: str, output: str | None, suggest: bool, selection: RulesetSelection) -> None:
    """Write a copy of a .docx with a Word comment on each finding, for writers who work in
    Word, by the author "kravkoll", saying what is wrong, a suggestion and the rule: on the
    words a finding is about, else on the requirement's sentence. Findings about the whole
    document (a missing clause) share one summary comment at its start. Suppressed findings
    get no comment; the document's own comments are kept, and kravkoll's comments and tracked
    changes from an earlier run are replaced, so annotating an annotated copy gives each once.

    With --suggest, where a rule rewrites the matched words ("skyndsamt" → "inom [X]
    arbetsdagar", "etc." → "[list every item]"), the rewrite goes in as a tracked change that you accept
    or reject in Word.

    The original is only read, never changed; annotate refuses to write over it (or over any
    other input), or through a link, and writes the copy whole or not at all.

    \b
    kravkoll annotate avtal.docx                writes avtal.kravkoll.docx
    kravkoll annotate avtal.docx -o avtal-granskat.docx
    kravkoll annotate --suggest avtal.docx      with rewrites as tracked changes

    Exit code 0 when the copy is written, whatever it found ('kravkoll check' is the one that
    fails a build on findings); 2 when the document cannot be read or the copy not written.
    """
    from .engine import check_each  # noqa: PLC0415
    from .errors import InputError  # noqa: PLC0415
    from .files import write_output  # noqa: PLC0415
    from .readers import format_of, read_file_bytes  # noqa: PLC0415
    from .limits import one_document  # noqa: PLC0415
    from .report import FileReport  # noqa: PLC0415
    from .reporters.docx_annotate import annotate_reading, read_for_annotation, rewrites_of  # noqa: PLC0415

    if format_of(path) != "docx":
        raise InputError(path, "annotate writes comments into Word documents: give it a .docx file")
    target = Path(output) if output else Path(f"{Path(path).stem}.kravkoll.docx")
    config = selection.config([path])
    inputs = input_files([path], config)
    refuse_unsafe_targets([str(target)], inputs)
    data = read_file_bytes(path)
    with one_document(path, config.timeout):  # one limit for reading and checking
        reading = read_for_annotation(data, path, language=config.lang)
        result = next(iter(check_each([reading.document], None, config.model_copy(update={"timeout": None}))))
    if isinstance(result, FileReport):  # e.g. a suppression comment that names no rule
        raise KravError(result.error or path)
    stop_on_rule_problems(rule_problems(config, result.rulesets, {result.document.language}))
    annotated = annotate_reading(reading, result.findings, rewrites=rewrites_of(result.rulesets) if suggest else None)
    write_output(target, annotated.data, inputs)
    whole = sum(placement.anchor == "document" for placement in annotated.placements)
    suppressed = sum(finding.suppressed for finding in result.findings)
    summary = f"Wrote {visible(str(target))}: {annotated.comments} comment{'s' if annotated.comments != 1 else ''}"
    if whole:
        summary += (" (one of them sums up the finding about the whole document, at its start)" if whole == 1 else
                    f" (one of them sums up the {whole} findings about the whole document, at its start)")
    if suggest:
        summary += f"; {annotated.suggestions} suggested rewrite{'s' if annotated.suggestions != 1 else ''} as tracked changes"
    if annotated.replaced:
        summary += f"; {annotated.replaced} earlier kravkoll comment{'s' if annotated.replaced != 1 else ''} replaced"
    if suppressed:
        summary += f"; {suppressed} suppressed finding{'s' if suppressed != 1 else ''} left out"
    click.echo(summary + ".", err=True)
    sys.exit(0)


# ---- serve: the web page and the HTTP API --------------------------------------------------------

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _is_loopback(host: str) -> bool:
    import ipaddress  # noqa: PLC0415

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host in LOOPBACK_HOSTS


@main.command(short_help="A web page for writers and an HTTP API for platforms.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Worker processes that check documents (each handles one at a time).")
@click.option("--queue", default=16, show_default=True, type=click.IntRange(min=0),
              help="Requests that may wait for a worker; beyond them the server answers 503.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Time limit per document, from when a worker takes it; then the worker is killed and the answer is 504.")
@click.option("--max-upload", default=64, show_default=True, type=click.IntRange(min=1), metavar="MIB",
              help="Largest request body in MiB; a larger upload is cut off while it streams (413).")
@click.option("--token", envvar="KRAVKOLL_TOKEN", metavar="TOKEN",
              help="Bearer token the API requires (or the environment variable KRAVKOLL_TOKEN).")
@click.option("--no-auth", is_flag=True, help="Serve the API without a token on an address other than localhost.")
@no_cache_option
@debug_option
def serve(host: str, port: int, workers: int, queue: int, timeout: float, max_upload: int, token: str | None, no_auth: bool) -> None:
    """Serve a page where writers upload a document and read its report, a rule playground at
    /rules, and the HTTP API (described at /openapi.json, readable at /docs).

    Needs the optional extra: pip install 'kravkoll[serve]'. Nothing sent is stored or
    logged; the log has method, path, status, size and time of each request. Listening on
    anything but localhost needs --token (clients send 'Authorization: Bearer TOKEN') or
    an explicit --no-auth.

    \b
    kravkoll serve                                  http://127.0.0.1:8000/
    kravkoll serve --host 0.0.0.0 --token "$(openssl rand -hex 16)" --workers 4
    """
    if not _is_loopback(host) and not token and not no_auth:
        raise click.UsageError(f"listening on {host} needs --token TOKEN (or KRAVKOLL_TOKEN), or an explicit --no-auth")
    try:
        import uvicorn  # noqa: PLC0415

        from .serve.app import ServeSettings, create_app  # noqa: PLC0415
    except ImportError as error:
        raise KravError(f"serve needs the optional extra 'serve' ({error.name} is missing): pip install 'kravkoll[serve]'") from None
    import logging  # noqa: PLC0415

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    settings = ServeSettings(workers=workers, queue=queue, timeout=timeout, max_upload=max_upload * 1024 * 1024, token=token or None)
    click.echo(f"kravkoll: serving on http://{host if ':' not in host else f'[{host}]'}:{port}/ "
               f"({workers} workers, {timeout:g} s per document{', token required' if token else ''}); Ctrl-C stops", err=True)
    # Connections beyond those the queue can hold, plus some for the page and its files, get
    # uvicorn's own 503: this bounds the uploads held in memory at once.
    connections = workers + queue + 32
    uvicorn.run(create_app(settings), host=host, port=port, access_log=False, log_level="warning", server_header=False,
                limit_concurrency=connections)


if __name__ == "__main__":  # pragma: no cover
    main()
