"""What a worker process does for one request, with the functions the command line uses.

A job is a kind (one of :data:`JOBS`) and a payload of plain values; it returns an
:class:`Answer` (status, media type, body, headers) that crosses the process boundary by
pickle. Bad input is an answer too (400, 404, 422), with the command line's one-line message;
only a bug raises, and the pool turns that into a 500.

Rulesets are compiled once per worker: the shipped rulesets of each language on start
(:func:`warm_up`), a chosen set on its first use.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Callable
from urllib.parse import quote

from ..config import Config
from ..document import Document
from ..engine import DocumentResult, Linter, unlinked_notes
from ..errors import KravError, RuleError
from ..readers import read_bytes
from ..reporters import FORMATS
from ..rulecompile import compile_text, load_rulesets, shipped_ruleset_names
from ..rulemodel import Ruleset

REPORT_MEDIA_TYPES = {name: fmt.media_type for name, fmt in FORMATS.items()}
MATRIX_MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Rule files in the playground may extend shipped rulesets only: ``extends`` looks for a local
# file in this folder first, and it does not exist, so no path can reach the server's files.
_NO_FOLDER = Path("/nonexistent/kravkoll-playground")


@dataclass(frozen=True)
class Answer:
    """An HTTP answer made in a worker."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def error_answer(status: int, message: str) -> Answer:
    """The API's error: ``{"status": …, "error": "one line"}``."""
    return json_answer({"status": status, "error": message}, status)


def json_answer(data: Any, status: int = 200) -> Answer:
    return Answer(status, "application/json", json.dumps(data, ensure_ascii=False).encode("utf-8"))


def document_name(filename: str | None, default: str) -> str:
    """The name an upload is reported under: its base name only (no client folders), printable."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:200] or default


def attachment(filename: str) -> dict[str, str]:
    """A Content-Disposition that names a download, non-ASCII names included (RFC 6266)."""
    plain = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")  # "förfrågan" → "forfragan"
    ascii_name = "".join(ch if ch.isprintable() and ch not in '"\\' else "_" for ch in plain)
    return {"Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"}


# ---- in the worker ------------------------------------------------------------------------------


def warm_up() -> None:
    """Compile the shipped rulesets of each language, and build their matchers, before the
    first request needs them."""
    for language in ("sv", "en"):
        _ = _linter(()).shipped(language).matcher  # built now, not at the first request


@lru_cache(maxsize=16)
def _linter(names: tuple[str, ...]) -> Linter:
    """The worker's linter for a choice of rulesets (none: the shipped ones of each language),
    which keeps them compiled and their matchers built from one request to the next."""
    return Linter(Config(), load_rulesets(names) if names else None)


def _config(options: dict[str, Any]) -> tuple[Config, Linter]:
    """The request's configuration and the linter for it."""
    names = tuple(options.get("rulesets") or ())
    config = Config(
        rulesets=list(names) or None,
        select=options.get("select", []),
        ignore=options.get("ignore", []),
        party=options.get("party", []),
        lang=options.get("lang"),
        fail_on=options.get("fail_on", "error"),
    )
    return config, _linter(names).with_config(config)


def _document(payload: dict[str, Any], config: Config) -> Document:
    return read_bytes(payload["data"], payload["name"], payload["format"], language=config.lang)


class BadRuleChoice(KravError):
    """A ``select``, ``ignore`` or ruleset choice that the command line refuses (exit 2): a 422."""


def _refuse_bad_rule_choice(config: Config, rulesets: list[Ruleset], languages: set[str]) -> None:
    """Raise :class:`BadRuleChoice` when no rule would run or a ``select`` or ``ignore`` entry
    names no rule (``kravkoll check`` says so and exits 2): a mistyped rule id must not pass as
    a clean document."""
    from ..cli.common import rule_problems  # noqa: PLC0415

    problems = rule_problems(config, rulesets, languages)
    if problems:
        raise BadRuleChoice("; ".join(problems))


def _result(payload: dict[str, Any]) -> tuple[DocumentResult, Config]:
    config, linter = _config(payload["options"])
    result = next(iter(linter.check_each([_document(payload, config)])))
    if not isinstance(result, DocumentResult):  # check_each reports reading errors as a FileReport
        raise KravError(result.error or f"{payload['name']}: cannot be read")
    _refuse_bad_rule_choice(config, result.rulesets, {result.document.language})
    return result, config


