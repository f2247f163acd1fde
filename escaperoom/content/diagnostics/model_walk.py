"""Following a pydantic error's location through a model's type annotations: which keys and union tags fit there.

Used by the content phrasing for "bedoelde je …?" (the keys allowed in a table) and for the kinds a
discriminated union accepts ("kies uit: sorteren, grondslag, …").
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

import pydantic
from pydantic import BaseModel

__all__ = ["model_keys", "union_tags", "walk_type"]

Loc = tuple[str | int, ...]
_NOT_FOUND: Any = object()
_SEQUENCE_ORIGINS = (list, set, frozenset, typing.get_origin(Sequence[int]))
_MAPPING_ORIGINS = (dict, typing.get_origin(Mapping[str, int]))


def _unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``Optional``."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if _is_union(tp):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(members) == 1:
                tp = members[0]
                continue
        return tp


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _field_annotation(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        names = {name, info.alias}
        if isinstance(info.validation_alias, str):
            names.add(info.validation_alias)
        if key in names:
            if info.discriminator is not None:
                return typing.Annotated[info.annotation, pydantic.Field(discriminator=info.discriminator)]
            return info.annotation
    return _NOT_FOUND


def model_keys(tp: Any) -> list[str] | None:
    """The keys a file may write for model ``tp`` (aliases, and field names when populating by name)."""
    tp = _unwrap(tp)
    if not _is_model(tp):
        return None
    keys: list[str] = []
    populate_by_name = bool(tp.model_config.get("populate_by_name") or tp.model_config.get("validate_by_name"))
    for name, info in tp.model_fields.items():
        key = info.validation_alias if isinstance(info.validation_alias, str) else (info.alias or name)
        keys.append(key)
        if populate_by_name and key != name:
            keys.append(name)
    return keys


def _member_tags(member: Any) -> list[str]:
    """The tag values a union member answers to: its ``Tag`` or its ``Literal`` fields."""
    tags: list[str] = []
    if typing.get_origin(member) is typing.Annotated:
        for meta in typing.get_args(member)[1:]:
            if isinstance(meta, pydantic.Tag):
                tags.append(str(meta.tag))
    model = _unwrap(member)
    if _is_model(model):
        for info in model.model_fields.values():
            ann = _unwrap(info.annotation)
            if typing.get_origin(ann) is typing.Literal:
                tags.extend(str(getattr(a, "value", a)) for a in typing.get_args(ann))
            tags.append(model.__name__)
    return tags


def _union_members(tp: Any) -> list[Any]:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if _is_union(tp):
        return [a for a in typing.get_args(tp) if a is not type(None)]
    return []


def union_tags(tp: Any) -> list[str]:
    """The discriminator values of a tagged union (from its members' ``Literal`` or ``Tag``)."""
    out: list[str] = []
    disc = None
    if typing.get_origin(tp) is typing.Annotated:
        for meta in typing.get_args(tp)[1:]:
            disc = getattr(meta, "discriminator", None) or disc
    for member in _union_members(tp):
        tags: list[str] = []
        if typing.get_origin(member) is typing.Annotated:
            tags = [str(m.tag) for m in typing.get_args(member)[1:] if isinstance(m, pydantic.Tag)]
        model = _unwrap(member)
        if not tags and _is_model(model) and isinstance(disc, str):
            ann = _field_annotation(model, disc)
            ann = _unwrap(ann) if ann is not _NOT_FOUND else None
            if typing.get_origin(ann) is typing.Literal:
                tags = [str(getattr(a, "value", a)) for a in typing.get_args(ann)]
        out.extend(tags)
    return list(dict.fromkeys(out))


def _step(tp: Any, seg: str | int) -> Any:
    """The type at ``seg`` inside ``tp`` (a union's member by its tag, a field, an item); ``_NOT_FOUND`` if lost."""
    members = _union_members(tp)
    if len(members) > 1:
        chosen = [m for m in members if isinstance(seg, str) and seg in _member_tags(m)]
        return chosen[0] if chosen else _NOT_FOUND
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if _is_model(tp):
        return _field_annotation(tp, seg) if isinstance(seg, str) else _NOT_FOUND
    args = typing.get_args(tp)
    if origin in _SEQUENCE_ORIGINS and isinstance(seg, int):
        return args[0] if args else Any
    if origin is tuple and isinstance(seg, int):
        return args[0] if len(args) == 2 and args[1] is Ellipsis else (args[seg] if seg < len(args) else Any)
    if origin in _MAPPING_ORIGINS and isinstance(seg, str):
        return args[1] if len(args) == 2 else Any
    return _NOT_FOUND


def walk_type(tp: Any, loc: Loc, *, keep_union: bool = False) -> Any | None:
    """Follow a raw pydantic loc through type annotations; ``None`` when we lose the way. Iterative."""
    for seg in loc:
        tp = _step(tp, seg)
        if tp is _NOT_FOUND:
            return None
    if keep_union:
        return tp
    members = _union_members(tp)
    return tp if len(members) > 1 else _unwrap(tp)
