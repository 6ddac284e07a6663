"""Round-2 properties: the one reassuring input, and the list of unanswered questions.

Each test's docstring names the guarantee of DESIGN.md or the rule of CLINICAL.md it checks.
The reports and thresholds come from ``tests/strategies.py``; the answers tried for a field
cover its whole range (bounds, enum members, yes and no, and every threshold's line from both
sides), so "no answer raises the urgency" is checked where it could fail.
"""

from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import postloss
from postloss import Bleeding, SymptomReport, Thresholds, Urgency, assess, default_rules
from tests import oracle
from tests import strategies as s

#: How far down the list the questions that matter most must come for an empty report.
FIRST_FEW = 8

PERIOD_RULES = oracle.PERIOD_MAY_STOP
NO_PERIOD = "no-period-by-eight-weeks"


@st.composite
def reports_and_rules(draw: st.DrawFn) -> tuple[SymptomReport, postloss.Ruleset]:
    """Any valid report and the built-in rules under any valid threshold setting."""
    thresholds = draw(s.thresholds())
    report = draw(s.reports(SymptomReport, thresholds))
    return report, default_rules(thresholds=thresholds)


@st.composite
def period_reports(draw: st.DrawFn) -> tuple[SymptomReport, postloss.Ruleset]:
    """Reports where a returned period matters: bleeding from day 14 on, often increasing.

    Half are any report at all; the other half are drawn where the three bleeding rows can
    fire (days from 10, some bleeding, pain or not), so the property is tested where it bites.
    """
    report, rules = draw(reports_and_rules())
    if draw(st.booleans()):
        report = attrs.evolve(
            report,
            days_since_loss=draw(st.integers(10, 90)),
            bleeding=draw(st.sampled_from([Bleeding.SPOTTING, Bleeding.LIGHT, Bleeding.MODERATE])),
            bleeding_increasing=draw(st.sampled_from([None, True, False])),
        )
    return report, rules


def fired(report: SymptomReport, rules: postloss.Ruleset) -> dict[str, Urgency]:
    """The built-in rules that fire on *report*, with their urgencies."""
    return {finding.rule_id: finding.urgency for finding in assess(report, rules=rules).findings}


# --- period_returned ------------------------------------------------------------------------


@given(period_reports(), st.sampled_from([None, False]))
def test_a_returned_period_stops_only_the_three_bleeding_rows(
    case: tuple[SymptomReport, postloss.Ruleset], before: bool | None
) -> None:
    """CLINICAL.md "Reassuring inputs"; DESIGN.md guarantee 2 with ``True`` the better value.

    Changing ``period_returned`` from not asked or "no" to "yes" never adds a finding and
    removes only *bleeding beyond three weeks*, *bleeding getting heavier again* and *pain and
    bleeding at two weeks* (and, from "no", *no period by eight weeks*, which "no" fired). The
    urgency never rises, and never falls below what the other findings call for.
    """
    report, rules = case
    without = attrs.evolve(report, period_returned=before)
    with_period = attrs.evolve(report, period_returned=True)
    old, new = fired(without, rules), fired(with_period, rules)
    may_stop = PERIOD_RULES | ({NO_PERIOD} if before is False else set())
    assert set(new) <= set(old), set(new) - set(old)
    assert set(old) - set(new) <= may_stop, set(old) - set(new)
    urgency = assess(with_period, rules=rules).urgency
    assert urgency <= assess(without, rules=rules).urgency
    others = [level for rule_id, level in old.items() if rule_id not in may_stop]
    assert urgency >= max(others, default=Urgency.SELF_CARE)


@given(period_reports())
def test_a_returned_period_stops_the_bleeding_rows_exactly_when_clinical_md_allows(
    case: tuple[SymptomReport, postloss.Ruleset],
) -> None:
    """CLINICAL.md "Reassuring inputs": only from 21 days, bleeding not heavy, no ectopic sign.

    Whether the three bleeding rows may be stopped is decided by the oracle's reading of the
    section; when it says no, a "yes" changes nothing at all.
    """
    report, rules = case
    with_period = attrs.evolve(report, period_returned=True)
    not_asked = attrs.evolve(report, period_returned=None)
    if not oracle.period_reassures(with_period, rules.thresholds):
        assert fired(with_period, rules) == fired(not_asked, rules)
    else:
        assert not set(fired(with_period, rules)) & PERIOD_RULES


# --- unanswered() ---------------------------------------------------------------------------


def urgency_with(report: SymptomReport, rules: postloss.Ruleset, name: str, value: Any) -> Urgency:
    """The urgency of *report* with field *name* answered *value*."""
    changes: dict[str, Any] = {name: value}
    return assess(attrs.evolve(report, **changes), rules=rules).urgency


def highest_with(report: SymptomReport, rules: postloss.Ruleset, name: str) -> Urgency:
    """The highest urgency any answer to field *name* gives *report* (its whole range tried)."""
    return max(
        urgency_with(report, rules, name, value) for value in s.answers(name, rules.thresholds)
    )


