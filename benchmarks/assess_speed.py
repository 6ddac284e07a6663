"""Speed of assess() and of building reports, as ratios to baselines timed in the same run.

Three ways of applying the 38 built-in rules (default thresholds) to the same seeded mix
of reports are timed in this one process:

- ``assess``: ``postloss.assess(report)``, the whole assessment (findings with reasons,
  action, self-care, watch-for and outlook);
- ``if-chain``: one plain function of the report, with every condition of the built-in
  table (``_builtin.py`` and ``_signs.py``) written inline, that returns the set of the
  ids that fire: the fastest hand-written Python, the floor for any implementation;
- ``rule-engine``: the ``rule-engine`` package (5.1.0) evaluating the same 38 rules,
  written in its expression language, over a dict of the report's fields (enums as their
  values), collecting the ids of the rules that match. The dicts are built before timing,
  which favours rule-engine.

Two mixes are timed, each seeded: "mostly benign" (about half the reports with nothing
wrong, the rest with one to four red-flag inputs, at and either side of the thresholds)
and "busy" (half the reports fire three or more rules; the rest are drawn as in the first
mix, keeping those on which fewer than three fire).
Before timing, the script checks that all three fire the same ids on every report of both
mixes and that every rule fires on some report of one or the other; it exits 1 if not.

It also times building a report: ``SymptomReport(**fields)`` against a plain
``attrs.frozen(kw_only=True)`` class with the same fields (no validation), and
``parse_report(data)`` against a pydantic v2 model with the same fields and bounds
(``extra="forbid"``, frozen, pydantic's default lax mode), over the same reports' fields.

Passes alternate between the approaches so that machine noise hits all alike; each figure
is the fastest pass (per call), with the median beside it. Targets (from the issue):
assess / if-chain at most 4, rule-engine / assess at least 12, and both building ratios
at most 2. The script exits 0 whether or not a target is met; the verdicts are printed.

    pip install -e '.[bench]'   # or: pip install rule-engine==5.1.0 pydantic
    python benchmarks/assess_speed.py [--reports N] [--seed S] [--repeat R]
"""

import argparse
import enum
import importlib
import random
import statistics
import sys
import timeit
from collections.abc import Callable, Sequence
from typing import Any

import attrs

import postloss
from postloss import (
    Bleeding,
    Discharge,
    Management,
    PainTrend,
    SymptomReport,
    parse_report,
    report_fields,
)

CHAIN_TARGET = 4.0  # assess / if-chain, at most
ENGINE_TARGET = 12.0  # rule-engine / assess, at least
INIT_TARGET = 2.0  # SymptomReport(**fields) / plain attrs class, at most
PARSE_TARGET = 2.0  # parse_report(data) / pydantic model, at most

MIXES = ("mostly benign", "busy")

# --- The built-in rules in rule-engine's language, default thresholds written in ---------


def _days(days: int) -> str:
    return f"(days_since_loss != null and days_since_loss >= {days})"


