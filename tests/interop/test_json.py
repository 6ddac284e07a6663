"""postloss.interop.json: JSON out and back, the schemas, and errors as JSON.

Every document is checked by an independent validator, ``jsonschema`` (draft 2020-12,
with its format checker), and the schema and the parser are checked to agree.
"""

import inspect
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import postloss
from postloss import (
    Assessment,
    Bleeding,
    ContentError,
    Discharge,
    Guide,
    InvalidAssessmentError,
    InvalidReportError,
    PostlossError,
    ReportClassError,
    SymptomReport,
    Thresholds,
    Urgency,
    assess,
    default_rules,
    load_guide,
    report_fields,
    rule,
)
from postloss.interop import json as pj
from tests import strategies as s
from tests.strategies import ClinicReport

ROOT = Path(__file__).parents[2]
FORMATS = Draft202012Validator.FORMAT_CHECKER


def validator(cls: type) -> Draft202012Validator:
    document = pj.schema(cls)
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document, format_checker=FORMATS)


REPORT = validator(SymptomReport)
CLINIC = validator(ClinicReport)
ASSESSMENT = validator(Assessment)


def schema_errors(checker: Draft202012Validator, data: object) -> list[str]:
    return [error.message for error in checker.iter_errors(data)]


# --- A downstream ruleset whose reasons quote report fields -------------------------------


@rule(
    "acme/unusual-wound",
    urgency=Urgency.URGENT,
    reason="wound discharge with bleeding {bleeding}, {steps_today} steps, sweats {night_sweats}",
)
def unusual_wound(report: ClinicReport) -> bool:
    return report.wound_check is Discharge.UNUSUAL


@rule("acme/always", urgency=Urgency.ROUTINE, reason=lambda report: "checked by the clinic")
def always(report: ClinicReport) -> bool:
    return True


@st.composite
def assessed(draw: st.DrawFn) -> tuple[Assessment, postloss.Ruleset]:
    """Any report, base or downstream, assessed by any thresholds, with or without extras."""
    thresholds = draw(s.thresholds())
    rules = default_rules(thresholds=thresholds)
    if draw(st.booleans()):
        rules = rules.extended(unusual_wound, always)
        report = draw(s.reports(ClinicReport, thresholds))
    else:
        report = draw(s.reports(SymptomReport, thresholds))
    return assess(report, rules=rules), rules


# --- Reports: guarantee 5 and the schema ------------------------------------------------------


@given(s.reports())
def test_a_report_round_trips_through_json(report: SymptomReport) -> None:
    """Guarantee 5: JSON out and back gives an equal report."""
    text = pj.dumps(report)
    assert schema_errors(REPORT, json.loads(text)) == []
    again = pj.loads(text, SymptomReport)
    assert again == report
    assert type(again) is SymptomReport


@given(s.reports(ClinicReport))
def test_a_report_subclass_round_trips_through_json(report: ClinicReport) -> None:
    """Guarantee 5 for a downstream report class, whose fields are in its schema."""
    text = pj.dumps(report)
    assert schema_errors(CLINIC, json.loads(text)) == []
    assert pj.loads(text, ClinicReport) == report
    assert schema_errors(REPORT, json.loads(text))  # its own fields are unknown to the base


def test_report_json_writes_enums_as_values_and_every_field() -> None:
    report = SymptomReport(pain_score=7, bleeding=Bleeding.HEAVY, temperature_c=38)
    data = json.loads(pj.dumps(report))
    assert data["bleeding"] == "heavy"
    assert data["temperature_c"] == 38.0
    assert data["chills"] is None
    assert set(data) == {spec.name for spec in report_fields()}


