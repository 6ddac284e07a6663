"""Every built-in rule just below and exactly at each of its numbers, and the thresholds' bounds.

The expected rule ids and urgencies are literals written from the round-2 red-flag table of
CLINICAL.md ("Red flags and their floors"), never read from the rule objects, so a rule whose
line or urgency drifts from the table fails here. Each case names the exact set of rules that
must fire, the urgency, and the text the reasons must quote (the reported value and the line
it was compared with; temperatures as "38.4 °C / 101.1 °F"). Reports and thresholds are built
when a test runs, so the module collects even where the API is older than the table.
"""

from __future__ import annotations

import math
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import attrs
import pytest

import postloss
from postloss import Bleeding, Discharge, Management, PainTrend, SymptomReport, Thresholds, Urgency
from tests import oracle

SELF_CARE, ROUTINE, URGENT, EMERGENCY = (
    Urgency.SELF_CARE,
    Urgency.ROUTINE,
    Urgency.URGENT,
    Urgency.EMERGENCY,
)

#: Each threshold's default (the line CLINICAL.md draws) and its inclusive clinical bounds.
THRESHOLDS: Mapping[str, tuple[float, float, float]] = {
    "fever_c": (38.0, 37.5, 38.0),
    "low_temperature_c": (36.0, 36.0, 36.5),
    "severe_pain": (7, 6, 7),
    "fast_heart_rate_bpm": (100, 90, 100),
    "high_risk_heart_rate_bpm": (131, 121, 131),
    "moderate_respiratory_rate": (21, 19, 21),
    "high_risk_respiratory_rate": (25, 23, 25),
    "moderate_systolic_bp": (100, 100, 110),
    "high_risk_systolic_bp": (90, 90, 95),
    "moderate_hours_since_urine": (12, 8, 12),
    "high_risk_hours_since_urine": (18, 14, 18),
    "heavy_pads_per_hour": (1.0, 0.5, 1.0),
    "surgery_window_days": (42, 42, 56),
    "pain_and_bleeding_days": (14, 10, 14),
    "persistent_pain_days": (21, 14, 21),
    "prolonged_bleeding_days": (21, 14, 21),
    "pregnancy_test_days": (21, 14, 21),
    "period_reassures_from_days": (21, 21, 28),
    "no_period_days": (56, 42, 56),
}
#: The thresholds measured in tenths (°C, pads an hour); the others are whole numbers.
DECIMAL = frozenset({"fever_c", "low_temperature_c", "heavy_pads_per_hour"})


def step(name: str) -> float:
    """The smallest step of threshold *name*: a tenth for the decimal ones, else one."""
    return 0.1 if name in DECIMAL else 1


class Case(NamedTuple):
    """One boundary case: report fields, the rules that fire, the urgency, the reasons' quotes.

    ``reasons`` maps a fired rule id to the strings its reason must contain; a string listed
    twice must appear twice (the value and the line, when they are equal).
    """

    name: str
    fields: Mapping[str, Any]
    fired: frozenset[str]
    urgency: Urgency
    thresholds: Mapping[str, Any] | None
    reasons: Mapping[str, Sequence[str]]

    def report(self) -> SymptomReport:
        """The case's report."""
        return SymptomReport(**self.fields)

    def limits(self) -> Thresholds:
        """The case's thresholds (the defaults unless it names some)."""
        return Thresholds(**(self.thresholds or {}))


def case(
    name: str,
    fired: Sequence[str],
    urgency: Urgency,
    *,
    thresholds: Mapping[str, Any] | None = None,
    reasons: Mapping[str, Sequence[str]] | None = None,
    **fields: Any,
) -> Case:
    """A :class:`Case` whose report has the fields *fields*."""
    return Case(name, fields, frozenset(fired), urgency, thresholds, reasons or {})


def temp(celsius: str, fahrenheit: str) -> str:
    """A temperature as reasons quote it: "38.4 °C / 101.1 °F"."""
    return f"{celsius} °C / {fahrenheit} °F"


T38 = temp("38.0", "100.4")
T36 = temp("36.0", "96.8")
T359 = temp("35.9", "96.6")

# Shorthands for the rule ids of the two-level flags.
MOD, MOD_E = "sepsis-moderate-risk", "sepsis-moderate-risk-emergency"
FAST, FAST_E = "fast-heartbeat", "fast-heartbeat-emergency"
LOW, LOW_E = "low-temperature", "low-temperature-emergency"
SIDE, SIDE_E = "one-sided-lower-abdominal-pain", "one-sided-lower-abdominal-pain-emergency"
# A high-risk observation is a sepsis sign in its own row and in "Signs of sepsis" ("or any
# high-risk observation below"), so both rules fire.
HIGH_RISK = ("sepsis-high-risk", "sepsis-signs")