def check_job(payload: dict[str, Any]) -> Answer:
    """``kravkoll check --format FORMAT``: the report, and the exit code as a header."""
    from ..cli.check import exit_code  # noqa: PLC0415
    from ..reporters import RenderOptions, renderer  # noqa: PLC0415

    config, linter = _config(payload["options"])
    report = linter.check([_document(payload, config)])
    unreadable = [f.error for f in report.files if f.error]
    if unreadable:
        return error_answer(400, unreadable[0])
    used = linter.rulesets_used(report)
    _refuse_bad_rule_choice(config, used, {f.language for f in report.files if f.language})
    options = RenderOptions(rulesets=tuple(used), config=config)
    text = renderer(payload["output"])(report, options)
    code = exit_code(report, config.fail_on, 0)
    return Answer(200, REPORT_MEDIA_TYPES[payload["output"]], text.encode("utf-8"), {"Kravkoll-Exit-Code": str(code)})


def matrix_job(payload: dict[str, Any]) -> Answer:
    """``kravkoll matrix --format FORMAT``."""
    from ..matrix import build_matrix  # noqa: PLC0415
    from ..reporters.matrix import MATRIX_FORMATS  # noqa: PLC0415

    result, _config_used = _result(payload)
    fmt = payload["output"]
    text = MATRIX_FORMATS[fmt](build_matrix([result]))
    stem = Path(payload["name"]).stem
    return Answer(200, MATRIX_MEDIA_TYPES[fmt], text.encode("utf-8"), attachment(f"{stem}.matrix.{fmt}"))


def report_job(payload: dict[str, Any]) -> Answer:
    """``kravkoll report``: the HTML page."""
    from ..matrix import matrix_document  # noqa: PLC0415
    from ..reporters.html import render_report  # noqa: PLC0415

    result, _config_used = _result(payload)
    rulesets = [f"{r.name} {r.version}".strip() for r in result.rulesets]
    text = render_report(result, matrix_document(result), rulesets)
    active = sum(not f.suppressed for f in result.findings)
    headers = {"Kravkoll-Requirements": str(len(result.requirements)), "Kravkoll-Findings": str(active)}
    return Answer(200, "text/html; charset=utf-8", text.encode("utf-8"), headers)


def annotate_job(payload: dict[str, Any]) -> Answer:
    """``kravkoll annotate``: the .docx with a comment on each finding."""
    from ..reporters.docx_annotate import annotate_reading, read_for_annotation  # noqa: PLC0415

    config, linter = _config(payload["options"])
    reading = read_for_annotation(payload["data"], payload["name"], language=config.lang)
    result = next(iter(linter.check_each([reading.document])))
    if isinstance(result, DocumentResult):
        _refuse_bad_rule_choice(config, result.rulesets, {result.document.language})
    nearest = unlinked_notes(result) if isinstance(result, DocumentResult) else None
    annotated = annotate_reading(reading, result.findings, nearest=nearest)
    headers = {**attachment(f"{Path(payload['name']).stem}.kravkoll.docx"), "Kravkoll-Comments": str(annotated.comments)}
    return Answer(200, DOCX_MEDIA_TYPE, annotated.data, headers)


def rulesets_job(_payload: dict[str, Any]) -> Answer:
    """The shipped rulesets and their rules, as ``kravkoll rules list`` shows them."""
    listed = []
    for ruleset in load_rulesets(shipped_ruleset_names()):
        rules = [{"id": r.full_id, "title": r.title, "kind": r.kind, "category": r.category, "severity": r.severity} for r in ruleset.rules]
        listed.append(
            {"name": ruleset.name, "title": ruleset.title, "language": ruleset.language, "version": ruleset.version, "extends": ruleset.extends, "rules": rules}
        )
    return json_answer({"rulesets": listed})


