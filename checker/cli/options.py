"""The command line's shared options: ``--debug`` (every command), ``--no-cache`` (every command that
loads rulesets), and those of the commands that read documents (check, report, matrix, annotate).

``@ruleset_options`` adds ``--ruleset``, ``--select``, ``--ignore``, ``--severity``,
``--party``, ``--lang``, ``--timeout`` and ``--config`` to a command and hands it one
:class:`RulesetSelection`; its :meth:`config` reads ``kravkoll.toml`` (found upward from the
first input, or given with ``--config``) and lets the options override it, as ``kravkoll
check`` does.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

import click

from ..errors import visible
from ..reporters.help_labels import help_text
from ..reporters.help_labels import ui_language as from_locale

if TYPE_CHECKING:
    from ..config import Config


def warn(message: str) -> None:
    """A warning on standard error, unless the command runs with ``--quiet``."""
    context = click.get_current_context(silent=True)
    if context is None or not context.find_root().meta.get("quiet"):
        click.echo(visible(f"kravkoll: warning: {message}"), err=True)


class OutputFile(click.Path):
    """The file an option writes: an empty name is a usage error. An unset shell variable
    (``-o "$OUT"``) gives one, and each command read it otherwise: ``check`` failed after all
    its work, ``matrix`` printed instead, ``--write-baseline`` wrote no baseline and said nothing."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "":
            self.fail("an empty file name", param, ctx)
        return super().convert(value, param, ctx)


def split_list(values: Iterable[str]) -> list[str]:
    """``("a,b", "c")`` → ``["a", "b", "c"]``."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


PARTIES = ("supplier", "buyer", "mutual", "tenderer")
"""The values of ``--party``: those of :data:`checker.report.Party` (not imported here: ``--help`` stays fast)."""


def _parse_parties(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--party supplier,buyer --party mutual`` → the parties named; a usage error for another word."""
    parties = split_list(values)
    for party in parties:
        if party not in PARTIES:
            raise click.BadParameter(f"'{party}' is not one of {', '.join(PARTIES)}", param_hint="'--party'")
    return tuple(dict.fromkeys(parties))


@dataclass(frozen=True)
class RulesetSelection:
    """The ruleset and rule choices given on the command line."""

    rulesets: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str | None = None
    config_path: str | None = None
    severity: tuple[tuple[str, str], ...] = ()
    timeout: float | None = None
    party: tuple[str, ...] = ()

    def config(self, paths: str | Sequence[str] = ()) -> Config:
        """The configuration — ``--config``, or the nearest one upward from the first path — with
        these options on top. Warns when another path has a configuration of its own."""
        from ..config import default_config, find_config, load_config  # noqa: PLC0415 - keeps --help fast

        if isinstance(paths, str):
            paths = [paths]
        starts = [Path(p) for p in paths if p != "-"] or [Path.cwd()]
        config_file = Path(self.config_path) if self.config_path else find_config(_existing_start(starts[0]))
        config = load_config(config_file) if config_file is not None else default_config()
        if not self.config_path:
            for start in starts[1:]:
                other = find_config(_existing_start(start))
                if other is not None and (config_file is None or other.resolve() != config_file.resolve()):
                    warn(f"{start}: its configuration {other} is not used (this run uses {config_file or 'none'}); check it separately")
                    break
        updates: dict[str, Any] = {}
        if self.rulesets:
            updates["rulesets"] = list(self.rulesets)
            updates["base_dir"] = Path.cwd()
        if self.select:
            updates["select"] = split_list(self.select)
        if self.ignore:
            updates["ignore"] = config.ignore + split_list(self.ignore)
        if self.lang:
            updates["lang"] = self.lang
        if self.severity:  # first: the command line's entry for a rule wins over the configuration's
            given = dict(self.severity)
            updates["severity"] = {**given, **{key: value for key, value in config.severity.items() if key not in given}}
        if self.timeout is not None:
            updates["timeout"] = self.timeout
        if self.party:  # replaces the configuration's: the parties this run reports on
            updates["party"] = list(self.party)
        return config.model_copy(update=updates)


def _existing_start(path: Path) -> Path:
    """Where a configuration search starts for a path that may be a glob."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _no_cache(_ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        from ..rulecache import disable  # noqa: PLC0415 - keeps --help fast

        disable()
    return value


no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    expose_value=False,
    callback=_no_cache,
    help=help_text("option.no_cache"),
)
"""``--no-cache`` for a command that loads rulesets (see :mod:`checker.rulecache`)."""


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.meta.get("debug")) or "--debug" in sys.argv


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.find_root().meta["debug"] = True
    return value


debug_option = click.option("--debug", is_flag=True, expose_value=False, callback=_set_debug, is_eager=True, help=help_text("option.debug"))
"""``--debug`` for every command (and the group): tracebacks of unexpected errors."""


def _ui_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value:
        ctx.find_root().meta["ui_language"] = value
    return value


def ui_lang_parameter() -> click.Option:
    """``--ui-lang``: the language of kravkoll's own words (see :func:`ui_language`), which every
    command takes (:class:`~checker.cli.help.KravCommand`) for its help and ``check`` for its summary."""
    return click.Option(["--ui-lang"], type=click.Choice(["sv", "en"]), expose_value=False, callback=_ui_lang, help=help_text("option.ui_lang"))


def ui_language() -> str:
    """The language of the command line's own words: ``--ui-lang``, else the locale's."""
    context = click.get_current_context(silent=True)
    return from_locale(context.find_root().meta.get("ui_language") if context is not None else None)


_OPTIONS = (
    click.option(
        "--ruleset",
        "-r",
        "rulesets",
        multiple=True,
        metavar="NAME|PATH",
        help=help_text("option.ruleset"),
    ),
    click.option(
        "--select",
        multiple=True,
        metavar="RULES",
        help=help_text("option.select"),
    ),
    click.option("--ignore", multiple=True, metavar="RULES", help=help_text("option.ignore")),
    click.option(
        "--severity",
        "severity",
        multiple=True,
        metavar="RULES=LEVEL",
        help=help_text("option.severity"),
    ),
    click.option("--party", "party", multiple=True, metavar="PARTIES", callback=_parse_parties, help=help_text("option.party")),
    click.option("--lang", type=click.Choice(["sv", "en"]), help=help_text("option.lang")),
    click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        metavar="SECONDS",
        help=help_text("option.timeout"),
    ),
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help=help_text("option.config"),
    ),
    no_cache_option,
)


def parse_severities(values: Iterable[str]) -> dict[str, str]:
    """``--severity RULES=LEVEL`` values as rule selector → severity; a usage error otherwise."""
    levels = ("error", "warning", "info")
    parsed: dict[str, str] = {}
    for value in values:
        rules, sep, level = value.rpartition("=")
        if not sep or not rules.strip() or level not in levels:
            raise click.BadParameter(
                f"'{value}': expected RULES=LEVEL with LEVEL one of {', '.join(levels)}, e.g. sv-krav/KR002=info", param_hint="'--severity'"
            )
        parsed.update({rule: level for rule in split_list([rules])})
    return parsed


def ruleset_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the ruleset options to a click command; it receives them as ``selection``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        rulesets: tuple[str, ...],
        select: tuple[str, ...],
        ignore: tuple[str, ...],
        severity: tuple[str, ...],
        party: tuple[str, ...],
        lang: str | None,
        timeout: float | None,
        config_path: str | None,
        **kwargs: Any,
    ) -> Any:
        selection = RulesetSelection(rulesets, select, ignore, lang, config_path, tuple(parse_severities(severity).items()), timeout, party)
        return command(*args, selection=selection, **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
