"""make_converter(): the one strict cattrs converter shared by loading, parsing and JSON."""

from __future__ import annotations

import datetime
import enum
import functools
import math
from collections.abc import Callable
from typing import Any, get_args, get_origin

import cattrs
from cattrs.v import format_exception, transform_error

from postloss._urgency import Urgency

__all__ = ["converter", "describe", "make_converter", "shown"]


class _RejectedValueError(ValueError):
    """A value that a strict hook refused; its message is shown to the user as is."""


def shown(value: object) -> str:
    """A short repr of *value* for an error message, safe for any value."""
    try:
        text = repr(value)
    except ValueError:  # an int with more digits than Python will print
        return f"<{type(value).__name__} too large to show>"
    return text if len(text) <= 60 else f"{text[:57]}..."


def _kind(value: object) -> str:
    return "null" if value is None else f"{type(value).__name__} {shown(value)}"


def _strict_int(value: object, _: type) -> int:
    if type(value) is not int:  # bool is an int subclass, and "7" is not a number
        raise _RejectedValueError(f"expected an integer, got {_kind(value)}")
    return value


def _strict_float(value: object, _: type) -> float:
    if type(value) not in (int, float):
        raise _RejectedValueError(f"expected a number, got {_kind(value)}")
    try:
        number = float(value)  # type: ignore[arg-type]  # checked just above
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise _RejectedValueError(f"expected a finite number, got {shown(value)}")
    return number


def _strict_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _RejectedValueError(f"expected true or false, got {_kind(value)}")
    return value


def _strict_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _RejectedValueError(f"expected a string, got {_kind(value)}")
    return value


def _date(value: object, _: type) -> datetime.date:
    if type(value) is datetime.date:
        return value
    if type(value) is str:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _RejectedValueError(f"expected a date (YYYY-MM-DD), got {_kind(value)}")


def _urgency(value: object, _: type) -> Urgency:
    try:
        return Urgency.from_label(_strict_str(value, str))
    except ValueError as error:
        raise _RejectedValueError(str(error)) from None


def _enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in cls)
        message = f"unknown value {shown(value)}; expected one of {choices}"
        raise _RejectedValueError(message) from None


def _is_value_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum) and cls is not Urgency


def _is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple and get_args(cls)[1:] == (Ellipsis,)


def _make_tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(cls: Any) -> Callable[[object, Any], Any]:
        item = get_args(cls)[0]
        structure_list = converter.get_structure_hook(list[item])  # type: ignore[valid-type]

        def structure(value: object, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _RejectedValueError(f"expected a list, got {_kind(value)}")
            return tuple(structure_list(value, list[item]))  # type: ignore[valid-type]

        return structure

    return factory


def make_converter() -> cattrs.Converter:
    """Build the strict converter: no coercion, no extra keys, every error collected.

    >>> make_converter().structure(7, int)
    7
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for cls, hook in (
        (int, _strict_int),
        (float, _strict_float),
        (bool, _strict_bool),
        (str, _strict_str),
        (datetime.date, _date),
        (Urgency, _urgency),
    ):
        converter.register_structure_hook(cls, hook)
    converter.register_structure_hook_func(_is_value_enum, _enum)
    converter.register_structure_hook_factory(_is_tuple, _make_tuple_hook(converter))
    converter.register_unstructure_hook(Urgency, lambda urgency: urgency.label)
    converter.register_unstructure_hook(datetime.date, lambda date: date.isoformat())
    return converter


@functools.cache
def converter() -> cattrs.Converter:
    """The shared converter, built on first use."""
    return make_converter()


def _format(error: BaseException, cls: type | None) -> str:
    if isinstance(error, _RejectedValueError):
        return str(error)
    return format_exception(error, cls)


def describe(error: Exception, *, at: str = "") -> list[str]:
    """Turn a structuring error into ``"path: message"`` lines, one per problem.

    *at* is the path of the value that was structured, put before each problem's own path.
    """
    if not isinstance(error, cattrs.BaseValidationError):
        return [f"{at}: {_format(error, None)}" if at else _format(error, None)]
    lines = []
    for line in transform_error(error, path="$", format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        path = path.removeprefix("$").removeprefix(".")
        if at:
            path = f"{at}{path}" if path.startswith("[") or not path else f"{at}.{path}"
        lines.append(f"{path}: {message}" if path else message)
    return lines