def test_the_report_schema_has_what_each_field_says() -> None:
    document = pj.schema(SymptomReport)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"].startswith("https://")
    assert document["additionalProperties"] is False
    assert "required" not in document  # every field may be left out
    properties = document["properties"]
    assert list(properties) == [spec.name for spec in report_fields()]
    for spec in report_fields():
        entry = properties[spec.name]
        assert spec.question in entry["description"]
        assert spec.help in entry["description"]
        if spec.bounds is not None:
            assert (entry["minimum"], entry["maximum"]) == spec.bounds
        if spec.type is bool:
            assert entry["type"] == ["boolean", "null"]
    assert properties["pain_score"]["type"] == ["integer", "null"]
    assert properties["temperature_c"]["type"] == ["number", "null"]
    assert properties["bleeding"]["enum"] == [*(b.value for b in Bleeding), None]


def test_a_subclass_schema_has_its_own_fields_and_id() -> None:
    document = pj.schema(ClinicReport)
    steps = document["properties"]["steps_today"]
    assert (steps["minimum"], steps["maximum"], steps["description"]) == (0, 50_000, "Steps today?")
    assert document["properties"]["wound_check"]["enum"] == ["normal", "unusual", None]
    assert document["$id"] != pj.schema(SymptomReport)["$id"]
    assert pj.schema(ClinicReport, id="https://acme.test/clinic.json")["$id"] == (
        "https://acme.test/clinic.json"
    )


BAD_REPORTS: list[tuple[object, str]] = [
    ({"pain_score": 7.5}, "pain_score"),
    ({"pain_score": "7"}, "pain_score"),
    ({"pain_score": True}, "pain_score"),
    ({"pain_score": 11}, "pain_score"),
    ({"temperature_c": 101.3}, "temperature_c"),
    ({"temperature_c": "38"}, "temperature_c"),
    ({"chills": 1}, "chills"),
    ({"chills": "yes"}, "chills"),
    ({"bleeding": "HEAVY"}, "bleeding"),
    ({"bleeding": ["heavy"]}, "bleeding"),
    ({"weeks_pregnant": 24}, "weeks_pregnant"),
    ({"colour": "red"}, "colour"),
    ([], "$"),
    ("report", "$"),
    (None, "$"),
]


@pytest.mark.parametrize(("data", "field"), BAD_REPORTS)
def test_a_bad_report_fails_the_schema_and_is_refused_naming_the_field(
    data: object, field: str
) -> None:
    assert schema_errors(REPORT, data)
    with pytest.raises(InvalidReportError) as caught:
        pj.loads(json.dumps(data), SymptomReport)
    assert [problem.path for problem in caught.value.problems] == [field]


def test_an_integral_number_is_an_integer_for_the_schema_and_the_parser() -> None:
    data = {"pain_score": 7.0, "heart_rate_bpm": 1.2e2}
    assert schema_errors(REPORT, data) == []
    report = pj.loads(json.dumps(data), SymptomReport)
    assert (report.pain_score, report.heart_rate_bpm) == (7, 120)
    assert type(report.pain_score) is int


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"pain_score": 7', "json"),
        ("", "json"),
        ('{"temperature_c": NaN}', "json"),
        ('{"temperature_c": Infinity}', "json"),
        ('{"chills": true, "chills": false}', "duplicate_field"),
        ("[" * 100_000, "json"),
        (b"\xff\xfe{", "json"),
        ("9" * 5000, "json"),
    ],
)
def test_text_that_is_not_json_is_an_invalid_report_error(text: str | bytes, code: str) -> None:
    with pytest.raises(InvalidReportError) as caught:
        pj.loads(text, SymptomReport)
    assert not isinstance(caught.value, json.JSONDecodeError)
    assert [problem.code for problem in caught.value.problems] == [code]


def test_bytes_are_read_as_utf8_json() -> None:
    assert pj.loads(b'{"pain_score": 3}', SymptomReport) == SymptomReport(pain_score=3)


def test_loads_refuses_what_is_not_text() -> None:
    with pytest.raises(InvalidReportError, match="expected JSON text"):
        pj.loads({"pain_score": 3}, SymptomReport)  # type: ignore[call-overload]


