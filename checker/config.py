"""Configuration: ``kravkoll.toml`` or ``[tool.kravkoll]`` in ``pyproject.toml``.

Found by walking up from the checked path; command-line options override it. Keys::

    rulesets = ["sv-krav", "./vara-regler.krav"]   # default: shipped rulesets of the document's language
    select   = ["sv-avtal/*", "unmeasurable"]        # rule ids, short ids, categories or globs
    ignore   = ["sv-krav/UTAN-ID"]
    party    = ["supplier"]                         # only findings on these parties' statements
    fail-on  = "error"                              # error | warning | info | never
    lang     = "sv"                                 # sv | en: skip language detection
    exclude  = ["arkiv/**", "*.utkast.md"]           # globs of paths not to check
    timeout  = 60                                   # seconds per document (default: no limit)
    [severity]
    "sv-krav/OPPEN-LISTA" = "info"
"""

from __future__ import annotations

import fnmatch
import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, get_args

from .errors import KravError, first_problem
from .files import open_regular
from .modelbase import Field, Model, empty_dict, empty_list
from .report import Party
from .rulemodel import Category, Rule, Severity

FailOn = Literal["error", "warning", "info", "never"]
Lang = Literal["sv", "en"]
CONFIG_NAMES = ("kravkoll.toml", ".kravkoll.toml")
BATCH_TIMEOUT = 120.0  # seconds per document in a run over several: 100 times the 300-page benchmark


class Config(Model):
    """Settings for a check; every field can also be given on the command line.

    Validated by pydantic (its twin, :mod:`checker.modeltwin`) only when a configuration file
    holds a value :func:`read_config` does not take as it is: a check without one starts from
    :func:`default_config` and the command line's options, which click has checked, and
    imports no pydantic."""

    model_config = {"extra": "forbid", "populate_by_name": True}

    rulesets: list[str] | None = Field(default=None, description="ruleset names or paths; None: shipped rulesets of each document's language")
    select: list[str] = Field(default_factory=empty_list, description="only these rules (ids, short ids, categories, globs)")
    ignore: list[str] = Field(default_factory=empty_list, description="not these rules")
    severity: dict[str, Severity] = Field(default_factory=empty_dict, description="per-rule severity overrides")
    party: list[Party] = Field(
        default_factory=empty_list,
        description="only findings on statements that bind these parties (supplier, buyer, mutual, tenderer); findings on"
        " statements that bind no party by kravkoll's reading, and on the whole document, stay. Empty: every finding",
    )
    fail_on: FailOn = Field(default="error", alias="fail-on")
    lang: Lang | None = None
    exclude: list[str] = Field(default_factory=empty_list)
    timeout: float | None = Field(default=None, gt=0, description="seconds one document may take to read and check; None: no limit")
    base_dir: Path | None = Field(default=None, exclude=True, description="folder of the config file; ruleset paths are relative to it")
    source: str | None = Field(default=None, exclude=True)

    def for_documents(self, count: int) -> Config:
        """This configuration for a run over ``count`` documents: a batch gets
        :data:`BATCH_TIMEOUT` per document when no timeout is set, so that one hostile file
        cannot hold up a pipeline; a single document keeps no limit."""
        if self.timeout is not None or count < 2:
            return self
        return self.model_copy(update={"timeout": BATCH_TIMEOUT})

    def rule_enabled(self, rule: Rule) -> bool:
        """Whether ``rule`` runs under ``select`` and ``ignore`` (as :func:`rule_matches` reads
        each entry; asked for every rule of every document, so by sets, not entry by entry:
        ``rules test`` asks it of every rule for each example, quadratic in the rules)."""
        if self.select and not _selected(rule, tuple(self.select)):
            return False
        return not (self.ignore and _selected(rule, tuple(self.ignore)))

    def keeps_party(self, party: str | None) -> bool:
        """Whether a finding on a statement that binds ``party`` (None: no party, or the whole
        document) is kept under ``party``: one that binds another party is left out."""
        return not self.party or party is None or party in self.party

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


def default_config() -> Config:
    """The configuration of a run without a configuration file: ``Config()``, every field its
    default (none set), made without the validation that would only confirm them."""
    return Config.model_construct()


def config_keys() -> list[str]:
    """The keys a configuration file may have: the fields of :class:`Config` (by their alias)
    that it does not fill in itself, so that the model, the loader and the docs cannot drift."""
    return [field.alias or name for name, field in Config.model_fields.items() if not field.exclude]


