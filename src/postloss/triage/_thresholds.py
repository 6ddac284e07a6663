"""Thresholds: the numbers behind the red flags, with sourced defaults and clinical bounds."""

from __future__ import annotations

from typing import Any

import attrs

from postloss.errors import InvalidThresholdsError
from postloss.triage._fields import field, install_init

__all__ = ["Thresholds"]


def _line(  # noqa: PLR0917  # a threshold a line, in the columns of the table
    default: float, low: float, high: float, unit: str, sources: tuple[str, ...], doc: str
) -> Any:
    return field(default, low=low, high=high, unit=unit, help=doc, sources=sources, doc=doc)


@attrs.frozen(kw_only=True)
class Thresholds:
    """The numbers the built-in rules compare with; change them only within their bounds.

    Each field's metadata holds its ``sources`` (guide source ids), its ``unit``
    and a ``doc`` line; the decision table in ``docs/rules.md`` shows them all.
    The default is the line the sources draw, and the bounds only let an app make
    a rule more sensitive (a lower fever line, a higher low-temperature line, a
    longer window after surgery), never less.

    >>> Thresholds(fever_c=37.8).fever_c
    37.8
    >>> Thresholds(fever_c=39.0)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidThresholdsError: invalid thresholds (1 problem(s)):
      - fever_c: must be between 37.5 and 38.0, got 39.0
    """

    fever_c: float = _line(
        38.0, 37.5, 38.0, "°C", ("peterborough-aftercare", "nice-ng51"),
        "A temperature at or above this is a fever (38.0 °C = 100.4 °F).",
    )  # fmt: skip
    low_temperature_c: float = _line(
        36.0, 36.0, 36.5, "°C", ("nice-ng51", "uk-sepsis-trust"),
        "A temperature below this is low, a sign of sepsis (36.0 °C = 96.8 °F).",
    )  # fmt: skip
    severe_pain: int = _line(
        7, 6, 7, "/10", ("original-guide",),
        "Pain at or above this on the 0–10 scale is severe (7–10 is the scale's severe band).",
    )  # fmt: skip
    fast_heart_rate_bpm: int = _line(
        100, 90, 100, "/min", ("nice-ng51",),
        "A heart rate at or above this is fast (100–130 a minute is moderate-to-high risk "
        "in people who are or were recently pregnant).",
    )  # fmt: skip
    high_risk_heart_rate_bpm: int = _line(
        131, 121, 131, "/min", ("nice-ng51",),
        "A heart rate at or above this is a high-risk sign of sepsis (more than 130 a minute).",
    )  # fmt: skip
    moderate_respiratory_rate: int = _line(
        21, 19, 21, "/min", ("nice-ng51",),
        "Breathing at or above this many breaths a minute is moderate-to-high risk (21–24).",
    )  # fmt: skip
    high_risk_respiratory_rate: int = _line(
        25, 23, 25, "/min", ("nice-ng51",),
        "Breathing at or above this many breaths a minute is a high-risk sign (25 or more).",
    )  # fmt: skip
    moderate_systolic_bp: int = _line(
        100, 100, 110, "mm[Hg]", ("nice-ng51",),
        "A systolic blood pressure at or below this is moderate-to-high risk (91–100 mmHg).",
    )  # fmt: skip
    high_risk_systolic_bp: int = _line(
        90, 90, 95, "mm[Hg]", ("nice-ng51",),
        "A systolic blood pressure at or below this is a high-risk sign (90 mmHg or less).",
    )  # fmt: skip
    moderate_hours_since_urine: int = _line(
        12, 8, 12, "h", ("nice-ng51",),
        "No urine for this many hours or more is moderate-to-high risk (12–17 hours).",
    )  # fmt: skip
    high_risk_hours_since_urine: int = _line(
        18, 14, 18, "h", ("nice-ng51", "uk-sepsis-trust"),
        "No urine for this many hours or more is a high-risk sign (18 hours or more).",
    )  # fmt: skip
    heavy_pads_per_hour: float = _line(
        1.0, 0.5, 1.0, "/h", ("tommys-miscarriage", "nhs-ggc-early-pregnancy"),
        "Soaking this many pads an hour or more is heavy bleeding (one pad an hour).",
    )  # fmt: skip
    surgery_window_days: int = _line(
        42, 42, 56, "days", ("nice-ng255",),
        "Surgery within this many days makes a fever or a low temperature an emergency "
        "(6 weeks).",
    )  # fmt: skip
    pain_and_bleeding_days: int = _line(
        14, 10, 14, "days", ("hse-miscarriage",),
        "Pain and bleeding both still present this many days after the loss should be "
        "checked (2 weeks).",
    )  # fmt: skip
    persistent_pain_days: int = _line(
        21, 14, 21, "days", ("original-guide", "nhs-ggc-early-pregnancy"),
        "Pain still present this many days after the loss has lasted 'several weeks' "
        "(3 weeks, the guide's own line).",
    )  # fmt: skip
    prolonged_bleeding_days: int = _line(
        21, 14, 21, "days", ("nhs-ggc-early-pregnancy", "hse-miscarriage"),
        "Bleeding still present this many days after the loss should be checked.",
    )  # fmt: skip
    pregnancy_test_days: int = _line(
        21, 14, 21, "days", ("nice-ng126",),
        "A pregnancy test still positive this many days after the loss should be reported.",
    )  # fmt: skip
    period_reassures_from_days: int = _line(
        21, 21, 28, "days", ("nhs-ectopic-pregnancy", "peterborough-aftercare"),
        "From this many days after the loss, bleeding that has come back like a period is "
        "not counted as prolonged or increasing bleeding.",
    )  # fmt: skip
    no_period_days: int = _line(
        56, 42, 56, "days", ("miscarriage-matters-nz", "peterborough-aftercare"),
        "No period this many days after the loss should be checked (8 weeks).",
    )  # fmt: skip


install_init(Thresholds, InvalidThresholdsError)
