"""Hypothesis strategies over the whole valid input space, and beyond it for errors."""

import enum
import json
import re
from collections.abc import Mapping
from typing import Any

import attrs
from hypothesis import strategies as st

import postloss
from postloss import SymptomReport, Thresholds, Urgency
from postloss.triage._fields import ReportField, fields_by_name


def specs(cls: type) -> dict[str, ReportField]:
    """The fields of *cls* by name."""
    return dict(fields_by_name(cls))


#: Values where the built-in rules change their answer, drawn often on purpose.
EDGES: dict[str, list[Any]] = {
    "temperature_c": [35.9, 35.99, 36.0, 36.5, 37.4, 37.5, 37.9, 37.99, 38.0, 38.01, 38.4],
    "pain_score": [0, 1, 5, 6, 7, 8],
    "days_since_loss": [0, 1, 9, 10, 13, 14, 20, 21, 22, 27, 28, 41, 42, 43, 55, 56, 57],
    "weeks_pregnant": [1, 12, 13, 23],
    "heart_rate_bpm": [89, 90, 99, 100, 120, 121, 130, 131],
    "respiratory_rate": [18, 19, 20, 21, 22, 23, 24, 25],
    "systolic_bp": [90, 91, 95, 96, 100, 101, 110, 111],
    "hours_since_urine": [7, 8, 11, 12, 13, 14, 17, 18],
    "pads_soaked_per_hour": [0.49, 0.5, 0.99, 1.0],
}


def edges_of(t: Thresholds) -> dict[str, list[Any]]:
    """The fixed edges plus those of thresholds *t*: each value at, and just either side of it."""

    def around(*lines: float, step: float = 1) -> list[float]:
        return [line + k * step for line in lines for k in (-1, 0, 1)]

    days = [getattr(t, name) for name in specs(Thresholds) if name.endswith("_days")]
    return {
        **EDGES,
        "temperature_c": [
            *EDGES["temperature_c"],
            *around(t.fever_c, t.low_temperature_c, step=0.01),
        ],
        "pain_score": [*EDGES["pain_score"], *around(t.severe_pain)],
        "days_since_loss": [*EDGES["days_since_loss"], *around(*days)],
        "heart_rate_bpm": around(t.fast_heart_rate_bpm, t.high_risk_heart_rate_bpm),
        "respiratory_rate": around(t.moderate_respiratory_rate, t.high_risk_respiratory_rate),
        "systolic_bp": around(t.moderate_systolic_bp, t.high_risk_systolic_bp),
        "hours_since_urine": around(t.moderate_hours_since_urine, t.high_risk_hours_since_urine),
        "pads_soaked_per_hour": around(t.heavy_pads_per_hour, step=0.01),
    }


def _values(spec: ReportField, edges: dict[str, list[Any]] = EDGES) -> st.SearchStrategy[Any]:
    """Every valid non-null value of one field, with its edges favoured."""
    base: st.SearchStrategy[Any]
    if spec.type is bool:
        return st.booleans()
    if issubclass(spec.type, enum.Enum):
        return st.sampled_from(list(spec.type))
    assert spec.bounds is not None, spec.name
    low, high = spec.bounds
    if spec.type is int:
        base = st.integers(int(low), int(high))
    else:
        base = st.floats(low, high, allow_nan=False, allow_infinity=False)
    near = [edge for edge in edges.get(spec.name, []) if low <= edge <= high]
    return st.one_of(st.sampled_from([low, high, *near]), base) if near else base


def field_values(spec: ReportField, edges: dict[str, list[Any]] = EDGES) -> st.SearchStrategy[Any]:
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

    night_sweats: bool | None = None
    wound_check: postloss.Discharge | None = None
    steps_today: int | None = postloss.field(low=0, high=50_000, question="Steps today?")


def thresholds() -> st.SearchStrategy[Thresholds]:
    """Any valid threshold setting, its bounds included."""
    return st.builds(
        Thresholds, **{name: _values(spec) for name, spec in specs(Thresholds).items()}
    )


