"""Reports written as JSON without pydantic's serializer (checker/modelbase.py ``dumped_json``,
what ``check --format json`` writes with): the same text as ``model_dump_json(indent=2)`` for
any report; and configurations made without pydantic's validator: the one a run without a file
starts from (``default_config``) the same as ``Config()``, one read from a file's values
(``read_config``) the same as validating them, or the same error."""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from checker.config import _FIELD_OF_KEY, _PLAIN_VALUES, Config, config_keys, default_config, read_config
from checker.engine import check
from checker.errors import first_problem
from checker.modelbase import Model, NotPlain, dumped_json, json_text
from checker.readers import read_document
from checker.report import Finding, Matrix, Report, TraceRow
from checker.rulemodel import Example

# Text of every kind the JSON writers escape differently if at all: control characters, quotes,
# backslashes, non-ASCII letters, U+2028, astral characters (no lone surrogates: see below).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", '"', "\\", "\x00\x1f\x7f", "\u2028\u2029", "åäö €", "😀", "</script>"]
)


def values(annotation: Any) -> st.SearchStrategy[Any]:
    """Values a field of the type ``annotation`` may hold, nested models made by ``model_construct``
    (what the check builds them with) from values of their fields' types."""
    origin = get_origin(annotation)
    if annotation is str:
        return TEXT
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(min_value=-(2**63), max_value=2**63 - 1)
    if annotation is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if annotation is type(None):
        return st.none()
    if annotation is Path:
        return st.builds(Path, st.sampled_from(["a", "/tmp/b"]))
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if origin in (Union, types.UnionType):
        return st.one_of(*(values(member) for member in get_args(annotation)))
    if origin is list:
        return st.lists(values(get_args(annotation)[0]), max_size=3)
    if origin is dict:
        key, item = get_args(annotation)
        return st.dictionaries(TEXT, values(item), max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return instances(annotation)
    raise TypeError(f"no strategy for {annotation!r}")


def instances(model: type[Model]) -> st.SearchStrategy[Model]:
    """Instances of ``model``: each field given a value of its type or left to its default."""
    fields = {name: values(field.annotation) for name, field in model.model_fields.items() if field.is_required()}
    optional = {name: values(field.annotation) for name, field in model.model_fields.items() if not field.is_required()}
    return st.fixed_dictionaries(fields, optional=optional).map(lambda data: model.model_construct(**data))


def written_alike(model: Model) -> None:
    assert dumped_json(model) == model.model_dump_json(indent=2)


@settings(max_examples=150, deadline=None)
@given(instances(Report))
def test_a_report_is_written_as_pydantic_writes_it(report: Report) -> None:
    written_alike(report)


@settings(max_examples=150, deadline=None)
@given(st.lists(instances(Finding), max_size=6))
def test_findings_are_written_as_pydantic_writes_them(findings: list[Finding]) -> None:
    written_alike(Report.model_construct(findings=findings))


@settings(max_examples=60, deadline=None)
@given(instances(Matrix))
def test_a_model_with_a_computed_field_is_written_as_pydantic_writes_it(matrix: Matrix) -> None:
    """The matrix's rows compute their ``status``, written after their fields."""
    written_alike(matrix)


def _models(base: type[Model]) -> list[type[Model]]:
    return [base, *(model for sub in base.__subclasses__() for model in _models(sub))]


def test_the_computed_fields_json_text_writes_are_the_twins_and_the_twin_has_no_serializer() -> None:
    """A model whose twin namespace json_text trusts (``_twin_computed``) gives its twin exactly
    those computed fields and no serializer of its own, so that the two write the same JSON."""
    from checker.modeltwin import twin_of

    trusted = [model for model in _models(Model) if model._twin_computed]
    assert TraceRow in trusted
    for model in trusted:
        twin = twin_of(model)
        assert tuple(twin.model_computed_fields) == model._twin_computed
        decorators = twin.__pydantic_decorators__
        assert not decorators.field_serializers and not decorators.model_serializers


@settings(max_examples=100, deadline=None)
@given(instances(Config))
def test_a_configuration_with_aliases_floats_and_excluded_fields_is_written_as_pydantic_writes_it(config: Config) -> None:
    written_alike(config)


@given(instances(Finding))
def test_text_that_is_not_unicode_or_a_field_left_out_fails_as_in_pydantic(finding: Finding) -> None:
    """A lone surrogate, or a required field a model made by ``model_construct`` lacks: pydantic
    writes the JSON, so the error is its own."""
    broken = [finding.model_copy(update={"message": "a \ud800 b"}), Finding.model_construct(**{k: v for k, v in finding.__dict__.items() if k != "title"})]
    for report in (Report.model_construct(findings=[model]) for model in broken):
        errors = []
        for write in (dumped_json, lambda model: model.model_dump_json(indent=2)):
            try:
                errors.append(write(report))
            except Exception as error:  # noqa: BLE001 - the two must fail alike
                errors.append(str(error))
        assert errors[0] == errors[1]


def test_a_checked_report_is_written_as_pydantic_writes_it_and_reads_back_to_itself(tmp_path: Path) -> None:
    """The report a check builds with ``model_construct`` is one validation would accept as it is."""
    page = tmp_path / "page.md"
    page.write_text("# Delivery\n\nThe supplier shall deliver promptly.\n\nLeverantören ska svara snabbt.\n", encoding="utf-8")
    report = check([read_document(page, language="en")])
    assert report.findings
    written_alike(report)
    assert Report.model_validate_json(dumped_json(report)) == report


# What json_text writes: JSON's values but floats, nested, and models among them.
PLAIN_SCALARS = TEXT | st.integers() | st.booleans() | st.none()
PLAIN_VALUES = st.recursive(
    PLAIN_SCALARS | instances(Finding),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=12,
)


def _as_json(value: Any) -> Any:
    """``value`` with each model replaced by its fields' dictionary, for ``json.dumps``."""
    if isinstance(value, Model):
        return {name: _as_json(item) for name, item in value.__dict__.items()}
    if isinstance(value, (list, tuple)):
        return [_as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    return value


@settings(max_examples=300, deadline=None)
@given(PLAIN_VALUES)
def test_json_text_writes_what_json_writes_with_an_indent_of_two(value: Any) -> None:
    """Byte for byte ``json.dumps(ensure_ascii=False, indent=2)``: empty lists and objects,
    tuples as lists, every escape, models as their fields in order."""
    assert json_text(value) == json.dumps(_as_json(value), ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    "value",
    [
        1.5,
        [1, 0.5],
        {"a": float("nan")},
        {1: "a"},
        {"a": "\ud800"},
        ["b\udfff"],
        [TraceRow.model_construct()],
        Example.model_construct(expect="pass", text="x", line=1),
        {"a": object()},
    ],
)
def test_json_text_leaves_floats_other_keys_lone_surrogates_missing_fields_and_serializers_to_its_caller(value: Any) -> None:
    with pytest.raises(NotPlain):
        json_text(value)


def test_the_default_configuration_is_config() -> None:
    made = default_config()
    assert made == Config() and made.model_fields_set == Config().model_fields_set == set()


# What a TOML table holds: texts, whole numbers, floats (inf and nan too), yes/no, arrays, tables.
TOML_SCALARS = st.one_of(
    st.sampled_from(["error", "warning", "info", "never", "sv", "en", "supplier", "buyer", "60", "", "x"]),
    TEXT,
    st.integers(min_value=-5, max_value=10**20) | st.sampled_from([2**63, 10**400]),
    st.floats(),
    st.booleans(),
)
TOML_VALUES = st.recursive(
    TOML_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "sv-krav/X", "*"]) | TEXT, inner, max_size=3), max_leaves=6
)
KEYS = st.sampled_from([*config_keys(), "fail_on", "base_dir", "unknown"])


