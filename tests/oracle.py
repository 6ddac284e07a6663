"""CLINICAL.md's red-flag table (round 2), restated independently of the rules under test.

Every condition here is written from the "Operational definition" column of CLINICAL.md's
table "Red flags and their floors" and from its section "Reassuring inputs", not from
``postloss.triage``; only the rule ids and the threshold names come from the round-2
contract. The property tests check that the implementation never falls below these
conditions, and the boundary tests check the conditions themselves against literals.

``RED_FLAGS`` maps each built-in *rule* id to ``(urgency, condition)``. A red flag whose floor
is "URGENT (EMERGENCY as stated)" has two rules: ``<flag>`` (URGENT, the flag's own
condition) and ``<flag>-emergency`` (EMERGENCY, the flag together with a partner the table
names). ``FLAG_OF`` names the red flag of each rule and ``FLOORS`` the floor of each red flag
as the table's "Floor" column states it (the lower level for the two-level flags).

Yes/no answers are ``bool | None``; ``None`` means "not asked" and counts as absent, so each
is read with ``is True`` (or ``is False`` where "asked, and no" is what matters).
"""

from collections.abc import Callable, Mapping

from postloss import (
    Bleeding,
    Discharge,
    Management,
    PainTrend,
    SymptomReport,
    Thresholds,
    Urgency,
)

Condition = Callable[[SymptomReport, Thresholds], bool]
E, U, R = Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE

#: The suffix of the EMERGENCY rule of a two-level red flag.
EMERGENCY_SUFFIX = "-emergency"

# --- Shared definitions, each in CLINICAL.md's words -----------------------------------------


def measured_fever(r: SymptomReport, t: Thresholds) -> bool:
    """A measured temperature at or above the fever line (≥ 38.0 °C); chills do not count."""
    return r.temperature_c is not None and r.temperature_c >= t.fever_c


def fever(r: SymptomReport, t: Thresholds) -> bool:
    """A fever as the combined rows read it: "≥ 38.0 °C or chills"."""
    return measured_fever(r, t) or r.chills is True


def low_temperature(r: SymptomReport, t: Thresholds) -> bool:
    """A low temperature: "< 36.0 °C (96.8 °F)"."""
    return r.temperature_c is not None and r.temperature_c < t.low_temperature_c


def heavy_bleeding(r: SymptomReport, t: Thresholds) -> bool:
    """The one test for heavy bleeding: the label heavy, pads an hour ≥ 1, or large clots."""
    return (
        r.bleeding is Bleeding.HEAVY
        or (r.pads_soaked_per_hour is not None and r.pads_soaked_per_hour >= t.heavy_pads_per_hour)
        or r.large_clots is True
    )


def any_bleeding(r: SymptomReport, t: Thresholds) -> bool:
    """Any bleeding, "spotting or more".

    Read safely: a bleeding label from spotting up, the heavy-bleeding test, or any pad
    soaked at all (a person soaking half a pad an hour is bleeding, whatever the label says).
    """
    return (
        r.bleeding in (Bleeding.SPOTTING, Bleeding.LIGHT, Bleeding.MODERATE, Bleeding.HEAVY)
        or heavy_bleeding(r, t)
        or (r.pads_soaked_per_hour is not None and r.pads_soaked_per_hour > 0)
    )


def heart_rate_sign(r: SymptomReport, t: Thresholds) -> bool:
    """The fast-heartbeat sign: ``rapid_heartbeat``, or a measured rate ≥ 100/min (or both)."""
    return r.rapid_heartbeat is True or (
        r.heart_rate_bpm is not None and r.heart_rate_bpm >= t.fast_heart_rate_bpm
    )


def severe(r: SymptomReport, t: Thresholds) -> bool:
    """Pain ≥ 7/10 on the numeric rating scale."""
    return r.pain_score is not None and r.pain_score >= t.severe_pain


def increasing(r: SymptomReport, t: Thresholds) -> bool:
    """Pain getting worse rather than better."""
    return r.pain_trend is PainTrend.WORSENING


def unusual_discharge(r: SymptomReport, t: Thresholds) -> bool:
    """Foul-smelling, green, yellow or pus-like discharge."""
    return r.discharge is Discharge.UNUSUAL


def days_at_least(r: SymptomReport, days: int) -> bool:
    """At least *days* days after the loss (an unknown day is not)."""
    return r.days_since_loss is not None and r.days_since_loss >= days