CASES = [
    # --- Heart rate: 99/100 (the heart-rate sign), 130/131 (NICE high-risk "> 130") ----------
    case("hr-99", [], SELF_CARE, heart_rate_bpm=99),
    case("hr-100", [FAST, MOD], URGENT, heart_rate_bpm=100, reasons={FAST: ["100"]}),
    case("hr-130", [FAST, MOD], URGENT, heart_rate_bpm=130, reasons={MOD: ["130"]}),
    case(
        "hr-131",
        [FAST, *HIGH_RISK],
        EMERGENCY,
        heart_rate_bpm=131,
        reasons={"sepsis-high-risk": ["131"]},
    ),
    case("hr-250", [FAST, *HIGH_RISK], EMERGENCY, heart_rate_bpm=250),
    case("hr-20", [], SELF_CARE, heart_rate_bpm=20),
    # The feeling counts even when a measured rate is normal, and counts once with it.
    case("rapid-heartbeat-hr-80", [FAST, MOD], URGENT, rapid_heartbeat=True, heart_rate_bpm=80),
    case("rapid-heartbeat-hr-110", [FAST, MOD], URGENT, rapid_heartbeat=True, heart_rate_bpm=110),
    case("rapid-heartbeat-false-hr-99", [], SELF_CARE, rapid_heartbeat=False, heart_rate_bpm=99),
    case("hr-99-bleeding-moderate", [], SELF_CARE, heart_rate_bpm=99, bleeding=Bleeding.MODERATE),
    case(
        "hr-100-bleeding-moderate",
        [FAST, FAST_E, MOD],
        EMERGENCY,
        heart_rate_bpm=100,
        bleeding=Bleeding.MODERATE,
    ),
    case("hr-100-bleeding-light", [FAST, MOD], URGENT, heart_rate_bpm=100, bleeding=Bleeding.LIGHT),
    case(
        "rapid-heartbeat-dizzy",
        [FAST, FAST_E, MOD, "fainting-or-dizziness"],
        EMERGENCY,
        rapid_heartbeat=True,
        fainting_or_dizziness=True,
    ),
    case(
        "hr-100-temp-38.0",
        [FAST, FAST_E, MOD, MOD_E, "sepsis-signs", "fever-or-chills"],
        EMERGENCY,
        heart_rate_bpm=100,
        temperature_c=38.0,
        reasons={"sepsis-signs": ["100", T38, T38]},
    ),
    case(
        "hr-100-temp-37.9",
        [FAST, MOD],
        URGENT,
        heart_rate_bpm=100,
        temperature_c=37.9,
    ),
    case(
        "hr-100-pain-7",
        [FAST, FAST_E, MOD, MOD_E, "severe-pain"],
        EMERGENCY,
        heart_rate_bpm=100,
        pain_score=7,
    ),
    case("hr-100-pain-6", [FAST, MOD], URGENT, heart_rate_bpm=100, pain_score=6),
    case("hr-89-fast-90", [], SELF_CARE, thresholds={"fast_heart_rate_bpm": 90}, heart_rate_bpm=89),
    case(
        "hr-90-fast-90",
        [FAST, MOD],
        URGENT,
        thresholds={"fast_heart_rate_bpm": 90},
        heart_rate_bpm=90,
        reasons={FAST: ["90", "90"]},
    ),
    case(
        "hr-120-high-risk-121",
        [FAST, MOD],
        URGENT,
        thresholds={"high_risk_heart_rate_bpm": 121},
        heart_rate_bpm=120,
    ),
    case(
        "hr-121-high-risk-121",
        [FAST, *HIGH_RISK],
        EMERGENCY,
        thresholds={"high_risk_heart_rate_bpm": 121},
        heart_rate_bpm=121,
    ),
    # --- Breathing rate: 20/21 (moderate-to-high risk), 24/25 (high risk) -------------------
    case("resp-4", [], SELF_CARE, respiratory_rate=4),
    case("resp-20", [], SELF_CARE, respiratory_rate=20),
    case("resp-21", [MOD], URGENT, respiratory_rate=21, reasons={MOD: ["21"]}),
    case("resp-24", [MOD], URGENT, respiratory_rate=24, reasons={MOD: ["24"]}),
    case(
        "resp-25",
        [*HIGH_RISK],
        EMERGENCY,
        respiratory_rate=25,
        reasons={"sepsis-high-risk": ["25"]},
    ),
    case("resp-60", [*HIGH_RISK], EMERGENCY, respiratory_rate=60),
    case(
        "resp-21-hr-100",
        [MOD, MOD_E, FAST, FAST_E],
        EMERGENCY,
        respiratory_rate=21,
        heart_rate_bpm=100,
    ),
    case("resp-20-hr-100", [FAST, MOD], URGENT, respiratory_rate=20, heart_rate_bpm=100),
    case(
        "resp-21-temp-38.0",
        [MOD, MOD_E, "fever-or-chills"],
        EMERGENCY,
        respiratory_rate=21,
        temperature_c=38.0,
    ),
    case(
        "resp-21-discharge-unusual",
        [MOD, MOD_E, "unusual-discharge"],
        EMERGENCY,
        respiratory_rate=21,
        discharge=Discharge.UNUSUAL,
    ),
    case(
        "resp-21-worsening",
        [MOD, MOD_E, "increasing-pain"],
        EMERGENCY,
        respiratory_rate=21,
        pain_trend=PainTrend.WORSENING,
    ),
    case(
        "resp-18-moderate-19",
        [],
        SELF_CARE,
        thresholds={"moderate_respiratory_rate": 19},
        respiratory_rate=18,
    ),
    case(
        "resp-19-moderate-19",
        [MOD],
        URGENT,
        thresholds={"moderate_respiratory_rate": 19},
        respiratory_rate=19,
    ),
    case(
        "resp-22-high-risk-23",
        [MOD],
        URGENT,
        thresholds={"high_risk_respiratory_rate": 23},
        respiratory_rate=22,
    ),
    case(
        "resp-23-high-risk-23",
        [*HIGH_RISK],
        EMERGENCY,
        thresholds={"high_risk_respiratory_rate": 23},
        respiratory_rate=23,
    ),
    # --- Systolic blood pressure: 101/100 (moderate-to-high risk), 91/90 (high risk) --------
    case("sbp-250", [], SELF_CARE, systolic_bp=250),
    case("sbp-101", [], SELF_CARE, systolic_bp=101),
    case("sbp-100", [MOD], URGENT, systolic_bp=100, reasons={MOD: ["100"]}),
    case("sbp-91", [MOD], URGENT, systolic_bp=91, reasons={MOD: ["91"]}),
    case("sbp-90", [*HIGH_RISK], EMERGENCY, systolic_bp=90, reasons={"sepsis-high-risk": ["90"]}),
    case("sbp-50", [*HIGH_RISK], EMERGENCY, systolic_bp=50),
    case(
        "sbp-91-resp-21",
        [MOD, MOD_E],
        EMERGENCY,
        systolic_bp=91,
        respiratory_rate=21,
    ),
    case(
        "sbp-111-moderate-110",
        [],
        SELF_CARE,
        thresholds={"moderate_systolic_bp": 110},
        systolic_bp=111,
    ),
    case(
        "sbp-110-moderate-110",
        [MOD],
        URGENT,
        thresholds={"moderate_systolic_bp": 110},
        systolic_bp=110,
    ),
    case(
        "sbp-96-high-risk-95",
        [MOD],
        URGENT,
        thresholds={"high_risk_systolic_bp": 95},
        systolic_bp=96,
    ),
    case(
        "sbp-95-high-risk-95",
        [*HIGH_RISK],
        EMERGENCY,
        thresholds={"high_risk_systolic_bp": 95},
        systolic_bp=95,
    ),
    # --- Hours since urine: 11/12 (moderate-to-high risk), 17/18 (high risk) ----------------
    case("urine-0", [], SELF_CARE, hours_since_urine=0),
    case("urine-11", [], SELF_CARE, hours_since_urine=11),
    case("urine-12", [MOD], URGENT, hours_since_urine=12, reasons={MOD: ["12"]}),
    case("urine-17", [MOD], URGENT, hours_since_urine=17, reasons={MOD: ["17"]}),
    case(
        "urine-18",
        [*HIGH_RISK],
        EMERGENCY,
        hours_since_urine=18,
        reasons={"sepsis-high-risk": ["18"]},
    ),
    case("urine-72", [*HIGH_RISK], EMERGENCY, hours_since_urine=72),
    case(
        "urine-7-moderate-8",
        [],
        SELF_CARE,
        thresholds={"moderate_hours_since_urine": 8},
        hours_since_urine=7,
    ),
    case(
        "urine-8-moderate-8",
        [MOD],
        URGENT,
        thresholds={"moderate_hours_since_urine": 8},
        hours_since_urine=8,
    ),
    case(
        "urine-13-high-risk-14",
        [MOD],
        URGENT,
        thresholds={"high_risk_hours_since_urine": 14},
        hours_since_urine=13,
    ),
    case(
        "urine-14-high-risk-14",
        [*HIGH_RISK],
        EMERGENCY,
        thresholds={"high_risk_hours_since_urine": 14},
        hours_since_urine=14,
    ),
    # --- The seen sepsis signs ----------------------------------------------------------------
    case("skin-false", [], SELF_CARE, skin_mottled_ashen_or_blue=False),
    case("skin-true", [*HIGH_RISK], EMERGENCY, skin_mottled_ashen_or_blue=True),
    case("rash-false", [], SELF_CARE, non_blanching_rash=False),
    case("rash-true", [*HIGH_RISK], EMERGENCY, non_blanching_rash=True),
    # --- Low temperature: 35.9/36.0 °C ---------------------------------------------------------
    case("temp-30.0", [LOW, MOD], URGENT, temperature_c=30.0),
    case(
        "temp-35.9",
        [LOW, MOD],
        URGENT,
        temperature_c=35.9,
        reasons={LOW: [T359, T36]},
    ),
    # Where one decimal would read as equal to the line, two are shown.
    case(
        "temp-35.96",
        [LOW, MOD],
        URGENT,
        temperature_c=35.96,
        reasons={LOW: ["35.96 °C", "36.0 °C"]},
    ),
    case("temp-36.0", [], SELF_CARE, temperature_c=36.0),
    case(
        "temp-35.9-chills",
        [LOW, LOW_E, MOD, MOD_E, "fever-or-chills"],
        EMERGENCY,
        temperature_c=35.9,
        chills=True,
        reasons={LOW_E: [T359, "chills"], "fever-or-chills": ["chills"]},
    ),
    case(
        "temp-35.9-rapid-heartbeat",
        [LOW, LOW_E, MOD, MOD_E, FAST, FAST_E, "sepsis-signs"],
        EMERGENCY,
        temperature_c=35.9,
        rapid_heartbeat=True,
    ),
    case(
        "temp-35.9-resp-21",
        [LOW, LOW_E, MOD, MOD_E],
        EMERGENCY,
        temperature_c=35.9,
        respiratory_rate=21,
    ),
    case(
        "temp-35.9-discharge-unusual",
        [LOW, LOW_E, MOD, MOD_E, "unusual-discharge", "signs-of-infection"],
        EMERGENCY,
        temperature_c=35.9,
        discharge=Discharge.UNUSUAL,
    ),
    case(
        "temp-35.9-pain-7",
        [LOW, LOW_E, MOD, MOD_E, "severe-pain", "severe-pain-with-complications"],
        EMERGENCY,
        temperature_c=35.9,
        pain_score=7,
    ),
    case(
        "temp-35.9-pain-6",
        [LOW, MOD],
        URGENT,
        temperature_c=35.9,
        pain_score=6,
    ),
    case(
        "temp-35.9-worsening",
        [
            LOW,
            LOW_E,
            MOD,
            MOD_E,
            "increasing-pain",
            "severe-pain-with-complications",
            "signs-of-infection",
        ],
        EMERGENCY,
        temperature_c=35.9,
        pain_trend=PainTrend.WORSENING,
    ),
    case(
        "temp-36.4-low-36.5",
        [LOW, MOD],
        URGENT,
        thresholds={"low_temperature_c": 36.5},
        temperature_c=36.4,
        reasons={LOW: [temp("36.4", "97.5"), temp("36.5", "97.7")]},
    ),
    case(
        "temp-36.5-low-36.5",
        [],
        SELF_CARE,
        thresholds={"low_temperature_c": 36.5},
        temperature_c=36.5,
    ),
    # --- Fever: 37.9/38.0 °C, or chills ---------------------------------------------------------
    case("temp-37.9", [], SELF_CARE, temperature_c=37.9),
    case(
        "temp-38.0",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.0,
        reasons={"fever-or-chills": [T38, T38]},
    ),
    case(
        "temp-38-as-int",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38,
        reasons={"fever-or-chills": [T38, T38]},
    ),
    case(
        "temp-38.4",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.4,
        reasons={"fever-or-chills": [temp("38.4", "101.1"), T38]},
    ),
    case("temp-45.0", ["fever-or-chills"], URGENT, temperature_c=45.0),
    case("temp-37.4-fever-37.5", [], SELF_CARE, thresholds={"fever_c": 37.5}, temperature_c=37.4),
    case(
        "temp-37.5-fever-37.5",
        ["fever-or-chills"],
        URGENT,
        thresholds={"fever_c": 37.5},
        temperature_c=37.5,
        reasons={"fever-or-chills": [temp("37.5", "99.5"), temp("37.5", "99.5")]},
    ),
    case(
        "chills-normal-temp",
        ["fever-or-chills"],
        URGENT,
        chills=True,
        temperature_c=37.0,
        reasons={"fever-or-chills": ["chills"]},
    ),
    case("chills-false", [], SELF_CARE, chills=False),
    # --- Signs of infection (changed: EMERGENCY) -------------------------------------------------
    case(
        "temp-38.0-discharge-unusual",
        ["fever-or-chills", "unusual-discharge", "signs-of-infection"],
        EMERGENCY,
        temperature_c=38.0,
        discharge=Discharge.UNUSUAL,
        reasons={"signs-of-infection": [T38, "discharge"]},
    ),
    case(
        "temp-37.9-discharge-unusual",
        ["unusual-discharge"],
        URGENT,
        temperature_c=37.9,
        discharge=Discharge.UNUSUAL,
    ),
    case(
        "chills-discharge-unusual",
        ["fever-or-chills", "unusual-discharge", "signs-of-infection"],
        EMERGENCY,
        chills=True,
        discharge=Discharge.UNUSUAL,
        reasons={"signs-of-infection": ["chills"]},
    ),
    case(
        "temp-38.0-discharge-normal",
        ["fever-or-chills"],
        URGENT,
        temperature_c=38.0,
        discharge=Discharge.NORMAL,
    ),
    # --- Pain: 6/7, and severe or increasing pain with complications (changed) ----------------
    case("pain-0", [], SELF_CARE, pain_score=0),
    case("pain-6", [], SELF_CARE, pain_score=6),
    case(
        "pain-7",
        ["severe-pain"],
        URGENT,
        pain_score=7,
        reasons={"severe-pain": ["7/10", "7/10"]},
    ),
    case("pain-10", ["severe-pain"], URGENT, pain_score=10, reasons={"severe-pain": ["10/10"]}),
    case("pain-5-severe-6", [], SELF_CARE, thresholds={"severe_pain": 6}, pain_score=5),
    case(
        "pain-6-severe-6",
        ["severe-pain"],
        URGENT,
        thresholds={"severe_pain": 6},
        pain_score=6,
        reasons={"severe-pain": ["6/10", "6/10"]},
    ),
    case("pain-6-temp-38.0", ["fever-or-chills"], URGENT, pain_score=6, temperature_c=38.0),
    case("pain-7-temp-37.9", ["severe-pain"], URGENT, pain_score=7, temperature_c=37.9),
    case(
        "pain-7-temp-38.0",
        ["severe-pain-with-complications", "severe-pain", "fever-or-chills"],
        EMERGENCY,
        pain_score=7,
        temperature_c=38.0,
        reasons={"severe-pain-with-complications": ["7/10", "7/10", T38, T38]},
    ),
    case(
        "worsening-5-temp-38.0",
        [
            "severe-pain-with-complications",
            "increasing-pain",
            "fever-or-chills",
            "signs-of-infection",
        ],
        EMERGENCY,
        pain_score=5,
        pain_trend=PainTrend.WORSENING,
        temperature_c=38.0,
    ),
    case(
        "worsening-temp-37.9",
        ["increasing-pain"],
        URGENT,
        pain_trend=PainTrend.WORSENING,
        temperature_c=37.9,
    ),
    case(
        "worsening-bleeding-heavy",
        ["severe-pain-with-complications", "increasing-pain", "heavy-bleeding"],
        EMERGENCY,
        pain_trend=PainTrend.WORSENING,
        bleeding=Bleeding.HEAVY,
    ),
    case(
        "pain-7-bleeding-moderate",
        ["severe-pain"],
        URGENT,
        pain_score=7,
        bleeding=Bleeding.MODERATE,
    ),
    case(
        "pain-7-large-clots",
        ["severe-pain-with-complications", "severe-pain", "heavy-bleeding"],
        EMERGENCY,
        pain_score=7,
        large_clots=True,
    ),
    case("trend-improving", [], SELF_CARE, pain_trend=PainTrend.IMPROVING),
    case("trend-stable", [], SELF_CARE, pain_trend=PainTrend.STABLE),
    # --- Painkillers: not tried, helping, not helping; severe and not eased (new) -------------
    case("relief-not-tried", [], SELF_CARE, pain_score=4, pain_relieved_by_medication=None),
    case("relief-yes", [], SELF_CARE, pain_score=4, pain_relieved_by_medication=True),
    case(
        "relief-no-pain-6",
        ["pain-not-eased-by-painkillers"],
        URGENT,
        pain_score=6,
        pain_relieved_by_medication=False,
    ),
    case(
        "relief-no-pain-7-day-0",
        ["severe-pain-not-eased-by-painkillers", "severe-pain", "pain-not-eased-by-painkillers"],
        EMERGENCY,
        pain_score=7,
        pain_relieved_by_medication=False,
        days_since_loss=0,
        reasons={"severe-pain-not-eased-by-painkillers": ["7/10"]},
    ),
    case(
        "relief-yes-pain-7",
        ["severe-pain"],
        URGENT,
        pain_score=7,
        pain_relieved_by_medication=True,
    ),
    # --- Surgery window: 41/42/43 days ---------------------------------------------------------
    case(
        "surgical-day-41-temp-38.0",
        ["infection-after-surgery", "fever-or-chills"],
        EMERGENCY,
        management=Management.SURGICAL,
        days_since_loss=41,
        temperature_c=38.0,
    ),
    case(
        "surgical-day-42-temp-38.0",
        ["infection-after-surgery", "fever-or-chills"],
        EMERGENCY,
        management=Management.SURGICAL,
        days_since_loss=42,
        temperature_c=38.0,
        reasons={"infection-after-surgery": ["42 days", T38]},
    ),
    case(
        "surgical-day-43-temp-38.0",
        ["fever-or-chills"],
        URGENT,
        management=Management.SURGICAL,
        days_since_loss=43,
        temperature_c=38.0,
    ),
    case(
        "surgical-no-day-temp-38.0",
        ["infection-after-surgery", "fever-or-chills"],
        EMERGENCY,
        management=Management.SURGICAL,
        temperature_c=38.0,
    ),
    case(
        "surgical-day-5-temp-37.9",
        [],
        SELF_CARE,
        management=Management.SURGICAL,
        days_since_loss=5,
        temperature_c=37.9,
    ),
    # Shivering after an anaesthetic is common: chills alone do not make it an emergency.
    case(
        "surgical-day-1-chills",
        ["fever-or-chills"],
        URGENT,
        management=Management.SURGICAL,
        days_since_loss=1,
        chills=True,
    ),
    case(
        "surgical-day-42-discharge-unusual",
        ["infection-after-surgery", "unusual-discharge"],
        EMERGENCY,
        management=Management.SURGICAL,
        days_since_loss=42,
        discharge=Discharge.UNUSUAL,
    ),
    case(
        "surgical-day-10-temp-35.9",
        ["infection-after-surgery", LOW, MOD],
        EMERGENCY,
        management=Management.SURGICAL,
        days_since_loss=10,
        temperature_c=35.9,
    ),
    case(
        "medical-day-5-temp-38.0",
        ["fever-or-chills"],
        URGENT,
        management=Management.MEDICAL,
        days_since_loss=5,
        temperature_c=38.0,
    ),
    case(
        "spontaneous-day-5-discharge-unusual",
        ["unusual-discharge"],
        URGENT,
        management=Management.SPONTANEOUS,
        days_since_loss=5,
        discharge=Discharge.UNUSUAL,
    ),
    case(
        "surgical-day-56-window-56",
        ["infection-after-surgery", "fever-or-chills"],
        EMERGENCY,
        thresholds={"surgery_window_days": 56},
        management=Management.SURGICAL,
        days_since_loss=56,
        temperature_c=38.0,
    ),
    case(
        "surgical-day-57-window-56",
        ["fever-or-chills"],
        URGENT,
        thresholds={"surgery_window_days": 56},
        management=Management.SURGICAL,
        days_since_loss=57,
        temperature_c=38.0,
    ),
    # --- Vomiting or diarrhoea (new), with and without a measured fever -----------------------
    case("vomiting-false", [], SELF_CARE, vomiting_or_diarrhoea=False),
    case("vomiting", ["vomiting-or-diarrhoea"], URGENT, vomiting_or_diarrhoea=True),
    case(
        "vomiting-temp-37.9",
        ["vomiting-or-diarrhoea"],
        URGENT,
        vomiting_or_diarrhoea=True,
        temperature_c=37.9,
    ),
    case(
        "vomiting-temp-38.0",
        ["vomiting-with-fever", "vomiting-or-diarrhoea", "fever-or-chills"],
        EMERGENCY,
        vomiting_or_diarrhoea=True,
        temperature_c=38.0,
        reasons={"vomiting-with-fever": [T38, T38]},
    ),
    case(
        "vomiting-chills",
        ["vomiting-or-diarrhoea", "fever-or-chills"],
        URGENT,
        vomiting_or_diarrhoea=True,
        chills=True,
    ),
    # --- One-sided lower abdominal pain (new) ------------------------------------------------
    case("one-sided", [SIDE], URGENT, one_sided_lower_abdominal_pain=True),
    case("peeing-or-pooing", [SIDE], URGENT, pain_when_peeing_or_pooing=True),
    case("one-sided-pain-6", [SIDE], URGENT, one_sided_lower_abdominal_pain=True, pain_score=6),
    case(
        "one-sided-pain-7",
        [SIDE, SIDE_E, "severe-pain"],
        EMERGENCY,
        one_sided_lower_abdominal_pain=True,
        pain_score=7,
    ),
    case(
        "peeing-or-pooing-pain-7",
        [SIDE, SIDE_E, "severe-pain"],
        EMERGENCY,
        pain_when_peeing_or_pooing=True,
        pain_score=7,
    ),
    case("one-sided-hr-99", [SIDE], URGENT, one_sided_lower_abdominal_pain=True, heart_rate_bpm=99),
    case(
        "one-sided-hr-100",
        [SIDE, SIDE_E, FAST, FAST_E, MOD],
        EMERGENCY,
        one_sided_lower_abdominal_pain=True,
        heart_rate_bpm=100,
    ),
    case(
        "one-sided-skin",
        [SIDE, SIDE_E, *HIGH_RISK],
        EMERGENCY,
        one_sided_lower_abdominal_pain=True,
        skin_mottled_ashen_or_blue=True,
    ),
    # --- Heavy bleeding: pads 0.9/1.0 an hour, large clots, whatever the label --------------
    case("pads-0", [], SELF_CARE, pads_soaked_per_hour=0),
    case("pads-0.9", [], SELF_CARE, pads_soaked_per_hour=0.9),
    case("pads-1.0", ["heavy-bleeding"], EMERGENCY, pads_soaked_per_hour=1.0),
    case("pads-20", ["heavy-bleeding"], EMERGENCY, pads_soaked_per_hour=20),
    case(
        "pads-1.0-label-light",
        ["heavy-bleeding"],
        EMERGENCY,
        pads_soaked_per_hour=1.0,
        bleeding=Bleeding.LIGHT,
    ),
    case(
        "pads-0.9-label-moderate",
        [],
        SELF_CARE,
        pads_soaked_per_hour=0.9,
        bleeding=Bleeding.MODERATE,
    ),
    case(
        "pads-0.4-heavy-0.5",
        [],
        SELF_CARE,
        thresholds={"heavy_pads_per_hour": 0.5},
        pads_soaked_per_hour=0.4,
    ),
    case(
        "pads-0.5-heavy-0.5",
        ["heavy-bleeding"],
        EMERGENCY,
        thresholds={"heavy_pads_per_hour": 0.5},
        pads_soaked_per_hour=0.5,
    ),
    case("clots-false", [], SELF_CARE, large_clots=False),
    case("clots", ["heavy-bleeding"], EMERGENCY, large_clots=True, bleeding=Bleeding.MODERATE),
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
    # --- Pain and bleeding at two weeks (new): days 13/14 ------------------------------------
    case(
        "pain-bleeding-day-13",
        [],
        SELF_CARE,
        pain_score=2,
        bleeding=Bleeding.SPOTTING,
        days_since_loss=13,
    ),
    case(
        "pain-bleeding-day-14",
        ["pain-and-bleeding-at-two-weeks"],
        ROUTINE,
        pain_score=2,
        bleeding=Bleeding.SPOTTING,
        days_since_loss=14,
        reasons={"pain-and-bleeding-at-two-weeks": ["14 days", "14 days"]},
    ),
    case(
        "pain-no-bleeding-day-14",
        [],
        SELF_CARE,
        pain_score=2,
        bleeding=Bleeding.NONE,
        days_since_loss=14,
    ),
    case(
        "bleeding-no-pain-day-14",
        [],
        SELF_CARE,
        pain_score=0,
        bleeding=Bleeding.LIGHT,
        days_since_loss=14,
    ),
    case(
        "pain-bleeding-day-9-days-10",
        [],
        SELF_CARE,
        thresholds={"pain_and_bleeding_days": 10},
        pain_trend=PainTrend.STABLE,
        bleeding=Bleeding.LIGHT,
        days_since_loss=9,
    ),
    case(
        "pain-bleeding-day-10-days-10",
        ["pain-and-bleeding-at-two-weeks"],
        ROUTINE,
        thresholds={"pain_and_bleeding_days": 10},
        pain_trend=PainTrend.STABLE,
        bleeding=Bleeding.LIGHT,
        days_since_loss=10,
    ),
    # --- Three weeks: days 20/21 for pain, bleeding and the pregnancy test -----------------
    case("pain-3-day-20", [], SELF_CARE, pain_score=3, days_since_loss=20),
    case(
        "pain-3-day-21",
        ["persistent-pain"],
        ROUTINE,
        pain_score=3,
        days_since_loss=21,
        reasons={"persistent-pain": ["21 days", "21 days"]},
    ),
    case("pain-0-day-21", [], SELF_CARE, pain_score=0, days_since_loss=21),
    case("no-pain-reported-day-21", [], SELF_CARE, days_since_loss=21),
    case(
        "trend-improving-day-21",
        ["persistent-pain"],
        ROUTINE,
        pain_trend=PainTrend.IMPROVING,
        days_since_loss=21,
    ),
    case(
        "pain-3-day-13-persistent-14",
        [],
        SELF_CARE,
        thresholds={"persistent_pain_days": 14},
        pain_score=3,
        days_since_loss=13,
    ),
    case(
        "pain-3-day-14-persistent-14",
        ["persistent-pain"],
        ROUTINE,
        thresholds={"persistent_pain_days": 14},
        pain_score=3,
        days_since_loss=14,
        reasons={"persistent-pain": ["14 days", "14 days"]},
    ),
    case("bleeding-light-day-20", [], SELF_CARE, bleeding=Bleeding.LIGHT, days_since_loss=20),
    case(
        "bleeding-light-day-21",
        ["prolonged-bleeding"],
        ROUTINE,
        bleeding=Bleeding.LIGHT,
        days_since_loss=21,
        reasons={"prolonged-bleeding": ["21 days", "21 days"]},
    ),
    case(
        "pain-bleeding-day-20",
        ["pain-and-bleeding-at-two-weeks"],
        ROUTINE,
        pain_score=2,
        bleeding=Bleeding.SPOTTING,
        days_since_loss=20,
    ),
    case(
        "pain-bleeding-day-21",
        ["pain-and-bleeding-at-two-weeks", "persistent-pain", "prolonged-bleeding"],
        ROUTINE,
        pain_score=2,
        bleeding=Bleeding.SPOTTING,
        days_since_loss=21,
    ),
    # Half a pad an hour is bleeding, whatever label was (not) given.
    case(
        "pads-0.5-no-label-day-21",
        ["prolonged-bleeding"],
        ROUTINE,
        pads_soaked_per_hour=0.5,
        days_since_loss=21,
    ),
    case("bleeding-none-day-21", [], SELF_CARE, bleeding=Bleeding.NONE, days_since_loss=21),
    case("bleeding-light-no-day", [], SELF_CARE, bleeding=Bleeding.LIGHT),
    case(
        "bleeding-light-day-13-prolonged-14",
        [],
        SELF_CARE,
        thresholds={"prolonged_bleeding_days": 14},
        bleeding=Bleeding.LIGHT,
        days_since_loss=13,
    ),
    case(
        "bleeding-light-day-14-prolonged-14",
        ["prolonged-bleeding"],
        ROUTINE,
        thresholds={"prolonged_bleeding_days": 14},
        bleeding=Bleeding.LIGHT,
        days_since_loss=14,
    ),
    case("test-positive-day-20", [], SELF_CARE, positive_pregnancy_test=True, days_since_loss=20),
    case(
        "test-positive-day-21",
        ["positive-pregnancy-test"],
        ROUTINE,
        positive_pregnancy_test=True,
        days_since_loss=21,
        reasons={"positive-pregnancy-test": ["21 days", "21 days"]},
    ),
    # Changed: a positive test with no date is reviewed, and the reason says the date is missing.
    case(
        "test-positive-no-day",
        ["positive-pregnancy-test"],
        ROUTINE,
        positive_pregnancy_test=True,
    ),
    case("test-negative-day-21", [], SELF_CARE, positive_pregnancy_test=False, days_since_loss=21),
    case(
        "test-positive-day-13-test-14",
        [],
        SELF_CARE,
        thresholds={"pregnancy_test_days": 14},
        positive_pregnancy_test=True,
        days_since_loss=13,
    ),
    case(
        "test-positive-day-14-test-14",
        ["positive-pregnancy-test"],
        ROUTINE,
        thresholds={"pregnancy_test_days": 14},
        positive_pregnancy_test=True,
        days_since_loss=14,
    ),
    # --- Pain that limits daily activities: not on the day itself -----------------------------
    case("limits-day-0", [], SELF_CARE, pain_limits_daily_activities=True, days_since_loss=0),
    case(
        "limits-day-1",
        ["pain-limits-daily-activities"],
        ROUTINE,
        pain_limits_daily_activities=True,
        days_since_loss=1,
    ),
    case(
        "limits-no-day",
        ["pain-limits-daily-activities"],
        ROUTINE,
        pain_limits_daily_activities=True,
    ),
    # --- No period by eight weeks (new): days 55/56 -------------------------------------------
    case("no-period-day-55", [], SELF_CARE, period_returned=False, days_since_loss=55),
    case(
        "no-period-day-56",
        ["no-period-by-eight-weeks"],
        ROUTINE,
        period_returned=False,
        days_since_loss=56,
        reasons={"no-period-by-eight-weeks": ["56 days", "56 days"]},
    ),
    case("no-period-no-day", [], SELF_CARE, period_returned=False),
    case("period-not-asked-day-60", [], SELF_CARE, days_since_loss=60),
    case(
        "no-period-day-41-no-period-42",
        [],
        SELF_CARE,
        thresholds={"no_period_days": 42},
        period_returned=False,
        days_since_loss=41,
    ),
    case(
        "no-period-day-42-no-period-42",
        ["no-period-by-eight-weeks"],
        ROUTINE,
        thresholds={"no_period_days": 42},
        period_returned=False,
        days_since_loss=42,
    ),
    # --- period_returned: what it may stop, from day 21, and what it may not ----------------
    case(
        "period-day-20-bleeding-increasing",
        ["bleeding-increasing"],
        URGENT,
        period_returned=True,
        days_since_loss=20,
        bleeding=Bleeding.MODERATE,
        bleeding_increasing=True,
    ),
    case(
        "period-day-21-bleeding-increasing",
        [],
        SELF_CARE,
        period_returned=True,
        days_since_loss=21,
        bleeding=Bleeding.MODERATE,
        bleeding_increasing=True,
    ),
    case(
        "no-period-answer-day-21-bleeding-increasing",
        ["bleeding-increasing", "prolonged-bleeding"],
        URGENT,
        period_returned=False,
        days_since_loss=21,
        bleeding=Bleeding.MODERATE,
        bleeding_increasing=True,
    ),
    case(
        "period-no-day-bleeding-increasing",
        ["bleeding-increasing"],
        URGENT,
        period_returned=True,
        bleeding=Bleeding.LIGHT,
        bleeding_increasing=True,
    ),
    case(
        "period-day-28-pain-3",
        ["persistent-pain"],
        ROUTINE,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.LIGHT,
        pain_score=3,
    ),
    case(
        "period-day-28-heavy",
        ["heavy-bleeding", "prolonged-bleeding"],
        EMERGENCY,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.HEAVY,
    ),
    case(
        "period-day-28-pads-1.0",
        ["heavy-bleeding", "prolonged-bleeding"],
        EMERGENCY,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.MODERATE,
        pads_soaked_per_hour=1.0,
    ),
    case(
        "period-day-28-pads-0.9",
        [],
        SELF_CARE,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.MODERATE,
        pads_soaked_per_hour=0.9,
    ),
    case(
        "period-day-28-clots",
        ["heavy-bleeding", "prolonged-bleeding"],
        EMERGENCY,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.MODERATE,
        large_clots=True,
    ),
    case(
        "period-day-28-test-positive",
        ["positive-pregnancy-test", "prolonged-bleeding"],
        ROUTINE,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.LIGHT,
        positive_pregnancy_test=True,
    ),
    case(
        "period-day-28-one-sided",
        [SIDE, "prolonged-bleeding"],
        URGENT,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.LIGHT,
        one_sided_lower_abdominal_pain=True,
    ),
    case(
        "period-day-28-peeing-or-pooing",
        [SIDE, "prolonged-bleeding"],
        URGENT,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.LIGHT,
        pain_when_peeing_or_pooing=True,
    ),
    case(
        "period-day-28-shoulder-tip",
        ["shoulder-tip-pain", "prolonged-bleeding"],
        EMERGENCY,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.LIGHT,
        shoulder_tip_pain=True,
    ),
    case(
        "period-day-28-fever",
        ["fever-or-chills"],
        URGENT,
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.MODERATE,
        temperature_c=38.0,
    ),
    case(
        "period-day-27-reassures-28",
        ["prolonged-bleeding"],
        ROUTINE,
        thresholds={"period_reassures_from_days": 28},
        period_returned=True,
        days_since_loss=27,
        bleeding=Bleeding.LIGHT,
    ),
    case(
        "period-day-28-reassures-28",
        [],
        SELF_CARE,
        thresholds={"period_reassures_from_days": 28},
        period_returned=True,
        days_since_loss=28,
        bleeding=Bleeding.LIGHT,
    ),
    # --- Pain still there: a score of 1, any painkiller answer, limited activities ----------------
    case("pain-1-day-21", ["persistent-pain"], ROUTINE, days_since_loss=21, pain_score=1),
    case(
        "pain-0-improving-day-21",
        [],
        SELF_CARE,
        days_since_loss=21,
        pain_score=0,
        pain_trend=PainTrend.IMPROVING,
    ),
    case(
        "painkillers-helped-day-21",
        ["persistent-pain"],
        ROUTINE,
        days_since_loss=21,
        pain_relieved_by_medication=True,
    ),
    case(
        "pain-limits-activities-day-21",
        ["persistent-pain", "pain-limits-daily-activities"],
        ROUTINE,
        days_since_loss=21,
        pain_limits_daily_activities=True,
    ),
    # --- Any bleeding: a pad soaked at all counts, none does not --------------------------------
    case(
        "pads-0-pain-3-day-14",
        [],
        SELF_CARE,
        days_since_loss=14,
        pain_score=3,
        pads_soaked_per_hour=0.0,
    ),
    case(
        "pads-0.5-pain-3-day-14",
        ["pain-and-bleeding-at-two-weeks"],
        ROUTINE,
        days_since_loss=14,
        pain_score=3,
        pads_soaked_per_hour=0.5,
    ),
    # --- Each other moderate-to-high-risk sign alone makes the fast heartbeat an emergency -------
    case(
        "racing-urine-12",
        [FAST, FAST_E, MOD, MOD_E],
        EMERGENCY,
        rapid_heartbeat=True,
        hours_since_urine=12,
    ),
    case(
        "racing-sbp-100",
        [FAST, FAST_E, MOD, MOD_E],
        EMERGENCY,
        rapid_heartbeat=True,
        systolic_bp=100,
    ),
    # --- A high-risk sign without a fast heartbeat is a partner of the low temperature ----------
    case(
        "temp-35.9-breathing-25",
        [LOW, LOW_E, MOD, *HIGH_RISK],
        EMERGENCY,
        temperature_c=35.9,
        respiratory_rate=25,
    ),
    # --- Nothing at all ---------------------------------------------------------------------------
    case("nothing-reported", [], SELF_CARE),
]


