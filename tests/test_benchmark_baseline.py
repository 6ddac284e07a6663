"""The benchmark's hand-written if-chain fires exactly what assess() fires.

The speed ratios in docs/performance.md are only honest while both do the same work;
this keeps the baseline from drifting when a rule changes.
"""

import importlib.util
from pathlib import Path
from types import ModuleType

from hypothesis import given

from postloss import SymptomReport, assess
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


@given(s.reports())
def test_the_if_chain_fires_the_same_rules_as_assess(report: SymptomReport) -> None:
    fired = {finding.rule_id for finding in assess(report).findings}
    assert set(BENCHMARK.if_chain(report)) == fired
