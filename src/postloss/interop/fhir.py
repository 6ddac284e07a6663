"""FHIR R4: the intake as a Questionnaire, a response as a report, and a RiskAssessment.

Every resource is a plain ``dict`` ready for ``json.dumps``; postloss needs no FHIR
library at run time (its tests validate every resource with ``fhir.resources``).
The Questionnaire is generated from :func:`~postloss.report_fields`, flat, one item
per report field (``linkId`` = the field's name), so it cannot drift from the code.

>>> from postloss.interop import fhir
>>> form = fhir.questionnaire()
>>> [item["linkId"] for item in form["item"]][:3]
['days_since_loss', 'weeks_pregnant', 'management']
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from typing import Any, TypeVar

import postloss
from postloss._urgency import Urgency
from postloss.errors import InvalidReportError, PostlossError, Problem, ReportClassError
from postloss.guide import Guide, RedFlag, UrgencyAction, load_guide
from postloss.interop._canonical import BASE, slug
from postloss.interop._provenance import produced_by
from postloss.triage import (
    Assessment,
    ReportField,
    Ruleset,
    SymptomReport,
    default_rules,
    parse_report,
    report_fields,
)
from postloss.triage._fields import _path, fields_by_name, shown

__all__ = [
    "RISK_PROBABILITY",
    "UCUM",
    "code_system",
    "code_system_url",
    "questionnaire",
    "questionnaire_url",
    "report_from_response",
    "risk_assessment",
]

_R = TypeVar("_R", bound=SymptomReport)

#: The HL7 code system of ``RiskAssessment.prediction.qualitativeRisk``.
RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"
#: The UCUM code system, for units.
UCUM = "http://unitsofmeasure.org"

#: Each urgency's qualitative risk: its code and display in :data:`RISK_PROBABILITY`.
_RISK = {
    Urgency.EMERGENCY: ("high", "High likelihood"),
    Urgency.URGENT: ("moderate", "Moderate likelihood"),
    Urgency.ROUTINE: ("low", "Low likelihood"),
    Urgency.SELF_CARE: ("negligible", "Negligible likelihood"),
}

#: The UCUM code and display of each unit a report field is described with. A unit not
#: here (the pain scale's "/10", or a downstream field's) is given by its display alone.
_UNITS = {
    "°C": ("Cel", "°C"),
    "/min": ("/min", "per minute"),
    "/h": ("/h", "per hour"),
    "mm[Hg]": ("mm[Hg]", "mmHg"),
    "h": ("h", "hours"),
    "days": ("d", "days"),
    "weeks": ("wk", "weeks"),
}

_SD = "http://hl7.org/fhir/StructureDefinition"
_MIN, _MAX, _UNIT = f"{_SD}/minValue", f"{_SD}/maxValue", f"{_SD}/questionnaire-unit"
_ITEM_CONTROL, _TRANSLATION = f"{_SD}/questionnaire-itemControl", f"{_SD}/translation"
#: The language of the questions and help, which the report's fields are described in.
_FIELD_LANGUAGE = "en"
#: Response statuses that may not be assessed: a response made in error is no report.
_REFUSED_STATUSES = frozenset({"entered-in-error"})
_STATUSES = frozenset({"in-progress", "completed", "amended", "stopped", "entered-in-error"})


def questionnaire_url(cls: type[SymptomReport] = SymptomReport) -> str:
    """The canonical URL of the Questionnaire for the report class *cls*.

    >>> questionnaire_url()
    'https://postloss.example.org/fhir/Questionnaire/symptom-report'
    """
    return f"{BASE}/fhir/Questionnaire/{_class_slug(cls)}"


def code_system_url(cls: type[enum.Enum]) -> str:
    """The canonical URL of the postloss code system of the enum *cls* (answer codes).

    >>> from postloss import Bleeding
    >>> code_system_url(Bleeding)
    'https://postloss.example.org/fhir/CodeSystem/bleeding'
    """
    return f"{BASE}/fhir/CodeSystem/{_class_slug(cls)}"


def _class_slug(cls: type) -> str:
    if cls.__module__.startswith("postloss."):
        return slug(cls.__name__)
    return f"{cls.__module__.replace('_', '-').replace('.', '-')}-{slug(cls.__name__)}".lower()


def _display(member: enum.Enum) -> str:
    return str(member.name).replace("_", " ").capitalize()


def code_system(cls: type[enum.Enum]) -> dict[str, Any]:
    """The FHIR CodeSystem of the enum *cls*: one concept per member, its value the code.

    The Questionnaire's answer options are codings in these systems; publish them
    beside it.

    >>> from postloss import Bleeding
    >>> [concept["code"] for concept in code_system(Bleeding)["concept"]][-1]
    'heavy'
    """
    if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
        raise ReportClassError(f"expected an enum class, got {shown(cls)}")
    return {
        "resourceType": "CodeSystem",
        "url": code_system_url(cls),
        "version": postloss.__version__,
        "name": cls.__name__,
        "status": "active",
        "content": "complete",
        "caseSensitive": True,
        "description": (cls.__doc__ or cls.__name__).strip().split("\n\n")[0],
        "concept": [{"code": str(member.value), "display": _display(member)} for member in cls],
    }


# --- The Questionnaire ---------------------------------------------------------------------


def questionnaire(
    cls: type[SymptomReport] = SymptomReport, *, guide: Guide | None = None
) -> dict[str, Any]:
    """The FHIR R4 Questionnaire of the report class *cls*: one item per field, flat.

    Each item's ``linkId`` is the field's name and its ``text`` the question; yes/no
    fields are ``boolean`` items, whole numbers ``integer``, other numbers
    ``decimal`` and enums ``choice`` items whose ``answerOption`` codings are in
    the postloss code system of the enum (:func:`code_system`). Bounds are the SDC
    ``minValue``/``maxValue`` extensions, units ``questionnaire-unit`` codings in
    UCUM, and the help text a ``display`` item with the ``help`` item control
    (the one nesting: the help belongs to its question). No item is required.

    Questions and help are in English (``language``). Given a *guide* in another
    locale, its title is added as a ``translation`` of the Questionnaire's title;
    the guide's content has no translated questions yet, so the items carry no
    translations (they will come from the guide once its content has them).

    >>> form = questionnaire()
    >>> temperature = next(i for i in form["item"] if i["linkId"] == "temperature_c")
    >>> temperature["type"], [e["valueDecimal"] for e in temperature["extension"][:2]]
    ('decimal', [30.0, 45.0])
    >>> temperature["extension"][2]["valueCoding"]["code"]
    'Cel'
    """
    if not (isinstance(cls, type) and issubclass(cls, SymptomReport)):
        raise ReportClassError(f"expected a report class, got {shown(cls)}")
    return _questionnaire(cls, guide)


_FORMS: dict[type, dict[str, Any]] = {}


def _cached_questionnaire(cls: type[SymptomReport]) -> dict[str, Any]:
    """The Questionnaire without translations, built once per class (callers get copies)."""
    found = _FORMS.get(cls)
    if found is None:
        found = _FORMS[cls] = _build_questionnaire(cls)
    return found


def _build_questionnaire(cls: type[SymptomReport]) -> dict[str, Any]:
    english = load_guide(_FIELD_LANGUAGE)
    return {
        "resourceType": "Questionnaire",
        "url": questionnaire_url(cls),
        "version": postloss.__version__,
        "name": cls.__name__,
        "title": f"{english.title}: {_summary(cls)}",
        "status": "active",
        "subjectType": ["Patient"],
        "language": _FIELD_LANGUAGE,
        "description": (
            f"The symptom report of postloss {postloss.__version__}, generated from its "
            "fields. Every question may be left unanswered."
        ),
        "item": [_item(spec) for spec in report_fields(cls)],
    }


def _summary(cls: type) -> str:
    return "symptom report" if cls is SymptomReport else slug(cls.__name__).replace("-", " ")


def _questionnaire(cls: type[SymptomReport], guide: Guide | None) -> dict[str, Any]:
    document: dict[str, Any] = _copy(_cached_questionnaire(cls))
    if guide is not None and guide.locale != _FIELD_LANGUAGE:
        document["_title"] = {"extension": [_translation(guide.locale, guide.title)]}
    return document


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(each) for key, each in value.items()}
    if isinstance(value, list):
        return [_copy(each) for each in value]
    return value


def _translation(locale: str, text: str) -> dict[str, Any]:
    return {
        "url": _TRANSLATION,
        "extension": [
            {"url": "lang", "valueCode": locale},
            {"url": "content", "valueString": text},
        ],
    }


def _item_type(spec: ReportField) -> str:
    if issubclass(spec.type, enum.Enum):
        return "choice"
    return {bool: "boolean", int: "integer", float: "decimal", str: "string"}[spec.type]


_VALUE_KEY = {
    "boolean": "valueBoolean",
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "string": "valueString",
    "choice": "valueCoding",
}


def _item(spec: ReportField) -> dict[str, Any]:
    kind = _item_type(spec)
    item: dict[str, Any] = {"linkId": spec.name, "text": spec.question or spec.name, "type": kind}
    extensions: list[dict[str, Any]] = []
    if spec.bounds is not None and kind in ("integer", "decimal"):
        low, high = spec.bounds
        if kind == "integer":
            low, high = int(low), int(high)
        else:
            low, high = float(low), float(high)
        value = _VALUE_KEY[kind]
        extensions += [{"url": _MIN, value: low}, {"url": _MAX, value: high}]
    if spec.unit:
        code = _UNITS.get(spec.unit)
        coding = (
            {"system": UCUM, "code": code[0], "display": code[1]}
            if code
            else {"display": spec.unit}
        )
        extensions.append({"url": _UNIT, "valueCoding": coding})
    if extensions:
        item["extension"] = extensions
    if kind == "choice":
        members: type[enum.Enum] = spec.type
        system = code_system_url(members)
        item["answerOption"] = [
            {"valueCoding": {"system": system, "code": member.value, "display": _display(member)}}
            for member in members
        ]
    if spec.help:
        item["item"] = [
            {
                "linkId": _help_id(spec.name),
                "text": spec.help,
                "type": "display",
                "extension": [
                    {
                        "url": _ITEM_CONTROL,
                        "valueCodeableConcept": {
                            "coding": [
                                {
                                    "system": "http://hl7.org/fhir/questionnaire-item-control",
                                    "code": "help",
                                    "display": "Help-Button",
                                }
                            ]
                        },
                    }
                ],
            }
        ]
    return item


def _help_id(name: str) -> str:
    """The help item's linkId: a dot cannot occur in a field's name, so it never clashes."""
    return f"{name}.help"


# --- QuestionnaireResponse → report -------------------------------------------------------


def report_from_response(qr: Mapping[str, Any], cls: type[_R] = SymptomReport) -> _R:  # type: ignore[assignment]
    """The report a FHIR QuestionnaireResponse to :func:`questionnaire` gives.

    Every answer is checked against its item: the value type (``valueInteger``
    for an integer item, a JSON integer or an integral number; never ``"7"``), the
    coding among the item's ``answerOption`` (system and code), ``minValue`` and
    ``maxValue``, one answer for an item that does not repeat, no unknown
    ``linkId`` and no item given twice. Every problem is reported at once in an
    :class:`~postloss.InvalidReportError` whose paths are the ``linkId``; then the
    report is built by :func:`~postloss.parse_report`, the one validation path.
    An item without an answer is "not asked". A response ``entered-in-error``
    is refused.

    >>> response = {"resourceType": "QuestionnaireResponse", "status": "completed",
    ...     "item": [{"linkId": "pain_score", "answer": [{"valueInteger": 8}]},
    ...              {"linkId": "chills", "answer": [{"valueString": "yes"}]}]}
    >>> report_from_response(response)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (1 problem(s)):
      - chills: expected valueBoolean, got valueString
    >>> del response["item"][1]
    >>> report_from_response(response).pain_score
    8
    """
    if not (isinstance(cls, type) and issubclass(cls, SymptomReport)):
        raise ReportClassError(f"cls must be SymptomReport or a subclass, got {shown(cls)}")
    if not isinstance(qr, Mapping):
        kind = "null" if qr is None else type(qr).__name__
        problem = Problem("$", "not_object", f"expected a QuestionnaireResponse, got {kind}")
        raise InvalidReportError([problem])
    problems = _response_problems(qr, cls)
    items = qr.get("item", [])
    if problems:
        raise InvalidReportError(problems)
    form = {item["linkId"]: item for item in _cached_questionnaire(cls)["item"]}
    values = {}
    for item in items:
        link_id = item["linkId"]
        answers = item.get("answer")
        if answers:
            values[link_id] = _value(form[link_id], answers[0])
    return parse_report(values, cls)


def _response_problems(qr: Mapping[str, Any], cls: type[SymptomReport]) -> list[Problem]:
    problems = []
    if qr.get("resourceType") != "QuestionnaireResponse":
        message = (
            f"expected resourceType 'QuestionnaireResponse', got {shown(qr.get('resourceType'))}"
        )
        problems.append(Problem("resourceType", "resource_type", message))
    status = qr.get("status")
    if type(status) is not str or status not in _STATUSES:
        problems.append(Problem("status", "status", f"unknown status {shown(status)}"))
    elif status in _REFUSED_STATUSES:
        message = f"a response {status} is not assessed"
        problems.append(Problem("status", "status", message))
    canonical = qr.get("questionnaire")
    if canonical is not None and (
        type(canonical) is not str or canonical.split("|")[0] != questionnaire_url(cls)
    ):
        message = f"answers another questionnaire: {shown(canonical)}, not {questionnaire_url(cls)}"
        problems.append(Problem("questionnaire", "questionnaire", message))
    items = qr.get("item", [])
    if type(items) is not list:
        problems.append(Problem("item", "type", f"expected a list of items, got {shown(items)}"))
        return problems
    form = {item["linkId"]: item for item in _cached_questionnaire(cls)["item"]}
    seen: set[str] = set()
    for position, item in enumerate(items):
        if not isinstance(item, Mapping) or type(item.get("linkId")) is not str:
            problems.append(Problem(f"item[{position}]", "type", "expected an item with a linkId"))
            continue
        link_id = item["linkId"]
        if link_id not in form:
            problems.append(Problem(_path(link_id), "unknown_field", "unknown linkId"))
            continue
        if link_id in seen:
            problems.append(Problem(link_id, "duplicate_field", "answered twice"))
            continue
        seen.add(link_id)
        problems += _item_problems(form[link_id], item, fields_by_name(cls)[link_id])
    return problems


def _item_problems(
    entry: Mapping[str, Any], item: Mapping[str, Any], spec: ReportField
) -> list[Problem]:
    """What is wrong with the response *item* for the Questionnaire item *entry* (*spec*)."""
    link_id = entry["linkId"]
    problems = []
    children = item.get("item", [])
    if type(children) is not list:
        problems.append(
            Problem(link_id, "nested", f"expected a list of items, got {shown(children)}")
        )
        children = []
    help_ids = {each["linkId"] for each in entry.get("item", [])}
    for child in children:
        if not (
            isinstance(child, Mapping)
            and type(child.get("linkId")) is str
            and child["linkId"] in help_ids
            and not child.get("answer")
        ):
            problems.append(Problem(link_id, "nested", "unexpected nested item"))
    answers = item.get("answer")
    if answers is None:
        return problems
    if type(answers) is not list or not answers:
        return [*problems, Problem(link_id, "type", "expected a list of one answer or none")]
    if len(answers) > 1:
        message = f"{len(answers)} answers to a question that takes one"
        return [*problems, Problem(link_id, "repeats", message)]
    answer = answers[0]
    if not isinstance(answer, Mapping):
        return [*problems, Problem(link_id, "type", f"expected an answer, got {shown(answer)}")]
    if answer.get("item"):
        problems.append(Problem(link_id, "nested", "unexpected nested item in an answer"))
    problem = _answer_problem(entry, answer, spec)
    return [*problems, problem] if problem else problems


def _answer_problem(
    entry: Mapping[str, Any], answer: Mapping[str, Any], spec: ReportField
) -> Problem | None:
    link_id, kind = entry["linkId"], entry["type"]
    expected = _VALUE_KEY[kind]
    given = [key for key in answer if not isinstance(key, str) or key.startswith("value")]
    if given != [expected]:
        got = ", ".join(map(str, given)) or "no value"
        return Problem(link_id, "type", f"expected {expected}, got {got}")
    value = answer[expected]
    if kind == "choice":
        options = [option["valueCoding"] for option in entry["answerOption"]]
        if not (
            isinstance(value, Mapping)
            and any(
                value.get("system") == o["system"] and value.get("code") == o["code"]
                for o in options
            )
        ):
            codes = ", ".join(repr(o["code"]) for o in options)
            system = options[0]["system"]
            message = f"not an answer option: {shown(value)}; expected a code of {system}: {codes}"
            return Problem(link_id, "enum", message)
        return None
    if not _is_value(kind, value):
        return Problem(link_id, "type", f"{expected} must be {_WORDS[kind]}, got {shown(value)}")
    bounds = {ext["url"]: ext[expected] for ext in entry.get("extension", []) if expected in ext}
    low, high = bounds.get(_MIN), bounds.get(_MAX)
    if (low is not None and value < low) or (high is not None and value > high):
        message = f"must be between {low} and {high}, got {shown(value)}"
        # The field's own check says the same, with its note (e.g. Fahrenheit): use its words.
        found = spec.problem(value)
        return Problem(link_id, "range", found.message if found else message, spec.bounds)
    return None


_WORDS = {
    "boolean": "true or false",
    "integer": "a whole number",
    "decimal": "a finite number",
    "string": "text",
}


def _is_value(kind: str, value: object) -> bool:
    if kind == "boolean":
        return type(value) is bool
    if kind == "integer":  # a JSON number with no fraction; never true or "7"
        return type(value) is int or (type(value) is float and value.is_integer())
    if kind == "decimal":
        return type(value) in (int, float) and _finite(value)
    return type(value) is str


def _finite(value: object) -> bool:
    try:
        return math.isfinite(value)  # type: ignore[arg-type]  # a number
    except OverflowError:
        return False


def _value(entry: Mapping[str, Any], answer: Mapping[str, Any]) -> Any:
    """The report value of a checked *answer*: an enum's value, or the number or bool."""
    value = answer[_VALUE_KEY[entry["type"]]]
    if entry["type"] == "choice":
        return value["code"]
    if entry["type"] == "integer":
        return int(value)
    return value


