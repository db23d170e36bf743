"""The ``kravkoll`` command line.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it (or failing rule
examples); 2 usage errors, unreadable inputs, invalid rulesets. Errors are one line on
standard error; ``--debug`` shows the traceback of an unexpected error.
"""

from __future__ import annotations

import glob
import json
import sys
import traceback
from pathlib import Path
from typing import Any, Iterable

import click

from . import __version__

KNOWN_SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".text", ".pdf")


class KravGroup(click.Group):
    """Turns kravkoll's own errors into a message and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import KravError, RuleError  # noqa: PLC0415

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
    kravkoll rules list                          the shipped rules
    kravkoll rules test mina-regler.krav         run a rule file's examples
    """


# ---- check ---------------------------------------------------------------------------------------


def expand_inputs(paths: Iterable[str], exclude: Any = None) -> tuple[list[str], list[str]]:
    """Files to check from files, folders (recursively) and globs; and error lines for the rest."""
    files: list[str] = []
    problems: list[str] = []
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
            files.extend(str(p) for p in found if not (exclude and exclude(p)))
        elif path.exists():
            files.append(raw)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(m for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                problems.append(f"{raw}: no files match")
            files.extend(m for m in matches if not (exclude and exclude(Path(m))))
        else:
            problems.append(f"{raw}: no such file or folder")
    unique = list(dict.fromkeys(files))
    return unique, problems


def _split_list(values: Iterable[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--ruleset", "-r", "rulesets", multiple=True, metavar="NAME|PATH",
              help="Ruleset to run (repeatable). Default: the shipped rulesets of each document's language.")
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a finding of this severity or worse remains. [default: error]")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: ids, short ids, categories or globs (sv-avtal/*).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Not these rules (same forms as --select).")
@click.option("--lang", type=click.Choice(["sv", "en"]), help="Document language; skips detection.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file (default: kravkoll.toml found upward).")
@click.option("--stdin-format", type=click.Choice(["md", "txt", "docx", "pdf"]), default="md", show_default=True,
              help="Format of standard input when a PATH is '-'.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary (and errors).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on a document that takes longer to read and check (an error for that file; the rest go on). "
                   "Default: no limit. Not enforced on Windows.")
@debug_option
def check(paths: tuple[str, ...], rulesets: tuple[str, ...], output_format: str, output: str | None, fail_on: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], lang: str | None, config_path: str | None,
          stdin_format: str, quiet: bool, timeout: float | None) -> None:
    """Check documents (.docx, .md, .txt, .pdf; folders and globs; '-' for standard input)."""
    from .config import Config, find_config, load_config  # noqa: PLC0415
    from .engine import check as run_check  # noqa: PLC0415
    from .errors import KravError  # noqa: PLC0415
    from .readers import read_bytes  # noqa: PLC0415
    from .reporters import RenderOptions, renderer  # noqa: PLC0415

    if not paths:
        raise click.UsageError("give at least one file, folder or glob to check ('-' reads standard input)")
    config = Config()
    config_file = Path(config_path) if config_path else find_config(Path(paths[0]) if paths[0] != "-" else Path.cwd())
    if config_file is not None:
        config = load_config(config_file)
    updates: dict[str, Any] = {}
    if rulesets:
        updates["rulesets"] = list(rulesets)
        updates["base_dir"] = Path.cwd()
    if select:
        updates["select"] = _split_list(select)
    if ignore:
        updates["ignore"] = config.ignore + _split_list(ignore)
    if lang:
        updates["lang"] = lang
    if fail_on:
        updates["fail_on"] = fail_on
    if timeout:
        updates["timeout"] = timeout
    config = config.model_copy(update=updates)

    files, problems = expand_inputs(paths, config.excluded)
    for problem in problems:
        click.echo(f"kravkoll: {problem}", err=True)
    inputs: list[Any] = []
    unreadable = len(problems)
    for name in files:
        if name == "-":
            try:
                inputs.append(read_bytes(sys.stdin.buffer.read(), "<stdin>", stdin_format, language=config.lang))
            except KravError as error:
                click.echo(f"kravkoll: {error}", err=True)
                unreadable += 1
        else:
            inputs.append(name)
    report = run_check(inputs, None, config)
    for file_report in report.files:
        if file_report.error:
            click.echo(f"kravkoll: {file_report.error}", err=True)
            unreadable += 1
    text = renderer(output_format)(report, RenderOptions(color=False, quiet=quiet))
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    sys.exit(exit_code(report, config.fail_on, unreadable))


def exit_code(report: Any, fail_on: str, unreadable: int) -> int:
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
    from .errors import KravError  # noqa: PLC0415
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
    from .errors import KravError, RuleError  # noqa: PLC0415
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


@main.command("schema")
@click.argument("what", type=click.Choice(["report", "ruleset"]))
@debug_option
def schema(what: str) -> None:
    """Print a JSON Schema: 'report' (check --format json) or 'ruleset'."""
    from .report import Report  # noqa: PLC0415
    from .rulemodel import Ruleset  # noqa: PLC0415

    model = Report if what == "report" else Ruleset
    click.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