#: The least value that is worse than "not reported": reporting no pain is not worse.
WORSE_THAN_NONE = {"pain_score": 1}

#: "Worse" orders for monotonicity: later in a list is worse.
WORSE: dict[str, list[Any]] = {
    "pain_trend": [None, *postloss.PainTrend],
    # Not needing painkillers is better than needing ones that help, and those that fail.
    "pain_relieved_by_medication": [None, True, False],
    "discharge": [None, *postloss.Discharge],
    "bleeding": [None, *postloss.Bleeding],
    # The one reassuring input: a returned period is the better answer (CLINICAL.md).
    "period_returned": [True, None, False],
}

#: Not symptoms: when and how the loss happened; changing them is not "worse".
NOT_SYMPTOMS = frozenset({"management", "days_since_loss", "weeks_pregnant"})
#: Numbers that are worse the lower they are.
LOWER_IS_WORSE = frozenset({"systolic_bp"})
#: Where a temperature is normal: worse is further away from it, in either direction.
NORMAL_TEMPERATURE_C = 37.0


@st.composite
def worsened(draw: st.DrawFn, report: SymptomReport) -> SymptomReport:
    """*report* with any of its symptoms made worse (or left alone), never better."""
    changes: dict[str, Any] = {}
    for name, spec in specs(type(report)).items():
        if name in NOT_SYMPTOMS or not draw(st.booleans()):
            continue
        current = getattr(report, name)
        if name in WORSE:
            order = WORSE[name]
            changes[name] = draw(st.sampled_from(order[order.index(current) :]))
        elif spec.type is bool:
            changes[name] = True  # None or False → True; True stays True
        elif issubclass(spec.type, enum.Enum):
            continue
        else:
            changes[name] = draw(_worse_number(name, spec, current))
    return attrs.evolve(report, **changes)


def _worse_number(name: str, spec: ReportField, current: Any) -> st.SearchStrategy[Any]:
    low, high = spec.bounds or (0, 0)
    if name == "temperature_c" and current is not None:
        low, high = (current, high) if current >= NORMAL_TEMPERATURE_C else (low, current)
    elif name in LOWER_IS_WORSE:
        high = high if current is None else current
    else:
        low = WORSE_THAN_NONE.get(name, low) if current is None else current
    if spec.type is int:
        return st.integers(int(low), int(high))
    return st.floats(low, high, allow_nan=False)


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


def benign_reports(t: Thresholds | None = None) -> st.SearchStrategy[SymptomReport]:
    """Reports on which no red flag can hold, drawn directly (no filtering).

    Every number stays on the safe side of its line, every yes/no symptom is ``None``
    or ``False``, pain is mild and not worsening, bleeding at most moderate, and the
    report is from the first two weeks, on a known day after the loss.
    """
    t = Thresholds() if t is None else t
    no = st.sampled_from([None, False])
    fields: dict[str, st.SearchStrategy[Any]] = {
        name: no for name, spec in specs(SymptomReport).items() if spec.type is bool
    }
    fields.update(
        days_since_loss=st.integers(1, t.pain_and_bleeding_days - 1),
        weeks_pregnant=st.none() | st.integers(1, 23),
        management=st.none() | st.sampled_from(list(postloss.Management)),
        pain_score=st.none() | st.integers(0, t.severe_pain - 1),
        pain_trend=st.sampled_from([None, postloss.PainTrend.IMPROVING, postloss.PainTrend.STABLE]),
        pain_relieved_by_medication=st.sampled_from([None, True]),
        temperature_c=st.none()
        | st.floats(t.low_temperature_c, t.fever_c, exclude_max=True, allow_nan=False),
        discharge=st.sampled_from([None, postloss.Discharge.NORMAL]),
        bleeding=st.sampled_from([None, *list(postloss.Bleeding)[:-1]]),
        heart_rate_bpm=st.none() | st.integers(20, t.fast_heart_rate_bpm - 1),
        respiratory_rate=st.none() | st.integers(4, t.moderate_respiratory_rate - 1),
        systolic_bp=st.none() | st.integers(t.moderate_systolic_bp + 1, 250),
        hours_since_urine=st.none() | st.integers(0, t.moderate_hours_since_urine - 1),
        pads_soaked_per_hour=st.none()
        | st.floats(0, t.heavy_pads_per_hour, exclude_max=True, allow_nan=False),
        period_returned=st.sampled_from([None, True, False]),
    )
    return st.builds(SymptomReport, **fields)


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


