"""Report fields and thresholds: definitions, bounds, and the one validation path."""

import datetime
from typing import Any

import attrs
import pytest

import postloss
from postloss import (
    InvalidReportError,
    InvalidThresholdsError,
    PostlossError,
    Problem,
    SymptomReport,
    Thresholds,
    parse_report,
)


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


@attrs.frozen(kw_only=True)
class DescribedReport(SymptomReport):
    """A downstream report whose fields are described in every way field() allows."""

    plain: int | None = postloss.field()
    scored: int | None = postloss.bounded(5, 0, 10, unit="points", note="a made-up scale")
    asked: bool | None = postloss.field(question="Asked?", help="One line.", source="acme")
    bare: int | None = None  # a plain attrs field: described by nothing
    ratio: float | None = postloss.field()  # a number with no bounds: any finite one


def test_a_field_is_described_only_by_what_it_is_given() -> None:
    fields = {each.name: each for each in postloss.report_fields(DescribedReport)}
    plain, scored, asked = fields["plain"], fields["scored"], fields["asked"]
    for each in (plain, fields["bare"]):
        assert (each.bounds, each.unit, each.question, each.help) == (None, "", "", ""), each
        assert each.note == "", each
    assert (scored.bounds, scored.unit) == ((0, 10), "points")
    assert (asked.question, asked.help, asked.unit) == ("Asked?", "One line.", "")
    assert attrs.fields_dict(DescribedReport)["asked"].metadata["source"] == "acme"


def test_bounded_keeps_its_default_checks_both_ends_and_names_its_note() -> None:
    assert DescribedReport().scored == 5
    assert DescribedReport(scored=0).scored == 0
    assert DescribedReport(scored=10).scored == 10
    for value in (-1, 11):
        with pytest.raises(InvalidReportError, match="a made-up scale"):
            DescribedReport(scored=value)


@attrs.frozen
class Plain:
    """An attrs class without fields: a class report_fields can read."""


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (postloss.Bleeding.HEAVY, "<Bleeding.HEAVY: 'heavy'>"),
        (dict, "<class 'dict'>"),
        ("SymptomReport", "'SymptomReport'"),
        (type(None), "<class 'NoneType'>"),
    ],
    ids=["an-instance", "a-plain-class", "a-name", "NoneType"],
)
def test_report_fields_refuses_anything_but_an_attrs_class(given: object, shown: str) -> None:
    with pytest.raises(postloss.ReportClassError) as raised:
        postloss.report_fields(given)  # type: ignore[arg-type]
    assert str(raised.value) == f"expected a report class, got {shown}"
    assert postloss.report_fields(Plain) == ()


@pytest.mark.parametrize("bounds", [{"low": 0}, {"high": 10}])
def test_a_field_needs_both_bounds_or_neither(bounds: dict[str, Any]) -> None:
    with pytest.raises(PostlossError) as caught:
        postloss.field(**bounds)
    assert str(caught.value) == "give both low and high, or neither"


def test_every_built_in_field_asks_a_question_and_helps_in_a_sentence_or_not_at_all() -> None:
    """What forms, the FHIR Questionnaire and the command line show a person."""
    for spec in postloss.report_fields():
        assert spec.question.endswith("?"), spec.name
        assert spec.help == "" or spec.help.endswith("."), spec.name
        assert spec.help != spec.question, spec.name
    yes_no = [spec for spec in postloss.report_fields() if spec.type is bool]
    assert any(spec.help for spec in yes_no)  # yes/no questions carry their help too
    assert "validated SymptomReport" in (SymptomReport.__init__.__doc__ or "")


def test_a_number_without_bounds_may_be_any_finite_number() -> None:
    assert DescribedReport(ratio=-1e300, bare=-5).ratio == -1e300
    assert DescribedReport(bare=10**400).bare == 10**400  # an int has no infinity to refuse
    for bad in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(InvalidReportError, match="ratio"):
            DescribedReport(ratio=bad)


@attrs.frozen(kw_only=True)
class RequiredReport(SymptomReport):
    """A downstream report with a field that must be given."""

    clinic_id: str


@attrs.frozen(kw_only=True)
class NullableRequiredReport(SymptomReport):
    """A downstream report with a field that must be given, though it may be None."""

    clinic_note: str | None


def test_a_field_that_may_be_none_but_has_no_default_must_still_be_given() -> None:
    assert NullableRequiredReport(clinic_note=None).clinic_note is None
    missing = (Problem("clinic_note", "missing", "required field not given"),)
    with pytest.raises(InvalidReportError) as caught:
        NullableRequiredReport()  # type: ignore[call-arg]
    assert caught.value.problems == missing
    with pytest.raises(InvalidReportError) as caught:
        parse_report({}, NullableRequiredReport)
    assert caught.value.problems == missing


def test_a_field_without_a_default_must_be_given() -> None:
    assert RequiredReport(clinic_id="north").clinic_id == "north"
    with pytest.raises(InvalidReportError) as caught:
        RequiredReport()  # type: ignore[call-arg]
    assert caught.value.problems == (Problem("clinic_id", "null", "expected a string, got null"),)
    with pytest.raises(InvalidReportError) as caught:
        RequiredReport(clinic_id=7)  # type: ignore[arg-type]
    assert caught.value.problems[0].message == "expected a string, got int 7"


def test_a_factory_default_is_refused_naming_the_field() -> None:
    with pytest.raises(PostlossError, match=r"FactoryReport\.visits: give a plain default"):

        @attrs.frozen(kw_only=True)
        class FactoryReport(SymptomReport):
            visits: int = attrs.field(factory=int)
