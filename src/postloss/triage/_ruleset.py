"""Rulesets: the built-in rules for some thresholds, plus a project's own, checked together."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from postloss.errors import InvalidRuleError, InvalidThresholdsError
from postloss.guide import Guide, RedFlag, RemedyKind, load_guide
from postloss.triage._builtin import builtin_rules
from postloss.triage._fields import check_fields
from postloss.triage._rules import Rule
from postloss.triage._thresholds import Thresholds

__all__ = ["Ruleset", "default_rules"]


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


@attrs.frozen(kw_only=True)
class Ruleset:
    """The built-in rules for ``thresholds``, followed by ``extra`` rules of your own.

    The built-in rules are derived from the thresholds, so no ruleset lacks them;
    :meth:`extended` is the way to add rules. Every rule linked to a red flag must
    name one of ``guide``'s and call for at least that flag's floor. Anything else
    raises :class:`~postloss.InvalidRuleError`; rulesets cannot be subclassed.
    """

    thresholds: Thresholds = attrs.field(factory=Thresholds)
    extra: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)
    guide: Guide = attrs.field(factory=load_guide, repr=False)
    rules: tuple[Rule, ...] = attrs.field(init=False, repr=False, eq=False)
    #: The ids of the guide's self-care measures, in guide order.
    self_care: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    def __init_subclass__(cls, **kwargs: object) -> None:
        raise InvalidRuleError("Ruleset cannot be subclassed: use Ruleset.extended() to add rules")

    def __attrs_post_init__(self) -> None:
        if type(self.thresholds) is not Thresholds:
            raise InvalidRuleError(f"thresholds must be a Thresholds, got {self.thresholds!r}")
        check_fields(self.thresholds, InvalidThresholdsError)  # also when unpickled
        if not isinstance(self.guide, Guide):
            raise InvalidRuleError(f"guide must be a Guide, got {type(self.guide).__name__}")
        object.__setattr__(self, "rules", builtin_rules(self.thresholds) + self.extra)
        self_care = (r.id for r in self.guide.remedies if r.kind is RemedyKind.SELF_CARE)
        object.__setattr__(self, "self_care", tuple(self_care))
        problems = []
        seen: set[str] = set()
        for candidate in self.rules:
            if not isinstance(candidate, Rule):
                problems.append(f"{candidate!r} is not a Rule; build rules with postloss.rule()")
                continue
            if candidate.id in seen:
                problems.append(f"duplicate rule id {candidate.id!r}")
            seen.add(candidate.id)
            problems += self._red_flag_problems(candidate)
        if problems:
            raise InvalidRuleError("; ".join(problems))

    def _red_flag_problems(self, candidate: Rule) -> list[str]:
        if candidate.red_flag is None:
            return []
        flag = self.guide.get(candidate.red_flag)
        if not isinstance(flag, RedFlag):
            return [f"rule {candidate.id!r}: {candidate.red_flag!r} is not a red flag of the guide"]
        if candidate.urgency < flag.floor:
            return [
                f"rule {candidate.id!r}: urgency {candidate.urgency.label} is below the floor "
                f"{flag.floor.label} of red flag {candidate.red_flag!r}"
            ]
        return []

    def extended(self, *rules: Rule) -> Ruleset:
        """A new ruleset with *rules* added; a duplicate or malformed rule raises.

        >>> from postloss import Urgency, rule
        >>> @rule("night-sweats", urgency=Urgency.ROUTINE, reason="night sweats")
        ... def night_sweats(report):
        ...     return False
        >>> len(default_rules().extended(night_sweats)) - len(default_rules())
        1
        """
        return attrs.evolve(self, extra=self.extra + rules)

    def __len__(self) -> int:
        return len(self.rules)


@functools.cache
def _default_ruleset() -> Ruleset:
    return Ruleset()


def default_rules(*, thresholds: Thresholds | None = None, guide: Guide | None = None) -> Ruleset:
    """The built-in rules, for the default or the given *thresholds* and *guide*.

    >>> len(default_rules())
    20
    """
    if thresholds is None and guide is None:
        return _default_ruleset()
    return Ruleset(
        thresholds=Thresholds() if thresholds is None else thresholds,
        guide=load_guide() if guide is None else guide,
    )
