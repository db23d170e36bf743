"""Configuration: ``kravkoll.toml`` or ``[tool.kravkoll]`` in ``pyproject.toml``.

Found by walking up from the checked path; command-line options override it. Keys::

    rulesets = ["sv-krav", "./vara-regler.krav"]   # default: shipped rulesets of the document's language
    select   = ["sv-avtal/*", "unmeasurable"]        # rule ids, short ids, categories or globs
    ignore   = ["sv-krav/UTAN-ID"]
    fail-on  = "error"                              # error | warning | info | never
    lang     = "sv"                                 # sv | en: skip language detection
    exclude  = ["arkiv/**", "*.utkast.md"]           # globs of paths not to check
    timeout  = 60                                   # seconds per document (default: no limit)
    [severity]
    "sv-krav/OPPEN-LISTA" = "info"
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import KravError, first_problem
from .files import open_regular
from .rulemodel import Rule, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FailOn = Literal["error", "warning", "info", "never"]
CONFIG_NAMES = ("kravkoll.toml", ".kravkoll.toml")
CONFIG_KEYS = ("rulesets", "select", "ignore", "severity", "fail-on", "lang", "exclude")


class Config(BaseModel):
    """Settings for a check; every field can also be given on the command line."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    rulesets: list[str] | None = Field(default=None, description="ruleset names or paths; None: shipped rulesets of each document's language")
    select: list[str] = Field(default_factory=list, description="only these rules (ids, short ids, categories, globs)")
    ignore: list[str] = Field(default_factory=list, description="not these rules")
    severity: dict[str, Severity] = Field(default_factory=dict, description="per-rule severity overrides")
    fail_on: FailOn = Field(default="error", alias="fail-on")
    lang: Literal["sv", "en"] | None = None
    exclude: list[str] = Field(default_factory=list)
    timeout: float | None = Field(default=None, gt=0, description="seconds one document may take to read and check; None: no limit")
    base_dir: Path | None = Field(default=None, exclude=True, description="folder of the config file; ruleset paths are relative to it")
    source: str | None = Field(default=None, exclude=True)

    def rule_enabled(self, rule: Rule) -> bool:
        """Whether ``rule`` runs under ``select`` and ``ignore``."""
        if self.select and not any(rule_matches(rule, p) for p in self.select):
            return False
        return not any(rule_matches(rule, p) for p in self.ignore)

    def severity_of(self, rule: Rule) -> Severity:
        for pattern, severity in self.severity.items():
            if rule_matches(rule, pattern):
                return severity
        return rule.severity

    def excluded(self, path: Path) -> bool:
        """Whether ``exclude`` names the path (globs relative to the configuration's folder)."""
        text = path.as_posix()
        if self.base_dir is not None:
            try:
                text = path.resolve().relative_to(self.base_dir.resolve()).as_posix()
            except ValueError:
                pass
        return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(text, f"*/{p}") for p in self.exclude)


def rule_matches(rule: Rule, pattern: str) -> bool:
    """A selector matches a rule by full id, short id, category, or glob over the full id."""
    if pattern in (rule.full_id, rule.id, rule.category):
        return True
    if any(ch in pattern for ch in "*?["):
        return fnmatch.fnmatchcase(rule.full_id, pattern) or fnmatch.fnmatchcase(rule.id, pattern)
    return False


def validate_selectors(patterns: Iterable[str], rules: Iterable[Rule]) -> list[str]:
    """The selectors (``select``, ``ignore``, ``severity`` keys) that match none of ``rules``:
    typos, for a warning."""
    known = list(rules)
    return [p for p in patterns if not any(rule_matches(rule, p) for rule in known)]


def find_config(start: Path) -> Path | None:
    """The nearest ``kravkoll.toml`` (or ``pyproject.toml`` with ``[tool.kravkoll]``) upward."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file():
                return candidate
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file() and "[tool.kravkoll]" in _read(pyproject):
            return pyproject
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def load_config(path: Path) -> Config:
    """Read a configuration file; raise :class:`KravError` naming the file and the problem."""
    try:
        with open_regular(path) as handle:
            data = tomllib.loads(handle.read().decode("utf-8"))
    except OSError as error:
        raise KravError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise KravError(f"{path}: configuration must be UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise KravError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("kravkoll", {})
    unknown = [key for key in data if key not in CONFIG_KEYS]
    if unknown:
        raise KravError(f"{path}: unknown key '{unknown[0]}' (known keys: {', '.join(CONFIG_KEYS)})")
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        raise KravError(f"{path}: {first_problem(error)}") from None
    return config.model_copy(update={"base_dir": path.parent, "source": str(path)})
