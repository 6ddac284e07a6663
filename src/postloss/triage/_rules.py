"""Rules: a predicate over a report, the urgency it calls for, and the reason it gives."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from postloss._urgency import Urgency
from postloss.errors import InvalidRuleError

__all__ = ["Rule", "rule"]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: A reason: a ``str.format`` template given ``report=``, or a function of the report.
Reason = str | Callable[[Any], str]


@attrs.frozen(kw_only=True)
class Rule:
    """A named check on a report; build one with :func:`rule`.

    ``condition`` is the plain-language condition shown in the decision table and
    ``inputs`` the report fields it reads.
    """

    id: str
    urgency: Urgency
    predicate: Callable[[Any], bool] = attrs.field(repr=False)
    reason: Reason = attrs.field(repr=False)
    red_flag: str | None = None
    condition: str = ""
    inputs: tuple[str, ...] = ()

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
    problems = []
    if not isinstance(id, str) or not _SLUG.fullmatch(id):
        problems.append("the id must be a slug: lower-case words joined by '-'")
    if not isinstance(urgency, Urgency):
        problems.append(f"urgency must be an Urgency, got {urgency!r}")
    if not (isinstance(reason, str) and reason) and not callable(reason):
        problems.append("reason must be a non-empty template string or a function")
    if red_flag is not None and not isinstance(red_flag, str):
        problems.append(f"red_flag must be a guide id or None, got {red_flag!r}")
    if problems:
        raise InvalidRuleError(f"rule {id!r}: {'; '.join(problems)}")

    def decorate(predicate: Callable[[Any], bool]) -> Rule:
        if not callable(predicate):
            raise InvalidRuleError(f"rule {id!r}: decorate a function of the report")
        return Rule(
            id=id,
            urgency=urgency,
            predicate=predicate,
            reason=reason,
            red_flag=red_flag,
            condition=condition or (predicate.__doc__ or id).strip(),
            inputs=tuple(inputs),
        )

    return decorate
