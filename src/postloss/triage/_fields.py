"""Typed, described fields, and the one generated ``__init__`` that validates them.

Every field of a report (or of :class:`~postloss.Thresholds`) is described once, in
its attrs metadata: bounds, unit, the question to ask a person and a help line.
:func:`report_fields` reads that into records, and :func:`install_init` compiles
one validating ``__init__`` per class from them: a single pass that checks every
value and collects unknown keywords, used by the constructor and the parser alike.
"""

from __future__ import annotations

import enum
import math
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from postloss.errors import PostlossError, Problem

__all__ = [
    "ReportField",
    "bounded",
    "field",
    "fields_by_name",
    "install_init",
    "problems_of",
    "report_fields",
    "shown",
]

_META = "postloss"
_SCALARS = (bool, int, float, str)
_IDENTIFIER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_FAHRENHEIT = (93.0, 113.0)  # body temperatures in °F: 33.9–45.0 °C


def shown(value: object, limit: int = 60) -> str:
    """A short ``repr`` of *value* for an error message, safe for any value.

    >>> shown("x" * 100)[:10], len(shown("x" * 100))
    ("'xxxxxxxxx", 60)
    """
    try:
        text = repr(value)
    except Exception:  # huge ints, deep nesting, a raising __repr__
        return f"<{type(value).__name__} that cannot be shown>"
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _path(key: object) -> str:
    """*key* as a problem's path: as is when it is a short identifier, else its short repr."""
    if type(key) is str and 0 < len(key) <= 64 and _IDENTIFIER.issuperset(key):
        return key
    return shown(key)


def field(
    default: Any = None,
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str = "",
    question: str = "",
    help: str = "",  # the record's attribute is called help
    note: str = "",
    **metadata: Any,
) -> Any:
    """An attrs field described for people and checked by the generated ``__init__``.

    *low* and *high* bound a number (inclusive); *question* is what to ask a
    person, *help* a one-line explanation and *unit* its unit; *note* explains
    the bounds in error messages. Other *metadata* is kept as given.

    >>> import attrs, postloss
    >>> @attrs.frozen(kw_only=True)
    ... class ClinicReport(postloss.SymptomReport):
    ...     steps_today: int | None = postloss.field(low=0, high=50_000, question="Steps today?")
    >>> ClinicReport(steps_today=-1)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (1 problem(s)):
      - steps_today: must be between 0 and 50000, got -1
    """
    if (low is None) != (high is None):
        raise PostlossError("give both low and high, or neither")
    bounds = None if low is None or high is None else (low, high)
    info = {"bounds": bounds, "unit": unit, "question": question, "help": help, "note": note}
    return attrs.field(default=default, metadata={_META: info, **metadata})


def bounded(default: Any, low: float, high: float, **described: Any) -> Any:
    """A :func:`field` whose number must lie in ``[low, high]``."""
    return field(default, low=low, high=high, **described)


@attrs.frozen(kw_only=True)
class ReportField:
    """What one field accepts and how to ask for it; :func:`report_fields` gives them.

    ``type`` is the base type (``bool``, ``int``, ``float``, ``str`` or an enum),
    ``optional`` whether ``None`` ("not reported") is allowed, ``bounds`` the
    inclusive ``(low, high)`` of a number, and ``question``/``help``/``unit`` the
    person-facing description.
    """

    name: str
    type: type
    optional: bool
    bounds: tuple[float, float] | None
    unit: str
    question: str
    help: str
    note: str = attrs.field(default="", repr=False)
    default: Any = attrs.field(default=None, repr=False)

    @property
    def annotation(self) -> Any:
        """The field's type as annotated, e.g. ``int | None``."""
        return self.type | None if self.optional else self.type

    def problem(self, value: object) -> Problem | None:  # noqa: PLR0911  # a return a check
        """What is wrong with *value* for this field, or ``None`` when it is valid."""
        name, base = self.name, self.type
        if value is None:
            return (
                None if self.optional else Problem(name, "null", f"expected {_a(base)}, got null")
            )
        if issubclass(base, enum.Enum):
            if type(value) is base:
                return None
            choices = ", ".join(repr(member.value) for member in base)
            return Problem(name, "enum", f"unknown value {shown(value)}; expected one of {choices}")
        if not _is_instance(value, base):
            got = f"{type(value).__name__} {shown(value)}"
            return Problem(name, "type", f"expected {_a(base)}, got {got}")
        if base is float and not _finite(value):
            return Problem(name, "not_finite", f"expected a finite number, got {shown(value)}")
        if self.bounds is None:
            return None
        low, high = self.bounds
        if low <= value <= high:  # type: ignore[operator]  # a number, checked above
            return None
        if self.unit == "°C" and _FAHRENHEIT[0] <= value <= _FAHRENHEIT[1]:  # type: ignore[operator]
            celsius = (value - 32) * 5 / 9  # type: ignore[operator]
            return Problem(
                name,
                "fahrenheit",
                f"{value} looks like Fahrenheit: {celsius:.1f} °C; give the temperature in °C",
                self.bounds,
            )
        note = f" ({self.note})" if self.note else ""
        message = f"must be between {low} and {high}, got {shown(value)}{note}"
        return Problem(name, "range", message, self.bounds)