def _finite_json() -> st.SearchStrategy[Any]:
    """JSON values (no NaN or infinity, which JSON cannot carry)."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=12)
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=8), children, max_size=3)
        ),
        max_leaves=8,
    )


@st.composite
def near_reports(draw: st.DrawFn) -> object:
    """A document that is often a report, or any JSON value now and then.

    Valid data with fields changed to any JSON value, an integral float or a number
    around the field's bounds.
    """
    if draw(st.integers(0, 9)) == 0:
        return draw(_finite_json())
    data = draw(s.valid_report_data())
    names = [*s.specs(SymptomReport), "unknown_field"]
    for name in draw(st.lists(st.sampled_from(names), max_size=3)):
        spec = s.specs(SymptomReport).get(name)
        low, high = spec.bounds if spec is not None and spec.bounds else (-1000, 1000)
        data[name] = draw(
            _finite_json()
            | st.integers(int(low) - 2, int(high) + 2).map(float)
            | st.floats(low - 1, high + 1, allow_nan=False)
        )
    return data


@given(near_reports())
def test_the_schema_and_the_parser_agree(data: object) -> None:
    """The report schema accepts exactly the JSON documents that loads() accepts."""
    text = json.dumps(data)
    valid_by_schema = not schema_errors(REPORT, json.loads(text))
    try:
        pj.loads(text, SymptomReport)
    except InvalidReportError:
        assert not valid_by_schema
    else:
        assert valid_by_schema


# --- Assessments: guarantee 5, provenance and the schema ----------------------------------


@given(assessed())
def test_an_assessment_round_trips_through_json(case: tuple[Assessment, postloss.Ruleset]) -> None:
    """Guarantee 5: JSON out and back gives an equal assessment, with the same reasons."""
    assessment, rules = case
    text = pj.dumps(assessment, rules=rules)
    data = json.loads(text)
    assert schema_errors(ASSESSMENT, data) == []
    again = pj.loads(text, Assessment)
    assert again == assessment
    assert [f.reason for f in again.findings] == [f.reason for f in assessment.findings]
    assert [f.facts for f in again.findings] == [f.facts for f in assessment.findings]
    assert data["produced_by"]["ruleset"] == rules.describe()


def test_an_assessment_carries_what_made_it() -> None:
    assessment = assess(SymptomReport(temperature_c=38.4, chills=True))
    data = json.loads(pj.dumps(assessment))
    guide = load_guide()
    assert data["produced_by"] == {
        "package": "postloss",
        "version": postloss.__version__,
        "content_version": guide.content_version,
        "locale": guide.locale,
        "ruleset": default_rules().describe(),
    }
    assert data["urgency"] == "urgent"
    assert data["escalated"] is True
    assert data["action_text"] == guide.action_for(Urgency.URGENT).text
    finding = data["findings"][0]
    assert finding["urgency"] == "urgent"
    assert finding["facts"]["signs"] == ["temperature-high", "chills"]
    assert set(finding["clauses"]) == {"temperature-high", "chills"}
    assert "38.4 °C" in finding["reason"]


def test_custom_thresholds_are_recorded() -> None:
    rules = default_rules(thresholds=Thresholds(fever_c=37.8))
    assessment = assess(SymptomReport(temperature_c=37.9), rules=rules)
    data = json.loads(pj.dumps(assessment, rules=rules))
    assert "custom thresholds" in data["produced_by"]["ruleset"]


def test_an_assessment_from_other_rules_is_not_given_a_wrong_provenance() -> None:
    rules = default_rules().extended(unusual_wound)
    assessment = assess(ClinicReport(wound_check=Discharge.UNUSUAL), rules=rules)
    with pytest.raises(PostlossError, match="acme/unusual-wound"):
        pj.dumps(assessment)
    assert json.loads(pj.dumps(assessment, rules=rules))["findings"][0]["rule_id"] == (
        "acme/unusual-wound"
    )


def test_an_enum_a_downstream_reason_quotes_comes_back_as_the_enum() -> None:
    rules = default_rules().extended(unusual_wound)
    report = ClinicReport(wound_check=Discharge.UNUSUAL, bleeding=Bleeding.LIGHT)
    assessment = assess(report, rules=rules)
    again = pj.loads(pj.dumps(assessment, rules=rules), Assessment)
    assert again.findings[0].facts["bleeding"] is Bleeding.LIGHT


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"urgency": "very"}, "urgency", "enum"),
        ({"urgency": 3}, "urgency", "type"),
        ({"self_care": "heat-therapy"}, "self_care", "type"),
        ({"colour": "red"}, "$", "unknown_field"),
        ({"findings": [{"rule_id": "x"}]}, "findings[0].urgency", "missing"),
    ],
)
def test_a_bad_assessment_fails_the_schema_and_is_refused(
    change: dict[str, Any], field: str, code: str
) -> None:
    data = json.loads(pj.dumps(assess(SymptomReport(pain_score=8))))
    data.update(change)
    assert schema_errors(ASSESSMENT, data)
    with pytest.raises(InvalidAssessmentError) as caught:
        pj.loads(json.dumps(data), Assessment)
    assert (field, code) in {(p.path, p.code) for p in caught.value.problems}


def test_a_missing_field_of_an_assessment_is_named() -> None:
    data = json.loads(pj.dumps(assess(SymptomReport())))
    del data["watch_for"]
    assert schema_errors(ASSESSMENT, data)
    with pytest.raises(InvalidAssessmentError) as caught:
        pj.loads(json.dumps(data), Assessment)
    assert [(p.path, p.code) for p in caught.value.problems] == [("watch_for", "missing")]


@pytest.mark.parametrize("text", ["[]", "null", "{", '{"urgency": NaN}'])
def test_an_assessment_that_is_no_object_is_refused(text: str) -> None:
    with pytest.raises(InvalidAssessmentError):
        pj.loads(text, Assessment)


def test_the_assessment_schema_follows_the_classes() -> None:
    document = pj.schema(Assessment)
    assert set(attrs.fields_dict(Assessment)) <= set(document["properties"])
    assert document["required"] == [f.name for f in attrs.fields(Assessment)]
    finding = document["$defs"]["Finding"]
    # A finding's data is its constructor's arguments (its attributes are not its fields).
    arguments = inspect.signature(postloss.Finding).parameters
    assert set(arguments) <= set(finding["properties"])
    assert finding["required"] == [
        name for name, each in arguments.items() if each.default is inspect.Parameter.empty
    ]
    assert document["properties"]["urgency"] == {"enum": [u.label for u in Urgency]}


# --- The guide ----------------------------------------------------------------------------


def test_the_guide_round_trips_through_json_and_matches_its_schema() -> None:
    guide = load_guide()
    text = pj.dumps(guide)
    data = json.loads(text)
    assert schema_errors(validator(Guide), data) == []
    assert data["last_reviewed"] == guide.last_reviewed.isoformat()
    assert pj.loads(text, Guide) == guide


def test_a_broken_guide_is_a_content_error() -> None:
    data = json.loads(pj.dumps(load_guide()))
    data["last_reviewed"] = "26 November"
    assert schema_errors(validator(Guide), data)  # the format checker reads dates
    with pytest.raises(ContentError, match="last_reviewed"):
        pj.loads(json.dumps(data), Guide)
    with pytest.raises(ContentError, match="not valid JSON"):
        pj.loads("{", Guide)


# --- Errors as JSON -----------------------------------------------------------------------

ERRORS_SHAPE = {
    "type": "object",
    "properties": {
        "errors": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
                "required": ["field", "code", "message"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["errors"],
    "additionalProperties": False,
}


def test_errors_lists_every_problem_record() -> None:
    with pytest.raises(InvalidReportError) as caught:
        pj.loads('{"pain_score": 11, "colour": "red", "chills": 1}', SymptomReport)
    document = pj.errors(caught.value)
    Draft202012Validator(ERRORS_SHAPE).validate(document)
    assert document["errors"] == [
        {"field": p.path, "code": p.code, "message": p.message} for p in caught.value.problems
    ]
    assert {entry["field"] for entry in document["errors"]} == {"pain_score", "colour", "chills"}
    assert json.loads(json.dumps(document)) == document


@given(s.report_shaped())
def test_errors_of_any_refused_report_is_well_formed(data: dict[str, Any]) -> None:
    try:
        postloss.parse_report(data)
    except InvalidReportError as error:
        refused = error
    else:
        return
    document = pj.errors(refused)
    Draft202012Validator(ERRORS_SHAPE).validate(document)
    assert len(document["errors"]) == len(refused.problems)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ContentError("x.toml", ["faq[3].related[0]: unknown id 'heat-thrapy'"]), "content"),
        (ReportClassError("not a report class"), "report_class"),
        (postloss.RuleError("acme/x"), "rule"),
        (ValueError("plain"), "value"),
    ],
)
def test_errors_of_other_errors_have_one_entry_each(error: Exception, code: str) -> None:
    document = pj.errors(error)
    Draft202012Validator(ERRORS_SHAPE).validate(document)
    assert document["errors"][0]["code"] == code
    assert document["errors"][0]["message"]
    if isinstance(error, ContentError):
        assert document["errors"][0]["field"] == "faq[3].related[0]"


# --- The module's edges -------------------------------------------------------------------


@pytest.mark.parametrize("cls", [int, dict, postloss.Finding, "SymptomReport"])
def test_only_reports_assessments_and_the_guide_are_read_or_described(cls: Any) -> None:
    with pytest.raises(ReportClassError):
        pj.loads("{}", cls)
    with pytest.raises(ReportClassError):
        pj.schema(cls)


def test_dumps_refuses_other_objects() -> None:
    with pytest.raises(ReportClassError):
        pj.dumps({"pain_score": 3})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "cls"), [("symptom-report", SymptomReport), ("assessment", Assessment)]
)
def test_the_shipped_schemas_are_current(name: str, cls: type) -> None:
    path = ROOT / "docs" / "schemas" / f"{name}.schema.json"
    regenerate = (
        f'regenerate: python -c "import json; from postloss.interop.json import schema; '
        f"from postloss import {cls.__name__}; print(json.dumps(schema({cls.__name__}), "
        f'indent=2, ensure_ascii=False))" > {path.relative_to(ROOT)}'
    )
    assert json.loads(path.read_text(encoding="utf-8")) == pj.schema(cls), regenerate


def test_import_postloss_imports_no_interop_module() -> None:
    code = (
        "import sys, postloss; postloss.SymptomReport; "
        "print(sorted(m for m in sys.modules if m.startswith(('postloss.interop', "
        "'jsonschema', 'fhir'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_numbers_json_cannot_carry_are_never_written() -> None:
    assert math.isfinite(json.loads(pj.dumps(SymptomReport(temperature_c=45)))["temperature_c"])


def test_all_is_sorted_and_every_name_is_documented() -> None:
    assert pj.__doc__
    assert list(pj.__all__) == sorted(pj.__all__)
    for name in pj.__all__:
        value = getattr(pj, name)
        assert not callable(value) or value.__doc__, name


STORED = pj.dumps(assess(SymptomReport(temperature_c=38.4, chills=True)))


@given(st.data())
def test_any_json_is_an_assessment_or_an_invalid_assessment_error(data: st.DataObject) -> None:
    """A stored assessment with any part changed reads back or raises InvalidAssessmentError."""
    document = json.loads(STORED)
    key = data.draw(st.sampled_from([*document, "findings.0", "findings.0.facts", "extra"]))
    value = data.draw(_finite_json())
    if key.startswith("findings.0"):
        if key == "findings.0":
            document["findings"][0] = value
        else:
            document["findings"][0]["facts"] = value
    else:
        document[key] = value
    outcome: object
    try:
        outcome = pj.loads(json.dumps(document), Assessment)
    except InvalidAssessmentError as error:
        outcome = error.problems
    assert isinstance(outcome, Assessment) or len(outcome) > 0