@lru_cache(maxsize=256)
def _selector(patterns: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Selector entries as the names they are (full ids, short ids, categories) and the globs."""
    globs = tuple(p for p in patterns if any(ch in p for ch in "*?["))
    return frozenset(patterns).difference(globs), globs


def _selected(rule: Rule, patterns: tuple[str, ...]) -> bool:
    """Whether an entry of ``patterns`` matches ``rule`` (:func:`rule_matches` of any of them)."""
    names, globs = _selector(patterns)
    if rule.full_id in names or rule.id in names or rule.category in names:
        return True
    return any(fnmatch.fnmatchcase(rule.full_id, p) or fnmatch.fnmatchcase(rule.id, p) for p in globs)


def rule_matches(rule: Rule, pattern: str) -> bool:
    """A selector matches a rule by full id, short id, category, or glob over the full id."""
    if pattern in (rule.full_id, rule.id, rule.category):
        return True
    if any(ch in pattern for ch in "*?["):
        return fnmatch.fnmatchcase(rule.full_id, pattern) or fnmatch.fnmatchcase(rule.id, pattern)
    return False


def unknown_selector(pattern: str, rules: Iterable[Rule], ruleset_names: Iterable[str], in_document: bool = False) -> str | None:
    """Why a selector (a ``select``, ``ignore`` or ``severity`` entry, or a rule named in a
    suppression comment) names no rule, with the closest rule id; None when it names one.

    It names a rule when it matches one of ``rules`` (the rules of the rulesets in use), is a
    category, or is a full id or glob of another ruleset in ``ruleset_names`` (a configuration
    shared by documents in several languages names rules that only some runs use). A
    suppression comment (``in_document``) takes only ids, ``*`` and ``all``: no categories or globs.
    """
    known = list(rules)
    if in_document:
        if pattern in ("*", "all") or any(pattern in (rule.full_id, rule.id) for rule in known):
            return None
    elif pattern in ("*", "all") or pattern in get_args(Category) or any(rule_matches(rule, pattern) for rule in known):
        return None
    ruleset, slash, _ = pattern.rpartition("/")
    in_use = {rule.ruleset for rule in known}
    if (
        slash
        and ruleset not in in_use
        and any(fnmatch.fnmatchcase(name, ruleset) for name in ruleset_names)
        and not (in_document and any(ch in pattern for ch in "*?["))
    ):
        return None
    candidates = sorted({rule.full_id for rule in known} | ({rule.id for rule in known} if not slash else set()))
    by_upper = {candidate.upper(): candidate for candidate in candidates}
    import difflib  # noqa: PLC0415 - only for a name that matches nothing

    close = difflib.get_close_matches(pattern.upper(), list(by_upper), n=1, cutoff=0.6)
    hint = f"; did you mean '{by_upper[close[0]]}'?" if close else ""
    where = ", ".join(sorted(in_use)) or "the rulesets in use"
    return f"'{pattern}' matches no rule of {where}{hint}"


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
    # The TOML parser only when a file is read: most checks have no configuration (2.5 ms of imports).
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # noqa: PLC0415
    try:
        with open_regular(path) as handle:
            data = tomllib.loads(handle.read().decode("utf-8"))
    except OSError as error:
        raise KravError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise KravError(f"{path}: configuration must be UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise KravError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise KravError(f"{path}: invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        data = tool.get("kravkoll", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise KravError(f"{path}: [tool.kravkoll] must be a table")
    known = config_keys()
    unknown = [key for key in data if key not in known]
    if unknown:
        import difflib  # noqa: PLC0415 - only for an unknown key

        hint = difflib.get_close_matches(unknown[0], known, n=1)
        guess = f"did you mean '{hint[0]}'? " if hint else ""
        raise KravError(f"{path}: unknown key '{unknown[0]}' ({guess}known keys: {', '.join(known)})")
    try:
        config = read_config(data)
    except ValueError as error:  # pydantic's ValidationError is one; pydantic is imported only if it validated
        from pydantic import ValidationError  # noqa: PLC0415

        if not isinstance(error, ValidationError):
            raise
        raise KravError(f"{path}: {first_problem(error)}") from None
    return config.model_copy(update={"base_dir": path.parent, "source": str(path)})


def read_config(data: dict[str, Any]) -> Config:
    """``Config.model_validate(data)`` for the table of a configuration file. When each value is
    of its key's type as TOML gives it (:data:`_PLAIN_VALUES`), the configuration is made
    without validation (and without importing pydantic), as a check without a configuration
    file is; any other value (one to refuse, or one pydantic would
    convert, as the text "60" for ``timeout``) is validated by pydantic, error messages and all."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = _FIELD_OF_KEY.get(key) if type(key) is str else None
        plain = _PLAIN_VALUES.get(name) if name is not None else None
        if plain is None or not plain(value):
            return Config.model_validate(data)
        values[name] = float(value) if name == "timeout" else value  # type: ignore[index] # name is a field: plain() was found
    return Config.model_construct(**values)


def _texts(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


_FIELD_OF_KEY = {field.alias or name: name for name, field in Config.model_fields.items() if not field.exclude}
"""The field each key of a configuration file fills in (``fail-on``: ``fail_on``)."""
_PLAIN_VALUES: dict[str, Callable[[Any], bool]] = {
    "rulesets": _texts,
    "select": _texts,
    "ignore": _texts,
    "exclude": _texts,
    "party": lambda value: type(value) is list and all(type(item) is str and item in get_args(Party) for item in value),
    "severity": lambda value: type(value) is dict and all(type(item) is str and item in get_args(Severity) for item in value.values()),
    "fail_on": lambda value: type(value) is str and value in get_args(FailOn),
    "lang": lambda value: type(value) is str and value in get_args(Lang),
    "timeout": lambda value: (type(value) is float and math.isfinite(value) and value > 0) or (type(value) is int and 0 < value < 2**63),
}
"""Per field, whether a value is one validation keeps as it is (a ``timeout`` as its float):
what :func:`read_config` takes without pydantic (a test checks each against validation)."""
