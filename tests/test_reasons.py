"""render(): how a reason writes each kind of fact."""

import pytest

import postloss
from postloss import Bleeding
from postloss.triage._reasons import render


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "not reported"),
        (True, "yes"),
        (False, "no"),
        (Bleeding.HEAVY, "heavy"),
        (7, "7"),
        (1.5, "1.5"),
        (2.0, "2"),
        ("text", "text"),
    ],
)
def test_a_fact_is_written_as_a_person_reads_it(value: object, shown: str) -> None:
    assert render("[{x}]", {"x": value}, {}) == f"[{shown}]"


def test_a_temperature_is_written_in_celsius_and_fahrenheit_to_one_decimal() -> None:
    assert render("{temperature_c}", {"temperature_c": 37.0}, {}) == "37.0 °C / 98.6 °F"
    assert render("{temperature_c}", {"temperature_c": 38}, {}) == "38.0 °C / 100.4 °F"


def test_two_decimals_only_where_one_would_read_as_another_temperature_quoted() -> None:
    close = {"temperature_c": 37.96, "fever_c": 38.0}
    assert render("{temperature_c} {fever_c}", close, {}) == (
        "37.96 °C / 100.33 °F 38.0 °C / 100.4 °F"
    )
    apart = {"temperature_c": 37.46, "fever_c": 38.0}
    assert render("{temperature_c}", apart, {}) == "37.5 °C / 99.4 °F"
    alone = {"temperature_c": 37.96, "steps": 38.0}  # not a temperature: no clash
    assert render("{temperature_c}", alone, {}) == "38.0 °C / 100.3 °F"


def test_signs_are_written_in_their_own_words_joined_by_commas() -> None:
    clauses = {"a": "first at {x}", "b": "second"}
    facts = {"signs": ("a", "b", "unworded"), "x": 3}
    assert render("why: {signs}", facts, clauses) == "why: first at 3, second, unworded"


def test_a_placeholder_with_no_fact_is_left_as_written() -> None:
    assert render("{missing} and {x}", {"x": 1}, {}) == "{missing} and 1"


def test_a_temperature_exact_to_one_decimal_keeps_one_beside_a_close_one() -> None:
    facts = {"a_c": 37.5, "b_c": 37.46}
    assert render("{a_c} | {b_c}", facts, {}) == "37.5 °C / 99.5 °F | 37.46 °C / 99.43 °F"


def test_a_reason_lists_a_sign_from_exactly_its_line() -> None:
    import postloss

    at_line = postloss.assess(postloss.SymptomReport(pads_soaked_per_hour=1.0))
    assert "1 pads soaked an hour" in at_line.findings[0].reason


def test_chills_are_called_chills_in_spanish_too() -> None:
    """CLINICAL.md: chills are never called a fever, in any locale the package ships."""
    rules = postloss.default_rules(guide=postloss.load_guide("es"))
    assessment = postloss.assess(postloss.SymptomReport(chills=True), rules=rules)
    assert [finding.reason for finding in assessment.findings] == [
        "fiebre o escalofríos: escalofríos"
    ]
