"""Behaviour the other triage tests left open, found by mutation testing (docs/testing.md)."""

import datetime
import re
from typing import Any

import attrs
import pytest

import postloss
from postloss import (
    InvalidReportError,
    InvalidRuleError,
    InvalidThresholdsError,
    PostlossError,
    RuleError,
    Ruleset,
    SymptomReport,
    Thresholds,
    Urgency,
    assess,
    default_rules,
    parse_report,
    rule,
)
from postloss.interop.markdown import decision_table


@attrs.frozen(kw_only=True)
class NoteReport(SymptomReport):
    """A downstream report with a free-text field."""

    note: str | None = None


# -- field definitions -------------------------------------------------------------------------


def test_fields_default_to_not_reported_and_explain_their_bounds() -> None:
    """Fields are defined at import time; listed first in [tool.mutmut], mutmut runs this test.

    mutmut attributes code that runs while test modules are imported (the fields' definitions
    and the specs read from them) to the first test of its run, so this one checks them.
    """
    for report in (SymptomReport(), NoteReport()):  # a downstream report's fields too
        for field in attrs.fields(type(report)):
            assert getattr(report, field.name) is (None if field.default is None else False)
    defaults = Thresholds()
    assert (defaults.fever_c, defaults.severe_pain) == (38.0, 7)  # CLINICAL.md's lines
    with pytest.raises(InvalidReportError) as caught:
        SymptomReport(pain_score=11, weeks_pregnant=24)
    problems = {problem.path: str(problem) for problem in caught.value.problems}
    assert problems.keys() == {"pain_score", "weeks_pregnant"}
    assert problems["pain_score"].endswith("got 11")  # no note to add
    weeks = problems["weeks_pregnant"]
    assert weeks.endswith(")")
    assert "stillbirth" in weeks  # CLINICAL.md: a loss at 24 weeks or later is a stillbirth


# -- reports: the constructor and the parser agree ---------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"pain_score": "7"},
        {"pain_score": True},
        {"pain_score": 7.5},
        {"temperature_c": "38"},
        {"temperature_c": False},
        {"chills": 1},
        {"chills": "yes"},
        {"temperature_c": float("nan")},
        {"temperature_c": float("-inf")},
        {"pain_score": "7", "chills": 0, "temperature_c": "hot"},
    ],
)
def test_constructor_and_parser_describe_a_wrong_type_alike(data: dict[str, object]) -> None:
    with pytest.raises(InvalidReportError) as parsed:
        parse_report(data)
    with pytest.raises(InvalidReportError) as constructed:
        SymptomReport(**data)  # type: ignore[arg-type]
    assert sorted(constructed.value.problems) == sorted(parsed.value.problems)
    assert len(parsed.value.problems) == len(data)


@pytest.mark.parametrize("value", [7, True, 1.5])
def test_a_downstream_text_field_describes_a_wrong_type_alike(value: object) -> None:
    with pytest.raises(InvalidReportError) as parsed:
        parse_report({"note": value}, NoteReport)
    with pytest.raises(InvalidReportError) as constructed:
        NoteReport(note=value)  # type: ignore[arg-type]
    assert constructed.value.problems == parsed.value.problems
    assert str(parsed.value.problems[0]).startswith("note: ")


def test_only_optional_fields_accept_none() -> None:
    for field in attrs.fields(SymptomReport):
        missing: dict[str, Any] = {field.name: None}
        if field.default is None:
            assert getattr(SymptomReport(**missing), field.name) is None
            continue
        with pytest.raises(InvalidReportError) as caught:
            SymptomReport(**missing)
        assert [problem.path for problem in caught.value.problems] == [field.name]


def test_an_unknown_field_does_not_hide_the_problems_after_it() -> None:
    with pytest.raises(InvalidReportError) as caught:
        parse_report({"mood": "low", "pain_score": "7", "bleeding": "lots"})
    fields = [problem.path for problem in caught.value.problems]
    assert fields == ["mood", "pain_score", "bleeding"]


def test_problems_with_the_arguments_come_in_the_order_of_the_arguments() -> None:
    with pytest.raises(InvalidReportError) as caught:
        SymptomReport(3, colour="red", mood="low")  # type: ignore[call-arg]
    assert [problem.path for problem in caught.value.problems] == ["$", "colour", "mood"]


