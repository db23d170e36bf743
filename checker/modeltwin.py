"""The pydantic model of each of kravkoll's models (its *twin*), made from the model's own
declaration (:mod:`checker.modelbase`) when first needed: for validation, ``model_dump``,
``model_dump_json`` and the JSON Schemas. The twin has the model's name, module, docstring,
fields (their types with every model replaced by its twin, defaults, descriptions, aliases,
constraints) and configuration, and the validators, serializers and computed fields the model
gives it (``_twin_namespace``), so that it is what the pydantic model was before the models
became plain classes. Imported only where one of those is asked for: a one-file check imports
no pydantic.
"""

from __future__ import annotations

from collections.abc import Callable
from threading import RLock
from types import UnionType
from typing import Annotated, Any, ForwardRef, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field

from .modelbase import FieldSpec, Model, made_of

_M = TypeVar("_M", bound=Model)

_TWINS: dict[type[Model], type[BaseModel]] = {}
_PLAIN: dict[type[BaseModel], type[Model]] = {}
_FORWARD: dict[str, Any] = {}
"""Twins named by the forward references of twins made before them (a recursive condition)."""
_MAKING: set[type[Model]] = set()
_LOCK = RLock()
"""Held while twins are made: two threads never make two twins of one model (the server)."""


def twin_of(model: type[Model]) -> type[BaseModel]:
    """The pydantic model of ``model``, made once."""
    twin = _TWINS.get(model)
    if twin is not None:
        return twin
    with _LOCK:
        if model not in _TWINS:
            made: dict[type[Model], type[BaseModel]] = {}
            _make(model, made)
            for each in made.values():  # a twin made before the one it refers to resolves it now
                if not each.__pydantic_complete__:
                    each.model_rebuild(_types_namespace=_FORWARD)
            _TWINS.update(made)  # only now: complete, for any other thread
    return _TWINS[model]


def _forward_name(model: type[Model]) -> str:
    return f"{model.__name__}__twin_{id(model)}"


def _make(model: type[Model], made: dict[type[Model], type[BaseModel]]) -> type[BaseModel]:
    _MAKING.add(model)
    try:
        annotations = {name: _twin_type(field.annotation, made) for name, field in model.model_fields.items()}
    finally:
        _MAKING.discard(model)
    namespace: dict[str, Any] = {
        "__module__": model.__module__,
        "__qualname__": model.__qualname__,
        "__doc__": model.__doc__,
        "__annotations__": annotations,
        "model_config": ConfigDict(**model.model_config, defer_build=True),  # type: ignore[typeddict-item]
    }
    namespace.update({name: Field(**field.pydantic_arguments()) for name, field in model.model_fields.items()})
    if model._twin_namespace is not None:
        namespace.update(model._twin_namespace())
    twin = type(BaseModel)(model.__name__, (BaseModel,), namespace)
    made[model] = twin
    _PLAIN[twin] = model
    _FORWARD[_forward_name(model)] = twin
    return twin


def _twin_type(annotation: Any, made: dict[type[Model], type[BaseModel]]) -> Any:
    """``annotation`` with every model in it replaced by its twin (a model whose twin is being
    made, by a forward reference)."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        twin = _TWINS.get(annotation) or made.get(annotation)
        if twin is not None:
            return twin
        if annotation in _MAKING:
            return ForwardRef(_forward_name(annotation))
        return _make(annotation, made)
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extras = get_args(annotation)
        extras = [Field(**extra.pydantic_arguments()) if isinstance(extra, FieldSpec) else extra for extra in extras]
        return Annotated[(_twin_type(base, made), *extras)]  # type: ignore[return-value]
    if origin in (Union, UnionType):
        return Union[tuple(_twin_type(member, made) for member in get_args(annotation))]  # noqa: UP007 - built from a tuple
    if origin in (list, dict, tuple, set, frozenset):
        return origin[tuple(_twin_type(argument, made) for argument in get_args(annotation))]
    return annotation


_SCALARS = frozenset([str, int, float, bool, type(None)])
"""The types of the items of a list passed on as it is (a term list's thousands of texts)."""


def _mapped(value: Any, convert: Callable[[Any], Any]) -> Any:
    """``value`` with ``convert`` applied to what it holds: a scalar as it is, the items of a list
    (a list of scalars as it is), dict or tuple each mapped so in turn, anything else converted."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return value if _SCALARS.issuperset(map(type, value)) else [_mapped(item, convert) for item in value]
    if kind is dict:
        return {key: _mapped(item, convert) for key, item in value.items()}
    if kind is tuple:
        return tuple(_mapped(item, convert) for item in value)
    return convert(value)


def twin_value(value: Any, made: dict[int, Model] | None = None) -> Any:
    """``value`` with every model in it as an instance of its twin, without validation (the
    same fields and fields set); ``made`` records the model each twin instance was made of."""

    def twin_instance(item: Any) -> Any:
        if not isinstance(item, Model):
            return item
        kind = type(item)
        twin = _TWINS.get(kind) or twin_of(kind)
        instance = twin.__new__(twin)
        _set = object.__setattr__
        _set(instance, "__dict__", {name: _mapped(field, twin_instance) for name, field in item.__dict__.items()})
        _set(instance, "__pydantic_fields_set__", set(item._fields_set))
        _set(instance, "__pydantic_extra__", None)
        _set(instance, "__pydantic_private__", None)
        if made is not None:
            made[id(instance)] = item
        return instance

    return _mapped(value, twin_instance)


def plain_value(value: Any, made: dict[int, Model] | None = None) -> Any:
    """``value`` with every twin instance in it as an instance of its model: the model it was
    made of when ``made`` says (validation keeps a model instance it is given as it is)."""

    def plain_instance(item: Any) -> Any:
        model = _PLAIN.get(type(item))
        if model is None:
            return item
        if made and id(item) in made:
            return made[id(item)]
        return made_of(model, {name: _mapped(field, plain_instance) for name, field in item.__dict__.items()}, set(item.model_fields_set))

    return _mapped(value, plain_instance)


def validated(model: type[_M], data: Any) -> _M:
    """``data`` (an object, or the keyword arguments of ``model(...)``) validated by the twin
    of ``model``: pydantic's errors, conversions and defaults; a model given in ``data`` is
    kept as it is, as pydantic keeps one."""
    made: dict[int, Model] = {}
    twin_data = twin_value(data, made)  # holds the twin instances while their ids are looked up
    return plain_value(twin_of(model).model_validate(twin_data), made)


def validated_json(model: type[_M], text: str | bytes) -> _M:
    """The JSON text ``text`` validated by the twin of ``model``."""
    return plain_value(twin_of(model).model_validate_json(text))
