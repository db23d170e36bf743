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
import tempfile
import traceback
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import click

from . import __version__
from .cli_options import RulesetSelection, ruleset_options
from .errors import KravError
from .reporters import FORMATS

if TYPE_CHECKING:  # the modules behind these load on first use, so that --help starts fast
    from .config import Config
    from .report import Report
    from .reporters import RenderOptions
    from .rulemodel import Ruleset

KNOWN_SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".text", ".pdf")


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
                click.echo(f"kravkoll: internal error: {type(error).__name__}: {error} (run with --debug for details)", err=True)
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


def expand_inputs(paths: Iterable[str], exclude: Any = None) -> tuple[list[str], list[str], list[str]]:
    """Files to check from files, folders (recursively, known extensions) and globs; error
    lines for paths that give nothing; warnings for folders without documents."""
    files: list[str] = []
    problems: list[str] = []
    warnings: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not p.name.startswith("~$")
            )
            kept = [str(p) for p in found if not (exclude and exclude(p))]
            if not kept:
                warnings.append(f"{raw}: no documents to check in this folder ({', '.join(KNOWN_SUFFIXES)})")
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
    parsed: list[tuple[str, str]] = []
    for value in values:
        name, sep, file = value.partition("=")
        if not sep or not file:
            raise click.BadParameter(f"'{value}': expected FORMAT=FILE, e.g. sarif=kravkoll.sarif")
        if name not in FORMATS:
            raise click.BadParameter(f"'{name}': unknown format (choose from {', '.join(FORMATS)})")
        parsed.append((name, file))
    return parsed


def _warn(message: str) -> None:
    click.echo(f"kravkoll: warning: {message}", err=True)


def _error(message: str) -> None:
    click.echo(f"kravkoll: {message}", err=True)


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
    with click.progressbar(length=count, label="Checking", file=sys.stderr, show_pos=True) as bar:
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


def warn_about_rules(config: Config, rulesets: list[Ruleset], report: Report) -> None:
    """Warn when no rule ran on the documents read, and about selectors that match no rule."""
    from .config import validate_selectors  # noqa: PLC0415
    from .reporters import rules_of  # noqa: PLC0415

    rules = rules_of(rulesets)
    languages = sorted({f.language for f in report.files if f.language})
    if languages and not any(config.rule_enabled(rule) for rule in rules):
        if rules:
            why = "--select/--ignore leave none"
        elif rulesets:
            why = f"{', '.join(r.name for r in rulesets)} has no rules"
        else:
            why = f"no shipped ruleset for {', '.join(languages)}; give one with --ruleset"
        _warn(f"no rule ran ({why})")
    if not rules:
        return
    names = ", ".join(r.name for r in rulesets)
    for key, patterns in (("select", config.select), ("ignore", config.ignore), ("severity", list(config.severity))):
        for pattern in validate_selectors(patterns, rules):
            _warn(f"{key} '{pattern}' matches no rule of {names}")


