"""The ASGI application: routes, the upload limit, the token, security headers, the access log.

:func:`create_app` builds it from :class:`ServeSettings`; ``kravkoll serve`` runs it on
uvicorn. The API's routes read the request (a multipart ``file`` or JSON ``{"text", …}``),
check the options as the command line does, and hand the work to the worker pool; answers
and errors are the command line's output and its one-line messages, as JSON.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable, get_args

import anyio.to_thread
from starlette.applications import Starlette
from starlette.datastructures import FormData, MutableHeaders, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..cli.options import split_list
from ..readers import MAX_FILE_BYTES, format_of
from ..readers.formats import TEXT_FORMAT_NAMES, send_as_file, unsupported_suffix
from ..report import Party
from ..reporters.page import page
from ..rulecompile import MAX_RULE_FILE_BYTES, shipped_ruleset_names
from .jobs import MATRIX_MEDIA_TYPES, REPORT_MEDIA_TYPES, Answer, document_name
from .pool import Busy, WorkerPool

log = logging.getLogger("kravkoll.serve")

STATIC = Path(__file__).parent / "static"
FAIL_ON = ("error", "warning", "info", "never")
LANGUAGES = ("sv", "en")
PARTIES: tuple[str, ...] = get_args(Party)  # as kravkoll check --party


@dataclass(frozen=True)
class ServeSettings:
    """How the server runs: worker processes, waiting requests, seconds per document, the
    largest request body in bytes, and the bearer token the API needs (None: no token)."""

    workers: int = 2
    queue: int = 16
    timeout: float = 60.0
    max_upload: int = MAX_FILE_BYTES
    token: str | None = None


class ApiError(Exception):
    """A request the API refuses: its status, the one-line message and any headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class UploadTooLarge(Exception):
    """The request body passed the size limit while it was being received."""


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"status": status, "error": message}, status_code=status, headers=headers)


def _too_large_message(limit: int) -> str:
    return f"the request is too large (the limit is {limit / (1024 * 1024):g} MiB)"


# ---- middleware ---------------------------------------------------------------------------------


