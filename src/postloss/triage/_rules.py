"""Rules: a predicate over a report, the urgency it calls for, and the reason it gives."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from postloss._ids import is_slug
from postloss._urgency import Urgency
from postloss.errors import InvalidRuleError

__all__ = ["Rule", "rule"]

#: A reason: a ``str.format`` template given ``report=``, or a function of the report.
Reason = str | Callable[[Any], str]


def _names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(names)


@attrs.frozen(kw_only=True)
class Rule:
    """A named check on a report; build one with :func:`rule`.

    ``condition`` is the plain-language condition shown in the decision table and
    ``inputs`` the report fields it reads. A malformed rule raises
    :class:`~postloss.InvalidRuleError` naming it, however it is built.
    """

    id: str
    urgency: Urgency
    predicate: Callable[[Any], bool] = attrs.field(repr=False)
    reason: Reason = attrs.field(repr=False)
    red_flag: str | None = None
    condition: str = ""
    inputs: tuple[str, ...] = attrs.field(default=(), converter=_names)

    def __attrs_post_init__(self) -> None:
        problems = []
        if not is_slug(self.id):
            problems.append("the id must be a slug: lower-case words joined by '-'")
        if type(self.urgency) is not Urgency:
            problems.append(f"urgency must be an Urgency, got {self.urgency!r}")
        if not callable(self.predicate):
            problems.append("the predicate must be a function of the report")
        if not (isinstance(self.reason, str) and self.reason) and not callable(self.reason):
            problems.append("reason must be a non-empty template string or a function")
        if self.red_flag is not None and not is_slug(self.red_flag):
            problems.append(f"red_flag must be a guide id or None, got {self.red_flag!r}")
        if problems:
            raise InvalidRuleError(f"rule {self.id!r}: {'; '.join(problems)}")

    def explain(self, report: Any) -> str:
        """The reason for *report*, quoting its values and the thresholds."""
        if callable(self.reason):
            return self.reason(report)
        return self.reason.format(report=report)


def rule(
    id: str,
    *,
    urgency: Urgency,
    reason: Reason,
    red_flag: str | None = None,
    condition: str | None = None,
    inputs: Sequence[str] = (),
) -> Callable[[Callable[[Any], bool]], Rule]:
    """Turn a predicate ``f(report) -> bool`` into a :class:`Rule`.

    *reason* is a ``str.format`` template given ``report=`` or a function of the
    report; *red_flag* links the rule to a guide red flag id; *condition*
    (default: the predicate's docstring) and *inputs* describe it for the
    decision table. A malformed rule raises :class:`~postloss.InvalidRuleError`.

    >>> from postloss import Urgency
    >>> @rule("night-sweats", urgency=Urgency.ROUTINE, reason="night sweats reported")
    ... def night_sweats(report):
    ...     "Night sweats reported."
    ...     return getattr(report, "night_sweats", False)
    >>> night_sweats.id, night_sweats.condition
    ('night-sweats', 'Night sweats reported.')
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