# --- Arbitrary extensions (issue 9): downstream rules of every behaviour ------------------
# (Added by the plugins branch, below everything else, so that merging touches nothing above.)


class Behaviour(enum.Enum):
    """How a drawn downstream rule behaves on a report."""

    ALWAYS = "always"  # fires on every report
    NEVER = "never"  # fires on none
    ON_FIELD = "on-field"  # fires when a drawn field is truthy
    RAISES = "raises"  # its predicate raises
    NOT_BOOL = "not-bool"  # its predicate returns something else than a bool, always
    BAD_REASON = "bad-reason"  # it fires, and its reason function raises


#: The exceptions a broken downstream rule raises; AttributeError is the classic one
#: (a rule reading a field its report lacks).
RULE_ERRORS = (AttributeError, ZeroDivisionError, KeyError, ValueError, RuntimeError, TypeError)
#: Behaviours of a rule that works.
WORKING = (Behaviour.ALWAYS, Behaviour.NEVER, Behaviour.ON_FIELD)


def _predicate(
    behaviour: Behaviour, field: str, error: type[Exception], cls: type[SymptomReport]
) -> Any:
    """A predicate on *cls* that behaves as *behaviour*; a closure, as a downstream one may be."""

    def predicate(report: SymptomReport) -> bool:
        if behaviour is Behaviour.RAISES:
            raise error(field)
        if behaviour is Behaviour.NOT_BOOL:  # the field's value (None, a number…), or 0/1
            value = getattr(report, field)
            return int(value) if isinstance(value, bool) else value  # type: ignore[return-value]
        return behaviour in (Behaviour.ALWAYS, Behaviour.BAD_REASON) or (
            behaviour is Behaviour.ON_FIELD and bool(getattr(report, field))
        )

    predicate.__annotations__["report"] = cls  # the report class the rule needs
    return predicate


def _raising_reason(error: type[Exception]) -> Any:
    def reason(report: SymptomReport) -> str:
        raise error("reason")

    return reason


@st.composite
def downstream_rules(
    draw: st.DrawFn,
    cls: type[SymptomReport] = SymptomReport,
    behaviours: tuple[Behaviour, ...] = tuple(Behaviour),
    min_size: int = 0,
    max_size: int = 4,
) -> tuple[postloss.Rule, ...]:
    """*min_size* to *max_size* downstream rules over *cls*'s fields, each of any of *behaviours*.

    Any urgency (``SELF_CARE`` included), some linked to a red flag at or above its
    floor, reasons that quote a field or are functions. Whether one raises is up to the
    test to find out, by running its predicate (and reason) itself.
    """
    floors = {flag.id: flag.floor for flag in postloss.load_guide().red_flags}
    made = []
    for position in range(draw(st.integers(min_size, max_size))):
        behaviour = draw(st.sampled_from(behaviours))
        field = draw(st.sampled_from(sorted(specs(cls))))
        error = draw(st.sampled_from(RULE_ERRORS))
        flag = draw(st.none() | st.sampled_from(sorted(floors)))  # ids: a flag is long
        floor = postloss.Urgency.SELF_CARE if flag is None else floors[flag]
        urgency = draw(st.sampled_from([u for u in postloss.Urgency if u >= floor]))
        reason: Any
        if behaviour is Behaviour.BAD_REASON:
            reason = _raising_reason(error)
        else:
            reason = draw(st.sampled_from(["downstream rule fired", f"{field}: {{{field}}}"]))
        made.append(
            postloss.Rule(
                id=f"acme/downstream-{position}",
                urgency=urgency,
                predicate=_predicate(behaviour, field, error, cls),
                reason=reason,
                red_flag=flag,
            )
        )
    return tuple(made)


