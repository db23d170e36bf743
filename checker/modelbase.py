"""The base of kravkoll's models (the rule language, the document, the report, the
configuration): plain classes declared once, and their pydantic models made from the same
declaration when something needs pydantic (:mod:`checker.modeltwin`).

A model is a class of :class:`Model` with annotated fields, each with its default or a
:func:`Field` (default, factory, description, alias, constraints): what a pydantic model says,
read by a small metaclass instead of pydantic's. Its instances are plain objects whose
``__dict__`` holds the fields in order. Making one from valid values (``model_construct``,
:func:`checker.document.trusted`, :func:`rebuilt` from the rule cache's JSON), copying it,
comparing it and writing it as JSON (:func:`dumped_json`) need no pydantic, so that a one-file
check imports none (``pydantic`` alone costs more than a third of a one-page check). Validation
(``Model(...)``, ``model_validate``), ``model_dump``, ``model_dump_json`` and the JSON Schemas
are pydantic's, by the model's *twin*: a pydantic model made from the same declaration when
first asked for, with the same name, docstring, fields and configuration, so that its schema is
the one the pydantic model itself had (``tests/test_modelbase_twin.py``).

Apart from :mod:`checker.rulemodel` so that the condition types (:mod:`checker.conditiontypes`),
which that module collects into its ``Condition`` union, can build on it without importing it.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, repeat
from json.encoder import encode_basestring as _quoted  # json's C function where Python has it
from types import UnionType
from typing import Annotated, Any, ClassVar, ForwardRef, Literal, NamedTuple, TypeVar, Union, get_args, get_origin

_M = TypeVar("_M", bound="Model")


def empty_list() -> list[Any]:
    """A new empty list: the default of a list field."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dictionary: the default of a dictionary field."""
    return {}


class _Required:
    """The default of a field that has none."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()
_IMMUTABLE = (type(None), str, int, float, bool, tuple, frozenset)


class FieldSpec:
    """What a model says of one field (pydantic's ``FieldInfo``, as far as kravkoll uses it):
    its default or default factory, description, alias, whether it is left out of the JSON
    (``exclude``), a union's ``discriminator`` and the constraints validation checks (``ge``,
    ``gt``). ``name`` and ``annotation`` are set when the model is declared."""

    __slots__ = ("_annotation", "alias", "constraints", "default", "default_factory", "description", "discriminator", "exclude", "module", "name")

    def __init__(
        self,
        default: Any = REQUIRED,
        *,
        default_factory: Callable[[], Any] | None = None,
        description: str | None = None,
        alias: str | None = None,
        exclude: bool | None = None,
        discriminator: str | None = None,
        **constraints: Any,
    ) -> None:
        self.default = default
        self.default_factory = default_factory
        self.description = description
        self.alias = alias
        self.exclude = exclude
        self.discriminator = discriminator
        self.constraints = constraints
        self.name = ""
        self.module = ""
        self._annotation: Any = None

    def is_required(self) -> bool:
        """Whether the field has neither a default nor a default factory."""
        return self.default is REQUIRED and self.default_factory is None

    def get_default(self, *, call_default_factory: bool = False) -> Any:
        """The field's default: a new one from its factory, a copy of a mutable one (as pydantic gives it)."""
        if self.default_factory is not None:
            return self.default_factory() if call_default_factory else None
        return self.default if isinstance(self.default, _IMMUTABLE) else copy.deepcopy(self.default)

    @property
    def annotation(self) -> Any:
        """The field's type; one written as text (a module with ``from __future__ import
        annotations``, a recursive condition's ``"Condition"``) is evaluated in the model's
        module when first asked for."""
        if isinstance(self._annotation, ForwardRef):
            self._annotation = self._annotation.__forward_arg__
        if isinstance(self._annotation, str):
            self._annotation = eval(self._annotation, vars(sys.modules[self.module]))  # noqa: S307 - an annotation of kravkoll's own source
        return self._annotation

    def pydantic_arguments(self) -> dict[str, Any]:
        """The arguments of ``pydantic.Field`` that say the same."""
        given = {
            "default_factory": self.default_factory,
            "description": self.description,
            "alias": self.alias,
            "exclude": self.exclude,
            "discriminator": self.discriminator,
        }
        arguments = {key: value for key, value in given.items() if value is not None}
        if self.default is not REQUIRED:
            arguments["default"] = self.default
        return {**arguments, **self.constraints}


