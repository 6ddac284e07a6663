"""JSON for reports, assessments and the guide; JSON Schemas; errors as JSON.

Everything goes through the one cattrs converter (:func:`postloss._convert.make_converter`):
enums are written as their values (``"heavy"``), urgencies as their labels
(``"emergency"``) and dates as ``YYYY-MM-DD``. A report is read back through the
one validation path, :func:`postloss.parse_report`, so JSON is held to exactly
the rules the constructor enforces; as in JSON Schema, an integral number
(``7.0``) is an integer, while ``7.5``, ``"7"`` and ``true`` are not.

>>> from postloss import SymptomReport
>>> from postloss.interop import json
>>> text = json.dumps(SymptomReport(pain_score=7))
>>> json.loads(text, SymptomReport) == SymptomReport(pain_score=7)
True
"""

from __future__ import annotations

import datetime
import enum
import functools
import json as _json
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar, overload

import attrs

from postloss._convert import converter, init_shape, problems
from postloss._urgency import Urgency
from postloss.errors import (
    ContentError,
    InvalidAssessmentError,
    InvalidReportError,
    PostlossError,
    Problem,
    ReportClassError,
)
from postloss.guide import Guide
from postloss.guide._load import guide_from_tables
from postloss.interop._canonical import BASE, slug
from postloss.interop._provenance import produced_by
from postloss.triage import (
    Assessment,
    Finding,
    Ruleset,
    SymptomReport,
    default_rules,
    parse_report,
    report_fields,
)
from postloss.triage._fields import _path, shown

__all__ = ["DRAFT", "dumps", "errors", "loads", "schema"]

#: The JSON Schema dialect of every schema :func:`schema` writes.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_R = TypeVar("_R", bound=SymptomReport)

#: Keys the JSON of an assessment carries beside its fields, for readers; loads() drops them.
_ASSESSMENT_EXTRAS: dict[str, Any] = {
    "escalated": {"type": "boolean", "description": "Whether the urgency is above self-care."},
    "action_text": {
        "type": "string",
        "description": "The person-facing action for the urgency, in the guide's locale.",
    },
    "produced_by": {
        "type": "object",
        "description": "What made this assessment: the package, the content and the ruleset.",
        "properties": {
            "package": {"const": "postloss"},
            "version": {"type": "string", "description": "The postloss package version."},
            "content_version": {"type": "string", "description": "The guide's content version."},
            "locale": {"type": "string", "description": "The guide's locale."},
            "ruleset": {
                "type": "string",
                "description": "The ruleset's identity (postloss.Ruleset.describe()).",
            },
        },
        "required": ["package", "version", "content_version", "locale", "ruleset"],
        "additionalProperties": False,
    },
}
_FINDING_EXTRAS: dict[str, Any] = {
    "reason": {
        "type": "string",
        "description": "The reason rendered from the template, the facts and the clauses.",
    },
}


# --- Writing ---------------------------------------------------------------------------------


def dumps(
    obj: SymptomReport | Assessment | Guide,
    *,
    rules: Ruleset | None = None,
    indent: int | None = None,
) -> str:
    """*obj* (a report, an assessment or a guide) as JSON text.

    A report is written field by field, ``null`` for "not asked". An assessment
    also carries, for its readers, ``escalated``, the ``action_text``, each
    finding's rendered ``reason`` and the clause templates it uses, and
    ``produced_by``: the package version, the content version and locale, and the
    identity of *rules*, the ruleset that made it (default: :func:`~postloss.default_rules`).
    An assessment that *rules* cannot have made (a finding of a rule not in it, or
    another action) raises :class:`~postloss.PostlossError` rather than record a
    wrong provenance.

    >>> import json
    >>> from postloss import Bleeding, SymptomReport, assess
    >>> report = json.loads(dumps(SymptomReport(pain_score=7, bleeding=Bleeding.HEAVY)))
    >>> report["pain_score"], report["bleeding"], report["chills"]
    (7, 'heavy', None)
    >>> data = json.loads(dumps(assess(SymptomReport(temperature_c=38.4))))
    >>> data["urgency"], data["findings"][0]["reason"]
    ('urgent', 'fever or chills: temperature 38.4 °C / 101.1 °F, at or above 38.0 °C / 100.4 °F')
    >>> data["produced_by"]["ruleset"]
    'built-in rules, default thresholds, content 2026.11.26 (en)'
    """
    data: object
    if isinstance(obj, SymptomReport | Guide):
        data = converter().unstructure(obj)
    elif isinstance(obj, Assessment):
        data = _assessment_data(obj, default_rules() if rules is None else rules)
    else:
        raise ReportClassError(
            f"dumps() writes a report, an assessment or a guide, got {type(obj).__name__}"
        )
    return _json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)


