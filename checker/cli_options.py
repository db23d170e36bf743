"""Options that choose rulesets and rules, shared by commands that check documents.

``@ruleset_options`` adds ``--ruleset``, ``--select``, ``--ignore``, ``--lang`` and
``--config`` to a command and hands it one :class:`RulesetSelection`; its :meth:`config`
reads ``kravkoll.toml`` (found upward from the first input, or given with ``--config``)
and lets the options override it, as ``kravkoll check`` does.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

import click

if TYPE_CHECKING:
    from .config import Config


def split_list(values: Iterable[str]) -> list[str]:
    """``("a,b", "c")`` → ``["a", "b", "c"]``."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


@dataclass(frozen=True)
class RulesetSelection:
    """The ruleset and rule choices given on the command line."""

    rulesets: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str | None = None
    config_path: str | None = None

    def config(self, first_input: str | None = None) -> Config:
        """The configuration file's settings with these options on top."""
        from .config import Config, find_config, load_config  # noqa: PLC0415 - keeps --help fast

        config = Config()
        start = Path(first_input) if first_input and first_input != "-" else Path.cwd()
        config_file = Path(self.config_path) if self.config_path else find_config(start)
        if config_file is not None:
            config = load_config(config_file)
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
        return config.model_copy(update=updates)


_OPTIONS = (
    click.option("--ruleset", "-r", "rulesets", multiple=True, metavar="NAME|PATH",
                 help="Ruleset to run (repeatable). Default: the shipped rulesets of each document's language."),
    click.option("--select", multiple=True, metavar="RULES", help="Only these rules: ids, short ids, categories or globs (sv-avtal/*)."),
    click.option("--ignore", multiple=True, metavar="RULES", help="Not these rules (same forms as --select)."),
    click.option("--lang", type=click.Choice(["sv", "en"]), help="Document language; skips detection."),
    click.option("--config", "config_path", type=click.Path(dir_okay=False),
                 help="Configuration file (default: kravkoll.toml found upward)."),
)


def ruleset_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the ruleset options to a click command; it receives them as ``selection``."""

    @functools.wraps(command)
    def wrapper(*args: Any, rulesets: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
                lang: str | None, config_path: str | None, **kwargs: Any) -> Any:
        selection = RulesetSelection(rulesets, select, ignore, lang, config_path)
        return command(*args, selection=selection, **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