def Field(default: Any = REQUIRED, **arguments: Any) -> Any:  # noqa: N802 - named as pydantic's, which it stands for
    """A field's default and what else a model says of it (see :class:`FieldSpec`)."""
    return FieldSpec(default, **arguments)


class _ModelClass(type):
    """Reads a model's declaration: its annotated fields (after its bases'), in order, with
    their defaults, into ``model_fields``; its configuration (``model_config``, merged with its
    bases'). Instances keep their fields in ``__dict__``: the class defines no other slots."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> _ModelClass:
        fields: dict[str, FieldSpec] = {}
        config: dict[str, Any] = {}
        for base in reversed(bases):
            fields.update(getattr(base, "model_fields", {}))
            config.update(getattr(base, "model_config", {}))
        config.update(namespace.pop("model_config", {}))
        for field, annotation in namespace.get("__annotations__", {}).items():
            if field.startswith("_") or (isinstance(annotation, str) and annotation.startswith("ClassVar")) or get_origin(annotation) is ClassVar:
                continue
            value = namespace.pop(field, REQUIRED)
            spec = value if isinstance(value, FieldSpec) else FieldSpec(value)
            spec.name, spec.module, spec._annotation = field, namespace["__module__"], annotation
            fields[field] = spec
        namespace.setdefault("__slots__", ())
        cls = super().__new__(mcs, name, bases, namespace)
        cls.model_fields = fields
        cls.model_config = config
        if "__hash__" not in namespace:
            hashed = namespace.get("_hash") or cls._hash
            cls.__hash__ = hashed if config.get("frozen") else None  # type: ignore[assignment,method-assign]
        return cls


class Model(metaclass=_ModelClass):
    """A model: made by validation (``Model(**values)``, :meth:`model_validate`, both by its
    pydantic twin) or from values that are valid already (:meth:`model_construct`); compared
    by type and fields; frozen when its configuration says so (and then hashable)."""

    __slots__ = ("__dict__", "_fields_set")
    model_fields: ClassVar[dict[str, FieldSpec]]
    model_config: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    _twin_namespace: ClassVar[Callable[[], dict[str, Any]] | None] = None
    """Validators, serializers and computed fields of the pydantic twin (which imports pydantic)."""
    _twin_validates: ClassVar[bool] = False
    """Whether ``_twin_namespace`` holds a validator: one that changes values, which
    :func:`rebuilt` cannot do."""
    _twin_computed: ClassVar[tuple[str, ...]] = ()
    """The properties ``_twin_namespace`` makes computed fields, when it holds nothing else its
    JSON would show (no serializer): :func:`json_text` writes them after the fields, as pydantic
    does, instead of leaving the model to pydantic (``tests/test_modelbase_dumped.py`` compares
    them with the twin's)."""

    def __init__(self, /, **data: Any) -> None:
        from .modeltwin import validated  # noqa: PLC0415 - pydantic only where a model is validated

        made = validated(type(self), data)
        _set_dict(self, made.__dict__)
        _set_fields_set(self, made._fields_set)

    @classmethod
    def model_validate(cls: type[_M], obj: Any) -> _M:
        """``obj`` validated as this model (pydantic's validation, by the twin)."""
        if isinstance(obj, cls):
            return obj
        from .modeltwin import validated  # noqa: PLC0415

        return validated(cls, obj)

    @classmethod
    def model_validate_json(cls: type[_M], text: str | bytes) -> _M:
        """The JSON text ``text`` validated as this model."""
        from .modeltwin import validated_json  # noqa: PLC0415

        return validated_json(cls, text)

    @classmethod
    def model_construct(cls: type[_M], _fields_set: set[str] | None = None, **values: Any) -> _M:
        """A model of ``values``, which are valid already, without validation (as pydantic's
        ``model_construct``: a field given by its alias or name, the others their defaults; a
        required field not given is left out)."""
        held: dict[str, Any] = {}
        given: set[str] = set()
        for name, field in cls.model_fields.items():
            if field.alias is not None and field.alias in values:
                held[name] = values.pop(field.alias)
                given.add(name)
            elif name in values:
                held[name] = values.pop(name)
                given.add(name)
            elif not field.is_required():
                held[name] = field.get_default(call_default_factory=True)
        made = _new(cls)
        _set_dict(made, held)
        _set_fields_set(made, given if _fields_set is None else _fields_set)
        return made

    def model_copy(self: _M, *, update: dict[str, Any] | None = None, deep: bool = False) -> _M:
        """A copy, with the fields of ``update`` replaced (and set)."""
        made = _new(type(self))
        _set_dict(made, copy.deepcopy(self.__dict__) if deep else dict(self.__dict__))
        _set_fields_set(made, set(self._fields_set))
        if update:
            made.__dict__.update(update)
            made._fields_set.update(update)
        return made

    @property
    def model_fields_set(self) -> set[str]:
        """The fields given when the model was made (not taken from their defaults)."""
        return self._fields_set

    def model_dump(self, **options: Any) -> Any:
        """pydantic's ``model_dump`` (by the twin)."""
        from .modeltwin import twin_value  # noqa: PLC0415

        return twin_value(self).model_dump(**options)

    def model_dump_json(self, **options: Any) -> str:
        """pydantic's ``model_dump_json`` (by the twin)."""
        from .modeltwin import twin_value  # noqa: PLC0415

        return twin_value(self).model_dump_json(**options)

    @classmethod
    def model_json_schema(cls, **options: Any) -> dict[str, Any]:
        """pydantic's JSON Schema of the model (by the twin)."""
        from .modeltwin import twin_of  # noqa: PLC0415

        return twin_of(cls).model_json_schema(**options)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model):
            return NotImplemented
        return type(other) is type(self) and self.__dict__ == other.__dict__

    def _hash(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __setattr__(self, name: str, value: Any) -> None:
        if self.model_config.get("frozen"):
            raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be set")
        if name not in self.model_fields:
            raise ValueError(f'"{type(self).__name__}" object has no field "{name}"')
        self.__dict__[name] = value
        self._fields_set.add(name)

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        yield from self.__dict__.items()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{name}={value!r}' for name, value in self.__dict__.items())})"

    def __getstate__(self) -> tuple[dict[str, Any], set[str]]:
        return self.__dict__, self._fields_set

    def __setstate__(self, state: tuple[dict[str, Any], set[str]]) -> None:
        _set_dict(self, state[0])
        _set_fields_set(self, state[1])

    def __copy__(self: _M) -> _M:
        return self.model_copy()

    def __deepcopy__(self: _M, memo: dict[int, Any] | None = None) -> _M:
        made = _new(type(self))
        _set_dict(made, copy.deepcopy(self.__dict__, memo))
        _set_fields_set(made, set(self._fields_set))
        return made


# The slots of a model, set through their descriptors (faster than object.__setattr__, and past
# a frozen model's __setattr__): reading 1 MB of real text makes some 100,000 models.
_new = object.__new__
_set_dict = Model.__dict__["__dict__"].__set__
_set_fields_set = Model.__dict__["_fields_set"].__set__


def made_of(model: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """A ``model`` holding ``values`` (valid already, every field in order) and ``fields_set``."""
    made = _new(model)
    _set_dict(made, values)
    _set_fields_set(made, fields_set)
    return made


class FrozenModel(Model):
    """A model of the rule language: immutable, and refusing fields it does not know."""

    model_config = {"extra": "forbid", "frozen": True}


class Pos(FrozenModel):
    """A position in a rule file (1-based)."""

    line: int
    column: int

    @classmethod
    def of(cls, item: Any) -> Pos:
        """Where a parse-tree token, or a subtree (by its ``meta``), starts; line and column 1
        for what has no position."""
        return made_of(cls, {"line": int(getattr(item, "line", 1) or 1), "column": int(getattr(item, "column", 1) or 1)}, {"line", "column"})


# ---- models rebuilt from their own JSON ------------------------------------------------------
# A warm check reads its compiled rulesets back from the rule cache (``checker.rulecache``), JSON
# that kravkoll wrote from validated models. Validating it with pydantic needs the ``Ruleset``'s
# validator built first: the schema of every rule model and condition type, more than validating
# takes. :func:`rebuilt` puts the models together from the JSON by their fields' annotations
# instead, checking each value's JSON type as it goes (a one-page check: 1,737 → 1,710 M
# instructions under callgrind).

_Rebuild = Callable[[Any], Any]
"""A JSON value as a field holds it (nested models rebuilt); raises ``ValueError`` for a value
of another type."""
_ABSENT = object()
_SCALARS: dict[Any, tuple[type, ...]] = {str: (str,), bool: (bool,), int: (int,), float: (int, float)}
"""The JSON types a scalar field's value may have."""


class _Plan(NamedTuple):
    """How a model is rebuilt: its field names, and each field with the one type a text or
    yes/no field's value has, the values a literal field's may have (None: another kind of
    field), how another field's value is rebuilt (None: any value) and what it takes when the
    JSON leaves it out. (Checked in :func:`rebuilt` itself: those are most of a ruleset's.)"""

    names: frozenset[str]
    fields: tuple[tuple[str, type | None, frozenset[str] | None, _Rebuild | None, Callable[[], Any]], ...]


_PLANS: dict[type[Model], _Plan] = {}


def rebuilt(model: type[_M], data: Any) -> _M:
    """The ``model`` whose JSON dump (``model_dump(mode="json")``) ``data`` is, without pydantic's
    validation: equal to ``model.model_validate(data)`` for such a dump. Nested models are
    rebuilt by their fields' annotations, a discriminated union's member by its discriminator; a
    field left out (one the dump excludes) takes its default. Raises ``ValueError`` for data
    of another shape: not an object, a key that is no field, a required field missing, a value
    of another JSON type, a literal or discriminator that is none of the type's. (Only the types
    kravkoll's rule models use are known: :func:`_rebuild_of` refuses other models.)"""
    plan = _PLANS.get(model) or _plan_of(model)
    if type(data) is not dict:
        raise ValueError(f"{model.__name__}: not an object")
    if not plan.names.issuperset(data):
        raise ValueError(f"{model.__name__}: unknown fields {sorted(data.keys() - plan.names)}")
    values: dict[str, Any] = {}
    for name, scalar, allowed, rebuild, absent in plan.fields:
        value = data.get(name, _ABSENT)
        if value is _ABSENT:
            value = absent()
        elif scalar is not None:
            if type(value) is not scalar:
                raise ValueError(f"{model.__name__}: {name} is not a {scalar.__name__}")
        elif allowed is not None:
            if type(value) is not str or value not in allowed:
                raise ValueError(f"{model.__name__}: {name} is none of {sorted(allowed)}")
        elif rebuild is not None:
            value = rebuild(value)
        values[name] = value
    return made_of(model, values, set(data))


def _plan_of(model: type[Model]) -> _Plan:
    """The plan of ``model``, worked out once (see :class:`_Plan`)."""
    if model.model_config.get("extra") != "forbid" or model._twin_validates:
        raise TypeError(f"{model.__name__}: only models that refuse unknown fields and change no value are rebuilt")
    fields = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        scalar = annotation if annotation in (str, bool) else None
        literal = get_origin(annotation) is Literal and all(type(value) is str for value in get_args(annotation))
        allowed = frozenset(get_args(annotation)) if literal else None
        rebuild = None if scalar or literal else _rebuild_of(annotation, field.discriminator)
        fields.append((name, scalar, allowed, rebuild, _absent(model, name, field)))
    plan = _PLANS[model] = _Plan(frozenset(model.model_fields), tuple(fields))
    return plan


def _absent(model: type[Model], name: str, field: FieldSpec) -> Callable[[], Any]:
    """What a field the JSON leaves out takes: its default (a new one from its factory, a copy
    of a mutable one, as pydantic gives it); for a required field, an error."""
    if field.is_required():

        def missing() -> Any:
            raise ValueError(f"{model.__name__}: {name} missing")

        return missing
    if field.default_factory is None and isinstance(field.default, _IMMUTABLE):
        default = field.default
        return lambda: default
    return partial(field.get_default, call_default_factory=True)


def _rebuild_of(annotation: Any, discriminator: Any = None) -> _Rebuild | None:
    """How a JSON value of the type ``annotation`` is checked and rebuilt (None: any value is one)."""
    origin = get_origin(annotation)
    if annotation is Any:
        return None
    if annotation is type(None):
        return partial(_checked, (type(None),))
    if annotation in _SCALARS:
        return partial(_checked, _SCALARS[annotation])
    if origin is Literal:
        return partial(_literal, frozenset(get_args(annotation)))
    if origin is Annotated:
        base, *extras = get_args(annotation)
        found = next((extra.discriminator for extra in extras if isinstance(extra, FieldSpec) and extra.discriminator), discriminator)
        return _rebuild_of(base, found)
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return partial(rebuilt, annotation)
    if origin in (Union, UnionType):
        members = get_args(annotation)
        others = [member for member in members if member is not type(None)]
        if len(others) == 1:
            return partial(_optional, _rebuild_of(others[0], discriminator) or _any)
        if discriminator is None:
            raise TypeError(f"cannot rebuild a union without a discriminator: {annotation!r}")
        return partial(_optional, _union_rebuild(others, discriminator)) if len(others) < len(members) else _union_rebuild(others, discriminator)
    if origin is list:
        (item,) = get_args(annotation)
        return _text_list if item is str else partial(_rebuilt_list, _rebuild_of(item) or _any)
    if origin is dict:
        key, item = get_args(annotation)
        if key is not str:
            raise TypeError(f"cannot rebuild {annotation!r}: JSON keys are text")
        return partial(_rebuilt_dict, _rebuild_of(item) or _any)
    raise TypeError(f"cannot rebuild {annotation!r}")


def _any(value: Any) -> Any:
    return value


def _checked(types: tuple[type, ...], value: Any) -> Any:
    if type(value) not in types:
        raise ValueError(f"{value!r} is not a {types[0].__name__}")
    return value


def _literal(allowed: frozenset[Any], value: Any) -> Any:
    if type(value) is not str or value not in allowed:
        raise ValueError(f"{value!r} is not one of {sorted(map(str, allowed))}")
    return value


def _optional(rebuild: _Rebuild, value: Any) -> Any:
    return None if value is None else rebuild(value)


def _union_rebuild(members: list[Any], discriminator: str) -> _Rebuild:
    """A discriminated union of models: the member whose ``discriminator`` field's one literal
    value the JSON object's names."""
    by_tag: dict[str, type[Model]] = {}
    for member in members:
        (tag,) = get_args(member.model_fields[discriminator].annotation)
        by_tag[tag] = member

    def rebuild(value: Any) -> Any:
        tag = value.get(discriminator) if type(value) is dict else None
        member = by_tag.get(tag) if type(tag) is str else None  # a list or object is no tag (unhashable)
        if member is None:
            raise ValueError(f"no member of the union for {value!r:.80}")
        return rebuilt(member, value)

    return rebuild


def _text_list(value: Any) -> list[str]:
    """A list of texts (a term list's thousands: their types checked in C)."""
    if type(value) is not list or not _TEXT.issuperset(map(type, value)):
        raise ValueError(f"{value!r:.80} is not a list of texts")
    return value


_TEXT = frozenset([str])


def _rebuilt_list(each: _Rebuild, value: Any) -> list[Any]:
    if type(value) is not list:
        raise ValueError(f"{value!r:.80} is not a list")
    return [each(item) for item in value]


def _rebuilt_dict(each: _Rebuild, value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise ValueError(f"{value!r:.80} is not an object")
    return {key: each(item) for key, item in value.items()}


# ---- models written as JSON ------------------------------------------------------------------
# ``model_dump_json`` needs the model's serializer, which pydantic builds from the core schema of
# every model the report holds (and, for the first of a run, imports ``importlib.metadata`` for its
# plugins): for a one-page check more than writing takes. :func:`dumped_json` writes the same text.
# And Python's ``json`` writes an indented text by its pure-Python encoder (its C encoder knows no
# indentation before Python 3.14): the report of a megabyte of English, 2.7 MB of JSON, took it
# some 80 ms with the values copied out of the models first. :func:`json_text` writes the same
# text from the models themselves, each text escaped by ``json``'s own C function, in about 40.


class NotPlain(Exception):
    """A value :func:`json_text` does not write (its caller writes it as before)."""


_WRITTEN: dict[type[Model], tuple[tuple[str, ...], tuple[str, ...]] | None] = {}
"""The fields each model is written with, in order, and their keys as written (``"name": ``),
its computed fields' after them; None for a model whose JSON is not its fields' values as they
are (excluded fields, aliases, serializers of its own)."""


def dumped_json(model: Model) -> str:
    """``model.model_dump_json(indent=2)``, without building the model's serializer when every
    value in it is text, a whole number, a yes/no, null, a list or a model of such values whose
    fields are written as they are, and its computed fields of ``_twin_computed`` after them
    (Python's JSON writes those exactly as pydantic-core does: the same escapes, non-ASCII as it
    is, the same indentation; :func:`json_text` writes them as Python's JSON does). Anything else
    (a float, whose digits the two write differently, a serializer of its own, text that is not
    valid Unicode, a field a model made by ``model_construct`` lacks) is written by pydantic,
    whole."""
    try:
        return json_text(model)
    except NotPlain:
        return model.model_dump_json(indent=2)


def json_text(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` of text, whole numbers, yes/no, null,
    lists, tuples, dictionaries with text keys, and models whose fields are written as they are
    (:func:`dumped_json`), written as their fields' dictionary; raises :class:`NotPlain` for
    anything else (a float, a key that is not text, a field a model lacks, text with a lone
    surrogate, which no UTF-8 output can hold, nesting deeper than Python recurses), so that
    the caller writes such a value as it did before this writer."""
    pieces: list[str] = []
    try:
        _write(value, "\n", pieces)
    except (KeyError, AttributeError, RecursionError):  # a field missing (a computed field reads it)
        raise NotPlain from None
    text = "".join(pieces)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise NotPlain from None
    return text


def _write(value: Any, newline: str, pieces: list[str]) -> None:
    """Append the JSON of ``value`` to ``pieces``, its inner lines indented past ``newline`` (a
    line break and the indentation of the line ``value`` starts on)."""
    kind = type(value)
    if kind is str:
        pieces.append(_quoted(value))
    elif value is None:
        pieces.append("null")
    elif kind is int:
        pieces.append(int.__repr__(value))
    elif kind is bool:
        pieces.append("true" if value else "false")
    elif kind is list or kind is tuple:
        _write_items(repeat("", len(value)), value, "[]", newline, pieces)
    elif kind is dict:
        if not all(type(key) is str for key in value):
            raise NotPlain
        _write_items([_quoted(key) + ": " for key in value], value.values(), "{}", newline, pieces)
    elif isinstance(value, Model):
        fields = _WRITTEN[kind] if kind in _WRITTEN else _written_fields(kind)
        if fields is None:
            raise NotPlain
        names, keys = fields
        values: Iterable[Any] = map(value.__dict__.__getitem__, names)
        if kind._twin_computed:
            values = chain(values, [getattr(value, name) for name in kind._twin_computed])
        _write_items(keys, values, "{}", newline, pieces)
    else:
        raise NotPlain


def _write_items(keys: Iterable[str], items: Iterable[Any], brackets: str, newline: str, pieces: list[str]) -> None:
    """Append a list's items (each key empty) or an object's values (each key written with its
    colon), one a line, between ``brackets``. A text or null, most of a report's values, is
    written here, without a call of :func:`_write`."""
    inner = newline + "  "
    separator = brackets[0] + inner
    for key, item in zip(keys, items):
        kind = type(item)
        if kind is str:
            pieces.append(separator + key + _quoted(item))
        elif item is None:
            pieces.append(separator + key + "null")
        else:
            pieces.append(separator + key)
            _write(item, inner, pieces)
        separator = "," + inner
    pieces.append(newline + brackets[1] if separator[0] == "," else brackets)


def _written_fields(model: type[Model]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The fields ``model`` is written with, worked out once (see :data:`_WRITTEN`)."""
    plain = not (
        (model._twin_namespace is not None and not model._twin_computed)  # serializers of its own
        or model.model_config.get("serialize_by_alias")
        or model.model_config.get("extra") == "allow"
        or any(field.exclude for field in model.model_fields.values())
    )
    keys = tuple(_quoted(name) + ": " for name in (*model.model_fields, *model._twin_computed))
    fields = _WRITTEN[model] = (tuple(model.model_fields), keys) if plain else None
    return fields