def _assessment_data(assessment: Assessment, rules: Ruleset) -> dict[str, Any]:
    provenance = produced_by(assessment, rules)
    fields = converter().unstructure(assessment)
    return {
        "urgency": fields["urgency"],
        "escalated": assessment.escalated,
        "action": fields["action"],
        "action_text": rules.guide.action_for(assessment.urgency).text,
        "findings": [_finding_data(finding) for finding in assessment.findings],
        "self_care": fields["self_care"],
        "watch_for": fields["watch_for"],
        "outlook": fields["outlook"],
        "produced_by": provenance,
    }


def _finding_data(finding: Finding) -> dict[str, Any]:
    fields = converter().unstructure(finding)
    quoted = {str(c) for value in finding.facts.values() if type(value) is tuple for c in value}
    return {
        "rule_id": fields["rule_id"],
        "urgency": fields["urgency"],
        "red_flag_id": fields["red_flag_id"],
        "reason": finding.reason,
        "template": fields["template"],
        "facts": fields["facts"],
        "clauses": {id: text for id, text in finding.clauses.items() if id in quoted},
    }


# --- Reading ---------------------------------------------------------------------------------


class _NotJSONError(Exception):
    """The text is not JSON that postloss reads; carries the one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _refuse_constant(name: str) -> object:
    raise _NotJSONError(
        Problem("$", "json", f"not valid JSON: {name} is not a JSON number; give a finite number")
    )


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _NotJSONError(
                Problem(_path(key), "duplicate_field", "given twice; give each field once")
            )
        found[key] = value
    return found


def _decode(text: object) -> object:
    """The JSON value of *text* (``str`` or UTF-8 ``bytes``); raises :class:`_NotJSONError`."""
    if not isinstance(text, str | bytes | bytearray):
        message = f"expected JSON text (str or bytes), got {type(text).__name__}"
        raise _NotJSONError(Problem("$", "not_text", message))
    try:
        return _json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except RecursionError:
        raise _NotJSONError(Problem("$", "json", "not valid JSON: nested too deeply")) from None
    except ValueError as error:  # JSONDecodeError, bad UTF-8, a number too long to read
        raise _NotJSONError(Problem("$", "json", f"not valid JSON: {error}")) from None


@overload
def loads(text: str | bytes, cls: type[_R]) -> _R: ...
@overload
def loads(text: str | bytes, cls: type[Assessment]) -> Assessment: ...
@overload
def loads(text: str | bytes, cls: type[Guide]) -> Guide: ...
def loads(text: str | bytes, cls: type[object]) -> object:
    """Read JSON *text* as a *cls*: a report class, :class:`~postloss.Assessment` or the Guide.

    A report is built by :func:`~postloss.parse_report`: every problem, malformed
    JSON included, raises :class:`~postloss.InvalidReportError` (a field given
    twice, ``NaN`` and ``Infinity`` are refused too). A malformed assessment raises
    :class:`~postloss.InvalidAssessmentError` and a malformed guide
    :class:`~postloss.ContentError`. The keys :func:`dumps` adds for readers
    (``escalated``, ``action_text``, ``reason``, ``produced_by``) are not read back.

    >>> from postloss import SymptomReport
    >>> loads('{"pain_score": 7.0, "bleeding": "heavy"}', SymptomReport).pain_score
    7
    >>> loads('{"pain_score": 7.5, "chills": 1}', SymptomReport)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (2 problem(s)):
      - pain_score: expected an integer, got float 7.5
      - chills: expected true or false, got int 1
    >>> loads('{"pain_score": 7', SymptomReport)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (1 problem(s)):
      - $: not valid JSON: Expecting ',' delimiter: line 1 column 17 (char 16)
    """
    if isinstance(cls, type) and issubclass(cls, SymptomReport):
        try:
            data = _decode(text)
        except _NotJSONError as error:
            raise InvalidReportError([error.problem]) from None
        return parse_report(data, cls)
    if cls is Assessment:
        return _load_assessment(text)
    if cls is Guide:
        try:
            data = _decode(text)
        except _NotJSONError as error:
            raise ContentError("<json>", [str(error.problem)]) from None
        return guide_from_tables(data, name="<json>")
    raise ReportClassError(f"loads() reads a report class, Assessment or Guide, got {shown(cls)}")


def _load_assessment(text: object) -> Assessment:
    try:
        data = _decode(text)
    except _NotJSONError as error:
        raise InvalidAssessmentError([error.problem]) from None
    if type(data) is not dict:
        kind = "null" if data is None else type(data).__name__
        problem = Problem("$", "not_object", f"expected an object, got {kind}")
        raise InvalidAssessmentError([problem])
    fields = {key: value for key, value in data.items() if key not in _ASSESSMENT_EXTRAS}
    findings = fields.get("findings")
    if type(findings) is list:
        fields["findings"] = [
            {k: v for k, v in each.items() if k not in _FINDING_EXTRAS}
            if type(each) is dict
            else each
            for each in findings
        ]
    try:
        assessment = converter().structure(fields, Assessment)
    except Exception as error:  # a structuring error: every problem, with its path
        raise InvalidAssessmentError(
            Problem(p.path or "$", p.code, p.message) for p in problems(error)
        ) from None
    return attrs.evolve(assessment, findings=tuple(map(_with_enums, assessment.findings)))


@functools.cache
def _report_enums() -> dict[str, type[enum.Enum]]:
    """The enum of each built-in report field, by name, for facts a downstream reason quotes."""
    return {
        spec.name: spec.type
        for spec in report_fields(SymptomReport)
        if issubclass(spec.type, enum.Enum)
    }


def _with_enums(finding: Finding) -> Finding:
    """*finding* with the values of built-in enum fields it quotes as their members again.

    A downstream rule's template may quote a report field: ``{bleeding}`` is stored as
    ``"heavy"`` and read back as ``Bleeding.HEAVY``. (An enum field of a report
    subclass is not known here; it stays its value, and its reason reads the same.)
    """
    enums = _report_enums()
    quoted = {
        name: enums[name](value)
        for name, value in finding.facts.items()
        if name in enums and type(value) is str and value in _values(enums[name])
    }
    if not quoted:
        return finding
    facts = {**finding.facts, **quoted}
    about = (finding.rule_id, finding.urgency, finding.red_flag_id, finding.template)
    return Finding(*about, facts, clauses=finding.clauses)


def _values(cls: type[enum.Enum]) -> set[object]:
    return {member.value for member in cls}


# --- Errors ----------------------------------------------------------------------------------


def _snake(name: str) -> str:
    return slug(name.removesuffix("Error")).replace("-", "_")


def errors(exc: BaseException) -> dict[str, list[dict[str, str]]]:
    """*exc* as JSON-ready data: ``{"errors": [{"field", "code", "message"}]}``.

    An error that lists problems (:class:`~postloss.InvalidReportError`,
    :class:`~postloss.InvalidAssessmentError`, :class:`~postloss.InvalidThresholdsError`)
    gives one entry per problem, from its records; ``field`` is ``"$"`` for the
    whole document. A :class:`~postloss.ContentError` gives one per problem line;
    any other error one entry, its code named after its class.

    >>> from postloss import SymptomReport
    >>> try:
    ...     SymptomReport(pain_score=11)
    ... except ValueError as error:
    ...     errors(error)["errors"]
    [{'field': 'pain_score', 'code': 'range', 'message': 'must be between 0 and 10, got 11'}]
    """
    found = getattr(exc, "problems", None)
    entries: list[dict[str, str]]
    if isinstance(exc, ContentError):
        entries = []
        for line in exc.problems:
            path, separator, message = line.partition(": ")
            field, text = (path, message) if separator else ("$", line)
            entries.append({"field": field, "code": "content", "message": text})
    elif isinstance(exc, PostlossError) and isinstance(found, tuple):
        entries = [
            {"field": p.path or "$", "code": p.code, "message": p.message}
            for p in found
            if isinstance(p, Problem)
        ]
    else:
        entries = [
            {"field": "$", "code": _snake(type(exc).__name__) or "error", "message": str(exc)}
        ]
    return {"errors": entries}


# --- Schemas ---------------------------------------------------------------------------------


def schema(cls: type[object], *, id: str | None = None) -> dict[str, Any]:
    """The draft 2020-12 JSON Schema of the JSON :func:`dumps` writes for *cls*.

    *cls* is a report class (:class:`~postloss.SymptomReport` or a subclass: its
    schema comes from :func:`~postloss.report_fields`, with bounds, enums, ``null``
    for "not asked", the question and help as each field's description, and no
    other keys), :class:`~postloss.Assessment` or the :class:`~postloss.Guide`
    (from their attrs fields). *id* replaces the ``$id``, e.g. for a subclass an
    app publishes.

    >>> from postloss import SymptomReport
    >>> pain = schema(SymptomReport)["properties"]["pain_score"]
    >>> pain["type"], pain["minimum"], pain["maximum"]
    (['integer', 'null'], 0, 10)
    """
    if isinstance(cls, type) and issubclass(cls, SymptomReport):
        document = _report_schema(cls)
    elif cls is Assessment or cls is Guide:
        defs: dict[str, Any] = {}
        document = _class_schema(cls, defs)
        if defs:
            document["$defs"] = dict(sorted(defs.items()))
    else:
        raise ReportClassError(
            f"schema() knows report classes, Assessment and Guide, got {shown(cls)}"
        )
    return {"$schema": DRAFT, "$id": id or _schema_id(cls), **document}


def _schema_id(cls: type) -> str:
    if cls.__module__.startswith("postloss.") or cls.__module__ == "postloss":
        return f"{BASE}/schemas/{slug(cls.__name__)}.schema.json"
    return f"urn:python:{cls.__module__}:{cls.__qualname__}"


def _summary(cls: type) -> str:
    text = (cls.__doc__ or cls.__name__).strip().split("\n\n")[0]
    return text.replace("\n", " ").replace("``", "")


_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string"}


def _report_schema(cls: type[SymptomReport]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required = []
    for spec in report_fields(cls):
        entry: dict[str, Any] = {}
        if issubclass(spec.type, enum.Enum):
            values: list[object] = [member.value for member in spec.type]
            entry["enum"] = [*values, None] if spec.optional else values
        else:
            kind = _JSON_TYPES[spec.type]
            entry["type"] = [kind, "null"] if spec.optional else kind
        if spec.bounds is not None:
            entry["minimum"], entry["maximum"] = spec.bounds
        description = " ".join(text for text in (spec.question, spec.help) if text)
        if spec.unit:
            description += f" Unit: {spec.unit}." if description else f"Unit: {spec.unit}."
        if description:
            entry["description"] = description
        if spec.default is attrs.NOTHING:
            required.append(spec.name)
        else:
            entry["default"] = converter().unstructure(spec.default)
        properties[spec.name] = entry
    document: dict[str, Any] = {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
    }
    if required:
        document["required"] = required
    document["additionalProperties"] = False
    return document


_EXTRAS: dict[type, dict[str, Any]] = {Assessment: _ASSESSMENT_EXTRAS, Finding: _FINDING_EXTRAS}

#: What a finding's fact may be: a value, or the ids of the clauses it lists.
_FACT = {
    "anyOf": [
        {"type": ["string", "number", "boolean", "null"]},
        {"type": "array", "items": {"type": "string"}},
    ]
}


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    fields = _data_fields(cls)
    properties = {name: _type_schema(hint, defs) for name, (hint, _) in fields.items()}
    required = [name for name, (_, needed) in fields.items() if needed]
    properties.update(_EXTRAS.get(cls, {}))
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _data_fields(cls: type) -> dict[str, tuple[Any, bool]]:
    """The fields of *cls*'s data, by name: each type and whether it is required."""
    if getattr(cls, "__structure_by_init__", False):  # its constructor's arguments
        shape = init_shape(cls)
        hints = typing.get_type_hints(shape)
        required: frozenset[str] = getattr(shape, "__required_keys__")  # noqa: B009  # a TypedDict's
        return {name: (hint, name in required) for name, hint in hints.items()}
    hints = typing.get_type_hints(cls)
    return {
        each.name: (hints[each.name], each.default is attrs.NOTHING)
        for each in attrs.fields(cls)
        if each.init
    }


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: PLR0911
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, defs) for arg in args]}
    if hint is type(None):
        return {"type": "null"}
    if hint in _JSON_TYPES:
        return {"type": _JSON_TYPES[hint]}
    if hint is Urgency:
        return {"enum": [level.label for level in Urgency]}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if hint is datetime.date:
        return {"type": "string", "format": "date"}
    if origin is tuple and args[1:] == (Ellipsis,):
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin in (dict, Mapping) and args[0] is str:
        values = _FACT if args[1] is Any else _type_schema(args[1], defs)
        return {"type": "object", "additionalProperties": values}
    if isinstance(hint, type) and attrs.has(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # reserved first: a class may refer to itself
            defs[hint.__name__] = _class_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise PostlossError(f"no JSON Schema for the type {hint!r}")  # a new field type: add it
