"""Every built-in rule just below and exactly at its threshold, and the thresholds' own bounds.

The expected urgencies are literals copied from the red-flag table of CLINICAL.md ("Red flags
and their floors"), never read from the rule objects, so a rule whose urgency drifts from the
table fails here. Each case names the exact set of rules that must fire, the urgency, and the
text the reasons must quote (the reported value and the threshold it was compared with).
"""

from __future__ import annotations

import math
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import pytest

import postloss
from postloss import Bleeding, Discharge, PainTrend, SymptomReport, Thresholds, Urgency

SELF_CARE, ROUTINE, URGENT, EMERGENCY = (
    Urgency.SELF_CARE,
    Urgency.ROUTINE,
    Urgency.URGENT,
    Urgency.EMERGENCY,
)

#: Each built-in rule's urgency, written from CLINICAL.md's red-flag table ("Floor" column).
CLINICAL_URGENCY: Mapping[str, Urgency] = {
    "heavy-bleeding": EMERGENCY,
    "fainting-or-dizziness": EMERGENCY,
    "shoulder-tip-pain": EMERGENCY,
    "breathlessness-or-chest-pain": EMERGENCY,
    "sepsis-signs": EMERGENCY,
    "self-harm-thoughts": EMERGENCY,
    "severe-pain-with-complications": EMERGENCY,
    "fever-or-chills": URGENT,
    "unusual-discharge": URGENT,
    "severe-pain": URGENT,
    "increasing-pain": URGENT,
    "pain-not-eased-by-painkillers": URGENT,
    "bleeding-increasing": URGENT,
    "calf-pain-or-swelling": URGENT,
    "signs-of-infection": URGENT,
    "persistent-pain": ROUTINE,
    "pain-limits-daily-activities": ROUTINE,
    "prolonged-bleeding": ROUTINE,
    "positive-pregnancy-test": ROUTINE,
    "persistent-low-mood": ROUTINE,
}

#: The defaults CLINICAL.md sets: 38.0 °C, 7/10, and three weeks for the day counts.
DEFAULTS: Mapping[str, float] = {
    "fever_c": 38.0,
    "severe_pain": 7,
    "persistent_pain_days": 21,
    "prolonged_bleeding_days": 21,
    "pregnancy_test_days": 21,
}

#: The documented clinical bounds (inclusive) an app may move each threshold within.
BOUNDS: Mapping[str, tuple[float, float]] = {
    "fever_c": (37.5, 38.0),
    "severe_pain": (6, 7),
    "persistent_pain_days": (14, 28),
    "prolonged_bleeding_days": (14, 21),
    "pregnancy_test_days": (14, 21),
}

#: Just outside each bound: a tenth of a degree for the temperature, one for the integers.
STEP: Mapping[str, float] = {name: 0.1 if name == "fever_c" else 1 for name in BOUNDS}

FEVER_37_5 = Thresholds(fever_c=37.5)
FEVER_37_8 = Thresholds(fever_c=37.8)
SEVERE_6 = Thresholds(severe_pain=6)
DAYS_LOW = Thresholds(persistent_pain_days=14, prolonged_bleeding_days=14, pregnancy_test_days=14)
PAIN_DAYS_28 = Thresholds(persistent_pain_days=28)

NO_FINDINGS: frozenset[str] = frozenset()


class Case(NamedTuple):
    """One boundary case: a report, the rules that fire, the urgency and the reasons' quotes.

    ``reasons`` maps a fired rule id to the strings its reason must contain; a string listed
    twice must appear twice (the value and the threshold, when they are equal).
    """

    name: str
    report: SymptomReport
    fired: frozenset[str]
    urgency: Urgency
    thresholds: Thresholds | None
    reasons: Mapping[str, Sequence[str]]


def case(
    name: str,
    fired: Sequence[str],
    urgency: Urgency,
    *,
    thresholds: Thresholds | None = None,
    reasons: Mapping[str, Sequence[str]] | None = None,
    **report: Any,
) -> Case:
    """A :class:`Case` whose report has the fields *report*."""
    return Case(name, SymptomReport(**report), frozenset(fired), urgency, thresholds, reasons or {})


