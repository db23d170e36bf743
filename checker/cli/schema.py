"""``kravkoll schema``: the JSON Schemas kravkoll publishes, one command for all of them."""

from __future__ import annotations

import json

import click

from ..reporters.help_labels import help_text
from .group import main
from .options import debug_option

SCHEMAS = ("report", "ruleset")
"""The schemas: the report of ``check --format json`` and a compiled ruleset."""


def print_schema(what: str) -> None:
    """Print the JSON Schema named ``what`` (one of :data:`SCHEMAS`) on standard output."""
    if what == "report":
        from ..paths import report_schema_file  # noqa: PLC0415

        click.echo(report_schema_file().read_text(encoding="utf-8"), nl=False)
        return
    from ..rulemodel import Ruleset  # noqa: PLC0415

    click.echo(json.dumps(Ruleset.model_json_schema(), ensure_ascii=False, indent=2))


@main.command("schema", help=help_text("schema"))
@click.argument("what", type=click.Choice(SCHEMAS))
@debug_option
def schema(what: str) -> None:
    print_schema(what)