def _validated(data: dict[str, Any]) -> Config | str:
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        return first_problem(error)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(KEYS, TOML_VALUES, max_size=4) | st.dictionaries(KEYS, TOML_SCALARS | st.lists(TOML_SCALARS, max_size=3), max_size=4))
def test_a_configuration_read_without_pydantic_is_the_validated_one_or_the_same_error(data: dict[str, Any]) -> None:
    expected = _validated(data)
    try:
        made: Config | str = read_config(data)
    except ValidationError as error:
        made = first_problem(error)
    assert made == expected
    if isinstance(made, Config) and isinstance(expected, Config):
        assert made.model_fields_set == expected.model_fields_set
        assert [type(value) for value in made.__dict__.values()] == [type(value) for value in expected.__dict__.values()]


@pytest.mark.parametrize(
    "data",
    [
        {
            "fail-on": "never",
            "timeout": 60,
            "select": ["a"],
            "severity": {"x": "info"},
            "lang": "sv",
            "rulesets": ["en-base"],
            "exclude": ["*.md"],
            "ignore": ["b"],
            "party": ["supplier", "buyer"],
        },
        {"timeout": 0.5},
        {"severity": {}},
    ],
)
def test_plain_configurations_are_read_without_pydantic(data: dict[str, Any]) -> None:
    """Every key of a configuration file has its plain reading, and these take it (the whole
    file's values as they are, a timeout as a float)."""
    assert set(_PLAIN_VALUES) == set(_FIELD_OF_KEY.values())
    assert all(_PLAIN_VALUES[_FIELD_OF_KEY[key]](value) for key, value in data.items())
    assert read_config(data) == Config.model_validate(data)
