"""The benchmark's hand-written if-chain fires exactly what assess() fires.

The speed ratios in docs/performance.md are only honest while both do the same work;
this keeps the baseline from drifting when a rule changes. Nothing here is timed, and
neither rule-engine nor pydantic is needed (the benchmark imports them only to run).
"""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given

from postloss import SymptomReport, assess
from postloss.triage._builtin import TABLE
from tests import strategies as s

SCRIPT = Path(__file__).parent.parent / "benchmarks" / "assess_speed.py"


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("assess_speed", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCHMARK = load_benchmark()


def fired(report: SymptomReport) -> set[str]:
    return {finding.rule_id for finding in assess(report).findings}


@pytest.mark.parametrize("mix", BENCHMARK.MIXES)
@pytest.mark.parametrize("seed", [0, 1])
def test_the_if_chain_fires_the_same_rules_as_assess_over_the_mixes(mix: str, seed: int) -> None:
    reports = BENCHMARK.mix(mix, 200, seed)
    differ = [report for report in reports if BENCHMARK.if_chain(report) != fired(report)]
    assert differ == []


@pytest.mark.parametrize("seed", [0, 1])
def test_the_mixes_are_as_described_and_reach_every_rule(seed: int) -> None:
    mixes = {name: BENCHMARK.mix(name, 200, seed) for name in BENCHMARK.MIXES}
    benign = sum(not fired(report) for report in mixes["mostly benign"])
    busy = sum(len(fired(report)) >= 3 for report in mixes["busy"])
    assert 80 <= benign <= 120  # about half
    assert busy == 100  # exactly half
    reached = set().union(*(fired(report) for reports in mixes.values() for report in reports))
    assert reached == {row.id for row in TABLE}


def test_the_engine_rules_name_every_builtin_rule() -> None:
    assert set(BENCHMARK.ENGINE_RULES) == {row.id for row in TABLE}


@given(s.reports())
def test_the_if_chain_fires_the_same_rules_as_assess(report: SymptomReport) -> None:
    assert BENCHMARK.if_chain(report) == fired(report)
