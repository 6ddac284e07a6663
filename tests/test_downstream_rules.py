"""Downstream rules: namespaced ids, the report class a rule needs, and what a ruleset says."""

from __future__ import annotations

import re

import attrs
import pytest

import postloss
from postloss import (
    Bleeding,
    InvalidRuleError,
    ReportClassError,
    Rule,
    RuleError,
    SymptomReport,
    Thresholds,
    Urgency,
    assess,
    default_rules,
    rule,
    unanswered,
)
from postloss._ids import is_slug
from postloss.interop.markdown import decision_table
from postloss.triage._builtin import TABLE


@attrs.frozen(kw_only=True)
class HomeReport(SymptomReport):
    """A downstream report with one field of its own."""

    systolic_bp_home: int | None = postloss.field(low=50, high=250, unit="mm[Hg]")


@attrs.frozen(kw_only=True)
class LaterHomeReport(HomeReport):
    """A report class derived from a downstream one."""

    seen_today: bool | None = None


@attrs.frozen(kw_only=True)
class OtherReport(SymptomReport):
    """Another project's report, unrelated to HomeReport."""

    steps_today: int | None = postloss.field(low=0, high=50_000)


@rule("acme/high-bp", urgency=Urgency.URGENT, reason="home systolic {systolic_bp_home} mmHg")
def high_bp(report: HomeReport) -> bool:
    """Home systolic pressure of 160 mmHg or more."""
    return report.systolic_bp_home is not None and report.systolic_bp_home >= 160


def _never(report: SymptomReport) -> bool:
    return False


@pytest.mark.parametrize("id", ["acme/high-bp", "acme-clinic/high-bp", "a1/b2-c3"])
def test_namespaced_ids_are_accepted(id: str) -> None:
    made = rule(id, urgency=Urgency.ROUTINE, reason="fired")(_never)
    assert default_rules().extended(made).extra == (made,)


@pytest.mark.parametrize(
    "id",
    [
        "acme.high-bp",
        "acme:high-bp",
        "Acme/high-bp",
        "acme/",
        "/high-bp",
        "acme/high/bp",
        "acme/ x",
    ],
)
def test_other_spellings_of_a_namespace_are_refused_naming_the_rule(id: str) -> None:
    with pytest.raises(InvalidRuleError, match=re.escape(repr(id))) as caught:
        rule(id, urgency=Urgency.ROUTINE, reason="fired")(_never)
    assert "e.g. 'acme/high-bp'" in str(caught.value)


def test_a_bare_downstream_id_is_refused_by_extended_with_the_fix_in_the_message() -> None:
    bare = rule("high-bp", urgency=Urgency.ROUTINE, reason="fired")(_never)
    with pytest.raises(InvalidRuleError) as caught:
        default_rules().extended(bare)
    message = str(caught.value)
    assert "'high-bp'" in message
    assert "namespaced" in message
    assert "'acme/high-bp'" in message


def test_built_in_rule_ids_stay_bare_slugs() -> None:
    assert TABLE
    for row in TABLE:
        assert is_slug(row.id), row.id
        assert "/" not in row.id


def test_a_rule_needs_the_report_class_its_first_parameter_is_annotated_with() -> None:
    assert high_bp.report_class is HomeReport
    unannotated = rule("acme/unannotated", urgency=Urgency.ROUTINE, reason="x")(
        lambda report: False
    )
    assert unannotated.report_class is SymptomReport
    # A string annotation (this module uses `from __future__ import annotations`) resolves.
    assert rule("acme/plain", urgency=Urgency.ROUTINE, reason="x")(_never).report_class is (
        SymptomReport
    )


def test_an_annotation_that_is_no_report_class_is_refused() -> None:
    def on_numbers(report: int) -> bool:
        return False

    with pytest.raises(InvalidRuleError, match=r"'acme/numbers'.*SymptomReport or a subclass"):
        rule("acme/numbers", urgency=Urgency.ROUTINE, reason="x")(on_numbers)


