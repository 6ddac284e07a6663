"""postloss.interop.fhir: every resource validated by fhir.resources (R4B), plus what it misses.

fhir.resources checks each resource's structure, but not that linkIds are unique, that a
code belongs to its system, that an answer fits its item, or that "7" is no integer; the
tests below check those themselves.
"""

import enum
import json
from collections import Counter
from typing import Any

import attrs
import pytest
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment
from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss import (
    Assessment,
    Bleeding,
    InvalidReportError,
    PostlossError,
    ReportClassError,
    SymptomReport,
    Urgency,
    assess,
    default_rules,
    load_guide,
    report_fields,
)
from postloss.interop import fhir
from tests import strategies as s
from tests.strategies import ClinicReport

SDC = "http://hl7.org/fhir/StructureDefinition"
UCUM = "http://unitsofmeasure.org"
RISK = "http://terminology.hl7.org/CodeSystem/risk-probability"
#: The risk-probability code system's codes (HL7 terminology).
RISK_CODES = {"negligible", "low", "moderate", "high", "certain"}
#: DESIGN.md: each urgency's qualitative risk.
RISK_OF = {
    Urgency.EMERGENCY: "high",
    Urgency.URGENT: "moderate",
    Urgency.ROUTINE: "low",
    Urgency.SELF_CARE: "negligible",
}
#: The UCUM code of each unit-bearing built-in field, from the UCUM specification.
UCUM_OF = {
    "temperature_c": "Cel",
    "heart_rate_bpm": "/min",
    "respiratory_rate": "/min",
    "systolic_bp": "mm[Hg]",
    "hours_since_urine": "h",
    "pads_soaked_per_hour": "/h",
    "days_since_loss": "d",
    "weeks_pregnant": "wk",
}
#: The item type each field type calls for (FHIR R4 questionnaire-item-type).
ITEM_TYPE = {bool: "boolean", int: "integer", float: "decimal", str: "string"}
VALUE_OF_TYPE = {
    "boolean": "valueBoolean",
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "choice": "valueCoding",
}

FORM = fhir.questionnaire()
CLINIC_FORM = fhir.questionnaire(ClinicReport)


def items_by_link(form: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["linkId"]: item for item in form["item"]}


def extension(item: dict[str, Any], url: str) -> dict[str, Any] | None:
    return next((e for e in item.get("extension", []) if e["url"] == url), None)


def all_link_ids(items: list[dict[str, Any]]) -> list[str]:
    found = []
    for item in items:
        found.append(item["linkId"])
        found += all_link_ids(item.get("item", []))
    return found


def response_for(
    report: SymptomReport, form: dict[str, Any] = FORM, **extra: Any
) -> dict[str, Any]:
    """A QuestionnaireResponse answering *form* as *report* does (unanswered: no answer)."""
    items = []
    by_link = items_by_link(form)
    for spec in report_fields(type(report)):
        value = getattr(report, spec.name)
        item: dict[str, Any] = {"linkId": spec.name}
        if value is not None:
            kind = by_link[spec.name]["type"]
            if kind == "choice":
                options = by_link[spec.name]["answerOption"]
                answer = next(
                    o["valueCoding"] for o in options if o["valueCoding"]["code"] == value.value
                )
            else:
                answer = value
            item["answer"] = [{VALUE_OF_TYPE[kind]: answer}]
        items.append(item)
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": form["url"],
        "status": "completed",
        "item": items,
        **extra,
    }


# --- The Questionnaire --------------------------------------------------------------------


@pytest.mark.parametrize("form", [FORM, CLINIC_FORM], ids=["base", "subclass"])
def test_the_questionnaire_is_valid_fhir(form: dict[str, Any]) -> None:
    Questionnaire.model_validate(form)
    assert json.loads(json.dumps(form)) == form


@pytest.mark.parametrize(("cls", "form"), [(SymptomReport, FORM), (ClinicReport, CLINIC_FORM)])
def test_one_flat_item_per_field_with_the_fields_name(cls: type, form: dict[str, Any]) -> None:
    assert [item["linkId"] for item in form["item"]] == [f.name for f in report_fields(cls)]
    ids = all_link_ids(form["item"])
    assert len(ids) == len(set(ids)), [id for id, n in Counter(ids).items() if n > 1]
    for item in form["item"]:  # the only nesting is each question's help
        assert all(child["type"] == "display" for child in item.get("item", []))


