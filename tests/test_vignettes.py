"""Realistic vignettes of recovery after a miscarriage, each with the urgency its sources call for.

Every vignette is written from a source listed in CLINICAL.md and cites it. The expected
urgency is asserted exactly: lower would be under-triage (unsafe), higher would be
over-triage (it sends people with an expected recovery to a clinic or an emergency
department, the error the peers in CLINICAL.md make on a third to two thirds of self-care
vignettes). Together the vignettes touch every red flag of the guide.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

import postloss
from postloss import (
    Bleeding,
    Discharge,
    Management,
    PainTrend,
    SymptomReport,
    Urgency,
)

SELF_CARE, ROUTINE, URGENT, EMERGENCY = (
    Urgency.SELF_CARE,
    Urgency.ROUTINE,
    Urgency.URGENT,
    Urgency.EMERGENCY,
)


class Vignette(NamedTuple):
    """A person's report, the urgency it must get, the red flags it must raise, the source."""

    name: str
    report: SymptomReport
    expected: Urgency
    required: frozenset[str]
    source: str


def vignette(
    name: str,
    report: SymptomReport,
    expected: Urgency,
    required: tuple[str, ...],
    source: str,
) -> Vignette:
    """A :class:`Vignette`; *required* are rule (and red flag) ids that must be found."""
    return Vignette(name, report, expected, frozenset(required), source)


NONE: tuple[str, ...] = ()