M_FEVER = "(temperature_c != null and temperature_c >= 38.0)"
FEVER = f"(chills or {M_FEVER})"
LOW_T = "(temperature_c != null and temperature_c < 36.0)"
HEAVY = (
    "(bleeding == 'heavy' or large_clots"
    " or (pads_soaked_per_hour != null and pads_soaked_per_hour >= 1.0))"
)
ANY_BLEEDING = (
    "(bleeding in ['spotting', 'light', 'moderate', 'heavy']"
    f" or (pads_soaked_per_hour != null and pads_soaked_per_hour > 0) or {HEAVY})"
)
HEART = "(rapid_heartbeat or (heart_rate_bpm != null and heart_rate_bpm >= 100))"
SEVERE = "(pain_score != null and pain_score >= 7)"
WORSENING = "(pain_trend == 'worsening')"
UNUSUAL = "(discharge == 'unusual')"
IN_PAIN = (
    "((pain_score != null and pain_score >= 1) or pain_trend in ['stable', 'worsening']"
    " or (pain_trend == 'improving' and pain_score == null)"
    " or pain_relieved_by_medication != null or pain_limits_daily_activities)"
)
PERIOD = (
    f"(period_returned and {_days(21)} and not {HEAVY} and not positive_pregnancy_test"
    " and not one_sided_lower_abdominal_pain and not pain_when_peeing_or_pooing"
    " and not shoulder_tip_pain)"
)
FAST_RATE = "(heart_rate_bpm != null and heart_rate_bpm >= 100 and heart_rate_bpm < 131)"
MOD_BREATHING = "(respiratory_rate != null and respiratory_rate >= 21 and respiratory_rate < 25)"
MOD_PRESSURE = "(systolic_bp != null and systolic_bp > 90 and systolic_bp <= 100)"
MOD_URINE = "(hours_since_urine != null and hours_since_urine >= 12 and hours_since_urine < 18)"
MODERATE_COUNT = (
    f"(((rapid_heartbeat or {FAST_RATE}) ? 1 : 0) + ({MOD_BREATHING} ? 1 : 0)"
    f" + ({MOD_PRESSURE} ? 1 : 0) + ({MOD_URINE} ? 1 : 0) + ({LOW_T} ? 1 : 0))"
)
OTHER_MODERATE = f"({MOD_BREATHING} or {MOD_PRESSURE} or {MOD_URINE} or {LOW_T})"
HIGH_RISK = (
    "((heart_rate_bpm != null and heart_rate_bpm >= 131)"
    " or (respiratory_rate != null and respiratory_rate >= 25)"
    " or (systolic_bp != null and systolic_bp <= 90)"
    " or (hours_since_urine != null and hours_since_urine >= 18)"
    " or skin_mottled_ashen_or_blue or non_blanching_rash)"
)
PARTNER = f"({FEVER} or {UNUSUAL} or {SEVERE} or {WORSENING})"
ONE_SIDED = "(one_sided_lower_abdominal_pain or pain_when_peeing_or_pooing)"

ENGINE_RULES = {
    "heavy-bleeding": HEAVY,
    "fainting-or-dizziness": "fainting_or_dizziness",
    "shoulder-tip-pain": "shoulder_tip_pain",
    "sudden-severe-abdominal-pain": "sudden_severe_abdominal_pain",
    "breathlessness-or-chest-pain": "breathlessness_or_chest_pain",
    "sepsis-signs": f"confusion or ({HEART} and ({FEVER} or {LOW_T})) or {HIGH_RISK}",
    "sepsis-high-risk": HIGH_RISK,
    "sepsis-moderate-risk-emergency": (
        f"{MODERATE_COUNT} >= 2 or ({MODERATE_COUNT} == 1 and {PARTNER})"
    ),
    "fast-heartbeat-emergency": (
        f"{HEART} and ({HEAVY} or bleeding == 'moderate' or fainting_or_dizziness"
        f" or one_sided_lower_abdominal_pain or {OTHER_MODERATE} or {PARTNER})"
    ),
    "low-temperature-emergency": (
        f"{LOW_T} and ({MODERATE_COUNT} >= 2 or {HEART} or {HIGH_RISK} or chills or {UNUSUAL}"
        f" or {SEVERE} or {WORSENING})"
    ),
    "one-sided-lower-abdominal-pain-emergency": (
        f"{ONE_SIDED} and ({HEART} or {SEVERE} or skin_mottled_ashen_or_blue)"
    ),
    "infection-after-surgery": (
        "management == 'surgical' and (days_since_loss == null or days_since_loss <= 42)"
        f" and ({M_FEVER} or {LOW_T} or {UNUSUAL})"
    ),
    "vomiting-with-fever": f"vomiting_or_diarrhoea and {M_FEVER}",
    "swelling-of-lips-tongue-or-throat": "swelling_of_lips_tongue_or_throat",
    "feels-like-going-to-die": "feels_like_going_to_die",
    "self-harm-thoughts": "self_harm_thoughts",
    "severe-pain-with-complications": (
        f"({SEVERE} or {WORSENING}) and ({FEVER} or {LOW_T} or {UNUSUAL} or {HEAVY})"
    ),
    "severe-pain-not-eased-by-painkillers": f"{SEVERE} and pain_relieved_by_medication == false",
    "signs-of-infection": f"({FEVER} or {LOW_T}) and ({UNUSUAL} or {WORSENING})",
    "sepsis-moderate-risk": f"{MODERATE_COUNT} >= 1",
    "fast-heartbeat": HEART,
    "low-temperature": LOW_T,
    "one-sided-lower-abdominal-pain": ONE_SIDED,
    "fever-or-chills": FEVER,
    "unusual-discharge": UNUSUAL,
    "severe-pain": SEVERE,
    "increasing-pain": WORSENING,
    "pain-not-eased-by-painkillers": "pain_relieved_by_medication == false",
    "bleeding-increasing": f"bleeding_increasing and not {PERIOD}",
    "vomiting-or-diarrhoea": "vomiting_or_diarrhoea",
    "calf-pain-or-swelling": "calf_pain_or_swelling",
    "pain-and-bleeding-at-two-weeks": (
        f"{_days(14)} and {IN_PAIN} and {ANY_BLEEDING} and not {PERIOD}"
    ),
    "persistent-pain": f"{_days(21)} and {IN_PAIN}",
    "pain-limits-daily-activities": (
        "pain_limits_daily_activities and (days_since_loss == null or days_since_loss >= 1)"
    ),
    "prolonged-bleeding": f"{_days(21)} and {ANY_BLEEDING} and not {PERIOD}",
    "no-period-by-eight-weeks": f"period_returned == false and {_days(56)}",
    "positive-pregnancy-test": (
        "positive_pregnancy_test and (days_since_loss == null or days_since_loss >= 21)"
    ),
    "persistent-low-mood": "low_mood",
}


