"""Typed, bounded attrs fields and the one validator that checks them all."""

from __future__ import annotations

import enum
import math
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from postloss._convert import shown
from postloss.errors import PostlossError

__all__ = [
    "BOUNDS",
    "NOTE",
    "FieldSpec",
    "bounded",
    "check_fields",
    "field_problems",
    "refuse_unknown",
    "specs",
]

#: The metadata key under which a field keeps its inclusive ``(low, high)`` bounds.
BOUNDS = "postloss.bounds"
#: The metadata key of a note that explains the bounds in error messages.
NOTE = "postloss.note"
_SCALARS = (bool, int, float, str)


def bounded(default: Any, low: float, high: float, *, note: str = "", **metadata: Any) -> Any:
    """An attrs field whose value must lie in ``[low, high]``.

    *note* explains the bounds in error messages; *metadata* documents the field.
    """
    return attrs.field(default=default, metadata={BOUNDS: (low, high), NOTE: note, **metadata})


@attrs.frozen
class FieldSpec:
    """What a field accepts: its base type, whether ``None`` is allowed, and its bounds."""

    name: str
    base: type
    optional: bool
    bounds: tuple[float, float] | None
    note: str = ""

    @property
    def type(self) -> Any:
        """The field's type as annotated, e.g. ``int | None``."""
        return self.base | None if self.optional else self.base

    def problem(self, value: object) -> str | None:
        """What is wrong with *value* for this field, or ``None`` when it is valid."""
        if value is None:
            return (
                None if self.optional else f"{self.name}: expected {_describe(self.base)}, got null"
            )
        if not _is_instance(value, self.base):
            got = f"{type(value).__name__} {shown(value)}"
            return f"{self.name}: expected {_describe(self.base)}, got {got}"
        if isinstance(value, float) and not math.isfinite(value):
            return f"{self.name}: expected a finite number, got {shown(value)}"
        if self.bounds is not None:
            low, high = self.bounds
            if not low <= value <= high:  # type: ignore[operator]  # numbers, checked above
                note = f" ({self.note})" if self.note else ""
                got = shown(value)
                return f"{self.name}: must be between {low} and {high}, got {got}{note}"
        return None


def _is_instance(value: object, base: type) -> bool:
    if base is float:
        return type(value) in (int, float)
    if base in _SCALARS:
        return type(value) is base  # True is not an int here
    return isinstance(value, base)


def _describe(base: type) -> str:
    if issubclass(base, enum.Enum):
        return f"a {base.__name__} member (one of {', '.join(repr(m.value) for m in base)})"
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}[base]


_SPECS: dict[type, Mapping[str, FieldSpec]] = {}


def specs(cls: type) -> Mapping[str, FieldSpec]:
    """The :class:`FieldSpec` of every field of the attrs class *cls*, by name (cached)."""
    if cls not in _SPECS:
        _SPECS[cls] = _read_specs(cls)
    return _SPECS[cls]


def _read_specs(cls: type) -> Mapping[str, FieldSpec]:
    hints = typing.get_type_hints(cls)
    found = {}
    for field in attrs.fields(cls):
        base, optional = _split_optional(hints[field.name])
        if not (base in _SCALARS or (isinstance(base, type) and issubclass(base, enum.Enum))):
            raise PostlossError(
                f"{cls.__name__}.{field.name}: fields must be bool, int, float, str or an "
                f"enum, optionally '| None'; got {hints[field.name]!r}"
            )
        found[field.name] = FieldSpec(
            field.name, base, optional, field.metadata.get(BOUNDS), field.metadata.get(NOTE, "")
        )
    for parent in cls.__mro__[1:]:
        if attrs.has(parent):
            for name, inherited in specs(parent).items():
                if found[name] != inherited:
                    raise PostlossError(
                        f"{cls.__name__}.{name}: a subclass may not redefine the field "
                        f"{parent.__name__}.{name} (type, nullability or bounds)"
                    )
    return types.MappingProxyType(found)


def _split_optional(hint: Any) -> tuple[Any, bool]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        return (rest[0] if len(rest) == 1 else hint), True
    return hint, False


def field_problems(cls: type, values: Mapping[str, object]) -> list[str]:
    """Every problem of *values* for the fields of *cls*, as ``"field: message"`` lines."""
    fields = specs(cls)
    return [
        problem
        for name, value in values.items()
        if (problem := fields[name].problem(value)) is not None
    ]


def check_fields(instance: object, error: Callable[[Iterable[str]], Exception]) -> None:
    """Validate a new attrs *instance*, raising ``error(problems)``; store ints as floats."""
    cls = type(instance)
    values = {name: getattr(instance, name) for name in specs(cls)}
    if problems := field_problems(cls, values):
        raise error(problems)
    for name, spec in specs(cls).items():
        if spec.base is float and type(values[name]) is int:
            object.__setattr__(instance, name, float(values[name]))  # 38 → 38.0


def refuse_unknown(
    cls: type,
    args: tuple[object, ...],
    kwargs: Mapping[str, object],
    error: Callable[[Iterable[str]], Exception],
) -> None:
    """Raise ``error(problems)`` for positional or unknown keyword arguments to *cls*."""
    fields = specs(cls)
    problems = [f"{name}: unknown field" for name in kwargs if name not in fields]
    if args:
        problems.insert(0, f"$: give fields by keyword, got {len(args)} positional argument(s)")
    if problems:
        raise error(problems)
