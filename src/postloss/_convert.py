"""make_converter(): the one strict cattrs converter shared by loading, parsing and JSON."""

from __future__ import annotations

import datetime
import enum
import functools
import inspect
import math
import typing
from collections.abc import Callable
from typing import Any, NotRequired, TypedDict, get_args, get_origin

import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.v import format_exception, transform_error

from postloss._urgency import Urgency
from postloss.errors import Problem

__all__ = ["converter", "describe", "init_shape", "make_converter", "problems", "shown"]


class _RejectedValueError(ValueError):
    """A value that a strict hook refused; its message is shown to the user as is.

    ``code`` names the kind of problem, as in :class:`~postloss.Problem`.
    """

    def __init__(self, message: str, code: str = "type") -> None:
        super().__init__(message)
        self.code = code


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
        raise _RejectedValueError(f"expected a finite number, got {shown(value)}", "not_finite")
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
    label = _strict_str(value, str)
    try:
        return Urgency.from_label(label)
    except ValueError as error:
        raise _RejectedValueError(str(error), "enum") from None


def _enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in cls)
        message = f"unknown value {shown(value)}; expected one of {choices}"
        raise _RejectedValueError(message, "enum") from None


def _facts(value: object, _: Any) -> dict[str, Any]:
    """A finding's facts: text keys; scalars, or lists of clause ids (kept as tuples)."""
    if type(value) is not dict:
        raise _RejectedValueError(f"expected an object of facts, got {_kind(value)}")
    facts: dict[str, Any] = {}
    for key, item in value.items():
        if type(key) is not str:
            raise _RejectedValueError(f"expected text keys, got {_kind(key)}")
        if type(item) in (list, tuple):
            if not all(type(each) is str for each in item):
                raise _RejectedValueError(f"fact {key!r}: expected a list of clause ids")
            facts[key] = tuple(item)
        elif item is None or type(item) in (bool, int, float, str):
            facts[key] = item
        else:
            message = (
                f"fact {key!r}: expected a number, text, true, false or null, got {_kind(item)}"
            )
            raise _RejectedValueError(message)
    return facts


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
    # A finding's facts (the only such field): JSON lists of clause ids come back as tuples.
    converter.register_structure_hook_func(lambda cls: cls == dict[str, Any], _facts)
    converter.register_structure_hook_factory(_is_tuple, _make_tuple_hook(converter))
    converter.register_structure_hook_factory(_built_by_init, _make_init_hook(converter))
    converter.register_unstructure_hook_factory(_built_by_init, _make_init_dumper(converter))
    converter.register_unstructure_hook(Urgency, lambda urgency: urgency.label)
    converter.register_unstructure_hook(datetime.date, lambda date: date.isoformat())
    return converter


def _built_by_init(cls: object) -> bool:
    """A class that says its ``__init__`` parameters are its data (``__structure_by_init__``)."""
    return isinstance(cls, type) and bool(getattr(cls, "__structure_by_init__", False))


@functools.cache
def init_shape(cls: type) -> type:
    """A ``TypedDict`` of *cls*'s ``__init__`` parameters: what its data looks like.

    For a class whose attributes are not its constructor's arguments (``Finding``).
    """
    hints = typing.get_type_hints(vars(cls)["__init__"])
    fields: dict[str, Any] = {}
    for name, parameter in inspect.signature(cls).parameters.items():
        optional = parameter.default is not inspect.Parameter.empty
        fields[name] = NotRequired[hints[name]] if optional else hints[name]
    return TypedDict(f"{cls.__name__}Data", fields)  # type: ignore[operator, no-any-return]


def _make_init_hook(converter: cattrs.Converter) -> Callable[[type], Callable[..., Any]]:
    def factory(cls: type) -> Callable[..., Any]:
        shape = init_shape(cls)

        def structure(value: object, _: Any) -> Any:
            return cls(**converter.structure(value, shape))

        return structure

    return factory


def _make_init_dumper(converter: cattrs.Converter) -> Callable[[type], Callable[..., Any]]:
    def factory(cls: type) -> Callable[..., Any]:
        names = tuple(typing.get_type_hints(init_shape(cls)))

        def unstructure(value: object) -> dict[str, Any]:
            return {name: converter.unstructure(getattr(value, name)) for name in names}

        return unstructure

    return factory


@functools.cache
def converter() -> cattrs.Converter:
    """The shared converter, built on first use."""
    return make_converter()


#: Separates a problem's code from its message inside a formatted cattrs error.
_CODE = "\x1f"


def _code(error: BaseException) -> str:
    if isinstance(error, _RejectedValueError):
        return error.code
    if isinstance(error, ForbiddenExtraKeysError):
        return "unknown_field"
    if isinstance(error, KeyError):
        return "missing"
    return "invalid"


def _format(error: BaseException, cls: type | None) -> str:
    message = str(error) if isinstance(error, _RejectedValueError) else format_exception(error, cls)
    return f"{_code(error)}{_CODE}{message}"


def problems(error: Exception) -> list[Problem]:
    """Turn a structuring error into :class:`~postloss.Problem` records, one per problem.

    A problem's path is ``""`` for the whole document.

    >>> import postloss
    >>> try:
    ...     converter().structure({"title": 1}, postloss.guide.Source)
    ... except Exception as error:
    ...     [(p.path, p.code) for p in problems(error)]
    [('id', 'missing'), ('title', 'type'), ('text', 'missing')]
    """
    if not isinstance(error, cattrs.BaseValidationError):
        code, _, message = _format(error, None).partition(_CODE)
        return [Problem("", code, message)]
    found = []
    for line in transform_error(error, path="$", format_exception=_format):
        text, _, path = line.rpartition(" @ ")
        code, _, message = text.partition(_CODE)
        found.append(Problem(path.removeprefix("$").removeprefix("."), code, message))
    return found


def describe(error: Exception, *, at: str = "") -> list[str]:
    """Turn a structuring error into ``"path: message"`` lines, one per problem.

    *at* is the path of the value that was structured, put before each problem's own path.
    """
    lines = []
    for problem in problems(error):
        path = problem.path
        if at:
            path = f"{at}{path}" if path.startswith("[") or not path else f"{at}.{path}"
        lines.append(str(problem._replace(path=path)))
    return lines