VIGNETTES = [
    # --- Expected recoveries: these must stay SELF_CARE --------------------------------------
    vignette(
        "day-2-early-spontaneous-loss-settling",
        SymptomReport(
            days_since_loss=2,
            weeks_pregnant=8,
            management=Management.SPONTANEOUS,
            pain_score=4,
            pain_trend=PainTrend.IMPROVING,
            pain_relieved_by_medication=True,
            temperature_c=37.4,
            discharge=Discharge.NORMAL,
            bleeding=Bleeding.LIGHT,
        ),
        SELF_CARE,
        NONE,
        "HSE Ireland 'Miscarriage' (period-type cramps and low back pain, milder over a few "
        "days, eased by paracetamol or ibuprofen); US clinic guidance (below 38 °C alone is "
        "not a concern)",
    ),
    vignette(
        "day-1-bleeding-like-a-heavy-period",
        SymptomReport(
            days_since_loss=1,
            weeks_pregnant=7,
            management=Management.SPONTANEOUS,
            pain_score=5,
            pain_trend=PainTrend.STABLE,
            pain_relieved_by_medication=True,
            bleeding=Bleeding.MODERATE,
            temperature_c=36.9,
        ),
        SELF_CARE,
        NONE,
        "HSE Ireland 'Miscarriage'; NHS 'Miscarriage' (bleeding like a heavy period for a day "
        "or two is expected)",
    ),
    vignette(
        "day-0-cramps-on-the-day-eased-by-ibuprofen",
        SymptomReport(
            days_since_loss=0,
            weeks_pregnant=6,
            pain_score=6,
            pain_trend=PainTrend.STABLE,
            pain_relieved_by_medication=True,
            bleeding=Bleeding.MODERATE,
        ),
        SELF_CARE,
        NONE,
        "HSE Ireland 'Miscarriage' (low back pain and period-type cramps on the day, eased by "
        "paracetamol or ibuprofen)",
    ),
    vignette(
        "day-10-brown-spotting",
        SymptomReport(
            days_since_loss=10,
            weeks_pregnant=9,
            pain_score=1,
            pain_trend=PainTrend.IMPROVING,
            discharge=Discharge.NORMAL,
            bleeding=Bleeding.SPOTTING,
            temperature_c=36.7,
        ),
        SELF_CARE,
        NONE,
        "Mater Mothers' Hospital, Brisbane (bleeding tails off to brown discharge over up to "
        "2–3 weeks)",
    ),
    vignette(
        "day-20-light-bleeding-still-tailing-off",
        SymptomReport(
            days_since_loss=20,
            weeks_pregnant=10,
            pain_score=1,
            pain_trend=PainTrend.IMPROVING,
            bleeding=Bleeding.LIGHT,
            discharge=Discharge.NORMAL,
        ),
        SELF_CARE,
        NONE,
        "HSE Ireland 'Miscarriage'; Mater Mothers' Hospital (bleeding can go on for up to about "
        "2–3 weeks)",
    ),
    vignette(
        "later-loss-18-weeks-settling-well",
        SymptomReport(
            days_since_loss=7,
            weeks_pregnant=18,
            management=Management.SPONTANEOUS,
            pain_score=3,
            pain_trend=PainTrend.IMPROVING,
            pain_relieved_by_medication=True,
            temperature_c=37.2,
            discharge=Discharge.NORMAL,
            bleeding=Bleeding.LIGHT,
        ),
        SELF_CARE,
        NONE,
        "The guide's FAQ on early vs late loss (longer recovery, no different red flags); "
        "CLINICAL.md 'Later losses' (a settling recovery after a later loss is still self-care)",
    ),
    vignette(
        "day-5-after-medical-management",
        SymptomReport(
            days_since_loss=5,
            weeks_pregnant=8,
            management=Management.MEDICAL,
            pain_score=3,
            pain_trend=PainTrend.IMPROVING,
            pain_relieved_by_medication=True,
            bleeding=Bleeding.LIGHT,
            temperature_c=37.1,
        ),
        SELF_CARE,
        NONE,
        "NICE NG126 (medical management; bleeding and cramps expected); HSE Ireland 'Miscarriage'",
    ),
    vignette(
        "day-3-after-surgical-management",
        SymptomReport(
            days_since_loss=3,
            weeks_pregnant=11,
            management=Management.SURGICAL,
            pain_score=2,
            pain_trend=PainTrend.IMPROVING,
            bleeding=Bleeding.SPOTTING,
            discharge=Discharge.NORMAL,
            temperature_c=37.0,
        ),
        SELF_CARE,
        NONE,
        "Peterborough City Hospital 'Aftercare following miscarriage' (some bleeding and "
        "discomfort after surgical management; seek help at 38 °C or higher)",
    ),
    vignette(
        "low-grade-temperature-37.8-nothing-else",
        SymptomReport(
            days_since_loss=4,
            weeks_pregnant=7,
            pain_score=2,
            pain_trend=PainTrend.IMPROVING,
            temperature_c=37.8,
            bleeding=Bleeding.LIGHT,
        ),
        SELF_CARE,
        NONE,
        "US clinic guidance (99–100 °F is not a concern on its own); Peterborough aftercare "
        "('38 or higher' is the line)",
    ),
    vignette(
        "day-14-test-still-positive-too-early-to-tell",
        SymptomReport(
            days_since_loss=14,
            weeks_pregnant=9,
            positive_pregnancy_test=True,
            pain_score=0,
            bleeding=Bleeding.SPOTTING,
        ),
        SELF_CARE,
        NONE,
        "NICE NG126 (the pregnancy test is taken 3 weeks after expectant or medical "
        "management; earlier it may still be positive)",
    ),
    vignette(
        "day-28-waiting-for-next-period",
        SymptomReport(
            days_since_loss=28,
            weeks_pregnant=8,
            pain_score=0,
            bleeding=Bleeding.NONE,
            positive_pregnancy_test=False,
            discharge=Discharge.NORMAL,
        ),
        SELF_CARE,
        NONE,
        "Peterborough City Hospital 'Aftercare following miscarriage' (next period usually "
        "4–6 weeks later)",
    ),
    vignette(
        "day-25-no-pain-pain-no-longer-tracked",
        SymptomReport(
            days_since_loss=25,
            weeks_pregnant=12,
            pain_score=0,
            pain_trend=PainTrend.IMPROVING,
            bleeding=Bleeding.NONE,
        ),
        SELF_CARE,
        NONE,
        "HSE Ireland 'Miscarriage' (pain milder after a few days and gone); the guide's "
        "timeline (a few days to several weeks)",
    ),
    # --- ROUTINE: book an appointment within days ---------------------------------------------
    vignette(
        "day-25-back-ache-lingering",
        SymptomReport(
            days_since_loss=25,
            weeks_pregnant=9,
            pain_score=3,
            pain_trend=PainTrend.STABLE,
            pain_relieved_by_medication=True,
            bleeding=Bleeding.NONE,
        ),
        ROUTINE,
        ("persistent-pain",),
        "The guide ('persists beyond several weeks'); NHS GGC ('bleeding or pain longer than 3 "
        "weeks should be reviewed'); Verywell (cramping beyond two weeks)",
    ),
    vignette(
        "pain-stops-her-going-to-work",
        SymptomReport(
            days_since_loss=6,
            weeks_pregnant=14,
            pain_score=5,
            pain_trend=PainTrend.IMPROVING,
            pain_relieved_by_medication=True,
            pain_limits_daily_activities=True,
            bleeding=Bleeding.LIGHT,
        ),
        ROUTINE,
        ("pain-limits-daily-activities",),
        "The guide's FAQ ('seek medical attention if the pain interferes with daily activities')",
    ),
    vignette(
        "day-24-still-bleeding-lightly",
        SymptomReport(
            days_since_loss=24,
            weeks_pregnant=8,
            pain_score=0,
            bleeding=Bleeding.LIGHT,
            discharge=Discharge.NORMAL,
        ),
        ROUTINE,
        ("prolonged-bleeding",),
        "NHS Greater Glasgow & Clyde early pregnancy service; HSE Ireland 'Miscarriage' "
        "(bleeding beyond three weeks should be checked)",
    ),
    vignette(
        "day-21-home-test-still-positive",
        SymptomReport(
            days_since_loss=21,
            weeks_pregnant=7,
            management=Management.MEDICAL,
            positive_pregnancy_test=True,
            pain_score=0,
            bleeding=Bleeding.NONE,
        ),
        ROUTINE,
        ("positive-pregnancy-test",),
        "NICE NG126 (a pregnancy test 3 weeks after expectant or medical management; a "
        "positive result needs review)",
    ),
    vignette(
        "flashbacks-a-month-after",
        SymptomReport(
            days_since_loss=30,
            weeks_pregnant=10,
            pain_score=0,
            bleeding=Bleeding.NONE,
            low_mood=True,
        ),
        ROUTINE,
        ("persistent-low-mood",),
        "Farren et al., AJOG 2020 (29% post-traumatic stress symptoms at one month)",
    ),
    # --- URGENT: contact a clinician or early-pregnancy unit today --------------------------
    vignette(
        "day-4-fever-38.2",
        SymptomReport(
            days_since_loss=4,
            weeks_pregnant=9,
            pain_score=3,
            pain_trend=PainTrend.IMPROVING,
            temperature_c=38.2,
            bleeding=Bleeding.LIGHT,
            discharge=Discharge.NORMAL,
        ),
        URGENT,
        ("fever-or-chills",),
        "Peterborough aftercare ('38 or higher'); NICE NG126; NICHD pregnancy-loss symptoms",
    ),
    vignette(
        "shivering-the-night-after-medical-management",
        SymptomReport(
            days_since_loss=1,
            weeks_pregnant=8,
            management=Management.MEDICAL,
            pain_score=4,
            pain_trend=PainTrend.STABLE,
            chills=True,
            temperature_c=37.6,
            bleeding=Bleeding.MODERATE,
        ),
        URGENT,
        ("fever-or-chills",),
        "The guide (fever or chills); NICHD pregnancy-loss symptoms",
    ),
    vignette(
        "day-7-foul-smelling-discharge",
        SymptomReport(
            days_since_loss=7,
            weeks_pregnant=11,
            pain_score=3,
            pain_trend=PainTrend.STABLE,
            temperature_c=37.3,
            discharge=Discharge.UNUSUAL,
            bleeding=Bleeding.SPOTTING,
        ),
        URGENT,
        ("unusual-discharge",),
        "The guide (unusual discharge); NHS GGC; NICHD (foul-smelling discharge)",
    ),
    vignette(
        "day-1-severe-back-pain-8-of-10",
        SymptomReport(
            days_since_loss=1,
            weeks_pregnant=16,
            pain_score=8,
            pain_trend=PainTrend.STABLE,
            pain_relieved_by_medication=True,
            bleeding=Bleeding.MODERATE,
            temperature_c=37.0,
        ),
        URGENT,
        ("severe-pain",),
        "The guide ('severe or increasing pain'); Serlin et al. 1995 (7–10 is severe)",
    ),
    vignette(
        "day-5-pain-getting-worse",
        SymptomReport(
            days_since_loss=5,
            weeks_pregnant=8,
            pain_score=5,
            pain_trend=PainTrend.WORSENING,
            pain_relieved_by_medication=True,
            bleeding=Bleeding.LIGHT,
            temperature_c=37.2,
        ),
        URGENT,
        ("increasing-pain",),
        "The guide ('worsens over time'); HSE Ireland 'Miscarriage'",
    ),
    vignette(
        "day-3-painkillers-not-helping",
        SymptomReport(
            days_since_loss=3,
            weeks_pregnant=10,
            pain_score=6,
            pain_trend=PainTrend.STABLE,
            pain_relieved_by_medication=False,
            bleeding=Bleeding.LIGHT,
        ),
        URGENT,
        ("pain-not-eased-by-painkillers",),
        "HSE Ireland 'Miscarriage' ('painkillers don't help'); NCT (backache not resolved by "
        "normal pain relief)",
    ),
    vignette(
        "day-9-bleeding-heavier-again",
        SymptomReport(
            days_since_loss=9,
            weeks_pregnant=9,
            pain_score=3,
            bleeding=Bleeding.MODERATE,
            bleeding_increasing=True,
        ),
        URGENT,
        ("bleeding-increasing",),
        "Verywell Family physical-recovery guidance; NHS GGC (bleeding that gets heavier again)",
    ),
    vignette(
        "day-12-swollen-left-calf",
        SymptomReport(
            days_since_loss=12,
            weeks_pregnant=15,
            management=Management.SURGICAL,
            pain_score=2,
            pain_trend=PainTrend.IMPROVING,
            calf_pain_or_swelling=True,
            bleeding=Bleeding.SPOTTING,
        ),
        URGENT,
        ("calf-pain-or-swelling",),
        "NHS after-birth guidance (deep-vein thrombosis); British Society for Haematology "
        "consensus (clot risk about twice baseline after early loss)",
    ),
    vignette(
        "day-6-fever-with-foul-discharge-and-worsening-pain",
        SymptomReport(
            days_since_loss=6,
            weeks_pregnant=10,
            management=Management.SURGICAL,
            pain_score=5,
            pain_trend=PainTrend.WORSENING,
            temperature_c=38.3,
            discharge=Discharge.UNUSUAL,
            bleeding=Bleeding.LIGHT,
        ),
        URGENT,
        ("signs-of-infection", "fever-or-chills", "unusual-discharge", "increasing-pain"),
        "The guide's FAQ (fever with unusual discharge could indicate infection); NCT 'How to "
        "spot maternal sepsis'",
    ),
    # --- EMERGENCY: seek emergency care now -------------------------------------------------
    vignette(
        "day-1-soaking-a-pad-an-hour",
        SymptomReport(
            days_since_loss=1,
            weeks_pregnant=9,
            pain_score=6,
            pain_trend=PainTrend.STABLE,
            bleeding=Bleeding.HEAVY,
        ),
        EMERGENCY,
        ("heavy-bleeding",),
        "Tommy's 'I think I'm having a miscarriage'; NHS GGC early pregnancy service "
        "(soaking a pad an hour or large clots)",
    ),
    vignette(
        "fainted-in-the-bathroom",
        SymptomReport(
            days_since_loss=2,
            weeks_pregnant=7,
            pain_score=5,
            fainting_or_dizziness=True,
            bleeding=Bleeding.MODERATE,
        ),
        EMERGENCY,
        ("fainting-or-dizziness",),
        "NHS GGC; Tommy's (fainting can mean internal bleeding or an ectopic pregnancy)",
    ),
    vignette(
        "shoulder-tip-pain-after-an-early-loss",
        SymptomReport(
            days_since_loss=3,
            weeks_pregnant=6,
            pain_score=5,
            pain_trend=PainTrend.STABLE,
            shoulder_tip_pain=True,
            bleeding=Bleeding.SPOTTING,
        ),
        EMERGENCY,
        ("shoulder-tip-pain",),
        "NHS 'Ectopic pregnancy: symptoms' (shoulder-tip pain); Tommy's",
    ),
    vignette(
        "day-10-short-of-breath-after-surgery",
        SymptomReport(
            days_since_loss=10,
            weeks_pregnant=13,
            management=Management.SURGICAL,
            pain_score=2,
            breathlessness_or_chest_pain=True,
            bleeding=Bleeding.SPOTTING,
        ),
        EMERGENCY,
        ("breathlessness-or-chest-pain",),
        "NHS after-birth guidance (pulmonary embolism); Healthwise 'Miscarriage: when to call'",
    ),
    vignette(
        "confused-and-slurring-with-high-fever",
        SymptomReport(
            days_since_loss=5,
            weeks_pregnant=12,
            management=Management.SURGICAL,
            confusion=True,
            temperature_c=38.9,
            pain_score=5,
        ),
        EMERGENCY,
        ("sepsis-signs", "fever-or-chills"),
        "NHS / UK Sepsis Trust 'Think sepsis' (slurred speech or confusion)",
    ),
    vignette(
        "racing-heart-fever-and-foul-discharge",
        SymptomReport(
            days_since_loss=4,
            weeks_pregnant=10,
            rapid_heartbeat=True,
            temperature_c=38.5,
            chills=True,
            discharge=Discharge.UNUSUAL,
            pain_score=5,
            pain_trend=PainTrend.STABLE,
        ),
        EMERGENCY,
        ("sepsis-signs", "signs-of-infection", "fever-or-chills", "unusual-discharge"),
        "NCT 'How to spot maternal sepsis' (fast heartbeat with fever); UK Sepsis Trust",
    ),
    vignette(
        "thoughts-of-ending-her-life",
        SymptomReport(
            days_since_loss=20,
            weeks_pregnant=19,
            pain_score=1,
            pain_trend=PainTrend.IMPROVING,
            low_mood=True,
            self_harm_thoughts=True,
        ),
        EMERGENCY,
        ("self-harm-thoughts", "persistent-low-mood"),
        "patient.info 'Suicidal thoughts'; NHS 'Where to get urgent help for mental health'",
    ),
    vignette(
        "severe-pain-with-fever",
        SymptomReport(
            days_since_loss=3,
            weeks_pregnant=9,
            pain_score=8,
            pain_trend=PainTrend.WORSENING,
            temperature_c=38.4,
            bleeding=Bleeding.MODERATE,
        ),
        EMERGENCY,
        ("severe-pain-with-complications", "severe-pain", "fever-or-chills"),
        "NICHD pregnancy-loss symptoms (severe pain and fever: call 911); the guide's FAQ",
    ),
    vignette(
        "severe-pain-with-foul-discharge-no-fever",
        SymptomReport(
            days_since_loss=8,
            weeks_pregnant=14,
            pain_score=9,
            pain_trend=PainTrend.STABLE,
            temperature_c=37.6,
            discharge=Discharge.UNUSUAL,
        ),
        EMERGENCY,
        ("severe-pain-with-complications", "unusual-discharge"),
        "The guide's FAQ ('especially when accompanied by … unusual discharge'); NICHD (foul "
        "discharge)",
    ),
    vignette(
        "severe-pain-with-heavy-bleeding-after-later-loss",
        SymptomReport(
            days_since_loss=2,
            weeks_pregnant=20,
            pain_score=7,
            bleeding=Bleeding.HEAVY,
        ),
        EMERGENCY,
        ("severe-pain-with-complications", "heavy-bleeding"),
        "NHS GGC; the guide's FAQ (severe pain with heavy bleeding)",
    ),
]