def test_each_item_has_its_fields_type_question_help_and_bounds() -> None:
    by_link = items_by_link(FORM)
    for spec in report_fields():
        item = by_link[spec.name]
        assert item["text"] == spec.question
        assert not item.get("required", False)
        assert not item.get("repeats", False)
        if isinstance(spec.type, type) and issubclass(spec.type, enum.Enum):
            assert item["type"] == "choice"
        else:
            assert item["type"] == ITEM_TYPE[spec.type]
        low, high = extension(item, f"{SDC}/minValue"), extension(item, f"{SDC}/maxValue")
        if spec.bounds is None:
            assert low is None
            assert high is None
        else:
            key = VALUE_OF_TYPE[item["type"]]
            assert low is not None
            assert high is not None
            assert (low[key], high[key]) == spec.bounds
            assert type(low[key]) is (int if spec.type is int else float)
        helps = item.get("item", [])
        if spec.help:
            (help_item,) = helps
            assert help_item["text"] == spec.help
            control = help_item["extension"][0]
            assert control["url"] == f"{SDC}/questionnaire-itemControl"
            assert control["valueCodeableConcept"]["coding"][0]["code"] == "help"
        else:
            assert helps == []


def test_units_are_ucum_codings() -> None:
    by_link = items_by_link(FORM)
    for spec in report_fields():
        unit = extension(by_link[spec.name], f"{SDC}/questionnaire-unit")
        if spec.name in UCUM_OF:
            assert unit is not None
            assert unit["valueCoding"]["system"] == UCUM
            assert unit["valueCoding"]["code"] == UCUM_OF[spec.name]
        elif unit is not None:  # a unit UCUM has no code for (the pain scale): display only
            assert "system" not in unit["valueCoding"], spec.name
            assert unit["valueCoding"]["display"] == spec.unit


def test_every_answer_option_is_a_code_of_its_published_code_system() -> None:
    for item in FORM["item"]:
        if item["type"] != "choice":
            assert "answerOption" not in item
            continue
        spec = next(f for f in report_fields() if f.name == item["linkId"])
        members: type[enum.Enum] = spec.type
        system = fhir.code_system(members)
        CodeSystem.model_validate(system)
        concepts = {concept["code"] for concept in system["concept"]}
        assert concepts == {member.value for member in members}
        codings = [option["valueCoding"] for option in item["answerOption"]]
        assert {coding["system"] for coding in codings} == {system["url"]}
        assert [coding["code"] for coding in codings] == [member.value for member in members]


def test_the_questionnaire_has_a_canonical_url_and_the_package_version() -> None:
    assert FORM["url"] == fhir.questionnaire_url()
    assert FORM["url"].startswith("https://")
    assert FORM["version"] == postloss.__version__
    assert FORM["language"] == "en"
    assert CLINIC_FORM["url"] != FORM["url"]


def test_a_guide_in_another_locale_translates_the_title() -> None:
    french = attrs.evolve(load_guide(), locale="fr", title="Mal de dos après une fausse couche")
    form = fhir.questionnaire(guide=french)
    Questionnaire.model_validate(form)
    (translation,) = form["_title"]["extension"]
    assert translation["url"] == f"{SDC}/translation"
    parts = {part["url"]: part for part in translation["extension"]}
    assert parts["lang"]["valueCode"] == "fr"
    assert parts["content"]["valueString"] == french.title
    assert "_title" not in fhir.questionnaire(guide=load_guide())


def test_each_call_gives_a_fresh_questionnaire() -> None:
    form = fhir.questionnaire()
    form["item"][0]["text"] = "changed"
    assert fhir.questionnaire()["item"][0]["text"] == report_fields()[0].question


def test_only_report_classes_have_a_questionnaire() -> None:
    with pytest.raises(ReportClassError):
        fhir.questionnaire(dict)  # type: ignore[arg-type]
    with pytest.raises(ReportClassError):
        fhir.code_system(int)  # type: ignore[arg-type]


