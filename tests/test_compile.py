"""compile_rows(): inlining what it can, calling the rest, and the built-in table inlined."""

import functools
import os
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import postloss
from postloss import Bleeding, SymptomReport, Thresholds
from postloss.triage import _assess
from postloss.triage._builtin import TABLE
from postloss.triage._compile import compile_rows


@attrs.frozen
class Row:
    """A row of a table: all compile_rows() needs."""

    predicate: Callable[[Any, Any], bool]


@attrs.frozen
class Numbers:
    """A stand-in for a report and for thresholds."""

    a: int
    b: int


def _big(r: Numbers, t: Numbers) -> bool:
    total = r.a + t.a
    return total > 10


def _branching(r: Numbers, t: Numbers) -> bool:
    if r.a > t.b:  # noqa: SIM103  # an `if` statement on purpose: not inlined
        return True
    return False


def _at_least(r: Numbers, value: int) -> bool:
    return r.b >= value


def _uses_both(r: Numbers, t: Numbers) -> bool:
    return _big(r, t) and _at_least(r, t.b)


def _decorated(r: Numbers, t: Numbers) -> bool:
    return r.b == 0


CASES = [Numbers(a, b) for a in range(-2, 13, 3) for b in range(-1, 4)]


def test_inlined_called_and_opaque_predicates_all_fire_as_written() -> None:
    rows = [
        Row(_big),
        Row(_branching),  # an `if` statement: called, not inlined
        Row(_uses_both),
        Row(lambda r, t: r.a == t.a),  # a lambda: called
        Row(functools.lru_cache(_decorated)),  # not a plain function: called
    ]
    fired_rows, _ = compile_rows(rows)
    for report in CASES:
        for thresholds in CASES:
            expected = [row for row in rows if row.predicate(report, thresholds)]
            assert fired_rows(report, thresholds) == expected


def test_a_call_shared_by_two_rows_is_computed_once() -> None:
    _, source = compile_rows([Row(_big), Row(_uses_both)])
    assert source.count("r.a + t.a") == 1


@pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ,
    reason="mutmut wraps every function in a trampoline, which is called, not inlined",
)
def test_every_builtin_predicate_and_sign_is_inlined() -> None:
    """No built-in predicate is called as a function: the table runs as one straight line."""
    _, source = compile_rows(TABLE)
    assert re.findall(r"_g\d+\(", source) == []  # a bound function, called


def test_the_check_above_sees_a_call() -> None:
    _, source = compile_rows([Row(_branching)])
    assert re.findall(r"_g\d+\(", source) != []


def test_assess_answers_by_the_predicates_when_the_compiled_table_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fallback: the same assessment, rule by rule, when only the compiled table fails."""
    report = SymptomReport(temperature_c=38.4, bleeding=Bleeding.HEAVY, days_since_loss=25)
    expected = postloss.assess(report)

    def broken(r: SymptomReport, t: Thresholds) -> list[Any]:
        raise ArithmeticError("a sign no rule needed")

    monkeypatch.setattr(_assess, "_FIRED_ROWS", broken)
    assert postloss.assess(report) == expected


def test_assess_takes_the_compiled_table_for_every_valid_report() -> None:
    """The fallback is for failures only: a broken fast path would answer right, but slowly.

    Patched by hand, not with a fixture, so that tests/test_definitions.py runs it too: the
    table is compiled on the first assessment, which mutmut gives to that test alone.
    """

    def fallback(*args: object) -> None:
        raise AssertionError("assess fell back to the rules one by one")

    saved = _assess._assess_one_by_one
    _assess._assess_one_by_one = fallback  # type: ignore[assignment]
    try:
        sensitive = postloss.default_rules(thresholds=Thresholds(fever_c=37.5))
        for report in (SymptomReport(), SymptomReport(bleeding=Bleeding.HEAVY, temperature_c=39.0)):
            postloss.assess(report)
            postloss.assess(report, rules=sensitive)
    finally:
        _assess._assess_one_by_one = saved