PARAMS = [pytest.param(v, id=v.name) for v in VIGNETTES]


@pytest.mark.parametrize("case", PARAMS)
def test_vignette_gets_exactly_its_urgency(case: Vignette) -> None:
    assessment = postloss.assess(case.report)
    fired = {finding.rule_id for finding in assessment.findings}
    assert assessment.urgency == case.expected, (case.source, fired)
    assert case.required <= fired
    assert case.required <= set(assessment.red_flags)
    if case.expected is SELF_CARE:
        assert not assessment.findings
        assert not assessment.escalated
    else:
        assert assessment.escalated
        assert case.required, "an escalated vignette names the red flags it must raise"


@pytest.mark.parametrize("case", PARAMS)
def test_vignette_cites_a_source(case: Vignette) -> None:
    assert case.source.strip()


def test_vignettes_cover_every_red_flag() -> None:
    guide_flags = {flag.id for flag in postloss.load_guide().red_flags}
    required = set().union(*(case.required for case in VIGNETTES))
    assert required == guide_flags
    assert len(guide_flags) == 20


def test_there_are_enough_vignettes_and_benign_ones() -> None:
    assert len(VIGNETTES) >= 24
    assert sum(case.expected is SELF_CARE for case in VIGNETTES) >= 8
    assert {case.expected for case in VIGNETTES} == set(Urgency)
    names = [case.name for case in VIGNETTES]
    assert len(names) == len(set(names))