# --- Content overlays (issue 9): translations, additions and attempted changes -------------

from postloss.guide._models import ITEM_LISTS  # noqa: E402  # the lists a content file has

#: The guide's own texts beside its items, by their path in a content file.
GUIDE_TEXTS = ("title", "disclaimer", "overview", "timeline.typical_duration")
#: Text an overlay may give; no braces, so that no placeholder is made by chance.
_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="{}")
person_text = st.builds(
    str.__add__, st.sampled_from(["Sangrado", "Dolor", "Fièvre", "熱", "x"]), st.text(_CHARACTERS)
)
namespaced_ids = st.from_regex(r"[a-z][a-z0-9]{0,5}/[a-z][a-z0-9]{0,7}", fullmatch=True)
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def text_fields(list_path: str) -> tuple[str, ...]:
    """The person-facing text fields of the items at *list_path*, as DESIGN.md lists them."""
    return {"faq": ("question", "answer"), "red_flags": ("title", "text", "action")}.get(
        list_path, ("title", "text")
    )


def guide_lists(guide: postloss.Guide) -> dict[str, tuple[Any, ...]]:
    """The items of *guide* by list path, in guide order."""
    lists = {}
    for path in ITEM_LISTS:
        node: Any = guide
        for key in path.split("."):
            node = getattr(node, key)
        lists[path] = tuple(node)
    return lists


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML's too
    if isinstance(value, int):
        return str(value)
    return "[" + ", ".join(_toml_value(each) for each in value) + "]"


def toml_text(data: Mapping[str, Any], prefix: str = "") -> str:
    """*data* (tables, arrays of tables, strings, numbers, lists) as TOML text."""
    lines, tables = [], []
    for key, value in data.items():
        name = key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)
        path = f"{prefix}.{name}" if prefix else name
        if isinstance(value, dict):
            tables.append(f"[{path}]\n{toml_text(value, path)}")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables += [f"[[{path}]]\n{toml_text(each, path)}" for each in value]
        else:
            lines.append(f"{name} = {_toml_value(value)}")
    return "\n".join([*lines, *tables]) + "\n"


@attrs.frozen(kw_only=True)
class OverlayPlan:
    """An overlay's text, with what it gives and what it tries to change."""

    text: str
    locale: str
    based_on: str
    #: Existing item ids, with the text fields the overlay gives for each.
    translated: dict[str, tuple[str, ...]]
    #: Paths of the guide's own texts and templates it gives (``"reasons.heavy-bleeding"``).
    paths: tuple[str, ...]
    #: Namespaced ids it adds, with their list.
    added: dict[str, str]
    #: Red flags whose floor it tries to change.
    floor_changes: tuple[str, ...]
    #: Templates whose placeholder it drops.
    dropped: tuple[str, ...]

    @property
    def valid(self) -> bool:
        """Whether the overlay should be accepted."""
        return not self.floor_changes and not self.dropped


