"""The guarantees of DESIGN.md, checked by hypothesis over the whole valid input space."""

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss import (
    InvalidReportError,
    Ruleset,
    SymptomReport,
    Thresholds,
    Urgency,
    assess,
    default_rules,
    parse_report,
)
from tests import strategies as s
from tests.oracle import RED_FLAGS, expected_floor
from tests.strategies import specs

FLAGS = postloss.load_guide().red_flags
FLAG_FLOORS = {flag.id: flag.floor for flag in FLAGS}


@st.composite
def extended_cases(draw: st.DrawFn) -> tuple[SymptomReport, Ruleset]:
    """Any threshold setting, a base or downstream report near its edges, any extension."""
    thresholds = draw(s.thresholds())
    cls = draw(st.sampled_from([SymptomReport, s.ClinicReport]))
    report = draw(s.reports(cls, thresholds))
    extra = draw(s.downstream_rules(cls, behaviours=s.WORKING))
    rules = default_rules(thresholds=thresholds).extended(*extra)
    return report, rules


@given(extended_cases())
def test_red_flags_always_escalate(case: tuple[SymptomReport, Ruleset]) -> None:
    """Guarantee 1: a red flag's condition gets at least its floor, and the flag is found.

    For every valid report (downstream subclasses included), every valid threshold
    setting (values at and around each threshold favoured) and every extension.
    """
    report, rules = case
    assessment = assess(report, rules=rules)
    fired = {finding.rule_id for finding in assessment.findings}
    for rule_id, (floor, holds) in RED_FLAGS.items():
        if holds(report, rules.thresholds):
            assert assessment.urgency >= floor, rule_id
            assert rule_id in fired, rule_id


@given(st.data(), s.reports(), s.thresholds())
def test_worse_symptoms_never_lower_the_urgency(
    data: st.DataObject, report: SymptomReport, thresholds: Thresholds
) -> None:
    """Guarantee 2: making any symptom worse never lowers the urgency."""
    rules = default_rules(thresholds=thresholds)
    worse = data.draw(s.worsened(report))
    assert assess(worse, rules=rules).urgency >= assess(report, rules=rules).urgency


@given(s.reports(), s.thresholds())
def test_no_red_flag_no_escalation(report: SymptomReport, thresholds: Thresholds) -> None:
    """Guarantee 3: no rule firing means SELF_CARE; no flag holding means no rule firing.

    Stronger still: the urgency is exactly the highest floor of the flags that hold.
    """
    assessment = assess(report, rules=default_rules(thresholds=thresholds))
    assert assessment.urgency == expected_floor(report, thresholds)
    if not assessment.findings:
        assert assessment.urgency is Urgency.SELF_CARE
        assert not assessment.escalated
    assert {f.rule_id for f in assessment.findings} == {
        rule_id for rule_id, (_, holds) in RED_FLAGS.items() if holds(report, thresholds)
    }


@given(s.benign_reports())
def test_benign_reports_stay_self_care_with_self_care_advice(report: SymptomReport) -> None:
    """Guarantee 3 on the benign part of the space: SELF_CARE, with the self-care measures.

    The reports are drawn benign directly; the oracle confirms no red flag holds on them.
    """
    assert expected_floor(report, Thresholds()) is Urgency.SELF_CARE
    assessment = assess(report)
    assert assessment.urgency is Urgency.SELF_CARE
    assert assessment.findings == ()
    assert assessment.self_care
    assert set(assessment.watch_for) == {flag.id for flag in FLAGS}


#: Audit events that mean I/O: files, sockets, processes (PEP 578).
IO_EVENTS = ("open", "socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn")
_io_seen: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _io_seen is not None and event.startswith(IO_EVENTS):
        _io_seen.append(event)


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one only records when asked


@contextmanager
def recording_io() -> Iterator[list[str]]:
    """Record every I/O audit event raised in this process for the duration."""
    global _io_seen  # noqa: PLW0603  # the audit hook is process-wide by design
    _io_seen = []
    try:
        yield _io_seen
    finally:
        _io_seen = None


@given(extended_cases())
def test_assess_is_pure(case: tuple[SymptomReport, Ruleset]) -> None:
    """Guarantee 4: same input, same output; the input is not mutated; no I/O."""
    report, rules = case
    before = attrs.asdict(report)
    with recording_io() as io:
        first, second = assess(report, rules=rules), assess(report, rules=rules)
    assert io == []
    assert first == second
    assert attrs.asdict(report) == before


def test_the_io_recorder_sees_file_access() -> None:
    """The purity check above can fail: reading a file is recorded."""
    with recording_io() as io:
        Path(__file__).read_bytes()
    assert "open" in io


def test_assess_is_thread_safe() -> None:
    """Guarantee 4 under threads: concurrent calls give the answers of sequential ones."""
    reports = [SymptomReport(pain_score=n % 11, chills=n % 3 == 0) for n in range(200)]
    expected = [assess(report) for report in reports]
    results: dict[int, list[postloss.Assessment]] = {}

    def work(worker: int) -> None:
        results[worker] = [assess(report) for report in reports]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results.values())


@given(s.json_like)
def test_any_json_like_value_is_a_report_or_invalid_report_error(data: Any) -> None:
    """Guarantee 6: any JSON-like input parses or raises InvalidReportError, nothing else."""
    problems: tuple[postloss.Problem, ...] = ()
    try:
        report: SymptomReport | None = parse_report(data)
    except InvalidReportError as error:
        report, problems = None, error.problems
    assert isinstance(report, SymptomReport) or problems


@given(s.report_shaped())
def test_report_shaped_data_is_a_report_or_invalid_report_error(data: dict[str, Any]) -> None:
    """Guarantee 6 where it matters most: report fields with arbitrary values."""
    problems: tuple[postloss.Problem, ...] = ()
    try:
        parse_report(data)
    except InvalidReportError as error:
        problems = error.problems
    assert {problem.path for problem in problems} <= set(data)


#: Values no report field accepts: every number here is outside every field's bounds.
NEVER_VALID = ["7", "unknown-value", [], {}, float("nan"), float("inf"), -1000, 1000, 1e6]


@given(s.valid_report_data(), st.data())
def test_one_bad_field_is_reported_by_name(data: dict[str, Any], draws: st.DataObject) -> None:
    """Guarantee 6: corrupting any one field of valid data raises, naming that field."""
    name = draws.draw(st.sampled_from(sorted(data)))
    optional = specs(SymptomReport)[name].optional
    bad = draws.draw(st.sampled_from(NEVER_VALID if optional else [*NEVER_VALID, None]))
    with pytest.raises(InvalidReportError) as caught:
        parse_report({**data, name: bad})
    assert [problem for problem in caught.value.problems if problem.path == name]


@given(s.reports())
def test_parse_of_a_valid_reports_data_gives_it_back(report: SymptomReport) -> None:
    """Guarantee 6's converse: valid data is never rejected."""
    data = {
        name: getattr(value, "value", value)
        for name, value in attrs.asdict(report, recurse=False).items()
    }
    assert parse_report(data) == report
