"""``kravkoll serve``: the web page for writers and the HTTP API (the optional extra 'serve')."""

from __future__ import annotations

import click

from ..errors import KravError
from ..reporters.help_labels import help_text
from .group import main
from .options import debug_option, no_cache_option

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _is_loopback(host: str) -> bool:
    import ipaddress  # noqa: PLC0415

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host in LOOPBACK_HOSTS


@main.command(short_help=help_text("serve.short"), help=help_text("serve"))
@click.option("--host", default="127.0.0.1", show_default=True, help=help_text("serve.host"))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help=help_text("serve.port"))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1), help=help_text("serve.workers"))
@click.option("--queue", default=16, show_default=True, type=click.IntRange(min=0), help=help_text("serve.queue"))
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help=help_text("serve.timeout"),
)
@click.option(
    "--max-upload",
    default=64,
    show_default=True,
    type=click.IntRange(min=1),
    metavar="MIB",
    help=help_text("serve.max_upload"),
)
@click.option("--token", envvar="KRAVKOLL_TOKEN", metavar="TOKEN", help=help_text("serve.token"))
@click.option("--no-auth", is_flag=True, help=help_text("serve.no_auth"))
@no_cache_option
@debug_option
def serve(host: str, port: int, workers: int, queue: int, timeout: float, max_upload: int, token: str | None, no_auth: bool) -> None:
    if not _is_loopback(host) and not token and not no_auth:
        raise click.UsageError(f"listening on {host} needs --token TOKEN (or KRAVKOLL_TOKEN), or an explicit --no-auth")
    try:
        import uvicorn  # noqa: PLC0415

        from ..serve.app import ServeSettings, create_app  # noqa: PLC0415
    except ImportError as error:
        raise KravError(f"serve needs the optional extra 'serve' ({error.name} is missing): pip install 'kravkoll[serve]'") from None
    import logging  # noqa: PLC0415

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    settings = ServeSettings(workers=workers, queue=queue, timeout=timeout, max_upload=max_upload * 1024 * 1024, token=token or None)
    click.echo(
        f"kravkoll: serving on http://{host if ':' not in host else f'[{host}]'}:{port}/ "
        f"({workers} workers, {timeout:g} s per document{', token required' if token else ''}); Ctrl-C stops",
        err=True,
    )
    # Connections beyond those the queue can hold, plus some for the page and its files, get
    # uvicorn's own 503: this bounds the uploads held in memory at once.
    connections = workers + queue + 32
    uvicorn.run(create_app(settings), host=host, port=port, access_log=False, log_level="warning", server_header=False, limit_concurrency=connections)
