"""Fuzzing: hostile input and broken downstream rules; only the library's errors come out.

Deselected from ``make test``; ``make fuzz`` runs it for ``FUZZ_SECONDS`` (default 60),
shared equally by the targets. Each target reruns a hypothesis search with fresh random
seeds until its share of the time is spent, so a longer run tries more inputs. A failure
is shrunk and printed by hypothesis, and replayed first on the next run from
``.hypothesis/``.
"""

import math
import os
import time
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import postloss
from postloss import InvalidReportError, InvalidRuleError, RuleError, SymptomReport, Urgency
from tests.strategies import reports, specs

pytestmark = pytest.mark.fuzz

SECONDS = float(os.environ.get("FUZZ_SECONDS", "60"))
TARGETS = 3
#: One search; :func:`keep_fuzzing` repeats it until the time is up.
SEARCH = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
FIELDS = sorted(specs(SymptomReport))


def keep_fuzzing(search: Callable[[], None]) -> None:
    """Run *search* (a ``@given`` function) again and again for this target's share."""
    stop = time.monotonic() + SECONDS / TARGETS
    while time.monotonic() < stop:
        search()


# --- Inputs --------------------------------------------------------------------------


class ReprRaises:
    """A value whose ``repr`` (and ``str``) raise, as a buggy app object might."""

    def __repr__(self) -> str:
        raise RuntimeError("repr failed")

    __str__ = __repr__

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """How hypothesis shows it in a failing example."""
        printer.text("ReprRaises()")