def use_color(flag: bool | None) -> bool:
    """``--color``/``--no-color``; otherwise colour on a terminal unless NO_COLOR is set."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def write_outputs(report: Report, outputs: list[tuple[str, str | None]], options: RenderOptions, color: bool) -> None:
    """Render the report in each format; to its file, or to standard output when None."""
    from .reporters import renderer  # noqa: PLC0415

    for name, file in outputs:
        colored = color and file is None and name == "text"
        text = renderer(name)(report, replace(options, color=colored))
        if file is None:
            click.echo(text, nl=False, color=colored)
            continue
        try:
            Path(file).write_text(text, encoding="utf-8")
        except OSError as error:
            raise KravError(f"{file}: cannot write the report: {error.strerror or error}") from None


@main.command()
@click.argument("paths", nargs=-1)
@ruleset_options
@click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of standard output.")
@click.option("--output-format", "extra_outputs", multiple=True, metavar="FORMAT=FILE", callback=_parse_output_formats,
              help="Also write the report in FORMAT to FILE (repeatable), e.g. sarif=kravkoll.sarif.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding of this severity or worse remains.  [default: error]")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes for a batch of files; 0: one per CPU.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Write the findings to a baseline file (accepting them: exit 0 unless a file cannot be read).")
@click.option("--stdin-format", type=click.Choice(["md", "txt", "docx", "pdf"]), default="md", show_default=True,
              help="Format of standard input when a PATH is '-'.")
@click.option("--quiet", "-q", is_flag=True, help="Text: print only the summary (and errors); no progress bar.")
@click.option("--color/--no-color", default=None, help="Colour the text output.  [default: on a terminal, unless NO_COLOR is set]")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on a document that takes longer to read and check (an error for that file; the rest go on). "
                   "Default: the configuration's, else no limit. Not enforced on Windows.")
@debug_option
def check(paths: tuple[str, ...], selection: RulesetSelection, output_format: str, output: str | None,
          extra_outputs: list[tuple[str, str]], fail_on: str | None, jobs: int, baseline: str | None,
          write_baseline: str | None, stdin_format: str, quiet: bool, color: bool | None, timeout: float | None) -> None:
    """Check documents: files, folders (recursively: .docx .md .txt .pdf), globs, '-' for standard
    input; without PATHS, the current folder.

    \b
    Exit codes: 0 no finding at or above --fail-on; 1 some; 2 usage errors, unreadable
    files, invalid rulesets or configuration (one line each on standard error).
    In a document, '<!-- kravkoll: ignore RULE -- reason -->' suppresses RULE in the next block.
    """
    from .baseline import new_findings, read_baseline, write_baseline as save_baseline  # noqa: PLC0415
    from .batch import check_batch  # noqa: PLC0415
    from .reporters import RenderOptions  # noqa: PLC0415

    paths = paths or (".",)
    config = selection.config(paths)
    overrides = {key: value for key, value in (("fail_on", fail_on), ("timeout", timeout)) if value is not None}
    config = config.model_copy(update=overrides)
    compiled = load_check_rulesets(config)
    known_baseline = read_baseline(Path(baseline)) if baseline else None
    files, problems, warnings = expand_inputs(paths, config.excluded)
    for message in warnings:
        _warn(message)
    items, stdin_problems = read_inputs(files, stdin_format, config.lang)
    problems += stdin_problems
    for message in problems:
        _error(message)

    with progress(len(items), not quiet) as on_file:
        report, tracebacks = check_batch(items, compiled, config, jobs, on_file)
    for file in report.files:
        if file.error:
            _error(file.error)
    if _debug(click.get_current_context()):
        for text in tracebacks:
            click.echo(text, err=True, nl=False)
    used = rulesets_used(compiled, report)
    warn_about_rules(config, used, report)

    if write_baseline:
        count = save_baseline(report, Path(write_baseline))
        click.echo(f"kravkoll: wrote {count} finding{'s' if count != 1 else ''} to the baseline {write_baseline}", err=True)
    if known_baseline is not None:
        report = new_findings(report, known_baseline)
    options = RenderOptions(quiet=quiet, rulesets=tuple(used), config=config)
    write_outputs(report, [(output_format, output), *extra_outputs], options, use_color(color))
    unreadable = len(problems) + report.summary.unreadable
    sys.exit(exit_code(report, "never" if write_baseline else config.fail_on, unreadable))


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
        if path.is_dir():
            found = sorted(path.glob("*.krav"))
            if not found:
                raise KravError(f"{raw}: no .krav files in this folder")
            files.extend(found)
        else:
            files.append(resolve_ruleset_reference(raw))
    return files


def _load_each(paths: Iterable[str]) -> tuple[list[Any], int]:
    """Compile each rule file; print the errors of those that fail. Returns (rulesets, failures)."""
    from .errors import RuleError  # noqa: PLC0415
    from .rulecompile import load_ruleset  # noqa: PLC0415

    loaded: list[Any] = []
    failures = 0
    for path in _rule_files(paths):
        try:
            loaded.append(load_ruleset(path))
        except RuleError as error:
            click.echo(error.render(), err=True)
            failures += 1
        except KravError as error:
            click.echo(f"kravkoll: {error}", err=True)
            failures += 1
    return loaded, failures


@rules.command("validate")
@click.argument("paths", nargs=-1, required=True)
@debug_option
def rules_validate(paths: tuple[str, ...]) -> None:
    """Check rule files for errors (files, folders or shipped ruleset names)."""
    loaded, failures = _load_each(paths)
    for ruleset in loaded:
        click.echo(f"{ruleset.path}: ok ({ruleset.name}, {len(ruleset.rules)} rules)")
    sys.exit(2 if failures else 0)


@rules.command("list")
@click.option("--ruleset", "-r", "rulesets", multiple=True, metavar="NAME|PATH", help="Ruleset to list (default: all shipped).")
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@debug_option
def rules_list(rulesets: tuple[str, ...], output_format: str) -> None:
    """List rules: id, severity, category and title."""
    from .rulecompile import load_rulesets, shipped_ruleset_names  # noqa: PLC0415

    loaded = load_rulesets(rulesets or shipped_ruleset_names())
    if output_format == "json":
        data = [r.model_dump(mode="json") for r in loaded]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for ruleset in loaded:
        click.echo(f"{ruleset.name} ({ruleset.language}) {ruleset.title}".rstrip())
        for rule in ruleset.rules:
            click.echo(f"  {rule.full_id:<36} {rule.severity:<8} {rule.category:<18} {rule.title}")


@rules.command("test")
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
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
                click.echo(f"FAIL {outcome.describe()}")
        if not quiet:
            ok = sum(o.passed for o in outcomes)
            click.echo(f"{ruleset.path}: {ok}/{len(outcomes)} examples pass")
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
@debug_option
def rules_docs(paths: tuple[str, ...], output: str, check_only: bool) -> None:
    """Write one Markdown page per rule (default: the shipped rulesets) into docs/rules/."""
    from .rulecompile import load_rulesets, shipped_ruleset_names  # noqa: PLC0415
    from .ruledocs import generate, write  # noqa: PLC0415

    references = [str(p) for p in _rule_files(paths)] if paths else shipped_ruleset_names()
    pages = generate(load_rulesets(references))
    folder = Path(output)
    if check_only:
        stale = [name for name, text in pages.items() if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
        extra = [p.relative_to(folder).as_posix() for p in folder.rglob("*.md") if p.relative_to(folder).as_posix() not in pages] if folder.is_dir() else []
        for name in stale + extra:
            click.echo(f"{folder / name}: not current (run 'kravkoll rules docs')")
        sys.exit(1 if stale or extra else 0)
    written = write(pages, folder)
    click.echo(f"wrote {len(written)} pages to {folder}")


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



def _checked(paths: Iterable[str], config: Any) -> tuple[list[Any], int]:
    """Check the documents named by files, folders and globs; (results, unreadable count).

    Each unreadable input is reported on standard error and left out of the results.
    """
    from .engine import check_each  # noqa: PLC0415
    from .report import FileReport  # noqa: PLC0415

    files, problems, warnings = expand_inputs(paths, config.excluded)
    for line in problems + warnings:
        click.echo(f"kravkoll: {line}", err=True)
    results: list[Any] = []
    unreadable = len(problems)
    for result in check_each(files, None, config):
        if isinstance(result, FileReport):
            click.echo(f"kravkoll: {result.error}", err=True)
            unreadable += 1
        else:
            results.append(result)
    return results, unreadable


def _write(text: str, output: str | None) -> None:
    """Write to the file ``output``, or to standard output when it is None or '-'."""
    from .errors import KravError  # noqa: PLC0415

    if not output or output == "-":
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise KravError(f"{output}: cannot write: {error.strerror or error}") from None


@main.command(short_help="Requirements × follow-up × sanctions, as md, csv, html or json.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(["md", "csv", "html", "json"]), default="md",
              show_default=True, help="md: a table to read; csv: for spreadsheets; html: a page; json: for programs.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the matrix to FILE.")
@ruleset_options
@debug_option
def matrix(paths: tuple[str, ...], output_format: str, output: str | None, selection: RulesetSelection) -> None:
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

    results, unreadable = _checked(paths, selection.config(paths))
    _write(MATRIX_FORMATS[output_format](build_matrix(results)), output)
    sys.exit(2 if unreadable else 0)


@main.command(short_help="One HTML page about a document, for the people who write it.")
@click.argument("path")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to FILE ('-': standard output). [default: NAME.report.html in the current folder]")
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
        raise click.UsageError(f"{path}: give one document ('kravkoll matrix' takes several)")
    results, unreadable = _checked([path], selection.config([path]))
    if unreadable or not results:
        sys.exit(2)
    result = results[0]
    rulesets = [f"{r.name} {r.version}".strip() for r in result.rulesets]
    text = render_report(result, matrix_document(result), rulesets)
    target = output or f"{Path(result.document.path).stem}.report.html"
    _write(text, target)
    if target != "-":
        active = sum(not f.suppressed for f in result.findings)
        click.echo(f"Wrote {target}: {len(result.requirements)} requirements, {active} findings.", err=True)
    sys.exit(0)


# ---- annotate: comments in Word ----------------------------------------------------------------


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (through symbolic links, hard links or another spelling)."""
    if first.resolve() == second.resolve():
        return True
    try:
        return second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


