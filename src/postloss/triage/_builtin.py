"""The built-in rules: one per red flag of the guide, written as any downstream rule is."""

from __future__ import annotations

import functools

from postloss._urgency import Urgency
from postloss.triage._report import Bleeding, Discharge, PainTrend, SymptomReport
from postloss.triage._rules import Rule, rule
from postloss.triage._thresholds import Thresholds

__all__ = ["builtin_rules"]

EMERGENCY, URGENT, ROUTINE = Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE
_BLEEDING = frozenset(Bleeding) - {Bleeding.NONE}
_PAIN_GOING_ON = frozenset({PainTrend.STABLE, PainTrend.WORSENING})


def in_pain(r: SymptomReport) -> bool:
    """Whether the report says there is still pain; when in doubt, it says yes.

    Improving pain with a score of 0 has gone; painkillers tried (whether or not
    they helped) mean there was pain to treat.
    """
    return (
        (r.pain_score is not None and r.pain_score >= 1)
        or r.pain_trend in _PAIN_GOING_ON
        or (r.pain_trend is PainTrend.IMPROVING and r.pain_score is None)
        or r.pain_relieved_by_medication is not None
        or r.pain_limits_daily_activities
    )


@functools.lru_cache(maxsize=64)
def builtin_rules(t: Thresholds) -> tuple[Rule, ...]:
    """The built-in rules for thresholds *t*, most urgent first (cached per *t*)."""

    def hot(r: SymptomReport) -> bool:
        return r.temperature_c is not None and r.temperature_c >= t.fever_c

    def fever(r: SymptomReport) -> bool:
        return r.chills or hot(r)

    def fever_reason(r: SymptomReport) -> str:
        if hot(r):
            return f"temperature {r.temperature_c} °C is at or above {t.fever_c} °C"
        return "chills or shivering reported"

    def severe(r: SymptomReport) -> bool:
        return r.pain_score is not None and r.pain_score >= t.severe_pain

    def severe_reason(r: SymptomReport) -> str:
        return f"pain {r.pain_score}/10 is at or above {t.severe_pain}/10"

    def days_reason(r: SymptomReport, what: str, limit: int) -> str:
        return f"{what} {r.days_since_loss} days after the loss, at or beyond {limit} days"

    def at_least(r: SymptomReport, days: int) -> bool:
        return r.days_since_loss is not None and r.days_since_loss >= days

    @rule(
        "heavy-bleeding",
        urgency=EMERGENCY,
        red_flag="heavy-bleeding",
        reason="bleeding reported as heavy (soaking a pad an hour or faster, or large clots)",
        inputs=["bleeding"],
    )
    def heavy_bleeding(r: SymptomReport) -> bool:
        """Bleeding is heavy: soaking a pad an hour or faster, or large clots."""
        return r.bleeding is Bleeding.HEAVY

    @rule(
        "fainting-or-dizziness",
        urgency=EMERGENCY,
        red_flag="fainting-or-dizziness",
        reason="fainting or dizziness reported",
        inputs=["fainting_or_dizziness"],
    )
    def fainting(r: SymptomReport) -> bool:
        """Fainted, or feels faint or dizzy."""
        return r.fainting_or_dizziness

    @rule(
        "shoulder-tip-pain",
        urgency=EMERGENCY,
        red_flag="shoulder-tip-pain",
        reason="shoulder-tip pain reported",
        inputs=["shoulder_tip_pain"],
    )
    def shoulder_tip(r: SymptomReport) -> bool:
        """Pain where the shoulder ends and the arm begins."""
        return r.shoulder_tip_pain

    @rule(
        "breathlessness-or-chest-pain",
        urgency=EMERGENCY,
        red_flag="breathlessness-or-chest-pain",
        reason="breathlessness or chest pain reported",
        inputs=["breathlessness_or_chest_pain"],
    )
    def breathless(r: SymptomReport) -> bool:
        """New breathlessness, or chest pain worse on breathing in."""
        return r.breathlessness_or_chest_pain

    @rule(
        "sepsis-signs",
        urgency=EMERGENCY,
        red_flag="sepsis-signs",
        reason=lambda r: (
            "confusion or slurred speech reported"
            if r.confusion
            else f"fast heartbeat together with fever: {fever_reason(r)}"
        ),
        condition=f"Confusion; or a fast heartbeat with a fever (≥ {t.fever_c} °C or chills).",
        inputs=["confusion", "rapid_heartbeat", "temperature_c", "chills"],
    )
    def sepsis(r: SymptomReport) -> bool:
        return r.confusion or (r.rapid_heartbeat and fever(r))

    @rule(
        "self-harm-thoughts",
        urgency=EMERGENCY,
        red_flag="self-harm-thoughts",
        reason="thoughts of self-harm reported",
        inputs=["self_harm_thoughts"],
    )
    def self_harm(r: SymptomReport) -> bool:
        """Thoughts of ending one's life or of self-harm."""
        return r.self_harm_thoughts

    @rule(
        "severe-pain-with-complications",
        urgency=EMERGENCY,
        red_flag="severe-pain-with-complications",
        reason=lambda r: (
            f"{severe_reason(r)}, with "
            + ", ".join(
                what
                for what, present in (
                    (f"fever ({fever_reason(r)})", fever(r)),
                    ("unusual discharge", r.discharge is Discharge.UNUSUAL),
                    ("heavy bleeding", r.bleeding is Bleeding.HEAVY),
                )
                if present
            )
        ),
        condition=f"Pain ≥ {t.severe_pain}/10 with a fever (≥ {t.fever_c} °C or chills), "
        "unusual discharge or heavy bleeding.",
        inputs=["pain_score", "temperature_c", "chills", "discharge", "bleeding"],
    )
    def severe_with_complications(r: SymptomReport) -> bool:
        return severe(r) and (
            fever(r) or r.discharge is Discharge.UNUSUAL or r.bleeding is Bleeding.HEAVY
        )

    @rule(
        "fever-or-chills",
        urgency=URGENT,
        red_flag="fever-or-chills",
        reason=fever_reason,
        condition=f"Temperature ≥ {t.fever_c} °C, or chills or shivering.",
        inputs=["temperature_c", "chills"],
    )
    def fever_or_chills(r: SymptomReport) -> bool:
        return fever(r)

    @rule(
        "unusual-discharge",
        urgency=URGENT,
        red_flag="unusual-discharge",
        reason="unusual (foul-smelling or changed-colour) discharge reported",
        inputs=["discharge"],
    )
    def unusual_discharge(r: SymptomReport) -> bool:
        """Discharge is foul-smelling or has changed colour."""
        return r.discharge is Discharge.UNUSUAL

    @rule(
        "severe-pain",
        urgency=URGENT,
        red_flag="severe-pain",
        reason=severe_reason,
        condition=f"Pain ≥ {t.severe_pain}/10.",
        inputs=["pain_score"],
    )
    def severe_pain(r: SymptomReport) -> bool:
        return severe(r)

    @rule(
        "increasing-pain",
        urgency=URGENT,
        red_flag="increasing-pain",
        reason="pain is getting worse",
        inputs=["pain_trend"],
    )
    def increasing_pain(r: SymptomReport) -> bool:
        """Pain is getting worse rather than better."""
        return r.pain_trend is PainTrend.WORSENING

    @rule(
        "pain-not-eased-by-painkillers",
        urgency=URGENT,
        red_flag="pain-not-eased-by-painkillers",
        reason="usual pain relief does not ease the pain",
        inputs=["pain_relieved_by_medication"],
    )
    def not_eased(r: SymptomReport) -> bool:
        """Painkillers were tried and did not ease the pain."""
        return r.pain_relieved_by_medication is False

    @rule(
        "bleeding-increasing",
        urgency=URGENT,
        red_flag="bleeding-increasing",
        reason="bleeding is getting heavier",
        inputs=["bleeding_increasing"],
    )
    def bleeding_increasing(r: SymptomReport) -> bool:
        """Bleeding that had been settling is increasing."""
        return r.bleeding_increasing

    @rule(
        "calf-pain-or-swelling",
        urgency=URGENT,
        red_flag="calf-pain-or-swelling",
        reason="calf pain or swelling reported",
        inputs=["calf_pain_or_swelling"],
    )
    def calf(r: SymptomReport) -> bool:
        """Pain or swelling in a calf."""
        return r.calf_pain_or_swelling

    @rule(
        "signs-of-infection",
        urgency=URGENT,
        red_flag="signs-of-infection",
        reason=lambda r: (
            f"fever ({fever_reason(r)}) with "
            + ("unusual discharge" if r.discharge is Discharge.UNUSUAL else "increasing pain")
        ),
        condition=f"A fever (≥ {t.fever_c} °C or chills) with unusual discharge or "
        "increasing pain.",
        inputs=["temperature_c", "chills", "discharge", "pain_trend"],
    )
    def infection(r: SymptomReport) -> bool:
        return fever(r) and (
            r.discharge is Discharge.UNUSUAL or r.pain_trend is PainTrend.WORSENING
        )

    @rule(
        "persistent-pain",
        urgency=ROUTINE,
        red_flag="persistent-pain",
        reason=lambda r: days_reason(r, "pain still present", t.persistent_pain_days),
        condition=f"Pain still present ≥ {t.persistent_pain_days} days after the loss: a score "
        "of 1 or more, stable or worsening pain, improving pain with no score, painkillers "
        "tried, or pain limiting activities.",
        inputs=[
            "days_since_loss",
            "pain_score",
            "pain_trend",
            "pain_relieved_by_medication",
            "pain_limits_daily_activities",
        ],
    )
    def persistent_pain(r: SymptomReport) -> bool:
        return in_pain(r) and at_least(r, t.persistent_pain_days)

    @rule(
        "pain-limits-daily-activities",
        urgency=ROUTINE,
        red_flag="pain-limits-daily-activities",
        reason="pain stops usual daily activities",
        inputs=["pain_limits_daily_activities"],
    )
    def limits_activities(r: SymptomReport) -> bool:
        """Pain interferes with daily activities."""
        return r.pain_limits_daily_activities

    @rule(
        "prolonged-bleeding",
        urgency=ROUTINE,
        red_flag="prolonged-bleeding",
        reason=lambda r: days_reason(r, "still bleeding", t.prolonged_bleeding_days),
        condition=f"Any bleeding, spotting included, ≥ {t.prolonged_bleeding_days} days "
        "after the loss.",
        inputs=["days_since_loss", "bleeding"],
    )
    def prolonged_bleeding(r: SymptomReport) -> bool:
        return r.bleeding in _BLEEDING and at_least(r, t.prolonged_bleeding_days)

    @rule(
        "positive-pregnancy-test",
        urgency=ROUTINE,
        red_flag="positive-pregnancy-test",
        reason=lambda r: days_reason(r, "pregnancy test still positive", t.pregnancy_test_days),
        condition=f"A home pregnancy test still positive ≥ {t.pregnancy_test_days} days "
        "after the loss.",
        inputs=["days_since_loss", "positive_pregnancy_test"],
    )
    def positive_test(r: SymptomReport) -> bool:
        return r.positive_pregnancy_test and at_least(r, t.pregnancy_test_days)

    @rule(
        "persistent-low-mood",
        urgency=ROUTINE,
        red_flag="persistent-low-mood",
        reason="persistent low mood, anxiety or flashbacks reported",
        inputs=["low_mood"],
    )
    def low_mood(r: SymptomReport) -> bool:
        """Low mood, anxiety or flashbacks that persist."""
        return r.low_mood

    return (
        heavy_bleeding,
        fainting,
        shoulder_tip,
        breathless,
        sepsis,
        self_harm,
        severe_with_complications,
        fever_or_chills,
        unusual_discharge,
        severe_pain,
        increasing_pain,
        not_eased,
        bleeding_increasing,
        calf,
        infection,
        persistent_pain,
        limits_activities,
        prolonged_bleeding,
        positive_test,
        low_mood,
    )
