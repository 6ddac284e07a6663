"""How intake names what is wrong: problem codes and paths, shown values, JSON's numbers."""

from typing import Any

import pytest

import postloss
from postloss import InvalidReportError, Problem, ReportClassError, SymptomReport, parse_report
from postloss.triage._fields import shown


def problems(data: Any) -> tuple[Problem, ...]:
    with pytest.raises(InvalidReportError) as caught:
        parse_report(data)
    return caught.value.problems


def test_each_kind_of_problem_has_its_code() -> None:
    assert problems({"colour": "red"})[0] == Problem("colour", "unknown_field", "unknown field")
    assert problems([1])[0].code == "not_object"
    assert problems(None)[0] == Problem(
        "$", "not_object", "expected an object of report fields, got null"
    )
    with pytest.raises(InvalidReportError) as caught:
        SymptomReport(3)  # type: ignore[call-arg]
    assert caught.value.problems[0].path == "$"
    assert caught.value.problems[0].code == "positional"


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("a", "a"),  # one character is a name
        ("x" * 64, "x" * 64),  # as long as a name may be
        ("x" * 65, "'" + "x" * 56 + "..."),  # longer: shown, cut to 60 characters
        ("", "''"),  # empty: shown
        ("two words", "'two words'"),
        ("line\nbreak", "'line\\nbreak'"),
        (7, "7"),
    ],
    ids=["one-character", "64-characters", "65-characters", "empty", "space", "newline", "int"],
)
def test_an_unknown_key_is_named_as_is_only_when_it_is_a_short_name(key: Any, path: str) -> None:
    assert problems({key: 1})[0].path == path


def test_a_value_is_shown_cut_to_its_limit_and_never_raises() -> None:
    assert shown("x" * 58) == repr("x" * 58)  # 60 characters with its quotes: whole
    assert shown("x" * 59) == repr("x" * 59)[:57] + "..."
    assert len(shown("x" * 59)) == 60
    assert shown("abcdef", limit=5) == "'a..."

    class Unshowable:
        def __repr__(self) -> str:
            raise RuntimeError

    assert shown(Unshowable()) == "<Unshowable that cannot be shown>"


def test_a_key_that_is_no_string_is_reported_with_its_value_kept_out() -> None:
    found = problems({("a", 1): "x", "pain_score": 3})
    assert [p.path for p in found] == [repr(repr(("a", 1)))]  # its repr, quoted as a key


def test_an_integral_number_is_an_integer_and_nothing_else_is() -> None:
    report: SymptomReport = parse_report(
        {"pain_score": 7.0, "days_since_loss": 10.0, "temperature_c": 38.0}
    )
    assert (report.pain_score, report.days_since_loss) == (7, 10)
    assert type(report.pain_score) is int
    assert type(report.temperature_c) is float
    assert problems({"pain_score": 7.5})[0].path == "pain_score"
    assert problems({"pain_score": True})[0].path == "pain_score"


def test_enum_values_are_read_for_every_report_class_each_in_its_own_way() -> None:
    import attrs

    @attrs.frozen(kw_only=True)
    class Clinic(SymptomReport):
        visits: int | None = None
        ward: postloss.Discharge | None = None

    first = parse_report({"visits": 2.0, "ward": "unusual", "bleeding": "heavy"}, Clinic)
    again = parse_report({"visits": 3.0, "ward": "normal"}, Clinic)
    assert (first.visits, first.ward, first.bleeding) == (
        2,
        postloss.Discharge.UNUSUAL,
        postloss.Bleeding.HEAVY,
    )
    assert (again.visits, again.ward) == (3, postloss.Discharge.NORMAL)
    assert parse_report({"bleeding": "light"}).bleeding is postloss.Bleeding.LIGHT


def test_parse_report_names_a_class_that_is_no_report() -> None:
    with pytest.raises(ReportClassError, match="a subclass, got <class 'dict'>"):
        parse_report({}, dict)  # type: ignore[type-var]


CELSIUS = (30.0, 45.0)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"bleeding": "torrential"},
            Problem(
                "bleeding",
                "enum",
                "unknown value 'torrential'; expected one of 'none', 'spotting', 'light', "
                "'moderate', 'heavy'",
            ),
        ),
        ({"pain_score": "7"}, Problem("pain_score", "type", "expected an integer, got str '7'")),
        (
            {"temperature_c": float("nan")},
            Problem("temperature_c", "not_finite", "expected a finite number, got nan"),
        ),
        (
            {"temperature_c": 10**400},  # an int too large for a float
            Problem(
                "temperature_c",
                "not_finite",
                "expected a finite number, got " + "1" + "0" * 56 + "...",
            ),
        ),
        (
            {"pain_score": 11},
            Problem("pain_score", "range", "must be between 0 and 10, got 11", (0, 10)),
        ),
        (
            {"temperature_c": 101.3},
            Problem(
                "temperature_c",
                "fahrenheit",
                "101.3 looks like Fahrenheit: 38.5 °C; give the temperature in °C",
                CELSIUS,
            ),
        ),
        # Fahrenheit is read from 93 to 113 °F inclusive (33.9–45.0 °C); outside, a range error.
        (
            {"temperature_c": 93},
            Problem(
                "temperature_c",
                "fahrenheit",
                "93 looks like Fahrenheit: 33.9 °C; give the temperature in °C",
                CELSIUS,
            ),
        ),
        (
            {"temperature_c": 113},
            Problem(
                "temperature_c",
                "fahrenheit",
                "113 looks like Fahrenheit: 45.0 °C; give the temperature in °C",
                CELSIUS,
            ),
        ),
        (
            {"temperature_c": 92.9},
            Problem("temperature_c", "range", "must be between 30.0 and 45.0, got 92.9", CELSIUS),
        ),
        (
            {"temperature_c": 113.1},
            Problem("temperature_c", "range", "must be between 30.0 and 45.0, got 113.1", CELSIUS),
        ),
    ],
    ids=[
        "enum",
        "type",
        "nan",
        "huge-int",
        "range",
        "fahrenheit",
        "93F",
        "113F",
        "92.9",
        "113.1",
    ],
)
def test_each_kind_of_bad_value_is_one_problem_with_its_code_message_and_bounds(
    data: dict[str, Any], expected: Problem
) -> None:
    assert problems(data) == (expected,)