@pytest.mark.parametrize(
    ("name", "annotation"), [("seen_on", datetime.date | None), ("either", int | str | None)]
)
def test_field_types_other_than_scalars_and_enums_are_refused(
    name: str, annotation: object
) -> None:
    """A date is no field type a report accepts, nor a union of two types: the class is refused."""
    with pytest.raises(PostlossError, match=name) as caught:
        attrs.make_class(
            "BadReport",
            {name: attrs.field(default=None, type=annotation)},  # type: ignore[call-overload]
            bases=(SymptomReport,),
            frozen=True,
            kw_only=True,
        )
    assert not isinstance(caught.value, InvalidReportError)  # the class is wrong, not the data


# -- thresholds --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("fever_c", 38.1),  # CLINICAL.md: a fever is 38.0 °C or more
        ("severe_pain", 8),  # severe pain is 7/10 or more
        ("prolonged_bleeding_days", 22),  # still bleeding more than 3 weeks after the loss
        ("pregnancy_test_days", 22),  # the test is repeated 3 weeks after the loss
    ],
)
def test_a_threshold_cannot_be_made_less_sensitive_than_the_clinical_line(
    name: str, value: float
) -> None:
    setting: dict[str, Any] = {name: value}
    with pytest.raises(InvalidThresholdsError) as caught:
        Thresholds(**setting)
    assert [problem.path for problem in caught.value.problems] == [name]


def test_whole_number_thresholds_in_degrees_are_stored_as_floats() -> None:
    assert type(Thresholds(fever_c=38).fever_c) is float


# -- rules -------------------------------------------------------------------------------------


def test_a_template_reason_quotes_the_report() -> None:
    @rule("acme/pain-noted", urgency=Urgency.ROUTINE, reason="pain noted at {pain_score}/10")
    def pain_noted(report: SymptomReport) -> bool:
        return report.pain_score is not None

    assessment = assess(SymptomReport(pain_score=3), rules=default_rules().extended(pain_noted))
    assert [f.reason for f in assessment.findings] == ["pain noted at 3/10"]


def test_the_condition_is_the_one_given_else_the_docstring_else_the_id() -> None:
    def documented(report: SymptomReport) -> bool:
        return False

    documented.__doc__ = "\n    Night sweats reported.\n    "

    def undocumented(report: SymptomReport) -> bool:
        return False

    given = rule("a-rule", urgency=Urgency.ROUTINE, reason="x", condition="Given.")(documented)
    assert given.condition == "Given."
    from_doc = rule("a-rule", urgency=Urgency.ROUTINE, reason="x")(documented)
    assert from_doc.condition == "Night sweats reported."
    assert rule("a-rule", urgency=Urgency.ROUTINE, reason="x")(undocumented).condition == "a-rule"


def test_a_rule_keeps_the_inputs_it_declares_as_a_tuple() -> None:
    made = rule("a-rule", urgency=Urgency.ROUTINE, reason="x", inputs=["chills", "low_mood"])(
        lambda report: False
    )
    assert made.inputs == ("chills", "low_mood")
    assert rule("b-rule", urgency=Urgency.ROUTINE, reason="x")(lambda report: False).inputs == ()


def test_decorating_something_that_is_not_a_function_names_the_rule() -> None:
    with pytest.raises(InvalidRuleError, match="'not-callable'"):
        rule("not-callable", urgency=Urgency.ROUTINE, reason="x")(3)  # type: ignore[arg-type]


def test_a_red_flag_that_is_not_an_id_is_a_malformed_rule() -> None:
    with pytest.raises(InvalidRuleError, match="red_flag") as caught:
        rule("bad-flag", urgency=Urgency.URGENT, reason="x", red_flag=3)(  # type: ignore[arg-type]
            lambda report: True
        )
    assert "'bad-flag'" in str(caught.value)


def _rule_error(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "id": "a-rule",
        "urgency": Urgency.ROUTINE,
        "predicate": lambda report: False,
        "reason": "x",
        **changes,
    }
    with pytest.raises(InvalidRuleError) as caught:
        postloss.Rule(**arguments)
    return str(caught.value)