def load_module(name: str, install: str) -> Any:
    """The module *name*, or exit with how to install it.

    Imported by name rather than with an import statement: rule-engine ships no type
    information and neither it nor pydantic is installed by ``make test`` (only by the
    ``bench`` extra), so mypy would report them as untyped or missing depending on the
    environment. Their APIs are used as ``Any`` either way.
    """
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        sys.exit(f"{name} is not installed: pip install {install}")


# --- The if-chain -------------------------------------------------------------------------


def if_chain(r: SymptomReport) -> set[str]:  # noqa: PLR0912, PLR0915  # the baseline
    """The ids of the built-in rules that fire on *r*, default thresholds, written inline."""
    fired = set()
    temp = r.temperature_c
    pads = r.pads_soaked_per_hour
    rate = r.heart_rate_bpm
    breaths = r.respiratory_rate
    pressure = r.systolic_bp
    urine = r.hours_since_urine
    score = r.pain_score
    trend = r.pain_trend
    days = r.days_since_loss
    bleeding = r.bleeding
    measured_fever = temp is not None and temp >= 38.0
    fever = r.chills is True or measured_fever
    low_temp = temp is not None and temp < 36.0
    heavy = (
        bleeding is Bleeding.HEAVY or r.large_clots is True or (pads is not None and pads >= 1.0)
    )
    heart = r.rapid_heartbeat is True or (rate is not None and rate >= 100)
    severe = score is not None and score >= 7
    worsening = trend is PainTrend.WORSENING
    unusual = r.discharge is Discharge.UNUSUAL
    mod_breathing = breaths is not None and 21 <= breaths < 25
    mod_pressure = pressure is not None and 90 < pressure <= 100
    mod_urine = urine is not None and 12 <= urine < 18
    moderate = (
        (r.rapid_heartbeat is True or (rate is not None and 100 <= rate < 131))
        + mod_breathing
        + mod_pressure
        + mod_urine
        + low_temp
    )
    high_risk = (
        (rate is not None and rate >= 131)
        or (breaths is not None and breaths >= 25)
        or (pressure is not None and pressure <= 90)
        or (urine is not None and urine >= 18)
        or r.skin_mottled_ashen_or_blue is True
        or r.non_blanching_rash is True
    )
    partner = fever or unusual or severe or worsening
    one_sided = r.one_sided_lower_abdominal_pain is True or r.pain_when_peeing_or_pooing is True
    if heavy:
        fired.add("heavy-bleeding")
    if r.fainting_or_dizziness is True:
        fired.add("fainting-or-dizziness")
    if r.shoulder_tip_pain is True:
        fired.add("shoulder-tip-pain")
    if r.sudden_severe_abdominal_pain is True:
        fired.add("sudden-severe-abdominal-pain")
    if r.breathlessness_or_chest_pain is True:
        fired.add("breathlessness-or-chest-pain")
    if r.confusion is True or (heart and (fever or low_temp)) or high_risk:
        fired.add("sepsis-signs")
    if high_risk:
        fired.add("sepsis-high-risk")
    if moderate >= 2 or (moderate == 1 and partner):
        fired.add("sepsis-moderate-risk-emergency")
    if heart and (
        heavy
        or bleeding is Bleeding.MODERATE
        or r.fainting_or_dizziness is True
        or r.one_sided_lower_abdominal_pain is True
        or mod_breathing
        or mod_pressure
        or mod_urine
        or low_temp
        or partner
    ):
        fired.add("fast-heartbeat-emergency")
    if low_temp and (
        moderate >= 2 or heart or high_risk or r.chills is True or unusual or severe or worsening
    ):
        fired.add("low-temperature-emergency")
    if one_sided and (heart or severe or r.skin_mottled_ashen_or_blue is True):
        fired.add("one-sided-lower-abdominal-pain-emergency")
    if (
        r.management is Management.SURGICAL
        and (days is None or days <= 42)
        and (measured_fever or low_temp or unusual)
    ):
        fired.add("infection-after-surgery")
    if r.vomiting_or_diarrhoea is True and measured_fever:
        fired.add("vomiting-with-fever")
    if r.swelling_of_lips_tongue_or_throat is True:
        fired.add("swelling-of-lips-tongue-or-throat")
    if r.feels_like_going_to_die is True:
        fired.add("feels-like-going-to-die")
    if r.self_harm_thoughts is True:
        fired.add("self-harm-thoughts")
    if (severe or worsening) and (fever or low_temp or unusual or heavy):
        fired.add("severe-pain-with-complications")
    if severe and r.pain_relieved_by_medication is False:
        fired.add("severe-pain-not-eased-by-painkillers")
    if (fever or low_temp) and (unusual or worsening):
        fired.add("signs-of-infection")
    if moderate:
        fired.add("sepsis-moderate-risk")
    if heart:
        fired.add("fast-heartbeat")
    if low_temp:
        fired.add("low-temperature")
    if one_sided:
        fired.add("one-sided-lower-abdominal-pain")
    if fever:
        fired.add("fever-or-chills")
    if unusual:
        fired.add("unusual-discharge")
    if severe:
        fired.add("severe-pain")
    if worsening:
        fired.add("increasing-pain")
    if r.pain_relieved_by_medication is False:
        fired.add("pain-not-eased-by-painkillers")
    if r.vomiting_or_diarrhoea is True:
        fired.add("vomiting-or-diarrhoea")
    if r.calf_pain_or_swelling is True:
        fired.add("calf-pain-or-swelling")
    if r.pain_limits_daily_activities is True and (days is None or days >= 1):
        fired.add("pain-limits-daily-activities")
    if r.positive_pregnancy_test is True and (days is None or days >= 21):
        fired.add("positive-pregnancy-test")
    if r.low_mood is True:
        fired.add("persistent-low-mood")
    if days is None:
        if r.bleeding_increasing is True:
            fired.add("bleeding-increasing")
        return fired
    # From here on the loss was days ago: the rules that count days.
    period_reassures = (
        r.period_returned is True
        and days >= 21
        and not heavy
        and r.positive_pregnancy_test is not True
        and r.one_sided_lower_abdominal_pain is not True
        and r.pain_when_peeing_or_pooing is not True
        and r.shoulder_tip_pain is not True
    )
    if r.bleeding_increasing is True and not period_reassures:
        fired.add("bleeding-increasing")
    if r.period_returned is False and days >= 56:
        fired.add("no-period-by-eight-weeks")
    if days < 14:
        return fired
    in_pain = (
        (score is not None and score >= 1)
        or trend is PainTrend.STABLE
        or worsening
        or (trend is PainTrend.IMPROVING and score is None)
        or r.pain_relieved_by_medication is not None
        or r.pain_limits_daily_activities is True
    )
    any_bleeding = (
        (bleeding is not None and bleeding is not Bleeding.NONE)
        or (pads is not None and pads > 0)
        or heavy
    )
    if in_pain and any_bleeding and not period_reassures:
        fired.add("pain-and-bleeding-at-two-weeks")
    if days >= 21:
        if in_pain:
            fired.add("persistent-pain")
        if any_bleeding and not period_reassures:
            fired.add("prolonged-bleeding")
    return fired