@st.composite
def overlay_plans(draw: st.DrawFn, base: postloss.Guide, *, changes: bool = True) -> OverlayPlan:
    """Any overlay of *base*: translations of random items and texts, namespaced additions.

    With *changes*, some overlays also try to change a red flag's floor or drop a
    template's placeholder, which must be refused.
    """
    lists = guide_lists(base)
    home = {item.id: path for path, items in lists.items() for item in items}
    entries: dict[str, dict[str, Any]] = {}
    translated: dict[str, tuple[str, ...]] = {}
    for id in draw(st.lists(st.sampled_from(sorted(home)), unique=True, max_size=12)):
        fields = draw(st.lists(st.sampled_from(text_fields(home[id])), unique=True, min_size=1))
        entries[id] = {"id": id, **{field: draw(person_text) for field in fields}}
        translated[id] = tuple(fields)
    floors = draw(_floor_changes(base, entries)) if changes and draw(st.booleans()) else ()
    added: dict[str, str] = {}
    for id in draw(st.lists(namespaced_ids.filter(lambda id: base.get(id) is None), max_size=3)):
        path = draw(
            st.sampled_from(["sections", "causes", "emotional_support", "faq", "red_flags"])
        )
        entries[id] = _addition(draw, id, path, lists)
        added[id] = home[id] = path
    tables: dict[str, Any] = {}
    for id, entry in entries.items():
        path = home[id]
        target = tables.setdefault("timeline", {}) if path.startswith("timeline.") else tables
        target.setdefault(path.rpartition(".")[2], []).append(entry)
    texts, paths = draw(_guide_texts(tables))
    dropped: list[str] = []
    for table in ("reasons", "clauses"):
        keys = st.sampled_from(sorted(getattr(base, table)))
        for key in draw(st.lists(keys, unique=True, max_size=8)):
            names = sorted(set(_PLACEHOLDER.findall(getattr(base, table)[key])))
            if changes and names and draw(st.integers(0, 9)) == 0:
                names.remove(draw(st.sampled_from(names)))
                dropped.append(f"{table}.{key}")
            else:
                paths.append(f"{table}.{key}")
            words = [draw(person_text), *(f"{{{name}}}" for name in names)]
            tables.setdefault(table, {})[key] = " ".join(words)
    locale = draw(st.sampled_from(["es", "fr", "pt-BR", base.locale]))
    based_on = draw(st.sampled_from([base.content_version, "2020.01.01"]))
    header = {"overlay": {"locale": locale, "based_on": based_on}}
    return OverlayPlan(
        text=toml_text({**texts, **header, **tables}),  # texts before the first table
        locale=locale,
        based_on=based_on,
        translated=translated,
        paths=tuple(dict.fromkeys(paths)),
        added=added,
        floor_changes=floors,
        dropped=tuple(dict.fromkeys(dropped)),
    )


@st.composite
def _floor_changes(
    draw: st.DrawFn, base: postloss.Guide, entries: dict[str, dict[str, Any]]
) -> tuple[str, ...]:
    """Red flags whose floor the overlay tries to change (none, half the time)."""
    flags = [flag.id for flag in base.red_flags]
    changed = draw(st.lists(st.sampled_from(flags), unique=True, max_size=2))
    for id in changed:
        old = base.lookup(id, postloss.guide.RedFlag).floor
        new = draw(st.sampled_from([level for level in Urgency if level != old]))
        entries.setdefault(id, {"id": id})["floor"] = new.label
    if draw(st.booleans()):  # restating a floor unchanged is allowed
        flag = draw(st.sampled_from(base.red_flags))
        entries.setdefault(flag.id, {"id": flag.id}).setdefault("floor", flag.floor.label)
    return tuple(changed)


@st.composite
def _guide_texts(draw: st.DrawFn, tables: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The guide's own texts an overlay gives (``typical_duration`` goes into *tables*)."""
    texts: dict[str, Any] = {}
    paths = draw(st.lists(st.sampled_from(GUIDE_TEXTS), unique=True))
    for path in paths:
        value: Any = draw(st.lists(person_text, min_size=1, max_size=2))
        value = value if path == "overview" else value[0]
        if path == "timeline.typical_duration":
            tables.setdefault("timeline", {})["typical_duration"] = value
        else:
            texts[path] = value
    return texts, list(paths)


def _addition(
    draw: st.DrawFn, id: str, path: str, lists: Mapping[str, tuple[Any, ...]]
) -> dict[str, Any]:
    """A valid new item with namespaced *id* for the list at *path*."""
    if path == "faq":
        known = sorted(item.id for items in lists.values() for item in items)
        related = draw(st.lists(st.sampled_from(known), unique=True, max_size=3))
        return {
            "id": id,
            "question": draw(person_text),
            "answer": draw(person_text),
            "related": related,
        }
    entry: dict[str, Any] = {"id": id, "title": draw(person_text), "text": draw(person_text)}
    if path == "red_flags":
        sources = sorted(source.id for source in lists["sources"])
        entry["floor"] = draw(st.sampled_from(list(Urgency))).label
        entry["sources"] = draw(st.lists(st.sampled_from(sources), unique=True, min_size=1))
    return entry