# --- QuestionnaireResponse → report -------------------------------------------------------


@given(s.reports())
def test_a_response_gives_back_the_report(report: SymptomReport) -> None:
    response = response_for(report)
    QuestionnaireResponse.model_validate(response)
    again: SymptomReport = fhir.report_from_response(response)
    assert again == report
    assert type(again) is SymptomReport


@given(s.reports(ClinicReport))
def test_a_response_gives_back_a_report_subclass(report: ClinicReport) -> None:
    response = response_for(report, CLINIC_FORM)
    QuestionnaireResponse.model_validate(response)
    assert fhir.report_from_response(response, ClinicReport) == report


def test_an_empty_or_in_progress_response_is_an_empty_report() -> None:
    empty = {"resourceType": "QuestionnaireResponse", "status": "in-progress"}
    assert fhir.report_from_response(empty) == SymptomReport()


def test_fhir_resources_accepts_text_for_an_integer_and_we_do_not() -> None:
    response = response_for(SymptomReport())
    response["item"] = [{"linkId": "pain_score", "answer": [{"valueInteger": "7"}]}]
    QuestionnaireResponse.model_validate(response)  # the library coerces "7" to 7
    with pytest.raises(InvalidReportError) as caught:
        fhir.report_from_response(response)
    assert [p.path for p in caught.value.problems] == ["pain_score"]


def _with(link_id: str, **item: Any) -> dict[str, Any]:
    response = response_for(SymptomReport())
    response["item"] = [{"linkId": link_id, **item}]
    return response


HEAVY = {"system": fhir.code_system_url(Bleeding), "code": "heavy"}

BAD_ITEMS: list[tuple[str, dict[str, Any], str]] = [
    ("pain_score", {"answer": [{"valueInteger": "7"}]}, "type"),
    ("pain_score", {"answer": [{"valueInteger": True}]}, "type"),
    ("pain_score", {"answer": [{"valueInteger": 7.5}]}, "type"),
    ("pain_score", {"answer": [{"valueDecimal": 7.0}]}, "type"),
    ("pain_score", {"answer": [{"valueInteger": 11}]}, "range"),
    ("pain_score", {"answer": [{"valueInteger": -1}]}, "range"),
    ("pain_score", {"answer": [{"valueInteger": 3}, {"valueInteger": 4}]}, "repeats"),
    ("pain_score", {"answer": []}, "type"),
    ("pain_score", {"answer": [{}]}, "type"),
    ("pain_score", {"answer": [{"valueInteger": 3, "valueString": "3"}]}, "type"),
    ("temperature_c", {"answer": [{"valueDecimal": 101.3}]}, "range"),
    ("temperature_c", {"answer": [{"valueDecimal": "38.5"}]}, "type"),
    ("temperature_c", {"answer": [{"valueInteger": 38}]}, "type"),
    ("chills", {"answer": [{"valueBoolean": "true"}]}, "type"),
    ("chills", {"answer": [{"valueBoolean": 1}]}, "type"),
    ("chills", {"answer": [{"valueCoding": {"code": "yes"}}]}, "type"),
    ("bleeding", {"answer": [{"valueCoding": {**HEAVY, "code": "torrential"}}]}, "enum"),
    ("bleeding", {"answer": [{"valueCoding": {**HEAVY, "system": "http://x.test"}}]}, "enum"),
    ("bleeding", {"answer": [{"valueCoding": {"code": "heavy"}}]}, "enum"),
    ("bleeding", {"answer": [{"valueString": "heavy"}]}, "type"),
    ("bleeding", {"answer": [{"valueCoding": HEAVY, "item": [{"linkId": "x"}]}]}, "nested"),
    ("colour", {"answer": [{"valueString": "red"}]}, "unknown_field"),
    ("chills", {"item": [{"linkId": "x", "answer": [{"valueBoolean": True}]}]}, "nested"),
]


@pytest.mark.parametrize(("link_id", "item", "code"), BAD_ITEMS)
def test_a_bad_answer_is_refused_naming_its_link_id(
    link_id: str, item: dict[str, Any], code: str
) -> None:
    with pytest.raises(InvalidReportError) as caught:
        fhir.report_from_response(_with(link_id, **item))
    assert [(p.path, p.code) for p in caught.value.problems] == [(link_id, code)]