# --- The mixes ----------------------------------------------------------------------------

_FLAGS = (
    "chills",
    "large_clots",
    "bleeding_increasing",
    "fainting_or_dizziness",
    "shoulder_tip_pain",
    "breathlessness_or_chest_pain",
    "calf_pain_or_swelling",
    "confusion",
    "rapid_heartbeat",
    "self_harm_thoughts",
    "positive_pregnancy_test",
    "low_mood",
    "skin_mottled_ashen_or_blue",
    "non_blanching_rash",
    "sudden_severe_abdominal_pain",
    "one_sided_lower_abdominal_pain",
    "pain_when_peeing_or_pooing",
    "vomiting_or_diarrhoea",
    "swelling_of_lips_tongue_or_throat",
    "feels_like_going_to_die",
)

#: Red-flag inputs, with values at and either side of each threshold so that the
#: equivalence check bites there.
WORSE: dict[str, Sequence[Any]] = {
    "days_since_loss": [0, 1, 13, 14, 20, 21, 42, 43, 55, 56, 70],
    "pain_score": [6, 7, 8, 10],
    "pain_trend": [PainTrend.STABLE, PainTrend.WORSENING],
    "pain_relieved_by_medication": [False],
    "pain_limits_daily_activities": [True],
    "temperature_c": [35.5, 35.99, 36.0, 37.9, 37.99, 38.0, 38.1, 39.5],
    "discharge": [Discharge.UNUSUAL],
    "bleeding": [Bleeding.MODERATE, Bleeding.HEAVY],
    "pads_soaked_per_hour": [0.5, 0.99, 1.0, 2.0],
    "heart_rate_bpm": [99, 100, 130, 131, 150],
    "respiratory_rate": [20, 21, 24, 25, 30],
    "systolic_bp": [80, 90, 91, 100, 101],
    "hours_since_urine": [11, 12, 17, 18, 24],
    "management": [Management.SURGICAL],
    "period_returned": [True, False],
    **{flag: [True] for flag in _FLAGS},
}


