"""Hypothesis strategies over the whole valid input space, and beyond it for errors."""

import enum
from typing import Any

import attrs
from hypothesis import strategies as st

import postloss
from postloss import SymptomReport, Thresholds
from postloss.triage._fields import FieldSpec, specs

#: Values where the built-in rules change their answer, drawn often on purpose.
EDGES: dict[str, list[Any]] = {
    "temperature_c": [37.4, 37.5, 37.9, 37.99, 38.0, 38.01, 38.4, 38.5, 38.6],
    "pain_score": [0, 1, 5, 6, 7, 8],
    "days_since_loss": [0, 13, 14, 20, 21, 22, 27, 28, 29],
    "weeks_pregnant": [1, 12, 13, 23],
}


def edges_of(t: Thresholds) -> dict[str, list[Any]]:
    """The fixed edges plus those of thresholds *t*: each value at, and just either side of it."""
    days = {t.persistent_pain_days, t.prolonged_bleeding_days, t.pregnancy_test_days}
    return {
        **EDGES,
        "temperature_c": [*EDGES["temperature_c"], t.fever_c - 0.01, t.fever_c, t.fever_c + 0.01],
        "pain_score": [*EDGES["pain_score"], t.severe_pain - 1, t.severe_pain],
        "days_since_loss": [*EDGES["days_since_loss"], *(d + k for d in days for k in (-1, 0, 1))],
    }


def _values(spec: FieldSpec, edges: dict[str, list[Any]] = EDGES) -> st.SearchStrategy[Any]:
    """Every valid non-null value of one field, with its edges favoured."""
    base: st.SearchStrategy[Any]
    if spec.base is bool:
        return st.booleans()
    if issubclass(spec.base, enum.Enum):
        return st.sampled_from(list(spec.base))
    assert spec.bounds is not None, spec.name
    low, high = spec.bounds
    if spec.base is int:
        base = st.integers(int(low), int(high))
    else:
        base = st.floats(low, high, allow_nan=False, allow_infinity=False)
    near = [edge for edge in edges.get(spec.name, []) if low <= edge <= high]
    return st.one_of(st.sampled_from([low, high, *near]), base) if near else base


def field_values(spec: FieldSpec, edges: dict[str, list[Any]] = EDGES) -> st.SearchStrategy[Any]:
    """Every valid value of one field, ``None`` included where allowed."""
    values = _values(spec, edges)
    return st.none() | values if spec.optional else values


def reports(
    cls: type[SymptomReport] = SymptomReport, thresholds: Thresholds | None = None
) -> st.SearchStrategy[SymptomReport]:
    """Any valid report of *cls*: every field, every enum value, None, and the edges.

    With *thresholds*, values at and just either side of each threshold are favoured.
    """
    edges = EDGES if thresholds is None else edges_of(thresholds)
    fields = {name: field_values(spec, edges) for name, spec in specs(cls).items()}
    return st.builds(cls, **fields)


@attrs.frozen(kw_only=True)
class ClinicReport(SymptomReport):
    """A downstream report with fields of its own, as an app would add."""

    night_sweats: bool = False
    wound_check: postloss.Discharge | None = None
    steps_today: int | None = postloss.bounded(None, 0, 50_000)


def thresholds() -> st.SearchStrategy[Thresholds]:
    """Any valid threshold setting, its bounds included."""
    return st.builds(
        Thresholds, **{name: _values(spec) for name, spec in specs(Thresholds).items()}
    )


#: The least value that is worse than "not reported": reporting no pain is not worse.
WORSE_THAN_NONE = {"pain_score": 1}

#: "Worse" orders for monotonicity: later in a list is worse; None comes first.
WORSE: dict[str, list[Any]] = {
    "pain_trend": [None, *postloss.PainTrend],
    # Not needing painkillers is better than needing ones that help, and those that fail.
    "pain_relieved_by_medication": [None, True, False],
    "discharge": [None, *postloss.Discharge],
    "bleeding": [None, *postloss.Bleeding],
}


