"""Finding and reading rule files: shipped rulesets, ``--ruleset`` references, ``extends`` names."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from ..errors import Diagnostic, KravError, RuleError
from ..files import open_regular
from ..lazyre import lazy_compile
from ..paths import shipped_rulesets_dir
from ..rulelimits import did_you_mean

# A 1 MiB rule file of 95,000 short terms takes 5 s and 230 MB to check a page with; 3.5 MiB took
# 13 s and 700 MB. The largest shipped ruleset is under 60 KB.
MAX_RULE_FILE_BYTES = 1024 * 1024


def shipped_ruleset_names() -> list[str]:
    """Names of the rulesets that ship with kravkoll."""
    return sorted(p.stem for p in shipped_rulesets_dir().glob("*.krav"))


@cache
def shipped_ruleset_language(name: str) -> str:
    """The language a shipped ruleset declares (read from its header only)."""
    path = shipped_ruleset_path(name)
    if path is None:
        return "any"
    match = re.search(r"(?m)^\s*language\s+(\w+)", read_rule_file(path))
    return match.group(1) if match else "any"


def shipped_ruleset_path(name: str) -> Path | None:
    path = shipped_rulesets_dir() / f"{name}.krav"
    return path if is_file(path) else None


def is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False also for a name the file system refuses (too long, ...)."""
    try:
        return path.is_file()
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return False


def _is_special(path: Path) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder (a pipe, a device)."""
    try:
        return path.exists() and not path.is_dir() and not path.is_file()
    except (OSError, ValueError):
        return False


def resolve_ruleset_reference(reference: str | Path, base_dir: Path | None = None) -> Path:
    """A ``--ruleset`` value (a path, or the name of a shipped ruleset) as a file path."""
    text = str(reference)
    candidate = Path(text)
    if base_dir is not None and not candidate.is_absolute():
        based = base_dir / candidate
        if is_file(based) or is_file(based.with_suffix(".krav")):
            candidate = based
    if is_file(candidate) or _is_special(candidate):  # a pipe too: reading it says why it is refused
        return candidate
    if candidate.suffix != ".krav" and is_file(candidate.with_suffix(".krav")) and ("/" in text or "\\" in text):
        return candidate.with_suffix(".krav")
    shipped = shipped_ruleset_path(text)
    if shipped is not None:
        return shipped
    if "/" in text or "\\" in text or text.endswith(".krav"):
        raise KravError(f"{text}: no such rule file")
    hint = did_you_mean(text, shipped_ruleset_names())
    raise KravError(f"{text}: no shipped ruleset or rule file of that name{hint} (shipped: {', '.join(shipped_ruleset_names())})")


def read_rule_file(path: Path) -> str:
    """The text of a rule file; :class:`KravError` when it cannot be read, :class:`RuleError`
    (with line and column) when it is not UTF-8."""
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_RULE_FILE_BYTES:
                raise KravError(f"{path}: rule file is too large ({size} bytes; the limit is {MAX_RULE_FILE_BYTES})")
            data = handle.read()
    except FileNotFoundError:
        raise KravError(f"{path}: no such rule file") from None
    except IsADirectoryError:
        raise KravError(f"{path}: is a folder, not a rule file") from None
    except OSError as error:
        raise KravError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RuleError([_not_utf8(str(path), data, error.start)]) from None


def _not_utf8(path: str, data: bytes, offset: int) -> Diagnostic:
    """Where a rule file stops being UTF-8, and how to re-save it."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line_end = data.find(b"\n", offset)
    source = data[line_start : line_end if line_end >= 0 else len(data)].decode("utf-8", errors="replace")
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    message = (
        f"byte 0x{data[offset]:02x} is not UTF-8 (the file is probably saved as Latin-1 or Windows-1252); "
        "rule files must be UTF-8: re-save it with the encoding UTF-8 (e.g. iconv -f windows-1252 -t utf-8)"
    )
    return Diagnostic(path, line, column, message, source)


MAX_RULESET_NAME = 100
"""Longest ruleset name; longer ones are no file name a file system accepts everywhere."""
RULESET_NAME = lazy_compile(r"[^\W_][\w.-]*")


def extended_file(name: str, folder: Path) -> Path | None:
    """The file ``extends "name"`` means: ``name.krav`` in ``folder``, else the shipped ruleset."""
    local = folder / f"{name}.krav"
    return local if is_file(local) else shipped_ruleset_path(name)


def valid_ruleset_name(name: str) -> bool:
    return len(name) <= MAX_RULESET_NAME and RULESET_NAME.fullmatch(name) is not None


def line_of(lines: list[str], line: int) -> str:
    """Line ``line`` (1-based) of ``lines``, or "" past their end."""
    return lines[line - 1] if 0 < line <= len(lines) else ""
