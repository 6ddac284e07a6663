"""The compiled built-in table fires exactly the rows its predicates fire."""

from hypothesis import given
from hypothesis import strategies as st

from postloss import SymptomReport, Thresholds
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