def _finite(value: object) -> bool:
    try:
        return math.isfinite(value)  # type: ignore[arg-type]  # a number
    except OverflowError:  # an int too large for a float
        return False


def _is_instance(value: object, base: type) -> bool:
    if base is float:
        return type(value) in (int, float)
    if base in _SCALARS:
        return type(value) is base  # True is not an int here, nor "7" a number
    return isinstance(value, base)


def _a(base: type) -> str:
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}[base]


_FIELDS: dict[type, Mapping[str, ReportField]] = {}


def fields_by_name(cls: type) -> Mapping[str, ReportField]:
    """The :class:`ReportField` of every field of the attrs class *cls*, by name (cached)."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = _read_fields(cls)
    return found


def report_fields(cls: type | None = None) -> tuple[ReportField, ...]:
    """Every field of a report class (default :class:`~postloss.SymptomReport`), in order.

    The single source for forms, the JSON Schema, the FHIR Questionnaire and the docs.

    >>> temperature = {f.name: f for f in report_fields()}["temperature_c"]
    >>> temperature.type, temperature.bounds, temperature.unit
    (<class 'float'>, (30.0, 45.0), '°C')
    """
    if cls is None:
        from postloss.triage._report import SymptomReport

        cls = SymptomReport
    if not (isinstance(cls, type) and attrs.has(cls)):
        from postloss.errors import ReportClassError

        raise ReportClassError(f"expected a report class, got {shown(cls)}")
    return tuple(fields_by_name(cls).values())


def _read_fields(cls: type) -> Mapping[str, ReportField]:
    hints = typing.get_type_hints(cls)
    found = {}
    for each in attrs.fields(cls):
        hint = hints.get(each.name, each.type)
        base, optional = _split_optional(hint)
        if not (base in _SCALARS or (isinstance(base, type) and issubclass(base, enum.Enum))):
            raise PostlossError(
                f"{cls.__name__}.{each.name}: fields must be bool, int, float, str or an "
                f"enum, optionally '| None'; got {hint!r}"
            )
        if isinstance(each.default, attrs.Factory):  # type: ignore[arg-type]
            raise PostlossError(f"{cls.__name__}.{each.name}: give a plain default, not a factory")
        info = each.metadata.get(_META, {})
        found[each.name] = ReportField(
            name=each.name,
            type=base,
            optional=optional,
            bounds=info.get("bounds"),
            unit=info.get("unit", ""),
            question=info.get("question", ""),
            help=info.get("help", ""),
            note=info.get("note", ""),
            default=each.default,
        )
    for parent in cls.__mro__[1:]:
        if attrs.has(parent):
            for name, inherited in fields_by_name(parent).items():
                if found[name] != inherited:
                    raise PostlossError(
                        f"{cls.__name__}.{name}: a subclass may not redefine the field "
                        f"{parent.__name__}.{name} (type, nullability, bounds or description)"
                    )
    return types.MappingProxyType(found)


def _split_optional(hint: Any) -> tuple[Any, bool]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        return (rest[0] if len(rest) == 1 else hint), True
    return hint, False


def problems_of(instance: object) -> list[Problem]:
    """Every problem of the values an attrs *instance* holds now (the slow, full check)."""
    return [
        problem
        for name, spec in fields_by_name(type(instance)).items()
        if (problem := spec.problem(getattr(instance, name))) is not None
    ]


def _valid_expression(spec: ReportField, name: str, index: int) -> str:
    """A Python expression that is true when the argument *name* is valid for *spec*."""
    base = spec.type
    if base is bool:
        check = f"{name} is True or {name} is False"
    elif base is int or base is float:
        types_ok = f"type({name}) is int" if base is int else f"type({name}) in _NUMBER"
        if spec.bounds is None:
            check = types_ok + ("" if base is int else f" and _finite({name})")
        else:
            check = f"{types_ok} and _low{index} <= {name} <= _high{index}"
    else:  # str or an enum: its members are exactly of its type
        check = f"type({name}) is _type{index}"
    return f"{name} is None or ({check})" if spec.optional else check


_MISSING = object()


def install_init(
    cls: type,
    error: Callable[[Iterable[Problem]], Exception],
    *,
    protected: type | None = None,
) -> None:
    """Give the attrs class *cls* one generated, validating, keyword-only ``__init__``.

    Invalid values, positional arguments and unknown keywords are collected in one
    pass and raised together as ``error(problems)``; integers given for float
    fields are stored as floats. When *cls* has an ``__attrs_post_init__``, it runs
    after validation; then a change to a field of *protected* (the built-in
    fields) is refused and every field is checked again.
    """
    specs = fields_by_name(cls)
    aliases = {each.name: each.alias for each in attrs.fields(cls)}
    namespace: dict[str, Any] = {
        "_NUMBER": (int, float),
        "_finite": _finite,
        "_specs": specs,
        "_error": error,
        "_extra": _extra_problems,
        "_problem": _problem,
        "_setattr_of": object.__setattr__.__get__,
    }
    params, checks, sets = [], [], []
    for index, (name, spec) in enumerate(specs.items()):
        arg = aliases[name]
        default = spec.default
        namespace[f"_default{index}"] = _MISSING if default is attrs.NOTHING else default
        namespace[f"_type{index}"] = spec.type
        if spec.bounds is not None:
            namespace[f"_low{index}"], namespace[f"_high{index}"] = spec.bounds
        params.append(f"{arg}=_default{index}")
        checks.append(  # _MISSING, a missing required argument, is valid for no field
            f"    if not ({_valid_expression(spec, arg, index)}):\n"
            f"        _bad.append(_problem(_specs[{name!r}], {arg}))"
        )
        if spec.type is float:
            sets.append(f"    if type({arg}) is int:\n        {arg} = float({arg})")
        sets.append(f"    _setattr({name!r}, {arg})")
    post_init = getattr(cls, "__attrs_post_init__", None) is not None
    guarded = tuple(fields_by_name(protected)) if protected else ()
    namespace["_after_post_init"] = _after_post_init
    namespace["_guarded"] = guarded
    lines = [
        f"def __init__(self, *_args, {', '.join(params)}, **_unknown):",
        "    _bad = _extra(_args, _unknown) if _args or _unknown else []",
        *checks,
        "    if _bad:",
        "        raise _error(_bad)",
        "    _setattr = _setattr_of(self)",
        *sets,
    ]
    if post_init:
        lines += [
            "    _before = {name: getattr(self, name) for name in _guarded}",
            "    self.__attrs_post_init__()",
            "    _after_post_init(self, _before, _error)",
        ]
    exec("\n".join(lines), namespace)  # generated from the class's own fields
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = f"Build a validated {cls.__name__}; keyword arguments only."
    cls.__init__ = init  # type: ignore[misc]


def _problem(spec: ReportField, value: object) -> Problem | None:
    """The problem with *value*; a required argument not given is one, even where None is valid."""
    if value is _MISSING:
        return spec.problem(None) or Problem(spec.name, "missing", "required field not given")
    return spec.problem(value)


def _extra_problems(args: tuple[object, ...], unknown: Mapping[str, object]) -> list[Problem]:
    problems = [Problem(_path(key), "unknown_field", "unknown field") for key in unknown]
    if args:
        message = f"give fields by keyword, got {len(args)} positional argument(s)"
        problems.insert(0, Problem("$", "positional", message))
    return problems


def _after_post_init(
    instance: object,
    before: Mapping[str, object],
    error: Callable[[Iterable[Problem]], Exception],
) -> None:
    """Refuse a change to a built-in field made by a post-init, and check everything again."""
    message = "a subclass's __attrs_post_init__ may not change a built-in field"
    problems = [
        Problem(name, "changed", message)
        for name, value in before.items()
        if (now := getattr(instance, name)) is not value
        and (type(now) is not type(value) or now != value)
    ]
    problems += problems_of(instance)
    if problems:
        raise error(problems)
