"""The signs the built-in rules share, each read one way, and the evidence findings quote.

Every function here is a top-level function of ``(report, thresholds)`` (or of the
report alone), so the rule table that uses them pickles and mutation testing
reaches them. A yes/no answer counts only when it is ``True``: ``None`` is "not
asked" and ``False`` is "asked, and no".
"""

from __future__ import annotations

from collections.abc import Callable

from postloss.triage._report import Bleeding, Discharge, Management, PainTrend, SymptomReport
from postloss.triage._thresholds import Thresholds

__all__ = [
    "CLAUSES",
    "Evidence",
    "any_bleeding",
    "days_at_least",
    "fever",
    "heart_rate_sign",
    "heavy_bleeding",
    "in_pain",
    "increasing_pain",
    "low_temperature",
    "measured_fever",
    "moderate_risk_count",
    "other_moderate_risk",
    "period_reassures",
    "severe_pain",
    "within_surgery_window",
]

R = SymptomReport
T = Thresholds


def measured_fever(r: R, t: T) -> bool:
    """A temperature at or above the fever line (chills do not count)."""
    return r.temperature_c is not None and r.temperature_c >= t.fever_c


def fever(r: R, t: T) -> bool:
    """A fever as CLINICAL.md's combined rows read it: a measured fever, or chills."""
    return r.chills is True or measured_fever(r, t)


def low_temperature(r: R, t: T) -> bool:
    """A temperature below the low-temperature line."""
    return r.temperature_c is not None and r.temperature_c < t.low_temperature_c


def heavy_bleeding(r: R, t: T) -> bool:
    """The one test for heavy bleeding: the label, pads an hour, or large clots."""
    return (
        r.bleeding is Bleeding.HEAVY
        or r.large_clots is True
        or (r.pads_soaked_per_hour is not None and r.pads_soaked_per_hour >= t.heavy_pads_per_hour)
    )


def any_bleeding(r: R, t: T) -> bool:
    """Any bleeding, spotting included, by any of the bleeding inputs (a pad soaked at all)."""
    return (
        (r.bleeding is not None and r.bleeding is not Bleeding.NONE)
        or (r.pads_soaked_per_hour is not None and r.pads_soaked_per_hour > 0)
        or heavy_bleeding(r, t)
    )


def heart_rate_sign(r: R, t: T) -> bool:
    """The heart-rate sign: the heart feels as if racing, or a measured fast rate."""
    return r.rapid_heartbeat is True or (
        r.heart_rate_bpm is not None and r.heart_rate_bpm >= t.fast_heart_rate_bpm
    )


def severe_pain(r: R, t: T) -> bool:
    """Pain at or above the severe line."""
    return r.pain_score is not None and r.pain_score >= t.severe_pain


def increasing_pain(r: R, t: T) -> bool:
    """Pain getting worse rather than better."""
    return r.pain_trend is PainTrend.WORSENING


def in_pain(r: R) -> bool:
    """Whether the report says there is still pain; when in doubt, it says yes.

    Improving pain with a score of 0 has gone; painkillers tried (whether or not
    they helped) mean there was pain to treat.
    """
    return (
        (r.pain_score is not None and r.pain_score >= 1)
        or r.pain_trend is PainTrend.STABLE
        or r.pain_trend is PainTrend.WORSENING
        or (r.pain_trend is PainTrend.IMPROVING and r.pain_score is None)
        or r.pain_relieved_by_medication is not None
        or r.pain_limits_daily_activities is True
    )


def days_at_least(r: R, days: int) -> bool:
    """Whether the loss was at least *days* days ago (``False`` when not given)."""
    return r.days_since_loss is not None and r.days_since_loss >= days


def within_surgery_window(r: R, t: T) -> bool:
    """Surgical management within the window after it, or on a day not given."""
    return r.management is Management.SURGICAL and (
        r.days_since_loss is None or r.days_since_loss <= t.surgery_window_days
    )


def period_reassures(r: R, t: T) -> bool:
    """A returned period that may stand in for prolonged or increasing bleeding.

    Only from the line in days, only when the bleeding is not heavy, and never with
    a positive test or a sign of an ectopic pregnancy (CLINICAL.md).
    """
    return (
        r.period_returned is True
        and days_at_least(r, t.period_reassures_from_days)
        and not heavy_bleeding(r, t)
        and r.positive_pregnancy_test is not True
        and r.one_sided_lower_abdominal_pain is not True
        and r.pain_when_peeing_or_pooing is not True
        and r.shoulder_tip_pain is not True
    )


