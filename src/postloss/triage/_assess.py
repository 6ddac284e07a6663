"""assess(): a report in, an urgency with its reasons and the advice to show out."""

from __future__ import annotations

import attrs

from postloss._urgency import Urgency
from postloss.errors import InvalidReportError, InvalidRuleError, RuleError
from postloss.guide import Guide
from postloss.triage._report import SymptomReport
from postloss.triage._ruleset import Ruleset, default_rules

__all__ = ["Assessment", "Finding", "assess"]


@attrs.frozen
class Finding:
    """One rule that fired: its id, its urgency, its red flag (a guide id) and why."""

    rule_id: str
    urgency: Urgency
    red_flag_id: str | None
    reason: str


@attrs.frozen(kw_only=True)
class Assessment:
    """How urgently to seek care, why, and what to show; every advice item is a guide id.

    ``findings`` come most urgent first. ``action`` is the guide's action for
    ``urgency``; ``self_care`` the self-care measures, given only when nothing
    urgent fired; ``watch_for`` the red flags that did not fire; ``outlook`` the
    timeline items that apply (the early or late loss stage, and the factors the
    report informs).
    """

    urgency: Urgency
    findings: tuple[Finding, ...]
    action: str
    self_care: tuple[str, ...]
    watch_for: tuple[str, ...]
    outlook: tuple[str, ...]

    @property
    def escalated(self) -> bool:
        """Whether the urgency is above self-care."""
        return self.urgency > Urgency.SELF_CARE

    @property
    def red_flags(self) -> tuple[str, ...]:
        """The ids of the red flags that fired, most urgent first."""
        return tuple(f.red_flag_id for f in self.findings if f.red_flag_id is not None)


def assess(report: SymptomReport, *, rules: Ruleset | None = None) -> Assessment:
    """Assess *report* against *rules* (default: :func:`default_rules`); pure.

    The urgency is the highest of the findings', or ``SELF_CARE`` when no rule
    fires. A rule that raises, or returns anything but a bool, makes ``assess``
    raise :class:`~postloss.RuleError` naming it.

    >>> from postloss import SymptomReport
    >>> result = assess(SymptomReport(temperature_c=38.4, pain_score=3))
    >>> result.urgency.label, [f.reason for f in result.findings]
    ('urgent', ['temperature 38.4 °C is at or above 38.0 °C'])
    """
    ruleset = default_rules() if rules is None else rules
    if type(ruleset) is not Ruleset:
        raise InvalidRuleError(f"rules must be a Ruleset, got {type(ruleset).__name__}")
    if not isinstance(report, SymptomReport):
        raise InvalidReportError([f"$: expected a SymptomReport, got {type(report).__name__}"])
    findings = []
    for candidate in ruleset.rules:
        try:
            fired = candidate.predicate(report)
            if fired is True:
                findings.append(
                    Finding(
                        rule_id=candidate.id,
                        urgency=candidate.urgency,
                        red_flag_id=candidate.red_flag,
                        reason=candidate.explain(report),
                    )
                )
            elif fired is not False:
                raise TypeError(f"predicate returned {type(fired).__name__}, not bool")
        except Exception as error:
            raise RuleError(candidate.id) from error
    findings.sort(key=lambda finding: -finding.urgency)
    urgency = findings[0].urgency if findings else Urgency.SELF_CARE
    fired_flags = {finding.red_flag_id for finding in findings}
    guide = ruleset.guide
    return Assessment(
        urgency=urgency,
        findings=tuple(findings),
        action=guide.action_for(urgency).id,
        self_care=ruleset.self_care if urgency < Urgency.URGENT else (),
        watch_for=tuple(flag.id for flag in guide.red_flags if flag.id not in fired_flags),
        outlook=_outlook(guide, report),
    )


#: The timeline factors a report can inform, with the field that informs each.
_FACTORS = (("stage-of-pregnancy", "weeks_pregnant"), ("type-of-miscarriage", "management"))


def _outlook(guide: Guide, report: SymptomReport) -> tuple[str, ...]:
    """The loss stage that applies, then the timeline factors the report informs."""
    weeks = report.weeks_pregnant
    stages = [stage.id for stage in guide.timeline.stages if weeks and stage.covers(weeks)]
    factors = [
        id
        for id, field in _FACTORS
        if getattr(report, field) is not None and guide.get(id) is not None
    ]
    return (*stages, *factors)