def benign_report(rng: random.Random) -> SymptomReport:
    """A report on which no rule fires: early days, mild pain, normal signs."""
    return SymptomReport(
        days_since_loss=rng.choice([None, rng.randint(0, 13)]),
        weeks_pregnant=rng.choice([None, rng.randint(4, 20)]),
        management=rng.choice([None, *Management]),
        pain_score=rng.choice([None, 0, rng.randint(1, 4)]),
        pain_trend=rng.choice([None, PainTrend.IMPROVING]),
        pain_relieved_by_medication=rng.choice([None, True]),
        temperature_c=rng.choice([None, round(rng.uniform(36.0, 37.9), 1)]),
        discharge=rng.choice([None, Discharge.NORMAL]),
        bleeding=rng.choice([None, Bleeding.NONE, Bleeding.SPOTTING, Bleeding.LIGHT]),
        pads_soaked_per_hour=rng.choice([None, 0.0, 0.5]),
        heart_rate_bpm=rng.choice([None, rng.randint(60, 99)]),
        respiratory_rate=rng.choice([None, rng.randint(12, 20)]),
        systolic_bp=rng.choice([None, rng.randint(101, 140)]),
        hours_since_urine=rng.choice([None, rng.randint(0, 11)]),
        large_clots=rng.choice([None, False]),
        chills=rng.choice([None, False]),
        period_returned=rng.choice([None, True, False]),
    )


def flagged_report(rng: random.Random, low: int, high: int) -> SymptomReport:
    """A benign report with *low* to *high* red-flag inputs, on any day up to ten weeks."""
    report = attrs.evolve(
        benign_report(rng), days_since_loss=rng.choice([None, rng.randint(0, 70)])
    )
    fields = rng.sample(sorted(WORSE), rng.randint(low, high))
    return attrs.evolve(report, **{field: rng.choice(WORSE[field]) for field in fields})


def mostly_benign_report(rng: random.Random) -> SymptomReport:
    """Benign one time in two; otherwise with one to four red-flag inputs."""
    return benign_report(rng) if rng.random() < 1 / 2 else flagged_report(rng, 1, 4)