def _fast_rate(r: R, t: T) -> bool:
    rate = r.heart_rate_bpm
    return rate is not None and t.fast_heart_rate_bpm <= rate < t.high_risk_heart_rate_bpm


def _moderate_breathing(r: R, t: T) -> bool:
    rate = r.respiratory_rate
    return rate is not None and t.moderate_respiratory_rate <= rate < t.high_risk_respiratory_rate


def _moderate_pressure(r: R, t: T) -> bool:
    pressure = r.systolic_bp
    return pressure is not None and t.high_risk_systolic_bp < pressure <= t.moderate_systolic_bp


def _moderate_urine(r: R, t: T) -> bool:
    hours = r.hours_since_urine
    return (
        hours is not None and t.moderate_hours_since_urine <= hours < t.high_risk_hours_since_urine
    )


def other_moderate_risk(r: R, t: T) -> bool:
    """A moderate-to-high-risk criterion other than the heart rate holds."""
    return (
        _moderate_breathing(r, t)
        or _moderate_pressure(r, t)
        or _moderate_urine(r, t)
        or low_temperature(r, t)
    )


def moderate_risk_count(r: R, t: T) -> int:
    """How many moderate-to-high-risk criteria of sepsis hold (NICE NG51, in pregnancy).

    The heart-rate criterion counts once, felt or measured; high-risk values are the
    high-risk row's, not counted here.
    """
    return (
        (r.rapid_heartbeat is True or _fast_rate(r, t))
        + _moderate_breathing(r, t)
        + _moderate_pressure(r, t)
        + _moderate_urine(r, t)
        + low_temperature(r, t)
    )


def _unusual_discharge(r: R, t: T) -> bool:
    return r.discharge is Discharge.UNUSUAL


# --- Evidence: what a finding quotes ------------------------------------------------------

Facts = dict[str, object]
#: A clause: whether it holds, and the report fields and thresholds its words quote.
Clause = tuple[Callable[[R, T], bool], tuple[str, ...]]


def _is(name: str) -> Callable[[R, T], bool]:
    return _YES[name]


def _yes(field: str) -> Callable[[R, T], bool]:
    def holds(r: R, t: T) -> bool:
        return getattr(r, field) is True

    holds.__qualname__ = holds.__name__ = f"yes_{field}"
    return holds


_YES = {
    name: _yes(name)
    for name in (
        "chills",
        "large_clots",
        "rapid_heartbeat",
        "confusion",
        "fainting_or_dizziness",
        "one_sided_lower_abdominal_pain",
        "pain_when_peeing_or_pooing",
        "skin_mottled_ashen_or_blue",
        "non_blanching_rash",
    )
}
for _holds in _YES.values():  # top-level names, so that they pickle by reference
    globals()[_holds.__name__] = _holds


def _bleeding_label_heavy(r: R, t: T) -> bool:
    return r.bleeding is Bleeding.HEAVY


def _bleeding_moderate(r: R, t: T) -> bool:
    return r.bleeding is Bleeding.MODERATE


def _pads_heavy(r: R, t: T) -> bool:
    return r.pads_soaked_per_hour is not None and r.pads_soaked_per_hour >= t.heavy_pads_per_hour


def _high_rate_holds(r: R, t: T) -> bool:
    return r.heart_rate_bpm is not None and r.heart_rate_bpm >= t.high_risk_heart_rate_bpm


def _measured_fast_rate(r: R, t: T) -> bool:
    return r.heart_rate_bpm is not None and r.heart_rate_bpm >= t.fast_heart_rate_bpm


def _high_breathing_holds(r: R, t: T) -> bool:
    return r.respiratory_rate is not None and r.respiratory_rate >= t.high_risk_respiratory_rate


def _high_pressure_holds(r: R, t: T) -> bool:
    return r.systolic_bp is not None and r.systolic_bp <= t.high_risk_systolic_bp


def _high_urine_holds(r: R, t: T) -> bool:
    return r.hours_since_urine is not None and r.hours_since_urine >= t.high_risk_hours_since_urine


def _date_missing(r: R, t: T) -> bool:
    return r.days_since_loss is None


def _date_given(r: R, t: T) -> bool:
    return r.days_since_loss is not None


