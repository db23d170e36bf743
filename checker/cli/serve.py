"""``kravkoll serve``: the web page for writers and the HTTP API (the optional extra 'serve')."""

from __future__ import annotations

import click

from ..errors import KravError
from .group import main
from .options import debug_option, no_cache_option

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
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1), help="Worker processes that check documents (each handles one at a time).")
@click.option(
    "--queue", default=16, show_default=True, type=click.IntRange(min=0), help="Requests that may wait for a worker; beyond them the server answers 503."
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Time limit per document, from when a worker takes it; then the worker is killed and the answer is 504.",
)
@click.option(
    "--max-upload",
    default=64,
    show_default=True,
    type=click.IntRange(min=1),
    metavar="MIB",
    help="Largest request body in MiB; a larger upload is cut off while it streams (413).",
)
@click.option("--token", envvar="KRAVKOLL_TOKEN", metavar="TOKEN", help="Bearer token the API requires (or the environment variable KRAVKOLL_TOKEN).")
@click.option("--no-auth", is_flag=True, help="Serve the API without a token on an address other than localhost.")
@no_cache_option
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