def in_pain(r: SymptomReport) -> bool:
    """Whether pain is "still present", read safely from every pain field.

    Pain is present unless the report gives no sign of it: no score above 0, no trend
    but an improving one that came with a score (0 means it has gone), no painkillers
    tried, and activities not limited.
    """
    signs = [
        r.pain_score is not None and r.pain_score > 0,
        r.pain_trend is PainTrend.STABLE,
        r.pain_trend is PainTrend.WORSENING,
        r.pain_trend is PainTrend.IMPROVING and r.pain_score is None,
        r.pain_relieved_by_medication is not None,
        r.pain_limits_daily_activities is True,
    ]
    return any(signs)


def high_risk_observation(r: SymptomReport, t: Thresholds) -> bool:
    """Any NICE NG51 high-risk observation of the "Sepsis high-risk observation" row."""
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


def heart_rate_criterion(r: SymptomReport, t: Thresholds) -> bool:
    """Moderate-to-high-risk (a): ``rapid_heartbeat``, or 100–130/min (feeling and measure once)."""
    return r.rapid_heartbeat is True or (
        r.heart_rate_bpm is not None
        and t.fast_heart_rate_bpm <= r.heart_rate_bpm < t.high_risk_heart_rate_bpm
    )


def other_criteria(r: SymptomReport, t: Thresholds) -> int:
    """How many moderate-to-high-risk criteria (b)–(e) hold: all but the heart rate."""
    return sum(
        [
            r.respiratory_rate is not None
            and t.moderate_respiratory_rate <= r.respiratory_rate < t.high_risk_respiratory_rate,
            r.systolic_bp is not None
            and t.high_risk_systolic_bp < r.systolic_bp <= t.moderate_systolic_bp,
            r.hours_since_urine is not None
            and t.moderate_hours_since_urine <= r.hours_since_urine < t.high_risk_hours_since_urine,
            low_temperature(r, t),
        ]
    )


def moderate_criteria(r: SymptomReport, t: Thresholds) -> int:
    """How many moderate-to-high-risk criteria hold (the ranges exclude high-risk values)."""
    return int(heart_rate_criterion(r, t)) + other_criteria(r, t)


def moderate_risk_partner(r: SymptomReport, t: Thresholds) -> bool:
    """The partners that make one moderate-to-high-risk criterion an emergency.

    "One together with a fever, chills, unusual discharge, or severe (≥ 7/10) or increasing
    pain".
    """
    return fever(r, t) or unusual_discharge(r, t) or severe(r, t) or increasing(r, t)


