"""What a finding's reason says: exactly the signs that hold, and every number it quotes."""

from collections.abc import Callable
from typing import TypeAlias

import attrs
from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss import Bleeding, Discharge, PainTrend, SymptomReport, Thresholds
from postloss._templates import placeholders
from postloss.triage._builtin import TABLE
from tests import strategies as s

R: TypeAlias = SymptomReport
T: TypeAlias = Thresholds


def _between(value: float | None, low: float, high: float) -> bool:
    return value is not None and low <= value < high


#: Each clause a reason may list, restated from its words in the guide's [clauses] table.
CLAUSE_HOLDS: dict[str, Callable[[R, T], bool]] = {
    "temperature-high": lambda r, t: r.temperature_c is not None and r.temperature_c >= t.fever_c,
    "chills": lambda r, t: r.chills is True,
    "temperature-low": lambda r, t: (
        r.temperature_c is not None and r.temperature_c < t.low_temperature_c
    ),
    "discharge-unusual": lambda r, t: r.discharge is Discharge.UNUSUAL,
    "bleeding-heavy": lambda r, t: r.bleeding is Bleeding.HEAVY,
    "pads-heavy": lambda r, t: (
        r.pads_soaked_per_hour is not None and r.pads_soaked_per_hour >= t.heavy_pads_per_hour
    ),
    "large-clots": lambda r, t: r.large_clots is True,
    "bleeding-moderate": lambda r, t: r.bleeding is Bleeding.MODERATE,
    "pain-severe": lambda r, t: r.pain_score is not None and r.pain_score >= t.severe_pain,
    "pain-increasing": lambda r, t: r.pain_trend is PainTrend.WORSENING,
    "heart-racing": lambda r, t: r.rapid_heartbeat is True,
    "heart-rate-fast": lambda r, t: (
        r.heart_rate_bpm is not None and r.heart_rate_bpm >= t.fast_heart_rate_bpm
    ),
    "heart-rate-moderate": lambda r, t: _between(
        r.heart_rate_bpm, t.fast_heart_rate_bpm, t.high_risk_heart_rate_bpm
    ),
    "heart-rate-high": lambda r, t: (
        r.heart_rate_bpm is not None and r.heart_rate_bpm >= t.high_risk_heart_rate_bpm
    ),
    "breathing-moderate": lambda r, t: _between(
        r.respiratory_rate, t.moderate_respiratory_rate, t.high_risk_respiratory_rate
    ),
    "breathing-high": lambda r, t: (
        r.respiratory_rate is not None and r.respiratory_rate >= t.high_risk_respiratory_rate
    ),
    "pressure-moderate": lambda r, t: (
        r.systolic_bp is not None
        and t.high_risk_systolic_bp < r.systolic_bp <= t.moderate_systolic_bp
    ),
    "pressure-high": lambda r, t: (
        r.systolic_bp is not None and r.systolic_bp <= t.high_risk_systolic_bp
    ),
    "urine-moderate": lambda r, t: _between(
        r.hours_since_urine, t.moderate_hours_since_urine, t.high_risk_hours_since_urine
    ),
    "urine-high": lambda r, t: (
        r.hours_since_urine is not None and r.hours_since_urine >= t.high_risk_hours_since_urine
    ),
    "skin": lambda r, t: r.skin_mottled_ashen_or_blue is True,
    "rash": lambda r, t: r.non_blanching_rash is True,
    "confusion": lambda r, t: r.confusion is True,
    "fainting": lambda r, t: r.fainting_or_dizziness is True,
    "one-sided-pain": lambda r, t: r.one_sided_lower_abdominal_pain is True,
    "pain-peeing-or-pooing": lambda r, t: r.pain_when_peeing_or_pooing is True,
    "on-day": lambda r, t: r.days_since_loss is not None,
    "date-missing": lambda r, t: r.days_since_loss is None,
}
ROWS = {row.id: row for row in TABLE}


def test_every_clause_of_the_guide_is_restated_here() -> None:
    assert set(CLAUSE_HOLDS) == set(postloss.load_guide().clauses)


@st.composite
def cases(draw: st.DrawFn) -> tuple[SymptomReport, Thresholds]:
    thresholds = draw(s.thresholds())
    return draw(s.reports(SymptomReport, thresholds)), thresholds


def _shown(value: object) -> list[str]:
    """The ways a reason may write a number: temperatures to one or two decimals."""
    if isinstance(value, float):
        return [f"{value:.1f}", f"{value:.2f}", f"{value:g}"]
    return [str(value)]


@given(cases())
def test_a_reason_lists_exactly_the_signs_that_hold_and_quotes_their_numbers(
    case: tuple[SymptomReport, Thresholds],
) -> None:
    """Guarantee 1's "and why": each built-in finding names its rule's signs that hold.

    Every one that holds on the report, and no other; and the reason writes out every
    number its words quote.
    """
    report, thresholds = case
    guide = postloss.load_guide()
    for finding in postloss.assess(
        report, rules=postloss.default_rules(thresholds=thresholds)
    ).findings:
        row = ROWS[finding.rule_id]
        holding = {c for c in row.evidence.clauses if CLAUSE_HOLDS[c](report, thresholds)}
        signs = finding.facts.get("signs", ())
        assert set(signs) == holding, finding.rule_id
        reason = finding.reason
        assert "{" not in reason, reason
        assert "}" not in reason, reason
        quoted = placeholders(finding.template)
        if "signs" in quoted:  # the signs are written out, each in its own words
            quoted |= {name for sign in signs for name in placeholders(guide.clauses[sign])}
        for name in quoted - {"signs"}:
            value = finding.facts[name]
            assert any(text in reason for text in _shown(value)), (name, value, reason)


@given(cases())
def test_chills_are_called_chills_never_a_fever(case: tuple[SymptomReport, Thresholds]) -> None:
    """CLINICAL.md: without a measured fever, no reason says "fever" of the person.

    The red flag's own name, "fever or chills", may stand before the signs it lists.
    """
    report, thresholds = case
    if report.temperature_c is not None and report.temperature_c >= thresholds.fever_c:
        report = attrs.evolve(report, temperature_c=None)
    for finding in postloss.assess(
        report, rules=postloss.default_rules(thresholds=thresholds)
    ).findings:
        assert "fever" not in finding.reason.replace("fever or chills", ""), finding.reason