def check(
    assessment: postloss.Assessment,
    fired: frozenset[str],
    urgency: Urgency,
    reasons: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Assert the fired rules, the urgency, each finding's table urgency and flag, the quotes."""
    assert {finding.rule_id for finding in assessment.findings} == fired
    assert assessment.urgency == urgency
    # The case's own literal agrees with the table, so the table is the one source of truth.
    assert urgency == max((oracle.RED_FLAGS[rule_id][0] for rule_id in fired), default=SELF_CARE)
    assert assessment.escalated is (urgency > SELF_CARE)
    for finding in assessment.findings:
        assert finding.urgency == oracle.RED_FLAGS[finding.rule_id][0], finding.rule_id
        assert finding.red_flag_id == oracle.FLAG_OF[finding.rule_id], finding.rule_id
        assert finding.reason, finding.rule_id
    by_id = {finding.rule_id: finding.reason for finding in assessment.findings}
    for rule_id, quotes in (reasons or {}).items():
        for quote, times in Counter(quotes).items():
            assert by_id[rule_id].count(quote) >= times, (rule_id, quote, by_id[rule_id])


@pytest.mark.parametrize("boundary", [pytest.param(c, id=c.name) for c in CASES])
def test_boundary(boundary: Case) -> None:
    rules = postloss.default_rules(thresholds=boundary.limits())
    assessment = postloss.assess(boundary.report(), rules=rules)
    check(assessment, boundary.fired, boundary.urgency, boundary.reasons)


@pytest.mark.parametrize("boundary", [pytest.param(c, id=c.name) for c in CASES])
def test_the_oracle_agrees_with_the_case(boundary: Case) -> None:
    """The literals above and tests/oracle.py are two readings of CLINICAL.md: they agree."""
    assert oracle.fired(boundary.report(), boundary.limits()) == boundary.fired


def test_case_names_are_unique() -> None:
    names = [boundary.name for boundary in CASES]
    assert len(names) == len(set(names))


def test_reasons_are_only_asked_of_rules_that_fire() -> None:
    for boundary in CASES:
        assert set(boundary.reasons) <= boundary.fired, boundary.name


def test_cases_cover_every_built_in_rule() -> None:
    built_in = {each.id for each in postloss.default_rules().rules}
    assert built_in == set(oracle.RED_FLAGS)
    covered = set().union(
        *(boundary.fired for boundary in CASES),
        *(set(on) | set(off) for on, _, off, _ in YES_NO.values()),
    )
    assert covered == built_in


def test_cases_cover_every_enum_value() -> None:
    seen: dict[str, set[Any]] = {}
    for boundary in CASES:
        for name, value in boundary.fields.items():
            seen.setdefault(name, set()).add(value)
    assert seen["bleeding"] >= set(Bleeding)
    assert seen["discharge"] >= set(Discharge)
    assert seen["pain_trend"] >= set(PainTrend)
    assert seen["management"] >= set(Management)
    assert seen["pain_relieved_by_medication"] >= {None, True, False}
    assert seen["period_returned"] >= {True, False}


def test_cases_move_every_threshold() -> None:
    """Every threshold is tried away from its default at least once."""
    moved = {name for boundary in CASES for name in boundary.thresholds or {}}
    assert moved == set(THRESHOLDS)


#: Each yes/no field on its own: the rules it fires when True and when False (CLINICAL.md).
YES_NO: Mapping[str, tuple[Sequence[str], Urgency, Sequence[str], Urgency]] = {
    "pain_relieved_by_medication": ([], SELF_CARE, ["pain-not-eased-by-painkillers"], URGENT),
    "pain_limits_daily_activities": (["pain-limits-daily-activities"], ROUTINE, [], SELF_CARE),
    "chills": (["fever-or-chills"], URGENT, [], SELF_CARE),
    "bleeding_increasing": (["bleeding-increasing"], URGENT, [], SELF_CARE),
    "fainting_or_dizziness": (["fainting-or-dizziness"], EMERGENCY, [], SELF_CARE),
    "shoulder_tip_pain": (["shoulder-tip-pain"], EMERGENCY, [], SELF_CARE),
    "breathlessness_or_chest_pain": (["breathlessness-or-chest-pain"], EMERGENCY, [], SELF_CARE),
    "calf_pain_or_swelling": (["calf-pain-or-swelling"], URGENT, [], SELF_CARE),
    "confusion": (["sepsis-signs"], EMERGENCY, [], SELF_CARE),
    "rapid_heartbeat": ([FAST, MOD], URGENT, [], SELF_CARE),
    "self_harm_thoughts": (["self-harm-thoughts"], EMERGENCY, [], SELF_CARE),
    # Changed: with no date given, a positive test is reviewed.
    "positive_pregnancy_test": (["positive-pregnancy-test"], ROUTINE, [], SELF_CARE),
    "low_mood": (["persistent-low-mood"], ROUTINE, [], SELF_CARE),
    "skin_mottled_ashen_or_blue": ([*HIGH_RISK], EMERGENCY, [], SELF_CARE),
    "non_blanching_rash": ([*HIGH_RISK], EMERGENCY, [], SELF_CARE),
    "sudden_severe_abdominal_pain": (["sudden-severe-abdominal-pain"], EMERGENCY, [], SELF_CARE),
    "one_sided_lower_abdominal_pain": ([SIDE], URGENT, [], SELF_CARE),
    "pain_when_peeing_or_pooing": ([SIDE], URGENT, [], SELF_CARE),
    "vomiting_or_diarrhoea": (["vomiting-or-diarrhoea"], URGENT, [], SELF_CARE),
    "large_clots": (["heavy-bleeding"], EMERGENCY, [], SELF_CARE),
    "swelling_of_lips_tongue_or_throat": (
        ["swelling-of-lips-tongue-or-throat"],
        EMERGENCY,
        [],
        SELF_CARE,
    ),
    "feels_like_going_to_die": (["feels-like-going-to-die"], EMERGENCY, [], SELF_CARE),
    # Reassuring on its own, and "no" means nothing without the day.
    "period_returned": ([], SELF_CARE, [], SELF_CARE),
}


@pytest.mark.parametrize("field", list(YES_NO))
def test_yes_no_field_not_asked_yes_and_no(field: str) -> None:
    on_fired, on_urgency, off_fired, off_urgency = YES_NO[field]
    check(postloss.assess(SymptomReport()), frozenset(), SELF_CARE)
    on: dict[str, Any] = {field: True}
    check(postloss.assess(SymptomReport(**on)), frozenset(on_fired), on_urgency)
    off: dict[str, Any] = {field: False}
    check(postloss.assess(SymptomReport(**off)), frozenset(off_fired), off_urgency)


def test_yes_no_fields_are_every_bool_or_none_field_and_default_to_not_asked() -> None:
    hints = typing.get_type_hints(SymptomReport)
    yes_no = {name for name, hint in hints.items() if hint == bool | None}
    assert yes_no == set(YES_NO)
    assert not [name for name, hint in hints.items() if hint is bool]
    defaults = {field.name: field.default for field in attrs.fields(SymptomReport)}
    assert all(defaults[name] is None for name in YES_NO)


# --- Thresholds: defaults, bounds and their validation -----------------------------------


def test_the_thresholds_are_the_documented_ones() -> None:
    assert {field.name for field in attrs.fields(Thresholds)} == set(THRESHOLDS)


def test_defaults_are_the_clinical_ones() -> None:
    thresholds = Thresholds()
    defaults = {name: default for name, (default, _, _) in THRESHOLDS.items()}
    assert {name: getattr(thresholds, name) for name in THRESHOLDS} == defaults
    assert postloss.default_rules().thresholds == thresholds


@pytest.mark.parametrize("edge", [1, 2], ids=["low", "high"])
def test_all_thresholds_at_one_edge_of_their_bounds_are_accepted(edge: int) -> None:
    values: dict[str, Any] = {name: limits[edge] for name, limits in THRESHOLDS.items()}
    thresholds = Thresholds(**values)
    assert {name: getattr(thresholds, name) for name in THRESHOLDS} == values
    rules = postloss.default_rules(thresholds=thresholds)
    assert {each.id for each in rules.rules} == set(oracle.RED_FLAGS)
    assert postloss.assess(SymptomReport(), rules=rules).urgency == SELF_CARE


@pytest.mark.parametrize("name", list(THRESHOLDS))
@pytest.mark.parametrize("edge", [0, 1, 2], ids=["default", "low", "high"])
def test_each_threshold_at_its_default_and_its_bounds_is_accepted(name: str, edge: int) -> None:
    value = THRESHOLDS[name][edge]
    values: dict[str, Any] = {name: value}
    assert getattr(Thresholds(**values), name) == value


def outside(name: str, side: int) -> float:
    """One step outside threshold *name*'s bounds, below (*side* < 0) or above."""
    _, low, high = THRESHOLDS[name]
    value = round(low - step(name), 1) if side < 0 else round(high + step(name), 1)
    return value if name in DECIMAL else int(value)


@pytest.mark.parametrize("name", list(THRESHOLDS))
@pytest.mark.parametrize("side", [-1, 1], ids=["below", "above"])
def test_each_threshold_one_step_outside_its_bounds_is_refused(name: str, side: int) -> None:
    value = outside(name, side)
    values: dict[str, Any] = {name: value}
    with pytest.raises(postloss.InvalidThresholdsError) as raised:
        Thresholds(**values)
    message = str(raised.value)
    assert name in message
    assert str(value) in message
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, postloss.PostlossError)


@pytest.mark.parametrize("side", [-1, 1], ids=["below", "above"])
def test_every_bad_threshold_is_named(side: int) -> None:
    values: dict[str, Any] = {name: outside(name, side) for name in THRESHOLDS}
    with pytest.raises(postloss.InvalidThresholdsError) as raised:
        Thresholds(**values)
    for name in THRESHOLDS:
        assert name in str(raised.value)


def test_wrong_types_are_refused() -> None:
    values: dict[str, Any] = {
        "fever_c": math.nan,
        "severe_pain": True,
        "persistent_pain_days": 21.0,
        "prolonged_bleeding_days": "21",
        "pregnancy_test_days": None,
        "heavy_pads_per_hour": math.inf,
    }
    with pytest.raises(postloss.InvalidThresholdsError) as raised:
        Thresholds(**values)
    for name in values:
        assert name in str(raised.value)


def test_thresholds_are_read_only() -> None:
    thresholds = Thresholds()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        thresholds.fever_c = 37.5  # type: ignore[misc]
