"""The built-in rules as one table: a row per red flag and level, predicates as functions.

Each row names its red flag (its id starts with the flag's id; a flag with two levels
has a second row, ``<flag>-emergency``), its urgency, a top-level predicate of
``(report, thresholds)``, the evidence its reason quotes, the plain-language
condition and the report fields it reads. The reason's words are content: the
guide's ``[reasons]`` table has a template per row id. The decision table, the
benchmark and the tests all read :data:`TABLE`; nothing else lists the rules.

To add a red flag: write its content entry (``guide.<locale>.toml``), add any new
field to :class:`~postloss.SymptomReport`, add a row here, restate it in
``tests/oracle.py`` and add a vignette (``docs/extending.md``, "Adding a red flag").
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from postloss._urgency import Urgency
from postloss.triage import _signs as s
from postloss.triage._report import Bleeding, Discharge, SymptomReport
from postloss.triage._signs import Evidence
from postloss.triage._thresholds import Thresholds

__all__ = ["TABLE", "BuiltinRule"]

R = SymptomReport
T = Thresholds
EMERGENCY, URGENT, ROUTINE = Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE


@attrs.frozen(kw_only=True, eq=False)  # each row is one of a kind: compared by identity
class BuiltinRule:
    """One row of the built-in table; rulesets run these before any rule of your own."""

    id: str
    urgency: Urgency
    red_flag: str
    predicate: Callable[[R, T], bool] = attrs.field(repr=False)
    evidence: Evidence = attrs.field(repr=False, eq=False)
    condition: str
    inputs: tuple[str, ...]


# --- Predicates, one per row -------------------------------------------------------------


def heavy_bleeding(r: R, t: T) -> bool:
    return s.heavy_bleeding(r, t)


def fainting_or_dizziness(r: R, t: T) -> bool:
    return r.fainting_or_dizziness is True


def shoulder_tip_pain(r: R, t: T) -> bool:
    return r.shoulder_tip_pain is True


def sudden_severe_abdominal_pain(r: R, t: T) -> bool:
    return r.sudden_severe_abdominal_pain is True


def breathlessness_or_chest_pain(r: R, t: T) -> bool:
    return r.breathlessness_or_chest_pain is True


def sepsis_signs(r: R, t: T) -> bool:
    return (
        r.confusion is True
        or (s.heart_rate_sign(r, t) and (s.fever(r, t) or s.low_temperature(r, t)))
        or sepsis_high_risk(r, t)
    )


def sepsis_high_risk(r: R, t: T) -> bool:
    return (
        (r.heart_rate_bpm is not None and r.heart_rate_bpm >= t.high_risk_heart_rate_bpm)
        or (r.respiratory_rate is not None and r.respiratory_rate >= t.high_risk_respiratory_rate)
        or (r.systolic_bp is not None and r.systolic_bp <= t.high_risk_systolic_bp)
        or (
            r.hours_since_urine is not None and r.hours_since_urine >= t.high_risk_hours_since_urine
        )
        or r.skin_mottled_ashen_or_blue is True
        or r.non_blanching_rash is True
    )


def _infection_partner(r: R, t: T) -> bool:
    """What makes one moderate-to-high-risk criterion an emergency (besides another one)."""
    return (
        s.fever(r, t)
        or r.discharge is Discharge.UNUSUAL
        or s.severe_pain(r, t)
        or s.increasing_pain(r, t)
    )


def sepsis_moderate_risk(r: R, t: T) -> bool:
    return s.moderate_risk_count(r, t) >= 1


def sepsis_moderate_risk_emergency(r: R, t: T) -> bool:
    count = s.moderate_risk_count(r, t)
    return count >= 2 or (count == 1 and _infection_partner(r, t))


def fast_heartbeat(r: R, t: T) -> bool:
    return s.heart_rate_sign(r, t)


def fast_heartbeat_emergency(r: R, t: T) -> bool:
    return s.heart_rate_sign(r, t) and (
        s.heavy_bleeding(r, t)
        or r.bleeding is Bleeding.MODERATE
        or r.fainting_or_dizziness is True
        or r.one_sided_lower_abdominal_pain is True
        or s.other_moderate_risk(r, t)
        or _infection_partner(r, t)
    )


def infection_after_surgery(r: R, t: T) -> bool:
    return s.within_surgery_window(r, t) and (
        s.measured_fever(r, t) or s.low_temperature(r, t) or r.discharge is Discharge.UNUSUAL
    )


def vomiting_with_fever(r: R, t: T) -> bool:
    return r.vomiting_or_diarrhoea is True and s.measured_fever(r, t)


def swelling_of_lips_tongue_or_throat(r: R, t: T) -> bool:
    return r.swelling_of_lips_tongue_or_throat is True


def feels_like_going_to_die(r: R, t: T) -> bool:
    return r.feels_like_going_to_die is True


def self_harm_thoughts(r: R, t: T) -> bool:
    return r.self_harm_thoughts is True


def severe_pain_with_complications(r: R, t: T) -> bool:
    return (s.severe_pain(r, t) or s.increasing_pain(r, t)) and (
        s.fever(r, t)
        or s.low_temperature(r, t)
        or r.discharge is Discharge.UNUSUAL
        or s.heavy_bleeding(r, t)
    )


def severe_pain_not_eased_by_painkillers(r: R, t: T) -> bool:
    return s.severe_pain(r, t) and r.pain_relieved_by_medication is False


def signs_of_infection(r: R, t: T) -> bool:
    return (s.fever(r, t) or s.low_temperature(r, t)) and (
        r.discharge is Discharge.UNUSUAL or s.increasing_pain(r, t)
    )


def low_temperature(r: R, t: T) -> bool:
    return s.low_temperature(r, t)


def low_temperature_emergency(r: R, t: T) -> bool:
    return s.low_temperature(r, t) and (
        s.moderate_risk_count(r, t) >= 2  # the low temperature is one of them
        or s.heart_rate_sign(r, t)  # at any rate: a high-risk one is no less a partner
        or sepsis_high_risk(r, t)
        or r.chills is True
        or r.discharge is Discharge.UNUSUAL
        or s.severe_pain(r, t)
        or s.increasing_pain(r, t)
    )


def one_sided_lower_abdominal_pain(r: R, t: T) -> bool:
    return r.one_sided_lower_abdominal_pain is True or r.pain_when_peeing_or_pooing is True


def one_sided_lower_abdominal_pain_emergency(r: R, t: T) -> bool:
    return one_sided_lower_abdominal_pain(r, t) and (
        s.heart_rate_sign(r, t) or s.severe_pain(r, t) or r.skin_mottled_ashen_or_blue is True
    )


def fever_or_chills(r: R, t: T) -> bool:
    return s.fever(r, t)


def unusual_discharge(r: R, t: T) -> bool:
    return r.discharge is Discharge.UNUSUAL


def severe_pain(r: R, t: T) -> bool:
    return s.severe_pain(r, t)


def increasing_pain(r: R, t: T) -> bool:
    return s.increasing_pain(r, t)


def pain_not_eased_by_painkillers(r: R, t: T) -> bool:
    return r.pain_relieved_by_medication is False


def bleeding_increasing(r: R, t: T) -> bool:
    return r.bleeding_increasing is True and not s.period_reassures(r, t)


def vomiting_or_diarrhoea(r: R, t: T) -> bool:
    return r.vomiting_or_diarrhoea is True


def calf_pain_or_swelling(r: R, t: T) -> bool:
    return r.calf_pain_or_swelling is True


def pain_and_bleeding_at_two_weeks(r: R, t: T) -> bool:
    return (
        s.days_at_least(r, t.pain_and_bleeding_days)
        and s.in_pain(r)
        and s.any_bleeding(r, t)
        and not s.period_reassures(r, t)
    )


def persistent_pain(r: R, t: T) -> bool:
    return s.days_at_least(r, t.persistent_pain_days) and s.in_pain(r)


def pain_limits_daily_activities(r: R, t: T) -> bool:
    return r.pain_limits_daily_activities is True and (
        r.days_since_loss is None or r.days_since_loss >= 1
    )


def prolonged_bleeding(r: R, t: T) -> bool:
    return (
        s.days_at_least(r, t.prolonged_bleeding_days)
        and s.any_bleeding(r, t)
        and not s.period_reassures(r, t)
    )


def no_period_by_eight_weeks(r: R, t: T) -> bool:
    return r.period_returned is False and s.days_at_least(r, t.no_period_days)


def positive_pregnancy_test(r: R, t: T) -> bool:
    return r.positive_pregnancy_test is True and (
        r.days_since_loss is None or r.days_since_loss >= t.pregnancy_test_days
    )


def persistent_low_mood(r: R, t: T) -> bool:
    return r.low_mood is True


# --- The table ---------------------------------------------------------------------------

_PAIN = ("pain_score", "pain_trend", "pain_relieved_by_medication", "pain_limits_daily_activities")
_TEMPERATURE = ("temperature_c", "chills")
_BLEEDING = ("bleeding", "pads_soaked_per_hour", "large_clots")
_HEART = ("rapid_heartbeat", "heart_rate_bpm")
_VITALS = (*_HEART, "respiratory_rate", "systolic_bp", "hours_since_urine", "temperature_c")
_DAYS = ("days_since_loss",)


def _row(
    predicate: Callable[[R, T], bool],
    urgency: Urgency,
    evidence: Evidence,
    condition: str,
    inputs: tuple[str, ...],
    *,
    red_flag: str | None = None,
) -> BuiltinRule:
    rule_id = predicate.__name__.replace("_", "-")
    flag = red_flag or rule_id
    return BuiltinRule(
        id=rule_id,
        urgency=urgency,
        red_flag=flag,
        predicate=predicate,
        evidence=evidence,
        condition=condition,
        inputs=tuple(dict.fromkeys(inputs)),
    )


#: Every built-in rule, most urgent first. Conditions name the thresholds by field.
TABLE: tuple[BuiltinRule, ...] = (
    _row(heavy_bleeding, EMERGENCY, Evidence("heavy"),
         "Bleeding reported as heavy, or pads soaked an hour ≥ `heavy_pads_per_hour`, or "
         "large clots.", _BLEEDING),
    _row(fainting_or_dizziness, EMERGENCY, Evidence(),
         "Fainted, or feels faint or dizzy.", ("fainting_or_dizziness",)),
    _row(shoulder_tip_pain, EMERGENCY, Evidence(),
         "Pain where the shoulder ends and the arm begins.", ("shoulder_tip_pain",)),
    _row(sudden_severe_abdominal_pain, EMERGENCY, Evidence(),
         "Sharp, sudden and intense tummy pain.", ("sudden_severe_abdominal_pain",)),
    _row(breathlessness_or_chest_pain, EMERGENCY, Evidence(),
         "New breathlessness, or chest pain worse on breathing in.",
         ("breathlessness_or_chest_pain",)),
    _row(sepsis_signs, EMERGENCY,
         Evidence("confusion", "heart", "fever", "temperature-low", "high-risk"),
         "Confusion or slurred speech; or the heart-rate sign (racing, or ≥ "
         "`fast_heart_rate_bpm`) with a fever (≥ `fever_c` or chills) or a temperature "
         "< `low_temperature_c`; or any high-risk sign (below).",
         ("confusion", *_HEART, *_TEMPERATURE, "respiratory_rate", "systolic_bp",
          "hours_since_urine", "skin_mottled_ashen_or_blue", "non_blanching_rash")),
    _row(sepsis_high_risk, EMERGENCY, Evidence("high-risk"),
         "Any high-risk sign: heart rate ≥ `high_risk_heart_rate_bpm`; breathing ≥ "
         "`high_risk_respiratory_rate`; systolic pressure ≤ `high_risk_systolic_bp`; no urine "
         "for ≥ `high_risk_hours_since_urine` hours; mottled, ashen or blue skin, lips or "
         "tongue; a non-blanching rash.",
         ("heart_rate_bpm", "respiratory_rate", "systolic_bp", "hours_since_urine",
          "skin_mottled_ashen_or_blue", "non_blanching_rash")),
    _row(sepsis_moderate_risk_emergency, EMERGENCY,
         Evidence("moderate-risk", "fever", "discharge-unusual", "pain-severe", "pain-increasing"),
         "Two or more moderate-to-high-risk signs, or one with a fever (≥ `fever_c` or "
         "chills), unusual discharge, or severe or increasing pain.",
         (*_VITALS, "chills", "discharge", "pain_score", "pain_trend"),
         red_flag="sepsis-moderate-risk"),
    _row(fast_heartbeat_emergency, EMERGENCY,
         Evidence("heart", "bleeding-moderate", "heavy", "fainting", "one-sided-pain",
                  "breathing-moderate", "pressure-moderate", "urine-moderate",
                  "temperature-low", "fever", "discharge-unusual", "pain-severe",
                  "pain-increasing"),
         "The heart-rate sign with moderate or heavy bleeding, dizziness, one-sided lower "
         "abdominal pain, another moderate-to-high-risk sign, a fever, unusual discharge, or "
         "severe or increasing pain.",
         (*_HEART, *_BLEEDING, "fainting_or_dizziness", "one_sided_lower_abdominal_pain",
          *_VITALS, "chills", "discharge", "pain_score", "pain_trend"),
         red_flag="fast-heartbeat"),
    _row(low_temperature_emergency, EMERGENCY,
         Evidence("moderate-risk", "high-risk", "chills", "discharge-unusual",
                  "pain-severe", "pain-increasing"),
         "A temperature < `low_temperature_c` with another moderate-to-high-risk sign (a "
         "high-risk one included), chills, unusual discharge, or severe or increasing pain.",
         (*_VITALS, "skin_mottled_ashen_or_blue", "non_blanching_rash", "chills", "discharge",
          "pain_score", "pain_trend"),
         red_flag="low-temperature"),
    _row(one_sided_lower_abdominal_pain_emergency, EMERGENCY,
         Evidence("one-sided-pain", "pain-peeing-or-pooing", "heart", "pain-severe", "skin"),
         "One-sided lower abdominal pain, or pain when peeing or pooing, with the heart-rate "
         "sign, pain ≥ `severe_pain`, or very pale, mottled, ashen or blue skin.",
         ("one_sided_lower_abdominal_pain", "pain_when_peeing_or_pooing", *_HEART, "pain_score",
          "skin_mottled_ashen_or_blue"),
         red_flag="one-sided-lower-abdominal-pain"),
    _row(infection_after_surgery, EMERGENCY,
         Evidence("on-day", "date-missing", "temperature-high", "temperature-low",
                  "discharge-unusual", quote=("surgery_window_days",)),
         "Surgical management within `surgery_window_days` days (or on a day not given) with a "
         "measured temperature ≥ `fever_c` or < `low_temperature_c`, or unusual discharge.",
         ("management", *_DAYS, "temperature_c", "discharge")),
    _row(vomiting_with_fever, EMERGENCY, Evidence("temperature-high"),
         "Vomiting or diarrhoea with a temperature ≥ `fever_c`.",
         ("vomiting_or_diarrhoea", "temperature_c")),
    _row(swelling_of_lips_tongue_or_throat, EMERGENCY, Evidence(),
         "Swelling of the lips, tongue or throat, or difficulty swallowing or breathing, "
         "after a medicine.", ("swelling_of_lips_tongue_or_throat",)),
    _row(feels_like_going_to_die, EMERGENCY, Evidence(),
         "Feels as if going to die.", ("feels_like_going_to_die",)),
    _row(self_harm_thoughts, EMERGENCY, Evidence(),
         "Thoughts of ending one's life or of self-harm.", ("self_harm_thoughts",)),
    _row(severe_pain_with_complications, EMERGENCY,
         Evidence("pain-severe", "pain-increasing", "fever", "temperature-low",
                  "discharge-unusual", "heavy"),
         "Pain ≥ `severe_pain` or getting worse, with a fever (≥ `fever_c` or chills), a "
         "temperature < `low_temperature_c`, unusual discharge or heavy bleeding.",
         ("pain_score", "pain_trend", *_TEMPERATURE, "discharge", *_BLEEDING)),
    _row(severe_pain_not_eased_by_painkillers, EMERGENCY, Evidence("pain-severe"),
         "Pain ≥ `severe_pain` that usual pain relief does not ease, on any day.",
         ("pain_score", "pain_relieved_by_medication")),
    _row(signs_of_infection, EMERGENCY,
         Evidence("fever", "temperature-low", "discharge-unusual", "pain-increasing"),
         "A fever (≥ `fever_c` or chills) or a temperature < `low_temperature_c`, with unusual "
         "discharge or increasing pain.", (*_TEMPERATURE, "discharge", "pain_trend")),
    _row(sepsis_moderate_risk, URGENT, Evidence("moderate-risk"),
         "One moderate-to-high-risk sign: the heart-rate sign (racing, or ≥ "
         "`fast_heart_rate_bpm` and < `high_risk_heart_rate_bpm`); breathing ≥ "
         "`moderate_respiratory_rate`; systolic pressure ≤ `moderate_systolic_bp`; no urine for "
         "≥ `moderate_hours_since_urine` hours; a temperature < `low_temperature_c` (each "
         "short of its high-risk line).", _VITALS),
    _row(fast_heartbeat, URGENT, Evidence("heart"),
         "The heart feels as if racing, or a heart rate ≥ `fast_heart_rate_bpm`.", _HEART),
    _row(low_temperature, URGENT, Evidence("temperature-low"),
         "A temperature < `low_temperature_c`.", ("temperature_c",)),
    _row(one_sided_lower_abdominal_pain, URGENT,
         Evidence("one-sided-pain", "pain-peeing-or-pooing"),
         "Pain low down on one side of the tummy, or pain when peeing or pooing.",
         ("one_sided_lower_abdominal_pain", "pain_when_peeing_or_pooing")),
    _row(fever_or_chills, URGENT, Evidence("fever"),
         "A temperature ≥ `fever_c`, or chills or shivering.", _TEMPERATURE),
    _row(unusual_discharge, URGENT, Evidence(),
         "Foul-smelling, or green, yellow or pus-like discharge.", ("discharge",)),
    _row(severe_pain, URGENT, Evidence("pain-severe"),
         "Pain ≥ `severe_pain` on the 0–10 scale.", ("pain_score",)),
    _row(increasing_pain, URGENT, Evidence(),
         "Pain getting worse rather than better.", ("pain_trend",)),
    _row(pain_not_eased_by_painkillers, URGENT, Evidence(),
         "Usual pain relief does not ease the pain.", ("pain_relieved_by_medication",)),
    _row(bleeding_increasing, URGENT, Evidence(),
         "Bleeding getting heavier again after it had settled; not when a period has returned "
         "(from `period_reassures_from_days` days, bleeding not heavy, and no positive test, "
         "one-sided pain, pain when peeing or pooing, or shoulder-tip pain).",
         ("bleeding_increasing", "period_returned", *_DAYS, *_BLEEDING,
          "positive_pregnancy_test", "one_sided_lower_abdominal_pain",
          "pain_when_peeing_or_pooing", "shoulder_tip_pain")),
    _row(vomiting_or_diarrhoea, URGENT, Evidence(),
         "Being sick, or diarrhoea.", ("vomiting_or_diarrhoea",)),
    _row(calf_pain_or_swelling, URGENT, Evidence(),
         "Pain or swelling in one calf.", ("calf_pain_or_swelling",)),
    _row(pain_and_bleeding_at_two_weeks, ROUTINE,
         Evidence("heavy", quote=("days_since_loss", "pain_and_bleeding_days")),
         "Any bleeding and pain both still present ≥ `pain_and_bleeding_days` days after the "
         "loss; not when a period has returned (as above).",
         (*_DAYS, *_PAIN, *_BLEEDING, "period_returned")),
    _row(persistent_pain, ROUTINE,
         Evidence(quote=("days_since_loss", "persistent_pain_days")),
         "Pain still present ≥ `persistent_pain_days` days after the loss: a score of 1 or "
         "more, stable or worsening pain, improving pain with no score, painkillers tried, or "
         "pain limiting activities.", (*_DAYS, *_PAIN)),
    _row(pain_limits_daily_activities, ROUTINE, Evidence(),
         "Pain stops usual daily activities, from the day after the loss or on a day not "
         "given.", ("pain_limits_daily_activities", *_DAYS)),
    _row(prolonged_bleeding, ROUTINE,
         Evidence(quote=("days_since_loss", "prolonged_bleeding_days")),
         "Any bleeding, spotting included, ≥ `prolonged_bleeding_days` days after the loss; "
         "not when a period has returned (as above).", (*_DAYS, *_BLEEDING, "period_returned")),
    _row(no_period_by_eight_weeks, ROUTINE,
         Evidence(quote=("days_since_loss", "no_period_days")),
         "No period ≥ `no_period_days` days after the loss.", ("period_returned", *_DAYS)),
    _row(positive_pregnancy_test, ROUTINE,
         Evidence("on-day", "date-missing", quote=("pregnancy_test_days",)),
         "A home pregnancy test still positive ≥ `pregnancy_test_days` days after the loss, "
         "or on a day not given.", ("positive_pregnancy_test", *_DAYS)),
    _row(persistent_low_mood, ROUTINE, Evidence(),
         "Low mood, anxiety or flashbacks that persist.", ("low_mood",)),
)  # fmt: skip
