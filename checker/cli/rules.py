"""``kravkoll rules``: validate, list, test, document rule files (and ``rules schema``, the older
spelling of ``kravkoll schema ruleset``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterable

import click

from ..errors import KravError, visible
from ..reporters.help_labels import help_text
from .group import KravGroup, main
from .options import debug_option, no_cache_option
from .schema import print_schema


@main.group(cls=KravGroup, help=help_text("rules"))
def rules() -> None:
    """The ``kravkoll rules`` group; its help is ``HELP["rules"]`` of :mod:`checker.reporters.help_labels`."""


def _rule_files(paths: Iterable[str]) -> list[Path]:
    from ..rulecompile import resolve_ruleset_reference  # noqa: PLC0415

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
    from ..rulecompile import load_each  # noqa: PLC0415

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
    from ..errors import RuleError  # noqa: PLC0415

    click.echo(error.render() if isinstance(error, RuleError) else f"kravkoll: {error}", err=True)


def _error_records(path: Path, error: KravError) -> list[dict[str, Any]]:
    """The errors of a rule file as ``{file, line, column, message}``; an error about the whole
    file (unreadable, ...) has line and column null."""
    from ..errors import RuleError  # noqa: PLC0415

    if isinstance(error, RuleError):
        return [{"file": d.path, "line": d.line, "column": d.column, "message": d.message} for d in error.diagnostics]
    message = str(error)
    prefix = f"{path}: "
    return [{"file": str(path), "line": None, "column": None, "message": message[len(prefix) :] if message.startswith(prefix) else message}]


@rules.command("validate", help=help_text("rules.validate"))
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help=help_text("rules.validate.format"),
)
@no_cache_option
@debug_option
def rules_validate(paths: tuple[str, ...], output_format: str) -> None:
    results = _compile_each(paths)
    failures = sum(isinstance(result, KravError) for _path, result in results)
    if output_format == "json":
        records = [
            {"path": str(path), "valid": False, "ruleset": None, "rules": None, "errors": _error_records(path, result)}
            if isinstance(result, KravError)
            else {"path": str(path), "valid": True, "ruleset": result.name, "rules": len(result.rules), "errors": []}
            for path, result in results
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif output_format == "github":
        from ..reporters import relative_path  # noqa: PLC0415
        from ..reporters.github import command  # noqa: PLC0415

        for path, result in results:
            if isinstance(result, KravError):
                for record in _error_records(path, result):
                    click.echo(
                        command(
                            "error",
                            record["message"],
                            file=relative_path(record["file"]),
                            line=record["line"],
                            col=record["column"],
                            title="kravkoll: invalid rule file",
                        )
                    )
    else:
        for _path, result in results:
            if isinstance(result, KravError):
                _echo_rule_error(result)
            else:
                click.echo(visible(f"{result.path}: ok ({result.name}, {len(result.rules)} rules)"))
    sys.exit(2 if failures else 0)


@rules.command("list", help=help_text("rules.list"))
@click.argument("paths", nargs=-1)
@click.option("--ruleset", "-r", "rulesets", multiple=True, metavar="NAME|PATH", help=help_text("rules.list.ruleset"))
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help=help_text("rules.list.format"))
@no_cache_option
@debug_option
def rules_list(paths: tuple[str, ...], rulesets: tuple[str, ...], output_format: str) -> None:
    from ..rulecompile import load_rulesets, shipped_ruleset_names  # noqa: PLC0415

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


@rules.command("test", help=help_text("rules.test"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help=help_text("rules.test.quiet"))
@no_cache_option
@debug_option
def rules_test(paths: tuple[str, ...], quiet: bool) -> None:
    from ..ruletest import run_examples  # noqa: PLC0415

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


@rules.command("schema", help=help_text("rules.schema"))
@debug_option
def rules_schema() -> None:
    print_schema("ruleset")


@rules.command("docs", help=help_text("rules.docs"))
@click.argument("paths", nargs=-1)
@click.option("--output", "-o", type=click.Path(file_okay=False), default="docs/rules", show_default=True, help=help_text("rules.docs.output"))
@click.option("--check", "check_only", is_flag=True, help=help_text("rules.docs.check"))
@no_cache_option
@debug_option
def rules_docs(paths: tuple[str, ...], output: str, check_only: bool) -> None:
    from ..files import InputFiles  # noqa: PLC0415
    from ..rulecompile import load_rulesets, shipped_ruleset_names  # noqa: PLC0415
    from ..ruledocs import generate, stale_pages, write  # noqa: PLC0415

    references = [str(p) for p in _rule_files(paths)] if paths else shipped_ruleset_names()
    loaded = load_rulesets(references)
    pages = generate(loaded)
    folder = Path(output)
    if check_only:
        stale = [name for name, text in pages.items() if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
        extra = [p.relative_to(folder).as_posix() for p in stale_pages(pages, folder)]
        for name in stale + extra:
            click.echo(visible(f"{folder / name}: not current (run 'kravkoll rules docs')"))
        sys.exit(1 if stale or extra else 0)
    written = write(pages, folder, InputFiles.of(r.path for r in loaded))
    click.echo(visible(f"wrote {len(written)} pages to {folder}"))