def content_security_policy(extra_script_hashes: tuple[str, ...] = ()) -> str:
    """No inline script (the report shown on the page brings one, allowed by its hash); styles
    may be inline (the report's), no other host, no framing."""
    scripts = " ".join(["'self'", *(f"'{h}'" for h in extra_script_hashes)])
    return (
        "default-src 'none'; "
        f"script-src {scripts}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


class SecurityHeaders:
    """Adds the security headers to every response; API answers are never cached."""

    def __init__(self, app: ASGIApp, policy: str) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", self.policy)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "no-referrer"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                headers["Cross-Origin-Resource-Policy"] = "same-origin"
                if path.startswith("/api/"):
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses a request body over ``limit`` bytes: at once by its Content-Length, else when the
    bytes received pass the limit (:class:`UploadTooLarge` from ``receive``)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await error_response(413, _too_large_message(self.limit))(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise UploadTooLarge
            return message

        await self.app(scope, counting_receive, send)


class BearerToken:
    """The API needs ``Authorization: Bearer TOKEN``; the page, its files and /healthz do not
    (they hold no document)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode("utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            given = dict(scope["headers"]).get(b"authorization", b"")
            scheme, _, value = given.partition(b" ")
            if scheme.lower() != b"bearer" or not hmac.compare_digest(value.strip(), self.token):
                message = "this server needs a token: send the header 'Authorization: Bearer TOKEN'"
                response = error_response(401, message, {"WWW-Authenticate": "Bearer"})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class AccessLog:
    """Logs method, path, status, response size and time of each request, and nothing else:
    no query string, no client address, no header, no content."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        size = 0

        async def measuring_send(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, measuring_send)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            log.info("%s %s %d %d %.0fms", scope["method"], scope["path"], status, size, elapsed)


# ---- reading a request ----------------------------------------------------------------------------


def _values(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ApiError(422, f"expected a string or a list of strings, got {json.dumps(value)[:60]}")


def parse_options(sources: list[Callable[[str], list[str]]]) -> dict[str, Any]:
    """The check options of the command line (ruleset, select, ignore, party, lang, fail-on), from the
    query string and the form or JSON body; each refused as the command line refuses it."""
    from ..ruleparse import did_you_mean  # noqa: PLC0415

    def gather(key: str) -> list[str]:
        return [value for source in sources for value in source(key)]

    def one(key: str, allowed: tuple[str, ...]) -> str | None:
        values = gather(key)
        if not values:
            return None
        if len(set(values)) > 1:
            raise ApiError(422, f"{key}: give one value, not {', '.join(values)}")
        if values[0] not in allowed:
            raise ApiError(422, f"{key}: '{values[0]}' is not one of {', '.join(allowed)}")
        return values[0]

    shipped = shipped_ruleset_names()
    rulesets = split_list(gather("ruleset"))
    for name in rulesets:
        if name not in shipped:  # only shipped rulesets: a path would read the server's files
            raise ApiError(422, f"ruleset: {name}: no shipped ruleset of that name{did_you_mean(name, shipped)} (shipped: {', '.join(shipped)})")
    parties = split_list(gather("party"))
    for party in parties:
        if party not in PARTIES:
            raise ApiError(422, f"party: '{party}' is not one of {', '.join(PARTIES)}")
    return {
        "rulesets": list(dict.fromkeys(rulesets)),
        "select": split_list(gather("select")),
        "ignore": split_list(gather("ignore")),
        "party": list(dict.fromkeys(parties)),
        "lang": one("lang", LANGUAGES),
        "fail_on": one("fail-on", FAIL_ON) or "error",
    }


async def read_document_request(request: Request) -> dict[str, Any]:
    """A payload for a document job: ``data``, ``name``, ``format`` and ``options``.

    A file comes as the multipart field ``file`` (its format from its extension), text as
    JSON ``{"text": …, "format": "md"|"txt", "name": …}``; options in the query string and in
    the form or JSON body.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    query = request.query_params.getlist
    try:
        if content_type == "multipart/form-data":
            return await _multipart_payload(request, query)
        if content_type == "application/json":
            return await anyio.to_thread.run_sync(_json_payload, await request.body(), query)  # a large body parses off the loop
    except UploadTooLarge:
        raise ApiError(413, _too_large_message(request.app.state.settings.max_upload)) from None
    except MultiPartException as error:
        raise ApiError(400, f"the multipart body cannot be read: {error.message}") from None
    raise ApiError(415, 'send the document as multipart/form-data (the field \'file\') or as application/json ({"text": …, "format": "md"})')


async def _multipart_payload(request: Request, query: Callable[[str], list[str]]) -> dict[str, Any]:
    async with request.form(max_files=1, max_fields=64) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "no document: send it as the multipart field 'file'")
        name = document_name(upload.filename, "document")
        fmt = format_of(name)
        if fmt is None:
            raise ApiError(415, f"{name}: {unsupported_suffix(Path(name).suffix)}")
        data = await upload.read()
        options = parse_options([query, _form_values(form)])
    return {"data": data, "name": name, "format": fmt, "options": options}


def _form_values(form: FormData) -> Callable[[str], list[str]]:
    def values(key: str) -> list[str]:
        return [v for v in form.getlist(key) if isinstance(v, str)]

    return values


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiError(400, f"the body is not valid JSON: {error}") from None
    except RecursionError:
        raise ApiError(400, "the body is not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ApiError(422, "the JSON body must be an object")
    return data


def _json_payload(body: bytes, query: Callable[[str], list[str]]) -> dict[str, Any]:
    data = _json_object(body)
    text = data.get("text")
    if not isinstance(text, str):
        raise ApiError(422, 'text: the JSON body needs the document as a string "text"')
    fmt = data.get("format", "md")
    if fmt not in TEXT_FORMAT_NAMES:
        raise ApiError(422, f"format: '{fmt}' is not one of {', '.join(TEXT_FORMAT_NAMES)} (send {send_as_file()} as a file)")
    name = document_name(data.get("name") if isinstance(data.get("name"), str) else None, f"text.{fmt}")
    options = parse_options([query, lambda key: _values(data.get(key))])
    return {"data": text.encode("utf-8"), "name": name, "format": fmt, "options": options}


def _output_format(request: Request, allowed: dict[str, str], default: str) -> str:
    value = request.query_params.get("format", default)
    if value not in allowed:
        raise ApiError(422, f"format: '{value}' is not one of {', '.join(allowed)}")
    return value


# ---- routes ---------------------------------------------------------------------------------------


def _answer(answer: Answer) -> Response:
    return Response(answer.body, status_code=answer.status, media_type=answer.media_type, headers=answer.headers)


async def _work(request: Request, kind: str, payload: dict[str, Any]) -> Answer:
    pool: WorkerPool = request.app.state.pool
    try:
        return await pool.run(kind, payload)
    except Busy:
        message = f"the server is busy: its {pool.size} workers are checking and its queue of {pool.queue} is full; try again shortly"
        raise ApiError(503, message, {"Retry-After": "5"}) from None


async def _run(request: Request, kind: str, payload: dict[str, Any]) -> Response:
    return _answer(await _work(request, kind, payload))


def api_route(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """An API handler whose :class:`ApiError` becomes its JSON error, and so does a bug (a 500
    that names the exception, never a traceback or anything the client sent)."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except ApiError as error:
            return error_response(error.status, error.message, error.headers)
        except HTTPException as error:  # Starlette's own refusals, such as a multipart body without a boundary
            return error_response(error.status_code, str(error.detail))
        except Exception as error:  # noqa: BLE001 - the last line of defence, as in the command line
            return error_response(500, f"internal error: {type(error).__name__}")

    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint


@api_route
async def api_check(request: Request) -> Response:
    output = _output_format(request, REPORT_MEDIA_TYPES, "json")
    payload = await read_document_request(request)
    return await _run(request, "check", {**payload, "output": output})


@api_route
async def api_matrix(request: Request) -> Response:
    output = _output_format(request, MATRIX_MEDIA_TYPES, "md")
    payload = await read_document_request(request)
    return await _run(request, "matrix", {**payload, "output": output})


@api_route
async def api_report(request: Request) -> Response:
    return await _run(request, "report", await read_document_request(request))


@api_route
async def api_annotate(request: Request) -> Response:
    payload = await read_document_request(request)
    if payload["format"] != "docx":
        raise ApiError(415, f"{payload['name']}: annotate writes comments into Word documents: give it a .docx file")
    return await _run(request, "annotate", payload)


@api_route
async def api_rulesets(request: Request) -> Response:
    answer: Answer | None = request.app.state.rulesets  # the shipped rulesets do not change while the server runs
    if answer is None:
        answer = await _work(request, "rulesets", {})
        if answer.status == 200:
            request.app.state.rulesets = answer
    return _answer(answer)


@api_route
async def api_rule(request: Request) -> Response:
    return await _run(request, "rule", {"id": request.path_params["rule_id"]})


@api_route
async def api_rules_try(request: Request) -> Response:
    """The playground: rule text validated and tested, and its findings on a sample text."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, 'send the rules as application/json ({"rules": …, "text": …})')
    try:
        data = await anyio.to_thread.run_sync(_json_object, await request.body())
    except UploadTooLarge:
        raise ApiError(413, _too_large_message(request.app.state.settings.max_upload)) from None
    rules, text = data.get("rules"), data.get("text", "")
    if not isinstance(rules, str) or not isinstance(text, str):
        raise ApiError(422, 'rules, text: the JSON body needs the rule file as a string "rules" (and a string "text")')
    if len(rules.encode("utf-8")) > MAX_RULE_FILE_BYTES:
        raise ApiError(413, f"rules.krav: rule file is too large (the limit is {MAX_RULE_FILE_BYTES} bytes)")
    lang = data.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise ApiError(422, f"lang: '{lang}' is not one of {', '.join(LANGUAGES)}")
    return await _run(request, "playground", {"rules": rules, "text": text, "lang": lang, "name": "rules.krav"})


async def healthz(request: Request) -> Response:
    pool: WorkerPool = request.app.state.pool
    return JSONResponse({"status": "ok", "version": __version__, "workers": pool.size, "pending": pool.pending})


async def openapi_json(request: Request) -> Response:
    from .openapi import openapi_spec  # noqa: PLC0415

    return JSONResponse(openapi_spec())


async def docs_page(request: Request) -> Response:
    from .openapi import docs_html, openapi_spec  # noqa: PLC0415

    return HTMLResponse(docs_html(openapi_spec()))


async def index_page(request: Request) -> Response:
    from .pages import index_html, page_language  # noqa: PLC0415

    language = page_language(request.query_params.get("lang"), request.headers.get("accept-language", ""))
    return HTMLResponse(index_html(language, auth=request.app.state.settings.token is not None))


async def playground_page(request: Request) -> Response:
    from .pages import page_language, playground_html  # noqa: PLC0415

    language = page_language(request.query_params.get("lang"), request.headers.get("accept-language", ""))
    return HTMLResponse(playground_html(language, auth=request.app.state.settings.token is not None))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return error_response(error.status_code, str(error.detail), dict(error.headers or {}))


async def _upload_too_large(request: Request, error: Exception) -> Response:
    return error_response(413, _too_large_message(request.app.state.settings.max_upload))


def report_script_hashes() -> tuple[str, ...]:
    """The CSP hashes of the inline script of ``kravkoll report``, which the page shows."""
    scripts = re.findall(r"<script>(.*?)</script>", page("", "en", "", script=True), re.S)
    return tuple("sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") for s in scripts)


def create_app(settings: ServeSettings | None = None) -> Starlette:
    """The application; its lifespan starts and stops the worker pool."""
    settings = settings or ServeSettings()
    pool = WorkerPool(settings.workers, settings.queue, settings.timeout)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    routes = [
        Route("/", index_page),
        Route("/rules", playground_page),
        Route("/docs", docs_page),
        Route("/openapi.json", openapi_json),
        Route("/healthz", healthz),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/annotate", api_annotate, methods=["POST"]),
        Route("/api/matrix", api_matrix, methods=["POST"]),
        Route("/api/report", api_report, methods=["POST"]),
        Route("/api/rulesets", api_rulesets),
        Route("/api/rules/try", api_rules_try, methods=["POST"]),
        Route("/api/rules/{rule_id:path}", api_rule),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: _http_error, UploadTooLarge: _upload_too_large})
    app.state.settings = settings
    app.state.pool = pool
    app.state.rulesets = None
    app.add_middleware(BodyLimit, limit=settings.max_upload)
    if settings.token is not None:
        app.add_middleware(BearerToken, token=settings.token)
    app.add_middleware(SecurityHeaders, policy=content_security_policy(report_script_hashes()))
    app.add_middleware(AccessLog)
    return app
