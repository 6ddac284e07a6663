"""Downstream rules: a predicate over a report, the urgency it calls for, and its reason."""

from __future__ import annotations

import functools
import importlib
import inspect
import typing
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from postloss._ids import NAMESPACED, is_slug
from postloss._urgency import Urgency
from postloss.errors import InvalidRuleError
from postloss.triage._fields import fields_by_name
from postloss.triage._reasons import malformed, placeholders
from postloss.triage._report import SymptomReport

__all__ = ["Rule", "rule"]

#: A reason: a template naming report fields (``"{pain_score}/10"``), or a function of it.
Reason = str | Callable[[Any], str]


def _names(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(names)


def _needs(predicate: Callable[..., object]) -> type[SymptomReport]:
    """The report class the predicate's first parameter is annotated with (default: any)."""
    try:
        parameters = list(inspect.signature(predicate).parameters.values())
    except (TypeError, ValueError):  # a callable whose signature cannot be read
        return SymptomReport
    if not parameters:
        raise InvalidRuleError("the predicate must take the report as its first parameter")
    first = parameters[0]
    if first.annotation is inspect.Parameter.empty:
        return SymptomReport
    annotated: object = predicate
    while isinstance(annotated, functools.partial):  # the function it calls holds the hints
        annotated = annotated.func
    if not inspect.isroutine(annotated):  # an object with __call__
        annotated = type(annotated).__call__
    try:
        hint = typing.get_type_hints(annotated).get(first.name, SymptomReport)
    except Exception as error:  # an annotation that does not resolve
        raise InvalidRuleError(f"cannot read the annotation of {first.name!r}: {error}") from None
    if not (isinstance(hint, type) and issubclass(hint, SymptomReport)):
        raise InvalidRuleError(
            f"the predicate's first parameter must be annotated with SymptomReport or a "
            f"subclass, got {hint!r}"
        )
    return hint


@attrs.frozen(kw_only=True)
class Rule:
    """A project's own check on a report; build one with :func:`rule`.

    ``condition`` is the plain-language condition shown in the decision table,
    ``inputs`` the report fields it reads, and ``report_class`` the report class
    its predicate needs (from the annotation of its first parameter). A malformed
    rule raises :class:`~postloss.InvalidRuleError` naming it, however it is built.
    """

    id: str
    urgency: Urgency
    predicate: Callable[[Any], bool] = attrs.field(repr=False)
    reason: Reason = attrs.field(repr=False)
    red_flag: str | None = None
    condition: str = ""
    inputs: tuple[str, ...] = attrs.field(default=(), converter=_names)
    report_class: type[SymptomReport] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = []
        if not (is_slug(self.id) or (isinstance(self.id, str) and NAMESPACED.fullmatch(self.id))):
            problems.append(
                "the id must be namespaced: your project's slug, '/', the rule's slug, "
                "e.g. 'acme/high-bp'"
            )
        if type(self.urgency) is not Urgency:
            problems.append(f"urgency must be an Urgency, got {self.urgency!r}")
        needs: type[SymptomReport] = SymptomReport
        if not callable(self.predicate):
            problems.append("the predicate must be a function of the report")
        else:
            try:
                needs = _needs(self.predicate)
            except InvalidRuleError as error:
                problems.append(str(error))
        object.__setattr__(self, "report_class", needs)
        if isinstance(self.reason, str) and self.reason:
            if bad := malformed(self.reason):
                problems.append(f"the reason's {bad} name no field (write {{field_name}})")
            unknown = sorted(placeholders(self.reason) - set(fields_by_name(needs)))
            if unknown:
                problems.append(
                    f"the reason names {unknown}, which are not fields of {needs.__name__}"
                )
        elif not callable(self.reason):
            problems.append("reason must be a non-empty template string or a function")
        if self.red_flag is not None and not (
            is_slug(self.red_flag)
            or (isinstance(self.red_flag, str) and NAMESPACED.fullmatch(self.red_flag))
        ):
            problems.append(f"red_flag must be a guide id or None, got {self.red_flag!r}")
        if problems:
            raise InvalidRuleError(f"rule {self.id!r}: {'; '.join(problems)}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle a module-level ``@rule`` function by reference, others by value."""
        module = getattr(self.predicate, "__module__", None)
        name = getattr(self.predicate, "__qualname__", None)  # a partial has none
        if module and name and _resolve(module, name) is self:
            return (_resolve, (module, name))
        given = {each.name: getattr(self, each.name) for each in attrs.fields(Rule) if each.init}
        return (_rebuild, (given,))


def _resolve(module: str, qualname: str) -> object:
    """The object named *qualname* in *module*, or None (a local name, ``f.<locals>.g``)."""
    found: object = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part, None)
    return found


def _rebuild(fields: dict[str, Any]) -> Rule:
    return Rule(**fields)


def rule(
    id: str,  # the rule's id, as everywhere in postloss
    *,
    urgency: Urgency,
    reason: Reason,
    red_flag: str | None = None,
    condition: str | None = None,
    inputs: Sequence[str] = (),
) -> Callable[[Callable[[Any], bool]], Rule]:
    """Turn a predicate ``f(report) -> bool`` into a :class:`Rule`.

    *id* is namespaced, ``"acme/high-bp"``, so that no future built-in rule can
    clash with it. *reason* is a template naming report fields
    (``"systolic {systolic_bp} mmHg"``) or a function of the report returning
    text; *red_flag* links the rule to a guide red flag; *condition* (default:
    the predicate's docstring) and *inputs* describe it for the decision table.
    Annotate the first parameter with your report subclass if the rule reads its
    fields. A module-level decorated function pickles.

    >>> from postloss import Urgency
    >>> @rule("acme/low-bp", urgency=Urgency.URGENT, reason="systolic {systolic_bp} mmHg")
    ... def low_bp(report):
    ...     "Systolic blood pressure under 95 mmHg."
    ...     return report.systolic_bp is not None and report.systolic_bp < 95
    >>> low_bp.id, low_bp.condition
    ('acme/low-bp', 'Systolic blood pressure under 95 mmHg.')
    """

    def decorate(predicate: Callable[[Any], bool]) -> Rule:
        described = condition or predicate.__doc__ or str(id)
        return Rule(
            id=id,
            urgency=urgency,
            predicate=predicate,
            reason=reason,
            red_flag=red_flag,
            condition=described.strip(),
            inputs=inputs,
        )

    return decorate