class EqRaises:
    """A value that cannot be compared or hashed."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq failed")

    __hash__ = None  # type: ignore[assignment]  # unhashable on purpose


class IntLike(int):
    """An ``int`` subclass, as numpy and ORMs hand out."""


class StrLike(str):
    """A ``str`` subclass."""

    __slots__ = ()


@attrs.frozen
class Deep:
    """A recipe for *leaf* nested *depth* deep, shown as the recipe in a failing example.

    Hypothesis cannot print a value thousands of levels deep, so the tests draw the
    recipe and :func:`realise` builds the value.
    """

    depth: int
    leaf: object
    kind: str

    def build(self) -> object:
        """The leaf wrapped in lists, dicts or both, built without recursion."""
        value = self.leaf
        for level in range(self.depth):
            if self.kind == "list" or (self.kind == "mixed" and level % 2):
                value = [value]
            else:
                value = {"pain_score": value}
        return value


def realise(drawn: object) -> object:
    """*drawn* with every :class:`Deep` recipe in it built."""
    if isinstance(drawn, Deep):
        return drawn.build()
    if type(drawn) is list:
        return [realise(each) for each in drawn]
    if type(drawn) is dict:
        return {key: realise(value) for key, value in drawn.items()}
    return drawn


huge_ints = st.integers(4_300, 50_000).map(lambda digits: 10**digits)
odd_text = st.one_of(
    st.text(),
    st.text(alphabet="\n\r\t\0 \u2028\ufeff", max_size=5),
    st.integers(1_000, 200_000).map(lambda size: "x" * size),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    huge_ints,
    st.floats(),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308, 5e-324]),
    odd_text,
)
hostile = st.one_of(
    st.builds(ReprRaises),
    st.builds(EqRaises),
    st.integers(0, 10).map(IntLike),
    st.sampled_from(["heavy", "7", "true", "medical"]).map(StrLike),
    st.binary(max_size=8),
    st.sets(st.integers(), max_size=3),
    st.complex_numbers(),
)
str_keys = st.one_of(
    st.sampled_from(FIELDS),
    st.sampled_from(FIELDS).map(lambda name: f"{name}\n"),
    st.sampled_from(FIELDS).map(str.upper),
    odd_text,
)
any_keys = st.one_of(
    str_keys,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.tuples(st.text(max_size=3)),
    st.binary(max_size=3),
    st.frozensets(st.integers(), max_size=2),
    st.sampled_from(FIELDS).map(StrLike),
)
json_like = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_keys, children, max_size=4)
    ),
    max_leaves=20,
)
deep = st.builds(
    Deep,
    depth=st.integers(0, 5_000),
    leaf=scalars,
    kind=st.sampled_from(["list", "dict", "mixed"]),
)
values = st.one_of(json_like, deep, hostile)


# --- Targets -------------------------------------------------------------------------


@SEARCH
@given(st.one_of(values, st.dictionaries(any_keys, values, max_size=8)))
def parse_any(drawn: object) -> None:
    data = realise(drawn)
    try:
        report: SymptomReport = postloss.parse_report(data)
    except InvalidReportError:
        return
    assert isinstance(report, SymptomReport)


@SEARCH
@given(st.dictionaries(str_keys, values, max_size=8))
def construct_any(drawn: dict[str, Any]) -> None:
    data: dict[str, Any] = {key: realise(value) for key, value in drawn.items()}
    try:
        report = SymptomReport(**data)
    except InvalidReportError:
        return
    assert isinstance(report, SymptomReport)


def test_parse_report_raises_only_invalid_report_error() -> None:
    keep_fuzzing(parse_any)


def test_symptom_report_raises_only_invalid_report_error() -> None:
    keep_fuzzing(construct_any)


def _namespace() -> str:
    """``"fuzz/"`` where downstream ids are namespaced, else ``"fuzz-"``."""
    try:
        postloss.Rule(id="fuzz/probe", urgency=Urgency.ROUTINE, predicate=bool, reason="probe")
    except InvalidRuleError:
        return "fuzz-"
    return "fuzz/"


PREFIX = _namespace()


class BoolRaises:
    """A result whose truth value raises."""

    def __bool__(self) -> bool:
        raise RuntimeError("bool failed")


class MessageRaisesError(Exception):
    """An exception whose message cannot be shown."""

    def __str__(self) -> str:
        raise RuntimeError("str failed")

    __repr__ = __str__


def recurse(report: object) -> bool:
    return recurse(report)


RESULTS: list[object] = [
    True,
    False,
    None,
    0,
    1,
    "yes",
    "",
    1.0,
    [],
    [True],
    BoolRaises(),
    Urgency.EMERGENCY,
]
ERRORS: list[BaseException] = [
    ValueError("bad"),
    KeyError("missing"),
    TypeError("wrong"),
    ZeroDivisionError(),
    RecursionError(),
    MemoryError(),
    MessageRaisesError(),
    InvalidReportError([postloss.Problem("$", "rule", "from a rule")]),
    RuleError("someone-else"),
]


def predicate_from(behaviour: object) -> Callable[[object], Any]:
    """A predicate that returns *behaviour*, raises it, or recurses without end."""
    if behaviour is recurse:
        return recurse
    if isinstance(behaviour, BaseException):

        def raises(report: object) -> bool:
            raise behaviour

        return raises
    return lambda report: behaviour


def reason_none(report: object) -> object:
    return None


def reason_number(report: object) -> object:
    return 7


def reason_divides_by_zero(report: object) -> object:
    return 1 / 0


def reason_text(report: object) -> object:
    return "callable reason"


reasons = st.one_of(
    st.sampled_from(
        ["fuzz reason", "{report.pain_score}", "{report.no_such_field}", "{0}", "{", "}"]
    ),
    st.sampled_from([reason_none, reason_number, reason_divides_by_zero, reason_text]),
    odd_text,
)
urgencies = st.one_of(
    st.sampled_from(Urgency), st.sampled_from([0, 3, 9, "emergency", None, 2.0, True])
)


@attrs.frozen
class RuleSpec:
    """A downstream rule to build: its urgency, what its predicate does, and its reason.

    ``outcome`` is returned by the predicate, raised when it is an exception, or
    :func:`recurse` (endless recursion).
    """

    urgency: object
    outcome: object
    reason: object

    def build(self, index: int) -> postloss.Rule:
        """The rule, numbered *index*; a malformed one raises ``InvalidRuleError``."""
        return postloss.Rule(
            id=f"{PREFIX}rule-{index}",
            urgency=self.urgency,  # type: ignore[arg-type]  # anything on purpose
            predicate=predicate_from(self.outcome),
            reason=self.reason,  # type: ignore[arg-type]  # anything on purpose
        )


rule_specs = st.builds(
    RuleSpec,
    urgency=urgencies,
    outcome=st.sampled_from([*RESULTS, *ERRORS, recurse]),
    reason=reasons,
)


@SEARCH
@given(reports(), st.lists(rule_specs, max_size=4))
def assess_with_any_rules(report: SymptomReport, rules: list[RuleSpec]) -> None:
    try:
        ruleset = postloss.default_rules().extended(*(s.build(i) for i, s in enumerate(rules)))
    except InvalidRuleError:
        return  # refused when built, before any assessment: the documented error
    built_in = postloss.assess(report).urgency
    try:
        assessment = postloss.assess(report, rules=ruleset)
    except RuleError:
        return
    assert isinstance(assessment, postloss.Assessment)
    assert assessment.urgency >= built_in
    assert all(type(finding.reason) is str for finding in assessment.findings)


def test_assess_with_any_downstream_rules_raises_only_rule_error() -> None:
    keep_fuzzing(assess_with_any_rules)