#: Inputs that go together, for the busy mix: a report draws from one or two of them.
CLUSTERS: tuple[tuple[str, ...], ...] = (
    (  # infection
        "temperature_c",
        "chills",
        "discharge",
        "pain_trend",
        "vomiting_or_diarrhoea",
        "management",
        "days_since_loss",
    ),
    (  # sepsis
        "temperature_c",
        "rapid_heartbeat",
        "heart_rate_bpm",
        "respiratory_rate",
        "systolic_bp",
        "hours_since_urine",
        "confusion",
        "skin_mottled_ashen_or_blue",
        "non_blanching_rash",
    ),
    (  # bleeding, and ectopic pregnancy
        "bleeding",
        "pads_soaked_per_hour",
        "large_clots",
        "bleeding_increasing",
        "fainting_or_dizziness",
        "period_returned",
        "positive_pregnancy_test",
        "one_sided_lower_abdominal_pain",
        "shoulder_tip_pain",
        "heart_rate_bpm",
        "days_since_loss",
    ),
    (  # pain
        "pain_score",
        "pain_trend",
        "pain_relieved_by_medication",
        "pain_limits_daily_activities",
        "pain_when_peeing_or_pooing",
        "sudden_severe_abdominal_pain",
        "one_sided_lower_abdominal_pain",
        "temperature_c",
        "days_since_loss",
    ),
    (  # the rest
        "breathlessness_or_chest_pain",
        "calf_pain_or_swelling",
        "self_harm_thoughts",
        "low_mood",
        "swelling_of_lips_tongue_or_throat",
        "feels_like_going_to_die",
        "pain_score",
        "bleeding",
    ),
)


def busy_report(rng: random.Random) -> SymptomReport:
    """A report on which three or more rules fire (redrawn until three do).

    Two to five inputs from each of one or two clusters.
    """
    while True:
        report = attrs.evolve(
            benign_report(rng), days_since_loss=rng.choice([None, rng.randint(0, 70)])
        )
        fields = dict.fromkeys(  # in the order drawn, so that the mix depends only on the seed
            field
            for cluster in rng.sample(CLUSTERS, rng.randint(1, 2))
            for field in rng.sample(cluster, rng.randint(2, 5))
        )
        report = attrs.evolve(report, **{field: rng.choice(WORSE[field]) for field in fields})
        if len(postloss.assess(report).findings) >= 3:
            return report


def mild_report(rng: random.Random) -> SymptomReport:
    """A report of the mostly benign kind on which fewer than three rules fire."""
    while True:
        report = mostly_benign_report(rng)
        if len(postloss.assess(report).findings) < 3:
            return report


def mix(name: str, size: int, seed: int) -> list[SymptomReport]:
    """The seeded mix *name* (one of :data:`MIXES`) of *size* reports."""
    rng = random.Random(f"{name}:{seed}")
    if name == "mostly benign":
        return [mostly_benign_report(rng) for _ in range(size)]
    if name == "busy":  # every other report fires three or more rules, the rest fewer
        return [busy_report(rng) if i % 2 == 0 else mild_report(rng) for i in range(size)]
    raise ValueError(f"unknown mix {name!r}; expected one of {MIXES}")


# --- Checks -------------------------------------------------------------------------------


def as_data(report: SymptomReport) -> dict[str, Any]:
    """Every field of the report by name, enums as their string values (for rule-engine)."""
    return {
        name: value.value if isinstance(value, enum.Enum) else value
        for name, value in attrs.asdict(report).items()
    }


def given_fields(report: SymptomReport) -> dict[str, Any]:
    """The fields the report was given (not ``None``), as keyword arguments."""
    return {name: value for name, value in attrs.asdict(report).items() if value is not None}


def fired_by_assess(report: SymptomReport) -> set[str]:
    """The ids of the rules whose findings ``assess`` gives."""
    return {finding.rule_id for finding in postloss.assess(report).findings}


