"""``--help`` in the user's language: Swedish when ``--ui-lang sv`` stands anywhere on the command
line or the locale is Swedish (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English.

The commands and options are given their English help from the one table,
:data:`checker.reporters.help_labels.HELP`; :class:`KravCommand` shows each text, and click's
own words (``Usage:``, ``Options``, ``[default: …]``), in the help's language when it formats
the help. Every command also takes ``--ui-lang``, so that it may stand anywhere."""

from __future__ import annotations

import inspect
from typing import Any

import click
from click.formatting import HelpFormatter

from ..reporters.help_labels import HELP, translated
from .options import ui_lang_parameter, ui_language


class LocalizedFormatter(HelpFormatter):
    """Click's formatter with its headings ("Options", "Commands") and ``Usage:`` in ``language``."""

    def __init__(self, language: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.language = language

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, HELP[self.language]["click.usage"] if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(translated(heading, self.language))


class LocalizedContext(click.Context):
    """A context whose help is formatted in the user's language."""

    def make_formatter(self) -> HelpFormatter:
        return LocalizedFormatter(ui_language(), width=self.terminal_width, max_width=self.max_content_width)


class KravCommand(click.Command):
    """A kravkoll command, its help in the user's language (the base of kravkoll's groups too)."""

    context_class = LocalizedContext
    _ui_lang_option: click.Option | None = None

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        """The command's parameters, and ``--ui-lang`` before ``--help``."""
        if self._ui_lang_option is None:  # one object: click orders the callbacks by identity
            self._ui_lang_option = ui_lang_parameter()
        help_option = self.get_help_option(ctx)
        params = [param for param in super().get_params(ctx) if param is not help_option]
        return [*params, self._ui_lang_option, *([help_option] if help_option is not None else [])]

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        language = ui_language()
        return [translated(piece, language) for piece in super().collect_usage_pieces(ctx)]

    def format_help_text(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        text = inspect.cleandoc(translated(self.help, ui_language())).partition("\f")[0] if self.help else ""
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def get_short_help_str(self, limit: int = 45) -> str:
        language = ui_language()
        if self.short_help:
            return translated(inspect.cleandoc(self.short_help), language).strip()
        if self.help:
            return short_help(translated(self.help, language), limit)
        return ""

    def format_options(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        language = ui_language()
        rows = [row for param in self.get_params(ctx) if (row := help_record(param, ctx, language)) is not None]
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


def help_record(param: click.Parameter, ctx: click.Context, language: str) -> tuple[str, str] | None:
    """The help line of ``param`` as click writes it, with the help text and the bracket after
    it ("[default: 1; required]") in ``language``."""
    record = param.get_help_record(ctx)
    if record is None or language == "en" or not isinstance(param, click.Option):
        return record
    words = HELP[language]
    extra = param.get_help_extra(ctx)
    items = [words["click.envvar"].format(value=", ".join(extra["envvars"]))] if "envvars" in extra else []
    if "default" in extra:
        items.append(words["click.default"].format(value=extra["default"]))
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append(words["click.required"])
    text = translated(param.help or "", language)
    if items:
        text = f"{text}  [{'; '.join(items)}]" if text else f"[{'; '.join(items)}]"
    return record[0], text


def short_help(text: str, limit: int = 45) -> str:
    """A command's help in a line of ``limit`` characters, as a command list shows it: the first
    paragraph's words up to the first sentence end, or as many as fit with "..." after them (what
    click's own, now deprecated, helper does)."""
    words = text.split("\n\n", 1)[0].split()
    if words[:1] == ["\b"]:  # click's mark for a paragraph kept as written
        words = words[1:]
    shown: list[str] = []
    length = -1
    for number, word in enumerate(words):
        length += len(word) + 1
        if length > limit or (length == limit and number < len(words) - 1 and not word.endswith(".")):
            break
        shown.append(word)
        if word.endswith("."):
            return " ".join(shown)
    else:
        return " ".join(shown)
    while shown and len(" ".join(shown)) + 3 > limit:
        shown.pop()
    return " ".join(shown) + "..."