def test_a_fahrenheit_temperature_is_named_as_such() -> None:
    with pytest.raises(InvalidReportError, match="looks like Fahrenheit"):
        fhir.report_from_response(_with("temperature_c", answer=[{"valueDecimal": 101.3}]))


def test_every_bad_answer_is_reported_at_once() -> None:
    response = response_for(SymptomReport())
    response["item"] = [
        {"linkId": "pain_score", "answer": [{"valueInteger": "7"}]},
        {"linkId": "chills", "answer": [{"valueBoolean": True}]},
        {"linkId": "chills", "answer": [{"valueBoolean": False}]},
        {"linkId": "colour"},
    ]
    with pytest.raises(InvalidReportError) as caught:
        fhir.report_from_response(response)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("pain_score", "type"),
        ("chills", "duplicate_field"),
        ("colour", "unknown_field"),
    ]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"resourceType": "Questionnaire"}, "resourceType"),
        ({"status": "entered-in-error"}, "status"),
        ({"status": "done"}, "status"),
        ({"questionnaire": "https://other.test/Questionnaire/intake"}, "questionnaire"),
        ({"item": {"linkId": "chills"}}, "item"),
        ({"item": ["chills"]}, "item[0]"),
    ],
)
def test_a_response_that_is_not_ours_is_refused(change: dict[str, Any], path: str) -> None:
    response = {**response_for(SymptomReport()), **change}
    with pytest.raises(InvalidReportError) as caught:
        fhir.report_from_response(response)
    assert [p.path for p in caught.value.problems] == [path]


def test_a_versioned_canonical_is_ours() -> None:
    response = response_for(SymptomReport(chills=True))
    response["questionnaire"] = f"{FORM['url']}|{FORM['version']}"
    assert fhir.report_from_response(response).chills is True


@pytest.mark.parametrize("value", [None, [], "QuestionnaireResponse", 7])
def test_what_is_no_mapping_is_an_invalid_report(value: Any) -> None:
    with pytest.raises(InvalidReportError):
        fhir.report_from_response(value)


@given(s.reports(), st.data())
def test_any_answer_is_a_report_or_refused_naming_its_link_id(
    report: SymptomReport, data: st.DataObject
) -> None:
    """Guarantee 6 for responses: any answer gives a report or an error naming its linkId.

    One answer is changed to any JSON value under any value key; nothing but an
    InvalidReportError naming that linkId may come out.
    """
    response = response_for(report)
    position = data.draw(st.integers(0, len(response["item"]) - 1))
    item = response["item"][position]
    key = data.draw(st.sampled_from(sorted(set(VALUE_OF_TYPE.values()) | {"valueString"})))
    item["answer"] = [{key: data.draw(s.json_like)}]
    try:
        fhir.report_from_response(response)
    except InvalidReportError as error:
        refused = error
    else:
        return
    assert {p.path for p in refused.problems} == {item["linkId"]}


# --- RiskAssessment -----------------------------------------------------------------------


@given(s.reports())
def test_a_risk_assessment_is_valid_fhir_with_the_risk_of_its_urgency(
    report: SymptomReport,
) -> None:
    assessment = assess(report)
    response = response_for(report, id="qr-1")
    risk = fhir.risk_assessment(assessment, subject="Patient/123", response=response)
    RiskAssessment.model_validate(risk)
    assert risk["status"] == "final"
    assert risk["subject"] == {"reference": "Patient/123"}
    (prediction,) = risk["prediction"]
    (coding,) = prediction["qualitativeRisk"]["coding"]
    assert coding["system"] == RISK
    assert coding["code"] in RISK_CODES
    assert coding["code"] == RISK_OF[assessment.urgency]
    for finding in assessment.findings:
        assert finding.reason in prediction["rationale"]
    assert ("rationale" in prediction) == bool(assessment.findings)
    assert risk["basis"] == [{"reference": "QuestionnaireResponse/qr-1"}]
    action = load_guide().action_for(assessment.urgency).text
    assert risk["mitigation"].startswith(action)