#: Every clause a reason can quote, by id: the content's ``[clauses]`` table words each.
CLAUSES: dict[str, Clause] = {
    "temperature-high": (measured_fever, ("temperature_c", "fever_c")),
    "chills": (_is("chills"), ()),
    "temperature-low": (low_temperature, ("temperature_c", "low_temperature_c")),
    "discharge-unusual": (_unusual_discharge, ()),
    "bleeding-heavy": (_bleeding_label_heavy, ()),
    "pads-heavy": (_pads_heavy, ("pads_soaked_per_hour", "heavy_pads_per_hour")),
    "large-clots": (_is("large_clots"), ()),
    "bleeding-moderate": (_bleeding_moderate, ()),
    "pain-severe": (severe_pain, ("pain_score", "severe_pain")),
    "pain-increasing": (increasing_pain, ()),
    "heart-racing": (_is("rapid_heartbeat"), ()),
    "heart-rate-fast": (_measured_fast_rate, ("heart_rate_bpm", "fast_heart_rate_bpm")),
    "heart-rate-moderate": (_fast_rate, ("heart_rate_bpm", "fast_heart_rate_bpm")),
    "heart-rate-high": (_high_rate_holds, ("heart_rate_bpm", "high_risk_heart_rate_bpm")),
    "breathing-moderate": (_moderate_breathing, ("respiratory_rate", "moderate_respiratory_rate")),
    "breathing-high": (_high_breathing_holds, ("respiratory_rate", "high_risk_respiratory_rate")),
    "pressure-moderate": (_moderate_pressure, ("systolic_bp", "moderate_systolic_bp")),
    "pressure-high": (_high_pressure_holds, ("systolic_bp", "high_risk_systolic_bp")),
    "urine-moderate": (_moderate_urine, ("hours_since_urine", "moderate_hours_since_urine")),
    "urine-high": (_high_urine_holds, ("hours_since_urine", "high_risk_hours_since_urine")),
    "skin": (_is("skin_mottled_ashen_or_blue"), ()),
    "rash": (_is("non_blanching_rash"), ()),
    "confusion": (_is("confusion"), ()),
    "fainting": (_is("fainting_or_dizziness"), ()),
    "one-sided-pain": (_is("one_sided_lower_abdominal_pain"), ()),
    "pain-peeing-or-pooing": (_is("pain_when_peeing_or_pooing"), ()),
    "on-day": (_date_given, ("days_since_loss",)),
    "date-missing": (_date_missing, ()),
}

#: Groups of clauses a rule's evidence names at once.
GROUPS: dict[str, tuple[str, ...]] = {
    "fever": ("temperature-high", "chills"),
    "heavy": ("bleeding-heavy", "pads-heavy", "large-clots"),
    "heart": ("heart-racing", "heart-rate-fast"),
    "moderate-risk": (
        "heart-racing",
        "heart-rate-moderate",
        "breathing-moderate",
        "pressure-moderate",
        "urine-moderate",
        "temperature-low",
    ),
    "high-risk": (
        "heart-rate-high",
        "breathing-high",
        "pressure-high",
        "urine-high",
        "skin",
        "rash",
    ),
}


class Evidence:
    """The facts a finding quotes: which of some clauses hold, and their numbers.

    ``Evidence("pain-severe", "fever")`` names clauses or groups of them; called
    with a report and thresholds it gives ``{"signs": (clause ids...), numbers...}``.
    An instance, not a closure, so that the rule table pickles.
    """

    __slots__ = ("clauses", "quotes")

    def __init__(self, *names: str, quote: tuple[str, ...] = ()) -> None:
        self.clauses = tuple(clause for name in names for clause in GROUPS.get(name, (name,)))
        #: Numbers quoted whatever holds: report fields and thresholds, by name.
        self.quotes = quote
        unknown = [clause for clause in self.clauses if clause not in CLAUSES]
        if unknown:
            raise ValueError(f"unknown clauses {unknown}")

    def __call__(self, r: R, t: T) -> Facts:
        signs = []
        facts: Facts = {}
        for clause in self.clauses:
            holds, quoted = CLAUSES[clause]
            if holds(r, t):
                signs.append(clause)
                _quote(facts, quoted, r, t)
        _quote(facts, self.quotes, r, t)
        facts["signs"] = tuple(signs)
        return facts

    def __reduce__(self) -> tuple[object, ...]:
        return (_evidence, (self.clauses, self.quotes))

    def __repr__(self) -> str:
        return f"Evidence{self.clauses!r}"


def _quote(facts: Facts, names: tuple[str, ...], r: R, t: T) -> None:
    """Put each named report field or threshold into *facts*."""
    for name in names:
        facts[name] = getattr(r, name) if hasattr(r, name) else getattr(t, name)


def _evidence(clauses: tuple[str, ...], quotes: tuple[str, ...]) -> Evidence:
    return Evidence(*clauses, quote=quotes)