CASES = [
    # --- fever-or-chills: temperature ≥ 38.0 °C, or chills -----------------------------
    case("temp-37.9", [], SELF_CARE, temperature_c=37.9),
    case(
        "temp-38.0",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.0,
        reasons={"fever-or-chills": ["temperature 38.0 °C", "38.0 °C", "38.0 °C"]},
    ),
    case(
        "temp-38-as-int",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38,
        reasons={"fever-or-chills": ["38.0 °C", "38.0 °C"]},
    ),
    case(
        "temp-38.4",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.4,
        reasons={"fever-or-chills": ["38.4 °C", "38.0 °C"]},
    ),
    case("temp-minimum", [], SELF_CARE, temperature_c=30.0),
    case(
        "temp-maximum",
        ["fever-or-chills"],
        URGENT,
        temperature_c=45.0,
        reasons={"fever-or-chills": ["45.0 °C", "38.0 °C"]},
    ),
    case("temp-37.4-fever-37.5", [], SELF_CARE, thresholds=FEVER_37_5, temperature_c=37.4),
    case(
        "temp-37.5-fever-37.5",
        ["fever-or-chills"],
        URGENT,
        thresholds=FEVER_37_5,
        temperature_c=37.5,
        reasons={"fever-or-chills": ["37.5 °C", "37.5 °C"]},
    ),
    case(
        "temp-37.9-fever-37.5",
        ["fever-or-chills"],
        URGENT,
        thresholds=FEVER_37_5,
        temperature_c=37.9,
        reasons={"fever-or-chills": ["37.9 °C", "37.5 °C"]},
    ),
    # An app that lowers the line to 37.8 °C escalates from 37.8 °C, not below it.
    case("temp-37.7-fever-37.8", [], SELF_CARE, thresholds=FEVER_37_8, temperature_c=37.7),
    case(
        "temp-37.8-fever-37.8",
        ["fever-or-chills"],
        URGENT,
        thresholds=FEVER_37_8,
        temperature_c=37.8,
        reasons={"fever-or-chills": ["37.8 °C", "37.8 °C"]},
    ),
    case(
        "chills-normal-temp",
        ["fever-or-chills"],
        URGENT,
        chills=True,
        temperature_c=37.0,
        reasons={"fever-or-chills": ["chills"]},
    ),
    case(
        "chills-fever-37.8",
        ["fever-or-chills"],
        URGENT,
        thresholds=FEVER_37_8,
        chills=True,
        reasons={"fever-or-chills": ["chills"]},
    ),
    # --- severe-pain: pain ≥ 7/10 --------------------------------------------------------
    case("pain-0", [], SELF_CARE, pain_score=0),
    case("pain-6", [], SELF_CARE, pain_score=6),
    case(
        "pain-7",
        ["severe-pain"],
        URGENT,
        pain_score=7,
        reasons={"severe-pain": ["pain 7/10", "7/10", "7/10"]},
    ),
    case(
        "pain-10",
        ["severe-pain"],
        URGENT,
        pain_score=10,
        reasons={"severe-pain": ["pain 10/10", "7/10"]},
    ),
    case("pain-5-severe-6", [], SELF_CARE, thresholds=SEVERE_6, pain_score=5),
    case(
        "pain-6-severe-6",
        ["severe-pain"],
        URGENT,
        thresholds=SEVERE_6,
        pain_score=6,
        reasons={"severe-pain": ["6/10", "6/10"]},
    ),
    # --- severe-pain-with-complications: pain ≥ 7 with fever, unusual discharge or heavy
    # bleeding --------------------------------------------------------------------------
    case("pain-6-temp-38.0", ["fever-or-chills"], URGENT, pain_score=6, temperature_c=38.0),
    case("pain-7-temp-37.9", ["severe-pain"], URGENT, pain_score=7, temperature_c=37.9),
    case(
        "pain-7-temp-38.0",
        ["severe-pain-with-complications", "severe-pain", "fever-or-chills"],
        EMERGENCY,
        pain_score=7,
        temperature_c=38.0,
        reasons={
            "severe-pain-with-complications": ["7/10", "7/10", "38.0 °C", "38.0 °C", "fever"],
            "severe-pain": ["7/10", "7/10"],
            "fever-or-chills": ["38.0 °C", "38.0 °C"],
        },
    ),
    case(
        "pain-7-chills",
        ["severe-pain-with-complications", "severe-pain", "fever-or-chills"],
        EMERGENCY,
        pain_score=7,
        chills=True,
        reasons={"severe-pain-with-complications": ["7/10", "chills"]},
    ),
    case(
        "pain-7-discharge-normal",
        ["severe-pain"],
        URGENT,
        pain_score=7,
        discharge=Discharge.NORMAL,
    ),
    case(
        "pain-7-discharge-unusual",
        ["severe-pain-with-complications", "severe-pain", "unusual-discharge"],
        EMERGENCY,
        pain_score=7,
        discharge=Discharge.UNUSUAL,
        reasons={"severe-pain-with-complications": ["pain 7/10", "7/10", "unusual discharge"]},
    ),
    case(
        "pain-6-discharge-unusual",
        ["unusual-discharge"],
        URGENT,
        pain_score=6,
        discharge=Discharge.UNUSUAL,
    ),
    case(
        "pain-7-bleeding-moderate",
        ["severe-pain"],
        URGENT,
        pain_score=7,
        bleeding=Bleeding.MODERATE,
    ),
    case(
        "pain-7-bleeding-heavy",
        ["severe-pain-with-complications", "severe-pain", "heavy-bleeding"],
        EMERGENCY,
        pain_score=7,
        bleeding=Bleeding.HEAVY,
        reasons={"severe-pain-with-complications": ["7/10", "heavy bleeding"]},
    ),
    case(
        "pain-6-bleeding-heavy",
        ["heavy-bleeding"],
        EMERGENCY,
        pain_score=6,
        bleeding=Bleeding.HEAVY,
    ),
    case(
        "pain-6-temp-38.0-severe-6",
        ["severe-pain-with-complications", "severe-pain", "fever-or-chills"],
        EMERGENCY,
        thresholds=SEVERE_6,
        pain_score=6,
        temperature_c=38.0,
        reasons={"severe-pain-with-complications": ["6/10", "6/10", "38.0 °C"]},
    ),
    case(
        "pain-7-temp-37.5-fever-37.5",
        ["severe-pain-with-complications", "severe-pain", "fever-or-chills"],
        EMERGENCY,
        thresholds=FEVER_37_5,
        pain_score=7,
        temperature_c=37.5,
        reasons={"severe-pain-with-complications": ["7/10", "37.5 °C", "37.5 °C"]},
    ),
    case(
        "pain-6-discharge-unusual-severe-6",
        ["severe-pain-with-complications", "severe-pain", "unusual-discharge"],
        EMERGENCY,
        thresholds=SEVERE_6,
        pain_score=6,
        discharge=Discharge.UNUSUAL,
        reasons={"severe-pain-with-complications": ["6/10", "6/10"]},
    ),
    # --- sepsis-signs: confusion; or a fast heartbeat with a fever -----------------------
    case("rapid-heartbeat-alone", [], SELF_CARE, rapid_heartbeat=True),
    case("rapid-heartbeat-temp-37.9", [], SELF_CARE, rapid_heartbeat=True, temperature_c=37.9),
    case(
        "rapid-heartbeat-temp-38.0",
        ["sepsis-signs", "fever-or-chills"],
        EMERGENCY,
        rapid_heartbeat=True,
        temperature_c=38.0,
        reasons={"sepsis-signs": ["heartbeat", "38.0 °C", "38.0 °C"]},
    ),
    case(
        "rapid-heartbeat-chills",
        ["sepsis-signs", "fever-or-chills"],
        EMERGENCY,
        rapid_heartbeat=True,
        chills=True,
        reasons={"sepsis-signs": ["heartbeat", "chills"]},
    ),
    case(
        "rapid-heartbeat-temp-37.4-fever-37.5",
        [],
        SELF_CARE,
        thresholds=FEVER_37_5,
        rapid_heartbeat=True,
        temperature_c=37.4,
    ),
    case(
        "rapid-heartbeat-temp-37.5-fever-37.5",
        ["sepsis-signs", "fever-or-chills"],
        EMERGENCY,
        thresholds=FEVER_37_5,
        rapid_heartbeat=True,
        temperature_c=37.5,
        reasons={"sepsis-signs": ["37.5 °C", "37.5 °C"]},
    ),
    case(
        "rapid-heartbeat-temp-37.8-fever-37.8",
        ["sepsis-signs", "fever-or-chills"],
        EMERGENCY,
        thresholds=FEVER_37_8,
        rapid_heartbeat=True,
        temperature_c=37.8,
        reasons={"sepsis-signs": ["37.8 °C", "37.8 °C"]},
    ),
    case(
        "confusion-normal-temp",
        ["sepsis-signs"],
        EMERGENCY,
        confusion=True,
        temperature_c=36.8,
        reasons={"sepsis-signs": ["confusion"]},
    ),
    # --- signs-of-infection: a fever with unusual discharge or increasing pain ------------
    case(
        "temp-37.9-worsening",
        ["increasing-pain"],
        URGENT,
        temperature_c=37.9,
        pain_trend=PainTrend.WORSENING,
    ),
    case(
        "temp-38.0-worsening",
        ["signs-of-infection", "fever-or-chills", "increasing-pain"],
        URGENT,
        temperature_c=38.0,
        pain_trend=PainTrend.WORSENING,
        reasons={"signs-of-infection": ["38.0 °C", "38.0 °C", "increasing pain"]},
    ),
    case(
        "temp-38.0-stable",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.0,
        pain_trend=PainTrend.STABLE,
    ),
    case(
        "temp-38.0-improving",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.0,
        pain_trend=PainTrend.IMPROVING,
    ),
    case(
        "temp-37.9-discharge-unusual",
        ["unusual-discharge"],
        URGENT,
        temperature_c=37.9,
        discharge=Discharge.UNUSUAL,
    ),
    case(
        "temp-38.0-discharge-unusual",
        ["signs-of-infection", "fever-or-chills", "unusual-discharge"],
        URGENT,
        temperature_c=38.0,
        discharge=Discharge.UNUSUAL,
        reasons={"signs-of-infection": ["38.0 °C", "38.0 °C", "unusual discharge"]},
    ),
    case(
        "chills-discharge-unusual",
        ["signs-of-infection", "fever-or-chills", "unusual-discharge"],
        URGENT,
        chills=True,
        discharge=Discharge.UNUSUAL,
        reasons={"signs-of-infection": ["chills", "unusual discharge"]},
    ),
    case(
        "temp-38.0-discharge-normal",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.0,
        discharge=Discharge.NORMAL,
    ),
    case(
        "temp-37.5-worsening-fever-37.5",
        ["signs-of-infection", "fever-or-chills", "increasing-pain"],
        URGENT,
        thresholds=FEVER_37_5,
        temperature_c=37.5,
        pain_trend=PainTrend.WORSENING,
        reasons={"signs-of-infection": ["37.5 °C", "37.5 °C"]},
    ),
    case(
        "infection-with-fast-heartbeat",
        ["sepsis-signs", "signs-of-infection", "fever-or-chills", "unusual-discharge"],
        EMERGENCY,
        temperature_c=38.0,
        discharge=Discharge.UNUSUAL,
        rapid_heartbeat=True,
    ),
    # --- bleeding: every value, before and at three weeks -------------------------------
    case("bleeding-none", [], SELF_CARE, bleeding=Bleeding.NONE),
    case("bleeding-spotting", [], SELF_CARE, bleeding=Bleeding.SPOTTING),
    case("bleeding-light", [], SELF_CARE, bleeding=Bleeding.LIGHT),
    case("bleeding-moderate", [], SELF_CARE, bleeding=Bleeding.MODERATE),
    case(
        "bleeding-heavy",
        ["heavy-bleeding"],
        EMERGENCY,
        bleeding=Bleeding.HEAVY,
        reasons={"heavy-bleeding": ["heavy"]},
    ),
    case("bleeding-none-day-21", [], SELF_CARE, bleeding=Bleeding.NONE, days_since_loss=21),
    case("bleeding-light-day-20", [], SELF_CARE, bleeding=Bleeding.LIGHT, days_since_loss=20),
    case(
        "bleeding-spotting-day-21",
        ["prolonged-bleeding"],
        ROUTINE,
        bleeding=Bleeding.SPOTTING,
        days_since_loss=21,
        reasons={"prolonged-bleeding": ["21 days", "21 days"]},
    ),
    case(
        "bleeding-light-day-21",
        ["prolonged-bleeding"],
        ROUTINE,
        bleeding=Bleeding.LIGHT,
        days_since_loss=21,
        reasons={"prolonged-bleeding": ["21 days", "21 days"]},
    ),
    case(
        "bleeding-moderate-day-40",
        ["prolonged-bleeding"],
        ROUTINE,
        bleeding=Bleeding.MODERATE,
        days_since_loss=40,
        reasons={"prolonged-bleeding": ["40 days", "21 days"]},
    ),
    case(
        "bleeding-heavy-day-21",
        ["heavy-bleeding", "prolonged-bleeding"],
        EMERGENCY,
        bleeding=Bleeding.HEAVY,
        days_since_loss=21,
    ),
    case("bleeding-light-no-day", [], SELF_CARE, bleeding=Bleeding.LIGHT, days_since_loss=None),
    case(
        "bleeding-light-day-13-bound-14",
        [],
        SELF_CARE,
        thresholds=DAYS_LOW,
        bleeding=Bleeding.LIGHT,
        days_since_loss=13,
    ),
    case(
        "bleeding-light-day-14-bound-14",
        ["prolonged-bleeding"],
        ROUTINE,
        thresholds=DAYS_LOW,
        bleeding=Bleeding.LIGHT,
        days_since_loss=14,
        reasons={"prolonged-bleeding": ["14 days", "14 days"]},
    ),
    case(
        "bleeding-increasing",
        ["bleeding-increasing"],
        URGENT,
        bleeding=Bleeding.MODERATE,
        bleeding_increasing=True,
    ),
    # --- discharge: every value ---------------------------------------------------------
    case("discharge-normal", [], SELF_CARE, discharge=Discharge.NORMAL),
    case(
        "discharge-unusual",
        ["unusual-discharge"],
        URGENT,
        discharge=Discharge.UNUSUAL,
        reasons={"unusual-discharge": ["unusual"]},
    ),
    # --- pain trend: every value, before and at three weeks ------------------------------
    case("trend-improving", [], SELF_CARE, pain_trend=PainTrend.IMPROVING),
    case("trend-stable", [], SELF_CARE, pain_trend=PainTrend.STABLE),
    case(
        "trend-worsening",
        ["increasing-pain"],
        URGENT,
        pain_trend=PainTrend.WORSENING,
        reasons={"increasing-pain": ["worse"]},
    ),
    case(
        "trend-improving-day-20", [], SELF_CARE, pain_trend=PainTrend.IMPROVING, days_since_loss=20
    ),
    # Improving pain is still pain: at three weeks it is reviewed.
    case(
        "trend-improving-day-21",
        ["persistent-pain"],
        ROUTINE,
        pain_trend=PainTrend.IMPROVING,
        days_since_loss=21,
        reasons={"persistent-pain": ["21 days", "21 days"]},
    ),
    case(
        "trend-stable-day-21",
        ["persistent-pain"],
        ROUTINE,
        pain_trend=PainTrend.STABLE,
        days_since_loss=21,
        reasons={"persistent-pain": ["21 days", "21 days"]},
    ),
    case(
        "trend-worsening-day-21",
        ["increasing-pain", "persistent-pain"],
        URGENT,
        pain_trend=PainTrend.WORSENING,
        days_since_loss=21,
    ),
    # --- pain relieved by medication: not tried, yes, no ---------------------------------
    case("relief-not-tried", [], SELF_CARE, pain_score=4, pain_relieved_by_medication=None),
    case("relief-yes", [], SELF_CARE, pain_score=4, pain_relieved_by_medication=True),
    case(
        "relief-no",
        ["pain-not-eased-by-painkillers"],
        URGENT,
        pain_score=4,
        pain_relieved_by_medication=False,
        reasons={"pain-not-eased-by-painkillers": ["pain relief"]},
    ),
    # --- persistent-pain: pain still present at 21 days ---------------------------------
    case("pain-3-day-20", [], SELF_CARE, pain_score=3, days_since_loss=20),
    case(
        "pain-3-day-21",
        ["persistent-pain"],
        ROUTINE,
        pain_score=3,
        days_since_loss=21,
        reasons={"persistent-pain": ["pain still present", "21 days", "21 days"]},
    ),
    case(
        "pain-1-day-21",
        ["persistent-pain"],
        ROUTINE,
        pain_score=1,
        days_since_loss=21,
        reasons={"persistent-pain": ["21 days", "21 days"]},
    ),
    case("pain-0-day-21", [], SELF_CARE, pain_score=0, days_since_loss=21),
    case("no-pain-reported-day-21", [], SELF_CARE, days_since_loss=21),
    case("pain-3-no-day", [], SELF_CARE, pain_score=3, days_since_loss=None),
    case(
        "pain-2-day-365",
        ["persistent-pain"],
        ROUTINE,
        pain_score=2,
        days_since_loss=365,
        reasons={"persistent-pain": ["365 days", "21 days"]},
    ),
    case(
        "limits-activities-day-21",
        ["pain-limits-daily-activities", "persistent-pain"],
        ROUTINE,
        pain_limits_daily_activities=True,
        days_since_loss=21,
    ),
    case(
        "pain-3-day-13-bound-14",
        [],
        SELF_CARE,
        thresholds=DAYS_LOW,
        pain_score=3,
        days_since_loss=13,
    ),
    case(
        "pain-3-day-14-bound-14",
        ["persistent-pain"],
        ROUTINE,
        thresholds=DAYS_LOW,
        pain_score=3,
        days_since_loss=14,
        reasons={"persistent-pain": ["14 days", "14 days"]},
    ),
    case(
        "pain-3-day-27-bound-28",
        [],
        SELF_CARE,
        thresholds=PAIN_DAYS_28,
        pain_score=3,
        days_since_loss=27,
    ),
    case(
        "pain-3-day-28-bound-28",
        ["persistent-pain"],
        ROUTINE,
        thresholds=PAIN_DAYS_28,
        pain_score=3,
        days_since_loss=28,
        reasons={"persistent-pain": ["28 days", "28 days"]},
    ),
    # --- positive-pregnancy-test: still positive at 21 days ------------------------------
    case("test-positive-day-20", [], SELF_CARE, positive_pregnancy_test=True, days_since_loss=20),
    case(
        "test-positive-day-21",
        ["positive-pregnancy-test"],
        ROUTINE,
        positive_pregnancy_test=True,
        days_since_loss=21,
        reasons={"positive-pregnancy-test": ["positive", "21 days", "21 days"]},
    ),
    case("test-negative-day-21", [], SELF_CARE, positive_pregnancy_test=False, days_since_loss=21),
    case(
        "test-positive-day-60",
        ["positive-pregnancy-test"],
        ROUTINE,
        positive_pregnancy_test=True,
        days_since_loss=60,
        reasons={"positive-pregnancy-test": ["60 days", "21 days"]},
    ),
    case(
        "test-positive-day-13-bound-14",
        [],
        SELF_CARE,
        thresholds=DAYS_LOW,
        positive_pregnancy_test=True,
        days_since_loss=13,
    ),
    case(
        "test-positive-day-14-bound-14",
        ["positive-pregnancy-test"],
        ROUTINE,
        thresholds=DAYS_LOW,
        positive_pregnancy_test=True,
        days_since_loss=14,
        reasons={"positive-pregnancy-test": ["14 days", "14 days"]},
    ),
    # --- the remaining flags, with other findings alongside ------------------------------
    case(
        "limits-activities",
        ["pain-limits-daily-activities"],
        ROUTINE,
        pain_score=5,
        pain_limits_daily_activities=True,
        reasons={"pain-limits-daily-activities": ["daily activities"]},
    ),
    case(
        "low-mood-and-self-harm",
        ["persistent-low-mood", "self-harm-thoughts"],
        EMERGENCY,
        low_mood=True,
        self_harm_thoughts=True,
    ),
    case(
        "calf-and-breathless",
        ["calf-pain-or-swelling", "breathlessness-or-chest-pain"],
        EMERGENCY,
        calf_pain_or_swelling=True,
        breathlessness_or_chest_pain=True,
    ),
    case(
        "everything-at-once",
        list(CLINICAL_URGENCY),
        EMERGENCY,
        days_since_loss=21,
        pain_score=10,
        pain_trend=PainTrend.WORSENING,
        pain_relieved_by_medication=False,
        pain_limits_daily_activities=True,
        temperature_c=40.0,
        chills=True,
        discharge=Discharge.UNUSUAL,
        bleeding=Bleeding.HEAVY,
        bleeding_increasing=True,
        fainting_or_dizziness=True,
        shoulder_tip_pain=True,
        breathlessness_or_chest_pain=True,
        calf_pain_or_swelling=True,
        confusion=True,
        rapid_heartbeat=True,
        self_harm_thoughts=True,
        positive_pregnancy_test=True,
        low_mood=True,
    ),
    case("nothing-reported", [], SELF_CARE),
]


