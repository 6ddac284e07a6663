"""The compiled built-in table fires exactly the rows its predicates fire."""

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss import SymptomReport, Thresholds
from postloss.triage import _assess
from postloss.triage._builtin import TABLE
from postloss.triage._compile import compile_rows
from tests import strategies as s

FIRED_ROWS, SOURCE = compile_rows(TABLE)


@st.composite
def cases(draw: st.DrawFn) -> tuple[SymptomReport, Thresholds]:
    thresholds = draw(s.thresholds())
    cls = draw(st.sampled_from([SymptomReport, s.ClinicReport]))
    return draw(s.reports(cls, thresholds)), thresholds


@given(cases())
def test_the_compiled_table_fires_what_the_predicates_fire(
    case: tuple[SymptomReport, Thresholds],
) -> None:
    """Guarantees 1 and 3 rest on this: the fast path assess() takes is the table itself.

    For every valid report (downstream subclasses included) and every threshold setting,
    the compiled function returns the rows whose predicate holds, in the table's order,
    and raises nothing.
    """
    report, thresholds = case
    assert FIRED_ROWS(report, thresholds) == [
        row for row in TABLE if row.predicate(report, thresholds)
    ]


def _outcome(report: SymptomReport, rules: postloss.Ruleset) -> object:
    """The assessment and its reasons, or the failing rule's id and the partial ones."""
    try:
        assessment = postloss.assess(report, rules=rules)
    except postloss.RuleError as error:
        partial = error.partial
        reasons = [f.reason for f in partial.findings] if partial else []
        return (error.rule_id, partial, reasons)
    return (assessment, [f.reason for f in assessment.findings])


@given(st.data())
def test_without_the_compiled_table_assess_gives_the_same_answer(data: st.DataObject) -> None:
    """Guarantees 1–3 on the fallback: when the compiled table raises, rule by rule agrees.

    For every report, threshold setting and downstream extension (rules that fire, do
    not, or raise), the assessment (or the ``RuleError`` and its partial assessment) is
    the one the compiled table gives.
    """
    report, thresholds = data.draw(cases())
    extra = data.draw(s.downstream_rules(type(report)))
    rules = postloss.default_rules(thresholds=thresholds).extended(*extra)
    expected = _outcome(report, rules)

    def broken(r: SymptomReport, t: Thresholds) -> list[Any]:
        raise ArithmeticError("a sign that no rule needed")

    saved, _assess._FIRED_ROWS = _assess._FIRED_ROWS, broken
    try:
        assert _outcome(report, rules) == expected
    finally:
        _assess._FIRED_ROWS = saved
