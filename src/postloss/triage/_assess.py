"""assess(): a report in, an urgency with its reasons and the advice to show out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from postloss._urgency import Urgency
from postloss.errors import (
    InvalidReportError,
    InvalidRuleError,
    Problem,
    ReportClassError,
    RuleError,
)
from postloss.triage._builtin import TABLE, BuiltinRule
from postloss.triage._compile import compile_rows
from postloss.triage._reasons import placeholders, render
from postloss.triage._report import SymptomReport
from postloss.triage._rules import Rule
from postloss.triage._ruleset import Ruleset, default_rules
from postloss.triage._signs import Evidence
from postloss.triage._thresholds import Thresholds

__all__ = ["Assessment", "Finding", "assess"]

_NO_CLAUSES: Mapping[str, str] = {}


#: What a finding says besides its facts: rule id, urgency, red flag, template, clause words.
About = tuple[str, Urgency, "str | None", str, Mapping[str, str]]
#: Where a built-in finding's facts come from until they are read.
Source = tuple[Evidence, SymptomReport, Thresholds]


@attrs.frozen(init=False, eq=False, repr=False)  # built for speed; compared and shown below
class Finding:
    """One rule that fired: its id, its urgency, its red flag (a guide id) and why.

    ``facts`` holds the values and thresholds the reason quotes, as data, so an
    app can render or translate it; ``reason`` renders ``template`` with them (a
    built-in rule's words come from the guide in use, in its locale). A built-in
    finding works its facts out when they are first read.
    """

    _about: About
    #: The facts, or, for a built-in finding not yet read, where to work them out.
    _facts: dict[str, Any] | Source
    #: JSON and cattrs read and write a finding by its constructor's arguments.
    __structure_by_init__ = True

    def __init__(
        self,
        rule_id: str,
        urgency: Urgency,
        red_flag_id: str | None,
        template: str,
        facts: dict[str, Any] | None = None,
        *,
        clauses: Mapping[str, str] = _NO_CLAUSES,
    ) -> None:
        _SET_ABOUT(self, (rule_id, urgency, red_flag_id, template, clauses))
        _SET_FACTS(self, {} if facts is None else facts)

    @property
    def rule_id(self) -> str:
        """The id of the rule that fired."""
        return self._about[0]

    @property
    def urgency(self) -> Urgency:
        """The urgency the rule calls for."""
        return self._about[1]

    @property
    def red_flag_id(self) -> str | None:
        """The guide's id of the red flag the rule enforces, if any."""
        return self._about[2]

    @property
    def template(self) -> str:
        """The reason's template: its words, naming its facts as ``{name}``."""
        return self._about[3]

    @property
    def clauses(self) -> Mapping[str, str]:
        """The words of each clause ``{signs}`` may list, from the guide in use."""
        return self._about[4]

    @property
    def facts(self) -> dict[str, Any]:
        """The values and thresholds the reason quotes, by name."""
        facts = self._facts
        if type(facts) is tuple:
            evidence, report, thresholds = facts
            facts = evidence(report, thresholds)
            _SET_FACTS(self, facts)  # the same every time: pure
        assert type(facts) is dict
        return facts

    @property
    def reason(self) -> str:
        """The reason, quoting the value and the threshold: "temperature 38.4 °C / …"."""
        return render(self.template, self.facts, self.clauses)

    def _key(self) -> tuple[object, ...]:
        return (*self._about[:4], self.facts)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._about[:4])

    def __repr__(self) -> str:
        return (
            f"Finding(rule_id={self.rule_id!r}, urgency={self.urgency!r}, "
            f"red_flag_id={self.red_flag_id!r}, template={self.template!r}, "
            f"facts={self.facts!r})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_finding, (self._about, self.facts))


_SET_ABOUT, _SET_FACTS = (Finding.__dict__[name].__set__ for name in ("_about", "_facts"))


def _finding(about: About, facts: dict[str, Any]) -> Finding:
    rule_id, urgency, red_flag_id, template, clauses = about
    return Finding(rule_id, urgency, red_flag_id, template, facts, clauses=clauses)


def _built_in_finding(about: About, source: Source) -> Finding:
    """A built-in rule's finding, its facts worked out when first read (the fast path)."""
    finding = _NEW(Finding)
    _SET_ABOUT(finding, about)
    _SET_FACTS(finding, source)
    return finding


_NEW = object.__new__


@attrs.frozen(kw_only=True)
class Assessment:
    """How urgently to seek care, why, and what to show; every advice item is a guide id.

    ``findings`` come most urgent first. ``action`` is the guide's action for
    ``urgency`` (its text: ``guide.action_for(urgency).text``); ``self_care`` the
    self-care measures, given only when nothing urgent fired; ``watch_for`` the red
    flags that did not fire; ``outlook`` the timeline items that apply (the early or
    late loss stage, and the factors the report informs).
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
        """The ids of the red flags that fired, most urgent first, each once."""
        return tuple(dict.fromkeys(f.red_flag_id for f in self.findings if f.red_flag_id))


def assess(report: SymptomReport, *, rules: Ruleset | None = None) -> Assessment:
    """Assess *report* against *rules* (default: :func:`default_rules`); pure.

    The urgency is the highest of the findings', or ``SELF_CARE`` when no rule
    fires. A rule that raises, returns anything but a bool, or gives a reason that
    is not text makes ``assess`` raise :class:`~postloss.RuleError` naming it; its
    ``partial`` is the assessment from every other rule, the built-in ones included.

    >>> from postloss import SymptomReport
    >>> result = assess(SymptomReport(temperature_c=38.4, pain_score=3))
    >>> result.urgency.label, [f.reason for f in result.findings]
    ('urgent', ['fever or chills: temperature 38.4 °C / 101.1 °F, at or above 38.0 °C / 100.4 °F'])
    """
    ruleset = default_rules() if rules is None else rules
    if type(ruleset) is not Ruleset:
        raise InvalidRuleError(f"rules must be a Ruleset, got {type(ruleset).__name__}")
    if not isinstance(report, ruleset.report_class):
        if not isinstance(report, SymptomReport):
            kind = type(report).__name__
            raise InvalidReportError(
                [Problem("$", "type", f"expected a SymptomReport, got {kind}")]
            )
        raise ReportClassError(
            f"these rules need a report of class {ruleset.report_class.__name__}, "
            f"got one of class {type(report).__name__}"
        )
    thresholds = ruleset.thresholds
    fired_rows = _FIRED_ROWS or _compile_table()  # on first use; a failure here is loud
    try:
        fired = fired_rows(report, thresholds)
    except Exception:  # a broken built-in: find it, rule by rule, below
        return _assess_one_by_one(report, ruleset)
    derived = ruleset._derived  # what the ruleset worked out once
    if not ruleset.extra:  # the fast path: the advice for these rows is worked out once
        key = tuple(fired)
        advice = derived["advice"].get(key) or _advice(derived, key)
        urgency, abouts, action, self_care, watch_for = advice
        findings = tuple(
            [
                _built_in_finding(about, (row.evidence, report, thresholds))
                for about, row in zip(abouts, fired)  # noqa: B905  # equal by construction
            ]
        )
        outlook = derived["outlooks"][report.weeks_pregnant, report.management is not None]
        return Assessment(
            urgency=urgency,
            findings=findings,
            action=action,
            self_care=self_care,
            watch_for=watch_for,
            outlook=outlook,
        )
    about = derived["about"]
    built_in = [
        _built_in_finding(about[row.id], (row.evidence, report, thresholds)) for row in fired
    ]
    failures, extra = _run_extra(report, ruleset)
    every = sorted(built_in + extra, key=_most_urgent_first)
    if failures:
        rule_id, error = failures[0]
        raise RuleError(rule_id, partial=_assessment(report, ruleset, every)) from error
    return _assessment(report, ruleset, every)


#: The built-in table compiled into one function (``_compile.py``), once it is first needed.
_FIRED_ROWS: Callable[[SymptomReport, Thresholds], list[BuiltinRule]] | None = None


def _compile_table() -> Callable[[SymptomReport, Thresholds], list[BuiltinRule]]:
    global _FIRED_ROWS  # noqa: PLW0603  # set once; compiling twice gives the same function
    _FIRED_ROWS = compile_rows(TABLE)[0]
    return _FIRED_ROWS


def _most_urgent_first(finding: Finding) -> int:
    return -finding.urgency


def _assessment(report: SymptomReport, ruleset: Ruleset, findings: list[Finding]) -> Assessment:
    derived = ruleset._derived
    urgency = findings[0].urgency if findings else Urgency.SELF_CARE
    if findings:
        fired = frozenset([finding.red_flag_id for finding in findings])
        watch_for = derived["watch_for"].get(fired) or _watch_for(derived, fired)
    else:
        watch_for = derived["red_flags"]
    return Assessment(
        urgency=urgency,
        findings=tuple(findings),
        action=derived["actions"][urgency],
        self_care=derived["self_care"] if urgency < Urgency.URGENT else (),
        watch_for=watch_for,
        outlook=derived["outlooks"][report.weeks_pregnant, report.management is not None],
    )


#: What an assessment shows for a set of built-in rows: urgency, each row's finding
#: (id, urgency, red flag, template, clauses), action, self-care and watch-for.
Advice = tuple[Urgency, tuple["About", ...], str, tuple[str, ...], tuple[str, ...]]
#: The rules that failed, in the order they ran: each id with its error.
Failures = list[tuple[str, BaseException]]


def _advice(derived: dict[str, Any], fired: tuple[BuiltinRule, ...]) -> Advice:
    """The advice for the built-in rows *fired* (most urgent first); kept for the next report."""
    urgency = fired[0].urgency if fired else Urgency.SELF_CARE
    flags: frozenset[str | None] = frozenset([row.red_flag for row in fired])
    advice = (
        urgency,
        tuple(derived["about"][row.id] for row in fired),
        derived["actions"][urgency],
        derived["self_care"] if urgency < Urgency.URGENT else (),
        derived["watch_for"].get(flags) or _watch_for(derived, flags),
    )
    if len(derived["advice"]) < _WATCH_FOR_KEPT:
        derived["advice"][fired] = advice
    return advice


def _watch_for(derived: dict[str, Any], fired: frozenset[str | None]) -> tuple[str, ...]:
    """The red flags not among *fired*, in the guide's order; kept for the next report."""
    watch_for = tuple(flag for flag in derived["red_flags"] if flag not in fired)
    if len(derived["watch_for"]) < _WATCH_FOR_KEPT:
        derived["watch_for"][fired] = watch_for
    return watch_for


#: How many sets of fired red flags a ruleset keeps its watch-for list for.
_WATCH_FOR_KEPT = 4096


def _run_extra(report: SymptomReport, ruleset: Ruleset) -> tuple[Failures, list[Finding]]:
    """Run every downstream rule; the failures (id and error), in order, and the findings."""
    failures: Failures = []
    findings = []
    for each in ruleset.extra:
        try:
            finding = _run(each, report)
        except Exception as error:  # reported as RuleError, never swallowed
            failures.append((each.id, error))
            continue
        if finding is not None:
            findings.append(finding)
    return failures, findings


def _run(each: Rule, report: SymptomReport) -> Finding | None:
    fired = each.predicate(report)
    if fired is False:
        return None
    if fired is not True:
        raise TypeError(f"predicate returned {type(fired).__name__}, not bool")
    reason = each.reason
    if callable(reason):
        text = reason(report)
        if not isinstance(text, str) or not text:
            raise TypeError(f"reason returned {type(text).__name__}, not text")
        return Finding(each.id, each.urgency, each.red_flag, text)
    facts = {name: getattr(report, name) for name in placeholders(reason)}
    return Finding(each.id, each.urgency, each.red_flag, reason, facts)


def _assess_one_by_one(report: SymptomReport, ruleset: Ruleset) -> Assessment:
    """The slow path after the compiled table raised: run each rule alone.

    Raise for the first rule that fails, or answer when none does (the compiled table
    raised on a sign no rule needed).
    """
    derived = ruleset._derived
    failures: Failures = []
    findings = []
    for row in TABLE:
        try:
            if row.predicate(report, ruleset.thresholds):
                facts = row.evidence(report, ruleset.thresholds)
                template = derived["reasons"][row.id]
                findings.append(
                    Finding(
                        row.id,
                        row.urgency,
                        row.red_flag,
                        template,
                        facts,
                        clauses=derived["clauses"],
                    )
                )
        except Exception as error:
            failures.append((row.id, error))
    extra_failures, extra = _run_extra(report, ruleset)
    failures += extra_failures
    findings = sorted(findings + extra, key=_most_urgent_first)
    if not failures:  # only the compiled table failed: every rule, run alone, answered
        return _assessment(report, ruleset, findings)
    rule_id, cause = failures[0]
    raise RuleError(rule_id, partial=_assessment(report, ruleset, findings)) from cause