def test_a_ruleset_needs_the_most_derived_report_class_of_its_rules() -> None:
    @rule("acme/seen-today", urgency=Urgency.ROUTINE, reason="seen today")
    def seen_today(report: LaterHomeReport) -> bool:
        return report.seen_today is True

    assert default_rules().report_class is SymptomReport
    assert default_rules().extended(high_bp).report_class is HomeReport
    assert default_rules().extended(high_bp, seen_today).report_class is LaterHomeReport
    assert default_rules().extended(seen_today, high_bp).report_class is LaterHomeReport


def test_rules_needing_unrelated_report_classes_cannot_share_a_ruleset() -> None:
    @rule("other/steps", urgency=Urgency.ROUTINE, reason="few steps")
    def few_steps(report: OtherReport) -> bool:
        return report.steps_today is not None and report.steps_today < 100

    with pytest.raises(InvalidRuleError, match=r"'other/steps' needs OtherReport.*HomeReport"):
        default_rules().extended(high_bp, few_steps)


@attrs.frozen(kw_only=True)
class SpyReport(SymptomReport):
    """A report that records every field a rule reads from it."""

    def __getattribute__(self, name: str) -> object:
        if not name.startswith("_") and name in attrs.fields_dict(SymptomReport):
            READ.append(name)
        return object.__getattribute__(self, name)


READ: list[str] = []


def test_a_ruleset_needing_a_subclass_refuses_a_plain_report_before_any_rule_runs() -> None:
    calls: list[str] = []

    @rule("acme/any-report", urgency=Urgency.ROUTINE, reason="ran")
    def any_report(report: SymptomReport) -> bool:
        calls.append("ran")
        return True

    rules = default_rules().extended(any_report, high_bp)
    report = SpyReport(bleeding=Bleeding.HEAVY, pain_score=9)
    READ.clear()
    with pytest.raises(ReportClassError) as caught:
        assess(report, rules=rules)
    assert str(caught.value) == (
        "these rules need a report of class HomeReport, got one of class SpyReport"
    )
    assert isinstance(caught.value, postloss.PostlossError)
    assert not isinstance(caught.value, RuleError)
    assert calls == []
    assert READ == []  # no rule, built-in or downstream, read the report
    with pytest.raises(ReportClassError):
        unanswered(SymptomReport(), rules=rules)
    assert calls == []


def test_a_ruleset_accepts_its_report_class_and_subclasses_of_it() -> None:
    rules = default_rules().extended(high_bp)
    for cls in (HomeReport, LaterHomeReport):
        assessment = assess(cls(systolic_bp_home=170), rules=rules)
        assert [f.rule_id for f in assessment.findings] == ["acme/high-bp"]
        assert assessment.findings[0].reason == "home systolic 170 mmHg"


def test_a_reason_template_is_checked_against_the_report_class_when_the_rule_is_built() -> None:
    with pytest.raises(InvalidRuleError, match=r"'acme/high-bp'.*systolic_bp_home.*SymptomReport"):
        rule("acme/high-bp", urgency=Urgency.URGENT, reason="home {systolic_bp_home} mmHg")(_never)
    with pytest.raises(InvalidRuleError, match=r"systolic_bp_home.*SymptomReport"):
        Rule(
            id="acme/high-bp", urgency=Urgency.URGENT, predicate=_never, reason="{systolic_bp_home}"
        )
    # The same template is fine on the class that has the field.
    assert high_bp.reason == "home systolic {systolic_bp_home} mmHg"


def test_the_decision_table_of_a_custom_ruleset_says_which_ruleset_it_describes() -> None:
    default = decision_table()
    assert "Rules: built-in rules, default thresholds, content " in default
    custom = default_rules(thresholds=Thresholds(fever_c=37.8)).extended(high_bp)
    table = decision_table(custom)
    guide = custom.guide
    line = (
        f"Rules: built-in rules + acme/high-bp, custom thresholds, content "
        f"{guide.content_version} ({guide.locale}), for {__name__}.HomeReport."
    )
    assert line in table.splitlines()
    assert "| `acme/high-bp` |" in table
    assert "| `fever_c` | 37.8 °C |" in table
    assert "Home systolic pressure of 160 mmHg or more." in table
