"""The ``kravkoll`` command group and its error handling: kravkoll's own errors become one line
on standard error and exit code 2, never a traceback (unless ``--debug``)."""

from __future__ import annotations

import gc
import os
from typing import Any, Sequence

import click

from .. import __version__
from ..errors import KravError, visible
from ..reporters.help_labels import help_text, ui_lang_argument
from .help import KravCommand
from .options import _debug, debug_option


class KravGroup(KravCommand, click.Group):
    """Turns kravkoll's own errors into a message and exit code 2, never a traceback; its
    commands are :class:`KravCommand` instances (their help in the user's language)."""

    command_class = KravCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:  # the whole command line: a --ui-lang anywhere sets the language of --help
            language = ui_lang_argument(args)
            if language is not None:
                ctx.meta["ui_language"] = language
        return super().parse_args(ctx, args)

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        """Run the command line. When it is the process's own (``args`` None): no third-party
        pydantic plugin observes kravkoll's models (unless ``PYDANTIC_DISABLE_PLUGINS`` says
        otherwise): pydantic would read the entry points of every installed distribution to find
        them (a one-page check: 1,537 → 1,517 M instructions, with 126 installed); and when it ends
        the process, the objects left are frozen first: Python's collections at exit then pass
        them by (1,622 → 1,572 M, 20 ms), and the operating system frees the memory at once. A
        caller that passes ``args`` (a test, a program) goes on as it was."""
        if args is None:
            os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        try:
            return super().main(args, *more, **options)
        except SystemExit:
            if args is None:
                gc.freeze()
            raise

    def invoke(self, ctx: click.Context) -> Any:
        from ..errors import RuleError  # noqa: PLC0415

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
                import traceback  # noqa: PLC0415

                traceback.print_exc()
            else:
                click.echo(f"kravkoll: internal error: {type(error).__name__}: {visible(str(error))} (run with --debug for details)", err=True)
            ctx.exit(2)


@click.group(cls=KravGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}, help=help_text("main"))
@click.version_option(__version__, "-V", "--version", prog_name="kravkoll", help=help_text("option.version"))
@debug_option
def main() -> None:
    """The ``kravkoll`` group; its help, in both languages, is ``HELP["main"]`` of :mod:`checker.reporters.help_labels`."""
