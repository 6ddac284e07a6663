"""Rulesets: the built-in table for some thresholds and a guide, plus a project's own rules."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any

import attrs

from postloss._ids import NAMESPACED
from postloss._urgency import Urgency
from postloss.errors import ContentError, InvalidRuleError
from postloss.triage._builtin import TABLE, BuiltinRule
from postloss.triage._fields import fields_by_name, problems_of
from postloss.triage._reasons import placeholders
from postloss.triage._report import SymptomReport
from postloss.triage._rules import Rule
from postloss.triage._signs import CLAUSES
from postloss.triage._thresholds import Thresholds

if TYPE_CHECKING:  # the guide (and cattrs with it) is imported when a ruleset is first built
    from postloss.guide import Guide

__all__ = ["Ruleset", "default_rules"]

#: The timeline factors a report can inform, with the field that informs each (the outlooks
#: in ``Ruleset._derive`` are keyed by these two fields).
_FACTORS = (("stage-of-pregnancy", "weeks_pregnant"), ("type-of-miscarriage", "management"))


#: What a built-in reason template may quote: its evidence, a report's numbers, thresholds.
_QUOTABLE = frozenset(
    {"signs", *attrs.fields_dict(Thresholds)}
    | {spec.name for spec in fields_by_name(SymptomReport).values() if spec.type in (int, float)}
)


def _guide() -> ModuleType:
    """The guide package, imported on first use so that importing triage stays cheap."""
    import postloss.guide

    return postloss.guide


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


@attrs.frozen(kw_only=True)
class Ruleset:
    """The built-in rules for ``thresholds``, followed by ``extra`` rules of your own.

    The built-in rules always run, first; :meth:`extended` is the way to add rules.
    Each downstream rule has a namespaced id, and one linked to a red flag must call
    for at least that flag's floor. The guide supplies the reasons' words and the
    advice; it must have a rule for every red flag, and state no floor that differs
    from its built-in rules'. Anything else raises a :class:`~postloss.PostlossError`;
    rulesets cannot be subclassed, and they pickle.
    """

    thresholds: Thresholds = attrs.field(factory=Thresholds)
    extra: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)
    guide: Guide = attrs.field(factory=lambda: _guide().load_guide(), repr=False)
    #: Every rule, the built-in ones first.
    rules: tuple[BuiltinRule | Rule, ...] = attrs.field(init=False, repr=False, eq=False)
    #: The report class every report must be an instance of (the most derived one needed).
    report_class: type[SymptomReport] = attrs.field(init=False, repr=False, eq=False)
    _derived: dict[str, Any] = attrs.field(init=False, repr=False, eq=False)

    def __init_subclass__(cls, **kwargs: object) -> None:
        raise InvalidRuleError("Ruleset cannot be subclassed: use Ruleset.extended() to add rules")

    def __attrs_post_init__(self) -> None:
        if type(self.thresholds) is not Thresholds:
            raise InvalidRuleError(f"thresholds must be a Thresholds, got {self.thresholds!r}")
        if smuggled := problems_of(self.thresholds):  # past the constructor
            from postloss.errors import InvalidThresholdsError

            raise InvalidThresholdsError(smuggled)
        if not isinstance(self.guide, _guide().Guide):
            raise InvalidRuleError(f"guide must be a Guide, got {type(self.guide).__name__}")
        object.__setattr__(self, "rules", (*TABLE, *self.extra))
        problems = self._rule_problems()
        if problems:
            raise InvalidRuleError("; ".join(problems))
        object.__setattr__(self, "report_class", self._report_class())
        if problems := self._guide_problems():
            raise ContentError(f"the guide for triage ({self.guide.locale})", problems)
        object.__setattr__(self, "_derived", self._derive())

    def _rule_problems(self) -> list[str]:
        problems = []
        seen = {row.id for row in TABLE}
        for candidate in self.extra:
            if not isinstance(candidate, Rule):
                problems.append(f"{candidate!r} is not a Rule; build rules with postloss.rule()")
                continue
            if not NAMESPACED.fullmatch(candidate.id):
                problems.append(
                    f"rule {candidate.id!r}: a downstream rule id must be namespaced, e.g. "
                    f"'acme/{candidate.id}', so that no built-in rule can clash with it"
                )
            if candidate.id in seen:
                problems.append(f"duplicate rule id {candidate.id!r}")
            seen.add(candidate.id)
            problems += self._red_flag_problems(candidate)
        return problems

    def _red_flag_problems(self, candidate: Rule) -> list[str]:
        if candidate.red_flag is None:
            return []
        flag = self.guide.get(candidate.red_flag)
        if not isinstance(flag, _guide().RedFlag):
            return [f"rule {candidate.id!r}: {candidate.red_flag!r} is not a red flag of the guide"]
        if candidate.urgency < flag.floor:
            return [
                f"rule {candidate.id!r}: urgency {candidate.urgency.label} is below the floor "
                f"{flag.floor.label} of red flag {candidate.red_flag!r}"
            ]
        return []

    def _report_class(self) -> type[SymptomReport]:
        needed: type[SymptomReport] = SymptomReport
        for each in self.extra:
            if issubclass(each.report_class, needed):
                needed = each.report_class
            elif not issubclass(needed, each.report_class):
                raise InvalidRuleError(
                    f"rule {each.id!r} needs {each.report_class.__name__}, which is not "
                    f"related to {needed.__name__}, needed by another rule"
                )
        return needed

    def _guide_problems(self) -> list[str]:
        """What the guide must say for the built-in rules: flags, floors and reasons."""
        guide = self.guide
        problems = []
        lowest = {
            row.red_flag: min(each.urgency for each in TABLE if each.red_flag == row.red_flag)
            for row in TABLE
        }
        for row in TABLE:
            template = guide.reasons.get(row.id)
            if template is None:
                problems.append(f"reasons: no reason template for rule {row.id!r}")
            elif unknown := placeholders(template) - _QUOTABLE:
                problems.append(f"reasons.{row.id}: unknown placeholders {sorted(unknown)}")
        for clause in CLAUSES:
            if clause not in guide.clauses:
                problems.append(f"clauses: no template for clause {clause!r}")
        linked = {rule.red_flag for rule in self.extra}
        for flag in guide.red_flags:
            if flag.id in lowest and flag.floor != lowest[flag.id]:
                problems.append(
                    f"red flag {flag.id!r}: floor {flag.floor.label} differs from its built-in "
                    f"rule's urgency {lowest[flag.id].label}"
                )
            if flag.id not in lowest and flag.id not in linked:
                problems.append(f"red flag {flag.id!r} has no rule")
        problems += [
            f"red flag {id!r}: missing from the guide" for id in lowest if guide.get(id) is None
        ]
        return problems

    def _derive(self) -> dict[str, Any]:
        """What every assessment shows for this ruleset, computed once."""
        guide = self.guide
        self_care = _guide().RemedyKind.SELF_CARE
        stages = {
            week: tuple(stage.id for stage in guide.timeline.stages if stage.covers(week))
            for week in range(1, 24)
        }
        factors = tuple((id, field) for id, field in _FACTORS if guide.get(id) is not None)
        return {
            # a tuple indexed by the urgency: an enum's hash is slow, its index is not
            "actions": tuple(guide.action_for(urgency).id for urgency in Urgency),
            "watch_for": {},  # the watch-for list of each set of fired red flags seen
            "advice": {},  # what to show for each set of built-in rows fired, once seen
            "self_care": tuple(r.id for r in guide.remedies if r.kind is self_care),
            "red_flags": tuple(flag.id for flag in guide.red_flags),
            # the outlook for each stage (weeks, or None) and whether management is given
            "outlooks": {
                (week, managed): (stages[week] if week else ())
                + tuple(
                    id
                    for id, field in factors
                    if (week is not None if field == "weeks_pregnant" else managed)
                )
                for week in (None, *stages)
                for managed in (False, True)
            },
            "about": {
                row.id: (row.id, row.urgency, row.red_flag, guide.reasons[row.id], guide.clauses)
                for row in TABLE
            },
            "reasons": guide.reasons,
            "clauses": guide.clauses,
        }

    def extended(self, *rules: Rule) -> Ruleset:
        """A new ruleset with *rules* added; a duplicate or malformed rule raises.

        >>> from postloss import Urgency, rule
        >>> @rule("acme/night-sweats", urgency=Urgency.ROUTINE, reason="night sweats")
        ... def night_sweats(report):
        ...     return False
        >>> len(default_rules().extended(night_sweats)) - len(default_rules())
        1
        """
        return attrs.evolve(self, extra=self.extra + rules)

    def describe(self) -> str:
        """Which ruleset this is: its rules, thresholds, content and the report it needs.

        >>> default_rules().describe()
        'built-in rules, default thresholds, content 2026.11.26 (en)'
        """
        thresholds = "default" if self.thresholds == Thresholds() else "custom"
        extra = f" + {', '.join(rule.id for rule in self.extra)}" if self.extra else ""
        needs = self.report_class
        report = "" if needs is SymptomReport else f", for {needs.__module__}.{needs.__qualname__}"
        return (
            f"built-in rules{extra}, {thresholds} thresholds, "
            f"content {self.guide.content_version} ({self.guide.locale}){report}"
        )

    def __len__(self) -> int:
        return len(self.rules)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.thresholds, self.extra, self.guide))


def _rebuild(thresholds: Thresholds, extra: tuple[Rule, ...], guide: Guide) -> Ruleset:
    return Ruleset(thresholds=thresholds, extra=extra, guide=guide)


@functools.cache
def _default_ruleset() -> Ruleset:
    return Ruleset()


def default_rules(*, thresholds: Thresholds | None = None, guide: Guide | None = None) -> Ruleset:
    """The built-in rules, for the default or the given *thresholds* and *guide*.

    >>> len(default_rules()) == len(default_rules().rules)
    True
    """
    if thresholds is None and guide is None:
        return _default_ruleset()
    return Ruleset(
        thresholds=Thresholds() if thresholds is None else thresholds,
        guide=_guide().load_guide() if guide is None else guide,
    )