def check_agreement(
    name: str, reports: Sequence[SymptomReport], engine_rules: dict[str, Any]
) -> set[str]:
    """The ids of the rules that fire on some report of *reports*.

    Exits 1 unless the three approaches fire the same ids on every report.
    """
    disagreements = 0
    fired_somewhere: set[str] = set()
    for report in reports:
        by_assess = fired_by_assess(report)
        by_chain = if_chain(report)
        data = as_data(report)
        by_engine = {rule_id for rule_id, rule in engine_rules.items() if rule.matches(data)}
        fired_somewhere |= by_assess
        if not by_assess == by_chain == by_engine:
            disagreements += 1
            print(f"disagreement on {report!r}:", file=sys.stderr)
            print(f"  assess      {sorted(by_assess)}", file=sys.stderr)
            print(f"  if-chain    {sorted(by_chain)}", file=sys.stderr)
            print(f"  rule-engine {sorted(by_engine)}", file=sys.stderr)
    if disagreements:
        sys.exit(f"{name}: the approaches disagree on {disagreements} of {len(reports)} reports")
    return fired_somewhere


# --- Baselines for building a report ------------------------------------------------------


def plain_attrs_class() -> type:
    """A plain ``attrs.frozen(kw_only=True)`` class with the report's fields: no checks."""
    namespace: dict[str, Any] = {
        "__annotations__": {field.name: field.type for field in attrs.fields(SymptomReport)},
        **{field.name: None for field in attrs.fields(SymptomReport)},
    }
    return attrs.frozen(kw_only=True)(type("PlainReport", (), namespace))


def pydantic_model(pydantic: Any) -> Any:
    """A pydantic v2 model with the report's fields and bounds, frozen, no extra keys."""
    definitions: dict[str, Any] = {}
    for spec in report_fields():
        annotation: Any = spec.type | None if spec.optional else spec.type
        low, high = spec.bounds if spec.bounds is not None else (None, None)
        definitions[spec.name] = (annotation, pydantic.Field(None, ge=low, le=high))
    config = pydantic.ConfigDict(extra="forbid", frozen=True)
    return pydantic.create_model("PydanticReport", __config__=config, **definitions)


def check_builders(reports: Sequence[SymptomReport], plain: Callable[..., Any], model: Any) -> None:
    """Exit 1 unless each baseline builds the same values as postloss from the same input."""
    for report in reports:
        kwargs = given_fields(report)
        built = plain(**kwargs)
        parsed = model.model_validate(as_data(report))
        for field in attrs.fields(SymptomReport):
            expected = getattr(report, field.name)
            if getattr(built, field.name) != expected or getattr(parsed, field.name) != expected:
                sys.exit(f"a baseline builds {field.name} differently from {report!r}")
        if SymptomReport(**kwargs) != report or parse_report(as_data(report)) != report:
            sys.exit(f"postloss does not rebuild {report!r}")


# --- Timing -------------------------------------------------------------------------------


@attrs.frozen
class Timing:
    """Seconds per call: the fastest pass and the median one, and passes per sample."""

    best: float
    median: float
    number: int


def time_alternating(
    runs: dict[str, Callable[[], None]], calls: int, repeat: int
) -> dict[str, Timing]:
    """Time each run *repeat* times, alternating, in passes of *calls* calls."""
    # Passes per sample, as timeit's autorange chooses them (at least 0.2 s a sample).
    timers = {name: timeit.Timer(run) for name, run in runs.items()}
    numbers = {name: timer.autorange()[0] for name, timer in timers.items()}
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, timer in timers.items():
            samples[name].append(timer.timeit(numbers[name]) / (numbers[name] * calls))
    return {
        name: Timing(min(times), statistics.median(times), numbers[name])
        for name, times in samples.items()
    }


def show(timings: dict[str, Timing], repeat: int) -> None:
    for name, timing in timings.items():
        print(
            f"  {name:<26} best {timing.best * 1e6:9.2f} µs/call"
            f"  median {timing.median * 1e6:9.2f} µs/call  ({repeat} × {timing.number} passes)"
        )


def verdict(label: str, ratio: float, target: float, *, at_most: bool) -> None:
    met = ratio <= target if at_most else ratio >= target
    sign = "≤" if at_most else "≥"
    print(f"  {label:<40} {ratio:6.1f}  target {sign} {target:g}: {'PASS' if met else 'MISS'}")