# --- RiskAssessment ------------------------------------------------------------------------


def risk_assessment(
    assessment: Assessment,
    *,
    subject: str,
    response: Mapping[str, Any] | None = None,
    rules: Ruleset | None = None,
) -> dict[str, Any]:
    """The FHIR R4 RiskAssessment of *assessment*, about *subject* (``"Patient/123"``).

    ``prediction[0].qualitativeRisk`` is coded in the HL7 risk-probability system
    (emergency → ``high``, urgent → ``moderate``, routine → ``low``, self-care →
    ``negligible``), its ``rationale`` lists the findings' reasons, ``basis``
    refers to *response* (by its id, or contained when it has none) and
    ``mitigation`` is the action to take, in the guide's words, with any red
    flag's own action (such as crisis lines). ``method`` names *rules*, the
    ruleset that made the assessment (default: :func:`~postloss.default_rules`);
    an assessment those rules cannot have made raises :class:`~postloss.PostlossError`.

    >>> from postloss import SymptomReport, assess
    >>> risk = risk_assessment(assess(SymptomReport(temperature_c=38.4)), subject="Patient/1")
    >>> risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"]
    'moderate'
    >>> risk["prediction"][0]["rationale"]
    'fever or chills: temperature 38.4 °C / 101.1 °F, at or above 38.0 °C / 100.4 °F'
    """
    if type(subject) is not str or "/" not in subject.strip("/"):
        raise PostlossError(
            f"subject must be a reference such as 'Patient/123', got {shown(subject)}"
        )
    rules = default_rules() if rules is None else rules
    provenance = produced_by(assessment, rules)
    guide = rules.guide
    code, display = _RISK[assessment.urgency]
    prediction: dict[str, Any] = {
        "qualitativeRisk": {
            "coding": [{"system": RISK_PROBABILITY, "code": code, "display": display}],
            "text": assessment.urgency.label,
        }
    }
    if assessment.findings:
        prediction["rationale"] = "; ".join(finding.reason for finding in assessment.findings)
    resource: dict[str, Any] = {
        "resourceType": "RiskAssessment",
        "status": "final",
        "method": {
            "text": f"postloss {provenance['version']} triage: {provenance['ruleset']}",
        },
        "subject": {"reference": subject},
        "prediction": [prediction],
        "mitigation": _mitigation(assessment, guide),
    }
    if response is not None:
        resource.update(_basis(response))
    return resource


def _mitigation(assessment: Assessment, guide: Guide) -> str:
    texts = [guide.lookup(assessment.action, UrgencyAction).text]
    for flag_id in assessment.red_flags:
        flag = guide.get(flag_id)
        if isinstance(flag, RedFlag) and flag.action:
            texts.append(flag.action)
    return " ".join(texts)


def _basis(response: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(response, Mapping) or response.get("resourceType") != "QuestionnaireResponse":
        raise PostlossError("response must be a FHIR QuestionnaireResponse (a mapping)")
    id = response.get("id")
    if type(id) is str and id:
        return {"basis": [{"reference": f"QuestionnaireResponse/{id}"}]}
    contained = {**response, "id": "response"}
    return {"contained": [contained], "basis": [{"reference": "#response"}]}