def test_a_red_flags_own_action_is_part_of_the_mitigation() -> None:
    assessment = assess(SymptomReport(self_harm_thoughts=True))
    flag = load_guide().lookup("self-harm-thoughts", postloss.guide.RedFlag)
    assert flag.action
    assert flag.action in fhir.risk_assessment(assessment, subject="Patient/1")["mitigation"]


def test_a_response_without_an_id_is_contained() -> None:
    report = SymptomReport(bleeding=Bleeding.HEAVY)
    response = response_for(report)
    risk = fhir.risk_assessment(assess(report), subject="Patient/9", response=response)
    RiskAssessment.model_validate(risk)
    (contained,) = risk["contained"]
    assert risk["basis"] == [{"reference": f"#{contained['id']}"}]
    assert contained["item"] == response["item"]
    assert "id" not in response  # the caller's response is left alone


def test_no_response_no_basis() -> None:
    risk = fhir.risk_assessment(assess(SymptomReport()), subject="Patient/1")
    assert "basis" not in risk
    assert "contained" not in risk


def test_the_method_names_the_ruleset() -> None:
    rules = default_rules(thresholds=postloss.Thresholds(fever_c=37.8))
    assessment = assess(SymptomReport(temperature_c=37.9), rules=rules)
    risk = fhir.risk_assessment(assessment, subject="Patient/1", rules=rules)
    assert rules.describe() in risk["method"]["text"]
    with pytest.raises(PostlossError, match="not made by these rules"):
        fhir.risk_assessment(
            attrs.evolve(assessment, action="action-emergency"), subject="Patient/1"
        )


@pytest.mark.parametrize("subject", ["", "123", None, 123, "/"])
def test_a_subject_must_be_a_reference(subject: Any) -> None:
    with pytest.raises(PostlossError, match="subject"):
        fhir.risk_assessment(assess(SymptomReport()), subject=subject)


def test_a_basis_must_be_a_questionnaire_response() -> None:
    with pytest.raises(PostlossError, match="QuestionnaireResponse"):
        fhir.risk_assessment(
            assess(SymptomReport()), subject="Patient/1", response={"resourceType": "Patient"}
        )


def test_every_urgency_has_its_risk_code() -> None:
    guide = load_guide()
    for urgency in Urgency:
        assessment = Assessment(
            urgency=urgency,
            findings=(),
            action=guide.action_for(urgency).id,
            self_care=(),
            watch_for=(),
            outlook=(),
        )
        risk = fhir.risk_assessment(assessment, subject="Patient/1")
        assert risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] == RISK_OF[urgency]


def test_all_is_sorted_and_every_name_is_documented() -> None:
    assert fhir.__doc__
    assert list(fhir.__all__) == sorted(fhir.__all__)
    for name in fhir.__all__:
        value = getattr(fhir, name)
        assert not callable(value) or value.__doc__, name


def _any_response() -> st.SearchStrategy[dict[str, Any]]:
    """Response-shaped data: our keys and linkIds with any JSON-like values, anywhere."""
    link_ids = st.sampled_from([*(f.name for f in report_fields()), "bleeding.help", "x"])
    answer = st.dictionaries(
        st.sampled_from([*VALUE_OF_TYPE.values(), "valueString", "item"]), s.json_like, max_size=2
    )
    item = st.fixed_dictionaries(
        {"linkId": link_ids | s.json_like},
        optional={"answer": st.lists(answer, max_size=2) | s.json_like, "item": s.json_like},
    )
    return st.fixed_dictionaries(
        {"resourceType": st.just("QuestionnaireResponse") | s.json_like},
        optional={
            "status": st.sampled_from(["completed", "in-progress"]) | s.json_like,
            "questionnaire": st.just(FORM["url"]) | s.json_like,
            "item": st.lists(item | s.json_like, max_size=4) | s.json_like,
        },
    )


@given(_any_response())
def test_any_response_shaped_data_is_a_report_or_an_invalid_report_error(
    data: dict[str, Any],
) -> None:
    """Guarantee 6 for responses: nothing but a report or an InvalidReportError comes out."""
    outcome: object
    try:
        outcome = fhir.report_from_response(data)
    except InvalidReportError as error:
        outcome = error.problems
    assert isinstance(outcome, SymptomReport) or len(outcome) > 0