def rule_job(payload: dict[str, Any]) -> Answer:
    """One shipped rule: its compiled form, its examples run, and its page (``kravkoll rules docs``)."""
    from ..ruledocs import rule_page  # noqa: PLC0415
    from ..ruleparse import did_you_mean  # noqa: PLC0415
    from ..ruletest import run_examples  # noqa: PLC0415

    wanted: str = payload["id"]
    rulesets = load_rulesets(shipped_ruleset_names())
    for ruleset in rulesets:
        rule = next((r for r in ruleset.rules if r.full_id == wanted and r.ruleset == ruleset.name), None)
        if rule is None:
            continue
        outcomes = [o for o in run_examples(ruleset) if o.rule.full_id == rule.full_id]
        examples = [{"expect": o.example.expect, "text": o.example.text, "passed": o.passed, "messages": o.messages} for o in outcomes]
        return json_answer(
            {
                "rule": rule.model_dump(mode="json"),
                "ruleset": ruleset.name,
                "language": ruleset.language,
                "examples": examples,
                "page": rule_page(rule, ruleset, outcomes),
            }
        )
    known = [r.full_id for ruleset in rulesets for r in ruleset.rules]
    return error_answer(404, f"{wanted}: no shipped rule has this id{did_you_mean(wanted, known)}")


def _compile_playground(text: str, path: str) -> Ruleset:
    """Compile rule text that may extend shipped rulesets only: a name with a folder in it
    (``extends "/srv/x"``) would reach a rule file on the server."""
    from ..errors import Diagnostic  # noqa: PLC0415
    from ..ruleparse import parse_rule_text  # noqa: PLC0415

    lines = text.splitlines()
    refused = [
        Diagnostic(
            path,
            e.pos.line,
            e.pos.column,
            f"extends unknown ruleset '{e.value}' (here only shipped rulesets: {', '.join(shipped_ruleset_names())})",
            lines[e.pos.line - 1] if 0 < e.pos.line <= len(lines) else "",
        )
        for e in parse_rule_text(text, path).extends
        if "/" in e.value or "\\" in e.value
    ]
    if refused:
        raise RuleError(refused)
    return compile_text(text, path, folder=_NO_FOLDER)


def playground_job(payload: dict[str, Any]) -> Answer:
    """``kravkoll rules validate`` and ``rules test`` on rule text, and its findings on a sample."""
    from ..ruletest import run_examples  # noqa: PLC0415

    try:
        ruleset = _compile_playground(payload["rules"], payload["name"])
    except RuleError as error:
        problems = [{"line": d.line, "column": d.column, "message": d.message, "source_line": d.source_line, "text": d.render()} for d in error.diagnostics]
        return json_answer({"valid": False, "errors": problems, "examples": [], "findings": []})
    except KravError as error:
        return json_answer(
            {
                "valid": False,
                "errors": [{"line": None, "column": None, "message": str(error), "source_line": "", "text": str(error)}],
                "examples": [],
                "findings": [],
            }
        )
    examples = [
        {
            "rule": o.rule.full_id,
            "expect": o.example.expect,
            "line": o.example.line,
            "text": o.example.text,
            "passed": o.passed,
            "description": "" if o.passed else o.describe(),
        }
        for o in run_examples(ruleset)
        if o.rule.ruleset == ruleset.name
    ]  # its own rules, not those it extends
    findings: list[Any] = []
    sample = payload.get("text") or ""
    if sample.strip():
        language = payload.get("lang") or (ruleset.language if ruleset.language in ("sv", "en") else None)
        try:
            document = read_bytes(sample.encode("utf-8"), "text.md", "md", language=language)
        except KravError as error:
            return error_answer(400, str(error))
        findings = [f.model_dump(mode="json") for f in Linter(Config(), [ruleset]).check_document(document).findings]
    own = sum(rule.ruleset == ruleset.name for rule in ruleset.rules)
    summary = {"name": ruleset.name, "language": ruleset.language, "rules": own, "extended_rules": len(ruleset.rules) - own}
    return json_answer({"valid": True, "errors": [], "ruleset": summary, "examples": examples, "findings": findings})


JOBS: dict[str, Callable[[dict[str, Any]], Answer]] = {
    "check": check_job,
    "matrix": matrix_job,
    "report": report_job,
    "annotate": annotate_job,
    "rulesets": rulesets_job,
    "rule": rule_job,
    "playground": playground_job,
}


def run(kind: str, payload: dict[str, Any]) -> Answer:
    """Do one job; a document or rule that cannot be read is a 400 with the command line's line."""
    try:
        return JOBS[kind](payload)
    except BadRuleChoice as error:
        return error_answer(422, str(error))
    except KravError as error:
        return error_answer(400, str(error))
