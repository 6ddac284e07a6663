"""Inputs, extensions and processes that once crashed or misled: each now behaves."""

import concurrent.futures
import functools
import pickle
from typing import Any

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


@attrs.frozen(kw_only=True)
class Rewriting(SymptomReport):
    """A report whose post-init rewrites what it is told to, as a careless subclass might."""

    rewrite: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.rewrite == "temperature":  # a built-in field, to an unsafe value
            object.__setattr__(self, "temperature_c", float("nan"))
        elif self.rewrite == "two":  # two built-in fields
            object.__setattr__(self, "bleeding", None)
            object.__setattr__(self, "pain_score", 0)
        elif self.rewrite == "same":  # a built-in field, to an equal value (a new object)
            object.__setattr__(self, "temperature_c", float(str(self.temperature_c)))
        elif self.rewrite == "own":  # its own field, to one of the wrong type
            object.__setattr__(self, "rewrite", 5)


def test_every_built_in_field_a_post_init_changes_is_refused_by_name() -> None:
    with pytest.raises(InvalidReportError) as caught:
        Rewriting(rewrite="two", bleeding=Bleeding.HEAVY, pain_score=8)
    changed = [p for p in caught.value.problems if p.code == "changed"]
    assert sorted(p.path for p in changed) == ["bleeding", "pain_score"]
    assert all("may not change a built-in field" in p.message for p in changed)
    with pytest.raises(InvalidReportError, match="temperature_c"):
        Rewriting(rewrite="temperature", temperature_c=39.0)


def test_a_post_init_may_set_an_equal_value_and_its_own_fields_are_checked_again() -> None:
    assert Rewriting(rewrite="same", temperature_c=38.5).temperature_c == 38.5
    with pytest.raises(InvalidReportError) as caught:
        Rewriting(rewrite="own")
    assert [p.path for p in caught.value.problems] == ["rewrite"]
    assert caught.value.problems[0].code != "changed"


def fires_always(report: SymptomReport) -> bool:
    """A plain module-level predicate, made into a rule by hand (pickled by value)."""
    return True


def test_a_module_level_rule_pickles_by_reference_and_any_other_by_value() -> None:
    assert pickle.loads(pickle.dumps(always_routine)) is always_routine
    by_value = postloss.Rule(
        id="acme/by-value", urgency=Urgency.ROUTINE, predicate=fires_always, reason="x"
    )
    copy = pickle.loads(pickle.dumps(by_value))
    assert copy == by_value
    assert copy is not by_value

    def local(report: SymptomReport) -> bool:
        return True

    local_rule = postloss.Rule(
        id="acme/local", urgency=Urgency.ROUTINE, predicate=local, reason="x"
    )
    with pytest.raises((pickle.PicklingError, AttributeError)):
        pickle.dumps(local_rule)  # a local function cannot be found again: not by reference


def test_a_ruleset_with_its_own_guide_and_thresholds_pickles_with_them() -> None:
    rules = default_rules(
        thresholds=postloss.Thresholds(fever_c=37.8), guide=postloss.load_guide("es")
    ).extended(always_routine)
    copy = pickle.loads(pickle.dumps(rules))
    assert copy == rules
    assert (copy.guide.locale, copy.thresholds.fever_c) == ("es", 37.8)


def test_the_built_in_rows_pickle_and_quote_the_same_facts() -> None:
    from postloss.triage._builtin import TABLE

    report = SymptomReport(temperature_c=35.5, heart_rate_bpm=125, pads_soaked_per_hour=2.0)
    thresholds = postloss.Thresholds()
    for row, copy in zip(TABLE, pickle.loads(pickle.dumps(TABLE)), strict=True):
        assert (copy.id, copy.predicate, copy.inputs) == (row.id, row.predicate, row.inputs)
        assert copy.evidence(report, thresholds) == row.evidence(report, thresholds)


def test_evidence_names_an_unknown_clause() -> None:
    from postloss.triage._signs import Evidence

    with pytest.raises(ValueError, match="no-such-clause"):
        Evidence("fever", "no-such-clause")


class ClinicRules:
    """Rules kept in a class body, as a clinic might group them."""

    @rule("acme/grouped", urgency=Urgency.ROUTINE, reason="grouped")
    @staticmethod
    def grouped(report: SymptomReport) -> bool:
        """Never fires."""
        return False


def test_a_rule_in_a_class_body_pickles_by_reference() -> None:
    assert pickle.loads(pickle.dumps(ClinicRules.grouped)) is ClinicRules.grouped


def test_a_rule_whose_predicate_has_no_name_pickles_by_value() -> None:
    predicate = functools.partial(fires_always)  # no __qualname__
    made = postloss.Rule(
        id="acme/partial", urgency=Urgency.ROUTINE, predicate=predicate, reason="x"
    )
    copy = pickle.loads(pickle.dumps(made))
    assert copy.id == made.id
    assert copy.predicate(SymptomReport()) is True


def test_a_built_in_rule_that_raises_on_the_slow_path_is_named_and_the_rest_kept() -> None:
    """When the compiled table fails, each rule runs alone; one that raises is named."""
    from postloss.triage import _assess
    from postloss.triage._builtin import TABLE

    row = next(each for each in TABLE if each.id == "fever-or-chills")

    def raising(r: SymptomReport, t: postloss.Thresholds) -> bool:
        raise ZeroDivisionError

    def broken_table(r: SymptomReport, t: postloss.Thresholds) -> list[Any]:
        raise ArithmeticError

    saved = (row.predicate, _assess._FIRED_ROWS)
    object.__setattr__(row, "predicate", raising)
    _assess._FIRED_ROWS = broken_table
    try:
        with pytest.raises(RuleError) as caught:
            assess(SymptomReport(bleeding=Bleeding.HEAVY, chills=True))
    finally:
        object.__setattr__(row, "predicate", saved[0])
        _assess._FIRED_ROWS = saved[1]
    assert caught.value.rule_id == "fever-or-chills"
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
    partial = caught.value.partial
    assert partial is not None
    assert partial.urgency is Urgency.EMERGENCY
    assert "heavy-bleeding" in {f.rule_id for f in partial.findings}
    assert all(f.reason for f in partial.findings)  # written in the guide's words
