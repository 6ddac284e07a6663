"""unanswered(): the questions whose answer could still raise a report's urgency."""

from __future__ import annotations

import collections
import enum
from typing import Any

import attrs

from postloss._urgency import Urgency
from postloss.triage._assess import assess
from postloss.triage._fields import ReportField, report_fields
from postloss.triage._report import SymptomReport
from postloss.triage._ruleset import Ruleset, default_rules
from postloss.triage._thresholds import Thresholds

__all__ = ["unanswered"]


def unanswered(report: SymptomReport, *, rules: Ruleset | None = None) -> tuple[str, ...]:
    """The unanswered fields whose answer could raise the urgency, most urgent first.

    What an app should ask next. A field counts when some valid answer to it, the
    rest of the report unchanged, gives a higher urgency. The most urgent come
    first: ranked by the highest urgency of the rules that read the field (or that
    its answer alone reaches, if higher), then by how many rules read it, then in
    the report's order. Empty when nothing could raise it (an emergency already).
    Numbers are tried at their bounds and at and either side of every threshold;
    text fields of a subclass are not tried.

    >>> from postloss import Bleeding, SymptomReport
    >>> unanswered(SymptomReport(bleeding=Bleeding.HEAVY))
    ()
    >>> "temperature_c" in unanswered(SymptomReport())
    True
    """
    ruleset = default_rules() if rules is None else rules
    now = assess(report, rules=ruleset).urgency
    if now is Urgency.EMERGENCY:
        return ()
    reach: dict[str, Urgency] = {}
    for spec in report_fields(type(report)):
        if getattr(report, spec.name) is not None:
            continue
        best: Urgency = now
        for value in _answers(spec, ruleset.thresholds):
            answered = attrs.evolve(report, **{spec.name: value})
            best = max(best, assess(answered, rules=ruleset).urgency)
            if best is Urgency.EMERGENCY:
                break
        if best > now:
            reach[spec.name] = best
    weight = _weights(ruleset)
    return tuple(
        sorted(
            reach,
            key=lambda name: (-max(reach[name], weight[name][0]), -weight[name][1]),
        )
    )


def _weights(ruleset: Ruleset) -> dict[str, tuple[Urgency, int]]:
    """Per field: the highest urgency among the rules reading it, and how many do."""
    weights: dict[str, tuple[Urgency, int]] = {}
    for each in ruleset.rules:
        for name in each.inputs:
            highest, count = weights.get(name, (Urgency.SELF_CARE, 0))
            weights[name] = (max(highest, each.urgency), count + 1)
    return collections.defaultdict(lambda: (Urgency.SELF_CARE, 0), weights)


def _answers(spec: ReportField, thresholds: Thresholds) -> list[Any]:
    """The answers worth trying: every choice, or numbers at the edges the rules use."""
    if spec.type is bool:
        return [True, False]
    if issubclass(spec.type, enum.Enum):
        return list(spec.type)
    if spec.type not in (int, float) or spec.bounds is None:
        return []
    low, high = spec.bounds
    step = 1 if spec.type is int else 0.01
    lines = [getattr(thresholds, name) for name in attrs.fields_dict(Thresholds)]
    candidates = {low, high, *(near for line in lines for near in (line - step, line, line + step))}
    return sorted(spec.type(value) for value in candidates if low <= value <= high)
