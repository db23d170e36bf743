"""The API's OpenAPI 3.1 description (``/openapi.json``) and a readable page of it (``/docs``).

Written by hand: the routes are few and their bodies are files. The report's schema is the
one ``kravkoll schema report`` prints, its ``$defs`` moved under ``components/schemas``.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from typing import Any

from .. import __version__
from ..paths import report_schema_file
from ..readers.formats import TEXT_FORMAT_NAMES
from ..reporters import FORMATS

_ERROR = {"$ref": "#/components/schemas/Error"}


def _errors(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "The document cannot be read (corrupt, encrypted, hostile, empty …) or the body is malformed.",
        401: "The server needs a token and none or a wrong one was sent.",
        404: "No such rule.",
        413: "The request is larger than the server's limit (cut off while it streams).",
        415: "The file type or the body's content type is not one kravkoll reads.",
        422: "An option or a field is not valid.",
        500: "The worker process checking the document stopped (killed, out of memory) or an internal error.",
        503: "Every worker is busy and the queue is full; try again (Retry-After).",
        504: "Checking took longer than the server's time limit; the worker was stopped.",
    }
    return {str(s): {"description": reasons[s], "content": {"application/json": {"schema": _ERROR}}} for s in statuses}


_PARTIES = {"type": "array", "items": {"type": "string", "description": "supplier, buyer, mutual or tenderer; or several, comma-separated"}}
"""``party``: only findings on statements that bind these parties (``kravkoll check --party``)."""

_DOCUMENT_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": "a .docx, .md, .txt or .pdf (by its name's extension)"},
                    "ruleset": {"type": "array", "items": {"type": "string"}, "description": "shipped ruleset names"},
                    "select": {"type": "array", "items": {"type": "string"}},
                    "ignore": {"type": "array", "items": {"type": "string"}},
                    "party": _PARTIES,
                    "lang": {"type": "string", "enum": ["sv", "en"]},
                    "fail-on": {"type": "string", "enum": ["error", "warning", "info", "never"]},
                },
            },
        },
        "application/json": {"schema": {"$ref": "#/components/schemas/TextDocument"}},
    },
}

_OPTION_PARAMETERS: list[dict[str, Any]] = [
    {
        "name": "ruleset",
        "in": "query",
        "description": "A shipped ruleset to run (repeatable or comma-separated). Default: the shipped rulesets of the document's language.",
        "schema": {"type": "array", "items": {"type": "string"}},
        "style": "form",
        "explode": True,
    },
    {
        "name": "select",
        "in": "query",
        "description": "Only these rules: full ids, short ids, categories or globs.",
        "schema": {"type": "array", "items": {"type": "string"}},
        "style": "form",
        "explode": True,
    },
    {
        "name": "ignore",
        "in": "query",
        "description": "Not these rules (same forms as select).",
        "schema": {"type": "array", "items": {"type": "string"}},
        "style": "form",
        "explode": True,
    },
    {
        "name": "party",
        "in": "query",
        "description": "Only findings on statements that bind these parties (repeatable or comma-separated; as --party):"
        " supplier leaves out the buyer's own duties and clauses binding both parties. Findings on statements that bind no"
        " party and on the whole document stay.",
        "schema": _PARTIES,
        "style": "form",
        "explode": True,
    },
    {"name": "lang", "in": "query", "description": "The document's language; skips detection.", "schema": {"type": "string", "enum": ["sv", "en"]}},
    {
        "name": "fail-on",
        "in": "query",
        "description": "The severity that makes the exit code (header Kravkoll-Exit-Code) 1.",
        "schema": {"type": "string", "enum": ["error", "warning", "info", "never"]},
    },
]


def _document_operation(summary: str, description: str, responses: dict[str, Any], extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "summary": summary,
        "description": description,
        "parameters": [*(extra or []), *_OPTION_PARAMETERS],
        "requestBody": _DOCUMENT_BODY,
        "responses": {**responses, **_errors(400, 401, 413, 415, 422, 500, 503, 504)},
    }


def _headers(*described: tuple[str, str]) -> dict[str, Any]:
    return {name: {"description": text, "schema": {"type": "string"}} for name, text in described}


def _text(media_type: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {media_type: {"schema": {"type": "string"}}}}


def _report_schemas() -> dict[str, Any]:
    schema = json.loads(report_schema_file().read_text(encoding="utf-8"))
    definitions = schema.pop("$defs", {})
    schema.pop("$schema", None)
    text = json.dumps({"Report": schema, **definitions}).replace("#/$defs/", "#/components/schemas/")
    return json.loads(text)


@cache
def openapi_spec() -> dict[str, Any]:
    """The OpenAPI document of the API."""
    string_list = {"type": "array", "items": {"type": "string"}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "kravkoll",
            "version": __version__,
            "description": "Check procurement documents: are requirements measurable, followed up and sanctioned? "
            "Every answer is what the command line gives for the same document and options; errors "
            "are the command line's one-line messages. Nothing sent is stored or logged.",
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "Needed when the server was started with --token."}},
            "schemas": {
                **_report_schemas(),
                "Error": {
                    "type": "object",
                    "required": ["status", "error"],
                    "additionalProperties": False,
                    "properties": {"status": {"type": "integer"}, "error": {"type": "string", "description": "one line"}},
                },
                "TextDocument": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string"},
                        "format": {"type": "string", "enum": list(TEXT_FORMAT_NAMES), "default": "md"},
                        "name": {"type": "string", "description": "the name findings give the document"},
                        "ruleset": string_list,
                        "select": string_list,
                        "ignore": string_list,
                        "party": _PARTIES,
                        "lang": {"type": "string", "enum": ["sv", "en"]},
                        "fail-on": {"type": "string", "enum": ["error", "warning", "info", "never"]},
                    },
                },
                "RuleTry": {
                    "type": "object",
                    "required": ["rules"],
                    "properties": {
                        "rules": {"type": "string", "description": "a .krav file"},
                        "text": {"type": "string", "description": "Markdown to check with it"},
                        "lang": {"type": "string", "enum": ["sv", "en"]},
                    },
                },
                "RuleTryResult": {
                    "type": "object",
                    "required": ["valid", "errors", "examples", "findings"],
                    "properties": {
                        "valid": {"type": "boolean"},
                        "errors": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "line": {"type": ["integer", "null"]},
                                    "column": {"type": ["integer", "null"]},
                                    "message": {"type": "string"},
                                    "source_line": {"type": "string"},
                                    "text": {"type": "string"},
                                },
                            },
                        },
                        "ruleset": {"type": "object"},
                        "examples": {"type": "array", "items": {"type": "object"}},
                        "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
                    },
                },
            },
        },
        "security": [{}, {"bearer": []}],
        "paths": {
            "/api/check": {
                "post": _document_operation(
                    "Check a document",
                    "kravkoll check: the report (format json follows `kravkoll schema report`). "
                    "The header Kravkoll-Exit-Code holds the command line's exit code.",
                    {
                        "200": {
                            "description": "The report.",
                            "headers": _headers(("Kravkoll-Exit-Code", "0, 1 or 2: what kravkoll check would exit with")),
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "oneOf": [
                                            {"$ref": "#/components/schemas/Report"},
                                            {"type": "array", "items": {"type": "object"}, "description": "format gitlab: GitLab code quality issues"},
                                        ]
                                    }
                                },
                                "application/sarif+json": {"schema": {"type": "object"}},
                                "application/xml": {"schema": {"type": "string"}},
                                "text/plain": {"schema": {"type": "string"}},
                            },
                        }
                    },
                    [
                        {
                            "name": "format",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["json", *(name for name in FORMATS if name != "json")], "default": "json"},
                        }
                    ],
                )
            },
            "/api/annotate": {
                "post": _document_operation(
                    "A .docx with the findings as Word comments",
                    "kravkoll annotate: the annotated copy (a .docx only).",
                    {
                        "200": {
                            "description": "The annotated copy.",
                            "headers": _headers(
                                ("Kravkoll-Comments", "the number of comments written"),
                                ("Content-Disposition", "attachment; its name is the upload's with .kravkoll.docx"),
                            ),
                            "content": {
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}}
                            },
                        }
                    },
                )
            },
            "/api/matrix": {
                "post": _document_operation(
                    "The traceability matrix",
                    "kravkoll matrix --format FORMAT.",
                    {
                        "200": {
                            "description": "The matrix.",
                            "content": {
                                "text/markdown": {"schema": {"type": "string"}},
                                "text/csv": {"schema": {"type": "string"}},
                                "text/html": {"schema": {"type": "string"}},
                                "application/json": {"schema": {"type": "object"}},
                            },
                        }
                    },
                    [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["md", "csv", "html", "json"], "default": "md"}}],
                )
            },
            "/api/report": {
                "post": _document_operation(
                    "The HTML report",
                    "kravkoll report: one self-contained HTML page.",
                    {
                        "200": {
                            **_text("text/html", "The report."),
                            "headers": _headers(("Kravkoll-Requirements", "requirements found"), ("Kravkoll-Findings", "findings not suppressed")),
                        }
                    },
                )
            },
            "/api/rulesets": {
                "get": {
                    "summary": "The shipped rulesets and their rules",
                    "responses": {"200": {"description": "Rulesets.", "content": {"application/json": {"schema": {"type": "object"}}}}, **_errors(401, 503)},
                }
            },
            "/api/rules/{rule_id}": {
                "get": {
                    "summary": "One rule: its definition, its examples run, its documentation page (Markdown)",
                    "parameters": [
                        {
                            "name": "rule_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "a full rule id, such as sv-krav/KR001",
                        }
                    ],
                    "responses": {
                        "200": {"description": "The rule.", "content": {"application/json": {"schema": {"type": "object"}}}},
                        **_errors(401, 404, 503),
                    },
                }
            },
            "/api/rules/try": {
                "post": {
                    "summary": "Validate and try a rule file (the playground)",
                    "description": "kravkoll rules validate and rules test on the text, and its findings on a sample. It may extend shipped rulesets only.",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RuleTry"}}}},
                    "responses": {
                        "200": {
                            "description": "Errors (line, column) or the examples' outcomes and findings.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RuleTryResult"}}},
                        },
                        **_errors(400, 401, 413, 415, 422, 500, 503, 504),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness",
                    "security": [{}],
                    "responses": {"200": {"description": "The server answers.", "content": {"application/json": {"schema": {"type": "object"}}}}},
                }
            },
        },
    }


def docs_html(spec: dict[str, Any]) -> str:
    """The API's description as one readable page (no script, no other host)."""
    parts: list[str] = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            parts.append(f'<section class="op"><h2><span class="method">{method.upper()}</span> <code>{escape(path)}</code></h2>')
            parts.append(f"<p><strong>{escape(operation['summary'])}</strong></p>")
            if operation.get("description"):
                parts.append(f"<p>{escape(operation['description'])}</p>")
            parameters = operation.get("parameters", [])
            if parameters:
                rows = "".join(
                    f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
                    f"<td>{escape(_type_of(p['schema']))}</td><td>{escape(p.get('description', ''))}</td></tr>"
                    for p in parameters
                )
                parts.append(f"<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr></thead><tbody>{rows}</tbody></table>")
            body = operation.get("requestBody")
            if body:
                kinds = ", ".join(f"<code>{escape(k)}</code>" for k in body["content"])
                parts.append(f"<p>Body: {kinds}.</p>")
            responses = "".join(
                f"<li><code>{escape(code)}</code> {escape(r['description'])}{_header_list(r)}</li>" for code, r in operation["responses"].items()
            )
            parts.append(f"<ul>{responses}</ul></section>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>kravkoll API {escape(spec['info']['version'])}</title>"
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/kravkoll.css"></head><body><main class="wrap">'
        f"<h1>kravkoll API</h1><p>{escape(spec['info']['description'])}</p>"
        '<p>The machine-readable description: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). '
        'Errors are <code>{"status": N, "error": "one line"}</code>.</p>'
        f"{''.join(parts)}</main></body></html>\n"
    )


def _header_list(response: dict[str, Any]) -> str:
    headers = response.get("headers", {})
    if not headers:
        return ""
    return " Headers: " + "; ".join(f"<code>{escape(name)}</code> {escape(h['description'])}" for name, h in headers.items()) + "."


def _type_of(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(schema["enum"])
    if schema.get("type") == "array":
        return f"list of {schema['items'].get('type', 'value')}"
    return str(schema.get("type", ""))
