"""Inputs, extensions and processes that once crashed or misled: each now behaves."""

import concurrent.futures
import pickle

import attrs
import pytest

import postloss
from postloss import (
    Bleeding,
    InvalidReportError,
    ReportClassError,
    RuleError,
    SymptomReport,
    Urgency,
    assess,
    default_rules,
    parse_report,
    rule,
)


@rule("acme/always-routine", urgency=Urgency.ROUTINE, reason="pain {pain_score}/10 noted")
def always_routine(report: SymptomReport) -> bool:
    """Fires on every report (a module-level rule, as a clinic would write one)."""
    return True


@rule("acme/broken", urgency=Urgency.ROUTINE, reason="never shown")
def broken(report: SymptomReport) -> bool:
    """Raises on every report."""
    raise ZeroDivisionError


def test_rulesets_default_and_custom_pickle_and_compare_equal() -> None:
    for rules in (default_rules(), default_rules().extended(always_routine)):
        copy = pickle.loads(pickle.dumps(rules))
        assert copy == rules
        report = SymptomReport(pain_score=3)
        assert assess(report, rules=copy) == assess(report, rules=rules)


def _assess_heavy(rules: postloss.Ruleset) -> Urgency:
    return assess(SymptomReport(bleeding=Bleeding.HEAVY, pain_score=2), rules=rules).urgency


def test_assess_runs_in_a_process_pool_with_a_custom_ruleset() -> None:
    rules = default_rules().extended(always_routine)
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(_assess_heavy, [rules, rules])) == [Urgency.EMERGENCY] * 2


@pytest.mark.parametrize(
    "error",
    [
        InvalidReportError([postloss.Problem("pain_score", "range", "too high", (0, 10))]),
        postloss.ContentError("x.toml", ["faq[0].id: bad"]),
        RuleError("acme/x"),
        ReportClassError("no"),
        postloss.PluginError("acme", "rules", "cannot load 'acme_clinic.rules:RULES'"),
        postloss.UnknownItemError("no item"),
    ],
)
def test_every_error_pickles_with_its_attributes(error: postloss.PostlossError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_a_broken_downstream_rule_keeps_the_emergency_in_its_partial_assessment() -> None:
    rules = default_rules().extended(broken)
    with pytest.raises(RuleError) as caught:
        assess(SymptomReport(bleeding=Bleeding.HEAVY), rules=rules)
    assert caught.value.rule_id == "acme/broken"
    assert caught.value.partial is not None
    assert caught.value.partial.urgency is Urgency.EMERGENCY
    assert "heavy-bleeding" in caught.value.partial.red_flags


def test_a_reason_function_returning_no_text_is_a_rule_error() -> None:
    @rule("acme/silent", urgency=Urgency.ROUTINE, reason=lambda report: None)  # type: ignore[arg-type,return-value]
    def silent(report: SymptomReport) -> bool:
        return True

    with pytest.raises(RuleError, match="acme/silent"):
        assess(SymptomReport(), rules=default_rules().extended(silent))


def test_a_fahrenheit_temperature_is_refused_with_its_celsius_value() -> None:
    with pytest.raises(InvalidReportError, match=r"101\.3 looks like Fahrenheit: 38\.5 °C"):
        SymptomReport(temperature_c=101.3)


def test_deep_nesting_and_a_failing_repr_are_reported_by_field() -> None:
    deep: list[object] = []
    for _ in range(2000):
        deep = [deep]

    class Unshowable:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    for value in (deep, Unshowable()):
        with pytest.raises(InvalidReportError) as caught:
            parse_report({"bleeding": value})
        assert [problem.path for problem in caught.value.problems] == ["bleeding"]


def test_unknown_keys_are_shown_bounded_and_on_one_line() -> None:
    with pytest.raises(InvalidReportError) as caught:
        parse_report({"x" * 100_000: 1, "pain_score\n - bleeding": 2})
    assert len(str(caught.value)) < 500
    assert str(caught.value).count("\n") == 2  # the headline and one line a problem


def test_a_subclass_post_init_may_not_rewrite_a_built_in_field() -> None:
    @attrs.frozen(kw_only=True)
    class Sneaky(SymptomReport):
        def __attrs_post_init__(self) -> None:
            object.__setattr__(self, "bleeding", None)

    with pytest.raises(InvalidReportError, match="bleeding: a subclass's __attrs_post_init__"):
        Sneaky(bleeding=Bleeding.HEAVY)


def test_parse_report_refuses_a_class_that_is_no_report() -> None:
    for cls in (int, postloss.Thresholds):
        with pytest.raises(ReportClassError):
            parse_report({}, cls)  # type: ignore[type-var]