def check(
    assessment: postloss.Assessment,
    fired: frozenset[str],
    urgency: Urgency,
    reasons: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Assert the fired rules, the urgency, each finding's table urgency and the quotes."""
    assert {finding.rule_id for finding in assessment.findings} == fired
    assert assessment.urgency == urgency
    # The case's own literal agrees with the table, so the table is the one source of truth.
    assert urgency == max((CLINICAL_URGENCY[rule_id] for rule_id in fired), default=SELF_CARE)
    assert assessment.escalated is (urgency > SELF_CARE)
    for finding in assessment.findings:
        assert finding.urgency == CLINICAL_URGENCY[finding.rule_id], finding.rule_id
        assert finding.red_flag_id == finding.rule_id
        assert finding.reason
    by_id = {finding.rule_id: finding.reason for finding in assessment.findings}
    for rule_id, quotes in (reasons or {}).items():
        for quote, times in Counter(quotes).items():
            assert by_id[rule_id].count(quote) >= times, (rule_id, quote, by_id[rule_id])


@pytest.mark.parametrize("boundary", [pytest.param(c, id=c.name) for c in CASES])
def test_boundary(boundary: Case) -> None:
    thresholds = boundary.thresholds
    rules = None if thresholds is None else postloss.default_rules(thresholds=thresholds)
    assessment = postloss.assess(boundary.report, rules=rules)
    check(assessment, boundary.fired, boundary.urgency, boundary.reasons)


def test_case_names_are_unique() -> None:
    names = [boundary.name for boundary in CASES]
    assert len(names) == len(set(names))


def test_cases_cover_every_built_in_rule() -> None:
    built_in = {candidate.id for candidate in postloss.default_rules().rules}
    assert built_in == set(CLINICAL_URGENCY)
    assert len(postloss.default_rules()) == 20
    assert set().union(*(boundary.fired for boundary in CASES)) == built_in


def test_cases_cover_every_enum_value() -> None:
    reports = [boundary.report for boundary in CASES]
    assert {report.bleeding for report in reports} >= set(Bleeding)
    assert {report.discharge for report in reports} >= set(Discharge)
    assert {report.pain_trend for report in reports} >= set(PainTrend)
    assert {report.pain_relieved_by_medication for report in reports} >= {None, True, False}


def test_cases_cover_every_non_default_threshold_setting() -> None:
    used = {boundary.thresholds for boundary in CASES}
    assert used >= {None, FEVER_37_5, FEVER_37_8, SEVERE_6, DAYS_LOW, PAIN_DAYS_28}


#: Each yes/no flag on its own: the rules it fires, and the urgency from CLINICAL.md.
FLAGS = [
    ("pain_limits_daily_activities", ["pain-limits-daily-activities"], ROUTINE),
    ("chills", ["fever-or-chills"], URGENT),
    ("bleeding_increasing", ["bleeding-increasing"], URGENT),
    ("fainting_or_dizziness", ["fainting-or-dizziness"], EMERGENCY),
    ("shoulder_tip_pain", ["shoulder-tip-pain"], EMERGENCY),
    ("breathlessness_or_chest_pain", ["breathlessness-or-chest-pain"], EMERGENCY),
    ("calf_pain_or_swelling", ["calf-pain-or-swelling"], URGENT),
    ("confusion", ["sepsis-signs"], EMERGENCY),
    ("rapid_heartbeat", [], SELF_CARE),  # a sepsis sign only together with a fever
    ("self_harm_thoughts", ["self-harm-thoughts"], EMERGENCY),
    ("positive_pregnancy_test", [], SELF_CARE),  # meaningful only from three weeks
    ("low_mood", ["persistent-low-mood"], ROUTINE),
]


@pytest.mark.parametrize(("field", "fired", "urgency"), FLAGS)
def test_flag_false_then_true(field: str, fired: list[str], urgency: Urgency) -> None:
    off: dict[str, Any] = {field: False}
    check(postloss.assess(SymptomReport(**off)), NO_FINDINGS, SELF_CARE)
    on: dict[str, Any] = {field: True}
    check(postloss.assess(SymptomReport(**on)), frozenset(fired), urgency)


def test_flags_cover_every_yes_no_field() -> None:
    hints = typing.get_type_hints(SymptomReport)
    assert {name for name, hint in hints.items() if hint is bool} == {f for f, _, _ in FLAGS}


def test_red_flag_floors_match_the_clinical_table() -> None:
    floors = {flag.id: flag.floor for flag in postloss.load_guide().red_flags}
    assert floors == CLINICAL_URGENCY


# --- Thresholds: defaults, bounds and their validation -----------------------------------


def test_defaults_are_the_clinical_ones() -> None:
    thresholds = Thresholds()
    assert {name: getattr(thresholds, name) for name in DEFAULTS} == DEFAULTS
    assert postloss.default_rules().thresholds == thresholds


@pytest.mark.parametrize("edge", [0, 1], ids=["low", "high"])
def test_the_edges_of_the_bounds_are_accepted(edge: int) -> None:
    values: dict[str, Any] = {name: bounds[edge] for name, bounds in BOUNDS.items()}
    thresholds = Thresholds(**values)
    assert {name: getattr(thresholds, name) for name in BOUNDS} == values
    rules = postloss.default_rules(thresholds=thresholds)
    assert len(rules) == 20
    assert postloss.assess(SymptomReport(), rules=rules).urgency == SELF_CARE


@pytest.mark.parametrize("name", list(BOUNDS))
@pytest.mark.parametrize("side", [-1, 1], ids=["below", "above"])
def test_each_field_just_outside_its_bounds_is_refused(name: str, side: int) -> None:
    low, high = BOUNDS[name]
    value = round(low - STEP[name], 1) if side < 0 else round(high + STEP[name], 1)
    if name != "fever_c":
        value = int(value)
    values: dict[str, Any] = {name: value}
    with pytest.raises(postloss.InvalidThresholdsError) as raised:
        Thresholds(**values)
    assert len(raised.value.problems) == 1
    (problem,) = raised.value.problems
    assert problem.startswith(f"{name}:")
    assert str(value) in problem
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, postloss.PostlossError)


@pytest.mark.parametrize("side", [-1, 1], ids=["below", "above"])
def test_every_bad_field_is_listed(side: int) -> None:
    values: dict[str, Any] = {
        name: (low - STEP[name] if side < 0 else high + STEP[name])
        for name, (low, high) in BOUNDS.items()
    }
    values = {name: value if name == "fever_c" else int(value) for name, value in values.items()}
    with pytest.raises(postloss.InvalidThresholdsError) as raised:
        Thresholds(**values)
    named = [problem.split(":", 1)[0] for problem in raised.value.problems]
    assert sorted(named) == sorted(BOUNDS)
    for name in BOUNDS:
        assert name in str(raised.value)


def test_wrong_types_are_refused_with_every_field_named() -> None:
    values: dict[str, Any] = {
        "fever_c": math.nan,
        "severe_pain": True,
        "persistent_pain_days": 21.0,
        "prolonged_bleeding_days": "21",
        "pregnancy_test_days": None,
    }
    with pytest.raises(postloss.InvalidThresholdsError) as raised:
        Thresholds(**values)
    named = sorted(problem.split(":", 1)[0] for problem in raised.value.problems)
    assert named == sorted(values)