@st.composite
def worsened(draw: st.DrawFn, report: SymptomReport) -> SymptomReport:
    """*report* with any of its symptoms made worse (or left alone), never better."""
    changes: dict[str, Any] = {}
    for name, spec in specs(type(report)).items():
        if name == "management" or not draw(st.booleans()):
            continue
        current = getattr(report, name)
        if name in WORSE:
            order = WORSE[name]
            changes[name] = draw(st.sampled_from(order[order.index(current) :]))
        elif spec.base is bool:
            changes[name] = True  # False → True; True stays True
        else:
            low, high = spec.bounds or (0, 0)
            start = WORSE_THAN_NONE.get(name, low) if current is None else current
            strategy = (
                st.integers(int(start), int(high))
                if spec.base is int
                else st.floats(start, high, allow_nan=False)
            )
            changes[name] = draw(strategy)
    return attrs.evolve(report, **changes)


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities included
    | st.text(max_size=12)
)
json_like = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def report_shaped() -> st.SearchStrategy[dict[str, Any]]:
    """Mappings keyed (mostly) by report fields with arbitrary JSON-like values."""
    names = [*specs(SymptomReport), "unknown_field"]
    return st.dictionaries(st.sampled_from(names), json_like, max_size=8)


def valid_report_data() -> st.SearchStrategy[dict[str, Any]]:
    """JSON-like data of valid reports: enums as their values."""
    return reports().map(
        lambda report: {
            name: value.value if isinstance(value, enum.Enum) else value
            for name, value in attrs.asdict(report, recurse=False).items()
        }
    )


# --- Round 2, clinical tests: answers over each field's whole range ------------------------
# (Added by the clinical-tests branch; built from postloss.report_fields() when first used,
# so that merging touches nothing above.)


def _report_field(name: str) -> Any:
    """The public record of report field *name* (``postloss.report_fields()``)."""
    by_name = {field.name: field for field in postloss.report_fields()}
    return by_name[name]


def _threshold_numbers(t: Thresholds) -> list[float]:
    """Every number of the threshold setting *t*."""
    return [
        value
        for field in attrs.fields(Thresholds)
        if isinstance(value := getattr(t, field.name), int | float) and not isinstance(value, bool)
    ]


def answers(name: str, t: Thresholds) -> list[Any]:
    """The values that cover report field *name*'s whole range under thresholds *t*.

    Both yes/no answers, every enum member, and for numbers the bounds, one step inside them,
    and every threshold's number with a step either side (a hundredth and a tenth for decimal
    fields), so that any line a rule draws is met from both sides.
    """
    import math  # kept inside the round-2 block, so that merging touches nothing above

    field = _report_field(name)
    if field.type is bool:
        return [True, False]
    if isinstance(field.type, type) and issubclass(field.type, enum.Enum):
        return list(field.type)
    assert field.bounds is not None, name
    low, high = field.bounds
    numbers = [low, high, *_threshold_numbers(t)]
    if field.type is int:
        found = {int(n) + k for n in numbers for k in (-1, 0, 1)}
        found |= {math.ceil(n) for n in numbers}
        return sorted(v for v in found if low <= v <= high)
    steps = (-0.1, -0.01, 0.0, 0.01, 0.1)
    return sorted({round(float(n) + k, 2) for n in numbers for k in steps if low <= n + k <= high})


def answer_values(name: str) -> st.SearchStrategy[Any]:
    """Any valid, non-null answer to report field *name*, its edges favoured."""

    def build() -> st.SearchStrategy[Any]:
        field = _report_field(name)
        edges = st.sampled_from(answers(name, Thresholds()))
        if field.type is int:
            low, high = field.bounds
            return edges | st.integers(int(low), int(high))
        if field.type is float:
            low, high = field.bounds
            return edges | st.floats(low, high, allow_nan=False, allow_infinity=False)
        return edges

    return st.deferred(build)