def _write_bytes(data: bytes, target: Path) -> None:
    """Write ``target`` whole or not at all: a temporary file beside it, then renamed over it."""
    from .errors import KravError  # noqa: PLC0415

    temporary: str | None = None
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".~kravkoll-", suffix=".docx", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise KravError(f"{target}: cannot write: {error.strerror or error}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@main.command(short_help="A copy of a Word document with a comment on each finding.")
@click.argument("path")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the annotated copy to FILE. [default: NAME.kravkoll.docx in the current folder]")
@ruleset_options
@debug_option
def annotate(path: str, output: str | None, selection: RulesetSelection) -> None:
    """Write a copy of a .docx with a Word comment on each finding, for writers who work in
    Word: on the words a finding is about, by the author "kravkoll", saying what is wrong, a
    suggestion and the rule. A missing clause is commented on the document's first paragraph
    (its title). Suppressed findings get no comment; the document's own comments are kept.

    The original is only read, never changed; annotate refuses to write over it.

    \b
    kravkoll annotate avtal.docx                writes avtal.kravkoll.docx
    kravkoll annotate avtal.docx -o avtal-granskat.docx

    Exit code 0 when the copy is written, whatever it found ('kravkoll check' is the one that
    fails a build on findings); 2 when the document cannot be read or the copy not written.
    """
    from .engine import check_each  # noqa: PLC0415
    from .errors import InputError, KravError  # noqa: PLC0415
    from .readers import format_of, read_file_bytes  # noqa: PLC0415
    from .readers.docx import read_word  # noqa: PLC0415
    from .reporters.docx_annotate import annotate_reading  # noqa: PLC0415

    if format_of(path) != "docx":
        raise InputError(path, "annotate writes comments into Word documents: give it a .docx file")
    data = read_file_bytes(path)
    target = Path(output) if output else Path(f"{Path(path).stem}.kravkoll.docx")
    if _same_file(Path(path), target):
        raise KravError(f"{target}: is the document itself; annotate never writes over its input (give another -o)")
    config = selection.config([path])
    reading = read_word(data, path, language=config.lang)
    result = next(iter(check_each([reading.document], None, config)))
    annotated = annotate_reading(reading, result.findings)
    _write_bytes(annotated.data, target)
    whole = sum(placement.anchor == "document" for placement in annotated.placements)
    suppressed = sum(finding.suppressed for finding in result.findings)
    summary = f"Wrote {target}: {len(annotated.placements)} comment{'s' if len(annotated.placements) != 1 else ''}"
    if whole:
        summary += f" ({whole} about the whole document, on its first paragraph)"
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