def test_a_malformed_rule_lists_each_problem_as_it_would_alone() -> None:
    alone = [
        _rule_error(urgency=2).removeprefix("rule 'a-rule': "),
        _rule_error(reason="").removeprefix("rule 'a-rule': "),
    ]
    together = _rule_error(urgency=2, reason="")
    assert together.removeprefix("rule 'a-rule': ").split("; ") == alone


def test_a_predicate_returning_a_non_bool_is_named_in_the_cause() -> None:
    @rule("acme/count-rule", urgency=Urgency.ROUTINE, reason="never")
    def count(report: SymptomReport) -> bool:
        return 1  # type: ignore[return-value]

    with pytest.raises(RuleError, match="'acme/count-rule'") as caught:
        assess(SymptomReport(), rules=default_rules().extended(count))
    assert isinstance(caught.value.__cause__, TypeError)
    assert "returned int" in str(caught.value.__cause__)


# -- rulesets and assess() ---------------------------------------------------------------------


def test_a_ruleset_lists_each_problem_as_it_would_alone() -> None:
    @rule("weak", urgency=Urgency.ROUTINE, reason="weak", red_flag="heavy-bleeding")
    def weak(report: SymptomReport) -> bool:
        return True

    def message(*extra: Any) -> str:
        with pytest.raises(InvalidRuleError) as caught:
            default_rules().extended(*extra)
        return str(caught.value)

    assert message("no-rule", weak) == f"{message('no-rule')}; {message(weak)}"


def test_default_rules_keeps_the_guide_it_is_given() -> None:
    guide = attrs.evolve(postloss.load_guide(), disclaimer="A clinic's own disclaimer.")
    assert default_rules(guide=guide).guide is guide
    assert default_rules(guide=guide, thresholds=Thresholds()).guide is guide
    assert default_rules().guide is postloss.load_guide()


def test_self_care_advice_is_every_self_care_measure_of_the_guide_and_nothing_else() -> None:
    guide = postloss.load_guide()
    measures = tuple(
        remedy.id for remedy in guide.remedies if remedy.kind is postloss.guide.RemedyKind.SELF_CARE
    )
    rules = default_rules(thresholds=Thresholds())  # a ruleset built here, not the cached one
    assert measures
    assert assess(SymptomReport(), rules=rules).self_care == measures
    assert assess(SymptomReport(low_mood=True), rules=rules).self_care == measures


def test_wrong_arguments_to_assess_and_ruleset_name_the_type_given() -> None:
    with pytest.raises(InvalidRuleError, match="got list"):
        assess(SymptomReport(), rules=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidReportError, match="got dict"):
        assess({"pain_score": 3})  # type: ignore[arg-type]
    with pytest.raises(InvalidRuleError, match="got str"):
        Ruleset(guide="en")  # type: ignore[arg-type]


# -- the decision table ------------------------------------------------------------------------


def test_the_table_gives_a_downstream_rule_one_well_formed_row() -> None:
    @rule(
        "acme/night-sweats",
        urgency=Urgency.ROUTINE,
        reason="night sweats reported",
        condition="Sweats | chills\nat night.",
        inputs=["night_sweats"],
    )
    def night_sweats(report: SymptomReport) -> bool:
        return False

    table = decision_table(default_rules().extended(night_sweats))
    (row,) = [line for line in table.splitlines() if "`acme/night-sweats`" in line]
    cells = [cell.strip() for cell in row.replace("\\|", "¦").strip("|").split("|")]
    assert cells == [
        str(len(default_rules()) + 1),
        "`acme/night-sweats`",
        "`night_sweats`",
        "Sweats ¦ chills at night.",  # the pipe escaped as \| in Markdown, the line break a space
        "**routine**",
        "",  # no red flag, so no annotation
        "",  # and no references
    ]
    assert "Sweats \\| chills at night." in row


def test_every_condition_names_only_thresholds_that_exist() -> None:
    """The table's conditions name thresholds by field (`fever_c`); each one is a real one."""
    names = set(attrs.fields_dict(Thresholds))
    for each in default_rules().rules:
        for quoted in re.findall(r"`([a-z_]+)`", each.condition):
            assert quoted in names, (each.id, quoted)
