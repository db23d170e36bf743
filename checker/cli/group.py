"""The ``kravkoll`` command group and its error handling: kravkoll's own errors become one line
on standard error and exit code 2, never a traceback (unless ``--debug``)."""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import KravError, visible
from .options import _debug, debug_option


class KravGroup(click.Group):
    """Turns kravkoll's own errors into a message and exit code 2, never a traceback."""

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