@settings(max_examples=25)  # each example answers every listed field over its whole range
@given(reports_and_rules())
def test_every_listed_question_can_raise_the_urgency(
    case: tuple[SymptomReport, postloss.Ruleset],
) -> None:
    """DESIGN.md ``unanswered``: each field listed is unanswered, and some answer raises it.

    CLINICAL.md "What the assessment must say about missing answers": the list names the
    unanswered inputs that could still change the urgency, most urgent first.
    """
    report, rules = case
    listed = postloss.unanswered(report, rules=rules)
    assert len(listed) == len(set(listed))
    current = assess(report, rules=rules).urgency
    for name in listed:
        assert getattr(report, name) is None, name
        highest = highest_with(report, rules, name)
        assert highest > current, (name, highest, current)


@given(reports_and_rules(), st.data())
def test_no_unlisted_question_raises_the_urgency(
    case: tuple[SymptomReport, postloss.Ruleset], data: st.DataObject
) -> None:
    """DESIGN.md ``unanswered``: an unanswered field left off the list cannot raise the urgency.

    The field is drawn among those the report left unanswered and not listed; its answer is
    drawn from the field's whole valid range.
    """
    report, rules = case
    listed = set(postloss.unanswered(report, rules=rules))
    unlisted = [
        field.name
        for field in postloss.report_fields()
        if getattr(report, field.name) is None and field.name not in listed
    ]
    if not unlisted:
        return
    name = data.draw(st.sampled_from(unlisted), label="field")
    value = data.draw(s.answer_values(name), label="answer")
    current = assess(report, rules=rules).urgency
    assert urgency_with(report, rules, name, value) <= current, (name, value)


@given(reports_and_rules())
def test_no_unlisted_question_raises_the_urgency_at_any_edge(
    case: tuple[SymptomReport, postloss.Ruleset],
) -> None:
    """DESIGN.md ``unanswered``: every unlisted field, at every edge of its range, at once."""
    report, rules = case
    listed = set(postloss.unanswered(report, rules=rules))
    current = assess(report, rules=rules).urgency
    for field in postloss.report_fields():
        if getattr(report, field.name) is None and field.name not in listed:
            assert highest_with(report, rules, field.name) <= current, field.name


@given(reports_and_rules())
def test_nothing_is_left_to_ask_in_an_emergency(
    case: tuple[SymptomReport, postloss.Ruleset],
) -> None:
    """DESIGN.md ``unanswered``: empty when nothing could raise it (already an emergency)."""
    report, rules = case
    if assess(report, rules=rules).urgency is Urgency.EMERGENCY:
        assert postloss.unanswered(report, rules=rules) == ()


@given(reports_and_rules())
def test_an_emergency_report_lists_nothing(case: tuple[SymptomReport, postloss.Ruleset]) -> None:
    """DESIGN.md ``unanswered``, drawn where it applies: heavy bleeding added to any report."""
    report, rules = case
    heavy = attrs.evolve(report, bleeding=Bleeding.HEAVY)
    assert assess(heavy, rules=rules).urgency is Urgency.EMERGENCY
    assert postloss.unanswered(heavy, rules=rules) == ()


def test_an_empty_report_asks_about_bleeding_and_temperature_first() -> None:
    """CLINICAL.md round-2 change 6: an empty report is asked the questions that matter most."""
    listed = postloss.unanswered(SymptomReport())
    assert "bleeding" in listed[:FIRST_FEW], listed
    assert "temperature_c" in listed[:FIRST_FEW], listed
    every = {field.name for field in postloss.report_fields()}
    assert set(listed) <= every


def test_heavy_bleeding_leaves_nothing_to_ask() -> None:
    """DESIGN.md ``unanswered``: empty when the report is already an emergency."""
    assert postloss.unanswered(SymptomReport(bleeding=Bleeding.HEAVY)) == ()


def test_the_answers_tried_meet_every_line_from_both_sides() -> None:
    """The strategy behind these properties reaches each threshold of CLINICAL.md."""
    t = Thresholds()
    assert {99, 100, 130, 131} <= set(s.answers("heart_rate_bpm", t))
    assert {20, 21, 24, 25} <= set(s.answers("respiratory_rate", t))
    assert {90, 91, 100, 101} <= set(s.answers("systolic_bp", t))
    assert {11, 12, 17, 18} <= set(s.answers("hours_since_urine", t))
    assert {35.99, 36.0, 37.99, 38.0} <= set(s.answers("temperature_c", t))
    assert {6, 7} <= set(s.answers("pain_score", t))
    assert {0, 1, 13, 14, 20, 21, 42, 43, 55, 56} <= set(s.answers("days_since_loss", t))
    assert {0.99, 1.0} <= set(s.answers("pads_soaked_per_hour", t))
    assert set(s.answers("bleeding", t)) == set(Bleeding)
    assert set(s.answers("chills", t)) == {True, False}