def period_reassures(r: SymptomReport, t: Thresholds) -> bool:
    """Whether ``period_returned`` may stop the three bleeding rows, as CLINICAL.md bounds it.

    ``True``, 21 days or more after the loss (an unknown day is not), the bleeding not heavy
    by the one test, and none of: a positive pregnancy test, one-sided lower abdominal pain,
    pain when peeing or pooing, shoulder-tip pain.
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


# --- The rows of the table ------------------------------------------------------------------


def _sepsis_signs(r: SymptomReport, t: Thresholds) -> bool:
    # "confusion or slurred speech; or a fast heartbeat together with a fever (≥ 38.0 °C or
    # chills) or a low temperature (< 36.0 °C); or any high-risk observation below".
    return (
        r.confusion is True
        or (heart_rate_sign(r, t) and (fever(r, t) or low_temperature(r, t)))
        or high_risk_observation(r, t)
    )


def _infection_after_surgery(r: SymptomReport, t: Thresholds) -> bool:
    within = r.days_since_loss is None or r.days_since_loss <= t.surgery_window_days
    return (
        r.management is Management.SURGICAL
        and within
        and (measured_fever(r, t) or low_temperature(r, t) or unusual_discharge(r, t))
    )


def _severe_pain_with_complications(r: SymptomReport, t: Thresholds) -> bool:
    return (severe(r, t) or increasing(r, t)) and (
        fever(r, t) or low_temperature(r, t) or unusual_discharge(r, t) or heavy_bleeding(r, t)
    )


def _signs_of_infection(r: SymptomReport, t: Thresholds) -> bool:
    return (fever(r, t) or low_temperature(r, t)) and (unusual_discharge(r, t) or increasing(r, t))


def _sepsis_moderate_risk_emergency(r: SymptomReport, t: Thresholds) -> bool:
    count = moderate_criteria(r, t)
    return count >= 2 or (count == 1 and moderate_risk_partner(r, t))


def _fast_heartbeat_emergency(r: SymptomReport, t: Thresholds) -> bool:
    partner = (
        r.bleeding is Bleeding.MODERATE
        or heavy_bleeding(r, t)
        or r.fainting_or_dizziness is True
        or r.one_sided_lower_abdominal_pain is True
        # Every EMERGENCY partner of the moderate-to-high-risk row: another criterion, a
        # fever or chills, unusual discharge, severe or increasing pain.
        or other_criteria(r, t) >= 1
        or moderate_risk_partner(r, t)
    )
    return heart_rate_sign(r, t) and partner


def _low_temperature_emergency(r: SymptomReport, t: Thresholds) -> bool:
    others = other_criteria(r, t) - 1  # the low temperature is one of (b)–(e)
    partner = (
        heart_rate_sign(r, t)
        or others >= 1
        or high_risk_observation(r, t)  # "another moderate-to-high-risk sign", read safely
        or r.chills is True
        or unusual_discharge(r, t)
        or severe(r, t)
        or increasing(r, t)
    )
    return low_temperature(r, t) and partner


def _one_sided(r: SymptomReport, t: Thresholds) -> bool:
    return r.one_sided_lower_abdominal_pain is True or r.pain_when_peeing_or_pooing is True


def _one_sided_emergency(r: SymptomReport, t: Thresholds) -> bool:
    return _one_sided(r, t) and (
        heart_rate_sign(r, t) or severe(r, t) or r.skin_mottled_ashen_or_blue is True
    )


def _pain_and_bleeding_at_two_weeks(r: SymptomReport, t: Thresholds) -> bool:
    return (
        any_bleeding(r, t)
        and in_pain(r)
        and days_at_least(r, t.pain_and_bleeding_days)
        and not period_reassures(r, t)
    )


def _prolonged_bleeding(r: SymptomReport, t: Thresholds) -> bool:
    return (
        any_bleeding(r, t)
        and days_at_least(r, t.prolonged_bleeding_days)
        and not period_reassures(r, t)
    )


def _bleeding_increasing(r: SymptomReport, t: Thresholds) -> bool:
    # "Not when the person says their period has returned and the bleeding is no more than
    # moderate": period_reassures already requires the bleeding not to be heavy.
    return r.bleeding_increasing is True and not period_reassures(r, t)


def _positive_pregnancy_test(r: SymptomReport, t: Thresholds) -> bool:
    return r.positive_pregnancy_test is True and (
        r.days_since_loss is None or r.days_since_loss >= t.pregnancy_test_days
    )


def _pain_limits_daily_activities(r: SymptomReport, t: Thresholds) -> bool:
    return r.pain_limits_daily_activities is True and (
        r.days_since_loss is None or r.days_since_loss >= 1
    )


RED_FLAGS: dict[str, tuple[Urgency, Condition]] = {
    # --- EMERGENCY floors ---------------------------------------------------------------
    "heavy-bleeding": (E, heavy_bleeding),
    "fainting-or-dizziness": (E, lambda r, t: r.fainting_or_dizziness is True),
    "shoulder-tip-pain": (E, lambda r, t: r.shoulder_tip_pain is True),
    "sudden-severe-abdominal-pain": (E, lambda r, t: r.sudden_severe_abdominal_pain is True),
    "breathlessness-or-chest-pain": (E, lambda r, t: r.breathlessness_or_chest_pain is True),
    "sepsis-signs": (E, _sepsis_signs),
    "sepsis-high-risk": (E, high_risk_observation),
    "infection-after-surgery": (E, _infection_after_surgery),
    "vomiting-with-fever": (
        E,
        lambda r, t: r.vomiting_or_diarrhoea is True and measured_fever(r, t),
    ),
    "swelling-of-lips-tongue-or-throat": (
        E,
        lambda r, t: r.swelling_of_lips_tongue_or_throat is True,
    ),
    "feels-like-going-to-die": (E, lambda r, t: r.feels_like_going_to_die is True),
    "self-harm-thoughts": (E, lambda r, t: r.self_harm_thoughts is True),
    "severe-pain-with-complications": (E, _severe_pain_with_complications),
    "severe-pain-not-eased-by-painkillers": (
        E,
        lambda r, t: severe(r, t) and r.pain_relieved_by_medication is False,
    ),
    "signs-of-infection": (E, _signs_of_infection),
    # --- Two-level flags: URGENT, and EMERGENCY as stated -------------------------------
    "sepsis-moderate-risk": (U, lambda r, t: moderate_criteria(r, t) >= 1),
    "sepsis-moderate-risk-emergency": (E, _sepsis_moderate_risk_emergency),
    "fast-heartbeat": (U, heart_rate_sign),
    "fast-heartbeat-emergency": (E, _fast_heartbeat_emergency),
    "low-temperature": (U, low_temperature),
    "low-temperature-emergency": (E, _low_temperature_emergency),
    "one-sided-lower-abdominal-pain": (U, _one_sided),
    "one-sided-lower-abdominal-pain-emergency": (E, _one_sided_emergency),
    # --- URGENT floors ------------------------------------------------------------------
    "fever-or-chills": (U, fever),
    "unusual-discharge": (U, unusual_discharge),
    "severe-pain": (U, severe),
    "increasing-pain": (U, increasing),
    "pain-not-eased-by-painkillers": (U, lambda r, t: r.pain_relieved_by_medication is False),
    "bleeding-increasing": (U, _bleeding_increasing),
    "vomiting-or-diarrhoea": (U, lambda r, t: r.vomiting_or_diarrhoea is True),
    "calf-pain-or-swelling": (U, lambda r, t: r.calf_pain_or_swelling is True),
    # --- ROUTINE floors -----------------------------------------------------------------
    "pain-and-bleeding-at-two-weeks": (R, _pain_and_bleeding_at_two_weeks),
    "persistent-pain": (
        R,
        lambda r, t: in_pain(r) and days_at_least(r, t.persistent_pain_days),
    ),
    "pain-limits-daily-activities": (R, _pain_limits_daily_activities),
    "prolonged-bleeding": (R, _prolonged_bleeding),
    "no-period-by-eight-weeks": (
        R,
        lambda r, t: r.period_returned is False and days_at_least(r, t.no_period_days),
    ),
    "positive-pregnancy-test": (R, _positive_pregnancy_test),
    "persistent-low-mood": (R, lambda r, t: r.low_mood is True),
}

#: The red flag of each rule: a ``-emergency`` rule belongs to the flag it extends.
FLAG_OF: dict[str, str] = {rule_id: rule_id.removesuffix(EMERGENCY_SUFFIX) for rule_id in RED_FLAGS}

#: Each red flag's floor as CLINICAL.md's "Floor" column states it (two-level: the lower).
FLOORS: dict[str, Urgency] = {
    flag_id: RED_FLAGS[flag_id][0] for flag_id in dict.fromkeys(FLAG_OF.values())
}

#: The rules ``period_returned=True`` may stop from firing, and nothing else.
PERIOD_MAY_STOP: frozenset[str] = frozenset(
    {"bleeding-increasing", "prolonged-bleeding", "pain-and-bleeding-at-two-weeks"}
)

#: What each red flag's person-facing text must state, written from CLINICAL.md's
#: "Operational definition" column: its numbers with their units (a °F beside a °C is
#: checked by conversion) and the signs that make it. A number in the text that no term
#: here holds is a number the table does not draw.
STATED: dict[str, tuple[str, ...]] = {
    "heavy-bleeding": ("a pad in an hour", "large clots"),
    "fainting-or-dizziness": ("faint", "dizzy"),
    "shoulder-tip-pain": ("shoulder ends", "arm begins"),
    "sudden-severe-abdominal-pain": ("sharp, sudden and intense",),
    "breathlessness-or-chest-pain": ("breathlessness", "chest pain", "breathe in"),
    "sepsis-signs": (
        "confusion",
        "slurred speech",
        "100 beats a minute",
        "38.0 °C",
        "chills",
        "below 36.0 °C",
    ),
    "sepsis-high-risk": (
        "above 130 beats a minute",
        "25 times a minute or more",
        "90 or lower",
        "no urine for 18 hours or more",
        "mottled, ashen or blue",
        "does not fade",
    ),
    "infection-after-surgery": (
        "surgery",
        "last 6 weeks",
        "not sure when",
        "measured temperature of 38.0 °C",
        "below 36.0 °C",
        "unusual discharge",
        "shivering on its own",
    ),
    "vomiting-with-fever": ("sick", "diarrhoea", "38.0 °C"),
    "swelling-of-lips-tongue-or-throat": (
        "lips, tongue or throat",
        "swallowing or breathing",
        "medicine",
    ),
    "feels-like-going-to-die": ("going to die",),
    "self-harm-thoughts": ("ending your life", "harming yourself"),
    "severe-pain-with-complications": (
        "7 or more out of 10",
        "getting worse",
        "38.0 °C",
        "chills",
        "below 36.0 °C",
        "unusual discharge",
        "heavy bleeding",
    ),
    "severe-pain-not-eased-by-painkillers": (
        "7 or more out of 10",
        "painkillers do not help",
        "the day of the miscarriage",
    ),
    "signs-of-infection": (
        "38.0 °C",
        "chills",
        "below 36.0 °C",
        "unusual discharge",
        "getting worse",
    ),
    "sepsis-moderate-risk": (
        "100 to 130 beats a minute",
        "racing",
        "21 to 24 times a minute",
        "91 to 100",
        "12 to 17 hours",
        "below 36.0 °C",
        "two or more",
        "fever or chills",
        "unusual discharge",
        "7 or more out of 10",
        "getting worse",
    ),
    "fast-heartbeat": (
        "100 beats a minute or more",
        "racing",
        "moderate or heavy bleeding",
        "dizzy or faint",
        "one side",
        "fever or chills",
        "unusual discharge",
        "7 or more out of 10",
        "getting worse",
        "sepsis",
    ),
    "low-temperature": (
        "below 36.0 °C",
        "chills",
        "unusual discharge",
        "7 or more out of 10",
        "getting worse",
        "fast heartbeat",
        "sepsis",
    ),
    "one-sided-lower-abdominal-pain": (
        "low down on one side",
        "when you pee or poo",
        "fast heartbeat",
        "7 or more out of 10",
        "very pale, mottled, ashen or blue",
    ),
    "fever-or-chills": ("38.0 °C", "chills", "shivering", "below 38 °C"),
    "unusual-discharge": ("smells bad", "green, yellow or like pus", "brown or pink"),
    "severe-pain": ("7 or more out of 10",),
    "increasing-pain": ("getting worse",),
    "pain-not-eased-by-painkillers": ("pain relief does not help",),
    "bleeding-increasing": (
        "heavier again",
        "three weeks",
        "pregnancy test is still positive",
        "one side",
        "pee or poo",
        "shoulder-tip",
    ),
    "vomiting-or-diarrhoea": ("sick", "diarrhoea"),
    "calf-pain-or-swelling": ("one calf",),
    "pain-and-bleeding-at-two-weeks": ("14 days", "spotting"),
    "persistent-pain": ("21 days",),
    "pain-limits-daily-activities": ("daily activities", "next day", "not sure of the day"),
    "prolonged-bleeding": ("not stopped since the loss", "21 days", "period"),
    "no-period-by-eight-weeks": ("56 days", "4 to 6 weeks"),
    "positive-pregnancy-test": ("three weeks", "do not know the date"),
    "persistent-low-mood": (
        "low mood, anxiety or flashbacks",
        "29 in 100",
        "one month",
        "18 in 100",
        "nine months",
        "24 to 17 in 100",
        "11 to 6 in 100",
    ),
}


def fired(report: SymptomReport, thresholds: Thresholds) -> frozenset[str]:
    """The rule ids whose conditions hold on *report* under *thresholds*."""
    return frozenset(
        rule_id for rule_id, (_, holds) in RED_FLAGS.items() if holds(report, thresholds)
    )


def expected_floor(report: SymptomReport, thresholds: Thresholds) -> Urgency:
    """The highest urgency among the rules whose condition holds; SELF_CARE if none."""
    return max(
        (urgency for urgency, holds in RED_FLAGS.values() if holds(report, thresholds)),
        default=Urgency.SELF_CARE,
    )


def flags_raised(report: SymptomReport, thresholds: Thresholds) -> frozenset[str]:
    """The red flag ids of the rules that hold."""
    return frozenset(FLAG_OF[rule_id] for rule_id in fired(report, thresholds))


def _check_shape(flags: Mapping[str, tuple[Urgency, Condition]]) -> None:
    """Each ``-emergency`` rule extends an URGENT rule of the same flag."""
    for rule_id, (urgency, _) in flags.items():
        if rule_id.endswith(EMERGENCY_SUFFIX):
            base = rule_id.removesuffix(EMERGENCY_SUFFIX)
            assert urgency is E, rule_id
            assert flags[base][0] is U, rule_id


_check_shape(RED_FLAGS)