def time_mix(
    name: str, reports: Sequence[SymptomReport], engine_rules: dict[str, Any], repeat: int
) -> None:
    dicts = [as_data(report) for report in reports]
    counts = [len(fired_by_assess(report)) for report in reports]
    quiet = sum(count == 0 for count in counts)
    busy = sum(count >= 3 for count in counts)
    print(
        f'mix "{name}": {len(reports)} reports, {quiet} fire no rule, {busy} fire three or '
        f"more (mean {statistics.mean(counts):.1f}); assess, if-chain and rule-engine agree "
        "on every one"
    )
    assess = postloss.assess
    rules = list(engine_rules.items())

    def run_chain() -> None:
        for report in reports:
            if_chain(report)

    def run_assess() -> None:
        for report in reports:
            assess(report)

    def run_engine() -> None:
        for data in dicts:
            {rule_id for rule_id, rule in rules if rule.matches(data)}

    timings = time_alternating(
        {"if-chain": run_chain, "assess": run_assess, "rule-engine": run_engine},
        len(reports),
        repeat,
    )
    show(timings, repeat)
    chain = timings["assess"].best / timings["if-chain"].best
    engine = timings["rule-engine"].best / timings["assess"].best
    verdict("assess / if-chain", chain, CHAIN_TARGET, at_most=True)
    verdict("rule-engine / assess", engine, ENGINE_TARGET, at_most=False)


def time_building(reports: Sequence[SymptomReport], pydantic: Any, repeat: int) -> None:
    plain = plain_attrs_class()
    model = pydantic_model(pydantic)
    check_builders(reports, plain, model)
    kwargs = [given_fields(report) for report in reports]
    dicts = [
        {k: v.value if isinstance(v, enum.Enum) else v for k, v in kw.items()} for kw in kwargs
    ]
    validate = model.model_validate
    print(
        f"building: {len(reports)} reports of both mixes, the fields each was given "
        f"(mean {statistics.mean(len(kw) for kw in kwargs):.1f}); all four build the same values"
    )

    def run_init() -> None:
        for each in kwargs:
            SymptomReport(**each)

    def run_plain() -> None:
        for each in kwargs:
            plain(**each)

    def run_parse() -> None:
        for data in dicts:
            parse_report(data)

    def run_pydantic() -> None:
        for data in dicts:
            validate(data)

    timings = time_alternating(
        {
            "plain attrs(**fields)": run_plain,
            "SymptomReport(**fields)": run_init,
            "pydantic model_validate": run_pydantic,
            "parse_report(data)": run_parse,
        },
        len(reports),
        repeat,
    )
    show(timings, repeat)
    init = timings["SymptomReport(**fields)"].best / timings["plain attrs(**fields)"].best
    parse = timings["parse_report(data)"].best / timings["pydantic model_validate"].best
    verdict("SymptomReport(**fields) / plain attrs", init, INIT_TARGET, at_most=True)
    verdict("parse_report(data) / pydantic", parse, PARSE_TARGET, at_most=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200, help="reports in each mix")
    parser.add_argument("--seed", type=int, default=0, help="seed of the mixes")
    parser.add_argument("--repeat", type=int, default=7, help="timed passes of each approach")
    args = parser.parse_args()

    rule_engine = load_module("rule_engine", "rule-engine==5.1.0")
    pydantic = load_module("pydantic", "pydantic")
    rule_ids = [row.id for row in postloss.default_rules().rules]
    if sorted(rule_ids) != sorted(ENGINE_RULES):
        sys.exit(f"the built-in rules changed; update this script: {rule_ids}")
    engine_rules = {rule_id: rule_engine.Rule(ENGINE_RULES[rule_id]) for rule_id in rule_ids}

    mixes = {name: mix(name, args.reports, args.seed) for name in MIXES}
    fired = set().union(*(check_agreement(*each, engine_rules) for each in mixes.items()))
    if never := sorted(set(rule_ids) - fired):
        sys.exit(f"these rules fire on no report of either mix, so are not compared: {never}")
    print(
        f"Python {sys.version.split()[0]}, postloss {postloss.__version__}, "
        f"rule-engine {rule_engine.__version__}, pydantic {pydantic.VERSION}, seed {args.seed}"
    )
    for name, reports in mixes.items():
        time_mix(name, reports, engine_rules, args.repeat)
    time_building(
        [report for reports in mixes.values() for report in reports], pydantic, args.repeat
    )


if __name__ == "__main__":
    main()
