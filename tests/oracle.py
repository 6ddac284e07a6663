"""CLINICAL.md's red-flag table, restated independently of the rules under test.

Each entry is (floor, condition). The conditions are written from the table's
"Operational definition" column, not from ``postloss.triage``; the property tests
check that the implementation never falls below them.
"""

from collections.abc import Callable

from postloss import Bleeding, Discharge, PainTrend, SymptomReport, Thresholds, Urgency

Condition = Callable[[SymptomReport, Thresholds], bool]
E, U, R = Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE


def has_fever(r: SymptomReport, t: Thresholds) -> bool:
    """Fever as the combined rows read it: a temperature at the threshold, or chills."""
    return (r.temperature_c is not None and r.temperature_c >= t.fever_c) or r.chills


def severe(r: SymptomReport, t: Thresholds) -> bool:
    return r.pain_score is not None and r.pain_score >= t.severe_pain


def days_at_least(r: SymptomReport, days: int) -> bool:
    return r.days_since_loss is not None and r.days_since_loss >= days


def in_pain(r: SymptomReport) -> bool:
    """Whether "any back pain [is] still present", read safely from every pain field.

    Pain is present unless the report gives no sign of it: no score above 0, no trend
    but an improving one that came with a score (0 means it has gone), no painkillers
    tried, and activities not limited.
    """
    signs = [
        r.pain_score is not None and r.pain_score > 0,
        r.pain_trend is PainTrend.STABLE,
        r.pain_trend is PainTrend.WORSENING,
        r.pain_trend is PainTrend.IMPROVING and r.pain_score is None,
        r.pain_relieved_by_medication in (True, False),
        r.pain_limits_daily_activities,
    ]
    return any(signs)


RED_FLAGS: dict[str, tuple[Urgency, Condition]] = {
    "heavy-bleeding": (E, lambda r, t: r.bleeding == Bleeding.HEAVY),
    "fainting-or-dizziness": (E, lambda r, t: r.fainting_or_dizziness),
    "shoulder-tip-pain": (E, lambda r, t: r.shoulder_tip_pain),
    "breathlessness-or-chest-pain": (E, lambda r, t: r.breathlessness_or_chest_pain),
    "sepsis-signs": (E, lambda r, t: r.confusion or (r.rapid_heartbeat and has_fever(r, t))),
    "self-harm-thoughts": (E, lambda r, t: r.self_harm_thoughts),
    "severe-pain-with-complications": (
        E,
        lambda r, t: (
            severe(r, t)
            and (
                has_fever(r, t) or r.discharge == Discharge.UNUSUAL or r.bleeding == Bleeding.HEAVY
            )
        ),
    ),
    "fever-or-chills": (U, has_fever),
    "unusual-discharge": (U, lambda r, t: r.discharge == Discharge.UNUSUAL),
    "severe-pain": (U, severe),
    "increasing-pain": (U, lambda r, t: r.pain_trend == PainTrend.WORSENING),
    "pain-not-eased-by-painkillers": (U, lambda r, t: r.pain_relieved_by_medication is False),
    "bleeding-increasing": (U, lambda r, t: r.bleeding_increasing),
    "calf-pain-or-swelling": (U, lambda r, t: r.calf_pain_or_swelling),
    "signs-of-infection": (
        U,
        lambda r, t: (
            has_fever(r, t)
            and (r.discharge == Discharge.UNUSUAL or r.pain_trend == PainTrend.WORSENING)
        ),
    ),
    "persistent-pain": (R, lambda r, t: in_pain(r) and days_at_least(r, t.persistent_pain_days)),
    "pain-limits-daily-activities": (R, lambda r, t: r.pain_limits_daily_activities),
    "prolonged-bleeding": (
        R,
        lambda r, t: (
            r.bleeding not in (None, Bleeding.NONE) and days_at_least(r, t.prolonged_bleeding_days)
        ),
    ),
    "positive-pregnancy-test": (
        R,
        lambda r, t: r.positive_pregnancy_test and days_at_least(r, t.pregnancy_test_days),
    ),
    "persistent-low-mood": (R, lambda r, t: r.low_mood),
}


def expected_floor(report: SymptomReport, thresholds: Thresholds) -> Urgency:
    """The highest floor among the red flags whose condition holds; SELF_CARE if none."""
    return max(
        (floor for floor, holds in RED_FLAGS.values() if holds(report, thresholds)),
        default=Urgency.SELF_CARE,
    )
